// Scoring a set of projects: plan each project's weights once, match its actuals, apply the
// formulas, total and grade. Problems found while scoring are positioned findings, not throws.
#pragma once

#include <vector>

#include "engine/eval/match.hpp"
#include "engine/eval/params.hpp"
#include "engine/eval/result.hpp"
#include "engine/model/model.hpp"

namespace kpi::eval {

eval_result evaluate(const scoring_params& p, const model::model& m, const matching& actuals,
                     const std::vector<source_ptr>& sources);

}  // namespace kpi::eval
