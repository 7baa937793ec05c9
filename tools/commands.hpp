// The subcommand table of the kpi command line.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "engine/base/diagnostic.hpp"

namespace kpi::cli {

// Exit codes (SPEC §5): 0 clean, 1 findings/unmatched/unformatted, 2 bad input or usage.
inline constexpr int exit_ok = 0;
inline constexpr int exit_findings = 1;
inline constexpr int exit_bad_input = 2;

struct common_options {
  std::string lang;   // "", "zh" or "en"
  unsigned jobs = 0;  // --jobs of eval, check and dump; 0: the number of cores
  [[nodiscard]] kpi::lang language() const {
    return choose_lang(lang.empty() ? std::nullopt : std::optional<std::string_view>(lang));
  }
};

struct command {
  const char* name;
  const char* summary;
  std::function<void(CLI::App&, common_options&)> setup;  // declares the options
  std::function<int(const common_options&)> run;          // after parsing
};

const std::vector<command>& commands();

// One function per subcommand, each in tools/cmd_<name>.cpp.
command check_command();
command dump_command();
command eval_command();
command fmt_command();
command import_command();
command test_command();

// Declares --jobs N on a subcommand that parses, checks or scores projects in parallel.
void add_jobs_option(CLI::App& app, common_options& common);
// Sets the engine's thread count from --jobs; a count above the engine's maximum is clamped,
// with a note on stderr saying so.
void apply_jobs(const common_options& common);

// Moves a large result where it is never freed: the process ends with the command, and freeing
// a model of 100,000 projects node by node costs more than building it. It stays reachable from
// a static, so leak checkers do not report it.
template <typename T>
T& keep_until_exit(T&& value) {
  static auto* kept = new std::vector<void*>;
  T* p = new T(std::move(value));
  kept->push_back(p);
  return *p;
}

// Refuses an -o FILE that is one of the inputs (exit 2 with a message); true when it is safe.
bool output_is_safe(const std::string& output, const std::vector<std::string>& inputs,
                    const common_options& common);

// Prints diagnostics to stderr in the chosen language.
void print_diagnostics(const diagnostics& d, const common_options& common);
// "error: cannot write FILE: reason" in the user's language.
void print_cannot_write(const std::string& path, const text& reason, const common_options& common);

}  // namespace kpi::cli
