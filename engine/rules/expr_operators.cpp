// The expression compiler's operators: not and negation, comparisons, logic, text and
// patterns, arithmetic with its units, and conversion to a unit (`target in 元`).
#include <fmt/format.h>

#include "engine/format/expr_text.hpp"
#include "engine/rules/expr_compiler_impl.hpp"

namespace kpi::rules::expr_detail {

typed compiler::compile_node(const ast::unary& u, const ast::expr& e) {
  typed x = compile(*u.operand);
  if (!x.n) return bad();
  node n;
  n.k = node_kind::unary;
  n.uop = u.op;
  n.kids = {x.n};
  if (u.op == ast::unary_op::not_) {
    if (x.t != stype::boolean && x.t != stype::any) {
      error(u.operand->range, "'not' needs a condition", "'not' 之后应为条件");
      return bad();
    }
    return {make(std::move(n), e), stype::boolean, std::nullopt};
  }
  return {make(std::move(n), e), stype::number, x.unit};
}

// Units on both sides of + - == < …: known and different is an error now, not a false later.
bool compiler::same_units(const typed& a, const typed& b, const ast::binary& op) {
  if (a.t != stype::number || b.t != stype::number) return true;
  if (!a.unit || !b.unit || a.unit->empty() || b.unit->empty() || *a.unit == *b.unit) return true;
  error(op.op_range,
        fmt::format("cannot compare or combine {} with {} ('{}' and '{}' are different dimensions)",
                    unit_name(a.unit), unit_name(b.unit), *a.unit, *b.unit),
        fmt::format("不能将 {} 与 {} 比较或运算（'{}' 与 '{}' 量纲不同）", unit_name(a.unit),
                    unit_name(b.unit), *a.unit, *b.unit));
  return false;
}

typed compiler::compile_node(const ast::binary& b, const ast::expr& e) {
  using bo = ast::binary_op;
  if (b.op == bo::range) {
    error(b.op_range, "a range (a .. b) is a value of tables and params only",
          "区间（a .. b）只能用于 table 与 param");
    return bad();
  }
  // `target in 元`: conversion to a unit.
  if (b.op == bo::in)
    if (const auto* id = std::get_if<ast::ident_ref>(&b.rhs->node))
      if (auto def = env_.units.resolve(id->id.text); def && !params_.count(id->id.text))
        return convert(b, e, *def);
  typed l = compile(*b.lhs);
  typed r = compile(*b.rhs);
  if (!l.n || !r.n) return bad();
  node n;
  n.k = node_kind::binary;
  n.bop = b.op;
  n.kids = {l.n, r.n};
  switch (b.op) {
    case bo::and_:
    case bo::or_:
      for (const auto* side : {&l, &r})
        if (side->t != stype::boolean && side->t != stype::any) {
          error(
              b.op_range,
              fmt::format("'{}' joins conditions, found {}", binary_op_text(b.op),
                          type_name(side->t)),
              fmt::format("'{}' 用于连接条件，实际为{}", binary_op_text(b.op), type_name(side->t)));
          return bad();
        }
      return {make(std::move(n), e), stype::boolean, std::nullopt};
    case bo::eq:
    case bo::ne:
    case bo::lt:
    case bo::le:
    case bo::gt:
    case bo::ge: {
      bool known =
          l.t != stype::any && r.t != stype::any && l.t != stype::none && r.t != stype::none;
      if (known && l.t != r.t) {
        error(b.op_range, fmt::format("cannot compare {} with {}", type_name(l.t), type_name(r.t)),
              fmt::format("不能将{}与{}比较", type_name(l.t), type_name(r.t)));
        return bad();
      }
      if (!same_units(l, r, b)) return bad();
      return {make(std::move(n), e), stype::boolean, std::nullopt};
    }
    case bo::in:
    case bo::not_in:
      if (r.t != stype::list && r.t != stype::any) {
        error(b.rhs->range, "'in' needs a list, e.g. op in [<=, <], or a unit, e.g. target in 元",
              "'in' 之后应为列表（如 op in [<=, <]）或单位（如 target in 元）");
        return bad();
      }
      return {make(std::move(n), e), stype::boolean, std::nullopt};
    case bo::contains:
    case bo::starts_with:
    case bo::ends_with:
      if ((l.t != stype::text && l.t != stype::any &&
           !(b.op == bo::contains && l.t == stype::list)) ||
          (r.t != stype::text && r.t != stype::any && b.op != bo::contains)) {
        error(b.op_range, fmt::format("'{}' works on text", binary_op_text(b.op)),
              fmt::format("'{}' 用于文本", binary_op_text(b.op)));
        return bad();
      }
      return {make(std::move(n), e), stype::boolean, std::nullopt};
    case bo::matches: {
      const auto* lit = std::get_if<ast::string_lit>(&b.rhs->node);
      if (lit == nullptr) {
        error(b.rhs->range, "'matches' needs a pattern in quotes",
              "'matches' 之后应为带引号的正则表达式");
        return bad();
      }
      {
        RE2::Options opts;
        opts.set_log_errors(false);
        opts.set_max_mem(8 << 20);  // a pattern's automaton is bounded too
        auto re = std::make_shared<const RE2>(lit->value.text, opts);
        if (!re->ok()) {
          error(b.rhs->range, fmt::format("invalid pattern: {}", re->error()),
                fmt::format("无效的正则表达式：{}", re->error()));
          return bad();
        }
        n.pattern = std::move(re);
      }
      n.k = node_kind::matches;
      n.kids = {l.n};
      return {make(std::move(n), e), stype::boolean, std::nullopt};
    }
    case bo::add:
    case bo::sub:
    case bo::mul:
    case bo::div: {
      for (const auto* side : {&l, &r})
        if (side->t != stype::number && side->t != stype::any) {
          error(b.op_range,
                fmt::format("'{}' works on numbers, found {}", binary_op_text(b.op),
                            type_name(side->t)),
                fmt::format("'{}' 用于数值，实际为{}", binary_op_text(b.op), type_name(side->t)));
          return bad();
        }
      std::optional<std::string> unit;
      if (b.op == bo::add || b.op == bo::sub) {
        if (!same_units(l, r, b)) return bad();
        unit = l.unit && !l.unit->empty() ? l.unit : r.unit;
      } else if (b.op == bo::mul) {
        if (l.unit && r.unit && !l.unit->empty() && !r.unit->empty()) {
          error(b.op_range, "cannot multiply two quantities with units",
                "不能将两个带单位的数量相乘");
          return bad();
        }
        if (l.unit && r.unit) unit = l.unit->empty() ? r.unit : l.unit;
      } else {
        if (l.unit && r.unit) {
          if (*l.unit == *r.unit)
            unit = std::string();
          else if (r.unit->empty())
            unit = l.unit;
          else {
            error(b.op_range,
                  fmt::format("cannot divide {} by {}", unit_name(l.unit), unit_name(r.unit)),
                  fmt::format("不能用 {} 除 {}", unit_name(r.unit), unit_name(l.unit)));
            return bad();
          }
        }
      }
      return {make(std::move(n), e), stype::number, unit};
    }
    case bo::range:
      break;
  }
  return bad();
}

typed compiler::convert(const ast::binary& b, const ast::expr& e, const unit_def& def) {
  typed l = compile(*b.lhs);
  if (!l.n) return bad();
  if (l.t != stype::number && l.t != stype::any) {
    error(b.lhs->range, fmt::format("only a number can be expressed in {}", def.name),
          fmt::format("只有数值才能换算为 {}", def.name));
    return bad();
  }
  if (l.unit && !l.unit->empty() && *l.unit != def.base) {
    error(b.op_range, fmt::format("cannot convert {} to {}", *l.unit, def.name),
          fmt::format("不能将 {} 换算为 {}", *l.unit, def.name));
    return bad();
  }
  node n;
  n.k = node_kind::convert;
  n.kids = {l.n};
  n.factor = def.factor;
  n.unit = def.name.str();
  n.base = def.base.str();
  n.text = expr_text(e);
  // The result keeps the base unit for comparisons; `unit` names the unit it is shown in.
  return {std::make_shared<const node>(std::move(n)), stype::number, def.base.str()};
}

}  // namespace kpi::rules::expr_detail
