// kpi — the command line. main() plus a table of subcommands; each handler parses its options,
// calls one engine function and prints. Logic lives in engine/.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include "engine/base/spell.hpp"
#include "tools/commands.hpp"

int main(int argc, char** argv) {
  using namespace kpi::cli;
  CLI::App app{
      "kpi — 绩效目标 rule engine: targets, audits and year-end scoring for performance "
      "indicators"};
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
  // An unknown subcommand: name it and suggest the closest one.
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--lang") {
      ++i;
      continue;
    }
    if (arg.empty() || arg[0] == '-') continue;
    if (std::find(names.begin(), names.end(), arg) == names.end()) {
      auto hint = kpi::closest(arg, names);
      std::fprintf(stderr, "kpi: unknown command '%s'%s (commands: %s)\n", arg.c_str(),
                   hint ? fmt::format("; did you mean '{}'?", *hint).c_str() : "",
                   fmt::format("{}", fmt::join(names, ", ")).c_str());
      return kpi::cli::exit_bad_input;
    }
    break;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kpi::cli::exit_bad_input;
  }
  for (const command& c : commands())
    if (app.got_subcommand(c.name)) {
      apply_jobs(common);
      return c.run(common);
    }
  return 2;
}
