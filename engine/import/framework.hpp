// The words of a target table: the official 一级/二级 indicator framework, the header fields
// and the fixed texts of the form. Every lookup takes a normalised key (normalize_label).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::importer {

// What a label cell of the indicator part can be.
enum class label_role {
  level1,  // 产出指标, 效益指标, 满意度指标
  level2,  // 数量指标, 社会效益指标, …
  either,  // 成本指标: a 一级 label, or a 二级 label under 产出指标 in the older layout
  fragment,  // 绩效, 指标, 绩效指标: the merged cell on the left, split by the extraction
};

std::optional<label_role> label_of(std::string_view key);

// True when `level2` is a 二级 label of `level1` in the framework.
bool valid_pair(std::string_view level1, std::string_view level2);

// The 一级 label a 二级 label belongs to (成本指标 as a 二级 label: 产出指标); empty for others.
std::string parent_of(std::string_view level2);

// The header fields of a project (the part above the indicators).
enum class field {
  name,
  department,
  unit,
  nature,
  category,
  period_from,
  period_to,
  total,
  fiscal,
  carryover,
  other,
  goal,
};

std::optional<field> field_of(std::string_view key);

// Captions of the header part that carry no value of their own (项目资金(元), 项目总目标, …).
bool is_caption(std::string_view key);

// The column heads of the indicator part: 一级指标, 二级指标, 三级指标, 年度指标值, ….
bool is_column_head(std::string_view key);

// A title line: the form's name (…绩效目标申报表, …汇总表) or its year (`(2024年度)`).
bool is_title(std::string_view key);

}  // namespace kpi::importer
