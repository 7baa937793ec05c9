// The checked model: what a target or actuals file means, after names, units and terms are
// resolved. Every quantity is also held in its base unit, so comparison and scoring never see
// 万元 or 万人次. This is the IR that audit and scoring packs run over.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/boxed.hpp"
#include "engine/base/date.hpp"
#include "engine/base/decimal.hpp"
#include "engine/base/intern.hpp"
#include "engine/base/packed_string.hpp"
#include "engine/base/source.hpp"

namespace kpi::model {

// Where something was written: an index into model::sources and a byte offset.
struct location {
  std::uint32_t file = 0;
  std::uint32_t offset = 0;
};

enum class kind : std::uint8_t { quantitative, qualitative };
enum class op : std::uint8_t { ge, le, eq, gt, lt, between, none };

std::string_view op_text(op o);

// A number with its unit, also converted to the unit's base.
struct amount {
  decimal value;       // as written
  istr unit;           // as written; empty when none was given
  decimal base_value;  // in base_unit
  istr base_unit;
  istr dimension;  // currency, ratio, count, …; empty without a unit
};

// Fields ordered so that the small ones share a word: a city's run holds hundreds of
// thousands of indicators and actuals, and their size is most of its memory.
struct indicator {
  istr level1;  // 一级指标, e.g. 成本指标
  istr level2;  // 二级指标, e.g. 经济成本指标; empty when written directly under level1
  istr name;    // 三级指标, interned: the same names recur across projects
  std::optional<amount> target;  // quantitative: the bound (low end of a range)
  boxed<amount> target_high;     // between: the high end (on the heap: ranges are rare)
  packed_string text;            // qualitative: the term or free text
  istr term_class;               // vague / state / grade / placeholder; empty for free text
  boxed<decimal> weight;         // 分值, when given (on some groups only)
  location loc;
  std::optional<date> deadline;  // quantitative date target: `<= 2024-06-30`
  kind k = kind::qualitative;
  op o = op::none;
};

struct funds {
  std::optional<decimal> total;  // 年度资金申请总额, in 元
  std::optional<decimal> fiscal;
  std::optional<decimal> carryover;
  std::optional<decimal> other;
};

struct project {
  std::string name;
  std::string department;
  std::string unit;
  std::string nature;
  std::string category;
  std::string goal;
  std::optional<date> period_from;
  std::optional<date> period_to;
  funds money;
  std::vector<indicator> indicators;
  location loc;
};

enum class actual_kind : std::uint8_t { quantity, date, grade, text };

// An assessor's score in place of the computed one, and why (rare: kept on the heap).
struct assessor_override {
  decimal score;
  std::string reason;
};

struct actual {
  istr indicator;               // interned: the same names recur across projects
  std::optional<amount> value;  // quantity
  packed_string text;           // grade term or free text
  istr term_class;              // for a grade term
  boxed<decimal> share;         // `部分达成 75 %`: 75 (grades only)
  packed_string because;        // 偏差原因; empty when none
  boxed<assessor_override> assessed;
  location loc;
  std::optional<date> when;  // date
  actual_kind k = actual_kind::quantity;
};

struct actuals_block {
  std::string project;
  std::optional<decimal> executed;  // 预算执行数, in 元
  std::string executed_reason;      // `executed … because "…"`; empty when none
  std::optional<decimal> budget;    // adjusted budget, in 元
  std::vector<actual> values;
  location loc;
};

struct model {
  std::vector<source_ptr> sources;
  std::vector<project> projects;
  std::vector<actuals_block> actuals;
};

}  // namespace kpi::model
