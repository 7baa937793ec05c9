#include "engine/rules/expr_compiler.hpp"

#include <fmt/format.h>

#include "engine/base/spell.hpp"
#include "engine/format/expr_text.hpp"
#include "engine/rules/fields.hpp"

namespace kpi::rules {
namespace {

enum class stype { any, none, boolean, number, text, date, op, list, set };

std::string_view type_name(stype t) {
  switch (t) {
    case stype::any:
      return "any value";
    case stype::none:
      return "none";
    case stype::boolean:
      return "a condition";
    case stype::number:
      return "a number";
    case stype::text:
      return "text";
    case stype::date:
      return "a date";
    case stype::op:
      return "an operator";
    case stype::list:
      return "a list";
    case stype::set:
      return "a set of indicators";
  }
  return "?";
}

// A compiled expression and what is known about it before it runs.
struct typed {
  node_ptr n;
  stype t = stype::any;
  std::optional<std::string> unit;  // numbers: the base unit when known ("" for a plain number)
};

std::string unit_name(const std::optional<std::string>& u) {
  return u && !u->empty() ? *u : "a plain number";
}

class compiler {
 public:
  compiler(const environment& env, const pack_origin& origin, const param_values& params,
           diagnostics& diags)
      : env_(env), origin_(origin), params_(params), diags_(diags) {}

  bool failed() const { return failed_; }

  void push_scope(scope s) { scopes_.push_back(s); }
  void pop_scope() { scopes_.pop_back(); }
  void add_let(const std::string& name) { lets_.push_back(name); }

  typed compile(const ast::expr& e) {
    return std::visit([&](const auto& n) { return compile_node(n, e); }, e.node);
  }

  // A condition: boolean (or unknown until run time).
  node_ptr condition(const ast::expr& e) {
    typed t = compile(e);
    if (t.n && t.t != stype::boolean && t.t != stype::any)
      error(e.range, fmt::format("expected a condition, found {}", type_name(t.t)),
            fmt::format("此处应为条件，实际为{}", type_name(t.t)));
    return t.n;
  }

  void error(source_range r, const std::string& en, const std::string& zh) {
    failed_ = true;
    diags_.error(origin_.src, r, {en, zh});
  }

 private:
  const environment& env_;
  const pack_origin& origin_;
  const param_values& params_;
  diagnostics& diags_;
  std::vector<scope> scopes_;
  std::vector<std::string> lets_;
  bool failed_ = false;

  static node_ptr make(node n, const ast::expr& e) {
    n.text = expr_text(e);
    return std::make_shared<const node>(std::move(n));
  }
  static typed constant(value v, const ast::expr& e) {
    node n;
    n.k = node_kind::constant;
    stype t = v.t == vtype::number    ? stype::number
              : v.t == vtype::text    ? stype::text
              : v.t == vtype::boolean ? stype::boolean
              : v.t == vtype::date    ? stype::date
              : v.t == vtype::op      ? stype::op
              : v.t == vtype::list    ? stype::list
                                      : stype::none;
    std::optional<std::string> unit;
    if (v.t == vtype::number) unit = std::string(v.unit);
    n.constant = interned(v);  // its text outlives the syntax tree it came from
    return {make(std::move(n), e), t, unit};
  }
  typed bad() {
    failed_ = true;
    return {};
  }

  scope current() const { return scopes_.empty() ? scope::project : scopes_.back(); }

  // ---- leaves ----

  typed compile_node(const ast::number_lit& n, const ast::expr& e) {
    if (!n.value.unit) return constant(value::number(n.value.num.value, ""), e);
    auto def = env_.units.resolve(n.value.unit->text);
    if (!def) {
      auto hint = closest(n.value.unit->text, env_.units.unit_names());
      error(n.value.unit->range,
            fmt::format("unknown unit '{}'{}", n.value.unit->text,
                        hint ? fmt::format(" (did you mean '{}'?)", *hint) : ""),
            fmt::format("未知单位 '{}'{}", n.value.unit->text,
                        hint ? fmt::format("（是否为 '{}'？）", *hint) : ""));
      return bad();
    }
    auto base = n.value.num.value.mul(def->factor);
    if (!base) return bad();
    return constant(value::number(base->normalized(), def->base), e);
  }
  typed compile_node(const ast::string_lit& s, const ast::expr& e) {
    return constant(value::text(s.value.text), e);
  }
  typed compile_node(const ast::op_lit& o, const ast::expr& e) {
    static constexpr model::op ops[] = {model::op::ge, model::op::le, model::op::eq, model::op::gt,
                                        model::op::lt};
    return constant(value::of_op(ops[static_cast<int>(o.op)]), e);
  }
  typed compile_node(const ast::date_value& d, const ast::expr& e) {
    auto v = date::parse(d.value.text);
    if (!v) {
      error(d.value.range, fmt::format("invalid date {}", d.value.text),
            fmt::format("无效日期 {}", d.value.text));
      return bad();
    }
    return constant(value::of_date(*v), e);
  }
  typed compile_node(const ast::list_lit& l, const ast::expr& e) {
    node n;
    n.k = node_kind::list;
    bool all_constant = true;
    for (const auto& item : l.items) {
      typed t = compile(*item);
      if (!t.n) return bad();
      all_constant = all_constant && t.n->k == node_kind::constant;
      n.kids.push_back(t.n);
    }
    if (all_constant) {  // built once, not on every evaluation
      std::vector<value> items;
      for (const auto& k : n.kids) items.push_back(k->constant);
      return constant(value::list(std::move(items)), e);
    }
    return {make(std::move(n), e), stype::list, std::nullopt};
  }

  // ---- names ----

  static typed of_ind_field(ind_field f, const ast::expr& e) {
    node n;
    n.k = node_kind::ind;
    n.ifield = f;
    switch (f) {
      case ind_field::op:
        return {make(std::move(n), e), stype::op, std::nullopt};
      case ind_field::target:
      case ind_field::target_high:
        return {make(std::move(n), e), stype::number, std::nullopt};
      case ind_field::weight:
      case ind_field::occurrence:
      case ind_field::name_count:
        return {make(std::move(n), e), stype::number, std::string()};
      case ind_field::deadline:
        return {make(std::move(n), e), stype::date, std::nullopt};
      default:
        return {make(std::move(n), e), stype::text, std::nullopt};
    }
  }
  static typed of_proj_field(proj_field f, const ast::expr& e) {
    node n;
    n.k = node_kind::proj;
    n.pfield = f;
    switch (f) {
      case proj_field::funds_total:
      case proj_field::funds_fiscal:
      case proj_field::funds_carryover:
      case proj_field::funds_other:
        return {make(std::move(n), e), stype::number, std::string("元")};
      case proj_field::period_from:
      case proj_field::period_to:
        return {make(std::move(n), e), stype::date, std::nullopt};
      case proj_field::period_days:
        return {make(std::move(n), e), stype::number, std::string("天")};
      case proj_field::period_full_year:
        return {make(std::move(n), e), stype::boolean, std::nullopt};
      case proj_field::indicators:
        return {make(std::move(n), e), stype::set, std::nullopt};
      case proj_field::indicator_count:
        return {make(std::move(n), e), stype::number, std::string()};
      default:
        return {make(std::move(n), e), stype::text, std::nullopt};
    }
  }

  bool is_symbol(const std::string& id) const {
    if (id.empty()) return false;
    if (static_cast<unsigned char>(id[0]) >= 0x80) return true;  // 成本指标, 经济成本指标, …
    if (id == "quantitative" || id == "qualitative") return true;
    if (env_.units.find_dimension(id) != nullptr) return true;
    for (const auto& t : env_.terms.names())
      if (env_.terms.find(t)->term_class == id) return true;
    return false;
  }

  // A dotted name: a let, a parameter, a field of the current item, a project field, a symbol.
  typed resolve(const std::string& path, source_range r, const ast::expr& e) {
    for (std::size_t i = lets_.size(); i-- > 0;) {
      if (lets_[i] == path) {
        node n;
        n.k = node_kind::let_ref;
        n.slot = i;
        return {make(std::move(n), e), stype::any, std::nullopt};
      }
    }
    if (auto it = params_.find(path); it != params_.end()) return constant(it->second, e);
    if (path.rfind("project.", 0) == 0)
      if (auto f = find_proj_field(path.substr(8))) return of_proj_field(*f, e);
    if (current() == scope::indicator)
      if (auto f = find_ind_field(path)) return of_ind_field(*f, e);
    if (auto f = find_proj_field(path)) return of_proj_field(*f, e);
    if (path == "none") return constant(value::none(), e);
    if (path == "true" || path == "false") return constant(value::boolean(path == "true"), e);
    if (is_symbol(path)) return constant(value::text(path), e);
    std::vector<std::string> candidates = lets_;
    for (const auto& [k, v] : params_) candidates.push_back(k);
    if (current() == scope::indicator)
      for (const auto& f : ind_field_names()) candidates.push_back(f);
    for (const auto& f : proj_field_names()) candidates.push_back(f);
    auto hint = closest(path, candidates);
    error(r,
          fmt::format(
              "unknown name '{}'{}; a rule reads fields of {} (e.g. {}), lets, params and symbols",
              path, hint ? fmt::format(" (did you mean '{}'?)", *hint) : "",
              current() == scope::indicator ? "indicators" : "projects",
              current() == scope::indicator ? "level1, name, target"
                                            : "funds.total, period.days, indicators"),
          fmt::format("未知名称 '{}'{}；规则可读取{}的字段（如 {}）、let、param 与符号", path,
                      hint ? fmt::format("（是否为 '{}'？）", *hint) : "",
                      current() == scope::indicator ? "指标" : "项目",
                      current() == scope::indicator ? "level1、name、target"
                                                    : "funds.total、period.days、indicators"));
    return bad();
  }

  typed compile_node(const ast::ident_ref& i, const ast::expr& e) {
    return resolve(i.id.text, i.id.range, e);
  }

  static std::optional<std::string> dotted(const ast::expr& e) {
    if (const auto* i = std::get_if<ast::ident_ref>(&e.node)) return i->id.text;
    if (const auto* m = std::get_if<ast::member>(&e.node)) {
      auto base = dotted(*m->object);
      if (base) return *base + "." + m->field.text;
    }
    return std::nullopt;
  }

  typed compile_node(const ast::member& m, const ast::expr& e) {
    auto path = dotted(e);
    if (!path) {
      error(m.field.range, "fields can only be read by name, e.g. funds.total",
            "只能按名称读取字段，例如 funds.total");
      return bad();
    }
    return resolve(*path, e.range, e);
  }

  // ---- sets and calls ----

  typed compile_node(const ast::where& w, const ast::expr& e) {
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

  typed compile_node(const ast::call& c, const ast::expr& e) {
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

  // ---- operators ----

  typed compile_node(const ast::unary& u, const ast::expr& e) {
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
  bool same_units(const typed& a, const typed& b, const ast::binary& op) {
    if (a.t != stype::number || b.t != stype::number) return true;
    if (!a.unit || !b.unit || a.unit->empty() || b.unit->empty() || *a.unit == *b.unit) return true;
    error(
        op.op_range,
        fmt::format("cannot compare or combine {} with {} ('{}' and '{}' are different dimensions)",
                    unit_name(a.unit), unit_name(b.unit), *a.unit, *b.unit),
        fmt::format("不能将 {} 与 {} 比较或运算（'{}' 与 '{}' 量纲不同）", unit_name(a.unit),
                    unit_name(b.unit), *a.unit, *b.unit));
    return false;
  }

  typed compile_node(const ast::binary& b, const ast::expr& e) {
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
            error(b.op_range,
                  fmt::format("'{}' joins conditions, found {}", binary_op_text(b.op),
                              type_name(side->t)),
                  fmt::format("'{}' 用于连接条件，实际为{}", binary_op_text(b.op),
                              type_name(side->t)));
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
          error(b.op_range,
                fmt::format("cannot compare {} with {}", type_name(l.t), type_name(r.t)),
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

  typed convert(const ast::binary& b, const ast::expr& e, const unit_def& def) {
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
};

}  // namespace

struct expr_compiler::impl {
  compiler c;
};

expr_compiler::expr_compiler(const environment& env, const pack_origin& origin,
                             const param_values& params, diagnostics& diags)
    : impl_(std::make_unique<impl>(impl{compiler(env, origin, params, diags)})) {}
expr_compiler::~expr_compiler() = default;
bool expr_compiler::failed() const {
  return impl_->c.failed();
}
void expr_compiler::push_scope(scope s) {
  impl_->c.push_scope(s);
}
void expr_compiler::pop_scope() {
  impl_->c.pop_scope();
}
void expr_compiler::add_let(const std::string& name) {
  impl_->c.add_let(name);
}
node_ptr expr_compiler::compile(const ast::expr& e) {
  return impl_->c.compile(e).n;
}
node_ptr expr_compiler::condition(const ast::expr& e) {
  return impl_->c.condition(e);
}
void expr_compiler::error(source_range r, const std::string& en, const std::string& zh) {
  impl_->c.error(r, en, zh);
}

}  // namespace kpi::rules
