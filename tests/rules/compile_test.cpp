// A pack with a type error, an unknown field or a unit mismatch is rejected with a positioned
// message before any rule runs.
#include <gtest/gtest.h>

#include "tests/rules/pack_support.hpp"

namespace kpi {
namespace {

using test::check_pack;
using test::clean_project;

std::string rule_pack(const std::string& body) {
  return "pack \"p\" {\n  rule r.one {\n    severity error\n" + body +
         "    message \"m\"\n  }\n}\n";
}

TEST(RuleCompile, UnitMismatchIsAnErrorInThePackWithItsPosition) {
  auto r =
      check_pack(rule_pack("    each project\n    require funds.total > 5 次\n"), clean_project);
  EXPECT_FALSE(r.result.ok());
  EXPECT_TRUE(r.result.findings.empty()) << "nothing runs when the pack does not compile";
  EXPECT_NE(r.errors.find("pack.kpi:5:25: error: cannot compare or combine 元 with 次"),
            std::string::npos)
      << r.errors;
}

TEST(RuleCompile, UnitsOfTheSameDimensionCompare) {
  auto r = check_pack(rule_pack("    each project\n    require funds.total <= 20 万元\n"),
                      clean_project);
  EXPECT_TRUE(r.result.ok()) << r.errors;
  EXPECT_TRUE(r.result.findings.empty());
}

TEST(RuleCompile, UnknownFieldSuggestsTheClosest) {
  auto r =
      check_pack(rule_pack("    each indicator\n    require levl1 == 产出指标\n"), clean_project);
  EXPECT_FALSE(r.result.ok());
  EXPECT_NE(r.errors.find("pack.kpi:5:13: error: unknown name 'levl1' (did you mean 'level1'?)"),
            std::string::npos)
      << r.errors;
}

TEST(RuleCompile, UnknownNameInAMessageIsPositionedInsideTheString) {
  auto pack =
      "pack \"p\" {\n  rule r.one {\n    severity info\n    each indicator\n"
      "    require true\n    message \"指标 {nmae}\"\n  }\n}\n";
  auto r = check_pack(pack, clean_project);
  EXPECT_NE(r.errors.find("pack.kpi:6:18: error: unknown name 'nmae' (did you mean 'name'?)"),
            std::string::npos)
      << r.errors;
}

TEST(RuleCompile, TypeErrorsAreRejected) {
  auto cond = check_pack(rule_pack("    each project\n    require name\n"), clean_project);
  EXPECT_NE(cond.errors.find("pack.kpi:5:13: error: expected a condition, found text"),
            std::string::npos)
      << cond.errors;
  auto sum = check_pack(rule_pack("    each project\n    require sum(indicators, name) > 0\n"),
                        clean_project);
  EXPECT_NE(sum.errors.find("pack.kpi:5:29: error: sum() adds up numbers, found text"),
            std::string::npos)
      << sum.errors;
  auto where = check_pack(rule_pack("    each project\n    require count(name where true) > 0\n"),
                          clean_project);
  EXPECT_NE(where.errors.find("'where' filters a set of indicators"), std::string::npos)
      << where.errors;
}

TEST(RuleCompile, UnknownFunctionsAndWrongArity) {
  auto r = check_pack(
      rule_pack(
          "    each project\n    require cnt(indicators) > 1 and count(indicators, 1, 2) > 0\n"),
      clean_project);
  EXPECT_NE(r.errors.find("pack.kpi:5:13: error: unknown function 'cnt' (did you mean 'count'?)"),
            std::string::npos)
      << r.errors;
  EXPECT_NE(r.errors.find("pack.kpi:5:37: error: count() takes 1 or 2 arguments"),
            std::string::npos)
      << r.errors;
}

TEST(RuleCompile, SeverityAndScopeMustBeKnown) {
  auto pack =
      "pack \"p\" {\n  rule r.one {\n    severity hint\n    each thing\n"
      "    require true\n    message \"m\"\n  }\n}\n";
  auto r = check_pack(pack, clean_project);
  EXPECT_NE(
      r.errors.find("pack.kpi:3:14: error: unknown severity 'hint'; use error, warning or info"),
      std::string::npos)
      << r.errors;
  EXPECT_NE(r.errors.find("pack.kpi:4:10: error: unknown scope 'thing'"), std::string::npos)
      << r.errors;
}

TEST(RuleCompile, ARuleNeedsASeverity) {
  auto pack =
      "pack \"p\" {\n  rule r.one {\n    each project\n    require true\n    message \"m\"\n"
      "  }\n}\n";
  auto r = check_pack(pack, clean_project);
  EXPECT_NE(r.errors.find("pack.kpi:2:8: error: rule r.one needs a severity"), std::string::npos)
      << r.errors;
}

TEST(RuleCompile, ParametersMustBeConstant) {
  auto pack =
      "pack \"p\" {\n  param floor = funds.total\n  rule r.one {\n    severity error\n"
      "    each project\n    require true\n    message \"m\"\n  }\n}\n";
  auto r = check_pack(pack, clean_project);
  EXPECT_FALSE(r.result.ok());
  EXPECT_NE(r.errors.find("pack.kpi:2:17: error:"), std::string::npos) << r.errors;
}

TEST(RuleCompile, SyntaxErrorsArePositioned) {
  auto r = check_pack("pack \"p\" {\n  rule r.one {\n    require (1 +\n  }\n}\n", clean_project);
  EXPECT_FALSE(r.result.ok());
  EXPECT_NE(r.errors.find("pack.kpi:4:3: error: expected a value after the operator"),
            std::string::npos)
      << r.errors;
}

TEST(RuleCompile, AnOverrideWrittenAsARuleGetsAHint) {
  auto r = check_pack(
      "pack \"p\" {\n  extends \"target-setting\"\n  rule target.vague severity error\n}\n",
      clean_project);
  EXPECT_NE(r.errors.find("pack.kpi:3:21: error: expected '{' after the rule id (to change an "
                          "inherited rule, write 'severity RULE warning' or 'disable RULE')"),
            std::string::npos)
      << r.errors;
}

// Deeply nested expressions are rejected with a position, never a stack overflow: the parser
// limits nesting of parentheses and prefix operators, the builder the depth of any expression.
TEST(RuleCompile, DeepExpressionsAreRejectedWithAPosition) {
  auto repeat = [](const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  const int n = 200000;
  const std::vector<std::string> conditions = {
      repeat("(", n) + "true" + repeat(")", n),
      repeat("not ", n) + "true",
      "1" + repeat(" + 1", n) + " > 0",
      "funds" + repeat(".x", n) + " > 0",
  };
  for (const auto& c : conditions) {
    auto r = check_pack(rule_pack("    each project\n    require " + c + "\n"), clean_project);
    EXPECT_FALSE(r.result.ok());
    EXPECT_TRUE(r.result.findings.empty());
    EXPECT_EQ(r.errors.rfind("pack.kpi:5:", 0), 0u) << r.errors.substr(0, 300);
    EXPECT_NE(r.errors.find("nested too deeply"), std::string::npos) << r.errors.substr(0, 300);
  }
  // Within the limits the same shapes compile and run.
  for (const auto& c : {repeat("(", 60) + "true" + repeat(")", 60), repeat("not not ", 30) + "true",
                        "1" + repeat(" + 1", 200) + " > 0"}) {
    auto r = check_pack(rule_pack("    each project\n    require " + c + "\n"), clean_project);
    EXPECT_TRUE(r.result.ok()) << r.errors.substr(0, 300);
  }
}

}  // namespace
}  // namespace kpi
