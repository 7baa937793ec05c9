// The grammar as users meet it: what parses, what it means, and the message when it does not.
#include "grammar/parse.hpp"

#include <gtest/gtest.h>

#include "engine/model/dump.hpp"
#include "tests/support/helpers.hpp"

namespace kpi {
namespace {

using test::load_text;
using test::rendered;

std::string one_target(const std::string& target) {
  return "project \"p\" { 产出指标 { 质量指标 { \"x\" " + target + " } } }\n";
}

// The meaning of a target, as the text dump prints it.
std::string meaning(const std::string& target) {
  auto r = load_text(one_target(target));
  EXPECT_TRUE(r.ok()) << rendered(r);
  return dump_text(r.model);
}

TEST(Parse, StringEscapesAreUnescapedAndPlainStringsKeptAsWritten) {
  auto r = load_text(
      "project \"甲\\\"乙\\\\丙\" {\n  goal \"一\\n二\\t三\"\n"
      "  产出指标 { 数量指标 { \"培训人次\" >= 10 人次 } }\n}\n");
  ASSERT_TRUE(r.ok()) << rendered(r);
  EXPECT_EQ(r.model.projects[0].name, "甲\"乙\\丙");
  EXPECT_EQ(r.model.projects[0].goal, "一\n二\t三");
  EXPECT_EQ(r.model.projects[0].indicators[0].name, "培训人次");
}

TEST(Parse, EveryGreaterOrEqualSpellingReadsTheSame) {
  std::string expected = meaning(">= 95.00 %");
  for (const char* s :
       {"≥ 95.00 %", "≧95.00%", "＞＝95.00％", "$\\geq 95.00\\%$", "$\\ge 95.00 \\%$",
        "$\\geqslant 95.00\\%$", "≥95.00(%)", ">=95.00（%）", "⩾ 95.00 %"})
    EXPECT_EQ(meaning(s), expected) << s;
}

TEST(Parse, EveryLessOrEqualSpellingReadsTheSame) {
  std::string expected = meaning("<= 57.00 万元");
  for (const char* s :
       {"≤57.00(万元)", "≦ 57.00 万元", "＜＝57.00万元", "$\\leq 57.00 万元$", "<=57.00（万元）"})
    EXPECT_EQ(meaning(s), expected) << s;
}

TEST(Parse, EqualsAndStrictSpellingsReadTheSame) {
  EXPECT_EQ(meaning("＝100.00(%)"), meaning("= 100.00 %"));
  EXPECT_EQ(meaning("$= 100.00\\%$"), meaning("= 100.00 %"));
  EXPECT_EQ(meaning("＞130.00(人)"), meaning("> 130.00 人"));
  EXPECT_EQ(meaning("＜ 5 天"), meaning("< 5 天"));
  EXPECT_EQ(meaning("$\\gt 130 人$"), meaning("> 130 人"));
}

TEST(Parse, ThousandsSeparatorsAreExact) {
  EXPECT_EQ(meaning(">= 1,000,000.50 元"), meaning(">= 1000000.50 元"));
}

TEST(Parse, AcceptsBomAndCrlfExactlyLikePlainText) {
  std::string plain =
      "project \"p\" {\n  产出指标 {\n    数量指标 {\n      \"x\" >= 8 次\n    }\n  }\n}\n";
  std::string crlf;
  for (char c : plain) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  auto a = load_text(plain);
  auto b = load_text("\xEF\xBB\xBF" + crlf);
  ASSERT_TRUE(a.ok() && b.ok()) << rendered(b);
  EXPECT_EQ(dump_json(a.model), dump_json(b.model));
}

TEST(Parse, ErrorForMissingTarget) {
  auto r = load_text("project \"p\" {\n  产出指标 { 数量指标 {\n    \"x\"\n  } }\n}\n");
  EXPECT_EQ(rendered(r),
            "t.kpi:4:3: error: expected a target after the indicator name, e.g. >= 80 %, <= 57.00 "
            "万元, 进一步提升 or "
            "\"每年一次\"\n"
            "    } }\n"
            "    ^\n");
}

TEST(Parse, ErrorForUnclosedBlockNamesWhereItOpened) {
  auto r = load_text("project \"p\" {\n  产出指标 {\n    数量指标 { \"x\" >= 8 次 }\n");
  EXPECT_EQ(rendered(r),
            "t.kpi:4:1: error: unterminated block: missing '}' for 产出指标 opened at 2:3\n"
            "  \n"
            "  ^\n");
}

TEST(Parse, ErrorForStrayTokenInsideAGroup) {
  auto r = load_text("project \"p\" {\n  产出指标 {\n    数量指标 { \"x\" >= 8 次 ; }\n  }\n}\n");
  EXPECT_EQ(rendered(r),
            "t.kpi:3:23: error: expected an indicator (\"name\" target; the name in ASCII quotes, "
            "not “ ”), a group such as 数量指标 { … } or '}' to "
            "close 数量指标 (opened at 3:5)\n"
            "      数量指标 { \"x\" >= 8 次 ; }\n"
            "                             ^\n");
}

TEST(Parse, ErrorForUnterminatedStringPointsAtItsStart) {
  auto r = load_text("project \"p {\n}\n");
  EXPECT_EQ(rendered(r),
            "t.kpi:1:9: error: unterminated string: missing closing '\"' on this line (a "
            "full-width ” does not close a string)\n"
            "  project \"p {\n"
            "          ^\n");
}

TEST(Parse, ErrorForTypographicQuotes) {
  auto r = load_text("project “对外交流” {\n}\n");
  EXPECT_EQ(rendered(r),
            "t.kpi:1:9: error: expected '\"' (an ASCII double quote) to start a string; the quotes "
            "“ ” may only "
            "appear inside one\n"
            "  project “对外交流” {\n"
            "          ^\n");
}

TEST(Parse, ErrorForNumberBeyondExactRange) {
  auto r = load_text(one_target(">= 1234567890123456789012345678901 元"));
  EXPECT_EQ(
      rendered(r),
      "t.kpi:1:36: error: number has more than 30 significant digits; kpi keeps every number exact "
      "and does not "
      "round it\n"
      "  project \"p\" { 产出指标 { 质量指标 { \"x\" >= 1234567890123456789012345678901 元 } } }\n"
      "                                             ^\n");
}

TEST(Parse, ErrorForNumberMissingAfterOperator) {
  auto r = load_text(one_target(">= 万元"));
  EXPECT_NE(rendered(r).find("t.kpi:1:36: error: expected a number or a date after the operator"),
            std::string::npos);
}

TEST(Parse, DeepNestingIsAnErrorNotAStackOverflow) {
  std::string text = "project \"p\" {\n";
  for (int i = 0; i < 20000; ++i) text += "组 {";
  auto r = load_text(text);
  EXPECT_NE(rendered(r).find("t.kpi:2:94: error: blocks nested too deeply (more than 32 levels)"),
            std::string::npos)
      << rendered(r).substr(0, 300);
}

TEST(Parse, InvalidUtf8AndNulAreRejectedWithPosition) {
  auto r = load_text("project \"p\xff\" {}\n");
  EXPECT_EQ(rendered(r).substr(0, 50), "t.kpi:1:11: error: invalid UTF-8 (byte 0xFF); save");
  auto n = load_text(std::string("project \"p\" {}\n\0", 16));
  EXPECT_EQ(rendered(n).substr(0, 53), "t.kpi:2:1: error: NUL byte in the text; is this a bin");
}

TEST(Parse, ChineseMessagesWhenAsked) {
  auto r = load_text("project \"p\" {\n");
  EXPECT_EQ(rendered(r, lang::zh),
            "t.kpi:2:1: error: 块未结束：project \"p\"（始于 1:1）缺少 '}'\n"
            "  \n"
            "  ^\n");
}

TEST(Parse, KeepsCommentsForTheFormatter) {
  memory_reader reader;
  diagnostics d;
  auto src = std::make_shared<source>("c.kpi", "# a\nproject \"p\" { # b\n}\n# c\n");
  auto r = parse(src, d);
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(r.file.comments.size(), 3u);
  EXPECT_EQ(src->slice(r.file.comments[1].range), "# b");
}

}  // namespace
}  // namespace kpi
