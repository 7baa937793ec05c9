// kpi fmt: canonical text of .kpi files.
#include <cstdio>
#include <memory>

#include "engine/format/format.hpp"
#include "tools/commands.hpp"

namespace kpi::cli {
namespace {

struct fmt_options {
  std::vector<std::string> files;
  bool in_place = false;
  bool check = false;
};

}  // namespace

command fmt_command() {
  auto o = std::make_shared<fmt_options>();
  return {"fmt", "Print files in canonical form (-i rewrites them, --check only tells)",
          [o](CLI::App& app, common_options&) {
            app.add_option("files", o->files, "Files to format (.kpi)")->required();
            app.add_flag("-i,--in-place", o->in_place, "Rewrite the files");
            app.add_flag("--check", o->check,
                         "Exit 1 when a file is not formatted; change nothing");
          },
          [o](const common_options& common) {
            disk_reader reader;
            format_report rep = format_files(o->files, reader, o->in_place, o->check);
            print_diagnostics(rep.diags, common);
            if (!o->in_place && !o->check)
              std::fwrite(rep.output.data(), 1, rep.output.size(), stdout);
            for (const auto& f : rep.unformatted)
              std::fprintf(stderr, "%s: not formatted / 格式不规范\n", f.c_str());
            if (rep.diags.has_errors()) return exit_bad_input;
            return o->check && !rep.unformatted.empty() ? exit_findings : exit_ok;
          }};
}

}  // namespace kpi::cli
