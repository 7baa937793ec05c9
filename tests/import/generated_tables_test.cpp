// Tables generated in the layout of the seed (tests/data/import/seed.txt), with its artefacts
// put at other places, must import with every row placed right. The generator is seeded and
// deterministic; each project checks its placements, targets, budget and report.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "engine/base/decimal.hpp"
#include "engine/import/import.hpp"
#include "engine/load/load.hpp"

namespace kpi {
namespace {

struct expected_row {
  std::string name;
  std::string cell;  // as printed in the table
  bool quantity = false;
  std::string op, value, unit;  // quantity
  std::string text;             // term or free text
};

struct expected_block {
  std::string level1, level2;
  std::vector<expected_row> rows;
};

struct expected_project {
  std::string name;
  std::string total;
  std::string goal;
  std::vector<expected_block> blocks;
  std::map<std::string, int> notes;  // kind → count
};

class generator {
 public:
  explicit generator(std::uint64_t seed) : rng_(seed) {}

  // One table in the seed's layout; `e` receives what the importer must find.
  std::string project(int number, expected_project& e) {
    names_.clear();
    e.name = fmt::format("{}{}", pick(project_words), number);
    make_blocks(e);
    e.total = budget(e);
    std::vector<std::string> lines;
    header(lines, e);
    body(lines, e);
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
  }

 private:
  std::mt19937_64 rng_;
  std::set<std::string> names_;

  static constexpr const char* project_words[] = {"对外交流", "新闻宣传管理", "信息化运维项目",
                                                  "对外推广", "城市形象宣传"};
  static constexpr const char* subjects[] = {
      "城市推广", "新闻发布", "外宣品",   "业务培训", "专题调研", "网站运维",
      "公务用车", "档案管理", "信息报送", "专题活动", "志愿服务", "课题研究",
      "展览展示", "国际交流", "媒体合作", "政务公开", "应急处置", "舆情监测",
      "文化交流", "出版发行", "视频制作", "平台建设", "数据治理", "设备维护",
      "会议组织", "宣传推介", "品牌活动", "资料编印", "专家咨询", "系统升级"};

  std::uint64_t pick(std::uint64_t n) { return rng_() % n; }
  template <typename T, std::size_t N>
  const T& pick(const T (&a)[N]) {
    return a[pick(N)];
  }
  bool chance(int percent) { return static_cast<int>(pick(100)) < percent; }

  std::string unique_name(const std::vector<const char*>& metrics) {
    for (int tries = 0;; ++tries) {
      std::string n = std::string(pick(subjects)) + metrics[pick(metrics.size())];
      if (tries > 50) n += fmt::format("（{}）", tries);
      if (names_.insert(n).second) return n;
    }
  }

  std::string label(const std::string& l) {
    // Extraction splits some labels by a space: `服务对象满意度 指标`.
    if (chance(15) && l.size() > 6) return l.substr(0, l.size() - 6) + " 指标";
    return l;
  }

  expected_row quantity(std::string name, const std::string& op, const std::string& value,
                        const std::string& unit) {
    static const std::map<std::string, std::string> symbols = {
        {">=", "≥"}, {"<=", "≤"}, {"=", "="}, {">", ">"}, {"<", "<"}};
    std::string cell;
    if (unit == "%" && op == ">=" && chance(25))
      cell = fmt::format("$\\geq {}\\%$", value);
    else if (unit == "%" && chance(20))
      cell = fmt::format("{}{}%", symbols.at(op), value);
    else if (chance(10))
      cell = fmt::format("{}{}（{}）", symbols.at(op), value, unit);
    else
      cell = fmt::format("{}{}({})", symbols.at(op), value, unit);
    return {std::move(name), cell, true, op, value, unit, ""};
  }

  expected_row words(std::string name, const std::string& text) {
    return {std::move(name), text, false, "", "", "", text};
  }

  std::string number(int max, bool cents) {
    std::uint64_t whole = 1 + pick(static_cast<std::uint64_t>(max));
    return cents ? fmt::format("{}.{:02}", whole, pick(100)) : fmt::format("{}", whole);
  }

  expected_row make_row(const std::string& l1, const std::string& l2) {
    if (l1 == "成本指标") {
      std::string n = unique_name({"费用", "经费", "运行维护费", "制作费", "服务费"});
      return chance(85) ? quantity(n, "<=", number(300, true), "万元")
                        : quantity(n, "<=", number(90000, true), "元");
    }
    if (l2 == "数量指标") {
      static constexpr const char* units[] = {"次", "场", "篇",   "条",     "个", "期",
                                              "件", "本", "人次", "万人次", "人"};
      std::string n = unique_name({"场次", "数量", "次数", "发布量", "覆盖人数"});
      const char* op = chance(80) ? ">=" : (chance(50) ? ">" : "=");
      return quantity(n, op, number(5000, chance(60)), pick(units));
    }
    if (l2 == "质量指标") {
      std::string n = unique_name({"合格率", "完成率", "达标率", "准确率", "工作质量"});
      switch (pick(5)) {
        case 0:
          return words(n, chance(50) ? "提升" : "进一步提升");
        case 1:
          return words(n, "符合相关标准要求");
        case 2:
          return quantity(n, "=", chance(50) ? "100" : "100.00", "%");
        default:
          return quantity(n, ">=", number(99, true), "%");
      }
    }
    if (l2 == "时效指标") {
      std::string n = unique_name({"及时率", "完成时限", "办结时限", "响应时间", "按期完成率"});
      switch (pick(5)) {
        case 0:
          return words(n, "及时");
        case 1:
          return words(n, "每个工作日一期");
        case 2:
          return quantity(n, "=", "365", "天");
        case 3:
          return quantity(n, "<=", number(48, false), "小时");
        default:
          return quantity(n, ">=", number(99, true), "%");
      }
    }
    if (l1 == "效益指标") {
      std::string n = unique_name({"影响力", "覆盖面", "受益人群", "知晓率", "社会关注度"});
      switch (pick(4)) {
        case 0:
          return words(n, "进一步提升");
        case 1:
          return quantity(n, ">=", number(99, true), "%");
        case 2:
          return quantity(n, ">=", number(20000, false), "人");
        default:
          return quantity(n, ">=", number(2000, true), "万人次");
      }
    }
    std::string n = unique_name({"满意度", "服务满意度", "参与者满意度"});
    return quantity(n, ">=", number(99, chance(50)), "%");
  }

  void make_blocks(expected_project& e) {
    auto add = [&](const std::string& l1, const std::string& l2) {
      expected_block b{l1, l2, {}};
      std::uint64_t n = 1 + pick(5);
      for (std::uint64_t i = 0; i < n; ++i) b.rows.push_back(make_row(l1, l2));
      e.blocks.push_back(std::move(b));
    };
    add("成本指标", "经济成本指标");
    if (chance(20)) add("成本指标", "社会成本指标");
    add("产出指标", "数量指标");
    if (chance(80)) add("产出指标", "质量指标");
    if (chance(70)) add("产出指标", "时效指标");
    static constexpr const char* benefits[] = {"经济效益指标", "社会效益指标", "生态效益指标",
                                               "可持续影响指标"};
    std::uint64_t first = pick(4);
    add("效益指标", benefits[first]);
    if (chance(30)) add("效益指标", benefits[(first + 1 + pick(3)) % 4]);
    add("满意度指标", chance(80) ? "服务对象满意度指标" : "社会公众或服务对象满意度指标");
  }

  static std::string budget(const expected_project& e) {
    decimal sum;
    for (const auto& b : e.blocks)
      for (const auto& r : b.rows)
        if (b.level1 == "成本指标")
          sum = *sum.add(
              *decimal::parse(r.value)->mul(decimal::from_int(r.unit == "万元" ? 10000 : 1)));
    return sum.with_min_scale(2)->round(2).to_grouped_string();
  }

  void header(std::vector<std::string>& lines, expected_project& e) {
    std::string t = chance(50) ? "\t" : "";
    lines.insert(lines.end(), {"", "财政项目支出绩效目标申报表", "", "(2024年度)", ""});
    lines.push_back(fmt::format(
        "项目名称\t{}\t项目性质\t经常性专项业务费\t项目类别\t特定目标类\t{}", e.name, t));
    lines.push_back(fmt::format(
        "主管部门\t中国共产党上海市委员会宣传部\t{}实施单位\t中共上海市委对外宣传办公室\t\t", t));
    lines.push_back(fmt::format("计划开始日期\t2024-01-01\t{}计划完成日期\t2024-12-31\t\t", t));
    lines.push_back(
        fmt::format("项目资金 (元)\t项目资金总额\t\t{}年度资金申请总额\t{}{}\t", t, t, e.total));
    lines.push_back(fmt::format("\t其中：财政资金\t\t{}其中：当年财政拨款\t{}{}\t", t, t, e.total));
    lines.push_back("\t\t\t上年结转资金\t0.00\t");
    lines.push_back("\t其他资金\t\t其他资金\t0.00\t");
    lines.push_back("项目 绩效 目标\t项目总目标\t\t年度总体目标\t\t");
    if (chance(50)) {
      e.goal = "加强对外宣传；提升城市形象。";
      lines.push_back("\t\t\t<p>加强对外宣传；</p> <p>提升城市形象。</p>\t\t");
    } else {
      e.goal = "做好年度工作。";
      lines.push_back("\t\t\t做好年度工作。\t\t");
    }
    lines.push_back(fmt::format("{}一级指标\t二级指标\t三级指标\t年度(/项目)指标值\t", t));
  }

  // The artefacts of the seed, each at a place where the table's own evidence decides it.
  void body(std::vector<std::string>& lines, expected_project& e) {
    const std::size_t nb = e.blocks.size();
    std::size_t satisfaction = nb - 1;
    std::size_t first_benefit = 0;
    while (e.blocks[first_benefit].level1 != "效益指标") ++first_benefit;
    std::size_t first_output = 0;
    while (e.blocks[first_output].level1 != "产出指标") ++first_output;

    // Rows before any label: block 0 starts on a page whose label is printed on the next page.
    std::size_t before_label =
        e.blocks[0].rows.size() >= 2 && chance(15) ? 1 + pick(e.blocks[0].rows.size() - 1) : 0;
    // Rows above the label of their block (after a page break), at the end of the block before.
    std::size_t split_block = 0, split_rows = 0;
    if (chance(40)) {
      std::size_t y = chance(50) ? first_output : satisfaction;
      if (e.blocks[y].rows.size() >= 2) {
        split_block = y;
        split_rows = 1 + pick(e.blocks[y].rows.size() - 1);
      }
    }
    // 一级 labels of 效益/满意度 shifted by a row, with a stray label and the last block printed
    // twice.
    bool shifted = chance(25);

    e.notes["no_label_above"] = static_cast<int>(before_label);
    e.notes["moved"] = static_cast<int>(split_rows);
    if (shifted) {
      e.notes["stray_label"] = 1;
      e.notes["shifted_label"] = 2;
      e.notes["repeated"] = static_cast<int>(e.blocks[satisfaction].rows.size());
    }

    bool page_start = true;
    auto emit = [&](std::vector<std::string> labels, const expected_row& r, bool allow_irregular) {
      std::string caption = page_start ? (chance(50) ? "绩效 指标" : "指标") : "";
      page_start = false;
      std::vector<std::string> cells = {caption};
      while (labels.size() < 2) labels.insert(labels.begin(), "");
      cells.insert(cells.end(), labels.begin(), labels.end());
      if (allow_irregular && labels[1].empty() && caption.empty() && chance(5)) {
        cells = {r.name, "", "", r.cell};  // a name starting the line
      } else {
        if (allow_irregular && caption.empty() && labels[0].empty() && labels[1].empty() &&
            chance(20))
          cells.erase(cells.begin());
        if (chance(15)) cells.emplace_back("");
        cells.push_back(r.name);
        if (chance(20)) cells.emplace_back("");
        cells.push_back(r.cell);
      }
      std::string line;
      for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "\t" : "") + cells[i];
      lines.push_back(line + (chance(50) ? "\t" : ""));
    };
    auto page_break = [&] {
      lines.emplace_back("");
      page_start = true;
    };

    for (std::size_t b = 0; b < nb; ++b) {
      const expected_block& blk = e.blocks[b];
      bool first_of_level1 = b == 0 || e.blocks[b - 1].level1 != blk.level1;
      std::vector<std::string> labels;
      if (first_of_level1) labels.push_back(label(blk.level1));
      labels.push_back(label(blk.level2));
      if (shifted && b == first_benefit) labels = {"时效指标", label(blk.level2)};
      if (shifted && b == satisfaction) labels = {"效益指标", label(blk.level2)};
      std::size_t skip = b == 0 ? before_label : (b == split_block ? split_rows : 0);
      if (b == 0 && before_label > 0) page_start = true;
      for (std::size_t i = 0; i < skip; ++i) emit({}, blk.rows[i], true);
      if (skip > 0) page_break();
      for (std::size_t i = skip; i < blk.rows.size(); ++i) {
        if (i == skip) {
          emit(labels, blk.rows[i], false);
          continue;
        }
        if (chance(8) && !(shifted && b == satisfaction)) {
          page_break();
          emit(
              chance(50) ? std::vector<std::string>{label(blk.level2)} : std::vector<std::string>{},
              blk.rows[i], true);
          continue;
        }
        emit({}, blk.rows[i], true);
      }
    }
    if (shifted) {
      const expected_block& blk = e.blocks[satisfaction];
      for (std::size_t i = 0; i < blk.rows.size(); ++i) {
        if (i == 0)
          emit({"满意度指标", label(blk.level2)}, blk.rows[i], false);
        else
          emit({}, blk.rows[i], true);
      }
    }
  }
};

struct imported {
  importer::import_result result;
  load_result loaded;
};

imported import_text(const std::string& text) {
  memory_reader reader;
  reader.files["gen.txt"] = text;
  imported out;
  out.result = importer::import_tables({"gen.txt"}, {}, reader);
  memory_reader kpi_reader;
  kpi_reader.files["gen.kpi"] = out.result.kpi;
  out.loaded = load({"gen.kpi"}, load_options{}, kpi_reader);
  return out;
}

void check_project(const expected_project& e, const model::project& p,
                   const std::vector<importer::note>& notes) {
  SCOPED_TRACE(e.name);
  EXPECT_EQ(p.name, e.name);
  ASSERT_TRUE(p.money.total.has_value());
  EXPECT_EQ(p.money.total->to_grouped_string(), e.total);
  EXPECT_EQ(p.goal, e.goal);
  std::vector<const expected_row*> rows;
  std::vector<const expected_block*> where;
  for (const auto& b : e.blocks)
    for (const auto& r : b.rows) {
      rows.push_back(&r);
      where.push_back(&b);
    }
  ASSERT_EQ(p.indicators.size(), rows.size());
  decimal cost;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const model::indicator& ind = p.indicators[i];
    const expected_row& r = *rows[i];
    SCOPED_TRACE(r.name);
    EXPECT_EQ(ind.level1, where[i]->level1);
    EXPECT_EQ(ind.level2, where[i]->level2);
    EXPECT_EQ(ind.name, r.name);
    if (r.quantity) {
      ASSERT_TRUE(ind.target.has_value());
      EXPECT_EQ(model::op_text(ind.o), r.op);
      EXPECT_EQ(ind.target->value.to_string(), r.value);
      EXPECT_EQ(ind.target->unit, r.unit);
    } else {
      EXPECT_EQ(ind.text, r.text);
    }
    if (ind.level1 == "成本指标") cost = *cost.add(ind.target->base_value);
  }
  EXPECT_EQ(cost, *p.money.total);
  std::map<std::string, int> kinds;
  for (const auto& n : notes)
    if (n.project == e.name) ++kinds[std::string(importer::note_kind_name(n.kind))];
  for (auto it = kinds.begin(); it != kinds.end();)
    it = it->second == 0 ? kinds.erase(it) : std::next(it);
  std::map<std::string, int> want = e.notes;
  for (auto it = want.begin(); it != want.end();)
    it = it->second == 0 ? want.erase(it) : std::next(it);
  EXPECT_EQ(kinds, want);
}

TEST(ImportGenerated, ThousandsOfProjectsArePlacedRight) {
  generator gen(20240101);
  int number = 0;
  std::map<std::string, int> artefacts;
  for (int file = 0; file < 600; ++file) {
    std::vector<expected_project> expected(5);
    std::string text = "中共上海市委某部门2024年度项目绩效目标汇总表\n";
    for (auto& e : expected) text += gen.project(++number, e);
    imported got = import_text(text);
    if (file == 0 && std::getenv("KPI_IMPORT_DUMP") != nullptr) std::fputs(text.c_str(), stdout);
    for (const auto& n : got.result.notes)
      ++artefacts[std::string(importer::note_kind_name(n.kind))];
    ASSERT_TRUE(got.loaded.ok()) << render_all(got.loaded.diags, lang::en) << got.result.kpi;
    ASSERT_EQ(got.result.unplaced_count(), 0u);
    ASSERT_EQ(got.loaded.model.projects.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
      check_project(expected[i], got.loaded.model.projects[i], got.result.notes);
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "first failing file:\n" << text;
      return;
    }
  }
  EXPECT_EQ(number, 3000);
  // Every artefact of the seed occurs, many times over.
  for (const char* kind : {"moved", "no_label_above", "stray_label", "shifted_label", "repeated"})
    EXPECT_GE(artefacts[kind], 100) << kind;
  EXPECT_EQ(artefacts.size(), 5u);
}

TEST(ImportGenerated, GeneratorIsDeterministic) {
  generator a(7), b(7);
  expected_project ea, eb;
  EXPECT_EQ(a.project(1, ea), b.project(1, eb));
}

}  // namespace
}  // namespace kpi
