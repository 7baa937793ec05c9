// The kpi command line as users run it: exit codes, messages on stderr, output on stdout.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/run.hpp"

namespace kpi {
namespace {

using test::run_kpi;

std::string temp_file(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() /
              ("kpi_cli_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

TEST(Cli, DumpJsonOfTheExamples) {
  auto r = run_kpi("dump --format json examples/targets.kpi examples/actuals.kpi");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["projects"].size(), 5u);
  EXPECT_EQ(j["actuals"].size(), 5u);
  EXPECT_EQ(j["projects"][0]["indicators"][0]["file"], "examples/targets.kpi");
}

TEST(Cli, BadInputExitsTwoWithAPositionedMessage) {
  std::string f =
      temp_file("bad.kpi", "project \"p\" {\n  产出指标 { 数量指标 { \"a\" >= 5 万圆 } }\n}\n");
  auto r = run_kpi("dump " + f);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(f + ":2:26: error: unknown unit '万圆'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\n                                   ^~~~\n"), std::string::npos) << r.err;
}

TEST(Cli, ChineseMessagesFromLangOrFlag) {
  std::string f = temp_file("zh.kpi", "project \"p\" {\n");
  auto by_env = run_kpi("dump " + f, "LANG=zh_CN.UTF-8");
  EXPECT_EQ(by_env.code, 2);
  EXPECT_NE(by_env.err.find("块未结束"), std::string::npos) << by_env.err;
  auto by_flag = run_kpi("--lang zh dump " + f);
  EXPECT_EQ(by_flag.err, by_env.err);
  auto english = run_kpi("--lang en dump " + f, "LANG=zh_CN.UTF-8");
  EXPECT_NE(english.err.find("unterminated block"), std::string::npos);
}

TEST(Cli, MissingFileIsBadInput) {
  auto r = run_kpi("dump no/such/file.kpi");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("error: cannot read no/such/file.kpi"), std::string::npos) << r.err;
}

TEST(Cli, UnknownCommandSuggestsTheClosest) {
  auto r = run_kpi("dupm x.kpi");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("did you mean 'dump'?"), std::string::npos) << r.err;
}

TEST(Cli, FmtCheckAndInPlace) {
  std::string f = temp_file("fmt.kpi", "project \"p\" {period 2024-01-01 .. 2024-12-31}\n");
  auto check = run_kpi("fmt --check " + f);
  EXPECT_EQ(check.code, 1);
  EXPECT_NE(check.err.find("not formatted"), std::string::npos);
  EXPECT_EQ(run_kpi("fmt " + f).out, "project \"p\" {\n  period 2024-01-01 .. 2024-12-31\n}\n");
  EXPECT_EQ(run_kpi("fmt -i " + f).code, 0);
  EXPECT_EQ(run_kpi("fmt --check " + f).code, 0);
  EXPECT_EQ(test::read_file(f), "project \"p\" {\n  period 2024-01-01 .. 2024-12-31\n}\n");
}

TEST(Cli, ExtraDeclarationsWithLib) {
  std::string lib = temp_file("lib.kpi", "unit 人天 count\n");
  std::string f =
      temp_file("uses.kpi", "project \"p\" { 产出指标 { 数量指标 { \"a\" >= 5 人天 } } }\n");
  EXPECT_EQ(run_kpi("dump " + f).code, 2);
  auto r = run_kpi("dump --lib " + lib + " --format text " + f);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find(">= 5 人天"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace kpi
