// The scoring pack, resolved: a plain struct of parameters read once from the pack's text
// (rules/scoring/default.kpi) and applied to every project. SCORING.md says what each means.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/base/decimal.hpp"
#include "engine/base/diagnostic.hpp"
#include "engine/check/units.hpp"
#include "grammar/ast.hpp"

namespace kpi::eval {

inline constexpr const char* budget_row = "预算执行率";
inline constexpr const char* budget_indicator = "预算执行数";

// A 一级 group and its points: `产出指标: 50`, `满意度指标: 10, [服务对象满意度指标]`.
struct group_weight {
  std::string name;
  decimal points;
  std::vector<std::string> aliases;  // other 一级 labels of the same group
};

// A half-open band [low, high); the last band of a table also holds `high`.
struct band {
  std::string name;
  decimal low;
  decimal high;
};

// A qualitative grade: its band of the 分值 in %, the default share, its spellings.
struct grade_def {
  band range;
  decimal fallback;                    // share in % when the actual gives none
  std::vector<std::string> spellings;  // besides range.name
};

enum class reverse_method { ratio, linear };

struct scoring_params {
  std::string title;
  std::string version;
  decimal budget_points;             // 预算执行率 row; 0 when absent
  std::vector<group_weight> groups;  // in pack order
  decimal total = decimal::from_int(100);
  std::string cost_group = "产出指标";  // empty: 成本指标 has its own row
  bool renormalise = true;
  reverse_method reverse = reverse_method::ratio;
  decimal budget_rate_floor = decimal::from_int(90);  // %
  decimal over_achievement = decimal::from_int(130);  // %
  int division_places = 12;
  // Build the "2.78 × 76 ÷ 80 = 2.641 → 2.64" text of each score (only `--explain` prints it;
  // the command line turns it off otherwise, which saves a formatted string per indicator).
  bool explain = true;
  std::vector<grade_def> grades;  // the first is the grade of an actual that repeats the target
  std::vector<band> grade_bands;  // 优 良 中 差

  // The grade a spelling stands for, or null.
  [[nodiscard]] const grade_def* find_grade(std::string_view word) const;
  // The 评价等级 of a total score.
  [[nodiscard]] std::string grade_of(const decimal& score) const;
};

// Reads the first `kind scoring` pack among `files`; every value outside the constant subset
// (numbers with units, percentages, symbols, ranges, lists, strings) is a positioned error.
// nullopt when there is no scoring pack or it has errors (reported in `diags`).
std::optional<scoring_params> read_scoring_pack(const std::vector<ast::file>& files,
                                                const unit_table& units, diagnostics& diags);

}  // namespace kpi::eval
