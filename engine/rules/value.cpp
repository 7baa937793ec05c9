#include "engine/rules/value.hpp"

#include <fmt/format.h>

namespace kpi::rules {

std::string_view intern(std::string_view s) {
  return istr(s).view();
}

value interned(const value& v) {
  value x = v;
  x.unit = intern(v.unit);
  x.str = intern(v.str);
  x.shown_unit = intern(v.shown_unit);
  if (v.items) {
    std::vector<value> items;
    items.reserve(v.items->size());
    for (const auto& i : *v.items) items.push_back(interned(i));
    x.items = std::make_shared<const std::vector<value>>(std::move(items));
  }
  return x;
}

std::string written_target(const model::indicator& ind) {
  if (!ind.target) return "";
  std::string op(model::op_text(ind.o));
  const auto& t = *ind.target;
  std::string v = t.value.to_string() + (t.unit.empty() ? "" : " " + t.unit);
  if (ind.target_high)
    v += " .. " + ind.target_high->value.to_string() +
         (ind.target_high->unit.empty() ? "" : " " + ind.target_high->unit);
  return op + " " + v;
}

std::string display(const value& v) {
  switch (v.t) {
    case vtype::none:
      return "(none)";
    case vtype::boolean:
      return v.b ? "true" : "false";
    case vtype::number: {
      if (v.written != nullptr) return written_target(*v.written);
      if (v.shown_factor) {
        auto shown = v.num.div(*v.shown_factor, 20);  // as the runtime divides
        if (shown) return shown->normalized().to_grouped_string() + " " + std::string(v.shown_unit);
      }
      decimal n = v.num;
      if (v.unit == "元")
        n = n.round(2).with_min_scale(2).value_or(n);
      else if (n.scale() > 6)
        n = n.round(6).normalized();
      std::string s = n.to_grouped_string();
      if (v.unit.empty()) return s;
      return v.unit == "%" ? s + "%" : s + " " + std::string(v.unit);
    }
    case vtype::text:
      return std::string(v.str);
    case vtype::date:
      return v.day.to_string();
    case vtype::op:
      return std::string(model::op_text(v.op));
    case vtype::list: {
      std::string s = "[";
      for (std::size_t i = 0; i < v.list_size(); ++i) s += (i ? ", " : "") + display((*v.items)[i]);
      return s + "]";
    }
    case vtype::indicators:
      return fmt::format("({} indicators)", v.set.size());
  }
  return "?";
}

std::optional<bool> equal(const value& a, const value& b) {
  if (a.t == vtype::none || b.t == vtype::none) return a.t == b.t;
  if (a.t != b.t) return std::nullopt;
  switch (a.t) {
    case vtype::none:
      return true;
    case vtype::boolean:
      return a.b == b.b;
    case vtype::number:
      if (a.unit != b.unit && !a.unit.empty() && !b.unit.empty()) return std::nullopt;
      return a.num == b.num;
    case vtype::text:
      return a.str == b.str;
    case vtype::date:
      return a.day == b.day;
    case vtype::op:
      return a.op == b.op;
    case vtype::list: {
      if (a.list_size() != b.list_size()) return false;
      for (std::size_t i = 0; i < a.list_size(); ++i) {
        auto e = equal((*a.items)[i], (*b.items)[i]);
        if (!e || !*e) return e;
      }
      return true;
    }
    case vtype::indicators:
      return a.set == b.set;
  }
  return std::nullopt;
}

}  // namespace kpi::rules
