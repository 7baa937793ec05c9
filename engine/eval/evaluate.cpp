// Applies the scoring parameters to each project (SCORING.md §1–§6).
#include "engine/eval/evaluate.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/eval/plan.hpp"
#include "engine/eval/score.hpp"
#include "engine/load/parallel.hpp"

namespace kpi::eval {
namespace {

struct scorer {
  const scoring_params& p;
  const std::vector<source_ptr>& sources;
  diagnostics& findings;

  void report(severity level, const model::location& at, text t) const {
    report_at(findings, level, sources, at, std::move(t));
  }

  indicator_result indicator(const model::indicator& ind, const indicator_plan& ip,
                             const model::actual* a) const {
    indicator_result r;
    r.ind = &ind;
    r.group = ip.group;
    r.weight = ip.weight.with_min_scale(2).value_or(ip.weight);
    r.target = target_text(ind);
    r.score = decimal::from_int(0).with_min_scale(2).value_or(decimal{});
    if (a == nullptr) {
      r.dev = deviation::missing;
      r.explain = "no actual value → 0.00";
      return r;
    }
    r.actual = actual_text(*a);
    r.reason = a->because;
    scored s = score_indicator(p, ind, ip.weight, *a);
    if (s.error) {
      report(severity::error, a->loc, *s.error);
      s.score = decimal::from_int(0).with_min_scale(2).value_or(decimal{});
      s.explain = "cannot be scored → 0.00";
    }
    r.score = s.score;
    r.completion = s.completion;
    r.met = s.met && !s.error;
    r.explain = s.explain;
    if (!r.met) {
      r.dev = deviation::not_met;
    } else if (s.positive && s.completion) {
      auto pct = s.completion->mul(decimal::from_int(100));
      if (pct && *pct >= p.over_achievement) r.dev = deviation::over_achieved;
    }
    // An override outside [0, 分值] stops the run before scoring (validate_actuals); were one
    // to reach here, it is not applied.
    if (a->assessed && a->assessed->score.sign() >= 0 && a->assessed->score.round(2) <= ip.weight) {
      r.computed = r.score;
      r.score = a->assessed->score.round(2).with_min_scale(2).value_or(a->assessed->score);
      r.override_reason = a->assessed->reason;
      r.explain +=
          fmt::format("; assessor override → {} ({})", r.score.to_string(), a->assessed->reason);
    }
    if (r.needs_reason()) {
      text what = deviation_text(r);
      report(
          severity::warning, a->loc,
          {fmt::format(
               "'{}': {} ({} against {}); give the reason with because \"…\" (or the CSV note)",
               ind.name, what.en, r.actual, r.target),
           fmt::format("「{}」{}（{}，指标值 {}），需说明偏差原因：because \"…\"（CSV 的 note 列）",
                       ind.name, what.zh, r.actual, r.target)});
    }
    return r;
  }

  void budget(const model::project& proj, const project_actuals& pa, const project_plan& plan,
              project_result& out) const {
    budget_result& b = out.budget;
    b.weight = plan.budget_points.with_min_scale(2).value_or(plan.budget_points);
    b.budget = pa.budget ? pa.budget : proj.money.total;
    b.executed = pa.executed;
    b.reason = pa.executed_reason;
    if (b.weight.is_zero()) return;
    if (!b.budget || b.budget->sign() <= 0)
      report(severity::error, proj.loc,
             {fmt::format("project '{}' has no budget (funds total) to compute the execution rate",
                          proj.name),
              fmt::format("项目「{}」没有预算数（funds total），无法计算预算执行率", proj.name)});
    if (!b.executed) {
      out.missing.push_back(budget_indicator);
      out.complete = false;
    }
    score_budget(p, b);
    if (b.below_floor && b.reason.empty())
      report(severity::warning, proj.loc,
             {fmt::format("project '{}': budget execution rate {} is below {} %; give the reason "
                          "(\"预算执行数\" = … "
                          "because \"…\", or the CSV note)",
                          proj.name, percent_text(*b.rate),
                          p.budget_rate_floor.normalized().to_string()),
              fmt::format("项目「{}」预算执行率 {} 低于 {} %，需说明原因（\"预算执行数\" = … "
                          "because \"…\"，或 CSV 的 note 列）",
                          proj.name, percent_text(*b.rate),
                          p.budget_rate_floor.normalized().to_string())});
  }
};

void score_project(const scorer& sc, const model::project& proj, const project_actuals& pa,
                   project_result& r) {
  project_plan plan = plan_project(sc.p, proj, sc.sources, sc.findings);
  r.name = proj.name;
  r.notes = plan.notes;
  r.unmatched = pa.unmatched;
  sc.budget(proj, pa, plan, r);
  decimal total = r.budget.score;
  r.indicators.reserve(proj.indicators.size());
  for (std::size_t k = 0; k < proj.indicators.size(); ++k) {
    const auto& ind = proj.indicators[k];
    indicator_result ir = sc.indicator(ind, plan.indicators[k], pa.by_name.find(ind.name));
    if (ir.dev == deviation::missing) {
      r.missing.push_back(ind.name.str());
      r.complete = false;
    }
    total = total.add(ir.score).value_or(total);
    r.indicators.push_back(std::move(ir));
  }
  r.score = total.round(2);
  r.grade = sc.p.grade_of(r.score);
}

}  // namespace

void evaluate_range(const scoring_params& p, const model::model& m, const matching& actuals,
                    const std::vector<source_ptr>& sources, std::size_t first, std::size_t last,
                    std::vector<project_result>& out, diagnostics& findings) {
  out.clear();
  out.resize(last - first);
  // Projects are independent: each chunk scores its own range with its own findings, joined
  // in chunk order, so the result is the same for any number of jobs.
  std::size_t chunks = std::min<std::size_t>(jobs(), (last - first) / 64 + 1);
  std::vector<diagnostics> found(chunks);
  parallel_chunks(last - first, chunks, [&](std::size_t c, std::size_t b, std::size_t e) {
    scorer sc{p, sources, found[c]};
    for (std::size_t i = b; i < e; ++i)
      score_project(sc, m.projects[first + i], actuals.projects[first + i], out[i]);
  });
  for (const auto& f : found) findings.append(f);
}

eval_result evaluate(const scoring_params& p, const model::model& m, const matching& actuals,
                     const std::vector<source_ptr>& sources) {
  eval_result out;
  out.pack = p.title;
  out.unmatched = actuals.orphans;
  evaluate_range(p, m, actuals, sources, 0, m.projects.size(), out.projects, out.findings);
  out.findings.sort();
  return out;
}

}  // namespace kpi::eval
