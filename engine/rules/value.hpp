// Run-time values of the rule language. Quantities carry their base unit, so 元 and 次 never
// meet silently; `none` stands for a value the model does not have (a missing weight, the
// target of a qualitative indicator).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
  // Text is never copied while rules run: a view into the model (which outlives the run) or
  // into text interned at compile time (see intern()).
  std::string_view unit;  // base unit of a number; empty for a plain number
  std::string_view str;   // text
  date day;
  model::op op = model::op::none;
  std::shared_ptr<const std::vector<value>> items;  // list: shared, so constants copy cheaply
  std::vector<const model::indicator*> set;         // indicators
  // How a number is shown in messages, computed only when shown: the target as written
  // (`>= 2 次`), or the number expressed in another unit (`target in 万元`).
  const model::indicator* written = nullptr;
  std::optional<decimal> shown_factor;
  std::string_view shown_unit;

  static value none() { return {}; }
  static value boolean(bool v) {
    value x;
    x.t = vtype::boolean;
    x.b = v;
    return x;
  }
  static value number(decimal n, std::string_view unit = {}) {
    value x;
    x.t = vtype::number;
    x.num = n;
    x.unit = unit;
    return x;
  }
  // `s` must outlive the value: model text, a literal, or intern()ed text.
  static value text(std::string_view s) {
    value x;
    x.t = vtype::text;
    x.str = s;
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
  static value list(std::vector<value> items) {
    value x;
    x.t = vtype::list;
    x.items = std::make_shared<const std::vector<value>>(std::move(items));
    return x;
  }
  [[nodiscard]] std::size_t list_size() const { return items ? items->size() : 0; }
};

// Text that lives as long as the process (the pool of istr): the constants of compiled packs.
std::string_view intern(std::string_view s);

// A value whose text is all intern()ed, so it can outlive what it was made from.
value interned(const value& v);

// The target as written in the table: `>= 2 次`, `between 1 .. 5 万元`.
std::string written_target(const model::indicator& ind);

// For messages and explanations: `2,071,500.00 元`, `80 %`, `成本指标`, `[<=, <]`, `(none)`.
std::string display(const value& v);

// Equality across types (text with text, numbers in the same unit, …); nullopt when the two
// cannot be compared (元 with 次).
std::optional<bool> equal(const value& a, const value& b);

}  // namespace kpi::rules
