// kpi import: the extracted text of published target tables → a .kpi target file and a report
// of every guess (docs/import.md).
#include <cstdio>
#include <memory>

#include "engine/import/import.hpp"
#include "engine/import/report.hpp"
#include "tools/commands.hpp"

namespace kpi::cli {
namespace {

struct import_options {
  std::vector<std::string> files;
  std::vector<std::string> libs;
  std::string output;
  std::string report = "text";
};

void put(const std::string& s, FILE* to) {
  std::fwrite(s.data(), 1, s.size(), to);
}

}  // namespace

command import_command() {
  auto o = std::make_shared<import_options>();
  return {
      "import",
      "Read target tables extracted from PDF/Word into a .kpi target file, reporting every guess",
      [o](CLI::App& app, common_options&) {
        app.add_option("files", o->files,
                       "Text extracted from 绩效目标申报表 (one or many tables per file)")
            ->required();
        app.add_option("-o,--output", o->output, "Write the .kpi file here (default: stdout)");
        app.add_option("--lib", o->libs, "Extra declaration files (units, terms)")
            ->allow_extra_args(false);
        app.add_option("--report", o->report,
                       "text or json (json goes to stdout with -o, else to stderr)")
            ->check(CLI::IsMember({"text", "json"}));
      },
      [o](const common_options& common) {
        std::vector<std::string> inputs = o->files;
        inputs.insert(inputs.end(), o->libs.begin(), o->libs.end());
        if (!output_is_safe(o->output, inputs, common)) return exit_bad_input;
        disk_reader reader;
        importer::import_result r = importer::import_tables(o->files, {o->libs}, reader);
        print_diagnostics(r.diags, common);
        if (r.diags.has_errors()) return exit_bad_input;
        text error;
        if (o->output.empty()) {
          put(r.kpi, stdout);
        } else if (!reader.write(o->output, r.kpi, error)) {
          print_cannot_write(o->output, error, common);
          return exit_bad_input;
        }
        if (o->report == "json")
          put(importer::report_json(r, common.language()), o->output.empty() ? stderr : stdout);
        else
          put(importer::render_report(r, common.language()), stderr);
        return r.unplaced_count() > 0 ? exit_findings : exit_ok;
      }};
}

}  // namespace kpi::cli
