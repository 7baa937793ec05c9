// The JSON report (SPEC §5), stable key order.
#include <nlohmann/json.hpp>

#include "engine/eval/report.hpp"

namespace kpi::eval {
namespace {

using json = nlohmann::ordered_json;

json str_or_null(const std::optional<decimal>& d) {
  return d ? json(d->to_string()) : json(nullptr);
}
json ratio(const std::optional<decimal>& d) {
  return d ? json(d->normalized().to_string()) : json(nullptr);
}

json unmatched_json(const unmatched_actual& u, const std::vector<source_ptr>*) {
  json j;
  j["project"] = u.project;
  j["indicator"] = u.indicator;
  j["actual"] = u.actual;
  j["did_you_mean"] = u.suggestion.empty() ? json(nullptr) : json(u.suggestion);
  return j;
}

}  // namespace

std::string completion_text(const indicator_result& i) {
  return i.completion ? percent_text(*i.completion) : "";
}

std::string note_text(const indicator_result& i, lang l) {
  std::string out = i.reason;
  if (i.computed) {
    std::string o = l == lang::zh ? "评价人调整得分 " + i.score.to_string() + "（计算得分 " +
                                        i.computed->to_string() + "）：" + i.override_reason
                                  : "assessor override " + i.score.to_string() + " (computed " +
                                        i.computed->to_string() + "): " + i.override_reason;
    out = out.empty() ? o : out + "; " + o;
  }
  return out;
}

std::string report_json(const eval_result& r) {
  json root;
  root["version"] = 1;
  root["projects"] = json::array();
  for (const auto& p : r.projects) {
    json jp;
    jp["name"] = p.name;
    jp["score"] = p.score.to_string();
    jp["grade"] = p.grade;
    jp["complete"] = p.complete;
    json b;
    b["budget"] = str_or_null(p.budget.budget);
    b["executed"] = str_or_null(p.budget.executed);
    b["rate"] = ratio(p.budget.rate);
    b["weight"] = p.budget.weight.to_string();
    b["score"] = p.budget.score.to_string();
    b["note"] = p.budget.reason;
    jp["budget_execution"] = b;
    jp["indicators"] = json::array();
    for (const auto& i : p.indicators) {
      json ji;
      ji["level1"] = i.ind->level1;
      ji["level2"] = i.ind->level2;
      ji["name"] = i.ind->name;
      ji["target"] = i.target;
      ji["actual"] = i.dev == deviation::missing ? json(nullptr) : json(i.actual);
      ji["completion"] = ratio(i.completion);
      ji["weight"] = i.weight.to_string();
      ji["score"] = i.score.to_string();
      ji["deviation"] =
          i.dev == deviation::none ? json(nullptr) : json(std::string(deviation_code(i.dev)));
      ji["note"] = note_text(i, lang::zh);
      jp["indicators"].push_back(std::move(ji));
    }
    jp["unmatched_actuals"] = json::array();
    for (const auto& u : p.unmatched) jp["unmatched_actuals"].push_back(unmatched_json(u, nullptr));
    jp["missing_actuals"] = p.missing;
    jp["notes"] = json::array();
    for (const auto& n : p.notes) jp["notes"].push_back(n.zh);
    root["projects"].push_back(std::move(jp));
  }
  root["unmatched_actuals"] = json::array();
  for (const auto& u : r.unmatched) root["unmatched_actuals"].push_back(unmatched_json(u, nullptr));
  return root.dump(2) + "\n";
}

}  // namespace kpi::eval
