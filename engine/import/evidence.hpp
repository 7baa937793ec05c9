// The evidence a row carries about where it belongs, used where the layout leaves doubt (a row
// printed above the label of its block). Evidence is read from the row alone:
//   - the dimension of its unit (from the unit table): a 成本指标 is money, a 满意度指标 a ratio;
//   - the direction of its operator: an upper bound in money (≤ 万元) is a cost;
//   - words of its name: 费/费用/成本/总额 speak of a cost, 满意 of satisfaction.
#pragma once

#include <string_view>

#include "engine/base/diagnostic.hpp"
#include "engine/import/table.hpp"

namespace kpi::importer {

struct verdict {
  bool conflict = false;  // the row's evidence speaks against this placement
  text why;               // the reason, when it does
};

verdict judge(const row& r, std::string_view level1, std::string_view level2);

}  // namespace kpi::importer
