// The 年度指标值 cell in every spelling the tables use, and the cell/row steps before it.
#include <gtest/gtest.h>

#include "engine/import/cells.hpp"
#include "engine/import/rows.hpp"
#include "engine/import/tables.hpp"
#include "engine/import/target.hpp"
#include "engine/load/load.hpp"

namespace kpi {
namespace {

const environment& stdlib_env() {
  static const load_result r = [] {
    memory_reader reader;
    return load({}, {}, reader);
  }();
  return r.env;
}

std::string read(const std::string& cell) {
  importer::target t = importer::read_target(cell, stdlib_env()).value;
  switch (t.kind) {
    case importer::target_kind::quantity:
      return t.op + " " + t.value + (t.unit.empty() ? "" : " " + t.unit) + " [" + t.dimension + "]";
    case importer::target_kind::date:
      return t.op + " " + t.value + " [date]";
    case importer::target_kind::term:
      return t.text + " [term]";
    case importer::target_kind::text:
      return "\"" + t.text + "\"";
  }
  return "?";
}

TEST(ImportTarget, OperatorsNumbersAndUnits) {
  EXPECT_EQ(read("≤57.00(万元)"), "<= 57.00 万元 [currency]");
  EXPECT_EQ(read("=365(天)"), "= 365 天 [duration]");
  EXPECT_EQ(read(">130.00(人)"), "> 130.00 人 [count]");
  EXPECT_EQ(read("$\\geq 95.00\\%$"), ">= 95.00 % [ratio]");
  EXPECT_EQ(read("$= 100.00\\%$"), "= 100.00 % [ratio]");
  EXPECT_EQ(read("$\\leq 3\\%$"), "<= 3 % [ratio]");
  EXPECT_EQ(read("≥1000.00(万人次)"), ">= 1000.00 万人次 [count]");
  EXPECT_EQ(read("≥2.00(个国家)"), ">= 2.00 个国家 [count]");
  EXPECT_EQ(read("≥90(%)"), ">= 90 % [ratio]");
  EXPECT_EQ(read("≥ 90 %"), ">= 90 % [ratio]");
  EXPECT_EQ(read("＞5（次）"), "> 5 次 [count]");
  EXPECT_EQ(read("≧1,017,000.00(元)"), ">= 1,017,000.00 元 [currency]");
  EXPECT_EQ(read("<5(次)"), "< 5 次 [count]");
  EXPECT_EQ(read("≤2024-06-30"), "<= 2024-06-30 [date]");
}

TEST(ImportTarget, QualitativeTermsAndFreeText) {
  EXPECT_EQ(read("进一步提升"), "进一步提升 [term]");
  EXPECT_EQ(read("提升"), "提升 [term]");
  EXPECT_EQ(read("及时"), "及时 [term]");
  EXPECT_EQ(read("每个工作日一期"), "\"每个工作日一期\"");
  EXPECT_EQ(read("及时、安全、顺畅。"), "\"及时、安全、顺畅。\"");
  EXPECT_EQ(read("工作日1小时内"), "\"工作日1小时内\"");
}

TEST(ImportTarget, GuessesCarryAReason) {
  auto r = importer::read_target("≥5(平方丈)", stdlib_env());
  EXPECT_EQ(r.guess, importer::note_kind::unknown_unit);
  EXPECT_EQ(r.value.kind, importer::target_kind::text);
  EXPECT_EQ(importer::read_target("100%", stdlib_env()).guess, importer::note_kind::no_operator);
  EXPECT_EQ(importer::read_target("≥95%以上", stdlib_env()).guess, importer::note_kind::text_kept);
  EXPECT_FALSE(importer::read_target("≤57.00(万元)", stdlib_env()).guess.has_value());
}

TEST(ImportCells, TabsBlanksAndLabels) {
  auto lines = importer::split_cells("a\t\tb \t\n\r\n记者满意度\t\t\t≥90.00(%)\t");
  ASSERT_EQ(lines.size(), 3u);
  ASSERT_EQ(lines[0].cells.size(), 2u);
  EXPECT_EQ(lines[0].cells[1].text, "b");
  EXPECT_EQ(lines[0].cells[1].column, 2);
  EXPECT_TRUE(lines[1].blank());
  EXPECT_EQ(lines[2].line, 3u);
  EXPECT_EQ(lines[2].cells[0].column, 0);
  EXPECT_EQ(importer::normalize_label("服务对象满意度 指标"), "服务对象满意度指标");
  EXPECT_EQ(importer::normalize_label("项目资金 （元）"), "项目资金(元)");
  EXPECT_EQ(importer::normalize_label("其中：当年财政拨款"), "当年财政拨款");
}

TEST(ImportRows, KindsOfRow) {
  auto row = [](const std::string& text) {
    return importer::classify(importer::split_cells(text)[0]);
  };
  EXPECT_EQ(row("财政项目支出绩效目标申报表").kind, importer::row_kind::title);
  EXPECT_EQ(row("(2024年度)").kind, importer::row_kind::title);
  auto f = row("\t其他资金\t\t其他资金\t0.00\t");
  ASSERT_EQ(f.kind, importer::row_kind::fields);
  ASSERT_EQ(f.fields.size(), 2u);
  EXPECT_FALSE(f.fields[0].value.has_value());
  EXPECT_EQ(f.fields[1].value, "0.00");
  EXPECT_EQ(row("\t一级指标\t二级指标\t三级指标\t年度(/项目)指标值\t").kind,
            importer::row_kind::column_heads);
  auto b = row("绩效 指标\t成本指标\t经济成本指标\t硬件运维费用\t≤2.00(万元)");
  ASSERT_EQ(b.kind, importer::row_kind::body);
  EXPECT_EQ(b.labels, (std::vector<std::string>{"成本指标", "经济成本指标"}));
  EXPECT_EQ(b.rest, (std::vector<std::string>{"硬件运维费用", "≤2.00(万元)"}));
}

TEST(ImportRows, GoalWithoutHtml) {
  EXPECT_EQ(importer::clean_goal("<p>第一段；</p> <p>第二段&amp;附注。</p>"),
            "第一段；第二段&附注。");
  EXPECT_EQ(importer::clean_goal("没有标签。"), "没有标签。");
}

}  // namespace
}  // namespace kpi
