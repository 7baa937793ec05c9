// The expression compiler's core (dispatch, conditions, errors, constants), its leaves
// (literals, dates, lists) and names (lets, params, fields, symbols); expr_compiler's wrapper.
#include "engine/rules/expr_compiler.hpp"

#include <fmt/format.h>

#include "engine/base/spell.hpp"
#include "engine/format/expr_text.hpp"
#include "engine/rules/expr_compiler_impl.hpp"
#include "engine/rules/fields.hpp"

namespace kpi::rules {
namespace expr_detail {

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

std::string unit_name(const std::optional<std::string>& u) {
  return u && !u->empty() ? *u : "a plain number";
}

typed compiler::compile(const ast::expr& e) {
  return std::visit([&](const auto& n) { return compile_node(n, e); }, e.node);
}

// A condition: boolean (or unknown until run time).
node_ptr compiler::condition(const ast::expr& e) {
  typed t = compile(e);
  if (t.n && t.t != stype::boolean && t.t != stype::any)
    error(e.range, fmt::format("expected a condition, found {}", type_name(t.t)),
          fmt::format("此处应为条件，实际为{}", type_name(t.t)));
  return t.n;
}

void compiler::error(source_range r, const std::string& en, const std::string& zh) {
  failed_ = true;
  diags_.error(origin_.src, r, {en, zh});
}

node_ptr compiler::make(node n, const ast::expr& e) {
  n.text = expr_text(e);
  return std::make_shared<const node>(std::move(n));
}

typed compiler::constant(value v, const ast::expr& e) {
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

typed compiler::bad() {
  failed_ = true;
  return {};
}

// ---- leaves ----

typed compiler::compile_node(const ast::number_lit& n, const ast::expr& e) {
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

typed compiler::compile_node(const ast::string_lit& s, const ast::expr& e) {
  return constant(value::text(s.value.text), e);
}

typed compiler::compile_node(const ast::op_lit& o, const ast::expr& e) {
  static constexpr model::op ops[] = {model::op::ge, model::op::le, model::op::eq, model::op::gt,
                                      model::op::lt};
  return constant(value::of_op(ops[static_cast<int>(o.op)]), e);
}

typed compiler::compile_node(const ast::date_value& d, const ast::expr& e) {
  auto v = date::parse(d.value.text);
  if (!v) {
    error(d.value.range, fmt::format("invalid date {}", d.value.text),
          fmt::format("无效日期 {}", d.value.text));
    return bad();
  }
  return constant(value::of_date(*v), e);
}

typed compiler::compile_node(const ast::list_lit& l, const ast::expr& e) {
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

typed compiler::of_ind_field(ind_field f, const ast::expr& e) {
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

typed compiler::of_proj_field(proj_field f, const ast::expr& e) {
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

bool compiler::is_symbol(const std::string& id) const {
  if (id.empty()) return false;
  if (static_cast<unsigned char>(id[0]) >= 0x80) return true;  // 成本指标, 经济成本指标, …
  if (id == "quantitative" || id == "qualitative") return true;
  if (env_.units.find_dimension(id) != nullptr) return true;
  for (const auto& t : env_.terms.names())
    if (env_.terms.find(t)->term_class == id) return true;
  return false;
}

// A dotted name: a let, a parameter, a field of the current item, a project field, a symbol.
typed compiler::resolve(const std::string& path, source_range r, const ast::expr& e) {
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

typed compiler::compile_node(const ast::ident_ref& i, const ast::expr& e) {
  return resolve(i.id.text, i.id.range, e);
}

std::optional<std::string> compiler::dotted(const ast::expr& e) {
  if (const auto* i = std::get_if<ast::ident_ref>(&e.node)) return i->id.text;
  if (const auto* m = std::get_if<ast::member>(&e.node)) {
    auto base = dotted(*m->object);
    if (base) return *base + "." + m->field.text;
  }
  return std::nullopt;
}

typed compiler::compile_node(const ast::member& m, const ast::expr& e) {
  auto path = dotted(e);
  if (!path) {
    error(m.field.range, "fields can only be read by name, e.g. funds.total",
          "只能按名称读取字段，例如 funds.total");
    return bad();
  }
  return resolve(*path, e.range, e);
}

}  // namespace expr_detail

struct expr_compiler::impl {
  expr_detail::compiler c;
};

expr_compiler::expr_compiler(const environment& env, const pack_origin& origin,
                             const param_values& params, diagnostics& diags)
    : impl_(std::make_unique<impl>(impl{expr_detail::compiler(env, origin, params, diags)})) {}
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
