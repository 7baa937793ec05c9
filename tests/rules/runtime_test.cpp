// Running compiled rules: what a finding carries, explanations, the step budget, errors at run
// time, and the three report formats.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/rules/packs.hpp"
#include "tests/rules/pack_support.hpp"

namespace kpi {
namespace {

using test::check_pack;
using test::finding_keys;

const std::string run_pack = R"(pack "run" {
  version "0.3"
  param floor = 3 次
  rule budget.cost {
    severity error
    each project where funds.total != none
    let cost = sum(indicators where level1 == 成本指标, target in 元)
    require cost == funds.total
    message "合计 {cost} 与 {funds.total} 不符"
    cite "测试依据"
  }
  rule output.floor {
    severity warning
    each indicator where level1 == 产出指标
    require target >= floor
    message "{name}: {target}"
  }
}
)";

// The budget is 100,000.00 元 but the costs add up to 90,000.00 元; 金额 is money, not 次.
const std::string targets = R"(project "甲" {
  funds total 100,000.00 元
  成本指标 { 经济成本指标 { "费用"  <= 9 万元 } }
  产出指标 { 数量指标 { "场次"  >= 2 次
                         "金额"  >= 5 万元 } }
}
)";

// The hash is of the pack's own text, from `pack` to its closing brace.
std::string run_pack_hash() {
  return "sha256:" + rules::sha256_hex(run_pack.substr(0, run_pack.size() - 1));
}

TEST(RuleRuntime, AFindingCarriesRulePackHashPositionMessageAndCitation) {
  auto r = check_pack(run_pack, targets);
  ASSERT_TRUE(r.result.ok()) << r.errors;
  ASSERT_EQ(
      finding_keys(r.result.findings),
      (std::vector<std::string>{"budget.cost@甲", "output.floor@甲/场次", "output.floor@甲/金额"}));
  const auto& f = r.result.findings[0];
  EXPECT_EQ(f.level, severity::error);
  EXPECT_EQ(f.pack, "run");
  EXPECT_EQ(f.version, "0.3");
  EXPECT_EQ("sha256:" + std::string(f.hash), run_pack_hash());
  EXPECT_EQ(f.message, "合计 90,000.00 元 与 100,000.00 元 不符");
  EXPECT_EQ(f.cite, "测试依据");
  ASSERT_TRUE(f.loc.has_value());
  EXPECT_EQ(f.loc->offset, 0u);  // the project's `project` keyword (lines in RuleReports)
  const auto& g = r.result.findings[1];
  EXPECT_EQ(g.level, severity::warning);
  EXPECT_EQ(g.message, "场次: >= 2 次");
  ASSERT_TRUE(g.loc.has_value());
}

TEST(RuleRuntime, ExplainShowsTheFailedConditionAndTheValuesItSaw) {
  auto r = check_pack(run_pack, targets, {}, true);
  ASSERT_TRUE(r.result.ok()) << r.errors;
  ASSERT_FALSE(r.result.findings.empty());
  const auto& why = r.result.findings[0].explain;
  ASSERT_FALSE(why.empty());
  EXPECT_EQ(why[0],
            "cost == funds.total is false (cost = 90,000.00 元; funds.total = 100,000.00 元)");
}

TEST(RuleRuntime, AValueOfAnotherDimensionAtRunTimeIsAFindingNotACrash) {
  // 金额 is 万元: compared with 3 次 only when the rule runs.
  auto r = check_pack(run_pack, targets);
  ASSERT_EQ(r.result.findings.size(), 3u);
  const auto& f = r.result.findings[2];
  EXPECT_EQ(f.level, severity::error);
  EXPECT_EQ(f.indicator, "金额");
  EXPECT_NE(f.message.find("rule output.floor could not be evaluated: cannot combine 元 with 次"),
            std::string::npos)
      << f.message;
}

TEST(RuleRuntime, TheStepBudgetStopsARuleWithAFindingNamingIt) {
  rules::limits lim;
  lim.max_steps = 3;
  auto r = check_pack(run_pack, targets, lim);
  ASSERT_TRUE(r.result.ok()) << r.errors;
  ASSERT_FALSE(r.result.findings.empty());
  const auto& f = r.result.findings[0];
  EXPECT_EQ(f.rule, "budget.cost");
  EXPECT_EQ(f.level, severity::error);
  EXPECT_NE(f.message.find("rule budget.cost stopped after 3 steps (its step budget; raise it "
                           "with --max-steps)"),
            std::string::npos)
      << f.message;
  // With the default budget the same pack runs to its end.
  auto full = check_pack(run_pack, targets);
  for (const auto& g : full.result.findings)
    EXPECT_EQ(g.message.find("step budget"), std::string::npos) << g.message;
}

TEST(RuleRuntime, AMissingValueIsNoneAndScopesFilter) {
  // Without funds the project-level rule does not apply.
  std::string targets = R"(project "乙" {
  产出指标 { 数量指标 { "场次"  >= 5 次 } }
}
)";
  auto r = check_pack(run_pack, targets);
  ASSERT_TRUE(r.result.ok()) << r.errors;
  EXPECT_TRUE(r.result.findings.empty()) << finding_keys(r.result.findings).size();
}

TEST(RuleRuntime, AggregatesAndStringTests) {
  auto pack = R"(pack "agg" {
  rule agg.all {
    severity info
    each project
    let n = count(indicators where name contains "率" or name starts_with "场")
    let top = max(indicators where base_unit == "%", target)
    let mean = avg(indicators where kind == quantitative and base_unit == "%", target)
    require n == 0 and top < 50 %
    message "{n} {top} {mean}"
  }
}
)";
  auto r = check_pack(pack, test::clean_project);
  ASSERT_TRUE(r.result.ok()) << r.errors;
  ASSERT_EQ(r.result.findings.size(), 1u);
  EXPECT_EQ(r.result.findings[0].message, "2 90% 90%");
}

TEST(RuleRuntime, PatternsMatchCharactersAndCannotBacktrackForever) {
  // RE2: `.` is a character (not a byte), and a pattern that makes backtracking engines run for
  // ages on 40 a's is linear here, so the step budget bounds the whole rule.
  auto pack = R"(pack "re" {
  rule re.three {
    severity info
    each indicator
    require not (name matches "^.{2}$")
    message "{name}"
  }
  rule re.slow {
    severity info
    each indicator
    require name matches "(a|aa)*(a|aa)*(a|aa)*c"
    message "{name}"
  }
}
)";
  std::string targets = "project \"甲\" {\n  产出指标 { 数量指标 { \"场次\"  >= 2 次\n  \"" +
                        std::string(40, 'a') + "\"  >= 1 次 } }\n}\n";
  auto r = check_pack(pack, targets);
  ASSERT_TRUE(r.result.ok()) << r.errors;
  EXPECT_EQ(finding_keys(r.result.findings),
            (std::vector<std::string>{"re.three@甲/场次", "re.slow@甲/场次",
                                      "re.slow@甲/" + std::string(40, 'a')}));
  auto bad = check_pack(
      "pack \"p\" {\n  rule r.one {\n    severity info\n    each indicator\n"
      "    require name matches \"(a\"\n    message \"m\"\n  }\n}\n",
      targets);
  EXPECT_NE(bad.errors.find("pack.kpi:5:26: error: invalid pattern: missing ): (a"),
            std::string::npos)
      << bad.errors;
}

TEST(RuleReports, JsonFollowsTheOutputContract) {
  auto r = check_pack(run_pack, targets, {}, true);
  auto j = nlohmann::json::parse(rules::findings_json(r.result.findings, r.result.programs,
                                                      r.result.loaded.model.sources, true));
  EXPECT_EQ(j["version"], 1);
  ASSERT_EQ(j["findings"].size(), 3u);
  const auto& f = j["findings"][1];
  EXPECT_EQ(f["rule"], "output.floor");
  EXPECT_EQ(f["severity"], "warning");
  EXPECT_EQ(f["project"], "甲");
  EXPECT_EQ(f["indicator"], "场次");
  EXPECT_EQ(f["file"], "t.kpi");
  EXPECT_EQ(f["line"], 4);
  EXPECT_EQ(f["column"], 17);
  EXPECT_EQ(f["pack"], "run");
  EXPECT_EQ(f["pack_version"], "0.3");
  EXPECT_EQ(f["pack_hash"], run_pack_hash());
  EXPECT_TRUE(f["explain"].is_array());
}

TEST(RuleReports, SarifIsVersion210WithRulesResultsAndLocations) {
  auto r = check_pack(run_pack, targets);
  auto j = nlohmann::json::parse(
      rules::findings_sarif(r.result.findings, r.result.programs, r.result.loaded.model.sources));
  EXPECT_EQ(j["version"], "2.1.0");
  EXPECT_NE(j["$schema"].get<std::string>().find("sarif-2.1.0"), std::string::npos);
  ASSERT_EQ(j["runs"].size(), 1u);
  const auto& run = j["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "kpi");
  const auto& rules_ = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules_.size(), 2u);
  EXPECT_EQ(rules_[0]["id"], "budget.cost");
  EXPECT_EQ(rules_[0]["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(rules_[0]["properties"]["packHash"], run_pack_hash());
  const auto& results = run["results"];
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[1]["ruleId"], "output.floor");
  EXPECT_EQ(results[1]["level"], "warning");
  EXPECT_EQ(results[1]["message"]["text"], "场次: >= 2 次");
  const auto& loc = results[1]["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "t.kpi");
  EXPECT_EQ(loc["region"]["startLine"], 4);
  EXPECT_EQ(loc["region"]["startColumn"], 17);
}

TEST(RuleReports, TextHasPositionsCaretsAndASummary) {
  auto r = check_pack(run_pack, targets, {}, true);
  auto text = rules::findings_text(r.result.findings, r.result.programs,
                                   r.result.loaded.model.sources, lang::en, true);
  EXPECT_NE(text.find("t.kpi:4:17: warning: [output.floor] 场次: >= 2 次 (甲 / 场次)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("    why: cost == funds.total is false"), std::string::npos) << text;
  EXPECT_NE(text.find("    cite: 测试依据\n"), std::string::npos) << text;
  EXPECT_NE(text.find("2 errors, 1 warning, 0 info (packs: run 0.3)"), std::string::npos) << text;
}

}  // namespace
}  // namespace kpi
