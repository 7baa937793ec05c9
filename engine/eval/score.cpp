// Scoring formulas (SCORING.md §2–§4, §6).
#include "engine/eval/score.hpp"

#include <fmt/format.h>

namespace kpi::eval {
namespace {

const decimal zero;
const decimal hundred = decimal::from_int(100);

std::string show(const decimal& d) {
  return d.normalized().to_string();
}
decimal cents(const decimal& d) {
  return d.round(2).with_min_scale(2).value_or(d);
}

// w × num ÷ den, rounded once; the explanation shows each step.
scored ratio_score(const scoring_params& p, const decimal& w, const decimal& num,
                   const decimal& den) {
  scored s;
  auto q = w.mul_div(num, den, p.division_places);
  if (!q) {
    s.error = text{"the score overflows", "得分计算溢出"};
    return s;
  }
  s.score = q->round(2);
  if (p.explain)
    s.explain = fmt::format("{} × {} ÷ {} = {} → {}", show(w), show(num), show(den), show(*q),
                            s.score.to_string());
  return s;
}

scored full(const decimal& w, std::string why) {
  scored s;
  s.score = cents(w);
  s.met = true;
  s.explain = fmt::format("{} → {}", why, s.score.to_string());
  return s;
}

scored zero_score(std::string why) {
  scored s;
  s.score = cents(zero);
  s.explain = fmt::format("{} → 0.00", why);
  return s;
}

// actual ÷ target carried to division_places; none for a target of 0.
std::optional<decimal> completion_of(const scoring_params& p, const decimal& a, const decimal& t) {
  return t.is_zero() ? std::nullopt : a.div(t, p.division_places);
}

bool holds(model::op o, const decimal& a, const decimal& t) {
  switch (o) {
    case model::op::ge:
      return a >= t;
    case model::op::gt:
      return a > t;
    case model::op::le:
      return a <= t;
    case model::op::lt:
      return a < t;
    case model::op::eq:
      return a == t;
    case model::op::between:
    case model::op::none:
      return false;
  }
  return false;
}

// A target whose sign gives the ratio formula no meaning (SCORING.md §3 divides by the target
// and compares a share of it): scored all or nothing, met → w, otherwise 0.
scored all_or_nothing(const decimal& w, bool met, const char* why) {
  return met ? full(w, fmt::format("{}: met", why)) : zero_score(fmt::format("{}: not met", why));
}

scored quantitative(const scoring_params& p, const model::indicator& ind, const decimal& w,
                    const model::amount& actual) {
  const model::amount& target = *ind.target;
  if (!target.base_unit.empty() && !actual.base_unit.empty() &&
      target.base_unit != actual.base_unit) {
    scored s;
    s.error = text{
        fmt::format("the actual {} cannot be compared with the target {} ({} vs {})",
                    amount_text(actual), amount_text(target), actual.base_unit, target.base_unit),
        fmt::format("实际完成值 {} 与指标值 {} 无法比较（{} 与 {}）", amount_text(actual),
                    amount_text(target), actual.base_unit, target.base_unit)};
    return s;
  }
  const decimal& a = actual.base_value;
  const decimal& t = target.base_value;
  const bool met = holds(ind.o, a, t);
  scored s;
  // Every branch keeps 0 <= score <= w: a ratio is taken only of two positive amounts whose
  // quotient is at most 1; other signs are scored all or nothing or 0.
  switch (ind.o) {
    case model::op::ge:
    case model::op::gt:
    case model::op::eq:
      if (t.sign() < 0) {
        s = all_or_nothing(w, met, "target < 0, all or nothing");
      } else if (t.is_zero()) {
        s = a.sign() >= 0 ? full(w, "target 0, actual ≥ 0") : zero_score("target 0, actual < 0");
      } else if (a.sign() < 0) {
        s = zero_score("actual < 0 against a target > 0");
      } else {
        s = ratio_score(p, w, std::min(a, t), t);
        s.explain = "w × min(actual, target) ÷ target: " + s.explain;
      }
      s.positive = true;
      break;
    case model::op::le:
    case model::op::lt:
      if (met) {
        s = full(w, "met");
      } else if (t.sign() < 0) {
        s = zero_score("target < 0, all or nothing: not met");
      } else if (t.is_zero()) {
        s = zero_score("target 0, actual over it");
      } else if (p.reverse == reverse_method::ratio) {
        s = ratio_score(p, w, t, a);  // a > t > 0
        s.explain = "w × target ÷ actual: " + s.explain;
      } else {
        decimal room = t.add(t).value_or(t).sub(a).value_or(zero);  // target − (actual − target)
        if (room.sign() <= 0)
          s = zero_score("w × max(0, 1 − (actual − target) ÷ target)");
        else {
          s = ratio_score(p, w, room, t);
          s.explain = "w × (2·target − actual) ÷ target: " + s.explain;
        }
      }
      break;
    case model::op::between: {
      const decimal& hi = ind.target_high->base_value;
      const bool inside = a >= t && a <= hi;
      if (inside)
        s = full(w, "inside the range");
      else if (a < t) {
        if (t.sign() <= 0 || a.sign() <= 0)
          s = zero_score("below the range (low ≤ 0 or actual ≤ 0: no ratio)");
        else {
          s = ratio_score(p, w, a, t);
          s.explain = "w × actual ÷ low: " + s.explain;
        }
      } else if (hi.sign() <= 0) {
        s = zero_score("above the range (high ≤ 0: no ratio)");
      } else {
        s = ratio_score(p, w, hi, a);
        s.explain = "w × high ÷ actual: " + s.explain;
      }
      s.met = inside;
      s.completion = completion_of(p, a, t);
      return s;
    }
    case model::op::none:
      break;
  }
  s.met = met;
  s.completion = completion_of(p, a, t);
  return s;
}

scored graded(const scoring_params& p, const model::indicator& ind, const decimal& w,
              const model::actual& a) {
  const grade_def* g = p.find_grade(a.text);
  if (g == nullptr && !a.text.empty() && a.text == ind.text && !p.grades.empty())
    g = &p.grades.front();
  scored s;
  if (g == nullptr) {
    std::string names;
    for (const auto& d : p.grades) names += (names.empty() ? "" : ", ") + d.range.name;
    s.error = text{
        fmt::format("'{}' is not a grade: write {} (optionally with a percentage, e.g. 部分达成 75 "
                    "%), or the "
                    "target's own text",
                    a.text, names),
        fmt::format(
            "「{}」不是评价等级：应为 {}（可带百分比，例如 部分达成 75 %），或与指标值相同的表述",
            a.text, names)};
    return s;
  }
  decimal share = a.share.value_or(g->fallback);
  bool top = g->range.high == hundred;
  if (a.share &&
      (share < g->range.low || share > g->range.high || (share == g->range.high && !top))) {
    std::string band = fmt::format("{} % .. {} %{}", show(g->range.low), show(g->range.high),
                                   top ? "" : " (exclusive)");
    s.error =
        text{fmt::format("{} {} % lies outside the band of {}: {}", a.text, show(share),
                         g->range.name, band),
             fmt::format("{} {} % 超出「{}」的区间 {}", a.text, show(share), g->range.name, band)};
    return s;
  }
  s = ratio_score(p, w, share, hundred);
  s.explain = fmt::format("{} {} %: ", g->range.name, show(share)) + s.explain;
  s.met = g == &p.grades.front();
  return s;
}

}  // namespace

scored score_indicator(const scoring_params& p, const model::indicator& ind, const decimal& w,
                       const model::actual& a) {
  if (a.k == model::actual_kind::grade || a.k == model::actual_kind::text)
    return graded(p, ind, w, a);
  if (a.k == model::actual_kind::date) {
    if (!ind.deadline) {
      scored s;
      s.error = text{"a date is the actual of a deadline target only",
                     "只有期限类指标的实际完成值可以是日期"};
      return s;
    }
    bool met = holds(ind.o, decimal::from_int(a.when->serial()),
                     decimal::from_int(ind.deadline->serial()));
    return met ? full(w, "deadline met") : zero_score("deadline missed");
  }
  if (ind.k == model::kind::qualitative || !ind.target) {
    scored s;
    s.error =
        text{fmt::format(
                 "'{}' is qualitative: its actual is a grade such as 达成, 部分达成 75 % or 未达成",
                 ind.name),
             fmt::format("「{}」为定性指标：实际完成值应为等级，例如 达成、部分达成 75 %、未达成",
                         ind.name)};
    return s;
  }
  return quantitative(p, ind, w, *a.value);
}

void score_budget(const scoring_params& p, budget_result& b) {
  b.score = cents(zero);
  // A negative executed amount stops the run before scoring (validate_actuals).
  if (!b.budget || !b.executed || b.budget->sign() <= 0 || b.executed->sign() < 0) return;
  b.rate = b.executed->div(*b.budget, p.division_places);
  scored s = ratio_score(p, b.weight, std::min(*b.executed, *b.budget), *b.budget);
  b.score = s.score;
  b.explain = "w × min(executed, budget) ÷ budget: " + s.explain;
  if (b.rate) {
    auto pct = b.rate->mul(hundred);
    b.below_floor = pct && *pct < p.budget_rate_floor;
  }
}

}  // namespace kpi::eval
