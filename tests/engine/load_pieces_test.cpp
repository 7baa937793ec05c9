// Reading files piece by piece (load_options::piece_bytes) gives exactly what reading them whole
// gives: the same model, the same messages in the same order, the same declarations, packs and
// comments kept — and falls back to the whole file when the text's order asks for it.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/load/parallel.hpp"
#include "engine/model/dump.hpp"
#include "tests/support/helpers.hpp"

namespace kpi {
namespace {

using files_t = std::vector<std::pair<std::string, std::string>>;

struct outcome {
  std::string dump;
  std::string en;
  std::string zh;
  std::vector<std::size_t> kinds;  // the kept items of every file, by kind
  std::size_t comments = 0;
  bool in_pieces = false;
};

outcome load_with(const files_t& files, std::size_t piece_bytes, unsigned jobs) {
  set_jobs(jobs);
  load_options options;
  options.piece_bytes = piece_bytes;
  load_result r = test::load_texts(files, options);
  set_jobs(1);
  outcome o;
  o.dump = dump_json(r.model);
  o.en = render_all(r.diags, lang::en);
  o.zh = render_all(r.diags, lang::zh);
  for (const auto& f : r.files) {
    for (const auto& item : f.items) o.kinds.push_back(item.index());
    o.kinds.push_back(99);
    o.comments += f.comments.size();
  }
  o.in_pieces = r.in_pieces;
  return o;
}

// Loads `files` whole and in pieces of several sizes on one and two threads; all must agree.
// Returns whether the smallest pieces were taken (not fallen back from).
bool expect_alike(const files_t& files, const std::string& what) {
  const outcome whole = load_with(files, 0, 1);
  EXPECT_FALSE(whole.in_pieces);
  bool pieces = true;
  for (std::size_t bytes : {1u, 100u, 4096u, 256u << 10}) {
    for (unsigned jobs : {1u, 2u}) {
      const outcome got = load_with(files, bytes, jobs);
      const std::string at =
          what + ", pieces of " + std::to_string(bytes) + " bytes, jobs " + std::to_string(jobs);
      EXPECT_EQ(got.dump, whole.dump) << at;
      EXPECT_EQ(got.en, whole.en) << at;
      EXPECT_EQ(got.zh, whole.zh) << at;
      EXPECT_EQ(got.kinds, whole.kinds) << at;
      EXPECT_EQ(got.comments, whole.comments) << at;
      if (bytes == 1) pieces = pieces && got.in_pieces;
    }
  }
  return pieces;
}

std::string project(int i, const std::string& name) {
  return "project \"" + name + "\" {  # 第 " + std::to_string(i) +
         " 个\n  funds total 1,000.00 元\n  成本指标 { 经济成本指标 { \"费用\" <= 10 万元 } }\n"
         "  产出指标 { 数量指标 { \"场次\" >= " +
         std::to_string(20 + i % 7) + " 场 } }\n}\n";
}

TEST(LoadInPieces, EveryKpiFileOfTheRepositoryReadsAlikeWholeAndInPieces) {
  namespace fs = std::filesystem;
  int files = 0;
  for (const char* dir : {"examples", "tests", "rules", "stdlib"}) {
    for (const auto& e : fs::recursive_directory_iterator(test::repo_path(dir))) {
      if (!e.is_regular_file() || e.path().extension() != ".kpi") continue;
      expect_alike({{e.path().filename().string(), test::read_file(e.path().string())}},
                   e.path().string());
      ++files;
    }
  }
  EXPECT_GT(files, 30);
}

TEST(LoadInPieces, ManyProjectsAreReadInPiecesWithTheSameModel) {
  std::string text = "# 批量项目\nunit 樽 count\n";
  for (int i = 0; i < 300; ++i) text += project(i, "项目" + std::to_string(i));
  text += "actuals \"项目7\" {\n  \"场次\" = 30 场\n}\n";
  EXPECT_TRUE(expect_alike({{"t.kpi", text}}, "300 projects"));
  const outcome o = load_with({{"t.kpi", text}}, 1, 2);
  EXPECT_EQ(o.en, "");
  EXPECT_NE(o.dump.find("\"项目299\""), std::string::npos);
}

TEST(LoadInPieces, AProjectDeclaredTwiceIsFoundAcrossPiecesAndFiles) {
  std::string a = project(0, "甲") + project(1, "乙") + project(2, "丙");
  std::string b = project(3, "丁") + project(4, "甲");
  EXPECT_TRUE(expect_alike({{"a.kpi", a}, {"b.kpi", b}}, "twice"));
  const outcome o = load_with({{"a.kpi", a}, {"b.kpi", b}}, 1, 1);
  EXPECT_NE(o.en.find("b.kpi:6:9: error: project '甲' is declared twice"), std::string::npos)
      << o.en;
  EXPECT_NE(o.en.find("a.kpi:1:9: note: first declared here"), std::string::npos) << o.en;
}

TEST(LoadInPieces, ADeclarationAfterAProjectAppliesToItSoTheFileIsReadWhole) {
  // 樽 is declared below the project that uses it: declarations anywhere apply everywhere.
  std::string text = project(0, "甲") +
                     "project \"乙\" {\n  产出指标 { 数量指标 { \"设备\" >= 3 樽 } }\n}\n" +
                     "unit 樽 count\n" + project(2, "丙");
  EXPECT_FALSE(expect_alike({{"t.kpi", text}}, "late declaration"));
  EXPECT_EQ(load_with({{"t.kpi", text}}, 1, 1).en, "");
  // Across files too: a later file's declaration applies to an earlier file's projects.
  EXPECT_FALSE(
      expect_alike({{"a.kpi", text.substr(0, text.find("unit"))}, {"u.kpi", "unit 樽 count\n"}},
                   "declaration in a later file"));
}

TEST(LoadInPieces, ASyntaxErrorInALaterPieceGivesTheWholeFilesOneMessage) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += project(i, "项目" + std::to_string(i));
  text += "project \"坏\" {\n  成本指标 { 经济成本指标 { \"费用\" <= } }\n}\n";
  for (int i = 50; i < 60; ++i) text += project(i, "项目" + std::to_string(i));
  EXPECT_FALSE(expect_alike({{"t.kpi", text}}, "syntax error"));
  const outcome o = load_with({{"t.kpi", text}}, 1, 2);
  EXPECT_NE(o.en.find("t.kpi:252:27: error: expected a number"), std::string::npos) << o.en;
  EXPECT_EQ(o.en.find("项目59"), std::string::npos) << o.en;
}

TEST(LoadInPieces, APackAfterProjectsKeepsThemInPieces) {
  // Packs are not declarations: nothing in a project depends on them.
  std::string text = project(0, "甲") + project(1, "乙") +
                     test::read_file(test::repo_path("rules/audit/target-setting.kpi"));
  EXPECT_TRUE(expect_alike({{"t.kpi", text}}, "pack after projects"));
}

}  // namespace
}  // namespace kpi
