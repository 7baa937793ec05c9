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

struct limits {
  std::uint64_t max_steps = 1'000'000;  // per rule and project (or indicator)
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
std::vector<finding> run(const program& p, const model::model& m, const limits& lim, bool explain);
// The same for the projects [begin, end) of the model only.
std::vector<finding> run(const program& p, const model::model& m, const limits& lim, bool explain,
                         std::size_t begin, std::size_t end);

}  // namespace kpi::rules
