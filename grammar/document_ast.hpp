// The syntax tree of target and actuals documents and stdlib declarations.
// Every node carries a byte range into its source; line and column are computed only when a
// diagnostic is printed. Values that need the stdlib (units, terms) are kept as written.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/base/decimal.hpp"
#include "engine/base/source.hpp"

namespace kpi::ast {

enum class cmp_op { ge, le, eq, gt, lt };

struct number {
  decimal value;
  source_range range;
};

struct name {
  std::string text;  // unescaped for strings; as written for identifiers
  source_range range;
};

// A number with an optional unit: `57.00 万元`, `80 %`, `8`.
struct quantity {
  number num;
  std::optional<name> unit;
  source_range range;
};

struct date_lit {
  std::string text;  // YYYY-MM-DD, validated by the checker
  source_range range;
};

// `>= 80 %`, `≤57.00(万元)`, `$\geq 95.00\%$`, `<= 2024-06-30`.
struct compare_target {
  cmp_op op = cmp_op::eq;
  source_range op_range;
  std::variant<quantity, date_lit> value;
};

// `between 80 .. 90 %`
struct range_target {
  quantity low;
  quantity high;
};

// An unquoted vocabulary term: `进一步提升`.
struct term_target {
  name term;
};

// Quoted free text: `"每个工作日一期"`.
struct text_target {
  name text;
};

using target = std::variant<compare_target, range_target, term_target, text_target>;

struct indicator {
  name title;  // the 三级指标 name
  target goal;
  source_range goal_range;
  std::optional<number> weight;  // 分值, when given
  source_range range;
};

struct group_item;

// An indicator group: `产出指标 { 数量指标 { … } }`.
struct group {
  name label;
  std::vector<group_item> items;
  source_range range;  // from the label to the closing brace
};

struct group_item {
  std::variant<indicator, group> node;
};

struct string_field {
  name key;  // department, unit, nature, category, goal
  name value;
};

struct period_field {
  name key;
  date_lit from;
  date_lit to;
};

struct funds_entry {
  name key;  // total, fiscal, carryover, other
  quantity amount;
};

struct funds_field {
  name key;
  std::vector<funds_entry> entries;
};

using project_item = std::variant<string_field, period_field, funds_field, group>;

struct project {
  name title;
  std::vector<project_item> items;
  source_range range;
};

// A grade with an optional share of the weight: `达成`, `部分达成 75 %`.
struct grade_value {
  name grade;
  std::optional<quantity> share;
};

struct quoted_value {
  name text;
};

using actual_value = std::variant<quantity, date_lit, grade_value, quoted_value>;

struct actual_entry {
  name indicator;
  actual_value value;
  source_range value_range;
  std::optional<name> because;           // 偏差原因
  std::optional<number> override_score;  // an assessor's score in place of the computed one
  std::optional<name> override_reason;
  source_range range;
};

// `executed 1,002,300.00 元 [because "…"]` (预算执行数) or `budget 250,000.00 元` (adjusted
// budget).
struct amount_field {
  name key;
  quantity amount;
  std::optional<name> because;  // why the execution rate is low (executed only)
};

using actuals_item = std::variant<amount_field, actual_entry>;

struct actuals {
  name project;
  std::vector<actuals_item> items;
  source_range range;
};

// `dimension currency "货币"`
struct dimension_decl {
  name dimension;
  std::optional<name> description;
  source_range range;
};

// `unit 元 currency` (a base unit) or `unit 万元 = 10000 元` (a derived unit).
struct unit_decl {
  name unit;
  std::optional<name> dimension;
  std::optional<quantity> definition;
  source_range range;
};

// `scale 万 = 10000`: a prefix that scales any unit (万元, 万人次).
struct scale_decl {
  name prefix;
  number factor;
  source_range range;
};

// `terms vague "方向性表述" { 提升 进一步提升 }`
struct terms_decl {
  name term_class;
  std::optional<name> description;
  std::vector<name> terms;
  source_range range;
};

}  // namespace kpi::ast
