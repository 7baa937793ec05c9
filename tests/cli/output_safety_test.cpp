// `-o FILE` never replaces an input, whatever path or link names it.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/run.hpp"

namespace kpi {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::repo_path;
using test::run_kpi;

struct scratch {
  fs::path dir;
  scratch() {
    dir = fs::temp_directory_path() / ("kpi_output_safety_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::copy_file(repo_path("examples/targets.kpi"), dir / "targets.kpi",
                  fs::copy_options::overwrite_existing);
    fs::copy_file(repo_path("examples/actuals.csv"), dir / "actuals.csv",
                  fs::copy_options::overwrite_existing);
    fs::remove(dir / "link.kpi");
    fs::create_symlink(dir / "targets.kpi", dir / "link.kpi");
  }
  ~scratch() { fs::remove_all(dir); }
  std::string at(const std::string& name) const { return (dir / name).string(); }
};

TEST(OutputSafety, EvalRefusesToWriteOverAnInput) {
  scratch s;
  const std::string inputs = s.at("targets.kpi") + " " + s.at("actuals.csv");
  for (std::string out : {s.at("actuals.csv"), s.at("./actuals.csv"), s.at("link.kpi"),
                          (s.dir / "sub/../targets.kpi").string()}) {
    for (std::string format : {"csv", "xlsx"}) {
      auto r = run_kpi("eval " + inputs + " --format " + format + " -o " + out);
      EXPECT_EQ(r.code, 2) << out;
      EXPECT_NE(r.err.find("kpi never overwrites an input file"), std::string::npos) << r.err;
    }
  }
  EXPECT_EQ(read_file(s.at("targets.kpi")), read_file(repo_path("examples/targets.kpi")));
  EXPECT_EQ(read_file(s.at("actuals.csv")), read_file(repo_path("examples/actuals.csv")));
  // A new file is written as asked.
  auto ok = run_kpi("eval " + inputs + " --format csv -o " + s.at("report.csv"));
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_TRUE(fs::exists(s.dir / "report.csv"));
}

TEST(OutputSafety, ImportRefusesToWriteOverItsInput) {
  scratch s;
  fs::copy_file(repo_path("tests/data/import/seed.txt"), s.dir / "table.txt");
  auto r = run_kpi("--lang zh import " + s.at("table.txt") + " -o " + s.at("table.txt"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("kpi 不会覆盖输入文件"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(s.at("table.txt")), read_file(repo_path("tests/data/import/seed.txt")));
}

}  // namespace
}  // namespace kpi
