#include "engine/check/units.hpp"

#include <algorithm>

namespace kpi {

const model::location* unit_table::find_dimension(const std::string& name) const {
  auto it = dimensions_.find(name);
  return it == dimensions_.end() ? nullptr : &it->second;
}

void unit_table::add_scale(const std::string& prefix, decimal factor, model::location /*loc*/) {
  scales_.emplace_back(prefix, factor);
  std::stable_sort(scales_.begin(), scales_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

const unit_def* unit_table::find_declared(const std::string& name) const {
  auto it = units_.find(name);
  return it == units_.end() ? nullptr : &it->second;
}

std::optional<decimal> unit_table::find_scale(const std::string& prefix) const {
  for (const auto& [p, f] : scales_)
    if (p == prefix) return f;
  return std::nullopt;
}

std::optional<unit_def> unit_table::resolve(const std::string& name) const {
  if (const unit_def* d = find_declared(name)) return *d;
  for (const auto& [prefix, factor] : scales_) {
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const unit_def* rest = find_declared(name.substr(prefix.size()));
    if (rest == nullptr) continue;
    auto f = rest->factor.mul(factor);
    if (!f) return std::nullopt;
    return unit_def{istr(name), rest->dimension, rest->base, *f, rest->loc};
  }
  return std::nullopt;
}

std::vector<std::string> unit_table::unit_names() const {
  std::vector<std::string> names;
  for (const auto& n : order_) {
    names.push_back(n);
    for (const auto& [p, f] : scales_) names.push_back(p + n);
  }
  return names;
}

std::vector<std::string> unit_table::dimension_names() const {
  std::vector<std::string> names;
  for (const auto& [n, l] : dimensions_) names.push_back(n);
  return names;
}

std::optional<model::amount> to_amount(const decimal& value, const std::string& written_unit,
                                       const unit_def& def) {
  auto base = value.mul(def.factor);
  if (!base) return std::nullopt;
  // Written as declared (or as resolved, 万元) in nearly every case: no lookup then.
  istr written = def.name == written_unit ? def.name : istr(written_unit);
  return model::amount{value, written, base->normalized(), def.base, def.dimension};
}

}  // namespace kpi
