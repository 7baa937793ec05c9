// What must hold of the matched actuals before anything is scored or written: a value that
// cannot be scored exactly, or an assessor's override outside [0, 分值], is bad input (exit 2,
// no report), never a silent 0 or a score out of range.
#pragma once

#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/eval/match.hpp"
#include "engine/eval/params.hpp"
#include "engine/model/model.hpp"

namespace kpi::eval {

// Reports, as positioned errors:
// - an override below 0 or above the indicator's 分值 (it would be rejected, not applied);
// - a completion (actual ÷ target) or budget execution rate too large to carry exactly to
//   division_places (a 30-digit actual against a target of 0.000001);
// - a negative executed amount (预算执行数).
void validate_actuals(const scoring_params& p, const model::model& m, const matching& actuals,
                      const std::vector<source_ptr>& sources, diagnostics& diags);

}  // namespace kpi::eval
