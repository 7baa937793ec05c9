// One expression of a rule pack compiled to the IR: names resolved to fields, lets, parameters
// or symbols, types and units checked where they are known, functions bound. Errors are
// reported with their position; the result is then null. Used by compile.cpp.
#pragma once

#include <memory>
#include <string>

#include "engine/base/diagnostic.hpp"
#include "engine/check/checker.hpp"
#include "engine/rules/compile.hpp"
#include "engine/rules/ir.hpp"
#include "grammar/ast.hpp"

namespace kpi::rules {

class expr_compiler {
 public:
  expr_compiler(const environment& env, const pack_origin& origin, const param_values& params,
                diagnostics& diags);
  ~expr_compiler();
  expr_compiler(const expr_compiler&) = delete;
  expr_compiler& operator=(const expr_compiler&) = delete;

  [[nodiscard]] bool failed() const;
  // Names of the current item are those of a project or of an indicator.
  void push_scope(scope s);
  void pop_scope();
  // A `let` compiled so far becomes a name the next expressions may read.
  void add_let(const std::string& name);
  node_ptr compile(const ast::expr& e);
  // A condition: boolean, or unknown until run time.
  node_ptr condition(const ast::expr& e);
  void error(source_range r, const std::string& en, const std::string& zh);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace kpi::rules
