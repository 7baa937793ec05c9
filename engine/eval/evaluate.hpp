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

// Scores projects [first, last) into `out` (resized to last - first), in parallel chunks;
// their findings are appended to `findings`, unsorted.
void evaluate_range(const scoring_params& p, const model::model& m, const matching& actuals,
                    const std::vector<source_ptr>& sources, std::size_t first, std::size_t last,
                    std::vector<project_result>& out, diagnostics& findings);

}  // namespace kpi::eval
