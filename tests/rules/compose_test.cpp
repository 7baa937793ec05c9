// Packs compose: a local pack extends another by name or by a path in its own directory tree,
// sets parameters, changes a rule's severity or switches it off.
#include <gtest/gtest.h>

#include "tests/rules/pack_support.hpp"

namespace kpi {
namespace {

using test::check_packs;
using test::finding_keys;

const char* base_pack = R"(pack "base" {
  version "1"
  param floor = 3 次
  rule output.floor {
    severity warning
    each indicator where base_unit == 次
    require target >= floor
    message "{name} 低于 {floor}"
  }
  rule output.none {
    severity error
    each project
    require count(indicators) > 0
    message "无指标"
  }
}
)";

const char* targets = R"(project "甲" {
  产出指标 { 数量指标 { "场次"  >= 2 次
                         "人次"  >= 5 次 } }
}
)";

const rules::finding* find(const std::vector<rules::finding>& fs, const std::string& rule) {
  for (const auto& f : fs)
    if (f.rule == rule) return &f;
  return nullptr;
}

TEST(RuleCompose, ExtendByNameSetsParamsSeverityAndDisables) {
  auto local = R"(pack "local" {
  extends "base"
  version "2"
  param floor = 6 次
  severity output.floor error
  disable output.none
}
)";
  auto r = check_packs({{"packs/base.kpi", base_pack}, {"packs/local.kpi", local}}, targets,
                       {"packs/base.kpi", "packs/local.kpi"});
  ASSERT_TRUE(r.result.ok()) << r.errors;
  // base alone: 场次 below 3; local: both below 6, as errors.
  EXPECT_EQ(finding_keys(r.result.findings),
            (std::vector<std::string>{"output.floor@甲/场次", "output.floor@甲/场次",
                                      "output.floor@甲/人次"}));
  EXPECT_EQ(r.result.findings[0].level, severity::warning);
  EXPECT_EQ(r.result.findings[1].level, severity::error);
  EXPECT_EQ(r.result.findings[1].message, "场次 低于 6 次");
  // A finding names the pack whose text holds the rule, so it can be traced to that text.
  EXPECT_EQ(r.result.findings[1].pack, "base");
  ASSERT_EQ(r.result.programs.size(), 2u);
  EXPECT_EQ(r.result.programs[1].name, "local");
  EXPECT_EQ(r.result.programs[1].rules.size(), 1u);
}

TEST(RuleCompose, ExtendTheBuiltInAuditPack) {
  auto local = R"(pack "local" {
  extends "target-setting"
  severity target.vague error
  disable period.full-year-days
}
)";
  std::string vague = R"(project "甲" {
  period 2024-01-01 .. 2024-12-31
  产出指标 { 时效指标 { "运行天数"  = 365 天 } }
  效益指标 { 社会效益指标 { "影响力"  进一步提升 } }
}
)";
  auto r = check_packs({{"local.kpi", local}}, vague);
  ASSERT_TRUE(r.result.ok()) << r.errors;
  const auto* f = find(r.result.findings, "target.vague");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->level, severity::error);
  EXPECT_EQ(find(r.result.findings, "period.full-year-days"), nullptr);
}

TEST(RuleCompose, ExtendByPathInsideThePacksDirectory) {
  auto local = "pack \"local\" {\n  extends \"lib/base.kpi\"\n  param floor = 1 次\n}\n";
  auto r = check_packs({{"packs/lib/base.kpi", base_pack}, {"packs/local.kpi", local}}, targets,
                       {"packs/local.kpi", "packs/lib/base.kpi"});
  ASSERT_TRUE(r.result.ok()) << r.errors;
  EXPECT_EQ(r.result.programs[0].name, "local");
}

TEST(RuleCompose, PathsOutsideThePacksDirectoryAreRefused) {
  for (std::string target : {"../base.kpi", "lib/../../base.kpi", "/etc/base.kpi"}) {
    auto local = "pack \"local\" {\n  extends \"" + target + "\"\n}\n";
    auto r = check_packs({{"base.kpi", base_pack}, {"packs/local.kpi", local}}, targets,
                         {"packs/local.kpi", "base.kpi"});
    EXPECT_FALSE(r.result.ok()) << target;
    EXPECT_NE(r.errors.find("packs/local.kpi:2:11: error: '" + target +
                            "' is outside the pack's directory"),
              std::string::npos)
        << r.errors;
  }
}

TEST(RuleCompose, UnknownBasesRulesAndSeveritiesAreErrors) {
  auto local = R"(pack "local" {
  extends "bse"
  disable output.flor
}
)";
  auto r = check_packs({{"base.kpi", base_pack}, {"local.kpi", local}}, targets,
                       {"base.kpi", "local.kpi"});
  EXPECT_NE(r.errors.find("local.kpi:2:11: error: no pack named 'bse' to extend (did you mean "
                          "'base'?)"),
            std::string::npos)
      << r.errors;
  auto local2 = R"(pack "local" {
  extends "base"
  disable output.flor
  severity output.none fatal
}
)";
  auto r2 = check_packs({{"base.kpi", base_pack}, {"local.kpi", local2}}, targets,
                        {"base.kpi", "local.kpi"});
  EXPECT_NE(r2.errors.find("local.kpi:3:11: error: no rule 'output.flor' to disable (did you "
                           "mean 'output.floor'?)"),
            std::string::npos)
      << r2.errors;
  EXPECT_NE(r2.errors.find("local.kpi:4:24: error: unknown severity 'fatal'"), std::string::npos)
      << r2.errors;
}

TEST(RuleCompose, AMisspelledParameterIsFlagged) {
  auto local = "pack \"local\" {\n  extends \"base\"\n  param flor = 6 次\n}\n";
  auto r = check_packs({{"base.kpi", base_pack}, {"local.kpi", local}}, targets,
                       {"base.kpi", "local.kpi"});
  EXPECT_NE(r.errors.find("local.kpi:3:9: warning: param 'flor' is new here (no extended pack "
                          "declares it); did you mean 'floor'?"),
            std::string::npos)
      << r.errors;
}

TEST(RuleCompose, ACycleOfExtendsIsAnError) {
  auto a = "pack \"a\" {\n  extends \"b\"\n}\n";
  auto b = "pack \"b\" {\n  extends \"a\"\n}\n";
  auto r = check_packs({{"a.kpi", a}, {"b.kpi", b}}, targets, {"a.kpi", "b.kpi"});
  EXPECT_FALSE(r.result.ok());
  EXPECT_NE(r.errors.find("extends itself through"), std::string::npos) << r.errors;
}

TEST(RuleCompose, AScoringPackIsNotRunByCheckAndSaysSo) {
  auto scoring = "pack \"s\" {\n  kind scoring\n}\n";
  auto r = check_packs({{"s.kpi", scoring}}, targets);
  EXPECT_FALSE(r.result.ok());
  EXPECT_NE(r.errors.find("s.kpi:1:6: warning: pack 's' is a scoring pack; kpi check runs audit "
                          "packs only"),
            std::string::npos)
      << r.errors;
  EXPECT_NE(r.errors.find("error: no audit pack among --rules: nothing to check"),
            std::string::npos)
      << r.errors;
}

}  // namespace
}  // namespace kpi
