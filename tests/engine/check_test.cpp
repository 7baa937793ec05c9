// The checker: units, terms, dates, structure — each error positioned, and everything else
// (an auditor's call) still loads.
#include <gtest/gtest.h>

#include "engine/model/dump.hpp"
#include "tests/support/helpers.hpp"

namespace kpi {
namespace {

using test::load_text;
using test::load_texts;
using test::rendered;

TEST(CheckUnits, ScaledUnitsHaveExactBaseValues) {
  auto r = load_text(
      "project \"p\" { 成本指标 { 经济成本指标 {\n"
      "  \"a\" <= 9.70 万元\n  \"b\" <= 17.15 万元\n  \"c\" <= 1.5 亿元\n  \"d\" >= 1000.00 "
      "万人次\n } } }\n");
  ASSERT_TRUE(r.ok()) << rendered(r);
  const auto& inds = r.model.projects.at(0).indicators;
  EXPECT_EQ(inds[0].target->base_value, *decimal::parse("97000"));
  EXPECT_EQ(inds[0].target->base_value.to_string(), "97000");
  EXPECT_EQ(inds[1].target->base_value.to_string(), "171500");
  EXPECT_EQ(inds[2].target->base_value.to_string(), "150000000");
  EXPECT_EQ(inds[3].target->base_value.to_string(), "10000000");
  EXPECT_EQ(inds[3].target->base_unit, "人次");
  EXPECT_EQ(inds[3].target->dimension, "count");
}

TEST(CheckUnits, UnknownUnitSuggestsTheClosestAndNamesTheStdlibFile) {
  auto r = load_text("project \"p\" { 成本指标 { 经济成本指标 { \"a\" <= 5 万圆 } } }\n");
  EXPECT_EQ(rendered(r),
            "t.kpi:1:40: error: unknown unit '万圆' (did you mean '万元'?); units are declared in "
            "stdlib/units.kpi, "
            "and you can declare your own in a file passed with --lib, e.g. unit 万圆 count\n"
            "  project \"p\" { 成本指标 { 经济成本指标 { \"a\" <= 5 万圆 } } }\n"
            "                                                   ^~~~\n");
}

TEST(CheckUnits, UsersExtendUnitsWithoutRecompiling) {
  auto r = load_texts({{"mine.kpi", "dimension mass2 \"质量\"\nunit 斤 mass2\nunit 担 = 100 斤\n"},
                       {"t.kpi", "project \"p\" { 产出指标 { 数量指标 { \"a\" >= 3 万担 } } }\n"}});
  ASSERT_TRUE(r.ok()) << rendered(r);
  EXPECT_EQ(r.model.projects[0].indicators[0].target->base_value.to_string(), "3000000");
  EXPECT_EQ(r.model.projects[0].indicators[0].target->base_unit, "斤");
}

TEST(CheckUnits, DuplicateUnitDeclarationPointsAtTheFirst) {
  auto r = load_texts({{"mine.kpi", "unit 元 currency\n"}});
  std::string out = rendered(r);
  EXPECT_NE(out.find("mine.kpi:1:6: error: unit '元' is declared twice"), std::string::npos) << out;
  EXPECT_NE(out.find("stdlib/units.kpi:"), std::string::npos) << out;
}

TEST(CheckTerms, UnknownUnquotedTermSaysToQuoteFreeText) {
  auto r = load_text("project \"p\" { 效益指标 { 社会效益指标 { \"a\" 进一部提升 } } }\n");
  EXPECT_EQ(rendered(r).substr(0, rendered(r).find('\n')),
            "t.kpi:1:35: error: unknown term '进一部提升' (did you mean '进一步提升'?); write free "
            "text in quotes "
            "(\"进一部提升\"), or declare the term in a file passed with --lib (known terms: "
            "stdlib/vocabulary.kpi)");
}

TEST(CheckTerms, QuotedFreeTextAndKnownTermsLoad) {
  auto r = load_text(
      "project \"p\" { 产出指标 { 时效指标 {\n  \"a\" \"每个工作日一期\"\n  \"b\" 及时\n  \"c\" "
      "进一步提升\n } } }\n");
  ASSERT_TRUE(r.ok()) << rendered(r);
  const auto& inds = r.model.projects[0].indicators;
  EXPECT_EQ(inds[0].term_class, "");
  EXPECT_EQ(inds[1].term_class, "state");
  EXPECT_EQ(inds[2].term_class, "vague");
}

TEST(CheckDates, InvalidDateIsAnError) {
  auto r = load_text("project \"p\" {\n  period 2024-02-30 .. 2024-12-31\n}\n");
  EXPECT_EQ(rendered(r),
            "t.kpi:2:10: error: invalid date 2024-02-30: no such day in the calendar\n"
            "    period 2024-02-30 .. 2024-12-31\n"
            "           ^~~~~~~~~~\n");
}

TEST(CheckDates, ReversedPeriodIsAnError) {
  auto r = load_text("project \"p\" {\n  period 2024-12-31 .. 2024-01-01\n}\n");
  EXPECT_EQ(rendered(r).substr(0, rendered(r).find('\n')),
            "t.kpi:2:24: error: the period ends (2024-01-01) before it starts (2024-12-31)");
}

TEST(CheckProjects, DuplicateProjectNamesAreReportedWithTheFirst) {
  auto r = load_text("project \"p\" {\n}\nproject \"p\" {\n}\n");
  EXPECT_EQ(rendered(r),
            "t.kpi:3:9: error: project 'p' is declared twice\n"
            "  project \"p\" {\n"
            "          ^~~\n"
            "t.kpi:1:9: note: first declared here\n"
            "  project \"p\" {\n"
            "          ^\n");
}

TEST(CheckProjects, CollectsAllErrorsAndKeepsGoing) {
  auto r = load_text(
      "project \"p\" {\n  period 2024-02-30 .. 2024-12-31\n"
      "  产出指标 { 数量指标 { \"a\" >= 5 万圆  \"b\" 进一部提升 } }\n}\n");
  EXPECT_EQ(r.diags.error_count(), 3u) << rendered(r);
}

TEST(CheckProjects, AnAuditorsCallStillLoads) {
  // unusual 二级, the same indicator twice, a percentage over 100, a cost that does not add up
  auto r = load_text(
      "project \"p\" {\n  funds total 100 元\n"
      "  产出指标 { 奇怪指标 { \"a\" >= 120 %  \"a\" >= 120 % } }\n"
      "  成本指标 { 经济成本指标 { \"c\" >= 1 万元 } }\n}\n");
  EXPECT_TRUE(r.ok()) << rendered(r);
  EXPECT_EQ(r.model.projects[0].indicators.size(), 3u);
}

TEST(CheckProjects, FundsMustBeMoney) {
  auto r = load_text("project \"p\" {\n  funds total 5 次\n}\n");
  EXPECT_EQ(rendered(r).substr(0, rendered(r).find('\n')),
            "t.kpi:2:17: error: an amount of money must be in currency, not '次' (count)");
}

TEST(CheckProjects, ThirdLevelOfGroupsIsAnError) {
  auto r = load_text("project \"p\" { 产出指标 { 数量指标 { 细项 { \"a\" >= 1 次 } } } }\n");
  EXPECT_NE(rendered(r).find("t.kpi:1:29: error: '细项' would be a third level of groups"),
            std::string::npos)
      << rendered(r);
}

TEST(CheckActuals, GradesSharesAndReasons) {
  auto r = load_text(
      "actuals \"p\" {\n  executed 1,002,300.00 元\n  \"a\" = 部分达成 75 %\n  \"b\" = 6 次 "
      "because \"取消\"\n"
      "  \"c\" = 达成\n  \"d\" = \"按期完成\"\n}\n");
  ASSERT_TRUE(r.ok()) << rendered(r);
  const auto& a = r.model.actuals.at(0);
  EXPECT_EQ(a.executed->to_string(), "1002300.00");
  EXPECT_EQ(a.values[0].text, "部分达成");
  EXPECT_EQ(a.values[0].share->to_string(), "75");
  EXPECT_EQ(a.values[1].because, "取消");
  EXPECT_EQ(a.values[2].term_class, "grade");
  EXPECT_EQ(a.values[3].k, model::actual_kind::text);
}

TEST(CheckActuals, DuplicateActualIsAnError) {
  auto r = load_text("actuals \"p\" {\n  \"a\" = 1 次\n  \"a\" = 2 次\n}\n");
  EXPECT_NE(rendered(r).find("t.kpi:3:3: error: the actual value of 'a' is given twice"),
            std::string::npos);
}

}  // namespace
}  // namespace kpi
