// `kpi import` as users run it: the .kpi on stdout or in -o, the report on stderr (or JSON),
// exit codes 0 / 1 (rows not placed) / 2 (unreadable file, usage).
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/run.hpp"

namespace kpi {
namespace {

using test::run_kpi;

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("kpi_import_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

TEST(ImportCli, SeedToStdoutWithReportOnStderr) {
  auto r = run_kpi("import tests/data/import/seed.txt");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, test::read_file(test::repo_path("tests/data/import/seed.kpi")));
  EXPECT_NE(r.err.find("kpi import: 5 projects, 80 indicators; 8 guesses, 0 rows not placed\n"),
            std::string::npos)
      << r.err;
}

TEST(ImportCli, OutputFileLoadsAndIsFormatted) {
  std::string out = temp_path("seed.kpi");
  auto r = run_kpi("import tests/data/import/seed.txt -o " + out + " --report json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["summary"]["indicators"], 80);
  auto dump = run_kpi("dump --format json " + out);
  ASSERT_EQ(dump.code, 0) << dump.err;
  EXPECT_EQ(nlohmann::json::parse(dump.out)["projects"].size(), 5u);
  auto fmt = run_kpi("fmt --check " + out);
  EXPECT_EQ(fmt.code, 0) << fmt.out << fmt.err;
}

TEST(ImportCli, ChineseReport) {
  auto r = run_kpi("--lang zh import tests/data/import/seed.txt");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.err.find("kpi import：导入 5 个项目、80 个指标"), std::string::npos) << r.err;
  auto by_env = run_kpi("import tests/data/import/seed.txt", "LANG=zh_CN.UTF-8");
  EXPECT_EQ(by_env.err, r.err);
}

TEST(ImportCli, UnplacedRowExitsOne) {
  std::string in = temp_path("unplaced.txt");
  std::ofstream(in, std::ios::binary)
      << "项目名称\t测试项目\n一级指标\t二级指标\t三级指标\t年度指标值\n\t\t办公费\t≤5.00(万元)\n";
  auto r = run_kpi("import " + in);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(":3: error: [测试项目] row 办公费 cannot be placed"), std::string::npos)
      << r.err;
}

TEST(ImportCli, UnreadableFileExitsTwo) {
  auto r = run_kpi("import no/such/table.txt");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cannot read no/such/table.txt"), std::string::npos) << r.err;
  EXPECT_EQ(run_kpi("import").code, 2);
}

}  // namespace
}  // namespace kpi
