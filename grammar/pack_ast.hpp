// The syntax tree of rule packs: audit packs and scoring packs share it. Expressions are a
// small closed tree; the pack checker gives them meaning (names, units, types).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "grammar/document_ast.hpp"

namespace kpi::ast {

struct expr;
using expr_ptr = std::shared_ptr<const expr>;

// `57`, `80 %`, `1.5 万元`
struct number_lit {
  quantity value;
};
struct string_lit {
  name value;
};
// A bare word: a field, a variable, a parameter, or a symbol such as 成本指标 or currency.
struct ident_ref {
  name id;
};
// A comparison operator used as a value: `op in [<=, <]`.
struct op_lit {
  cmp_op op;
  source_range range;
};
struct date_value {
  date_lit value;
};
struct list_lit {
  std::vector<expr_ptr> items;
};
// `funds.total`, `period.days`
struct member {
  expr_ptr object;
  name field;
};
// `sum(indicators where level1 == 成本指标, target in 元)`
struct call {
  name function;
  std::vector<expr_ptr> args;
};
// `indicators where level1 == 成本指标`: a filtered set.
struct where {
  expr_ptr set;
  expr_ptr condition;
};

enum class unary_op { neg, not_ };
struct unary {
  unary_op op;
  expr_ptr operand;
};

enum class binary_op {
  or_,
  and_,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  in,
  not_in,
  contains,
  starts_with,
  ends_with,
  matches,
  add,
  sub,
  mul,
  div,
  range
};
struct binary {
  binary_op op;
  expr_ptr lhs;
  expr_ptr rhs;
  source_range op_range;
};

struct expr {
  std::variant<number_lit, string_lit, ident_ref, op_lit, date_value, list_lit, member, call, where,
               unary, binary>
      node;
  source_range range;
  std::uint32_t depth = 1;  // of the tree below it, at most max_expr_depth
};

// ---- pack items ----

struct rule_decl {
  name id;  // cost.upper-bound
  std::optional<name> severity;
  std::optional<name> scope;  // project | indicator
  expr_ptr scope_filter;      // `each indicator where …`, may be null
  std::vector<std::pair<name, expr_ptr>> lets;
  std::vector<expr_ptr> requires_;
  std::optional<name> message;
  std::optional<name> cite;
  source_range range;
};

struct param_decl {
  name id;
  expr_ptr value;
  source_range range;
};

struct table_row {
  name key;
  std::vector<expr_ptr> values;
};
struct table_decl {
  name id;
  std::vector<table_row> rows;
  source_range range;
};

// `expect cost.upper-bound on "x费用"`, `expect cost.sum-equals-budget`, `expect none`,
// `expect no cost.sum-below-budget`
struct expectation {
  std::optional<name> rule;  // empty for `expect none`
  bool absent = false;       // `expect no RULE`
  std::optional<name> indicator;
  source_range range;
};
struct test_decl {
  name title;
  std::vector<project> projects;
  std::vector<ast::actuals> actuals_blocks;
  std::vector<expectation> expects;
  source_range range;
};

// In a pack that extends another: `severity cost.sum warning`, `disable cost.sum`.
struct override_decl {
  name keyword;  // severity | disable
  name rule;
  std::optional<name> value;
  source_range range;
};

struct pack_setting {
  name key;  // title | version | extends | kind
  name value;
};

using pack_item =
    std::variant<pack_setting, param_decl, table_decl, rule_decl, test_decl, override_decl>;

struct pack {
  name title;
  std::vector<pack_item> items;
  source_range range;
};

}  // namespace kpi::ast
