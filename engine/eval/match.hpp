// Matching actuals (from .kpi and CSV) to projects and indicators by name. Nothing is dropped:
// a row is matched, listed as unmatched (with "did you mean"), or rejected with its position.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/eval/result.hpp"
#include "engine/model/model.hpp"

namespace kpi::eval {

// "Did you mean" is computed for at most this many unmatched rows of a run, and within this
// many comparison steps (cells of edit-distance tables) in all; the rows past either limit say
// that no suggestion was computed. Matching itself is by hash and never limited.
inline constexpr std::size_t max_suggested_rows = 1000;
inline constexpr std::uint64_t max_suggestion_cells = 100'000'000;

// A project's actuals by indicator name: usually a few dozen, searched in order (names are
// interned: comparing two is comparing two pointers); past 32, through a hash set as well.
class actual_index {
 public:
  [[nodiscard]] const model::actual* find(istr name) const {
    if (!by_name_.empty()) {
      auto it = by_name_.find(name.data());
      return it == by_name_.end() ? nullptr : it->second;
    }
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
    if (!by_name_.empty())
      by_name_.emplace(a->indicator.data(), a);
    else if (entries_.size() > 32)
      for (const auto* e : entries_) by_name_.emplace(e->indicator.data(), e);
    return true;
  }

 private:
  std::vector<const model::actual*> entries_;  // into the blocks
  // Interned names are one entry each: the text's address is the key.
  std::unordered_map<const char*, const model::actual*> by_name_;
};

struct project_actuals {
  bool given = false;               // some block names this project
  std::optional<decimal> executed;  // 预算执行数, 元
  model::location executed_loc;     // where it was given
  std::optional<decimal> budget;    // adjusted budget, 元
  model::location budget_loc;
  std::string executed_reason;  // `"预算执行数" = … because "…"` / the CSV note
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
