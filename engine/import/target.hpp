// Step 3 of `kpi import`: the 年度指标值 cell → a target.
//
//   `≤57.00(万元)` → <= 57.00 万元      `$\geq 95.00\%$` → >= 95.00 %
//   `进一步提升`   → the known term      `每个工作日一期` → free text
//
// Operators are the language's own (grammar/grammar.hpp: ≥ ≤ ＝ ＞ ＜ ≧ ≦ >= <= and LaTeX);
// a number is copied as written; a unit must be in the unit table, else the cell is kept as
// free text and the reading is reported.
#pragma once

#include <optional>
#include <string_view>

#include "engine/check/checker.hpp"
#include "engine/import/table.hpp"

namespace kpi::importer {

struct target_reading {
  target value;
  std::optional<note_kind> guess;  // set when the reading is a guess, with the reason
  text why;
};

// `env` gives the unit table and the vocabulary (stdlib plus the user's libraries).
target_reading read_target(std::string_view cell, const environment& env);

}  // namespace kpi::importer
