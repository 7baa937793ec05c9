// The formulas of SCORING.md §2–§4, one score at a time: multiply first, divide once (carried
// to division_places), round half-up to 2 places once.
#pragma once

#include <optional>

#include "engine/eval/params.hpp"
#include "engine/eval/result.hpp"
#include "engine/model/model.hpp"

namespace kpi::eval {

struct scored {
  decimal score;  // rounded to 2 places
  std::optional<decimal> completion;
  bool met = false;
  bool positive = false;  // a positive indicator (≥ > =): over-achievement is a deviation
  std::string explain;
  std::optional<text> error;  // the actual cannot be scored against the target (score 0)
};

// One indicator with weight `w` against its actual.
scored score_indicator(const scoring_params& p, const model::indicator& ind, const decimal& w,
                       const model::actual& a);

// Budget execution: w × min(executed, budget) ÷ budget. Fills rate, score and explain.
void score_budget(const scoring_params& p, budget_result& b);

}  // namespace kpi::eval
