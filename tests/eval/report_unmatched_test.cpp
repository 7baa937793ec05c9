// Every report format lists the actuals that matched nothing, and each is a positioned warning
// on stderr whatever the format (text and json listed them; csv, html, xlsx and stderr did not).
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/fuzz/report_invariants.hpp"
#include "tests/support/run.hpp"

namespace kpi {
namespace {

using test::run_kpi;

std::string partial_csv() {
  auto path = std::filesystem::temp_directory_path() /
              ("kpi_report_unmatched_" + std::to_string(::getpid()) + ".csv");
  std::ofstream(path, std::ios::binary) << "project,indicator,actual,note\n"
                                           "普陀区2022示例项目,预算执行数,\"215,457.60元\",\n"
                                           "普陀区2022示例项目,任务完成律,100%,\n"
                                           "普陀区2022示例项目,验收合格率,100%,\n"
                                           "别的项目,x,1次,\n";
  return path.string();
}

const std::string targets = "tests/data/eval/putuo_targets.kpi ";

TEST(ReportUnmatched, StderrWarnsAtEachUnmatchedActualInEveryFormat) {
  std::string f = partial_csv();
  for (const char* format : {"text", "json", "csv", "html"}) {
    auto r = run_kpi("eval --format " + std::string(format) + " " + targets + f);
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_NE(
        r.err.find(f + ":3:13: warning: unmatched actual: project '普陀区2022示例项目' has no "
                       "indicator '任务完成律' (did you mean '任务完成率'?); it is not scored"),
        std::string::npos)
        << format << "\n"
        << r.err;
    EXPECT_NE(r.err.find(f + ":5:6: warning: unmatched actual: no project '别的项目' in the "
                             "targets; 'x' is not scored"),
              std::string::npos)
        << r.err;
  }
  auto zh = run_kpi("--lang zh eval " + targets + f);
  EXPECT_NE(
      zh.err.find("warning: 未匹配的实际完成值：项目「普陀区2022示例项目」中没有指标「任务完成律」"
                  "（是否为「任务完成率」？）；未计分"),
      std::string::npos)
      << zh.err;
}

TEST(ReportUnmatched, CsvAndHtmlListThem) {
  std::string f = partial_csv();
  auto csv = run_kpi("eval --format csv " + targets + f);
  EXPECT_NE(csv.out.find("\r\n普陀区2022示例项目,,,任务完成律,,100 %,,,,unmatched,"
                         "是否为「任务完成率」？,"),
            std::string::npos)
      << csv.out;
  EXPECT_TRUE(csv.out.ends_with("\r\n别的项目,,,x,,1 次,,,,no_project,,,\r\n")) << csv.out;
  std::string problem;
  EXPECT_EQ(fuzz::csv_records(csv.out, problem).size(), 1u + 6u + 2u);
  auto html = run_kpi("eval --format html " + targets + f);
  for (const char* want :
       {"<h2>Unmatched actuals</h2>", "<td>任务完成律</td><td>100 %</td><td>任务完成率</td>",
        "<td>别的项目</td><td>x</td><td>1 次</td><td></td><td>no such project</td>"})
    EXPECT_NE(html.out.find(want), std::string::npos) << want << "\n" << html.out;
  auto zh = run_kpi("--lang zh eval --format html " + targets + f);
  EXPECT_NE(zh.out.find("<h2>未匹配的实际完成值</h2>"), std::string::npos);
}

// The promises of the fuzz target report_fuzz, on the example and on hostile actuals.
TEST(ReportUnmatched, ReportInvariantsHoldOnExamples) {
  std::string targets_kpi = test::read_file(test::repo_path("examples/targets.kpi"));
  EXPECT_EQ(fuzz::eval_report_problem(test::read_file(test::repo_path("examples/actuals.csv")),
                                      targets_kpi),
            "");
  EXPECT_EQ(fuzz::eval_report_problem(
                "project,indicator,actual,note\n对外交流,=x,1次,\"\x1b[2K\f\"\n"
                "\"=cmd|' /C calc'!A0\",+y,2次,\"a\nb\"\n对外交流,外宣选题策划费用,56.80万元,-1\n",
                targets_kpi),
            "");
}

}  // namespace
}  // namespace kpi
