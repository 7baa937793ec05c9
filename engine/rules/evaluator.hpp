// The evaluator of compiled rule expressions (engine/rules/ir.hpp) over one project or one
// indicator of it. Each call counts a step against the frame's budget; a run-time error (元
// against 次, division by zero) is a value `none` plus the first error kept in the frame, never an
// exception that escapes the rule. engine/rules/runtime.cpp applies rules with it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/model.hpp"
#include "engine/rules/ir.hpp"

namespace kpi::rules {

// Thrown when a rule runs past its step budget; caught where the rule is applied.
struct budget_exceeded {};

// What an expression is evaluated against, and what the evaluation leaves behind.
struct frame {
  const model::project* project = nullptr;
  const model::indicator* item = nullptr;
  std::vector<value> lets;
  std::uint64_t steps = 0;
  std::uint64_t budget = 0;
  std::string error;  // the first run-time error
  std::vector<std::pair<int, int>>
      occurrences;  // per indicator of the project: (nth of its name, how many)
  bool constant_only = false;
};

// The value of `n` on the frame's project and indicator.
value evaluate(frame& f, const node& n);

// The value of an expression that reads nothing from a project; nullopt if it does.
std::optional<value> evaluate_constant(const node& n);

}  // namespace kpi::rules
