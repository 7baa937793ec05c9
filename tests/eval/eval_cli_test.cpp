// `kpi eval` as users run it: the SCORING.md §7 example, CSV actuals, exit codes, and the
// xlsx / html / csv reports holding the same figures as the json.
#include <filesystem>
#include <fstream>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/run.hpp"

namespace kpi {
namespace {

using test::run_kpi;

std::string temp_file(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() /
              ("kpi_eval_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

const std::string putuo = "tests/data/eval/putuo_targets.kpi tests/data/eval/putuo_actuals.kpi";

TEST(EvalCli, PutuoExampleOfScoringMd) {
  auto r = run_kpi("eval --format json " + putuo);
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  const auto& p = j["projects"][0];
  EXPECT_EQ(p["budget_execution"]["score"], "8.62");
  EXPECT_EQ(p["budget_execution"]["rate"], "0.8618304");
  EXPECT_EQ(p["score"], "98.62");
  EXPECT_EQ(p["grade"], "优");
  EXPECT_EQ(p["complete"], true);
  EXPECT_EQ(p["indicators"].size(), 5u);
  EXPECT_EQ(p["indicators"][2]["score"], "20.00");
  auto text = run_kpi("eval --explain " + putuo);
  EXPECT_NE(text.out.find("10 × 215457.6 ÷ 250000 = 8.618304 → 8.62"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("total 98.62  grade 优"), std::string::npos) << text.out;
}

TEST(EvalCli, CsvActualsMeanTheSameAsKpi) {
  auto a = run_kpi("eval --format json examples/targets.kpi examples/actuals.kpi");
  auto b = run_kpi("eval --format json examples/targets.kpi examples/actuals.csv");
  EXPECT_EQ(a.code, b.code);
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(nlohmann::json::parse(a.out)["projects"].size(), 5u);
}

TEST(EvalCli, MalformedCsvValueIsPositionedAndExitsTwo) {
  std::string f = temp_file("bad.csv",
                            "\xEF\xBB\xBFproject,indicator,actual,note\r\n普陀区2022示例项目,"
                            "任务完成率,\"1,0.0.0%\",\r\n");
  auto r = run_kpi("eval tests/data/eval/putuo_targets.kpi " + f);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(f + ":2:20: error: malformed number '1,0.0.0'"), std::string::npos) << r.err;
  std::string u =
      temp_file("unit.csv", "project,indicator,actual\n普陀区2022示例项目,任务完成率,5 万圆\n");
  auto ru = run_kpi("eval tests/data/eval/putuo_targets.kpi " + u);
  EXPECT_EQ(ru.code, 2);
  EXPECT_NE(ru.err.find(u + ":2:21: error: unknown unit '万圆' (did you mean '万元'?)"),
            std::string::npos)
      << ru.err;
}

TEST(EvalCli, UnmatchedAndMissingAreListedAndExitOne) {
  std::string f = temp_file("partial.csv",
                            "project,indicator,actual,note\n"
                            "普陀区2022示例项目,预算执行数,\"215,457.60元\",部分采购结余\n"
                            "普陀区2022示例项目,任务完成律,100%,\n"
                            "普陀区2022示例项目,验收合格率,100%,\n"
                            "普陀区2022示例项目,完成及时性,及时,\n"
                            "普陀区2022示例项目,服务覆盖率,\"部分达成 75%\",疫情影响\n"
                            "普陀区2022示例项目,服务对象满意度,95%,\n"
                            "别的项目,x,1次,\n");
  auto r = run_kpi("eval --format json tests/data/eval/putuo_targets.kpi " + f);
  EXPECT_EQ(r.code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  const auto& p = j["projects"][0];
  EXPECT_EQ(p["complete"], false);
  EXPECT_EQ(p["missing_actuals"], nlohmann::json::array({"任务完成率"}));
  EXPECT_EQ(p["unmatched_actuals"][0]["indicator"], "任务完成律");
  EXPECT_EQ(p["unmatched_actuals"][0]["did_you_mean"], "任务完成率");
  EXPECT_EQ(j["unmatched_actuals"][0]["project"], "别的项目");
  EXPECT_EQ(p["indicators"][3]["score"], "22.50");  // 30 × 75 %
  EXPECT_EQ(p["indicators"][3]["note"], "疫情影响");
  EXPECT_EQ(p["score"], "81.12");  // 8.62 + 0 + 20 + 20 + 22.50 + 10
  EXPECT_EQ(run_kpi("eval tests/data/eval/putuo_targets.kpi " + f + " --allow-unmatched").code, 1);
  EXPECT_EQ(
      run_kpi("eval tests/data/eval/putuo_targets.kpi " + f + " --allow-unmatched --allow-missing")
          .code,
      0);
}

TEST(EvalCli, JsonToAFileIsTheSameAsToStdout) {
  // Written a batch at a time into a sibling file, renamed into place when complete.
  const std::string args = "eval --format json examples/targets.kpi examples/actuals.csv";
  auto to_stdout = run_kpi(args);
  std::string out = temp_file("report.json", "old contents");
  auto to_file = run_kpi(args + " -o " + out);
  EXPECT_EQ(to_file.code, to_stdout.code) << to_file.err;
  EXPECT_EQ(to_file.out, "");
  EXPECT_EQ(to_file.err, to_stdout.err);  // the same findings
  std::ifstream in(out, std::ios::binary);
  std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(written, to_stdout.out);
  EXPECT_FALSE(std::filesystem::exists(out + ".kpi-tmp"));

  auto nowhere = run_kpi(args + " -o /nonexistent-dir/report.json");
  EXPECT_EQ(nowhere.code, 2);
  EXPECT_NE(nowhere.err.find("cannot write /nonexistent-dir/report.json"), std::string::npos)
      << nowhere.err;
  auto device = run_kpi(args + " -o /dev/full");
  EXPECT_EQ(device.code, 2);
  EXPECT_NE(device.err.find("not a regular file"), std::string::npos) << device.err;
}

TEST(EvalCli, XlsxHoldsTheJsonFigures) {
  std::string xlsx = temp_file("r.xlsx", "");
  auto r = run_kpi("eval --format xlsx -o " + xlsx + " " + putuo);
  ASSERT_EQ(r.code, 0) << r.err;
  std::string xml = temp_file("sheet1.xml", "");
  ASSERT_EQ(std::system(("unzip -p " + xlsx + " xl/worksheets/sheet1.xml > " + xml).c_str()), 0)
      << "needs unzip";
  std::string sheet = test::read_file(xml);
  // Every number cell, as the 2-place decimal Excel shows.
  std::vector<std::string> numbers;
  std::regex num_cell("<c r=\"([A-Z]+[0-9]+)\" s=\"[0-9]+\"><v>([-0-9.E]+)</v></c>");
  for (std::sregex_iterator it(sheet.begin(), sheet.end(), num_cell), end; it != end; ++it) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", std::stod((*it)[2]));
    numbers.push_back((*it)[1].str() + "=" + buf);
  }
  auto j = nlohmann::json::parse(run_kpi("eval --format json " + putuo).out)["projects"][0];
  std::vector<std::string> expected = {"B4=250000.00", "C4=215457.60", "D4=10.00", "E4=0.86",
                                       "F4=" + j["budget_execution"]["score"].get<std::string>()};
  for (int k = 0; k < 5; ++k) {
    expected.push_back("F" + std::to_string(7 + k) + "=" +
                       j["indicators"][k]["weight"].get<std::string>());
    expected.push_back("G" + std::to_string(7 + k) + "=" +
                       j["indicators"][k]["score"].get<std::string>());
  }
  expected.push_back("F12=100.00");
  expected.push_back("G12=" + j["score"].get<std::string>());
  EXPECT_EQ(numbers, expected) << sheet;
  std::string strings = temp_file("strings.xml", "");
  std::system(("unzip -p " + xlsx + " xl/sharedStrings.xml > " + strings).c_str());
  std::string s = test::read_file(strings);
  for (const char* want : {"项目支出绩效自评表", "全年预算数", "全年执行数", "执行率",
                           "偏差原因分析及改进措施", "总分", "评价等级：优"})
    EXPECT_NE(s.find(want), std::string::npos) << want;
}

TEST(EvalCli, HtmlIsSelfContained) {
  auto r = run_kpi("eval --format html examples/targets.kpi examples/actuals.kpi");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("<svg"), std::string::npos);
  EXPECT_NE(r.out.find("91.67"), std::string::npos);
  EXPECT_EQ(r.out.find("http:"), std::string::npos);
  EXPECT_EQ(r.out.find("https:"), std::string::npos);
  EXPECT_FALSE(std::regex_search(r.out, std::regex(R"((src|href)\s*=)", std::regex::icase)));
  EXPECT_FALSE(std::regex_search(r.out, std::regex(R"(url\s*\(|@import)", std::regex::icase)));
}

TEST(EvalCli, CsvReportHasOneRowPerIndicator) {
  auto r = run_kpi("eval --format csv " + putuo);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1 + 1 + 5);
  EXPECT_NE(r.out.find("普陀区2022示例项目,预算执行率,,预算执行数,250000.00 元,215457.60 "
                       "元,0.8618304,10.00,8.62,below_floor,部分采购结余,98.62,优"),
            std::string::npos)
      << r.out;
}

TEST(EvalCli, UsageAndChineseMessages) {
  EXPECT_EQ(run_kpi("eval --format xlsx " + putuo).code, 2);
  auto zh = run_kpi("--lang zh eval examples/targets.kpi examples/actuals.kpi");
  EXPECT_EQ(zh.code, 0);
  EXPECT_NE(zh.out.find("总分 91.67  等级 优"), std::string::npos) << zh.out;
  EXPECT_NE(zh.err.find("需说明偏差原因"), std::string::npos) << zh.err;
}

}  // namespace
}  // namespace kpi
