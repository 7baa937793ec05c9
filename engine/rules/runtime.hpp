// Running compiled rules over the model. Every evaluation terminates: there are no loops or
// recursion in the language, and a step budget stops a runaway rule with a finding that names
// it. Errors at run time (元 against 次 where the unit was not known before, division by zero)
// are values that end up as findings, never exceptions that escape.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/model.hpp"
#include "engine/rules/ir.hpp"

namespace kpi::rules {

// A step is one node evaluated, plus one for each item of a list searched (`in`, `contains`)
// and each byte of text scanned (`matches`, `contains`, `starts_with`, `ends_with`, `len`, text
// comparisons): a rule's steps grow with the work it does, not with its length only.
struct limits {
  std::uint64_t max_steps = 1'000'000;  // per rule and project (or indicator)
  // Per run: every rule of every pack on every project and indicator together (kpi check,
  // one run_budget). When it is spent the run stops with a finding that names the rule.
  std::uint64_t max_run_steps = 1'000'000'000;
  // A finding's message (and each line of --explain) is cut at this many bytes, with "…".
  std::size_t max_message_bytes = 4096;
};

// The steps a run has spent, carried from one run() call to the next (kpi check calls run for
// each piece of its input and each pack). Once `stopped`, run() finds nothing more.
struct run_budget {
  std::uint64_t used = 0;
  bool stopped = false;
};

struct finding {
  // The rule's own texts are views into the rule, which lives in its program: a finding is
  // valid as long as the program it came from (check_result keeps both). Tens of thousands of
  // findings would otherwise each copy the same id, pack, version, hash and citation.
  std::string_view rule;
  severity level = severity::error;
  std::string_view pack;
  std::string_view version;
  std::string_view hash;
  std::string project;
  std::string_view indicator;  // interned (istr); empty for a project-level finding
  std::string message;
  std::string_view cite;
  std::optional<model::location> loc;
  std::vector<std::string> explain;  // the failed sub-conditions and the values they saw
};

// Findings of every rule on every project, in project order, then rule order, then indicator order.
// With `budget` the steps count against the run's total (lim.max_run_steps) across calls;
// without, against a budget of this call alone. The findings are the same for any --jobs, also
// when the run budget runs out: the run stops where a run on one thread would stop.
std::vector<finding> run(const program& p, const model::model& m, const limits& lim, bool explain,
                         run_budget* budget = nullptr);
// The same for the projects [begin, end) of the model only.
std::vector<finding> run(const program& p, const model::model& m, const limits& lim, bool explain,
                         std::size_t begin, std::size_t end, run_budget* budget = nullptr);

}  // namespace kpi::rules
