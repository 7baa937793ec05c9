// Resolving what a value means: units to amounts, words to terms, text to dates.
#pragma once

#include <optional>

#include "engine/check/checker.hpp"
#include "engine/check/context.hpp"
#include "grammar/ast.hpp"

namespace kpi {

// `57.00 万元` → amount in 元. Reports an unknown unit (with "did you mean") and returns
// nullopt. A quantity without a unit is a plain number (empty dimension).
std::optional<model::amount> resolve_quantity(const check_context& ctx, const environment& env,
                                              const ast::quantity& q);

// Like resolve_quantity, and the amount must be in `dimension` (e.g. currency for funds).
std::optional<model::amount> resolve_in(const check_context& ctx, const environment& env,
                                        const ast::quantity& q, std::string_view dimension,
                                        const text& what);

std::optional<date> resolve_date(const check_context& ctx, const ast::date_lit& d);

// A known term, or an error that says how to write free text.
const term_def* resolve_term(const check_context& ctx, const environment& env,
                             const ast::name& word);

}  // namespace kpi
