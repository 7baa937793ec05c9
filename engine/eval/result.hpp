// What an evaluation produces, for every report format: per project the budget execution,
// each indicator's 分值, completion and score, the total and grade, and what was left over.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/base/decimal.hpp"
#include "engine/base/diagnostic.hpp"
#include "engine/model/model.hpp"

namespace kpi::eval {

// A row of actuals that matches no indicator (or no project).
struct unmatched_actual {
  std::string project;
  std::string indicator;
  std::string actual;      // as written
  std::string suggestion;  // "did you mean"; empty when nothing is close
  model::location loc;
  bool suggestion_skipped = false;  // past the run's limit on suggestions (see match.hpp)
};

enum class deviation { none, not_met, over_achieved, missing };
std::string_view deviation_code(deviation d);  // "", "not_met", "over_achieved", "missing"
text deviation_text(deviation d);

struct indicator_result {
  const model::indicator* ind = nullptr;
  std::string group;                  // the 一级 group whose points it shares
  decimal weight;                     // 分值
  std::string target;                 // as people write it: "<= 57.00 万元"
  std::string actual;                 // "" when missing
  std::optional<decimal> completion;  // actual ÷ target, a ratio; none for grades and dates
  decimal score;                      // rounded half-up to 2 places
  std::optional<decimal> computed;    // the computed score, when an override replaced it
  std::string override_reason;
  bool met = false;
  deviation dev = deviation::none;
  std::string reason;   // 偏差原因 given with the actual
  std::string explain;  // "2.78 × 76 ÷ 80 = 2.641 → 2.64"
  [[nodiscard]] bool needs_reason() const {
    return (dev == deviation::not_met || dev == deviation::over_achieved) && reason.empty();
  }
};

// The deviation as people read it, with the indicator's operator in mind.
text deviation_text(const indicator_result& i);

struct budget_result {
  std::optional<decimal> budget;    // 全年预算数, 元
  std::optional<decimal> executed;  // 全年执行数, 元
  std::optional<decimal> rate;      // executed ÷ budget, a ratio
  decimal weight;                   // 分值
  decimal score;
  bool below_floor = false;  // rate under budget_rate_floor: needs a reason
  std::string reason;
  std::string explain;
};

struct project_result {
  std::string name;
  decimal score;  // sum of the rounded scores
  std::string grade;
  bool complete = true;
  budget_result budget;
  std::vector<indicator_result> indicators;
  std::vector<unmatched_actual> unmatched;
  std::vector<std::string> missing;  // indicator names (预算执行数 for the executed amount)
  std::vector<text> notes;           // e.g. a missing group renormalised
};

struct eval_result {
  std::string pack;  // title of the scoring pack
  std::vector<project_result> projects;
  std::vector<unmatched_actual> unmatched;  // actuals for a project that does not exist
  diagnostics findings;                     // errors and warnings found while scoring (positioned)
  // What a streamed run (run_streamed) handed out instead of keeping in `projects`.
  struct {
    std::size_t projects = 0;
    bool unmatched = false;  // a project had unmatched actuals
    bool missing = false;    // a project had missing actuals
  } streamed;
  [[nodiscard]] bool has_unmatched() const;
  [[nodiscard]] bool has_missing() const;
};

// A finding at a model location (a file index into `sources` and a byte offset).
diagnostic& report_at(diagnostics& d, severity level, const std::vector<source_ptr>& sources,
                      const model::location& at, text t);

// "57.00 万元", "80 %", "达成" …: a model amount as people write it.
std::string amount_text(const model::amount& a);
std::string target_text(const model::indicator& ind);
std::string actual_text(const model::actual& a);
// Percent of a ratio with 2 places: 0.8618304 → "86.18%". Rounded half-up, for display only.
std::string percent_text(const decimal& ratio);

}  // namespace kpi::eval
