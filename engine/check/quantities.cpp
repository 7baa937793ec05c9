#include "engine/check/quantities.hpp"

#include "engine/base/spell.hpp"

namespace kpi {

std::optional<model::amount> resolve_quantity(const check_context& ctx, const environment& env,
                                              const ast::quantity& q) {
  if (!q.unit) return model::amount{q.num.value, {}, q.num.value.normalized(), {}, {}};
  const std::string& unit_text = q.unit->text;
  auto def = env.units.resolve(unit_text);
  if (!def) {
    auto hint = closest(unit_text, env.units.unit_names());
    const std::string u = quote_value(unit_text);
    ctx.error(q.unit->range,
              {fmt::format("unknown unit '{}'{}; units are declared in stdlib/units.kpi, and you "
                           "can declare your "
                           "own in a file passed with --lib, e.g. unit {} count",
                           u, hint ? fmt::format(" (did you mean '{}'?)", *hint) : "", u),
               fmt::format("未知单位 '{}'{}；单位在 stdlib/units.kpi 中声明，也可在 --lib "
                           "指定的文件中自行声明，例如 "
                           "unit {} count",
                           u, hint ? fmt::format("（是否为 '{}'？）", *hint) : "", u)});
    return std::nullopt;
  }
  auto a = to_amount(q.num.value, unit_text, *def);
  if (!a) {
    ctx.error(q.range, {"value too large to convert exactly to its base unit",
                        "数值过大，无法精确换算为基本单位"});
    return std::nullopt;
  }
  return a;
}

std::optional<model::amount> resolve_in(const check_context& ctx, const environment& env,
                                        const ast::quantity& q, std::string_view dimension,
                                        const text& what) {
  if (!q.unit) {
    ctx.error(q.range,
              {fmt::format("{} needs a unit, e.g. {} 元", what.en, q.num.value.to_grouped_string()),
               fmt::format("{}需要单位，例如 {} 元", what.zh, q.num.value.to_grouped_string())});
    return std::nullopt;
  }
  auto a = resolve_quantity(ctx, env, q);
  if (!a) return std::nullopt;
  if (a->dimension != dimension) {
    ctx.error(q.unit->range, {fmt::format("{} must be in {}, not '{}' ({})", what.en, dimension,
                                          quote_value(q.unit->text), a->dimension),
                              fmt::format("{}的单位应为 {}，而不是 '{}'（{}）", what.zh, dimension,
                                          quote_value(q.unit->text), a->dimension)});
    return std::nullopt;
  }
  return a;
}

std::optional<date> resolve_date(const check_context& ctx, const ast::date_lit& d) {
  auto v = date::parse(d.text);
  if (!v)
    ctx.error(d.range,
              {fmt::format("invalid date {}: no such day in the calendar", quote_value(d.text)),
               fmt::format("无效日期 {}：日历中没有这一天", quote_value(d.text))});
  return v;
}

const term_def* resolve_term(const check_context& ctx, const environment& env,
                             const ast::name& word) {
  if (const term_def* t = env.terms.find(word.text)) return t;
  auto hint = closest(word.text, env.terms.names());
  const std::string shown = quote_value(word.text);
  ctx.error(
      word.range,
      {fmt::format(
           "unknown term '{}'{}; write free text in quotes (\"{}\"), or declare the term in a file "
           "passed with --lib (known terms: stdlib/vocabulary.kpi)",
           shown, hint ? fmt::format(" (did you mean '{}'?)", *hint) : "", shown),
       fmt::format("未知术语 '{}'{}；自由文本请加引号（\"{}\"），或在 --lib "
                   "指定的文件中声明该术语（已知术语见 "
                   "stdlib/vocabulary.kpi）",
                   shown, hint ? fmt::format("（是否为 '{}'？）", *hint) : "", shown)});
  return nullptr;
}

}  // namespace kpi
