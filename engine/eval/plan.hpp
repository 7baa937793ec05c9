// Weights (分值), compiled once per project from the scoring parameters: the 一级 groups, the
// points of each after a missing group is renormalised, explicit weights and the even split.
#pragma once

#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/eval/params.hpp"
#include "engine/model/model.hpp"

namespace kpi::eval {

struct indicator_plan {
  std::string group;
  decimal weight;
};

struct project_plan {
  bool ok = true;  // false when the weights are invalid (reported)
  decimal budget_points;
  std::vector<indicator_plan> indicators;  // parallel to project.indicators
  std::vector<text> notes;                 // what was renormalised
};

// Splits `amount` into n parts in steps of 0.01 by the largest-remainder method: each gets
// ⌊100·amount/n⌋/100 and the first r get 0.01 more, so the parts add up to `amount`.
std::vector<decimal> even_split(const decimal& amount, std::size_t n);

// Splits `amount` in proportion to `shares`, in steps of 0.01, largest remainders first.
std::vector<decimal> proportional_split(const decimal& amount, const std::vector<decimal>& shares);

project_plan plan_project(const scoring_params& p, const model::project& project,
                          const std::vector<source_ptr>& sources, diagnostics& diags);

}  // namespace kpi::eval
