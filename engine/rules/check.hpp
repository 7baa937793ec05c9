// `kpi check` and `kpi test` as engine calls: load targets and packs, run, collect.
#pragma once

#include <string>
#include <vector>

#include "engine/load/load.hpp"
#include "engine/rules/packs.hpp"
#include "engine/rules/runtime.hpp"

namespace kpi::rules {

struct check_options {
  std::vector<std::string> files;
  std::vector<std::string> libs;
  std::vector<std::string> packs;  // files or directories; empty: the built-in audit packs
  limits lim;
  bool explain = false;
  // Drop each project's indicators once the rules have run on it, so that the models of all
  // projects are never held at once (the CLI; check_result::loaded.model then keeps only the
  // projects' names, money and positions).
  bool release_projects = false;
  std::size_t piece_bytes = load_options{}.piece_bytes;  // see load_options
};

struct check_result {
  check_result() = default;
  // Findings view their rule's texts inside `programs`: moved, both stay together; a copy
  // would leave the copied findings pointing into the original's programs.
  check_result(const check_result&) = delete;
  check_result& operator=(const check_result&) = delete;
  check_result(check_result&&) = default;
  check_result& operator=(check_result&&) = default;
  ~check_result() = default;

  load_result loaded;  // the targets' model and its diagnostics
  std::vector<program> programs;
  std::vector<finding> findings;
  diagnostics pack_diags;
  [[nodiscard]] bool ok() const { return loaded.ok() && !pack_diags.has_errors(); }
};

check_result run_check(const check_options& o, file_reader& reader);

// ---- pack tests ----

struct test_case_result {
  std::string pack;
  std::string title;
  bool passed = true;
  std::vector<std::string> problems;  // why it failed
  source_ptr src;
  source_range range;
};

struct test_report {
  std::vector<test_case_result> cases;
  std::vector<std::pair<std::string, std::string>> uncovered;  // (pack, rule) named by no test
  diagnostics diags;
  [[nodiscard]] std::size_t failed() const;
};

// Runs the tests of every pack under `paths` (files or directories).
test_report run_pack_tests(const std::vector<std::string>& paths,
                           const std::vector<std::string>& libs, const limits& lim,
                           file_reader& reader);

std::string test_report_text(const test_report& r, lang l, bool coverage);

}  // namespace kpi::rules
