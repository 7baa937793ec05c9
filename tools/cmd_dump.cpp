// kpi dump: the checked model of target and actuals files.
#include <cstdio>
#include <memory>

#include "engine/load/load.hpp"
#include "engine/model/dump.hpp"
#include "tools/commands.hpp"

namespace kpi::cli {
namespace {

struct dump_options {
  std::vector<std::string> files;
  std::vector<std::string> libs;
  std::string format = "json";
};

}  // namespace

command dump_command() {
  auto o = std::make_shared<dump_options>();
  return {"dump", "Print the checked model of target and actuals files (SPEC §5)",
          [o](CLI::App& app, common_options& common) {
            add_jobs_option(app, common);
            app.add_option("files", o->files, "Target and actuals files (.kpi)")->required();
            app.add_option("--lib", o->libs, "Extra declaration files (units, terms)")
                ->allow_extra_args(false);
            app.add_option("--format", o->format, "text or json")
                ->check(CLI::IsMember({"text", "json"}));
          },
          [o](const common_options& common) {
            disk_reader reader;
            load_result& r = keep_until_exit(load(o->files, {o->libs, true}, reader));
            print_diagnostics(r.diags, common);
            if (!r.ok()) return exit_bad_input;
            auto put = [](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); };
            if (o->format == "json")
              dump_json(r.model, put);
            else
              dump_text(r.model, put);
            return exit_ok;
          }};
}

}  // namespace kpi::cli
