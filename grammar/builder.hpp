// The state the parser's actions build: the syntax tree so far and the scratch values of the
// statement being parsed. Included only by the parser.
#pragma once

#include <optional>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/errors.hpp"

namespace kpi::parse_detail {

namespace g = grammar;

struct syntax_error {
  std::uint32_t offset;
  text message;
};

enum class value_kind { none, quantity, date, grade, text };

// Everything the actions build. Leaf actions write scratch values; statement actions, which
// run only once their whole statement has matched, read them, so backtracking is harmless.
struct builder {
  source_ptr src;
  const char* base = nullptr;
  ast::file file;
  std::vector<g::open_block> blocks;
  std::uint32_t string_start = 0;

  // scratch values of the statement being parsed
  ast::number number;
  std::optional<ast::name> pending_unit;
  std::optional<ast::name> unit;
  ast::quantity quantity;
  ast::quantity low;
  ast::quantity high;
  ast::date_lit date;
  ast::date_lit from;
  ast::date_lit to;
  value_kind kind = value_kind::none;
  ast::cmp_op op = ast::cmp_op::eq;
  source_range op_range;
  source_range value_range;
  ast::name string;
  ast::name key;
  ast::name label;
  ast::name word;
  std::optional<ast::quantity> share;
  std::optional<ast::target> target;
  std::optional<ast::number> weight;
  std::optional<ast::name> because;
  std::optional<ast::number> override_score;
  std::optional<ast::name> override_reason;
  std::optional<ast::name> description;
  std::optional<ast::name> dimension;
  std::optional<ast::quantity> definition;
  ast::name title;
  ast::funds_field funds;
  std::vector<ast::name> terms;

  // rule packs
  std::vector<ast::expr_ptr> exprs;  // operands, innermost last
  std::size_t expr_nesting = 0;      // expression rules being matched, inside one another
  std::vector<std::size_t> marks;    // exprs.size() at each open list or call
  std::vector<ast::binary_op> ops;   // pending binary operators, innermost last
  std::optional<ast::pack> pack;
  std::optional<ast::rule_decl> rule;
  std::optional<ast::table_decl> table;
  std::optional<ast::test_decl> test;
  ast::table_row row;
  ast::name setting_key;

  // open structures
  std::optional<ast::project> project;
  std::optional<ast::actuals> actuals;
  std::vector<ast::group> groups;

  template <typename Input>
  std::uint32_t offset(const Input& in) const {
    return static_cast<std::uint32_t>(in.begin() - base);
  }
  template <typename Input>
  source_range range(const Input& in) const {
    auto b = offset(in);
    return {b, static_cast<std::uint32_t>(b + in.size())};
  }
};

}  // namespace kpi::parse_detail
