// Run-time values of the rule language. Quantities carry their base unit, so 元 and 次 never
// meet silently; `none` stands for a value the model does not have (a missing weight, the
// target of a qualitative indicator).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/base/date.hpp"
#include "engine/base/decimal.hpp"
#include "engine/model/model.hpp"

namespace kpi::rules {

enum class vtype { none, boolean, number, text, date, op, list, indicators };

struct value {
  vtype t = vtype::none;
  bool b = false;
  decimal num;
  std::string unit;  // base unit of a number; empty for a plain number
  std::string str;   // text, or the written form of a number for messages
  date day;
  model::op op = model::op::none;
  std::vector<value> items;                  // list
  std::vector<const model::indicator*> set;  // indicators

  static value none() { return {}; }
  static value boolean(bool v) {
    value x;
    x.t = vtype::boolean;
    x.b = v;
    return x;
  }
  static value number(decimal n, std::string unit = "") {
    value x;
    x.t = vtype::number;
    x.num = n;
    x.unit = std::move(unit);
    return x;
  }
  static value text(std::string s) {
    value x;
    x.t = vtype::text;
    x.str = std::move(s);
    return x;
  }
  static value of_date(date d) {
    value x;
    x.t = vtype::date;
    x.day = d;
    return x;
  }
  static value of_op(model::op o) {
    value x;
    x.t = vtype::op;
    x.op = o;
    return x;
  }
};

// For messages and explanations: `2,071,500.00 元`, `80 %`, `成本指标`, `[<=, <]`, `(none)`.
std::string display(const value& v);

// Equality across types (text with text, numbers in the same unit, …); nullopt when the two
// cannot be compared (元 with 次).
std::optional<bool> equal(const value& a, const value& b);

}  // namespace kpi::rules
