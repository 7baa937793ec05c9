// kpi check: audit target files with rule packs.
#include <cstdio>
#include <memory>

#include "engine/rules/check.hpp"
#include "engine/rules/report.hpp"
#include "tools/commands.hpp"

namespace kpi::cli {
namespace {

struct check_cli {
  rules::check_options opts;
  std::string format = "text";
};

}  // namespace

command check_command() {
  auto o = std::make_shared<check_cli>();
  return {"check", "Audit target files with rule packs (default: the built-in target-setting pack)",
          [o](CLI::App& app, common_options& common) {
            add_jobs_option(app, common);
            app.add_option("files", o->opts.files, "Target files (.kpi)")->required();
            app.add_option("--rules", o->opts.packs,
                           "Rule packs: files or directories (default: built-in audit pack)")
                ->allow_extra_args(false);
            app.add_option("--lib", o->opts.libs, "Extra declaration files (units, terms)")
                ->allow_extra_args(false);
            app.add_option("--format", o->format, "text, json or sarif")
                ->check(CLI::IsMember({"text", "json", "sarif"}));
            app.add_flag("--explain", o->opts.explain,
                         "Show the failed conditions and the values they saw");
            app.add_option("--max-steps", o->opts.lim.max_steps,
                           "Step budget of one rule on one project or indicator");
            app.add_option("--max-run-steps", o->opts.lim.max_run_steps,
                           "Step budget of the whole run: every rule on every project together");
            app.add_option("--max-message-bytes", o->opts.lim.max_message_bytes,
                           "Longest message of a finding, in bytes; a longer one is cut with …");
          },
          [o](const common_options& common) {
            disk_reader reader;
            o->opts.release_projects = true;
            rules::check_result& r = keep_until_exit(rules::run_check(o->opts, reader));
            print_diagnostics(r.loaded.diags, common);
            print_diagnostics(r.pack_diags, common);
            if (!r.ok()) return exit_bad_input;
            const auto& sources = r.loaded.model.sources;
            auto put = [](std::string_view t) { std::fwrite(t.data(), 1, t.size(), stdout); };
            if (o->format == "json")
              put(rules::findings_json(r.findings, r.programs, sources, o->opts.explain));
            else if (o->format == "sarif")
              put(rules::findings_sarif(r.findings, r.programs, sources));
            else  // a megabyte at a time: the text of every finding is never held at once
              rules::findings_text(r.findings, r.programs, sources, common.language(),
                                   o->opts.explain, put);
            return rules::count_findings(r.findings).error > 0 ? exit_findings : exit_ok;
          }};
}

}  // namespace kpi::cli
