// Matching actuals (from .kpi and CSV) to projects and indicators by name. Nothing is dropped:
// a row is matched, listed as unmatched (with "did you mean"), or rejected with its position.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/eval/result.hpp"
#include "engine/model/model.hpp"

namespace kpi::eval {

// The actuals of one project, merged from every block given for it.
// A project's actuals by indicator name: a few dozen at most, so a flat array searched in order
// (names are interned: comparing two is comparing two pointers).
class actual_index {
 public:
  [[nodiscard]] const model::actual* find(istr name) const {
    for (const auto* a : entries_)
      if (a->indicator == name) return a;
    return nullptr;
  }
  [[nodiscard]] std::size_t size() const { return entries_.size(); }
  void reserve(std::size_t n) { entries_.reserve(n); }
  // False when its indicator has an actual already.
  bool add(const model::actual* a) {
    if (find(a->indicator) != nullptr) return false;
    entries_.push_back(a);
    return true;
  }

 private:
  std::vector<const model::actual*> entries_;  // into the blocks
};

struct project_actuals {
  bool given = false;               // some block names this project
  std::optional<decimal> executed;  // 预算执行数, 元
  model::location executed_loc;     // where it was given
  std::optional<decimal> budget;    // adjusted budget, 元
  model::location budget_loc;
  std::string executed_reason;      // `"预算执行数" = … because "…"` / the CSV note
  actual_index by_name;
  std::vector<unmatched_actual> unmatched;
};

struct matching {
  std::vector<project_actuals> projects;  // parallel to model.projects
  std::vector<unmatched_actual> orphans;  // blocks for a project that does not exist
};

// Actuals given twice for one indicator, or a 预算执行数 given twice, in one file or in two, are
// errors in `diags` with a note at the first: bad input, as inside one file.
// The blocks must outlive the result.
matching match_actuals(const model::model& m, const std::vector<model::actuals_block>& blocks,
                       const std::vector<source_ptr>& sources, diagnostics& diags);

}  // namespace kpi::eval
