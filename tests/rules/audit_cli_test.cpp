// The default audit pack through `kpi check` and `kpi test`, as users run them.
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/run.hpp"

namespace kpi {
namespace {

using test::run_kpi;

TEST(AuditCli, EachDefectIsFoundOnceAtItsProjectAndIndicator) {
  auto r = run_kpi("check --format json tests/data/rules/defects.kpi");
  EXPECT_EQ(r.code, 1) << r.err;  // error findings
  auto j = nlohmann::json::parse(r.out);
  // project → rule @ indicator ("" for a project-level finding)
  const std::map<std::string, std::string> expected = {
      {"无产出", "groups.output-required@"},
      {"无效益", "groups.outcome-required@"},
      {"无满意度", "groups.satisfaction-expected@"},
      {"无成本", "groups.cost-expected@"},
      {"一级错误", "framework.level1@次数"},
      {"二级错位", "framework.level2@影响力"},
      {"成本下限", "cost.upper-bound@运营费用"},
      {"超预算", "cost.sum-exceeds-budget@"},
      {"低于预算", "cost.sum-below-budget@"},
      {"资金不平", "funds.balance@"},
      {"无单位", "target.unit-required@场次"},
      {"占位符", "target.placeholder@合格率"},
      {"超百分百", "target.percent-over-100@合格率"},
      {"重复", "indicator.duplicate@场次"},
      {"超期天数", "period.day-count@运行天数"},
      {"超期限", "period.deadline@完成时间"},
      {"闰年", "period.full-year-days@安全运行天数"},
      {"方向性", "target.vague@影响力"},
      {"满意度低", "satisfaction.low@满意度"},
      {"满意度满", "satisfaction.full@满意度"},
      {"分值不足", "weights.total@"},
      {"分值过多", "weights.over@"},
  };
  std::map<std::string, std::string> seen;
  for (const auto& f : j["findings"]) {
    std::string project = f["project"];
    std::string key = f["rule"].get<std::string>() + "@" +
                      (f["indicator"].is_string() ? f["indicator"].get<std::string>() : "");
    EXPECT_TRUE(seen.emplace(project, key).second)
        << "second finding on " << project << ": " << key;
    EXPECT_EQ(f["file"], "tests/data/rules/defects.kpi");
    EXPECT_GT(f["line"].get<int>(), 1);
    EXPECT_GE(f["column"].get<int>(), 1);
    EXPECT_FALSE(f["message"].get<std::string>().empty());
    EXPECT_FALSE(f["cite"].get<std::string>().empty()) << key;
    EXPECT_EQ(f["pack"], "target-setting");
  }
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(seen.count("完整"), 0u) << "the clean project raises nothing";
}

TEST(AuditCli, TheSeedExampleListsItsRealProblemsAndNoFalseErrors) {
  auto r = run_kpi("check --format json examples/targets.kpi");
  EXPECT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::multimap<std::string, std::string> found;
  for (const auto& f : j["findings"]) {
    EXPECT_EQ(f["severity"], "info") << f.dump();
    found.emplace(f["rule"].get<std::string>(), f["indicator"].get<std::string>());
  }
  const std::multimap<std::string, std::string> expected = {
      {"target.vague", "对境外驻沪媒体信息提供及时性、针对性"},
      {"target.vague", "对外交流影响力"},
      {"target.vague", "领导干部新闻素养及舆论引导能力"},
      {"target.vague", "国际传播能力建设能力"},
      {"period.full-year-days", "安全行车天数"},
      {"period.full-year-days", "安全保障天数"},
      {"satisfaction.full", "机关服务满意度"},
  };
  EXPECT_EQ(found, expected);
  auto text = run_kpi("check examples/targets.kpi");
  EXPECT_NE(text.out.find("0 errors, 0 warnings, 7 info (packs: target-setting 1.0.0)"),
            std::string::npos)
      << text.out;
}

TEST(AuditCli, SarifOfTheSeedExampleIsValid) {
  auto r = run_kpi("check --format sarif examples/targets.kpi");
  EXPECT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["version"], "2.1.0");
  EXPECT_EQ(j["runs"][0]["results"].size(), 7u);
  EXPECT_EQ(j["runs"][0]["results"][0]["level"], "note");
}

TEST(AuditCli, PackTestsPassWithEveryRuleCovered) {
  auto r = run_kpi("test rules/ --coverage");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("coverage: every rule is exercised by a test"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" passed, 0 failed"), std::string::npos) << r.out;
}

TEST(AuditCli, ABadPackIsRejectedBeforeAnythingRuns) {
  auto r = run_kpi("check --rules tests/data/rules/unit_mismatch_pack.kpi examples/targets.kpi");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("tests/data/rules/unit_mismatch_pack.kpi:6:25: error: cannot compare or "
                       "combine 元 with 次"),
            std::string::npos)
      << r.err;
}

TEST(AuditCli, AFailingPackTestFailsTheRun) {
  auto r = run_kpi("test tests/data/rules/failing_test_pack.kpi");
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("FAIL failing › names a rule that does not fire"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("expected budget.positive, but it was not reported"), std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace kpi
