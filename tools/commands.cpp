#include "tools/commands.hpp"

#include <cstdio>

namespace kpi::cli {

const std::vector<command>& commands() {
  static const std::vector<command> table = {
      check_command(), dump_command(),   eval_command(),
      fmt_command(),   import_command(), test_command(),
  };
  return table;
}

void print_diagnostics(const diagnostics& d, const common_options& common) {
  std::string text = render_all(d, common.language());
  std::fwrite(text.data(), 1, text.size(), stderr);
}

}  // namespace kpi::cli
