// Checks of the matched actuals that decide between a report and exit 2.
#include "engine/eval/validate.hpp"

#include <fmt/format.h>

#include "engine/eval/plan.hpp"

namespace kpi::eval {
namespace {

struct validator {
  const scoring_params& p;
  const std::vector<source_ptr>& sources;
  diagnostics& diags;

  void error(const model::location& at, text t) const {
    report_at(diags, severity::error, sources, at, std::move(t));
  }

  // actual ÷ target fits in a decimal with division_places: cheap bound first (the quotient
  // is below 10^(integer digits of a − integer digits of t + 1)), the division only when close.
  [[nodiscard]] bool quotient_fits(const decimal& a, const decimal& t) const {
    if (t.is_zero() || a.is_zero()) return true;
    const int a_int = a.digits() - a.scale();
    const int t_int = t.digits() - t.scale();
    if (a_int - t_int + 1 + p.division_places <= 36) return true;
    return a.div(t, p.division_places).has_value();
  }

  void indicator(const model::indicator& ind, const model::actual& a) const {
    if (a.k != model::actual_kind::quantity || !a.value || !ind.target ||
        ind.k == model::kind::qualitative)
      return;
    const auto& tu = ind.target->base_unit;
    const auto& au = a.value->base_unit;
    if (!tu.empty() && !au.empty() && tu != au) return;  // reported while scoring
    const model::amount* t = &*ind.target;  // the completion divides by the (low) target
    if (quotient_fits(a.value->base_value, t->base_value)) return;
    error(a.loc,
          {fmt::format("'{}': the completion {} ÷ {} is too large to compute exactly (more than "
                       "38 digits at {} decimal places); check the value and its unit",
                       ind.name, amount_text(*a.value), amount_text(*t), p.division_places),
           fmt::format("「{}」：完成率 {} ÷ {} 过大，无法精确计算（保留 {} 位小数时超过 38 "
                       "位数字），请检查数值及其单位",
                       ind.name, amount_text(*a.value), amount_text(*t), p.division_places)});
  }

  void overrides(const model::project& proj, const project_actuals& pa) const {
    bool any = false;
    for (const auto& ind : proj.indicators)
      if (const auto* a = pa.by_name.find(ind.name); a != nullptr && a->assessed) any = true;
    if (!any) return;
    diagnostics ignored;  // the plan's own findings are reported when the project is scored
    project_plan plan = plan_project(p, proj, sources, ignored);
    if (!plan.ok) return;
    for (std::size_t k = 0; k < proj.indicators.size(); ++k) {
      const auto* a = pa.by_name.find(proj.indicators[k].name);
      if (a == nullptr || !a->assessed) continue;
      const decimal& given = a->assessed->score;
      const decimal& w = plan.indicators[k].weight;
      if (given.sign() >= 0 && given.round(2) <= w) continue;
      const std::string g = given.normalized().to_string();
      const std::string ws = w.with_min_scale(2).value_or(w).to_string();
      error(a->loc,
            {fmt::format("'{}': the overriding score {} is outside 0 .. {} (its 分值); an override "
                         "is never applied outside that range",
                         proj.indicators[k].name, g, ws),
             fmt::format(
                 "「{}」：调整后的得分 {} 不在 0 至 {}（分值）之间；超出范围的调整得分不予采用",
                 proj.indicators[k].name, g, ws)});
    }
  }

  void budget(const model::project& proj, const project_actuals& pa) const {
    if (!pa.executed) return;
    if (pa.executed->sign() < 0) {
      error(
          pa.executed_loc,
          {fmt::format("project '{}': the executed amount (预算执行数) {} 元 is negative",
                       proj.name, pa.executed->to_string()),
           fmt::format("项目「{}」的预算执行数 {} 元为负数", proj.name, pa.executed->to_string())});
      return;
    }
    const auto& budget = pa.budget ? pa.budget : proj.money.total;
    if (budget && budget->sign() > 0 && !quotient_fits(*pa.executed, *budget))
      error(pa.executed_loc,
            {fmt::format("project '{}': the budget execution rate {} ÷ {} 元 is too large to "
                         "compute exactly; check the amounts and their units",
                         proj.name, pa.executed->to_string(), budget->to_string()),
             fmt::format("项目「{}」的预算执行率 {} ÷ {} 元 过大，无法精确计算，请检查金额及其单位",
                         proj.name, pa.executed->to_string(), budget->to_string())});
  }
};

}  // namespace

void validate_actuals(const scoring_params& p, const model::model& m, const matching& actuals,
                      const std::vector<source_ptr>& sources, diagnostics& diags) {
  validator v{p, sources, diags};
  for (std::size_t i = 0; i < m.projects.size(); ++i) {
    const auto& proj = m.projects[i];
    const auto& pa = actuals.projects[i];
    if (!pa.given) continue;
    v.budget(proj, pa);
    for (const auto& ind : proj.indicators)
      if (const auto* a = pa.by_name.find(ind.name)) v.indicator(ind, *a);
    v.overrides(proj, pa);
  }
}

}  // namespace kpi::eval
