// `-o FILE` appears whole or not at all, for every format: a unique temporary file in the
// target's directory, flushed, renamed over the target; never written through a link or into
// a device; removed when writing fails; the previous file kept.
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/shell.hpp"

namespace kpi {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::repo_path;
using test::run_shell;
using test::scratch_dir;

struct eval_dir : scratch_dir {
  eval_dir() : scratch_dir("output_files") {
    fs::copy_file(repo_path("examples/targets.kpi"), dir / "targets.kpi");
    fs::copy_file(repo_path("examples/actuals.csv"), dir / "actuals.csv");
  }
  std::string eval(const std::string& format, const std::string& out) const {
    return "$KPI eval " + at("targets.kpi") + " " + at("actuals.csv") + " --format " + format +
           " -o " + out;
  }
  // Names in the directory that are not the inputs or `keep`.
  std::vector<std::string> leftovers(const std::vector<std::string>& keep = {}) const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) {
      std::string n = e.path().filename().string();
      if (n == "targets.kpi" || n == "actuals.csv") continue;
      if (std::find(keep.begin(), keep.end(), n) == keep.end()) names.push_back(n);
    }
    return names;
  }
};

void write_text(const fs::path& p, const std::string& text) {
  std::ofstream(p) << text;
}

TEST(OutputFiles, ALinkPlantedAtATemporaryNameIsNotWrittenThrough) {
  eval_dir d;
  // The name kpi used to write before renaming, as a link to an input.
  fs::create_symlink(d.dir / "targets.kpi", d.dir / "out.json.kpi-tmp");
  auto r = run_shell(d.eval("json", d.at("out.json")));
  EXPECT_NE(r.code, 2) << r.err;
  EXPECT_EQ(read_file(d.at("targets.kpi")), read_file(repo_path("examples/targets.kpi")));
  EXPECT_FALSE(fs::is_symlink(d.dir / "out.json"));
  EXPECT_EQ(read_file(d.at("out.json")).substr(0, 1), "{");
  EXPECT_TRUE(fs::is_symlink(d.dir / "out.json.kpi-tmp"));  // left alone
}

TEST(OutputFiles, TwoRunsToOneFileLeaveOneWholeReport) {
  eval_dir d;
  auto json = run_shell(d.eval("json", d.at("one.json")));
  auto csv = run_shell(d.eval("csv", d.at("one.csv")));
  for (int i = 0; i < 5; ++i) {
    auto r =
        run_shell(d.eval("json", d.at("both")) + " & " + d.eval("csv", d.at("both")) + " & wait");
    std::string both = read_file(d.at("both"));
    EXPECT_TRUE(both == read_file(d.at("one.json")) || both == read_file(d.at("one.csv"))) << both;
  }
  EXPECT_EQ(d.leftovers({"one.json", "one.csv", "both"}), std::vector<std::string>{});
}

TEST(OutputFiles, ANewFileGetsTheModeOfTheUmask) {
  eval_dir d;
  for (std::string format : {"csv", "json", "html", "xlsx"}) {
    for (auto [mask, mode] : {std::pair{"027", 0640}, std::pair{"022", 0644}}) {
      std::string out = d.at(std::string("m") + mask + "." + format);
      auto r = run_shell(std::string("umask ") + mask + "; " + d.eval(format, out));
      EXPECT_NE(r.code, 2) << r.err;
      struct stat st {};
      ASSERT_EQ(::stat(out.c_str(), &st), 0) << out;
      EXPECT_EQ(st.st_mode & 07777, static_cast<unsigned>(mode)) << out;
    }
  }
}

// A report written over an earlier one keeps its mode, as `>` would: a private report stays
// private.
TEST(OutputFiles, AReplacedReportKeepsItsMode) {
  eval_dir d;
  for (std::string format : {"csv", "xlsx"}) {
    std::string out = d.at("private." + format);
    write_text(out, "old");
    ::chmod(out.c_str(), 0600);
    auto r = run_shell(d.eval(format, out));
    EXPECT_NE(r.code, 2) << r.err;
    struct stat st {};
    ASSERT_EQ(::stat(out.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0600u) << format;
    EXPECT_NE(read_file(out), "old");
  }
}

TEST(OutputFiles, XlsxIsNeverWrittenIntoADevice) {
  eval_dir d;
  auto r = run_shell(d.eval("xlsx", "/dev/null"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cannot write /dev/null: not a regular file"), std::string::npos) << r.err;
}

TEST(OutputFiles, XlsxReplacesALinkAndNotTheFileItNames) {
  eval_dir d;
  write_text(d.dir / "other.xlsx", "keep me");
  fs::create_symlink(d.dir / "other.xlsx", d.dir / "out.xlsx");
  auto r = run_shell(d.eval("xlsx", d.at("out.xlsx")));
  EXPECT_NE(r.code, 2) << r.err;
  EXPECT_EQ(read_file(d.at("other.xlsx")), "keep me");
  EXPECT_FALSE(fs::is_symlink(d.dir / "out.xlsx"));
  EXPECT_EQ(read_file(d.at("out.xlsx")).substr(0, 2), "PK");
}

// `ulimit -f 1` (512 bytes in dash, 1024 in bash) makes any longer write fail with EFBIG, as a full
// disk would with ENOSPC: the report is refused with exit 2, the previous report survives whole and
// no temporary file is left. (Without SIGXFSZ ignored, the write would kill kpi.)
TEST(OutputFiles, AFailedWriteKeepsThePreviousFile) {
  eval_dir d;
  for (std::string format : {"xlsx", "csv", "json", "html"}) {
    std::string out = d.at("report." + format);
    auto good = run_shell(d.eval(format, out));
    ASSERT_NE(good.code, 2) << good.err;
    std::string before = read_file(out);
    ASSERT_GT(before.size(), 1024u) << format;
    // Only kpi runs under the limit; its messages go through a pipe, which has none.
    auto r =
        run_shell("((ulimit -f 1; exec " + d.eval(format, out) + " 2>&1); echo \"exit $?\") | cat");
    EXPECT_NE(r.out.find("\nexit 2\n"), std::string::npos) << format << ": " << r.out;
    EXPECT_NE(r.out.find("error: cannot write " + out + ": File too large\n"), std::string::npos)
        << r.out;
    EXPECT_EQ(read_file(out), before) << format;
    EXPECT_EQ(d.leftovers({"report.xlsx", "report.csv", "report.json", "report.html"}),
              std::vector<std::string>{});
  }
}

}  // namespace
}  // namespace kpi
