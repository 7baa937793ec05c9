// kpi — the command line. main() plus a table of subcommands; each handler parses its options,
// calls one engine function and prints. Logic lives in engine/.
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "engine/base/spell.hpp"
#include "tools/commands.hpp"

int main(int argc, char** argv) {
  using namespace kpi::cli;
  CLI::App app{"kpi — 绩效目标 rule engine: targets, audits and year-end scoring for performance indicators"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "kpi 0.1.0");
  common_options common;
  app.add_option("--lang", common.lang, "Language of messages: zh or en (default: from LANG)")
      ->check(CLI::IsMember({"zh", "en"}));
  std::vector<std::string> names;
  for (const command& c : commands()) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    c.setup(*sub, common);
    names.emplace_back(c.name);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (argc > 1 && e.get_name() == "ExtrasError" ) {
      // An unknown subcommand: suggest the closest one.
      if (auto hint = kpi::closest(argv[1], names); hint && argv[1][0] != '-')
        std::fprintf(stderr, "kpi: unknown command '%s'; did you mean '%s'?\n", argv[1], hint->c_str());
    }
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  for (const command& c : commands())
    if (app.got_subcommand(c.name)) return c.run(common);
  return 2;
}
