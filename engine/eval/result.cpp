// Display text of targets, actuals and ratios, shared by every report format.
#include "engine/eval/result.hpp"

#include <fmt/format.h>

namespace kpi::eval {

std::string_view deviation_code(deviation d) {
  switch (d) {
    case deviation::none:
      return "";
    case deviation::not_met:
      return "not_met";
    case deviation::over_achieved:
      return "over_achieved";
    case deviation::missing:
      return "missing";
  }
  return "";
}

text deviation_text(deviation d) {
  switch (d) {
    case deviation::none:
      return {"", ""};
    case deviation::not_met:
      return {"target not met", "未完成指标值"};
    case deviation::over_achieved:
      return {"far above the target", "实际完成值超出指标值较多"};
    case deviation::missing:
      return {"no actual value", "缺少实际完成值"};
  }
  return {"", ""};
}

text deviation_text(const indicator_result& i) {
  // An `=` target is missed on either side: 366 天 against = 365 天 is not "not met".
  if (i.dev == deviation::not_met && i.ind != nullptr && i.ind->o == model::op::eq)
    return {"differs from the target", "与指标值不一致"};
  return deviation_text(i.dev);
}

// These texts are built for every indicator of a report: plain appends, not a format string
// parsed each time.
namespace {

std::string joined(std::string_view a, std::string_view sep, std::string_view b) {
  std::string s;
  s.reserve(a.size() + sep.size() + b.size());
  s.append(a).append(sep).append(b);
  return s;
}

}  // namespace

std::string amount_text(const model::amount& a) {
  return a.unit.empty() ? a.value.to_string() : joined(a.value.to_string(), " ", a.unit);
}

std::string target_text(const model::indicator& ind) {
  if (ind.k == model::kind::qualitative) return ind.text.str();
  if (ind.deadline) return joined(model::op_text(ind.o), " ", ind.deadline->to_string());
  if (!ind.target) return ind.text.str();
  if (ind.target_high) {
    const auto& lo = *ind.target;
    const auto& hi = *ind.target_high;
    return lo.unit == hi.unit ? joined(lo.value.to_string(), " .. ", amount_text(hi))
                              : joined(amount_text(lo), " .. ", amount_text(hi));
  }
  return joined(model::op_text(ind.o), " ", amount_text(*ind.target));
}

std::string actual_text(const model::actual& a) {
  switch (a.k) {
    case model::actual_kind::quantity:
      return a.value ? amount_text(*a.value) : "";
    case model::actual_kind::date:
      return a.when ? a.when->to_string() : "";
    case model::actual_kind::grade:
      return a.share ? fmt::format("{} {} %", a.text, a.share->normalized().to_string())
                     : a.text.str();
    case model::actual_kind::text:
      return a.text.str();
  }
  return "";
}

std::string percent_text(const decimal& ratio) {
  auto p = ratio.mul(decimal::from_int(100));
  return p ? p->round(2).to_string() + "%" : "";
}

bool eval_result::has_unmatched() const {
  if (!unmatched.empty() || streamed.unmatched) return true;
  for (const auto& p : projects)
    if (!p.unmatched.empty()) return true;
  return false;
}

bool eval_result::has_missing() const {
  if (streamed.missing) return true;
  for (const auto& p : projects)
    if (!p.missing.empty()) return true;
  return false;
}

diagnostic& report_at(diagnostics& d, severity level, const std::vector<source_ptr>& sources,
                      const model::location& at, text t) {
  source_ptr s = at.file < sources.size() ? sources[at.file] : nullptr;
  return d.report(level, std::move(s), {at.offset, at.offset + 1}, std::move(t));
}

}  // namespace kpi::eval
