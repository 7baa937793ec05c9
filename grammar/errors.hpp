// What a user reads when the grammar cannot go on: one message per `must<>` point, in English
// and Chinese, saying what was expected in the user's terms (never a rule name).
#pragma once

#include <string>
#include <vector>

#include <fmt/format.h>

#include "engine/base/diagnostic.hpp"
#include "grammar/grammar.hpp"
#include "grammar/pack_grammar.hpp"

namespace kpi::grammar {

// A block that is open while parsing, for "missing '}' for … opened at …".
struct open_block {
  std::string what;  // `project "对外交流"`, `产出指标`, `actuals "对外交流"`, `terms vague`
  std::uint32_t offset = 0;
};

struct error_context {
  const source* src = nullptr;
  const std::vector<open_block>* blocks = nullptr;
  bool at_eof = false;
};

namespace detail {

inline std::string opened_at(const error_context& c) {
  if (c.blocks == nullptr || c.blocks->empty()) return "";
  line_column p = c.src->position(c.blocks->back().offset);
  return fmt::format("{}:{}", p.line, p.column);
}

inline std::string innermost(const error_context& c) {
  return c.blocks == nullptr || c.blocks->empty() ? std::string("block") : c.blocks->back().what;
}

// The message for a closing brace that is missing: at the end of the file the block is
// unterminated; elsewhere something unexpected stands where an item or '}' should be.
inline text close_message(const error_context& c, std::string_view expected_en,
                          std::string_view expected_zh) {
  if (c.at_eof)
    return {fmt::format("unterminated block: missing '}}' for {} opened at {}", innermost(c),
                        opened_at(c)),
            fmt::format("块未结束：{}（始于 {}）缺少 '}}'", innermost(c), opened_at(c))};
  return {fmt::format("expected {} or '}}' to close {} (opened at {})", expected_en, innermost(c),
                      opened_at(c)),
          fmt::format("此处应为{}，或以 '}}' 结束 {}（始于 {}）", expected_zh, innermost(c),
                      opened_at(c))};
}

}  // namespace detail

template <typename Rule>
inline text error_message(const error_context& /*c*/) {
  return {"syntax error", "语法错误"};
}

#define KPI_GRAMMAR_ERROR(rule, en, zh)                         \
  template <>                                                   \
  inline text error_message<rule>(const error_context& /*c*/) { \
    return {en, zh};                                            \
  }

KPI_GRAMMAR_ERROR(string_close,
                  "unterminated string: missing closing '\"' on this line (a full-width ” does "
                  "not close a string)",
                  "字符串未结束：本行缺少右引号 '\"'（中文引号 ” 不能结束字符串）")
KPI_GRAMMAR_ERROR(bad_quote,
                  "expected '\"' (an ASCII double quote) to start a string; the quotes “ ” may "
                  "only appear inside one",
                  "字符串须以英文双引号 '\"' 开头；中文引号 “ ” 只能出现在字符串内部")
KPI_GRAMMAR_ERROR(latex_op, "expected a comparison after '$', e.g. $\\geq 95.00\\%$",
                  "'$' 之后应为比较符号，例如 $\\geq 95.00\\%$")
KPI_GRAMMAR_ERROR(latex_number, "expected a number in the LaTeX target, e.g. $\\geq 95.00\\%$",
                  "LaTeX 形式的指标值中应有数值，例如 $\\geq 95.00\\%$")
KPI_GRAMMAR_ERROR(latex_close, "expected '$' to close the LaTeX target",
                  "LaTeX 形式的指标值缺少结尾的 '$'")
KPI_GRAMMAR_ERROR(compare_value,
                  "expected a number or a date after the operator, e.g. >= 80 % or <= 2024-06-30",
                  "比较符号之后应为数值或日期，例如 >= 80 % 或 <= 2024-06-30")
KPI_GRAMMAR_ERROR(range_low, "expected a number after 'between', e.g. between 80 .. 90 %",
                  "'between' 之后应为数值，例如 between 80 .. 90 %")
KPI_GRAMMAR_ERROR(range_high, "expected a number after '..', e.g. between 80 .. 90 %",
                  "'..' 之后应为数值，例如 between 80 .. 90 %")
KPI_GRAMMAR_ERROR(dots, "expected '..' between the two ends, e.g. 2024-01-01 .. 2024-12-31",
                  "两端之间应为 '..'，例如 2024-01-01 .. 2024-12-31")
KPI_GRAMMAR_ERROR(number, "expected a number, e.g. weight 5", "此处应为数值，例如 weight 5")
KPI_GRAMMAR_ERROR(target,
                  "expected a target after the indicator name, e.g. >= 80 %, <= 57.00 万元, "
                  "进一步提升 or \"每年一次\"",
                  "指标名称之后应为指标值，例如 >= 80 %、<= 57.00 万元、进一步提升 或 \"每年一次\"")
KPI_GRAMMAR_ERROR(field_value, "expected a quoted string, e.g. department \"中共上海市委宣传部\"",
                  "此处应为带引号的字符串，例如 department \"中共上海市委宣传部\"")
KPI_GRAMMAR_ERROR(period_from, "expected a date YYYY-MM-DD, e.g. period 2024-01-01 .. 2024-12-31",
                  "此处应为日期 YYYY-MM-DD，例如 period 2024-01-01 .. 2024-12-31")
KPI_GRAMMAR_ERROR(period_to,
                  "expected a date YYYY-MM-DD after '..', e.g. period 2024-01-01 .. 2024-12-31",
                  "'..' 之后应为日期 YYYY-MM-DD，例如 period 2024-01-01 .. 2024-12-31")
KPI_GRAMMAR_ERROR(
    funds_entry,
    "expected total, fiscal, carryover or other after 'funds', e.g. funds total 1,017,000.00 元",
    "'funds' 之后应为 total、fiscal、carryover 或 other，例如 funds total 1,017,000.00 元")
KPI_GRAMMAR_ERROR(funds_amount, "expected an amount, e.g. total 1,017,000.00 元",
                  "此处应为金额，例如 total 1,017,000.00 元")
KPI_GRAMMAR_ERROR(project_name, "expected the project name in quotes, e.g. project \"对外交流\" {",
                  "此处应为带引号的项目名称，例如 project \"对外交流\" {")
KPI_GRAMMAR_ERROR(project_open, "expected '{' after the project name", "项目名称之后应为 '{'")
KPI_GRAMMAR_ERROR(amount_value, "expected an amount, e.g. executed 1,002,300.00 元",
                  "此处应为金额，例如 executed 1,002,300.00 元")
KPI_GRAMMAR_ERROR(because_text,
                  "expected the reason in quotes, e.g. because \"两场活动因外事安排取消\"",
                  "此处应为带引号的原因说明，例如 because \"两场活动因外事安排取消\"")
KPI_GRAMMAR_ERROR(
    actual_value,
    "expected the actual value, e.g. = 56.80 万元, = 达成, = 部分达成 75 % or = \"按期完成\"",
    "此处应为实际完成值，例如 = 56.80 万元、= 达成、= 部分达成 75 % 或 = \"按期完成\"")
KPI_GRAMMAR_ERROR(
    override_score,
    "expected the assessor's score after 'override', e.g. override 4.50 because \"…\"",
    "'override' 之后应为评价人给出的得分，例如 override 4.50 because \"…\"")
KPI_GRAMMAR_ERROR(kw_because, "expected 'because' and the reason, e.g. override 4.50 because \"…\"",
                  "此处应为 because 及理由，例如 override 4.50 because \"…\"")
KPI_GRAMMAR_ERROR(override_reason,
                  "expected the reason in quotes, e.g. override 4.50 because \"…\"",
                  "此处应为带引号的理由，例如 override 4.50 because \"…\"")
KPI_GRAMMAR_ERROR(actuals_name, "expected the project name in quotes, e.g. actuals \"对外交流\" {",
                  "此处应为带引号的项目名称，例如 actuals \"对外交流\" {")
KPI_GRAMMAR_ERROR(actuals_open, "expected '{' after the project name", "项目名称之后应为 '{'")
KPI_GRAMMAR_ERROR(dimension_name, "expected a dimension name, e.g. dimension currency \"货币\"",
                  "此处应为量纲名称，例如 dimension currency \"货币\"")
KPI_GRAMMAR_ERROR(decl_unit_name, "expected a unit name, e.g. unit 元 currency",
                  "此处应为单位名称，例如 unit 元 currency")
KPI_GRAMMAR_ERROR(unit_body,
                  "expected a dimension (unit 元 currency) or a definition (unit 千元 = 1000 元)",
                  "此处应为量纲（unit 元 currency）或换算定义（unit 千元 = 1000 元）")
KPI_GRAMMAR_ERROR(quantity, "expected a number and a unit, e.g. 1000 元",
                  "此处应为数值和单位，例如 1000 元")
KPI_GRAMMAR_ERROR(scale_prefix, "expected a prefix, e.g. scale 万 = 10000",
                  "此处应为数量级前缀，例如 scale 万 = 10000")
KPI_GRAMMAR_ERROR(scale_eq, "expected '=' after the prefix, e.g. scale 万 = 10000",
                  "前缀之后应为 '='，例如 scale 万 = 10000")
KPI_GRAMMAR_ERROR(scale_factor, "expected a number, e.g. scale 万 = 10000",
                  "此处应为数值，例如 scale 万 = 10000")
KPI_GRAMMAR_ERROR(term_class, "expected a class of terms, e.g. terms vague { 提升 }",
                  "此处应为术语类别，例如 terms vague { 提升 }")
KPI_GRAMMAR_ERROR(terms_open, "expected '{' to open the list of terms", "术语列表应以 '{' 开始")
KPI_GRAMMAR_ERROR(
    end_of_file, "expected project, actuals, pack or a declaration (dimension, unit, scale, terms)",
    "此处应为 project、actuals、pack 或声明（dimension、unit、scale、terms）")

// ---- rule packs ----
KPI_GRAMMAR_ERROR(expr, "expected an expression, e.g. level1 == 成本指标",
                  "此处应为表达式，例如 level1 == 成本指标")
KPI_GRAMMAR_ERROR(e_unary, "expected a value after the operator", "运算符之后应为一个值")
KPI_GRAMMAR_ERROR(e_mul, "expected a value after the operator", "运算符之后应为一个值")
KPI_GRAMMAR_ERROR(e_add, "expected a value after the comparison", "比较运算符之后应为一个值")
KPI_GRAMMAR_ERROR(e_not, "expected a condition after 'not' or 'and'", "'not' 或 'and' 之后应为条件")
KPI_GRAMMAR_ERROR(e_and, "expected a condition after 'or'", "'or' 之后应为条件")
KPI_GRAMMAR_ERROR(e_or, "expected a value after '..'", "'..' 之后应为一个值")
KPI_GRAMMAR_ERROR(e_list_close, "expected ',' or ']' in the list", "列表中此处应为 ',' 或 ']'")
KPI_GRAMMAR_ERROR(e_call_close, "expected ',' or ')' in the call", "函数调用中此处应为 ',' 或 ')'")
KPI_GRAMMAR_ERROR(e_paren_close, "expected ')'", "此处应为 ')'")
KPI_GRAMMAR_ERROR(e_member_name, "expected a field name after '.', e.g. funds.total",
                  "'.' 之后应为字段名，例如 funds.total")
KPI_GRAMMAR_ERROR(severity_value, "expected a severity: error, warning or info",
                  "此处应为严重程度：error、warning 或 info")
KPI_GRAMMAR_ERROR(scope_value, "expected what the rule applies to: each project or each indicator",
                  "此处应为规则的作用范围：each project 或 each indicator")
KPI_GRAMMAR_ERROR(let_name, "expected a name after 'let', e.g. let cost = …",
                  "'let' 之后应为名称，例如 let cost = …")
KPI_GRAMMAR_ERROR(let_eq, "expected '=' after the name", "名称之后应为 '='")
KPI_GRAMMAR_ERROR(let_value, "expected an expression after '='", "'=' 之后应为表达式")
KPI_GRAMMAR_ERROR(require_value, "expected a condition after 'require'", "'require' 之后应为条件")
KPI_GRAMMAR_ERROR(message_text,
                  "expected the message in quotes, e.g. message \"成本指标「{name}」…\"",
                  "此处应为带引号的提示信息，例如 message \"成本指标「{name}」…\"")
KPI_GRAMMAR_ERROR(cite_text, "expected the citation in quotes, e.g. cite \"财预〔2021〕101号\"",
                  "此处应为带引号的依据，例如 cite \"财预〔2021〕101号\"")
KPI_GRAMMAR_ERROR(rule_name, "expected a rule id, e.g. rule cost.upper-bound {",
                  "此处应为规则编号，例如 rule cost.upper-bound {")
KPI_GRAMMAR_ERROR(rule_open,
                  "expected '{' after the rule id (to change an inherited rule, write "
                  "'severity RULE warning' or 'disable RULE')",
                  "规则编号之后应为 '{'（修改继承的规则请写 'severity 规则编号 warning' 或 "
                  "'disable 规则编号'）")
KPI_GRAMMAR_ERROR(param_name, "expected a parameter name, e.g. param threshold = 90 %",
                  "此处应为参数名，例如 param threshold = 90 %")
KPI_GRAMMAR_ERROR(param_eq, "expected '=' after the parameter name", "参数名之后应为 '='")
KPI_GRAMMAR_ERROR(param_value, "expected the parameter's value", "此处应为参数值")
KPI_GRAMMAR_ERROR(row_value, "expected a value in the table row", "表格行中此处应为一个值")
KPI_GRAMMAR_ERROR(table_name, "expected a table name, e.g. table grades {",
                  "此处应为表名，例如 table grades {")
KPI_GRAMMAR_ERROR(table_open, "expected '{' after the table name", "表名之后应为 '{'")
KPI_GRAMMAR_ERROR(setting_value, "expected a value in quotes, e.g. version \"1.0.0\"",
                  "此处应为带引号的值，例如 version \"1.0.0\"")
KPI_GRAMMAR_ERROR(override_rule, "expected a rule id", "此处应为规则编号")
KPI_GRAMMAR_ERROR(override_value, "expected a severity: error, warning or info",
                  "此处应为严重程度：error、warning 或 info")
KPI_GRAMMAR_ERROR(given_item, "expected a project or actuals block after 'given'",
                  "'given' 之后应为 project 或 actuals 块")
KPI_GRAMMAR_ERROR(expect_target, "expected a rule id, 'no' and a rule id, or 'none' after 'expect'",
                  "'expect' 之后应为规则编号、no 加规则编号，或 none")
KPI_GRAMMAR_ERROR(expect_on, "expected the indicator name in quotes after 'on'",
                  "'on' 之后应为带引号的指标名称")
KPI_GRAMMAR_ERROR(test_name, "expected the test's name in quotes, e.g. test \"…\" {",
                  "此处应为带引号的测试名称，例如 test \"…\" {")
KPI_GRAMMAR_ERROR(test_open, "expected '{' after the test's name", "测试名称之后应为 '{'")
KPI_GRAMMAR_ERROR(pack_name, "expected the pack name in quotes, e.g. pack \"mof-2021-101\" {",
                  "此处应为带引号的规则包名称，例如 pack \"mof-2021-101\" {")
KPI_GRAMMAR_ERROR(pack_open, "expected '{' after the pack name", "规则包名称之后应为 '{'")

#undef KPI_GRAMMAR_ERROR

template <>
inline text error_message<project_close>(const error_context& c) {
  return detail::close_message(c,
                               "a field (department, unit, nature, category, period, funds, goal), "
                               "an indicator group such as 产出指标 { … }",
                               "字段（department、unit、nature、category、period、funds、goal）、指"
                               "标组（如 产出指标 { … }）");
}

template <>
inline text error_message<group_close>(const error_context& c) {
  return detail::close_message(
      c,
      "an indicator (\"name\" target; the name in ASCII quotes, not “ ”), a group such as 数量指标 "
      "{ … }",
      "指标（\"名称\" 指标值；名称用英文引号，而非 “ ”）、指标组（如 数量指标 { … }）");
}

template <>
inline text error_message<actuals_close>(const error_context& c) {
  return detail::close_message(c, "an actual value (\"indicator\" = value), executed or budget",
                               "实际完成值（\"指标名称\" = 值）、executed 或 budget");
}

template <>
inline text error_message<rule_close>(const error_context& c) {
  return detail::close_message(c, "a statement (severity, each, let, require, message, cite)",
                               "语句（severity、each、let、require、message、cite）");
}

template <>
inline text error_message<pack_close>(const error_context& c) {
  return detail::close_message(
      c, "title, version, extends, param, table, rule, test, severity or disable",
      "title、version、extends、param、table、rule、test、severity 或 disable");
}

template <>
inline text error_message<table_close>(const error_context& c) {
  return detail::close_message(c, "a row (key: value, …)", "表格行（键: 值, …）");
}

template <>
inline text error_message<test_close>(const error_context& c) {
  return detail::close_message(c, "given or expect", "given 或 expect");
}

template <>
inline text error_message<terms_close>(const error_context& c) {
  return detail::close_message(c, "a term", "术语");
}

}  // namespace kpi::grammar
