#include "engine/format/expr_text.hpp"

#include <fmt/format.h>

namespace kpi {
namespace {

// Binding strength: a child weaker than its context is parenthesised.
enum prec : int {
  p_range = 1,
  p_or,
  p_and,
  p_not,
  p_cmp,
  p_add,
  p_mul,
  p_unary,
  p_postfix,
  p_primary
};

int prec_of(ast::binary_op op) {
  switch (op) {
    case ast::binary_op::range:
      return p_range;
    case ast::binary_op::or_:
      return p_or;
    case ast::binary_op::and_:
      return p_and;
    case ast::binary_op::add:
    case ast::binary_op::sub:
      return p_add;
    case ast::binary_op::mul:
    case ast::binary_op::div:
      return p_mul;
    case ast::binary_op::eq:
    case ast::binary_op::ne:
    case ast::binary_op::lt:
    case ast::binary_op::le:
    case ast::binary_op::gt:
    case ast::binary_op::ge:
    case ast::binary_op::in:
    case ast::binary_op::not_in:
    case ast::binary_op::contains:
    case ast::binary_op::starts_with:
    case ast::binary_op::ends_with:
    case ast::binary_op::matches:
      return p_cmp;
  }
  return p_cmp;
}

std::string_view cmp_text(ast::cmp_op o) {
  switch (o) {
    case ast::cmp_op::ge:
      return ">=";
    case ast::cmp_op::le:
      return "<=";
    case ast::cmp_op::eq:
      return "=";
    case ast::cmp_op::gt:
      return ">";
    case ast::cmp_op::lt:
      return "<";
  }
  return "=";
}

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out + "\"";
}

// `open_right`: nothing is printed after this expression before its enclosing bracket (or the
// end of the expression). A `where` takes everything to its right as its condition, so there it
// needs no parentheses whatever its context (`a - b where c` reads back as `a - (b where c)`),
// and added ones would only deepen the nesting — past the parser's limit on a long chain.
std::string print(const ast::expr& e, int context, bool open_right);

std::string list(const std::vector<ast::expr_ptr>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i ? ", " : "") + print(*items[i], p_range, true);
  return out;
}

int own_prec(const ast::expr& e) {
  if (const auto* b = std::get_if<ast::binary>(&e.node)) return prec_of(b->op);
  if (const auto* u = std::get_if<ast::unary>(&e.node))
    return u->op == ast::unary_op::not_ ? p_not : p_unary;
  if (std::holds_alternative<ast::where>(e.node)) return p_range;
  if (std::holds_alternative<ast::member>(e.node)) return p_postfix;
  return p_primary;
}

std::string print(const ast::expr& e, int context, bool open_right) {
  const bool is_where = std::holds_alternative<ast::where>(e.node);
  const bool parens = own_prec(e) < context && !(is_where && open_right);
  const bool open = parens || open_right;  // whether this expression's own right end is open
  std::string s = std::visit(
      [&](const auto& n) -> std::string {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::number_lit>) {
          std::string t = n.value.num.value.to_string();
          return n.value.unit ? t + " " + n.value.unit->text : t;
        } else if constexpr (std::is_same_v<T, ast::string_lit>) {
          return quote(n.value.text);
        } else if constexpr (std::is_same_v<T, ast::ident_ref>) {
          return n.id.text;
        } else if constexpr (std::is_same_v<T, ast::op_lit>) {
          return std::string(cmp_text(n.op));
        } else if constexpr (std::is_same_v<T, ast::date_value>) {
          return n.value.text;
        } else if constexpr (std::is_same_v<T, ast::list_lit>) {
          return "[" + list(n.items) + "]";
        } else if constexpr (std::is_same_v<T, ast::member>) {
          return print(*n.object, p_postfix, false) + "." + n.field.text;
        } else if constexpr (std::is_same_v<T, ast::call>) {
          return n.function.text + "(" + list(n.args) + ")";
        } else if constexpr (std::is_same_v<T, ast::where>) {
          // The condition runs to the right end, so it never needs parentheses of its own.
          return print(*n.set, p_postfix, false) + " where " + print(*n.condition, p_range, open);
        } else if constexpr (std::is_same_v<T, ast::unary>) {
          if (n.op == ast::unary_op::not_) return "not " + print(*n.operand, p_not, open);
          // `-` right before a number would read back as the number's own sign: `-(-0)` printed
          // `--0` reads as `-(-0)`… but `-(0)` printed `-0` reads as the literal -0, which
          // prints as `0`. A space keeps the minus an operator.
          // The same holds for anything printed with a digit first, such as a date:
          // `-2024-01-01` reads as the number -2024 minus 1 minus 1.
          const bool literal = std::holds_alternative<ast::number_lit>(n.operand->node);
          std::string operand = print(*n.operand, p_unary, open);
          const bool digit_first = !operand.empty() && operand[0] >= '0' && operand[0] <= '9';
          return (literal || digit_first ? "- " : "-") + operand;
        } else {
          const int own = prec_of(n.op);
          // Left-associative: the right operand of an equal-strength operator needs parentheses.
          int left = own;
          int right = own + 1;
          if (own == p_cmp || own == p_range) left = right = own + 1;
          return print(*n.lhs, left, false) + " " + std::string(binary_op_text(n.op)) + " " +
                 print(*n.rhs, right, open);
        }
      },
      e.node);
  return parens ? "(" + s + ")" : s;
}

}  // namespace

std::string_view binary_op_text(ast::binary_op op) {
  switch (op) {
    case ast::binary_op::or_:
      return "or";
    case ast::binary_op::and_:
      return "and";
    case ast::binary_op::eq:
      return "==";
    case ast::binary_op::ne:
      return "!=";
    case ast::binary_op::lt:
      return "<";
    case ast::binary_op::le:
      return "<=";
    case ast::binary_op::gt:
      return ">";
    case ast::binary_op::ge:
      return ">=";
    case ast::binary_op::in:
      return "in";
    case ast::binary_op::not_in:
      return "not in";
    case ast::binary_op::contains:
      return "contains";
    case ast::binary_op::starts_with:
      return "starts_with";
    case ast::binary_op::ends_with:
      return "ends_with";
    case ast::binary_op::matches:
      return "matches";
    case ast::binary_op::add:
      return "+";
    case ast::binary_op::sub:
      return "-";
    case ast::binary_op::mul:
      return "*";
    case ast::binary_op::div:
      return "/";
    case ast::binary_op::range:
      return "..";
  }
  return "?";
}

std::string expr_text(const ast::expr& e) {
  return print(e, p_range, true);
}

}  // namespace kpi
