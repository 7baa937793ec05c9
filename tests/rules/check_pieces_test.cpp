// kpi check read piece by piece — the audit rules run on each piece's projects as they are
// checked, and with release_projects their indicators are dropped at once — reports exactly
// what the run over the whole model reports: the same findings in the same order, the same
// messages, the same exit.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/load/parallel.hpp"
#include "engine/rules/check.hpp"
#include "engine/rules/report.hpp"
#include "tests/support/helpers.hpp"

namespace kpi {
namespace {

using files_t = std::vector<std::pair<std::string, std::string>>;

struct outcome {
  std::string text;  // findings as `kpi check` prints them, with --explain
  std::string json;
  std::string messages;
  bool ok = false;
  bool in_pieces = false;
};

outcome check_with(const files_t& files, std::size_t piece_bytes, bool release, unsigned jobs,
                   const std::vector<std::string>& packs = {}) {
  memory_reader reader;
  rules::check_options o;
  for (const auto& [path, text] : files) {
    reader.files[path] = text;
    if (path.ends_with(".kpi") && !path.starts_with("pack")) o.files.push_back(path);
  }
  o.packs = packs;
  o.explain = true;
  o.piece_bytes = piece_bytes;
  o.release_projects = release;
  set_jobs(jobs);
  rules::check_result r = rules::run_check(o, reader);
  set_jobs(1);
  outcome out;
  const auto& sources = r.loaded.model.sources;
  out.text = rules::findings_text(r.findings, r.programs, sources, lang::en, true);
  out.json = rules::findings_json(r.findings, r.programs, sources, true);
  out.messages = render_all(r.loaded.diags, lang::en) + render_all(r.pack_diags, lang::zh);
  out.ok = r.ok();
  out.in_pieces = r.loaded.in_pieces;
  return out;
}

// Whole, then in pieces of several sizes, releasing or keeping projects, on one and two
// threads: all must agree. Returns whether the smallest pieces were taken.
bool expect_alike(const files_t& files, const std::string& what,
                  const std::vector<std::string>& packs = {}) {
  const outcome whole = check_with(files, 0, false, 1, packs);
  EXPECT_FALSE(whole.in_pieces);
  bool pieces = true;
  for (std::size_t bytes : {1u, 300u, 64u << 10}) {
    for (bool release : {false, true}) {
      for (unsigned jobs : {1u, 2u}) {
        const outcome got = check_with(files, bytes, release, jobs, packs);
        const std::string at = what + ", pieces of " + std::to_string(bytes) + " bytes" +
                               (release ? ", released" : "") + ", jobs " + std::to_string(jobs);
        EXPECT_EQ(got.text, whole.text) << at;
        EXPECT_EQ(got.json, whole.json) << at;
        EXPECT_EQ(got.messages, whole.messages) << at;
        EXPECT_EQ(got.ok, whole.ok) << at;
        if (bytes == 1) pieces = pieces && got.in_pieces;
      }
    }
  }
  return pieces;
}

// A project that breaks a few of the default audit rules, differently for each i.
std::string project(int i) {
  std::string s = "project \"项目" + std::to_string(i) + "\" {\n  funds total " +
                  std::to_string(100 + i) + ",000.00 元\n  成本指标 { 经济成本指标 { \"费用\" " +
                  (i % 3 == 0 ? ">= 5" : "<= 10") +
                  " 万元 } }\n  产出指标 { 数量指标 { \"场次\" >= " + std::to_string(i % 5) +
                  (i % 4 == 0 ? "" : " 场") + " } }\n";
  if (i % 2 == 0) s += "  效益指标 { 社会效益指标 { \"知晓率\" 进一步提升 } }\n";
  if (i % 7 != 0) s += "  满意度指标 { 服务对象满意度指标 { \"满意度\" >= 85 % } }\n";
  return s + "}\n";
}

TEST(CheckInPieces, ManyProjectsGiveTheWholeRunsFindings) {
  std::string text;
  for (int i = 0; i < 120; ++i) text += project(i);
  EXPECT_TRUE(expect_alike({{"t.kpi", text}}, "120 projects"));
  EXPECT_NE(check_with({{"t.kpi", text}}, 1, true, 2).text.find("项目119"), std::string::npos);
}

TEST(CheckInPieces, TwoPacksKeepTheirOrder) {
  // Findings come pack by pack, each over every project, however the projects were read.
  std::string text;
  for (int i = 0; i < 40; ++i) text += project(i);
  files_t files{
      {"pack-extra.kpi",
       "pack \"extra\" {\n  version \"1\"\n  kind audit\n  rule extra.unit {\n    severity "
       "warning\n    each indicator where kind == quantitative\n    require unit != \"\"\n"
       "    message \"「{name}」无单位\"\n  }\n}\n"},
      {"pack-audit.kpi", test::read_file(test::repo_path("rules/audit/target-setting.kpi"))},
      {"t.kpi", text}};
  EXPECT_TRUE(expect_alike(files, "two packs", {"pack-extra.kpi", "pack-audit.kpi"}));
  const outcome o = check_with(files, 1, true, 1, {"pack-extra.kpi", "pack-audit.kpi"});
  EXPECT_TRUE(o.ok) << o.messages;
  EXPECT_NE(o.text.find("[extra.unit]"), std::string::npos) << o.text;
  ASSERT_NE(o.text.find("[target."), std::string::npos) << o.text;
  EXPECT_LT(o.text.rfind("[extra.unit]"), o.text.find("[target."));
}

TEST(CheckInPieces, TwoFilesAndTheRepositoryExamples) {
  std::string a, b;
  for (int i = 0; i < 30; ++i) (i < 20 ? a : b) += project(i);
  EXPECT_TRUE(expect_alike({{"a.kpi", a}, {"b.kpi", b}}, "two files"));
  const std::string examples = test::read_file(test::repo_path("examples/targets.kpi"));
  expect_alike({{"targets.kpi", examples}}, "examples/targets.kpi");
}

TEST(CheckInPieces, ALateDeclarationOrAnErrorReadsTheWholeFileWithTheSameReport) {
  std::string text = project(0) + project(1) + "unit 樽 count\n" + project(2);
  EXPECT_FALSE(expect_alike({{"t.kpi", text}}, "late declaration"));
  std::string bad = project(0) +
                    "project \"坏\" {\n  产出指标 { 数量指标 { \"x\" >= 3 斤斤 } }\n}\n" +
                    project(1);
  expect_alike({{"t.kpi", bad}}, "a checker error");
  EXPECT_FALSE(check_with({{"t.kpi", bad}}, 1, true, 1).ok);
  std::string syntax = project(0) + project(1) + "project \"坏\" {\n" + project(2);
  EXPECT_FALSE(expect_alike({{"t.kpi", syntax}}, "a syntax error"));
}

TEST(CheckInPieces, APackWithErrorsStopsTheRunAlike) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += project(i);
  files_t files{{"pack.kpi",
                 "pack \"坏\" {\n  kind audit\n  rule r {\n    each indicator\n"
                 "    require nosuchfield > 1\n    message \"x\"\n  }\n}\n"},
                {"t.kpi", text}};
  expect_alike(files, "a pack with an error", {"pack.kpi"});
  const outcome o = check_with(files, 1, true, 1, {"pack.kpi"});
  EXPECT_FALSE(o.ok);
  EXPECT_EQ(o.text.find("[r]"), std::string::npos);
}

}  // namespace
}  // namespace kpi
