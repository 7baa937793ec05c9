// Weights of a project's indicators (SCORING.md §1).
#include "engine/eval/plan.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <numeric>

namespace kpi::eval {
namespace {

const decimal cent = *decimal::parse("0.01");
const decimal half_cent = *decimal::parse("0.005");

// ⌊x⌋ to 2 places, for x ≥ 0.
decimal floor_cents(const decimal& x) {
  if (x.round(2) == x) return x.round(2);
  return x.sub(half_cent).value_or(x).round(2);
}

source_ptr source_of(const std::vector<source_ptr>& sources, const model::location& at) {
  return at.file < sources.size() ? sources[at.file] : nullptr;
}

void error_at(diagnostics& diags, const std::vector<source_ptr>& sources, const model::location& at,
              text t) {
  diags.error(source_of(sources, at), {at.offset, at.offset + 1}, std::move(t));
}

}  // namespace

std::vector<decimal> proportional_split(const decimal& amount, const std::vector<decimal>& shares) {
  decimal whole;
  for (const auto& s : shares) whole = whole.add(s).value_or(whole);
  std::vector<decimal> parts(shares.size());
  if (whole.is_zero()) return parts;
  std::vector<decimal> rest(shares.size());
  decimal given;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    decimal q = amount.mul(shares[i]).value_or(decimal{}).div(whole, 12).value_or(decimal{});
    parts[i] = floor_cents(q);
    rest[i] = q.sub(parts[i]).value_or(decimal{});
    given = given.add(parts[i]).value_or(given);
  }
  std::vector<std::size_t> order(shares.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return rest[a] > rest[b]; });
  for (std::size_t k = 0; k < order.size() && given < amount; ++k) {
    parts[order[k]] = parts[order[k]].add(cent).value_or(parts[order[k]]);
    given = given.add(cent).value_or(given);
  }
  return parts;
}

std::vector<decimal> even_split(const decimal& amount, std::size_t n) {
  if (n == 0) return {};
  decimal each = floor_cents(
      amount.div(decimal::from_int(static_cast<std::int64_t>(n)), 12).value_or(decimal{}));
  std::vector<decimal> parts(n, each);
  decimal given = each.mul(decimal::from_int(static_cast<std::int64_t>(n))).value_or(decimal{});
  for (std::size_t i = 0; i < n && given < amount; ++i) {
    parts[i] = parts[i].add(cent).value_or(parts[i]);
    given = given.add(cent).value_or(given);
  }
  return parts;
}

project_plan plan_project(const scoring_params& p, const model::project& project,
                          const std::vector<source_ptr>& sources, diagnostics& diags) {
  project_plan plan;
  plan.budget_points = p.budget_points;
  const auto& inds = project.indicators;
  plan.indicators.resize(inds.size());

  // Which group each indicator belongs to.
  std::vector<std::vector<std::size_t>> members(p.groups.size());
  for (std::size_t i = 0; i < inds.size(); ++i) {
    std::string label =
        inds[i].level1 == "成本指标" && !p.cost_group.empty() ? p.cost_group : inds[i].level1.str();
    auto g = std::find_if(p.groups.begin(), p.groups.end(), [&](const group_weight& gw) {
      return gw.name == label ||
             std::find(gw.aliases.begin(), gw.aliases.end(), label) != gw.aliases.end();
    });
    if (g == p.groups.end()) {
      error_at(
          diags, sources, inds[i].loc,
          {fmt::format("一级指标 '{}' has no row in the weights table of the scoring pack", label),
           fmt::format("一级指标「{}」在评分办法的 weights 表中没有分值", label)});
      plan.ok = false;
      continue;
    }
    members[g - p.groups.begin()].push_back(i);
    plan.indicators[i].group = g->name;
  }

  // A group without indicators: its points go to the others in proportion, or are dropped.
  std::vector<decimal> points;
  std::vector<std::size_t> present;
  decimal absent_points;
  for (std::size_t g = 0; g < p.groups.size(); ++g) {
    points.push_back(p.groups[g].points);
    if (!members[g].empty())
      present.push_back(g);
    else if (!p.groups[g].points.is_zero()) {
      absent_points = absent_points.add(p.groups[g].points).value_or(absent_points);
      plan.notes.push_back(
          p.renormalise
              ? text{fmt::format(
                         "no indicator in {}: its {} points are spread over the other groups",
                         p.groups[g].name, p.groups[g].points.to_string()),
                     fmt::format("无{}：其 {} 分按比例折算到其他指标组", p.groups[g].name,
                                 p.groups[g].points.to_string())}
              : text{fmt::format("no indicator in {}: its {} points are not scored",
                                 p.groups[g].name, p.groups[g].points.to_string()),
                     fmt::format("无{}：其 {} 分不计", p.groups[g].name,
                                 p.groups[g].points.to_string())});
    }
  }
  if (p.renormalise && !absent_points.is_zero() && !present.empty()) {
    std::vector<decimal> shares;
    decimal avail = p.total.sub(p.budget_points).value_or(p.total);
    for (std::size_t g : present) shares.push_back(p.groups[g].points);
    auto parts = proportional_split(avail, shares);
    std::vector<std::string> shown;
    for (std::size_t k = 0; k < present.size(); ++k) {
      points[present[k]] = parts[k];
      shown.push_back(fmt::format("{} {}", p.groups[present[k]].name, parts[k].to_string()));
    }
    plan.notes.back().en += fmt::format(" ({})", fmt::join(shown, ", "));
    plan.notes.back().zh += fmt::format("（{}）", fmt::join(shown, "，"));
    absent_points = decimal{};
  }

  // Explicit weights, then the even split of what is left.
  decimal sum = plan.budget_points.add(absent_points).value_or(decimal{});
  std::vector<std::string> sums{fmt::format("{} {}", budget_row, plan.budget_points.to_string())};
  for (std::size_t g : present) {
    decimal explicit_sum;
    std::vector<std::size_t> rest;
    for (std::size_t i : members[g]) {
      if (inds[i].weight) {
        plan.indicators[i].weight = *inds[i].weight;
        explicit_sum = explicit_sum.add(*inds[i].weight).value_or(explicit_sum);
      } else {
        rest.push_back(i);
      }
    }
    decimal group_points = explicit_sum;
    if (!rest.empty()) {
      decimal left = points[g].sub(explicit_sum).value_or(decimal{});
      if (left.is_negative()) {
        error_at(diags, sources, inds[members[g].front()].loc,
                 {fmt::format("the explicit weights in {} add up to {}, more than its {} points",
                              p.groups[g].name, explicit_sum.to_string(), points[g].to_string()),
                  fmt::format("{}中明确给出的分值合计 {}，超过该组的 {} 分", p.groups[g].name,
                              explicit_sum.to_string(), points[g].to_string())});
        plan.ok = false;
        left = decimal{};
      }
      auto parts = even_split(left, rest.size());
      for (std::size_t k = 0; k < rest.size(); ++k) plan.indicators[rest[k]].weight = parts[k];
      group_points = points[g];
    }
    sum = sum.add(group_points).value_or(sum);
    sums.push_back(fmt::format("{} {}", p.groups[g].name, group_points.to_string()));
  }
  if (plan.ok && !present.empty() && sum != p.total) {
    error_at(diags, sources, project.loc,
             {fmt::format("the 分值 of project '{}' add up to {}, not {}: {}", project.name,
                          sum.to_string(), p.total.to_string(), fmt::join(sums, ", ")),
              fmt::format("项目「{}」的分值合计 {}，不等于 {}：{}", project.name, sum.to_string(),
                          p.total.to_string(), fmt::join(sums, "，"))});
    plan.ok = false;
  }
  return plan;
}

}  // namespace kpi::eval
