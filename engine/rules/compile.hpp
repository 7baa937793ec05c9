// Pack syntax → rules IR. Names resolve to fields, lets, parameters or symbols; units are
// checked where both sides are known (元 against 次 is an error in the pack, with its
// position); functions are bound; messages are split into text and expressions.
#pragma once

#include <map>
#include <string>

#include "engine/base/diagnostic.hpp"
#include "engine/check/checker.hpp"
#include "engine/rules/ir.hpp"
#include "grammar/ast.hpp"

namespace kpi::rules {

struct pack_origin {
  std::string name;
  std::string version;
  std::string hash;
  source_ptr src;
};

// Parameters of a pack, evaluated to constants.
using param_values = std::map<std::string, value>;

// Evaluates a parameter's expression, which must be constant.
std::optional<value> compile_param(const ast::expr& e, const environment& env,
                                   const pack_origin& origin, const param_values& params,
                                   diagnostics& diags);

// Compiles one rule. nullopt when it has errors (reported).
std::optional<rule> compile_rule(const ast::rule_decl& r, const environment& env,
                                 const pack_origin& origin, const param_values& params,
                                 diagnostics& diags);

}  // namespace kpi::rules
