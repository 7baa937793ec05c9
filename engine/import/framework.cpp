#include "engine/import/framework.hpp"

#include <array>
#include <utility>

namespace kpi::importer {
namespace {

struct level1_def {
  std::string_view name;
  std::array<std::string_view, 4> level2;
};

// 财预〔2020〕10号 and 财预〔2021〕101号; 成本指标 under 产出指标 is the older layout.
constexpr std::array<level1_def, 4> framework = {{
    {"成本指标", {"经济成本指标", "社会成本指标", "生态环境成本指标", ""}},
    {"产出指标", {"数量指标", "质量指标", "时效指标", "成本指标"}},
    {"效益指标", {"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}},
    {"满意度指标", {"服务对象满意度指标", "社会公众或服务对象满意度指标", "", ""}},
}};

constexpr std::array<std::pair<std::string_view, field>, 14> fields = {{
    {"项目名称", field::name},
    {"主管部门", field::department},
    {"实施单位", field::unit},
    {"项目性质", field::nature},
    {"项目类别", field::category},
    {"计划开始日期", field::period_from},
    {"计划完成日期", field::period_to},
    {"年度资金申请总额", field::total},
    {"资金申请总额", field::total},
    {"当年财政拨款", field::fiscal},
    {"上年结转资金", field::carryover},
    {"上年结转", field::carryover},
    {"其他资金", field::other},
    {"年度总体目标", field::goal},
}};

constexpr std::array<std::string_view, 7> captions = {
    "项目资金(元)", "项目资金(万元)", "项目资金",   "项目资金总额",
    "财政资金",     "项目绩效目标",   "项目总目标",
};

constexpr std::array<std::string_view, 3> fragments = {"绩效", "指标", "绩效指标"};

}  // namespace

std::optional<label_role> label_of(std::string_view key) {
  if (key == "成本指标") return label_role::either;
  for (const auto& l1 : framework) {
    if (key == l1.name) return label_role::level1;
    for (std::string_view l2 : l1.level2)
      if (!l2.empty() && key == l2) return label_role::level2;
  }
  for (std::string_view f : fragments)
    if (key == f) return label_role::fragment;
  return std::nullopt;
}

bool valid_pair(std::string_view level1, std::string_view level2) {
  for (const auto& l1 : framework)
    if (l1.name == level1)
      for (std::string_view l2 : l1.level2)
        if (!l2.empty() && l2 == level2) return true;
  return false;
}

std::string parent_of(std::string_view level2) {
  for (const auto& l1 : framework)
    for (std::string_view l2 : l1.level2)
      if (!l2.empty() && l2 == level2) return std::string(l1.name);
  return {};
}

std::optional<field> field_of(std::string_view key) {
  for (const auto& [k, f] : fields)
    if (k == key) return f;
  return std::nullopt;
}

bool is_caption(std::string_view key) {
  for (std::string_view c : captions)
    if (c == key) return true;
  return false;
}

bool is_column_head(std::string_view key) {
  return key == "一级指标" || key == "二级指标" || key == "三级指标" || key.ends_with("指标值");
}

bool is_title(std::string_view key) {
  if (key.ends_with("表") && (key.find("绩效目标") != std::string_view::npos)) return true;
  // `(2024年度)`
  return key.size() > 2 && key.front() == '(' && key.back() == ')' &&
         key.find("年度") != std::string_view::npos && key.find("指标") == std::string_view::npos;
}

}  // namespace kpi::importer
