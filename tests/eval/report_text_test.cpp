// Text written for people (`kpi eval` text, `kpi dump --format text`, `kpi import`'s report)
// shows control characters visibly (one_line, as diagnostics do): an ANSI sequence in a note
// cannot redraw the terminal, a line break in a name cannot start a report line of its own.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "engine/base/diagnostic.hpp"
#include "tests/fuzz/report_invariants.hpp"
#include "tests/support/run.hpp"

namespace kpi {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::repo_path;
using test::run_kpi;

std::string temp_file(const std::string& name, const std::string& text) {
  auto path =
      fs::temp_directory_path() / ("kpi_report_text_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

const std::string targets =
    "project \"甲\\n项目 total 98.50\" {\n  funds total 100.00 元\n  产出指标 {\n    数量指标 {\n"
    "      \"任务\x1b[31m完成率\" = 100 % weight 90\n    }\n  }\n}\n";
// Redraws the line above as a high score.
const std::string spoof =
    "\x1b[1A\x1b[2K\rproject 甲  total 98.50  grade 优\xC2\x9B"
    "2K";

TEST(OneLine, ControlCharactersShowAsQuestionMarks) {
  EXPECT_EQ(one_line("a\nb\rc\td\x1b[2Ke\x7f"
                     "f\xC2\x9B"
                     "g\xC2\xA0h"),
            "a\\nb\\rc\td?[2Ke?f?g\xC2\xA0h");
  EXPECT_EQ(one_line("\x9B"
                     "2K"),
            "\xEF\xBF\xBD"
            "2K");  // an invalid byte, never raw
  EXPECT_EQ(one_line("普陀区"), "普陀区");
}

TEST(ReportText, EvalShowsControlCharactersVisibly) {
  std::string t = temp_file("t.kpi", targets);
  std::string csv = temp_file(
      "a.csv",
      "project,indicator,actual,note\n\"甲\n项目 total 98.50\",\"任务\x1b[31m完成率\",10%,\"" +
          spoof + "\"\n\"甲\n项目 total 98.50\",预算执行数,1元,\"" + spoof +
          "\"\n\"乙\x1b[2K\",x,1次,\n");
  for (const char* lang : {"", "--lang zh "}) {
    auto r = run_kpi(std::string(lang) + "eval --explain " + t + " " + csv);
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_FALSE(fuzz::has_terminal_control(r.out)) << r.out;
    EXPECT_FALSE(fuzz::has_terminal_control(r.err)) << r.err;
    // The name with its line break stays on the report's first line.
    EXPECT_TRUE(
        r.out.starts_with(std::string(*lang ? "项目" : "project") + " 甲\\n项目 total 98.50  "))
        << r.out;
    EXPECT_NE(r.out.find("任务?[31m完成率"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("?[1A?[2K\\rproject 甲  total 98.50  grade 优?2K"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("乙?[2K"), std::string::npos) << r.out;
  }
}

TEST(ReportText, DumpTextShowsControlCharactersVisibly) {
  std::string t = temp_file("d.kpi", targets);
  auto r = run_kpi("dump --format text " + t);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "project 甲\\n项目 total 98.50 budget=100.00 indicators=1\n"
            "  产出指标 / 数量指标 / 任务?[31m完成率: = 100 % weight 90\n");
}

TEST(ReportText, ImportReportShowsControlCharactersVisibly) {
  std::string seed = read_file(repo_path("tests/data/import/seed.txt"));
  // A form feed (pdftotext between pages) and an ANSI sequence in cells that notes quote.
  for (auto [from, to] :
       {std::pair<std::string, std::string>{"外宣网站每月发稿量", "外宣网站\x1b[2K每月发稿量\f"}}) {
    std::size_t at = seed.find(from);
    ASSERT_NE(at, std::string::npos);
    seed.replace(at, from.size(), to);
  }
  std::string f = temp_file("seed.txt", seed);
  for (const char* lang : {"", "--lang zh "}) {
    auto r = run_kpi(std::string(lang) + "import " + f);
    EXPECT_FALSE(fuzz::has_terminal_control(r.err)) << r.err;
    EXPECT_NE(r.err.find("外宣网站?[2K每月发稿量"), std::string::npos) << r.err;
  }
}

TEST(ReportText, HtmlEscapesMarkupAndIsNotTerminalText) {
  std::string t =
      temp_file("h.kpi",
                "project \"<script>alert(1)</script>&\" {\n  funds total 100.00 元\n  产出指标 {\n"
                "    数量指标 {\n      \"任务\\\"完成率\" = 100 % weight 90\n    }\n  }\n}\n");
  std::string csv = temp_file("h.csv",
                              "project,indicator,actual,note\n<script>alert(1)</script>&,"
                              "\"任务\"\"完成率\",10%,<b>x</b>\n<i>乙,<u>x,1次,\n");
  auto r = run_kpi("eval --format html " + t + " " + csv);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out.find("<script>"), std::string::npos);
  EXPECT_EQ(r.out.find("<b>x"), std::string::npos);
  EXPECT_EQ(r.out.find("<i>乙"), std::string::npos);
  EXPECT_NE(r.out.find("&lt;script&gt;alert(1)&lt;/script&gt;&amp;"), std::string::npos);
  EXPECT_NE(r.out.find("任务&quot;完成率"), std::string::npos);
  EXPECT_NE(r.out.find("&lt;b&gt;x&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(r.out.find("&lt;i&gt;乙"), std::string::npos);
}

}  // namespace
}  // namespace kpi
