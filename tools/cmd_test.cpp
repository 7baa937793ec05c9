// kpi test: run the tests written inside rule packs.
#include <cstdio>
#include <memory>

#include "engine/rules/check.hpp"
#include "tools/commands.hpp"

namespace kpi::cli {
namespace {

struct test_cli {
  std::vector<std::string> paths;
  std::vector<std::string> libs;
  bool coverage = false;
  rules::limits lim;
};

}  // namespace

command test_command() {
  auto o = std::make_shared<test_cli>();
  return {"test", "Run the tests of rule packs (default: the built-in packs)",
          [o](CLI::App& app, common_options&) {
            app.add_option("packs", o->paths, "Pack files or directories");
            app.add_option("--lib", o->libs, "Extra declaration files (units, terms)")
                ->allow_extra_args(false);
            app.add_flag("--coverage", o->coverage, "List the rules that no test exercises");
            app.add_option("--max-steps", o->lim.max_steps,
                           "Step budget of one rule on one project or indicator");
          },
          [o](const common_options& common) {
            disk_reader reader;
            rules::test_report r = rules::run_pack_tests(o->paths, o->libs, o->lim, reader);
            print_diagnostics(r.diags, common);
            if (r.diags.has_errors()) return exit_bad_input;
            std::string out = rules::test_report_text(r, common.language(), o->coverage);
            std::fwrite(out.data(), 1, out.size(), stdout);
            return r.failed() > 0 ? exit_findings : exit_ok;
          }};
}

}  // namespace kpi::cli
