// --jobs N: projects are parsed, checked and scored in parallel, and the output is the same
// bytes as with --jobs 1 (stdout, stderr and exit code), on generated data large enough that
// the parser really cuts the file (over 1 MB) and the scorer and JSON writer really split.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "bench/generator.hpp"
#include "tests/support/run.hpp"

namespace kpi {
namespace {

using test::run_kpi;

class Jobs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("kpi_jobs_test_" + std::to_string(::getpid())));
    std::filesystem::create_directories(*dir_);
    std::string kpi, csv;
    bench::generate(1000, 7, kpi, csv);
    ASSERT_GT(kpi.size(), 1u << 20);
    std::ofstream(*dir_ / "targets.kpi", std::ios::binary) << kpi;
    std::ofstream(*dir_ / "actuals.csv", std::ios::binary) << csv;
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static std::string path(const char* name) { return (*dir_ / name).string(); }

  static void expect_same(const std::string& args) {
    auto one = run_kpi("--lang en " + args.substr(0, args.find(' ')) + " --jobs 1" +
                       args.substr(args.find(' ')));
    auto two = run_kpi("--lang en " + args.substr(0, args.find(' ')) + " --jobs 2" +
                       args.substr(args.find(' ')));
    EXPECT_EQ(one.code, two.code) << args;
    EXPECT_LT(one.code, 2) << one.err.substr(0, 2000);
    EXPECT_FALSE(one.out.empty()) << args;
    EXPECT_TRUE(one.out == two.out) << args << ": stdout differs";
    EXPECT_TRUE(one.err == two.err) << args << ": stderr differs";
  }

  static std::filesystem::path* dir_;
};
std::filesystem::path* Jobs::dir_ = nullptr;

TEST_F(Jobs, EvalJsonIsTheSameForAnyNumberOfJobs) {
  expect_same("eval --format json " + path("targets.kpi") + " " + path("actuals.csv"));
}

TEST_F(Jobs, EvalTextIsTheSameForAnyNumberOfJobs) {
  expect_same("eval " + path("targets.kpi") + " " + path("actuals.csv"));
}

TEST_F(Jobs, CheckIsTheSameForAnyNumberOfJobs) {
  expect_same("check --format json " + path("targets.kpi"));
}

TEST_F(Jobs, DumpIsTheSameForAnyNumberOfJobs) {
  expect_same("dump --format json " + path("targets.kpi"));
}

TEST_F(Jobs, ASyntaxErrorIsReportedAsInOnePass) {
  // An unclosed block before a `project` line: the cut pieces would parse differently, so the
  // file is parsed again in one piece and the message is the single-pass one.
  std::string kpi, csv;
  bench::generate(1000, 9, kpi, csv);
  kpi.insert(kpi.find("\nproject \"", kpi.size() / 2), "\n  产出指标 {\n");
  std::ofstream(*dir_ / "broken.kpi", std::ios::binary) << kpi;
  auto one = run_kpi("--lang en dump --jobs 1 " + path("broken.kpi"));
  auto two = run_kpi("--lang en dump --jobs 2 " + path("broken.kpi"));
  EXPECT_EQ(one.code, 2);
  EXPECT_EQ(two.code, 2);
  EXPECT_EQ(one.err, two.err);
}

TEST_F(Jobs, CheckerMessagesComeInTheSameOrder) {
  // Projects declared twice, unknown units and a bad date spread over the file: the checker
  // splits the projects among threads; its messages must read as with one.
  std::string kpi, csv;
  bench::generate(1000, 11, kpi, csv);
  std::size_t at = 0;
  for (int k = 0; k < 40 && (at = kpi.find(" 万元", at + 200000 / 40)) != std::string::npos; ++k)
    kpi.replace(at, 7, k % 2 ? " 万圆" : " 斤");
  const std::size_t begin = kpi.find("project \""), end = kpi.find("\nproject \"", begin);
  const std::string first = kpi.substr(begin, end - begin);
  kpi += "\n" + first + "\n";
  kpi.insert(kpi.find("\nproject \"", kpi.size() / 3), "\n" + first + "\n");
  std::ofstream(*dir_ / "messy.kpi", std::ios::binary) << kpi;
  auto one = run_kpi("--lang en check --jobs 1 " + path("messy.kpi"));
  auto two = run_kpi("--lang en check --jobs 2 " + path("messy.kpi"));
  EXPECT_EQ(one.code, 2);
  EXPECT_NE(one.err.find("is declared twice"), std::string::npos) << one.err.substr(0, 2000);
  EXPECT_NE(one.err.find("unknown unit"), std::string::npos) << one.err.substr(0, 2000);
  EXPECT_EQ(one.code, two.code);
  EXPECT_TRUE(one.err == two.err) << "stderr differs";
  EXPECT_TRUE(one.out == two.out) << "stdout differs";
}

}  // namespace
}  // namespace kpi
