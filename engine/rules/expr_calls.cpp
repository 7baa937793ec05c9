// The expression compiler's sets and calls: `where` filters, aggregates over a set of
// indicators, and the other built-in functions with their arities.
#include <fmt/format.h>

#include "engine/base/spell.hpp"
#include "engine/rules/expr_compiler_impl.hpp"
#include "engine/rules/fields.hpp"

namespace kpi::rules::expr_detail {

typed compiler::compile_node(const ast::where& w, const ast::expr& e) {
  typed set = compile(*w.set);
  if (!set.n) return bad();
  if (set.t != stype::set) {
    error(w.set->range,
          "'where' filters a set of indicators, e.g. indicators where level1 == 成本指标",
          "'where' 用于筛选指标集合，例如 indicators where level1 == 成本指标");
    return bad();
  }
  push_scope(scope::indicator);
  node_ptr cond = condition(*w.condition);
  pop_scope();
  if (!cond) return bad();
  node n;
  n.k = node_kind::where;
  n.kids = {set.n, cond};
  return {make(std::move(n), e), stype::set, std::nullopt};
}

typed compiler::compile_node(const ast::call& c, const ast::expr& e) {
  auto fn = find_builtin(c.function.text);
  if (!fn) {
    auto hint = closest(c.function.text, builtin_names());
    error(c.function.range,
          fmt::format("unknown function '{}'{}", c.function.text,
                      hint ? fmt::format(" (did you mean '{}'?)", *hint) : ""),
          fmt::format("未知函数 '{}'{}", c.function.text,
                      hint ? fmt::format("（是否为 '{}'？）", *hint) : ""));
    return bad();
  }
  node n;
  n.fn = *fn;
  bool aggregate = *fn <= builtin::all;
  auto arity = [&](std::size_t lo, std::size_t hi) {
    if (c.args.size() >= lo && c.args.size() <= hi) return true;
    error(e.range,
          fmt::format("{}() takes {} argument{}", c.function.text,
                      lo == hi ? std::to_string(lo) : fmt::format("{} or {}", lo, hi),
                      hi == 1 ? "" : "s"),
          fmt::format("{}() 需要 {} 个参数", c.function.text,
                      lo == hi ? std::to_string(lo) : fmt::format("{} 或 {}", lo, hi)));
    return false;
  };
  if (aggregate) {
    n.k = node_kind::aggregate;
    bool is_count = *fn == builtin::count;
    if (!arity(is_count ? 1 : 2, 2)) return bad();
    typed set = compile(*c.args[0]);
    if (!set.n) return bad();
    if (set.t != stype::set) {
      error(c.args[0]->range,
            fmt::format("{}() works on a set of indicators, e.g. {}(indicators where …)",
                        c.function.text, c.function.text),
            fmt::format("{}() 作用于指标集合，例如 {}(indicators where …)", c.function.text,
                        c.function.text));
      return bad();
    }
    n.kids.push_back(set.n);
    std::optional<std::string> unit = std::string();
    if (c.args.size() == 2) {
      push_scope(scope::indicator);
      bool cond = *fn == builtin::count || *fn == builtin::any || *fn == builtin::all;
      typed body =
          cond ? typed{condition(*c.args[1]), stype::boolean, std::nullopt} : compile(*c.args[1]);
      pop_scope();
      if (!body.n) return bad();
      if (!cond && body.t != stype::number && body.t != stype::any) {
        error(c.args[1]->range,
              fmt::format("{}() adds up numbers, found {}", c.function.text, type_name(body.t)),
              fmt::format("{}() 需要数值，实际为{}", c.function.text, type_name(body.t)));
        return bad();
      }
      unit = body.unit;
      n.kids.push_back(body.n);
    }
    stype result = (*fn == builtin::any || *fn == builtin::all) ? stype::boolean : stype::number;
    if (*fn == builtin::count) unit = std::string();
    return {make(std::move(n), e), result, result == stype::number ? unit : std::nullopt};
  }
  n.k = node_kind::call;
  std::vector<typed> args;
  for (const auto& a : c.args) {
    args.push_back(compile(*a));
    if (!args.back().n) return bad();
    n.kids.push_back(args.back().n);
  }
  switch (*fn) {
    case builtin::abs:
      if (!arity(1, 1)) return bad();
      return {make(std::move(n), e), stype::number, args[0].unit};
    case builtin::round:
      if (!arity(2, 2)) return bad();
      return {make(std::move(n), e), stype::number, args[0].unit};
    case builtin::len:
    case builtin::year:
      if (!arity(1, 1)) return bad();
      return {make(std::move(n), e), stype::number, std::string()};
    case builtin::coalesce:
      if (!arity(2, 2)) return bad();
      return {make(std::move(n), e), args[1].t, args[1].unit};
    default:
      return bad();
  }
}

}  // namespace kpi::rules::expr_detail
