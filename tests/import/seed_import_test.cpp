// The seed table (tests/data/import/seed.txt, a real 2024 table of five projects) imports to
// exactly the 80 indicators it holds, each in its 一级/二级 with its exact target, and the
// output is a target file that loads and that `kpi fmt` leaves unchanged.
#include <map>

#include <gtest/gtest.h>

#include "engine/format/format.hpp"
#include "engine/import/import.hpp"
#include "engine/import/report.hpp"
#include "grammar/parse.hpp"
#include "tests/support/helpers.hpp"

namespace kpi {
namespace {

struct seed_import {
  importer::import_result result;
  load_result loaded;
};

const seed_import& seed() {
  static const seed_import s = [] {
    seed_import out;
    memory_reader reader;
    reader.files["seed.txt"] = test::read_file(test::repo_path("tests/data/import/seed.txt"));
    out.result = importer::import_tables({"seed.txt"}, {}, reader);
    memory_reader kpi_reader;
    kpi_reader.files["seed.kpi"] = out.result.kpi;
    out.loaded = load({"seed.kpi"}, load_options{}, kpi_reader);
    return out;
  }();
  return s;
}

const model::project& project(const std::string& name) {
  for (const auto& p : seed().loaded.model.projects)
    if (p.name == name) return p;
  static const model::project none;
  ADD_FAILURE() << "no project " << name;
  return none;
}

const model::indicator& indicator(const std::string& proj, const std::string& name) {
  for (const auto& i : project(proj).indicators)
    if (i.name == name) return i;
  static const model::indicator none;
  ADD_FAILURE() << "no indicator " << name << " in " << proj;
  return none;
}

TEST(ImportSeed, LoadsWithoutDiagnostics) {
  EXPECT_TRUE(seed().result.diags.empty());
  EXPECT_TRUE(seed().loaded.diags.empty()) << render_all(seed().loaded.diags, lang::en);
  EXPECT_EQ(seed().result.unplaced_count(), 0u);
}

TEST(ImportSeed, FiveProjectsEightyIndicators) {
  const auto& projects = seed().loaded.model.projects;
  ASSERT_EQ(projects.size(), 5u);
  std::vector<std::pair<std::string, std::size_t>> counts;
  std::size_t total = 0;
  for (const auto& p : projects) {
    counts.emplace_back(p.name, p.indicators.size());
    total += p.indicators.size();
  }
  EXPECT_EQ(counts, (std::vector<std::pair<std::string, std::size_t>>{{"对外交流", 22},
                                                                      {"新闻宣传管理", 23},
                                                                      {"信息化运维项目", 12},
                                                                      {"对外推广", 16},
                                                                      {"机关服务费", 7}}));
  EXPECT_EQ(total, 80u);
  EXPECT_EQ(seed().result.indicator_count(), 80u);
}

TEST(ImportSeed, BudgetsAreExactAndCostsAddUpToThem) {
  const std::map<std::string, std::string> budgets = {{"对外交流", "1,017,000.00"},
                                                      {"新闻宣传管理", "2,171,500.00"},
                                                      {"信息化运维项目", "236,500.00"},
                                                      {"对外推广", "4,518,000.00"},
                                                      {"机关服务费", "530,000.00"}};
  for (const auto& [name, budget] : budgets) {
    SCOPED_TRACE(name);
    const model::project& p = project(name);
    ASSERT_TRUE(p.money.total && p.money.fiscal && p.money.carryover && p.money.other);
    EXPECT_EQ(p.money.total->to_grouped_string(), budget);
    EXPECT_EQ(p.money.fiscal->to_grouped_string(), budget);
    EXPECT_EQ(p.money.carryover->to_string(), "0.00");
    EXPECT_EQ(p.money.other->to_string(), "0.00");
    decimal cost;
    for (const auto& i : p.indicators)
      if (i.level1 == "成本指标") cost = *cost.add(i.target->base_value);
    EXPECT_EQ(cost, *p.money.total) << cost.to_string();
    EXPECT_NE(seed().result.kpi.find("funds total " + budget + " 元 fiscal " + budget +
                                     " 元 carryover 0.00 元"),
              std::string::npos);
  }
}

TEST(ImportSeed, HeaderFields) {
  const model::project& p = project("对外交流");
  EXPECT_EQ(p.department, "中国共产党上海市委员会宣传部");
  EXPECT_EQ(p.unit, "中共上海市委对外宣传办公室");
  EXPECT_EQ(p.nature, "经常性专项业务费");
  EXPECT_EQ(p.category, "特定目标类");
  ASSERT_TRUE(p.period_from && p.period_to);
  EXPECT_EQ(p.period_from->to_string(), "2024-01-01");
  EXPECT_EQ(p.period_to->to_string(), "2024-12-31");
  EXPECT_TRUE(p.goal.starts_with("通过“感知上海”网上新闻中心、Newsletter"));
  const std::string& html = project("新闻宣传管理").goal;
  EXPECT_EQ(html.find('<'), std::string::npos);
  EXPECT_NE(html.find("舆论引导；推动全市积极落实"), std::string::npos)
      << html;  // paragraphs joined
  EXPECT_TRUE(html.ends_with("新闻办官网中英文内容更新及时准确。"));
}

struct placed {
  const char* project;
  const char* name;
  const char* level1;
  const char* level2;
};

TEST(ImportSeed, RowsPrintedAwayFromTheirLabelsArePlacedRight) {
  const placed cases[] = {
      {"对外交流", "外宣选题策划费用", "成本指标", "经济成本指标"},
      {"对外交流", "外宣网站每月发稿量", "产出指标", "数量指标"},
      {"对外交流", "外宣网站每月用户访问量", "产出指标", "数量指标"},
      {"对外交流", "外宣媒体海外社交平台推送稿件数量", "产出指标", "数量指标"},
      {"对外交流",
       "记者对于中外新闻界联谊会、媒体学术沙龙、跨国企业对外传播沙龙、中外媒体集体采访等活动满意度",
       "满意度指标", "服务对象满意度指标"},
      {"新闻宣传管理", "新闻办官网中英文内容维护费用", "成本指标", "经济成本指标"},
      {"新闻宣传管理", "外媒舆情监测频次", "产出指标", "时效指标"},
      {"新闻宣传管理", "内外网设备故障保修相应速度", "产出指标", "时效指标"},
      {"信息化运维项目", "新闻发布稿件3小时内上线", "产出指标", "时效指标"},
      {"信息化运维项目", "新闻发布会等重要工作通知短信及时推送", "产出指标", "时效指标"},
      {"对外推广", "上海市“银鸽奖”评选", "产出指标", "质量指标"},
      {"对外推广", "上海市“银鸽奖”对涉外机构单位覆盖面", "效益指标", "社会效益指标"},
      {"对外推广", "外宣品到达核心人群", "效益指标", "社会效益指标"},
      {"对外推广", "全市外宣品使用单位满意度", "满意度指标", "服务对象满意度指标"},
      {"对外推广", "上海市“银鸽奖”参评单位认可度", "满意度指标", "服务对象满意度指标"},
      {"机关服务费", "机关服务满意度", "满意度指标", "服务对象满意度指标"},
  };
  for (const placed& c : cases) {
    const model::indicator& i = indicator(c.project, c.name);
    EXPECT_EQ(i.level1, c.level1) << c.name;
    EXPECT_EQ(i.level2, c.level2) << c.name;
  }
  std::map<std::string, int> groups;
  for (const auto& i : project("对外推广").indicators) ++groups[i.level1 + "/" + i.level2];
  EXPECT_EQ(groups, (std::map<std::string, int>{{"成本指标/经济成本指标", 3},
                                                {"产出指标/数量指标", 5},
                                                {"产出指标/质量指标", 3},
                                                {"效益指标/社会效益指标", 3},
                                                {"满意度指标/服务对象满意度指标", 2}}));
}

TEST(ImportSeed, TargetsAreExact) {
  struct expect_target {
    const char* project;
    const char* name;
    const char* op;
    const char* value;
    const char* unit;
  };
  const expect_target quantities[] = {
      {"对外交流", "外宣选题策划费用", "<=", "57.00", "万元"},
      {"对外交流", "“感知上海”网上新闻中心运营费用", "<=", "9.70", "万元"},
      {"机关服务费", "安全行车天数", "=", "365", "天"},
      {"新闻宣传管理", "培训人员数量", ">", "130.00", "人"},
      {"信息化运维项目", "新闻发布会等重要工作通知短信及时推送", ">=", "95.00", "%"},
      {"信息化运维项目", "民生政策信息发布及权威解读率", "=", "100.00", "%"},
      {"对外推广", "国际文化交流或推广项目覆盖人群", ">=", "1000.00", "万人次"},
      {"对外推广", "完成国际文化交流或推广项目海外落地", ">=", "2.00", "个国家"},
  };
  for (const auto& q : quantities) {
    const model::indicator& i = indicator(q.project, q.name);
    ASSERT_TRUE(i.target.has_value()) << q.name;
    EXPECT_EQ(model::op_text(i.o), q.op) << q.name;
    EXPECT_EQ(i.target->value.to_string(), q.value) << q.name;
    EXPECT_EQ(i.target->unit, q.unit) << q.name;
  }
  EXPECT_EQ(indicator("对外交流", "外宣选题策划费用").target->base_value,
            *decimal::parse("570000"));
  // Known terms unquoted, anything else free text.
  EXPECT_EQ(indicator("对外交流", "对外交流影响力").text, "进一步提升");
  EXPECT_EQ(indicator("对外交流", "对外交流影响力").term_class, "vague");
  EXPECT_EQ(indicator("新闻宣传管理", "国际传播能力建设能力").text, "提升");
  EXPECT_EQ(indicator("新闻宣传管理", "外媒舆情监测频次").text, "每个工作日一期");
  EXPECT_EQ(indicator("新闻宣传管理", "外媒舆情监测频次").term_class, "");
  EXPECT_EQ(indicator("机关服务费", "机要通信及时送达、文件收发流转顺畅").text,
            "及时、安全、顺畅。");
  const std::string& kpi = seed().result.kpi;
  EXPECT_NE(kpi.find("\"外宣选题策划费用\"                <= 57.00 万元\n"), std::string::npos);
  EXPECT_NE(kpi.find("\"对外交流影响力\"  进一步提升\n"), std::string::npos);
  EXPECT_NE(kpi.find("\"外媒舆情监测频次\"            \"每个工作日一期\"\n"), std::string::npos);
  EXPECT_NE(kpi.find("政策解读及时率（根据政策发布情况，在法定期限内权威解读）\" 及时\n"),
            std::string::npos);
}

TEST(ImportSeed, OutputIsCanonicalForFmt) {
  diagnostics d;
  auto src = std::make_shared<source>("seed.kpi", seed().result.kpi);
  parse_result pr = parse(src, d);
  ASSERT_TRUE(pr.ok) << render_all(d, lang::en);
  EXPECT_EQ(format(pr.file), seed().result.kpi);
}

// The whole target file, pinned (every indicator, in order, with its exact target).
TEST(ImportSeed, GoldenTargetFile) {
  EXPECT_EQ(seed().result.kpi, test::read_file(test::repo_path("tests/data/import/seed.kpi")));
}

}  // namespace
}  // namespace kpi
