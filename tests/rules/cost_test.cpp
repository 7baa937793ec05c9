// What a rule costs is bounded by its work, not by its length: steps are charged for every item
// of a list searched and for the bytes of text scanned, a whole run has a step budget, and a
// finding's message has a length cap. Asserted on steps and sizes, never on time.
#include <string>

#include <gtest/gtest.h>

#include "engine/load/parallel.hpp"
#include "tests/rules/pack_support.hpp"

namespace kpi {
namespace {

using test::check_pack;

// `n` projects of two indicators each, the first with a goal of `goal_bytes` bytes.
std::string projects(int n, std::size_t goal_bytes = 10) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += "project \"项目" + std::to_string(i) + "\" {\n";
    if (i == 0) out += "  goal \"" + std::string(goal_bytes, 'a') + "\"\n";
    out += "  产出指标 { 数量指标 { \"场次\" >= 2 次\n \"人数\" >= 3 人 } }\n}\n";
  }
  return out;
}

std::string list_of(int n) {
  std::string s = "[";
  for (int i = 0; i < n; ++i) s += (i ? ", \"x" : "\"x") + std::to_string(i) + "\"";
  return s + "]";
}

bool stopped_by_step_budget(const test::pack_run& r) {
  for (const auto& f : r.result.findings)
    if (f.message.find("its step budget") != std::string::npos) return true;
  return false;
}

TEST(RuleCost, SearchingAListCostsAStepPerItem) {
  // Both shapes of `in`: a field of the indicator against a list (compared in place) and any
  // value against a list.
  for (std::string cond : {"name in " + list_of(2000), "coalesce(name, \"\") in " + list_of(2000),
                           list_of(2000) + " contains name"}) {
    std::string pack =
        "pack \"p\" {\n  rule r.in {\n    severity info\n    each indicator\n"
        "    require not (" +
        cond + ")\n    message \"{name}\"\n  }\n}\n";
    rules::limits lim;
    lim.max_steps = 1000;  // less than the list's length
    auto r = check_pack(pack, projects(1), lim);
    ASSERT_TRUE(r.result.ok()) << r.errors;
    EXPECT_TRUE(stopped_by_step_budget(r)) << cond;
    lim.max_steps = 10'000;
    auto ok = check_pack(pack, projects(1), lim);
    EXPECT_FALSE(stopped_by_step_budget(ok)) << cond;
  }
}

TEST(RuleCost, ScanningTextCostsStepsByItsLength) {
  // 160,000 bytes of goal: 10,000 steps at 16 bytes a step, whatever the function.
  for (std::string cond : {std::string("goal matches \"b\""), std::string("goal contains \"b\""),
                           std::string("len(goal) < 5"), std::string("goal starts_with goal"),
                           std::string("goal == goal"), std::string("goal < goal")}) {
    std::string pack =
        "pack \"p\" {\n  rule r.text {\n    severity info\n    each project\n"
        "    require not (" +
        cond + ")\n    message \"x\"\n  }\n}\n";
    rules::limits lim;
    lim.max_steps = 5000;
    auto r = check_pack(pack, projects(1, 160'000), lim);
    ASSERT_TRUE(r.result.ok()) << r.errors;
    EXPECT_TRUE(stopped_by_step_budget(r)) << cond << test::finding_keys(r.result.findings).size();
    lim.max_steps = 30'000;
    EXPECT_FALSE(stopped_by_step_budget(check_pack(pack, projects(1, 160'000), lim))) << cond;
  }
}

const char* every_indicator_pack = R"(pack "p" {
  rule r.each {
    severity info
    each indicator
    require name in ["甲", "乙", "丙", "丁"]
    message "{name}"
  }
}
)";

TEST(RuleCost, AWholeRunHasAStepBudgetAndStopsAtTheSameRuleForAnyJobs) {
  // 400 projects, 800 indicators: each application takes a few steps.
  const std::string targets = projects(400);
  auto full = check_pack(every_indicator_pack, targets);
  ASSERT_EQ(full.result.findings.size(), 800u);
  rules::limits lim;
  lim.max_run_steps = 1000;
  std::vector<std::string> seen;
  for (unsigned jobs : {1u, 2u}) {
    set_jobs(jobs);
    auto r = check_pack(every_indicator_pack, targets, lim);
    set_jobs(1);
    ASSERT_TRUE(r.result.ok()) << r.errors;
    ASSERT_FALSE(r.result.findings.empty());
    EXPECT_LT(r.result.findings.size(), 200u);
    const auto& last = r.result.findings.back();
    EXPECT_EQ(last.rule, "r.each");
    EXPECT_EQ(last.level, severity::error);
    EXPECT_EQ(last.message.find("the run stopped at rule r.each (pack.kpi:2:3): the rules took "
                                "more than 1000 steps in all (the run's step budget; raise it "
                                "with --max-run-steps)"),
              0u)
        << last.message;
    std::string keys;
    for (const auto& k : test::finding_keys(r.result.findings)) keys += k + "\n";
    seen.push_back(keys);
  }
  EXPECT_EQ(seen[0], seen[1]);
}

TEST(RuleCost, AFindingsMessageIsCutAtItsCap) {
  const char* pack = R"(pack "p" {
  rule r.big {
    severity info
    each indicator
    require false
    message "{goal}{goal}{goal}{goal}{goal}{goal}{goal}{goal}{goal}{goal}"
  }
}
)";
  auto r = check_pack(pack, projects(1, 100'000));
  ASSERT_TRUE(r.result.ok()) << r.errors;
  ASSERT_EQ(r.result.findings.size(), 2u);
  for (const auto& f : r.result.findings) {
    EXPECT_LE(f.message.size(), 4096u + 3) << f.message.size();
    EXPECT_TRUE(f.message.ends_with("…"));
  }
  rules::limits lim;
  lim.max_message_bytes = 100;
  auto small = check_pack(pack, projects(1, 100'000), lim);
  EXPECT_EQ(small.result.findings[0].message, std::string(100, 'a') + "…");
}

}  // namespace
}  // namespace kpi
