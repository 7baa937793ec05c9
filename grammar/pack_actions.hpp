// Parser actions for rule packs: expressions are built on an operand stack; list and call
// arguments are delimited by marks; binary operators wait on their own stack until their
// right operand is complete. Included only by the parser.
#pragma once

#include "grammar/document_actions.hpp"
#include "grammar/pack_grammar.hpp"

namespace kpi::parse_detail {

// The depth of a node from its operands'; too deep is a syntax error at the node.
inline std::uint32_t depth_below(const decltype(ast::expr::node)& node) {
  std::uint32_t d = 0;
  auto at_least = [&](const ast::expr_ptr& e) {
    if (e) d = std::max(d, e->depth);
  };
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::list_lit>) {
          for (const auto& i : n.items) at_least(i);
        } else if constexpr (std::is_same_v<T, ast::call>) {
          for (const auto& a : n.args) at_least(a);
        } else if constexpr (std::is_same_v<T, ast::member>) {
          at_least(n.object);
        } else if constexpr (std::is_same_v<T, ast::where>) {
          at_least(n.set);
          at_least(n.condition);
        } else if constexpr (std::is_same_v<T, ast::unary>) {
          at_least(n.operand);
        } else if constexpr (std::is_same_v<T, ast::binary>) {
          at_least(n.lhs);
          at_least(n.rhs);
        }
      },
      node);
  return d;
}

inline ast::expr_ptr new_expr(decltype(ast::expr::node) node, source_range r) {
  std::uint32_t depth = depth_below(node) + 1;
  if (depth > max_expr_depth)
    throw syntax_error{
        r.begin,
        {fmt::format("expression nested too deeply (more than {} levels); split "
                     "it with let",
                     max_expr_depth),
         fmt::format("表达式嵌套过深（超过 {} 层）；请用 let 拆分", max_expr_depth)}};
  return std::make_shared<const ast::expr>(ast::expr{std::move(node), r, depth});
}

template <typename Input>
ast::expr_ptr make_expr(const Input& in, const builder& b, decltype(ast::expr::node) node) {
  return new_expr(std::move(node), b.range(in));
}

inline ast::expr_ptr pop(builder& b) {
  ast::expr_ptr e = std::move(b.exprs.back());
  b.exprs.pop_back();
  return e;
}

// Operands pushed since the innermost mark.
inline std::vector<ast::expr_ptr> pop_to_mark(builder& b) {
  std::size_t mark = b.marks.back();
  b.marks.pop_back();
  std::vector<ast::expr_ptr> items(b.exprs.begin() + static_cast<std::ptrdiff_t>(mark),
                                   b.exprs.end());
  b.exprs.resize(mark);
  return items;
}

template <>
struct action<g::e_number> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    ast::quantity q{b.number, b.unit, b.range(in)};
    b.exprs.push_back(make_expr(in, b, ast::number_lit{q}));
  }
};
template <>
struct action<g::e_unit> : action<g::unit> {};
template <>
struct action<g::e_string> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    string_action::apply(in, b);
    b.exprs.push_back(make_expr(in, b, ast::string_lit{b.string}));
  }
};
template <>
struct action<g::e_date> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.exprs.push_back(make_expr(in, b, ast::date_value{{in.string(), b.range(in)}}));
  }
};
template <>
struct action<g::e_op> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.exprs.push_back(make_expr(in, b, ast::op_lit{b.op, b.range(in)}));
  }
};
template <>
struct action<g::e_ident> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.exprs.push_back(make_expr(in, b, ast::ident_ref{{in.string(), b.range(in)}}));
  }
};
template <>
struct action<g::e_list_open> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.marks.push_back(b.exprs.size());
  }
};
template <>
struct action<g::e_list> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.exprs.push_back(make_expr(in, b, ast::list_lit{pop_to_mark(b)}));
  }
};
template <>
struct action<g::e_call_name> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.word = {in.string(), b.range(in)};
  }
};
template <>
struct action<g::e_call_open> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    // The call's name rides on the operand stack until the call closes.
    b.exprs.push_back(new_expr(ast::ident_ref{b.word}, b.word.range));
    b.marks.push_back(b.exprs.size());
  }
};
template <>
struct action<g::e_call> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    std::vector<ast::expr_ptr> args = pop_to_mark(b);
    ast::name fn = std::get<ast::ident_ref>(pop(b)->node).id;
    b.exprs.push_back(make_expr(in, b, ast::call{fn, std::move(args)}));
  }
};
template <>
struct action<g::e_member_name> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    ast::expr_ptr object = pop(b);
    source_range r{object->range.begin, b.range(in).end};
    b.exprs.push_back(new_expr(ast::member{object, {in.string(), b.range(in)}}, r));
  }
};
template <>
struct action<g::e_where> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    ast::expr_ptr cond = pop(b);
    ast::expr_ptr set = pop(b);
    source_range r{set->range.begin, b.range(in).end};
    b.exprs.push_back(new_expr(ast::where{set, cond}, r));
  }
};

template <ast::unary_op Op>
struct unary_action {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    ast::expr_ptr operand = pop(b);
    b.exprs.push_back(make_expr(in, b, ast::unary{Op, operand}));
  }
};
template <>
struct action<g::e_neg> : unary_action<ast::unary_op::neg> {};
template <>
struct action<g::e_not_prefix> : unary_action<ast::unary_op::not_> {};

// Operators push themselves; the tail that completes their right operand pops them.
template <ast::binary_op Op>
struct push_op {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.ops.push_back(Op);
  }
};
template <>
struct action<g::e_mul_op> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.ops.push_back(in.string_view() == "*" ? ast::binary_op::mul : ast::binary_op::div);
  }
};
template <>
struct action<g::e_add_op> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.ops.push_back(in.string_view() == "+" ? ast::binary_op::add : ast::binary_op::sub);
  }
};
template <>
struct action<g::e_cmp_op> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    std::string_view t = in.string_view();
    ast::binary_op op = ast::binary_op::eq;
    if (t == "!=" || t == "≠")
      op = ast::binary_op::ne;
    else if (t == "==" || t == "=")
      op = ast::binary_op::eq;
    else if (t == "in")
      op = ast::binary_op::in;
    else if (t.substr(0, 3) == "not")
      op = ast::binary_op::not_in;
    else if (t == "contains")
      op = ast::binary_op::contains;
    else if (t == "starts_with")
      op = ast::binary_op::starts_with;
    else if (t == "ends_with")
      op = ast::binary_op::ends_with;
    else if (t == "matches")
      op = ast::binary_op::matches;
    else {
      switch (b.op) {  // set by the document operator rules op_le, op_ge, op_lt, op_gt
        case ast::cmp_op::le:
          op = ast::binary_op::le;
          break;
        case ast::cmp_op::ge:
          op = ast::binary_op::ge;
          break;
        case ast::cmp_op::lt:
          op = ast::binary_op::lt;
          break;
        case ast::cmp_op::gt:
          op = ast::binary_op::gt;
          break;
        case ast::cmp_op::eq:
          op = ast::binary_op::eq;
          break;
      }
    }
    b.ops.push_back(op);
  }
};
template <>
struct action<g::kw_and> : push_op<ast::binary_op::and_> {};
template <>
struct action<g::kw_or> : push_op<ast::binary_op::or_> {};
template <>
struct action<g::e_dots> : push_op<ast::binary_op::range> {};

struct binary_action {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    ast::expr_ptr rhs = pop(b);
    ast::expr_ptr lhs = pop(b);
    ast::binary_op op = b.ops.back();
    b.ops.pop_back();
    source_range r{lhs->range.begin, rhs->range.end};
    b.exprs.push_back(new_expr(ast::binary{op, lhs, rhs, b.range(in)}, r));
  }
};
template <>
struct action<g::e_mul_tail> : binary_action {};
template <>
struct action<g::e_add_tail> : binary_action {};
template <>
struct action<g::e_cmp_tail> : binary_action {};
template <>
struct action<g::e_and_tail> : binary_action {};
template <>
struct action<g::e_or_tail> : binary_action {};
template <>
struct action<g::e_range_tail> : binary_action {};

// ---- rules ----

template <>
struct action<g::rule_name> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.rule = ast::rule_decl{};
    b.rule->id = {in.string(), b.range(in)};
    b.rule->range.begin = b.title.range.begin;
  }
};
template <>
struct action<g::kw_rule> : action<g::kw_project> {};
template <>
struct action<g::rule_open> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.blocks.push_back({"rule " + b.rule->id.text, b.rule->range.begin});
  }
};
template <>
struct action<g::severity_value> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.rule->severity = ast::name{in.string(), b.range(in)};
  }
};
template <>
struct action<g::scope_value> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.rule->scope = ast::name{in.string(), b.range(in)};
  }
};
template <>
struct action<g::scope_filter> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.rule->scope_filter = pop(b);
  }
};
template <>
struct action<g::let_name> : action<g::group_label> {};
template <>
struct action<g::let_value> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.rule->lets.emplace_back(b.label, pop(b));
  }
};
template <>
struct action<g::require_value> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.rule->requires_.push_back(pop(b));
  }
};
template <>
struct action<g::message_text> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.rule->message = b.string;
  }
};
template <>
struct action<g::cite_text> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.rule->cite = b.string;
  }
};
template <>
struct action<g::rule_decl> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.rule->range.end = b.range(in).end;
    b.pack->items.emplace_back(std::move(*b.rule));
    b.rule.reset();
    b.blocks.pop_back();
  }
};

// ---- params, tables, settings, overrides ----

template <>
struct action<g::param_name> : action<g::group_label> {};
template <>
struct action<g::kw_param> : action<g::kw_project> {};
template <>
struct action<g::param_value> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.pack->items.emplace_back(
        ast::param_decl{b.label, pop(b), {b.title.range.begin, b.range(in).end}});
  }
};
template <>
struct action<g::table_name> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.table = ast::table_decl{{in.string(), b.range(in)}, {}, {b.title.range.begin, 0}};
  }
};
template <>
struct action<g::kw_table> : action<g::kw_project> {};
template <>
struct action<g::table_open> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.blocks.push_back({"table " + b.table->id.text, b.table->range.begin});
  }
};
template <>
struct action<g::row_key> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.row = ast::table_row{{in.string(), b.range(in)}, {}};
  }
};
template <>
struct action<g::row_value> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.row.values.push_back(pop(b));
  }
};
template <>
struct action<g::table_row> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.table->rows.push_back(std::move(b.row));
  }
};
template <>
struct action<g::table_decl> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.table->range.end = b.range(in).end;
    b.pack->items.emplace_back(std::move(*b.table));
    b.table.reset();
    b.blocks.pop_back();
  }
};
template <>
struct action<g::setting_key> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.setting_key = {in.string(), b.range(in)};
  }
};
template <>
struct action<g::setting_value> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    ast::name v = in.string_view().front() == '"' ? b.string : ast::name{in.string(), b.range(in)};
    b.pack->items.emplace_back(ast::pack_setting{b.setting_key, v});
  }
};
template <>
struct action<g::kw_severity> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.key = {in.string(), b.range(in)};
  }
};
template <>
struct action<g::kw_disable> : action<g::kw_severity> {};
template <>
struct action<g::override_rule> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.word = {in.string(), b.range(in)};
  }
};
template <>
struct action<g::override_value> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.because = ast::name{in.string(), b.range(in)};
  }
};
template <>
struct action<g::severity_override> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.pack->items.emplace_back(ast::override_decl{b.key, b.word, b.because, b.range(in)});
  }
};
template <>
struct action<g::disable_override> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.pack->items.emplace_back(ast::override_decl{b.key, b.word, std::nullopt, b.range(in)});
  }
};

// ---- tests ----

template <>
struct action<g::kw_test> : action<g::kw_project> {};
template <>
struct action<g::test_name> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.test = ast::test_decl{};
    b.test->title = b.string;
    b.test->range.begin = b.title.range.begin;
  }
};
template <>
struct action<g::test_open> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.blocks.push_back({"test \"" + b.test->title.text + "\"", b.test->range.begin});
  }
};
template <>
struct action<g::kw_expect> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.test->expects.push_back({std::nullopt, false, std::nullopt, b.range(in)});
  }
};
template <>
struct action<g::kw_no> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.test->expects.back().absent = true;
  }
};
template <>
struct action<g::expect_rule> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.test->expects.back().rule = ast::name{in.string(), b.range(in)};
  }
};
template <>
struct action<g::expect_on> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.test->expects.back().indicator = b.string;
  }
};
template <>
struct action<g::expect_stmt> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.test->expects.back().range = b.range(in);
  }
};
template <>
struct action<g::test_decl> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.test->range.end = b.range(in).end;
    b.pack->items.emplace_back(std::move(*b.test));
    b.test.reset();
    b.blocks.pop_back();
  }
};

// ---- pack ----

template <>
struct action<g::kw_pack> : action<g::kw_project> {};
template <>
struct action<g::pack_open> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.pack = ast::pack{b.string, {}, {b.title.range.begin, 0}};
    b.blocks.push_back({fmt::format("pack \"{}\"", b.string.text), b.title.range.begin});
  }
};
template <>
struct action<g::pack> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.pack->range.end = b.range(in).end;
    b.file.items.emplace_back(std::move(*b.pack));
    b.pack.reset();
    b.blocks.pop_back();
  }
};

}  // namespace kpi::parse_detail
