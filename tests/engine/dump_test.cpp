// `kpi dump`: the SPEC §2 example and the five seed projects, exactly.
#include "engine/model/dump.hpp"

#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/helpers.hpp"

namespace kpi {
namespace {

using test::rendered;

load_result load_repo(const std::vector<std::string>& rel) {
  disk_reader reader;
  std::vector<std::string> paths;
  for (const auto& r : rel) paths.push_back(test::repo_path(r));
  return load(paths, {}, reader);
}

TEST(Dump, SpecSection2ExampleParsesAndMeansWhatItSays) {
  auto r = load_repo({"tests/data/spec_example.kpi"});
  ASSERT_TRUE(r.ok()) << rendered(r);
  auto j = nlohmann::json::parse(dump_json(r.model));
  const auto& p = j["projects"][0];
  EXPECT_EQ(p["name"], "对外交流");
  EXPECT_EQ(p["budget"], "1017000.00");
  EXPECT_EQ(p["period"], nlohmann::json::array({"2024-01-01", "2024-12-31"}));
  const auto& first = p["indicators"][0];
  EXPECT_EQ(first["level1"], "成本指标");
  EXPECT_EQ(first["level2"], "经济成本指标");
  EXPECT_EQ(first["name"], "外宣选题策划费用");
  EXPECT_EQ(first["kind"], "quantitative");
  EXPECT_EQ(first["op"], "<=");
  EXPECT_EQ(first["value"], "57.00");
  EXPECT_EQ(first["unit"], "万元");
  EXPECT_EQ(first["base_value"], "570000");
  EXPECT_EQ(first["base_unit"], "元");
  EXPECT_EQ(first["dimension"], "currency");
  EXPECT_EQ(first["line"], 12);
  EXPECT_EQ(first["column"], 7);
  EXPECT_EQ(p["indicators"][1]["base_value"], "97000");
  EXPECT_EQ(p["indicators"][2]["weight"], "5");
  const auto& quality = p["indicators"][3];
  EXPECT_EQ(quality["kind"], "qualitative");
  EXPECT_EQ(quality["value"], "进一步提升");
  EXPECT_EQ(p["indicators"][5]["value"], "每个工作日一期");
  EXPECT_EQ(p["indicators"].size(), 9u);
  const auto& a = j["actuals"][0];
  EXPECT_EQ(a["executed"], "1002300.00");
  EXPECT_EQ(a["values"][0]["base_value"], "568000");
  EXPECT_EQ(a["values"][1]["because"], "两场活动因外事安排取消");
  EXPECT_EQ(a["values"][3]["value"], "部分达成");
  EXPECT_EQ(a["values"][3]["share"], "75");
}

TEST(Dump, FiveSeedProjectsGiveEightyIndicatorsWithExactBaseValues) {
  auto r = load_repo({"examples/targets.kpi"});
  ASSERT_TRUE(r.ok()) << rendered(r);
  auto j = nlohmann::json::parse(dump_json(r.model));
  std::map<std::string, std::size_t> counts;
  std::size_t total = 0;
  for (const auto& p : j["projects"]) {
    counts[p["name"]] = p["indicators"].size();
    total += p["indicators"].size();
    // The cost indicators of every seed project add up exactly to its budget.
    decimal cost = decimal::from_int(0);
    for (const auto& ind : p["indicators"])
      if (ind["level1"] == "成本指标")
        cost = *cost.add(*decimal::parse(ind["base_value"].get<std::string>()));
    EXPECT_EQ(cost, *decimal::parse(p["budget"].get<std::string>())) << p["name"];
  }
  EXPECT_EQ(total, 80u);
  EXPECT_EQ(counts, (std::map<std::string, std::size_t>{{"对外交流", 22},
                                                        {"新闻宣传管理", 23},
                                                        {"信息化运维项目", 12},
                                                        {"对外推广", 16},
                                                        {"机关服务费", 7}}));
  EXPECT_EQ(j["projects"][1]["budget"], "2171500.00");
  // 软硬件运行维护费用 ≤17.15(万元)
  EXPECT_EQ(j["projects"][1]["indicators"][3]["base_value"], "171500");
  // ≥1000.00(万人次)
  bool found = false;
  for (const auto& ind : j["projects"][3]["indicators"])
    if (ind["name"] == "国际文化交流或推广项目覆盖人群") {
      EXPECT_EQ(ind["base_value"], "10000000");
      EXPECT_EQ(ind["base_unit"], "人次");
      found = true;
    }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace kpi
