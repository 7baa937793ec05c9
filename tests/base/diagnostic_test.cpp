#include "engine/base/diagnostic.hpp"

#include <gtest/gtest.h>

namespace kpi {
namespace {

TEST(Diagnostic, RendersFileLineColumnLineAndCaret) {
  auto src = std::make_shared<source>("a.kpi", "project \"x\" {\n  \"费用\" <= 5 万圆\n}\n");
  diagnostics ds;
  // 万圆 starts at byte offset of its first byte
  auto off = static_cast<std::uint32_t>(src->text().find("万圆"));
  ds.error(src, {off, off + 6}, {"unknown unit '万圆'", "未知单位 '万圆'"});
  EXPECT_EQ(render_all(ds, lang::en),
            "a.kpi:2:13: error: unknown unit '万圆'\n"
            "    \"费用\" <= 5 万圆\n"
            "                ^~~~\n");
  EXPECT_EQ(render_all(ds, lang::zh),
            "a.kpi:2:13: error: 未知单位 '万圆'\n"
            "    \"费用\" <= 5 万圆\n"
            "                ^~~~\n");
}

TEST(Diagnostic, KeepsTabsSoTheCaretLinesUp) {
  auto src = std::make_shared<source>("t.kpi", "\tx\t?\n");
  diagnostics ds;
  ds.error(src, {3, 4}, {"here", "此处"});
  EXPECT_EQ(render_all(ds, lang::en), "t.kpi:1:4: error: here\n  \tx\t?\n  \t \t^\n");
}

TEST(Diagnostic, ShowsAWindowOfVeryLongLines) {
  std::string line(100000, 'a');
  line += "!";
  auto src = std::make_shared<source>("long.kpi", line);
  diagnostics ds;
  ds.error(src, {100000, 100001}, {"bang", "感叹号"});
  std::string out = render_all(ds, lang::en);
  EXPECT_LT(out.size(), 400u);
  EXPECT_NE(out.find("long.kpi:1:100001: error: bang"), std::string::npos);
}

TEST(Diagnostic, LanguageFollowsFlagThenEnvironment) {
  EXPECT_EQ(choose_lang(std::string_view("zh")), lang::zh);
  EXPECT_EQ(choose_lang(std::string_view("en")), lang::en);
}

TEST(Diagnostic, DiagnosticWithoutSource) {
  diagnostics ds;
  ds.error(nullptr, {}, {"cannot read x.kpi: No such file", "无法读取 x.kpi"});
  EXPECT_EQ(render_all(ds, lang::en), "error: cannot read x.kpi: No such file\n");
  EXPECT_TRUE(ds.has_errors());
}

}  // namespace
}  // namespace kpi
