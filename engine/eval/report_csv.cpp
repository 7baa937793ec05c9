// The CSV report: one row per indicator, the budget execution as the 预算执行率 row.
#include <fmt/format.h>

#include "engine/eval/params.hpp"
#include "engine/eval/report.hpp"

namespace kpi::eval {
namespace {

std::string field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t k = 0; k < cells.size(); ++k) out += (k ? "," : "") + field(cells[k]);
  return out + "\r\n";
}

}  // namespace

std::string report_csv(const eval_result& r) {
  std::string out =
      row({"project", "level1", "level2", "indicator", "target", "actual", "completion", "weight",
           "score", "deviation", "note", "project_score", "project_grade"});
  for (const auto& p : r.projects) {
    const budget_result& b = p.budget;
    out += row(
        {p.name, budget_row, "", budget_indicator, b.budget ? b.budget->to_string() + " 元" : "",
         b.executed ? b.executed->to_string() + " 元" : "",
         b.rate ? b.rate->normalized().to_string() : "", b.weight.to_string(), b.score.to_string(),
         b.below_floor ? "below_floor" : "", b.reason, p.score.to_string(), p.grade});
    for (const auto& i : p.indicators)
      out += row({p.name, i.ind->level1.str(), i.ind->level2.str(), i.ind->name.str(), i.target,
                  i.actual, i.completion ? i.completion->normalized().to_string() : "",
                  i.weight.to_string(), i.score.to_string(), std::string(deviation_code(i.dev)),
                  note_text(i, lang::zh), p.score.to_string(), p.grade});
  }
  return out;
}

}  // namespace kpi::eval
