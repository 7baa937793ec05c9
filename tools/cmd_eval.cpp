// kpi eval: score year-end actuals against the targets with a scoring pack.
#include <cerrno>
#include <cstdio>
#include <memory>

#include "engine/eval/report.hpp"
#include "engine/eval/session.hpp"
#include "tools/commands.hpp"

namespace kpi::cli {
namespace {

struct eval_options {
  std::vector<std::string> files;
  std::vector<std::string> libs;
  std::string rules;
  std::string format = "text";
  std::string output;
  bool explain = false;
  eval::exit_policy policy;
};

// Why libxlsxwriter failed: the system's reason when the disk refused (its own message then
// only says "zip error"), else its message.
text xlsx_failure(const std::string& why, int err) {
  for (int disk : {ENOSPC, EFBIG, EDQUOT, EIO, EROFS})
    if (err == disk) return os_reason(err);
  return {why, "生成 xlsx 失败（" + why + "）"};
}

}  // namespace

command eval_command() {
  auto o = std::make_shared<eval_options>();
  return {
      "eval", "Score year-end actuals (.kpi or CSV) against the targets (SCORING.md)",
      [o](CLI::App& app, common_options& common) {
        add_jobs_option(app, common);
        app.add_option("files", o->files, "Targets, then actuals (.kpi or .csv)")->required();
        app.add_option("--rules", o->rules, "Scoring pack (default rules/scoring/default.kpi)");
        app.add_option("--format", o->format, "text, json, csv, xlsx or html")
            ->check(CLI::IsMember({"text", "json", "csv", "xlsx", "html"}));
        app.add_option("-o,--output", o->output, "Write the report to FILE (required for xlsx)");
        app.add_flag("--explain", o->explain, "Show how each score was computed (text)");
        app.add_flag("--allow-unmatched", o->policy.allow_unmatched,
                     "Exit 0 despite unmatched actuals");
        app.add_flag("--allow-missing", o->policy.allow_missing, "Exit 0 despite missing actuals");
        app.add_option("--lib", o->libs, "Extra declaration files (units, terms)")
            ->allow_extra_args(false);
      },
      [o](const common_options& common) {
        if (o->format == "xlsx" && o->output.empty()) {
          std::fputs("error: --format xlsx needs -o FILE.xlsx\n", stderr);
          return exit_bad_input;
        }
        std::vector<std::string> inputs = o->files;
        inputs.insert(inputs.end(), o->libs.begin(), o->libs.end());
        if (!o->rules.empty()) inputs.push_back(o->rules);
        if (!output_is_safe(o->output, inputs, common)) return exit_bad_input;
        disk_reader reader;
        auto& s = keep_until_exit(eval::prepare({o->files, o->rules, o->libs}, reader));
        print_diagnostics(s.diags, common);
        if (!s.ok()) return exit_bad_input;
        s.params->explain = o->explain && o->format == "text";
        // The report to stdout or to -o FILE, a piece at a time.
        text error;
        auto emit = [&](const std::function<void(const file_reader::put_fn&)>& produce) {
          if (!o->output.empty()) return reader.write_streamed(o->output, produce, error);
          produce([](std::string_view t) { std::fwrite(t.data(), 1, t.size(), stdout); });
          return true;
        };
        auto cannot_write = [&] {
          print_cannot_write(o->output, error, common);
          return exit_bad_input;
        };
        if (o->format != "xlsx" && o->format != "html") {  // written while scored: little memory
          eval::eval_result* r = nullptr;
          bool written = emit([&](const file_reader::put_fn& put) {
            auto w = eval::stream_report(o->format, common.language(), o->explain, put);
            r = &keep_until_exit(eval::run_streamed(s, *w));
          });
          if (r != nullptr) print_diagnostics(r->findings, common);
          if (!written) return cannot_write();
          return eval::exit_status(*r, o->policy);
        }
        eval::eval_result& r = keep_until_exit(eval::run(s));
        print_diagnostics(r.findings, common);
        if (o->format == "xlsx") {
          diagnostics warnings;
          const bool written = reader.write_named(
              o->output,
              [&](const std::string& name, text& e) {
                std::string why;
                errno = 0;
                if (eval::report_xlsx(r, name, why, warnings)) return true;
                e = xlsx_failure(why, errno);
                return false;
              },
              error);
          print_diagnostics(warnings, common);
          if (!written) return cannot_write();
        } else if (!emit([&](const file_reader::put_fn& put) {
                     eval::write_html(r, common.language(), put);
                   })) {
          return cannot_write();
        }
        return eval::exit_status(r, o->policy);
      }};
}

}  // namespace kpi::cli
