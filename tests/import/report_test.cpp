// The import report of the seed: its guesses (three rows re-placed in 对外交流; the shifted
// labels and the repeated pair of 对外推广) and nothing else, pinned as whole text.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/import/import.hpp"
#include "engine/import/report.hpp"
#include "tests/support/helpers.hpp"

namespace kpi {
namespace {

importer::import_result import_seed() {
  memory_reader reader;
  reader.files["seed.txt"] = test::read_file(test::repo_path("tests/data/import/seed.txt"));
  return importer::import_tables({"seed.txt"}, {}, reader);
}

TEST(ImportReport, SeedReportInEnglish) {
  EXPECT_EQ(importer::render_report(import_seed(), lang::en),
            test::read_file(test::repo_path("tests/data/import/seed.report.txt")));
}

TEST(ImportReport, SeedReportInChinese) {
  EXPECT_EQ(importer::render_report(import_seed(), lang::zh),
            test::read_file(test::repo_path("tests/data/import/seed.report.zh.txt")));
}

TEST(ImportReport, SeedReportAsJson) {
  auto j = nlohmann::json::parse(importer::report_json(import_seed(), lang::en));
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["summary"],
            nlohmann::json::parse(R"({"projects":5,"indicators":80,"guesses":8,"unplaced":0})"));
  ASSERT_EQ(j["projects"].size(), 5u);
  EXPECT_EQ(j["projects"][3]["name"], "对外推广");
  EXPECT_EQ(j["projects"][3]["indicators"], 16);
  std::vector<std::string> kinds;
  for (const auto& n : j["notes"]) kinds.push_back(n["kind"]);
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"moved", "moved", "moved", "stray_label", "shifted_label",
                                      "shifted_label", "repeated", "repeated"}));
  EXPECT_EQ(j["notes"][0]["file"], "seed.txt");
  EXPECT_EQ(j["notes"][0]["line"], 22);
  EXPECT_EQ(j["notes"][0]["project"], "对外交流");
  EXPECT_EQ(j["notes"][0]["indicator"], "外宣网站每月发稿量");
  EXPECT_EQ(j["notes"][0]["severity"], "guess");
}

TEST(ImportReport, UnplacedRowsAreListedAndKept) {
  memory_reader reader;
  reader.files["t.txt"] =
      "项目名称\t测试项目\n"
      "一级指标\t二级指标\t三级指标\t年度指标值\n"
      "\t\t\t孤立的一个单元格\n"
      "成本指标\t经济成本指标\t办公费\t≤5.00(万元)\n";
  auto r = importer::import_tables({"t.txt"}, {}, reader);
  EXPECT_EQ(r.unplaced_count(), 1u);
  EXPECT_EQ(importer::render_report(r, lang::en),
            "t.txt:3: error: [测试项目] row 孤立的一个单元格 cannot be placed: a single cell, not "
            "a name with its "
            "target\n"
            "kpi import: 1 projects, 1 indicators; 0 guesses, 1 rows not placed\n");
  EXPECT_NE(r.kpi.find("  # 未归类 unplaced t.txt:3: 孤立的一个单元格 \n"), std::string::npos)
      << r.kpi;
}

TEST(ImportReport, TableWithoutLabelsLeavesRowsUnplaced) {
  memory_reader reader;
  reader.files["t.txt"] =
      "项目名称\t测试项目\n一级指标\t二级指标\t三级指标\t年度指标值\n\t\t办公费\t≤5.00(万元)\n";
  auto r = importer::import_tables({"t.txt"}, {}, reader);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].kind, importer::note_kind::unplaced);
  EXPECT_EQ(r.indicator_count(), 0u);
}

TEST(ImportReport, UnknownUnitAndMissingOperatorAreGuesses) {
  memory_reader reader;
  reader.files["t.txt"] =
      "项目名称\t测试项目\n"
      "一级指标\t二级指标\t三级指标\t年度指标值\n"
      "产出指标\t数量指标\t种植面积\t≥5(平方丈)\n"
      "\t\t完成率\t100%\n"
      "\t\t办结情况\t≥95%以上\n";
  auto r = importer::import_tables({"t.txt"}, {}, reader);
  EXPECT_EQ(importer::render_report(r, lang::en),
            "t.txt:3: guess: [测试项目] unit 平方丈 of ≥5(平方丈) is not in the unit table "
            "(stdlib/units.kpi; add it "
            "with --lib): kept as free text\n"
            "t.txt:4: guess: [测试项目] target 100% has no operator: read as = 100\n"
            "t.txt:5: guess: [测试项目] target ≥95%以上 is not a plain value: kept as free text\n"
            "kpi import: 1 projects, 3 indicators; 3 guesses, 0 rows not placed\n");
  EXPECT_NE(r.kpi.find("\"种植面积\"  \"≥5(平方丈)\"\n"), std::string::npos) << r.kpi;
  EXPECT_NE(r.kpi.find("\"完成率\"    = 100 %\n"), std::string::npos) << r.kpi;
}

}  // namespace
}  // namespace kpi
