// Replays every input the fuzzers ever broke kpi with (tests/data/fuzz_regressions/,
// named <target>-<what>.input): each loads or is rejected with positioned messages, and, when
// it parses, formats to text that parses and formats to itself (tests/fuzz/invariants.hpp).
//
// A file listed in `known_bugs` reaches a reported bug that is not fixed yet: its test is
// expected to fail and is skipped while it does; once it passes the test fails with a
// reminder to delete the entry (and the matching one in tests/fuzz/known_bugs.hpp).
#include <algorithm>
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "tests/fuzz/csv_invariants.hpp"
#include "tests/fuzz/import_invariants.hpp"
#include "tests/fuzz/invariants.hpp"
#include "tests/fuzz/pack_invariants.hpp"
#include "tests/support/helpers.hpp"

namespace kpi {
namespace {

namespace fs = std::filesystem;

const std::set<std::string> known_bugs = {};

std::vector<std::string> regression_files() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(test::repo_path("tests/data/fuzz_regressions")))
    if (e.path().extension() == ".input") out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// What is wrong with the file, or "" when kpi keeps its promises on it. The prefix names the
// fuzz target that found it: csv-, import- and pack- inputs are replayed through their target's
// invariants, the others (load-, format-) through the .kpi front end's.
std::string problem_with(const std::string& name, const std::string& text) {
  if (name.rfind("csv-", 0) == 0)
    return fuzz::csv_problem(text, name, test::read_file(test::repo_path("examples/targets.kpi")));
  if (name.rfind("import-", 0) == 0) return fuzz::import_problem(text, name);
  if (name.rfind("pack-", 0) == 0)
    return fuzz::pack_problem(text, "pack/" + name,
                              test::read_file(test::repo_path("examples/targets.kpi")));
  load_result r;
  if (std::string p = fuzz::load_problem(text, name, &r); !p.empty()) return p;
  if (!r.ok() && render_all(r.diags, lang::en).rfind(name + ":", 0) != 0)
    return "rejected without a positioned error:\n" + render_all(r.diags, lang::en);
  if (std::string p = fuzz::format_problem(text, name); !p.empty()) return p;
  // Line ends of any kind are line breaks: the file means what its LF form means.
  std::string lf = text;
  for (std::size_t at = 0; (at = lf.find('\r', at)) != std::string::npos;) {
    if (at + 1 < lf.size() && lf[at + 1] == '\n')
      lf.erase(at, 1);
    else
      lf[at] = '\n';
  }
  if (lf != text) {
    load_result want;
    (void)fuzz::load_problem(lf, name, &want);
    if (want.ok() != r.ok() || (r.ok() && dump_text(want.model) != dump_text(r.model)))
      return "read differently from the same text with LF line ends:\n--- as read\n" +
             (r.ok() ? dump_text(r.model) : render_all(r.diags, lang::en)) + "\n--- with LF\n" +
             (want.ok() ? dump_text(want.model) : render_all(want.diags, lang::en));
  }
  return {};
}

class FuzzRegression : public ::testing::TestWithParam<std::string> {};

TEST_P(FuzzRegression, KeepsItsPromises) {
  std::string name = GetParam();
  std::string text = test::read_file(test::repo_path("tests/data/fuzz_regressions/" + name));
  std::string problem = problem_with(name, text);
  if (known_bugs.count(name) != 0) {
    if (!problem.empty()) GTEST_SKIP() << "known bug, not fixed yet: " << problem;
    FAIL() << name
           << " now passes: delete it from known_bugs here and in tests/fuzz/known_bugs.hpp";
  }
  EXPECT_EQ(problem, "");
}

INSTANTIATE_TEST_SUITE_P(Files, FuzzRegression, ::testing::ValuesIn(regression_files()),
                         [](const auto& info) {
                           std::string n = fs::path(info.param).stem().string();
                           for (char& c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

// The shape check the fuzz targets apply to every rendered message: it must accept what
// kpi renders, reject what breaks the contract, and survive lines of any length.
TEST(FuzzInvariants, RenderedShapeCheckAcceptsTheContractAndNothingElse) {
  const std::string ok = "a.kpi:12:3: error: 未知单位 unknown unit\n  x = 1(斤)\n    ^~~\n";
  EXPECT_TRUE(fuzz::rendered_shape_ok(ok));
  EXPECT_TRUE(fuzz::rendered_shape_ok("C:\\d:ir\\a.kpi:1:1: warning: w\n  \n  ^\n"));
  EXPECT_TRUE(fuzz::rendered_shape_ok("a.kpi:1:1: note: n\n  x\n  \t^~\nmore\n"));
  EXPECT_FALSE(fuzz::rendered_shape_ok("a.kpi:0:3: error: m\n  x\n  ^\n"));   // line 0
  EXPECT_FALSE(fuzz::rendered_shape_ok("a.kpi:1:03: error: m\n  x\n  ^\n"));  // leading 0
  EXPECT_FALSE(fuzz::rendered_shape_ok("a.kpi:1: error: m\n  x\n  ^\n"));     // no column
  EXPECT_FALSE(fuzz::rendered_shape_ok("a.kpi:1:3: fatal: m\n  x\n  ^\n"));   // level
  EXPECT_FALSE(fuzz::rendered_shape_ok("a.kpi:1:3: error: \n  x\n  ^\n"));    // no message
  EXPECT_FALSE(fuzz::rendered_shape_ok("a.kpi:1:3: error: m\n x\n  ^\n"));    // indent
  EXPECT_FALSE(fuzz::rendered_shape_ok("a.kpi:1:3: error: m\n  x\n  ~^\n"));  // caret
  EXPECT_FALSE(fuzz::rendered_shape_ok("a.kpi:1:3: error: m\n  x\n  ^x\n"));
  EXPECT_FALSE(fuzz::rendered_shape_ok("a.kpi:1:3: error: m\n  x\n  ^"));      // no newline
  // A 4 MB source line: std::regex recursed once per character here and overflowed the stack.
  std::string long_line = "a.kpi:1:1: error: m\n  " + std::string(4 << 20, 'm') + "\n  ^~~\n";
  EXPECT_TRUE(fuzz::rendered_shape_ok(long_line));
}

}  // namespace
}  // namespace kpi
