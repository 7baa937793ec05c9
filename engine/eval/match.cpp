// Actuals → projects and indicators, by name.
#include "engine/eval/match.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <unordered_map>

#include "engine/base/spell.hpp"
#include "engine/eval/params.hpp"

namespace kpi::eval {
namespace {

diagnostic& error_at(diagnostics& diags, const std::vector<source_ptr>& sources,
                     const model::location& at, text t) {
  source_ptr s = at.file < sources.size() ? sources[at.file] : nullptr;
  return diags.error(s, {at.offset, at.offset + 1}, std::move(t));
}

// Each unmatched actual is also a positioned warning on stderr, whatever the report format.
void warn_unmatched(diagnostics& diags, const std::vector<source_ptr>& sources,
                    const unmatched_actual& u, bool no_project) {
  source_ptr s = u.loc.file < sources.size() ? sources[u.loc.file] : nullptr;
  std::string en_hint =
      u.suggestion.empty() ? "" : fmt::format(" (did you mean '{}'?)", u.suggestion);
  std::string zh_hint = u.suggestion.empty() ? "" : fmt::format("（是否为「{}」？）", u.suggestion);
  text t = no_project
               ? text{fmt::format("unmatched actual: no project '{}' in the targets{}; '{}' is "
                                  "not scored",
                                  u.project, en_hint, u.indicator),
                      fmt::format("未匹配的实际完成值：目标中没有项目「{}」{}；「{}」未计分",
                                  u.project, zh_hint, u.indicator)}
               : text{fmt::format("unmatched actual: project '{}' has no indicator '{}'{}; it is "
                                  "not scored",
                                  u.project, u.indicator, en_hint),
                      fmt::format("未匹配的实际完成值：项目「{}」中没有指标「{}」{}；未计分",
                                  u.project, u.indicator, zh_hint)};
  diags.report(severity::warning, s, {u.loc.offset, u.loc.offset + 1}, std::move(t));
}

unmatched_actual unmatched_row(const std::string& project, const model::actual& a,
                               std::string suggestion) {
  return {project, a.indicator.str(), actual_text(a), std::move(suggestion), a.loc};
}

}  // namespace

matching match_actuals(const model::model& m, const std::vector<model::actuals_block>& blocks,
                       const std::vector<source_ptr>& sources, diagnostics& diags) {
  matching out;
  out.projects.resize(m.projects.size());
  std::unordered_map<std::string_view, std::size_t> project_index;
  project_index.reserve(m.projects.size());
  for (std::size_t i = 0; i < m.projects.size(); ++i) project_index.emplace(m.projects[i].name, i);
  for (const auto& b : blocks) {
    auto pi = project_index.find(b.project);
    if (pi == project_index.end()) {
      std::vector<std::string> project_names;
      for (const auto& p : m.projects) project_names.push_back(p.name);
      std::string near = closest(b.project, project_names).value_or("");
      const std::size_t first_orphan = out.orphans.size();
      if (b.executed)
        out.orphans.push_back(
            {b.project, budget_indicator, b.executed->to_string() + " 元", near, b.loc});
      for (const auto& a : b.values) out.orphans.push_back(unmatched_row(b.project, a, near));
      for (std::size_t k = first_orphan; k < out.orphans.size(); ++k)
        warn_unmatched(diags, sources, out.orphans[k], true);
      continue;
    }
    const model::project& proj = m.projects[pi->second];
    project_actuals& pa = out.projects[pi->second];
    pa.given = true;
    auto first_here = [&](diagnostic& d, const model::location& first) {
      source_ptr s = first.file < sources.size() ? sources[first.file] : nullptr;
      d.notes.push_back({s, {first.offset, first.offset + 1}, {"first given here", "首次出现于此"}});
    };
    auto set_once = [&](std::optional<decimal>& slot, model::location& slot_at,
                        const std::optional<decimal>& v, const model::location& at,
                        const char* what) {
      if (!v) return;
      if (slot) {
        first_here(error_at(diags, sources, at,
                            {fmt::format("the {} of '{}' is given twice", what, b.project),
                             fmt::format("项目「{}」的{}重复给出", b.project, what)}),
                   slot_at);
        return;
      }
      slot = v;
      slot_at = at;
    };
    set_once(pa.executed, pa.executed_loc, b.executed, b.loc, "预算执行数");
    if (!b.executed_reason.empty()) pa.executed_reason = b.executed_reason;
    set_once(pa.budget, pa.budget_loc, b.budget, b.loc, "预算数");
    auto has_indicator = [&](istr name) {  // interned: a pointer comparison
      for (const auto& ind : proj.indicators)
        if (ind.name == name) return true;
      return false;
    };
    pa.by_name.reserve(pa.by_name.size() + b.values.size());
    for (const auto& a : b.values) {
      bool known = has_indicator(a.indicator);
      if (a.indicator == budget_indicator && !known) {
        if (a.k != model::actual_kind::quantity || a.value->dimension != "currency") {
          error_at(diags, sources, a.loc,
                   {"预算执行数 is an amount of money, e.g. 1,002,300.00 元",
                    "预算执行数应为金额，例如 1,002,300.00 元"});
          continue;
        }
        set_once(pa.executed, pa.executed_loc,
                 a.value->base_value.with_min_scale(2).value_or(a.value->base_value), a.loc,
                 "预算执行数");
        pa.executed_reason = a.because;
        continue;
      }
      if (!known) {
        std::vector<std::string> ordered;  // distinct names in declaration order
        for (const auto& ind : proj.indicators)
          if (std::find(ordered.begin(), ordered.end(), ind.name) == ordered.end())
            ordered.push_back(ind.name.str());
        pa.unmatched.push_back(
            unmatched_row(b.project, a, closest(a.indicator, ordered).value_or("")));
        warn_unmatched(diags, sources, pa.unmatched.back(), false);
        continue;
      }
      if (const auto* first = pa.by_name.find(a.indicator)) {
        first_here(
            error_at(diags, sources, a.loc,
                     {fmt::format("the actual value of '{}' in project '{}' is given twice",
                                  a.indicator, b.project),
                      fmt::format("项目「{}」中「{}」的实际完成值重复给出", b.project, a.indicator)}),
            first->loc);
        continue;
      }
      pa.by_name.add(&a);
    }
  }
  return out;
}

}  // namespace kpi::eval
