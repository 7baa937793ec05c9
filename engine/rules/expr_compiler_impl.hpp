// Internal to engine/rules, not to be included elsewhere: the compiler behind expr_compiler,
// its members defined in expr_compiler.cpp (core, literals, names), expr_calls.cpp (sets and
// calls) and expr_operators.cpp (operators and unit conversion).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rules/expr_compiler.hpp"
#include "engine/rules/fields.hpp"

namespace kpi::rules::expr_detail {

enum class stype { any, none, boolean, number, text, date, op, list, set };

std::string_view type_name(stype t);

// A compiled expression and what is known about it before it runs.
struct typed {
  node_ptr n;
  stype t = stype::any;
  std::optional<std::string> unit;  // numbers: the base unit when known ("" for a plain number)
};

std::string unit_name(const std::optional<std::string>& u);

class compiler {
 public:
  compiler(const environment& env, const pack_origin& origin, const param_values& params,
           diagnostics& diags)
      : env_(env), origin_(origin), params_(params), diags_(diags) {}

  bool failed() const { return failed_; }

  void push_scope(scope s) { scopes_.push_back(s); }
  void pop_scope() { scopes_.pop_back(); }
  void add_let(const std::string& name) { lets_.push_back(name); }

  typed compile(const ast::expr& e);
  node_ptr condition(const ast::expr& e);
  void error(source_range r, const std::string& en, const std::string& zh);

 private:
  const environment& env_;
  const pack_origin& origin_;
  const param_values& params_;
  diagnostics& diags_;
  std::vector<scope> scopes_;
  std::vector<std::string> lets_;
  bool failed_ = false;

  static node_ptr make(node n, const ast::expr& e);
  static typed constant(value v, const ast::expr& e);
  typed bad();

  scope current() const { return scopes_.empty() ? scope::project : scopes_.back(); }

  // ---- leaves (expr_compiler.cpp) ----

  typed compile_node(const ast::number_lit& n, const ast::expr& e);
  typed compile_node(const ast::string_lit& s, const ast::expr& e);
  typed compile_node(const ast::op_lit& o, const ast::expr& e);
  typed compile_node(const ast::date_value& d, const ast::expr& e);
  typed compile_node(const ast::list_lit& l, const ast::expr& e);

  // ---- names (expr_compiler.cpp) ----

  static typed of_ind_field(ind_field f, const ast::expr& e);
  static typed of_proj_field(proj_field f, const ast::expr& e);
  bool is_symbol(const std::string& id) const;
  typed resolve(const std::string& path, source_range r, const ast::expr& e);
  typed compile_node(const ast::ident_ref& i, const ast::expr& e);
  static std::optional<std::string> dotted(const ast::expr& e);
  typed compile_node(const ast::member& m, const ast::expr& e);

  // ---- sets and calls (expr_calls.cpp) ----

  typed compile_node(const ast::where& w, const ast::expr& e);
  typed compile_node(const ast::call& c, const ast::expr& e);

  // ---- operators (expr_operators.cpp) ----

  typed compile_node(const ast::unary& u, const ast::expr& e);
  bool same_units(const typed& a, const typed& b, const ast::binary& op);
  typed compile_node(const ast::binary& b, const ast::expr& e);
  typed convert(const ast::binary& b, const ast::expr& e, const unit_def& def);
};

}  // namespace kpi::rules::expr_detail
