// How `kpi fmt` prints rule expressions (engine/format/expr_text): for thousands of generated
// expressions, the printed text parses again, to the same tree, and prints to itself. The
// fuzzer found three bugs of this printer (a minus before a number or a date, parentheses
// past the nesting limit); this test walks the same ground directly and fast.
#include <memory>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "engine/base/source.hpp"
#include "engine/format/expr_text.hpp"
#include "grammar/parse.hpp"

namespace kpi {
namespace {

// The tree written out with every node explicit, to compare two parses.
std::string tree(const ast::expr& e) {
  return std::visit(
      [](const auto& n) -> std::string {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::number_lit>) {
          return "num(" + n.value.num.value.to_string() +
                 (n.value.unit ? " " + n.value.unit->text : "") + ")";
        } else if constexpr (std::is_same_v<T, ast::string_lit>) {
          return "str(" + n.value.text + ")";
        } else if constexpr (std::is_same_v<T, ast::ident_ref>) {
          return "id(" + n.id.text + ")";
        } else if constexpr (std::is_same_v<T, ast::op_lit>) {
          return "op(" + std::to_string(static_cast<int>(n.op)) + ")";
        } else if constexpr (std::is_same_v<T, ast::date_value>) {
          return "date(" + n.value.text + ")";
        } else if constexpr (std::is_same_v<T, ast::list_lit>) {
          std::string s = "list(";
          for (const auto& i : n.items) s += tree(*i) + ",";
          return s + ")";
        } else if constexpr (std::is_same_v<T, ast::member>) {
          return "member(" + tree(*n.object) + "." + n.field.text + ")";
        } else if constexpr (std::is_same_v<T, ast::call>) {
          std::string s = "call(" + n.function.text;
          for (const auto& a : n.args) s += "," + tree(*a);
          return s + ")";
        } else if constexpr (std::is_same_v<T, ast::where>) {
          return "where(" + tree(*n.set) + "," + tree(*n.condition) + ")";
        } else if constexpr (std::is_same_v<T, ast::unary>) {
          return "unary" + std::to_string(static_cast<int>(n.op)) + "(" + tree(*n.operand) + ")";
        } else {
          return "bin" + std::to_string(static_cast<int>(n.op)) + "(" + tree(*n.lhs) + "," +
                 tree(*n.rhs) + ")";
        }
      },
      e.node);
}

ast::expr_ptr parse_text(const std::string& text) {
  auto src = std::make_shared<const source>("expr.kpi", text);
  diagnostics diags;
  ast::expr_ptr e = parse_expression(src, {0, static_cast<std::uint32_t>(text.size())}, diags);
  return diags.has_errors() ? nullptr : e;
}

// Random expression text from the pieces of the rule language, some of them crowded together
// on purpose (no spaces around a minus, a blank that is a BOM or an ideographic space).
class generator {
 public:
  explicit generator(unsigned seed) : rng_(seed) {}

  std::string expr(int depth) {
    if (depth == 0 || pick(4) == 0) return atom();
    switch (pick(9)) {
      case 0:
        return "(" + expr(depth - 1) + ")";
      case 1:
        return any_of({"-", "- ", "-\xEF\xBB\xBF", "-\xE3\x80\x80"}) + expr(depth - 1);
      case 2:
        return "not " + expr(depth - 1);
      case 3:
        return expr(depth - 1) + " where " + expr(depth - 1);
      case 4:
        return "[" + expr(depth - 1) + ", " + expr(depth - 1) + "]";
      case 5:
        return any_of({"count", "sum", "abs", "round"}) + "(" + expr(depth - 1) +
               (pick(2) ? ", " + expr(depth - 1) : "") + ")";
      default:
        return expr(depth - 1) + " " +
               any_of({"+",        "-",           "*",         "/",       "==",  "!=",
                       "<",        "<=",          ">",         ">=",      "in",  "not in",
                       "contains", "starts_with", "ends_with", "matches", "and", "or",
                       "..",       "≤",           "≥",         "≠",       "="}) +
               " " + expr(depth - 1);
    }
  }

 private:
  std::mt19937 rng_;

  unsigned pick(unsigned n) { return rng_() % n; }
  std::string any_of(std::initializer_list<const char*> xs) {
    return *(xs.begin() + pick(static_cast<unsigned>(xs.size())));
  }
  std::string atom() {
    return any_of({"0",           "5",
                   "-3",          "2.50",
                   "100 %",       "57.00 万元",
                   "-0",          "-5 元",
                   "1e3",         "0.000",
                   "2024-01-01",  "2024-12-31",
                   "\"文本\"",    "\"a \\\"q\\\" b\"",
                   "\"\\n\"",     "\"\"",
                   "level1",      "成本指标",
                   "funds.total", "target",
                   "indicators",  "<=",
                   ">=",          "=",
                   "<",           "≥",
                   "x.y.z",       "weight",
                   "a1",          "count()",
                   "(x).y",       "[]"});
  }
};

TEST(ExprRoundTrip, PrintedExpressionsParseToTheSameTreeAndPrintToThemselves) {
  generator gen(2026);
  int checked = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text = gen.expr(5);
    ast::expr_ptr first = parse_text(text);
    if (!first) continue;  // the generator also writes what the grammar rejects
    ++checked;
    std::string printed = expr_text(*first);
    ast::expr_ptr again = parse_text(printed);
    ASSERT_NE(again, nullptr) << "does not parse: " << printed << "\nfrom: " << text;
    ASSERT_EQ(tree(*again), tree(*first)) << "printed: " << printed << "\nfrom: " << text;
    ASSERT_EQ(expr_text(*again), printed) << "from: " << text;
  }
  EXPECT_GT(checked, 5000);  // most generated texts are expressions
}

}  // namespace
}  // namespace kpi
