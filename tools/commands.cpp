#include "tools/commands.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "engine/load/files.hpp"
#include "engine/load/parallel.hpp"

namespace kpi::cli {

const std::vector<command>& commands() {
  static const std::vector<command> table = {
      check_command(), dump_command(),   eval_command(),
      fmt_command(),   import_command(), test_command(),
  };
  return table;
}

void add_jobs_option(CLI::App& app, common_options& common) {
  app.add_option("-j,--jobs", common.jobs,
                 "Threads to use (default: the number of cores); output is the same for any N");
}

void apply_jobs(const common_options& common) {
  const unsigned used = set_jobs(common.jobs);
  if (common.jobs == 0 || used == common.jobs) return;
  diagnostics d;
  d.report(severity::note, nullptr, {},
           {fmt::format("--jobs {} is more than this machine can use; using {} threads "
                        "(at most 4 per hardware thread, and never more than 256)",
                        common.jobs, used),
            fmt::format("--jobs {} 超出本机可用的线程数；改用 {} 个线程（每个硬件线程至多 4 个，"
                        "总数不超过 256）",
                        common.jobs, used)});
  print_diagnostics(d, common);
}

bool output_is_safe(const std::string& output, const std::vector<std::string>& inputs,
                    const common_options& common) {
  if (output.empty()) return true;
  auto input = overwritten_input(output, inputs);
  if (!input) return true;
  diagnostics d;
  d.error(nullptr, {},
          {fmt::format("-o {} would overwrite the input {}; kpi never overwrites an input file",
                       output, *input),
           fmt::format("-o {} 会覆盖输入文件 {}；kpi 不会覆盖输入文件", output, *input)});
  print_diagnostics(d, common);
  return false;
}

void print_cannot_write(const std::string& path, const text& reason, const common_options& common) {
  diagnostics d;
  d.error(nullptr, {},
          {fmt::format("cannot write {}: {}", path, reason.en),
           fmt::format("无法写入 {}：{}", path, reason.zh)});
  print_diagnostics(d, common);
}

void print_diagnostics(const diagnostics& d, const common_options& common) {
  render_all(d, common.language(),
             [](std::string_view t) { std::fwrite(t.data(), 1, t.size(), stderr); });
}

}  // namespace kpi::cli
