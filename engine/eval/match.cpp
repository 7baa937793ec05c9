// Actuals → projects and indicators, by name.
#include "engine/eval/match.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "engine/base/spell.hpp"
#include "engine/eval/params.hpp"

namespace kpi::eval {
namespace {

diagnostic& error_at(diagnostics& diags, const std::vector<source_ptr>& sources,
                     const model::location& at, text t) {
  return report_at(diags, severity::error, sources, at, std::move(t));
}

// Each unmatched actual is also a positioned warning on stderr, whatever the report format.
void warn_unmatched(diagnostics& diags, const std::vector<source_ptr>& sources,
                    const unmatched_actual& u, bool no_project) {
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
  report_at(diags, severity::warning, sources, u.loc, std::move(t));
}

unmatched_actual unmatched_row(const std::string& project, const model::actual& a,
                               std::string suggestion) {
  return {project, a.indicator.str(), actual_text(a), std::move(suggestion), a.loc};
}

// "Did you mean" within the run's limits (match.hpp): counts the rows and the comparison steps.
class suggestions {
 public:
  // The suggestion for `word` among `names` (built on first need by `make`); nullopt when there
  // is none or when the limits are spent (then `skipped`).
  template <typename Make>
  std::string for_row(std::string_view word, std::unique_ptr<speller>& names, Make&& make,
                      bool& skipped) {
    if (rows_ >= max_suggested_rows || cells_ == 0) {
      skipped = true;
      return "";
    }
    ++rows_;
    if (!names) names = std::make_unique<speller>(make());
    bool exhausted = false;
    auto hint = names->closest(word, &cells_, &exhausted);
    if (exhausted) {
      cells_ = 0;
      skipped = true;
    }
    return hint.value_or("");
  }

 private:
  std::size_t rows_ = 0;
  std::uint64_t cells_ = max_suggestion_cells;
};

}  // namespace

matching match_actuals(const model::model& m, const std::vector<model::actuals_block>& blocks,
                       const std::vector<source_ptr>& sources, diagnostics& diags) {
  matching out;
  out.projects.resize(m.projects.size());
  std::unordered_map<std::string_view, std::size_t> project_index;
  project_index.reserve(m.projects.size());
  for (std::size_t i = 0; i < m.projects.size(); ++i) project_index.emplace(m.projects[i].name, i);
  suggestions hints;
  std::unique_ptr<speller> project_names;  // built on the first block of an unknown project
  auto all_project_names = [&] {
    std::vector<std::string> names;
    names.reserve(m.projects.size());
    for (const auto& p : m.projects) names.push_back(p.name);
    return names;
  };
  // Per project: its indicators' names as a hash set (past a few) and a speller, on need.
  std::vector<std::unique_ptr<std::unordered_set<const char*>>> indicator_sets(m.projects.size());
  std::vector<std::unique_ptr<speller>> indicator_names(m.projects.size());
  for (const auto& b : blocks) {
    auto pi = project_index.find(b.project);
    if (pi == project_index.end()) {
      bool skipped = false;
      std::string near = hints.for_row(b.project, project_names, all_project_names, skipped);
      auto orphan = [&](unmatched_actual u) {
        u.suggestion_skipped = skipped;
        out.orphans.push_back(std::move(u));
        warn_unmatched(diags, sources, out.orphans.back(), true);
      };
      if (b.executed)
        orphan({b.project, budget_indicator, b.executed->to_string() + " 元", near, b.loc});
      for (const auto& a : b.values) orphan(unmatched_row(b.project, a, near));
      continue;
    }
    const model::project& proj = m.projects[pi->second];
    project_actuals& pa = out.projects[pi->second];
    pa.given = true;
    auto first_here = [&](diagnostic& d, const model::location& first) {
      source_ptr s = first.file < sources.size() ? sources[first.file] : nullptr;
      d.notes.push_back(
          {s, {first.offset, first.offset + 1}, {"first given here", "首次出现于此"}});
    };
    auto set_once = [&](std::optional<decimal>& slot, model::location& slot_at,
                        const std::optional<decimal>& v, const model::location& at,
                        const char* what) {
      if (!v) return;
      if (slot) {
        first_here(
            error_at(diags, sources, at,
                     {fmt::format("the {} of '{}' is given twice", what, quote_value(b.project)),
                      fmt::format("项目「{}」的{}重复给出", quote_value(b.project), what)}),
            slot_at);
        return;
      }
      slot = v;
      slot_at = at;
    };
    set_once(pa.executed, pa.executed_loc, b.executed, b.loc, "预算执行数");
    if (!b.executed_reason.empty()) pa.executed_reason = b.executed_reason;
    set_once(pa.budget, pa.budget_loc, b.budget, b.loc, "预算数");
    auto& names_set = indicator_sets[pi->second];
    if (!names_set && proj.indicators.size() > 32) {
      names_set = std::make_unique<std::unordered_set<const char*>>();
      names_set->reserve(proj.indicators.size());
      for (const auto& ind : proj.indicators) names_set->insert(ind.name.data());
    }
    auto has_indicator = [&](istr name) {  // interned: a pointer comparison
      if (names_set) return names_set->count(name.data()) > 0;
      for (const auto& ind : proj.indicators)
        if (ind.name == name) return true;
      return false;
    };
    auto distinct_names = [&] {  // in declaration order
      std::vector<std::string> ordered;
      std::unordered_set<const char*> seen;
      for (const auto& ind : proj.indicators)
        if (seen.insert(ind.name.data()).second) ordered.push_back(ind.name.str());
      return ordered;
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
        bool skipped = false;
        std::string near =
            hints.for_row(a.indicator, indicator_names[pi->second], distinct_names, skipped);
        pa.unmatched.push_back(unmatched_row(b.project, a, std::move(near)));
        pa.unmatched.back().suggestion_skipped = skipped;
        warn_unmatched(diags, sources, pa.unmatched.back(), false);
        continue;
      }
      if (const auto* first = pa.by_name.find(a.indicator)) {
        first_here(error_at(diags, sources, a.loc,
                            {fmt::format("the actual value of '{}' in project '{}' is given twice",
                                         quote_value(a.indicator), quote_value(b.project)),
                             fmt::format("项目「{}」中「{}」的实际完成值重复给出",
                                         quote_value(b.project), quote_value(a.indicator))}),
                   first->loc);
        continue;
      }
      pa.by_name.add(&a);
    }
  }
  return out;
}

}  // namespace kpi::eval
