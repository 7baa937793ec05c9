// SCORING.md by hand: every branch of the formulas, the weights, the pack's parameters.
#include <gtest/gtest.h>

#include "engine/eval/plan.hpp"
#include "engine/eval/report.hpp"
#include "engine/eval/score.hpp"
#include "engine/eval/session.hpp"
#include "tests/support/helpers.hpp"

namespace kpi::eval {
namespace {

const std::string pack_text = test::read_file(test::repo_path("rules/scoring/default.kpi"));

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

struct evaluated {
  session s;
  eval_result r;
  std::string errors;
};

// Targets, actuals (.kpi or, named *.csv, CSV) and a pack, all in memory.
std::unique_ptr<evaluated> run_texts(const std::string& targets, const std::string& actuals,
                                     const std::string& actuals_name = "a.kpi",
                                     const std::string& pack = pack_text) {
  memory_reader reader;
  reader.files = {{"t.kpi", targets}, {actuals_name, actuals}, {"pack.kpi", pack}};
  auto e = std::make_unique<evaluated>();
  e->s = prepare({{"t.kpi", actuals_name}, "pack.kpi", {}}, reader);
  e->errors = render_all(e->s.diags, lang::en);
  if (e->s.ok()) e->r = run(e->s);
  return e;
}

scoring_params default_params(const std::string& pack = pack_text) {
  auto r = test::load_texts({{"pack.kpi", pack}});
  diagnostics d;
  auto p = read_scoring_pack(r.files, r.env.units, d);
  EXPECT_TRUE(p.has_value()) << render_all(d, lang::en);
  return p.value_or(scoring_params{});
}

// Scores one indicator `target` against `actual` with weight w.
scored one(const std::string& target, const std::string& actual, const std::string& w = "10",
           const scoring_params& p = default_params()) {
  auto r = test::load_text("project \"p\" { 产出指标 { 数量指标 { \"x\" " + target +
                           " } } }\nactuals \"p\" { \"x\" = " + actual + " }\n");
  EXPECT_TRUE(r.ok()) << test::rendered(r);
  if (!r.ok()) return {};
  return score_indicator(p, r.model.projects[0].indicators[0], *decimal::parse(w),
                         r.model.actuals[0].values[0]);
}

std::string score_of(const std::string& target, const std::string& actual,
                     const std::string& w = "10") {
  scored s = one(target, actual, w);
  return s.error ? "error: " + s.error->en : s.score.to_string();
}

TEST(EvalScore, PositiveIndicators) {
  EXPECT_EQ(score_of(">= 80 %", "84.5 %"), "10.00");
  EXPECT_EQ(score_of(">= 8 次", "6 次"), "7.50");
  EXPECT_EQ(score_of("> 130 人", "126 人"), "9.69");   // 10 × 126 ÷ 130 = 9.6923…
  EXPECT_EQ(score_of("> 130 人", "130 人"), "10.00");  // full marks, but not met
  EXPECT_FALSE(one("> 130 人", "130 人").met);
  EXPECT_EQ(score_of("= 100 %", "100 %"), "10.00");
  EXPECT_EQ(score_of("= 100 %", "95 %"), "9.50");
  EXPECT_EQ(score_of(">= 80 %", "76 %", "2.78"), "2.64");  // 2.78 × 76 ÷ 80 = 2.641
  EXPECT_EQ(score_of(">= 2 次", "1 次", "3.33"), "1.67");  // 1.665, half-up once
  EXPECT_EQ(score_of(">= 0 次", "3 次"), "10.00");         // target 0
  auto s = one(">= 80 %", "76 %", "2.78");
  EXPECT_EQ(s.explain, "w × min(actual, target) ÷ target: 2.78 × 76 ÷ 80 = 2.641 → 2.64");
  EXPECT_FALSE(s.met);
  EXPECT_EQ(s.completion->normalized().to_string(), "0.95");
}

TEST(EvalScore, ReverseIndicatorsRatioAndLinear) {
  EXPECT_EQ(score_of("<= 57.00 万元", "568,000 元"), "10.00");  // 元 against 万元
  EXPECT_EQ(score_of("<= 57.00 万元", "60 万元"), "9.50");      // 10 × 570000 ÷ 600000
  EXPECT_EQ(score_of("< 0 元", "1 元"), "0.00");
  scoring_params linear =
      default_params(replaced(pack_text, "param reverse = ratio", "param reverse = linear"));
  EXPECT_EQ(one("<= 57.00 万元", "60 万元", "10", linear).score.to_string(),
            "9.47");  // 10 × 54 ÷ 57
  EXPECT_EQ(one("<= 10 万元", "25 万元", "10", linear).score.to_string(), "0.00");
}

TEST(EvalScore, RangeIndicators) {
  EXPECT_EQ(score_of("between 80 .. 90 %", "85 %"), "10.00");
  EXPECT_EQ(score_of("between 80 .. 90 %", "72 %"), "9.00");
  EXPECT_EQ(score_of("between 80 .. 90 %", "95 %"), "9.47");
}

TEST(EvalScore, UnitsConvertAndDimensionsMustAgree) {
  EXPECT_EQ(score_of(">= 1000 万人次", "9,500,000 人次"), "9.50");
  EXPECT_EQ(score_of(">= 1000 人次", "0.1 万人次"), "10.00");
  EXPECT_EQ(score_of("<= 57.00 万元", "6 次"),
            "error: the actual 6 次 cannot be compared with the target 57.00 万元 (次 vs 元)");
}

TEST(EvalScore, QualitativeGrades) {
  EXPECT_EQ(score_of("进一步提升", "达成"), "10.00");
  EXPECT_EQ(score_of("进一步提升", "达成年度指标"), "10.00");
  EXPECT_EQ(score_of("进一步提升", "达成 85 %"), "8.50");
  EXPECT_EQ(score_of("进一步提升", "部分达成"), "7.00");
  EXPECT_EQ(score_of("进一步提升", "部分达成 75 %"), "7.50");
  EXPECT_EQ(score_of("进一步提升", "未达成"), "3.00");
  EXPECT_EQ(score_of("进一步提升", "未达成 50 %"), "5.00");
  EXPECT_EQ(score_of("及时", "及时"), "10.00");  // the target's own text
  EXPECT_EQ(score_of("\"每年一次\"", "\"每年一次\""), "10.00");
  EXPECT_TRUE(one("及时", "及时").met);
  EXPECT_FALSE(one("进一步提升", "部分达成").met);
  EXPECT_EQ(score_of("进一步提升", "部分达成 85 %"),
            "error: 部分达成 85 % lies outside the band of 部分达成: 60 % .. 80 % (exclusive)");
  EXPECT_EQ(score_of("进一步提升", "部分达成 80 %"),
            "error: 部分达成 80 % lies outside the band of 部分达成: 60 % .. 80 % (exclusive)");
  EXPECT_EQ(score_of("进一步提升", "达成 100 %"), "10.00");
  EXPECT_EQ(score_of("进一步提升", "\"差不多\"").substr(0, 33), "error: '差不多' is not a grade");
}

TEST(EvalScore, EvenSplitByLargestRemainder) {
  auto parts = even_split(decimal::from_int(50), 18);
  int high = 0;
  decimal sum;
  for (const auto& p : parts) {
    high += p.to_string() == "2.78";
    sum = *sum.add(p);
  }
  EXPECT_EQ(high, 14);
  EXPECT_EQ(parts[13].to_string(), "2.78");
  EXPECT_EQ(parts[14].to_string(), "2.77");
  EXPECT_EQ(sum, decimal::from_int(50));
  auto prop =
      proportional_split(decimal::from_int(90), {decimal::from_int(50), decimal::from_int(30)});
  EXPECT_EQ(prop[0].to_string(), "56.25");
  EXPECT_EQ(prop[1].to_string(), "33.75");
}

const std::string three_groups = R"(project "p" {
  funds total 100 元
  成本指标 { 经济成本指标 { "c" <= 10 元 } }
  产出指标 { 数量指标 { "a" >= 1 次  "b" >= 1 次 } }
  效益指标 { 社会效益指标 { "e" >= 1 次 } }
}
)";
const std::string three_actuals =
    R"(actuals "p" { executed 100 元  "c" = 10 元  "a" = 1 次  "b" = 1 次  "e" = 1 次 })";

std::vector<std::string> weights(const project_result& p) {
  std::vector<std::string> out;
  for (const auto& i : p.indicators) out.push_back(i.weight.to_string());
  return out;
}

TEST(EvalScore, MissingGroupIsRenormalised) {
  auto e = run_texts(three_groups, three_actuals);
  ASSERT_TRUE(e->s.ok()) << e->errors;
  const auto& p = e->r.projects[0];
  EXPECT_EQ(weights(p), (std::vector<std::string>{"18.75", "18.75", "18.75",
                                                  "33.75"}));  // 产出 56.25, 效益 33.75
  EXPECT_EQ(p.score.to_string(), "100.00");
  ASSERT_EQ(p.notes.size(), 1u);
  EXPECT_EQ(p.notes[0].en,
            "no indicator in 满意度指标: its 10 points are spread over the other groups (产出指标 "
            "56.25, 效益指标 33.75)");
  auto none = run_texts(three_groups, three_actuals, "a.kpi",
                        replaced(pack_text, "missing_group = renormalise", "missing_group = none"));
  ASSERT_TRUE(none->s.ok()) << none->errors;
  EXPECT_EQ(weights(none->r.projects[0]),
            (std::vector<std::string>{"16.67", "16.67", "16.66", "30.00"}));
  EXPECT_EQ(none->r.projects[0].score.to_string(), "90.00");
  EXPECT_EQ(none->r.projects[0].grade, "优");
}

TEST(EvalScore, CostAsItsOwnGroup) {
  std::string own = replaced(replaced(pack_text, "cost_group = 产出指标", "cost_group = own"),
                             "产出指标:    50", "产出指标:    40\n    成本指标:    10");
  auto e = run_texts(three_groups, three_actuals, "a.kpi", own);
  ASSERT_TRUE(e->s.ok()) << e->errors;
  EXPECT_EQ(weights(e->r.projects[0]),
            (std::vector<std::string>{"11.25", "22.50", "22.50", "33.75"}));
}

TEST(EvalScore, ExplicitMixedAndTooManyWeights) {
  std::string t = R"(project "p" {
  funds total 100 元
  产出指标 { 数量指标 { "a" >= 1 次 weight 20  "b" >= 1 次  "c" >= 1 次 } }
  效益指标 { 社会效益指标 { "e" >= 1 次 weight 30 } }
  满意度指标 { 满意度 { "s" >= 90 % } }
}
)";
  std::string a =
      R"(actuals "p" { executed 80 元  "a" = 1 次  "b" = 1 次  "c" = 0 次  "e" = 1 次  "s" = 95 % })";
  auto e = run_texts(t, a);
  ASSERT_TRUE(e->s.ok()) << e->errors;
  const auto& p = e->r.projects[0];
  EXPECT_EQ(weights(p), (std::vector<std::string>{"20.00", "15.00", "15.00", "30.00", "10.00"}));
  EXPECT_EQ(p.budget.score.to_string(), "8.00");
  EXPECT_EQ(p.score.to_string(), "83.00");
  EXPECT_EQ(p.grade, "良");
  EXPECT_EQ(p.indicators[2].dev, deviation::not_met);

  auto over = run_texts(replaced(t, "weight 20", "weight 60"), a);
  EXPECT_TRUE(over->r.findings.has_errors());
  EXPECT_NE(render_all(over->r.findings, lang::en)
                .find("t.kpi:3:17: error: the explicit weights in 产出指标 add up to 60, more than "
                      "its 50 points"),
            std::string::npos)
      << render_all(over->r.findings, lang::en);

  std::string all = replaced(replaced(t, "\"b\" >= 1 次 ", "\"b\" >= 1 次 weight 20 "),
                             "\"c\" >= 1 次 ", "\"c\" >= 1 次 weight 20 ");
  auto sum = run_texts(replaced(all, "\"s\" >= 90 %", "\"s\" >= 90 % weight 10"), a);
  EXPECT_NE(render_all(sum->r.findings, lang::en)
                .find("the 分值 of project 'p' add up to 110, not 100: 预算执行率 10, 产出指标 60, "
                      "效益指标 30, 满意度指标 10"),
            std::string::npos)
      << render_all(sum->r.findings, lang::en);
}

TEST(EvalScore, BudgetExecution) {
  auto e = run_texts(test::read_file(test::repo_path("tests/data/eval/putuo_targets.kpi")),
                     test::read_file(test::repo_path("tests/data/eval/putuo_actuals.kpi")));
  ASSERT_TRUE(e->s.ok()) << e->errors;
  const auto& p = e->r.projects[0];
  EXPECT_EQ(p.budget.score.to_string(), "8.62");
  EXPECT_EQ(p.budget.rate->normalized().to_string(), "0.8618304");
  EXPECT_TRUE(p.budget.below_floor);
  EXPECT_EQ(p.budget.reason, "部分采购结余");
  EXPECT_EQ(p.score.to_string(), "98.62");
  EXPECT_EQ(p.grade, "优");
  EXPECT_TRUE(p.complete);
  EXPECT_TRUE(e->r.findings.empty()) << render_all(e->r.findings, lang::en);

  // Missing 执行数: missing data, never 0 taken as an actual; over-execution is capped.
  auto missing =
      run_texts(three_groups, R"(actuals "p" { "c" = 10 元  "a" = 1 次  "b" = 1 次  "e" = 1 次 })");
  EXPECT_EQ(missing->r.projects[0].missing, std::vector<std::string>{"预算执行数"});
  EXPECT_FALSE(missing->r.projects[0].complete);
  auto over =
      run_texts(three_groups, replaced(three_actuals, "executed 100 元", "executed 120 元"));
  EXPECT_EQ(over->r.projects[0].budget.score.to_string(), "10.00");
  auto zero =
      run_texts(replaced(three_groups, "funds total 100 元", "funds total 0 元"), three_actuals);
  EXPECT_NE(
      render_all(zero->r.findings, lang::en).find("t.kpi:1:1: error: project 'p' has no budget"),
      std::string::npos)
      << render_all(zero->r.findings, lang::en);
}

TEST(EvalScore, DeviationsNeedAReasonButNeverChangeTheScore) {
  auto e = run_texts(
      three_groups,
      R"(actuals "p" { executed 50 元  "c" = 12 元  "a" = 2 次  "b" = 1 次  "e" = 1 次 because "超额" })");
  const auto& p = e->r.projects[0];
  EXPECT_EQ(p.indicators[0].dev, deviation::not_met);        // cost over its ceiling
  EXPECT_EQ(p.indicators[1].dev, deviation::over_achieved);  // 200 %
  EXPECT_EQ(p.indicators[1].score, p.indicators[1].weight);
  std::string f = render_all(e->r.findings, lang::en);
  EXPECT_NE(f.find("a.kpi:1:30: warning: 'c': target not met (12 元 against <= 10 元)"),
            std::string::npos)
      << f;
  EXPECT_NE(f.find("a.kpi:1:42: warning: 'a': far above the target"), std::string::npos) << f;
  EXPECT_NE(f.find("budget execution rate 50.00% is below 90 %"), std::string::npos) << f;
  EXPECT_FALSE(e->r.findings.has_errors());
}

// An `=` target missed above (366 天 against = 365 天 in a leap year) keeps full marks, as a
// positive indicator, but still needs a reason; it "differs from" rather than "is not met".
TEST(EvalScore, AnEqualTargetMissedAboveDiffersFromIt) {
  auto e = run_texts(replaced(three_groups, R"("b" >= 1 次)", R"("b" = 365 天)"),
                     replaced(three_actuals, R"("b" = 1 次)", R"("b" = 366 天)"));
  const auto& b = e->r.projects[0].indicators[2];
  EXPECT_EQ(b.dev, deviation::not_met);
  EXPECT_EQ(b.score, b.weight);
  EXPECT_EQ(deviation_text(b).en, "differs from the target");
  EXPECT_EQ(deviation_text(b).zh, "与指标值不一致");
  std::string f = render_all(e->r.findings, lang::en);
  EXPECT_NE(f.find("'b': differs from the target (366 天 against = 365 天)"), std::string::npos)
      << f;
}

TEST(EvalScore, AssessorOverrideReplacesTheScore) {
  auto e = run_texts(three_groups, replaced(three_actuals, "\"a\" = 1 次",
                                            "\"a\" = 0 次 override 10.5 because \"数据口径调整\""));
  ASSERT_TRUE(e->s.ok()) << e->errors;
  const auto& i = e->r.projects[0].indicators[1];
  EXPECT_EQ(i.score.to_string(), "10.50");
  EXPECT_EQ(i.computed->to_string(), "0.00");
  EXPECT_EQ(note_text(i, lang::en), "assessor override 10.50 (computed 0.00): 数据口径调整");
}

// Growth rates and year-on-year changes are targets with either sign; no target and no actual
// can take a score outside [0, 分值] (an auditor reads a negative score as a broken tool).
TEST(EvalScore, NegativeTargetsAndActualsStayWithinTheWeight) {
  EXPECT_EQ(score_of(">= 5 %", "-20 %", "12.5"), "0.00");  // was -50.00 of 12.50
  EXPECT_EQ(score_of(">= -1 次", "-1000 次"), "0.00");     // was 10000 × the weight
  EXPECT_EQ(score_of(">= -1 次", "0 次"), "10.00");        // met: all or nothing
  EXPECT_EQ(score_of("<= -10 %", "5 %"), "0.00");
  EXPECT_EQ(score_of("<= -10 %", "-12 %"), "10.00");
  EXPECT_EQ(score_of("<= 10 万元", "-1 万元"), "10.00");  // under a positive ceiling: met
  EXPECT_EQ(score_of("between -10 % .. -5 %", "3 %"), "0.00");
  EXPECT_EQ(score_of("between -10 % .. -5 %", "-20 %"), "0.00");
  EXPECT_EQ(score_of("between -10 % .. -5 %", "-7 %"), "10.00");
  EXPECT_EQ(score_of("between 5 % .. 10 %", "-3 %"), "0.00");
  EXPECT_EQ(one("<= -10 %", "5 %").explain, "target < 0, all or nothing: not met → 0.00");
  EXPECT_EQ(one(">= -1 次", "-2 次").explain, "target < 0, all or nothing: not met → 0.00");
  EXPECT_EQ(one(">= 5 %", "-20 %").explain, "actual < 0 against a target > 0 → 0.00");
  // Every operator, target and actual sign, both reverse methods: 0 <= score <= w.
  scoring_params ratio = default_params();
  scoring_params linear =
      default_params(replaced(pack_text, "param reverse = ratio", "param reverse = linear"));
  const std::vector<std::string> values = {"-100", "-10", "-1", "-0.5", "0",
                                           "0.5",  "1",   "10", "100"};
  for (const auto* p : {&ratio, &linear})
    for (std::string op : {">=", ">", "=", "<=", "<"})
      for (const auto& t : values)
        for (const auto& a : values) {
          scored s = one(op + " " + t + " 次", a + " 次", "2.78", *p);
          ASSERT_FALSE(s.error) << op << t << " " << a;
          EXPECT_GE(s.score.sign(), 0) << op << " " << t << " against " << a << ": " << s.explain;
          EXPECT_LE(s.score, *decimal::parse("2.78")) << op << " " << t << " against " << a;
        }
  for (const auto& lo : values)
    for (const auto& hi : values) {
      if (*decimal::parse(lo) > *decimal::parse(hi)) continue;
      for (const auto& a : values) {
        scored s = one("between " + lo + " .. " + hi + " 次", a + " 次", "2.78", ratio);
        ASSERT_FALSE(s.error) << lo << ".." << hi << " " << a;
        EXPECT_GE(s.score.sign(), 0) << lo << " .. " << hi << " against " << a << ": " << s.explain;
        EXPECT_LE(s.score, *decimal::parse("2.78")) << lo << " .. " << hi << " against " << a;
      }
    }
}

TEST(EvalScore, AProjectTotalStaysWithin0And100) {
  const std::string targets = R"(project "增长" {
  funds total 100 万元
  产出指标 { 数量指标 { "营业收入同比增长率" >= 5 %  "投诉量同比变化率" <= -10 %  "次数" >= -1 次 } }
  效益指标 { 社会效益指标 { "区间" between -10 % .. -5 % } }
  满意度指标 { 服务对象满意度指标 { "满意度" >= 90 % } }
}
)";
  auto e = run_texts(targets, R"(actuals "增长" { executed 90 万元  "营业收入同比增长率" = -20 %
    "投诉量同比变化率" = 5 %  "次数" = -1000 次  "区间" = 3 %  "满意度" = -5 % })");
  ASSERT_TRUE(e->s.ok()) << e->errors;
  const auto& p = e->r.projects[0];
  EXPECT_EQ(p.score.to_string(), "9.00");  // only the budget: 10 × 90 ÷ 100
  EXPECT_EQ(p.grade, "差");
  for (const auto& i : p.indicators) EXPECT_EQ(i.score.to_string(), "0.00") << i.ind->name.str();
}

// An override outside [0, 分值] is bad input: exit 2 before anything is scored, and it is never
// applied (it used to be reported as an error and applied anyway: a total of 1049.00).
TEST(EvalScore, AnOverrideOutsideTheWeightIsRejectedAndNotApplied) {
  for (std::string given : {"1000", "18.76"}) {
    auto e = run_texts(three_groups, replaced(three_actuals, "\"a\" = 1 次",
                                              "\"a\" = 0 次 override " + given + " because \"x\""));
    EXPECT_FALSE(e->s.ok()) << given;
    EXPECT_NE(e->errors.find("a.kpi:1:43: error: 'a': the overriding score " + given +
                             " is outside 0 .. 18.75 (its 分值)"),
              std::string::npos)
        << e->errors;
    EXPECT_TRUE(e->r.projects.empty());
  }
  // A negative override does not even read (the grammar takes no sign there).
  auto negative = run_texts(three_groups, replaced(three_actuals, "\"a\" = 1 次",
                                                   "\"a\" = 0 次 override -1 because \"x\""));
  EXPECT_FALSE(negative->s.ok());
  EXPECT_NE(negative->errors.find("error: an overriding score cannot be negative"),
            std::string::npos)
      << negative->errors;
  auto top = run_texts(three_groups, replaced(three_actuals, "\"a\" = 1 次",
                                              "\"a\" = 0 次 override 18.75 because \"x\""));
  ASSERT_TRUE(top->s.ok()) << top->errors;
  EXPECT_EQ(top->r.projects[0].indicators[1].score.to_string(), "18.75");
}

// 30 significant digits are legal; the score of such a value is exact, never "overflows".
TEST(EvalScore, ThirtyDigitValuesAreScoredExactly) {
  const std::string big = "123456789012345678901234567890";
  EXPECT_EQ(score_of(">= " + big + " 次", big + " 次", "2.78"), "2.78");
  EXPECT_EQ(score_of(">= " + big + " 次", "61728394506172839450617283945 次", "2.78"),
            "1.39");  // exactly half
  EXPECT_EQ(score_of("<= 1 次", big + " 次", "2.78"), "0.00");
  EXPECT_EQ(score_of("<= 0.000000000000000000000000000001 元", "1 元", "2.78"), "0.00");
  EXPECT_TRUE(one(">= " + big + " 次", big + " 次").met);
  EXPECT_EQ(one(">= " + big + " 次", big + " 次").completion->normalized().to_string(), "1");
}

// A completion that cannot be carried exactly is a positioned error: exit 2, no report.
TEST(EvalScore, ACompletionTooLargeToComputeIsBadInput) {
  const std::string big = "123456789012345678901234567890";
  auto e = run_texts(replaced(three_groups, "\"a\" >= 1 次", "\"a\" >= 0.001 次"),
                     replaced(three_actuals, "\"a\" = 1 次", "\"a\" = " + big + " 次"));
  EXPECT_FALSE(e->s.ok());
  EXPECT_NE(e->errors.find("a.kpi:1:43: error: 'a': the completion " + big +
                           " 次 ÷ 0.001 次 is too large to compute exactly"),
            std::string::npos)
      << e->errors;
}

TEST(EvalScore, ANegativeExecutedAmountIsBadInput) {
  auto e = run_texts(three_groups, replaced(three_actuals, "executed 100 元", "executed -5 元"));
  EXPECT_FALSE(e->s.ok());
  EXPECT_NE(
      e->errors.find("error: project 'p': the executed amount (预算执行数) -5.00 元 is negative"),
      std::string::npos)
      << e->errors;
}

// The same actual in two files is bad input as it is inside one file: an error at the second
// with a note at the first, no report (it used to be a report with exit 1, first value kept).
TEST(EvalScore, AnActualGivenInTwoFilesIsBadInputWithBothPositions) {
  memory_reader reader;
  reader.files = {{"t.kpi", three_groups},
                  {"a.kpi", three_actuals},
                  {"b.csv", "project,indicator,actual\np,a,5次\np,预算执行数,90元\n"},
                  {"pack.kpi", pack_text}};
  session s = prepare({{"t.kpi", "a.kpi", "b.csv"}, "pack.kpi", {}}, reader);
  EXPECT_FALSE(s.ok());
  const std::string errors = render_all(s.diags, lang::en);
  EXPECT_NE(errors.find("b.csv:2:3: error: the actual value of 'a' in project 'p' is given twice"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("a.kpi:1:43: note: first given here"), std::string::npos) << errors;
  EXPECT_NE(errors.find("the 预算执行数 of 'p' is given twice"), std::string::npos) << errors;
}

TEST(EvalScore, GradeBands) {
  scoring_params p = default_params();
  EXPECT_EQ(p.grade_of(*decimal::parse("100.00")), "优");
  EXPECT_EQ(p.grade_of(*decimal::parse("90.00")), "优");
  EXPECT_EQ(p.grade_of(*decimal::parse("89.99")), "良");
  EXPECT_EQ(p.grade_of(*decimal::parse("80.00")), "良");
  EXPECT_EQ(p.grade_of(*decimal::parse("60.00")), "中");
  EXPECT_EQ(p.grade_of(*decimal::parse("59.99")), "差");
}

TEST(EvalPack, GapsOverlapsAndNonConstantsArePositioned) {
  auto errors = [](const std::string& pack) {
    auto r = test::load_texts({{"pack.kpi", pack}});
    diagnostics d;
    EXPECT_FALSE(read_scoring_pack(r.files, r.env.units, d).has_value());
    return render_all(d, lang::en);
  };
  std::string gap = errors(replaced(pack_text, "良:  80 .. 90", "良:  82 .. 90"));
  EXPECT_NE(gap.find("pack.kpi:42:9: error: gap in the bands: nothing covers 80 .. 82"),
            std::string::npos)
      << gap;
  std::string overlap =
      errors(replaced(pack_text, "部分达成:  60 % .. 80 %", "部分达成:  60 % .. 85 %"));
  EXPECT_NE(overlap.find("error: '达成' overlaps another band below 85"), std::string::npos)
      << overlap;
  std::string expr = errors(replaced(pack_text, "param total = 100", "param total = 50 + 50"));
  EXPECT_NE(expr.find("pack.kpi:18:17: error: a scoring pack value must be a constant"),
            std::string::npos)
      << expr;
  std::string sym = errors(replaced(pack_text, "reverse = ratio", "reverse = ratios"));
  EXPECT_NE(sym.find("error: expected one of: ratio | linear"), std::string::npos) << sym;
}

}  // namespace
}  // namespace kpi::eval
