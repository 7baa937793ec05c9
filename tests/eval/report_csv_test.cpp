// The csv report is safe to open in a spreadsheet (OWASP CSV injection: a text cell that would
// be a formula gets a ' in front; number columns stay plain decimals) and lists every actual,
// matched or not (docs/scoring.md "The csv report").
#include <gtest/gtest.h>

#include "engine/eval/report.hpp"
#include "tests/fuzz/report_invariants.hpp"
#include "tests/support/run.hpp"

namespace kpi {
namespace {

decimal dec(const char* s) {
  return *decimal::parse(s);
}

TEST(ReportCsv, TextCellsThatLookLikeFormulasAreNeutralised) {
  model::indicator ind;
  ind.level1 = istr("=1+1");
  ind.level2 = istr("@SUM(A1)");
  ind.name = istr("+cmd");
  eval::indicator_result i;
  i.ind = &ind;
  i.weight = dec("20.00");
  i.score = dec("-20.00");  // an override may take points away: numbers stay numbers
  i.completion = dec("-0.5");
  i.target = "= 100.00 %";
  i.actual = "-3 次";
  i.dev = eval::deviation::not_met;
  i.reason = "=HYPERLINK(\"http://evil\",\"x\")";
  eval::project_result p;
  p.name = "=cmd|' /C calc'!A0";
  p.score = dec("-12.36");
  p.grade = "\t差";
  p.budget.weight = dec("10.00");
  p.budget.score = dec("0.00");
  p.budget.reason = "\r'quoted";
  p.indicators.push_back(i);
  eval::eval_result r;
  r.projects.push_back(p);
  std::string csv = eval::report_csv(r);
  EXPECT_EQ(
      csv,
      "project,level1,level2,indicator,target,actual,completion,weight,score,deviation,note,"
      "project_score,project_grade\r\n"
      "'=cmd|' /C calc'!A0,预算执行率,,预算执行数,,,,10.00,0.00,,\"'\r'quoted\",-12.36,'\t差\r\n"
      "'=cmd|' /C calc'!A0,'=1+1,'@SUM(A1),'+cmd,'= 100.00 %,'-3 次,-0.5,20.00,-20.00,"
      "not_met,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",-12.36,'\t差\r\n");
  EXPECT_EQ(fuzz::report_problem(r), "");
}

TEST(ReportCsv, TargetsWithEqualsAreTextNotFormulas) {
  auto r = test::run_kpi(
      "eval --format csv tests/data/eval/putuo_targets.kpi "
      "tests/data/eval/putuo_actuals.kpi");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("普陀区2022示例项目,产出指标,数量指标,任务完成率,'= 100 %,"),
            std::string::npos)
      << r.out;
  std::string problem;
  auto rows = fuzz::csv_records(r.out, problem);
  EXPECT_EQ(problem, "");
  EXPECT_EQ(rows.size(), 7u);
}

TEST(ReportCsv, UnmatchedActualsAreRows) {
  model::indicator ind;
  ind.level1 = istr("产出指标");
  ind.name = istr("任务完成率");
  eval::indicator_result i;
  i.ind = &ind;
  eval::project_result p;
  p.name = "甲";
  p.score = dec("9.10");
  p.grade = "差";
  p.indicators.push_back(i);
  p.unmatched.push_back({"甲", "任务完成律", "90 %", "任务完成率", {}});
  eval::eval_result r;
  r.projects.push_back(p);
  r.unmatched.push_back({"乙", "-x", "1 次", "", {}});
  std::string csv = eval::report_csv(r);
  EXPECT_NE(csv.find("\r\n甲,,,任务完成律,,90 %,,,,unmatched,是否为「任务完成率」？,9.10,差\r\n"
                     "乙,,,'-x,,1 次,,,,no_project,,,\r\n"),
            std::string::npos)
      << csv;
  EXPECT_TRUE(csv.ends_with("乙,,,'-x,,1 次,,,,no_project,,,\r\n"));
  EXPECT_EQ(fuzz::report_problem(r), "");
}

}  // namespace
}  // namespace kpi
