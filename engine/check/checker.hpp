// Syntax trees → checked model. The checker resolves units, terms, dates and structure,
// collects every diagnostic it finds and keeps going; it never throws.
#pragma once

#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/check/units.hpp"
#include "engine/check/vocabulary.hpp"
#include "engine/model/model.hpp"
#include "grammar/ast.hpp"

namespace kpi {

// What declarations define: units, scales, dimensions and terms.
struct environment {
  unit_table units;
  vocabulary terms;
};

// Pass 1: the declarations of every file, in order (stdlib first), into `env`.
// files[i] is model source i.
void check_declarations(const std::vector<ast::file>& files, environment& env, diagnostics& diags);

// Pass 2: projects and actuals of every file into `out`, resolved against `env`. Consumes
// their syntax trees: each project and actuals block is left empty once its model is built
// (a project declared twice keeps its tree), so the trees and the model never peak together.
void check_documents(std::vector<ast::file>& files, const environment& env, model::model& out,
                     diagnostics& diags);

}  // namespace kpi
