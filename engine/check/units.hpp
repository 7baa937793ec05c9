// The unit table, built from `dimension`, `unit` and `scale` declarations (stdlib/units.kpi
// and the user's own files).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/base/decimal.hpp"
#include "engine/model/model.hpp"

namespace kpi {

struct unit_def {
  istr name;
  istr dimension;
  istr base;  // the base unit this one is a multiple of
  decimal factor;    // 1 unit = factor × base
  model::location loc;
};

class unit_table {
 public:
  void add_dimension(const std::string& name, model::location loc) {
    dimensions_.emplace(name, loc);
  }
  [[nodiscard]] const model::location* find_dimension(const std::string& name) const;
  void add_unit(unit_def def) {
    order_.push_back(def.name.str());
    units_.emplace(def.name.str(), std::move(def));
  }
  void add_scale(const std::string& prefix, decimal factor, model::location loc);
  [[nodiscard]] const unit_def* find_declared(const std::string& name) const;
  [[nodiscard]] std::optional<decimal> find_scale(const std::string& prefix) const;
  // A declared unit, or a scale prefix applied to one (万元 = 万 × 元).
  [[nodiscard]] std::optional<unit_def> resolve(const std::string& name) const;
  // Every declared unit in declaration order, each followed by its scaled forms: the order
  // in which "did you mean" prefers candidates at equal distance.
  [[nodiscard]] std::vector<std::string> unit_names() const;
  [[nodiscard]] std::vector<std::string> dimension_names() const;

 private:
  std::map<std::string, model::location> dimensions_;
  std::unordered_map<std::string, unit_def> units_;
  std::vector<std::string> order_;
  std::vector<std::pair<std::string, decimal>> scales_;  // longest prefix first
};

// Converts `value unit` to the unit's base. nullopt on overflow.
std::optional<model::amount> to_amount(const decimal& value, const std::string& written_unit,
                                       const unit_def& def);

}  // namespace kpi
