// Expressions of rule packs printed back as text, with the fewest parentheses that keep their
// meaning. Used by `kpi fmt` and by explanations of findings.
#pragma once

#include <string>

#include "grammar/ast.hpp"

namespace kpi {

std::string expr_text(const ast::expr& e);
std::string_view binary_op_text(ast::binary_op op);

}  // namespace kpi
