// Pass 1 of the checker: dimension, unit, scale and terms declarations.
#include <fmt/format.h>

#include "engine/base/spell.hpp"
#include "engine/check/checker.hpp"
#include "engine/check/context.hpp"

namespace kpi {
namespace {

struct declaration_checker {
  check_context ctx;
  environment& env;
  const std::vector<source_ptr>& sources;

  void operator()(const ast::dimension_decl& d) const {
    if (const auto* prev = env.units.find_dimension(d.dimension.text)) {
      auto& diag = ctx.error(d.dimension.range,
                             {fmt::format("dimension '{}' is declared twice", d.dimension.text),
                              fmt::format("量纲 '{}' 重复声明", d.dimension.text)});
      ctx.note(diag, *prev, sources, {"first declared here", "首次声明于此"});
      return;
    }
    env.units.add_dimension(d.dimension.text, ctx.at(d.dimension.range));
  }

  void operator()(const ast::unit_decl& u) const {
    const std::string& name = u.unit.text;
    if (const unit_def* prev = env.units.find_declared(name)) {
      auto& diag = ctx.error(u.unit.range, {fmt::format("unit '{}' is declared twice", name),
                                            fmt::format("单位 '{}' 重复声明", name)});
      ctx.note(diag, prev->loc, sources, {"first declared here", "首次声明于此"});
      return;
    }
    if (u.dimension) {
      if (env.units.find_dimension(u.dimension->text) == nullptr) {
        auto hint = closest(u.dimension->text, env.units.dimension_names());
        ctx.error(
            u.dimension->range,
            {fmt::format("unknown dimension '{}'{}; declare it first: dimension {} \"…\"",
                         u.dimension->text, hint ? fmt::format(" (did you mean '{}'?)", *hint) : "",
                         u.dimension->text),
             fmt::format("未知量纲 '{}'{}；请先声明：dimension {} \"…\"", u.dimension->text,
                         hint ? fmt::format("（是否为 '{}'？）", *hint) : "", u.dimension->text)});
        return;
      }
      env.units.add_unit({istr(name), istr(u.dimension->text), istr(name), decimal::from_int(1),
                          ctx.at(u.unit.range)});
      return;
    }
    const ast::quantity& def = *u.definition;
    if (!def.unit) {
      ctx.error(def.range,
                {fmt::format("the definition of '{}' needs a unit, e.g. unit 千元 = 1000 元", name),
                 fmt::format("单位 '{}' 的定义需要单位，例如 unit 千元 = 1000 元", name)});
      return;
    }
    auto of = env.units.resolve(def.unit->text);
    if (!of) {
      ctx.error(def.unit->range,
                {fmt::format("unit '{}' is not declared (before this line)", def.unit->text),
                 fmt::format("单位 '{}' 未声明（须在此行之前声明）", def.unit->text)});
      return;
    }
    if (def.num.value.sign() <= 0) {
      ctx.error(def.num.range, {"a unit's factor must be positive", "单位换算系数必须为正数"});
      return;
    }
    auto factor = def.num.value.mul(of->factor);
    if (!factor) {
      ctx.error(def.num.range, {"factor too large to keep exact", "换算系数过大，无法保持精确"});
      return;
    }
    env.units.add_unit(
        {istr(name), of->dimension, of->base, factor->normalized(), ctx.at(u.unit.range)});
  }

  void operator()(const ast::scale_decl& s) const {
    if (env.units.find_scale(s.prefix.text)) {
      ctx.error(s.prefix.range, {fmt::format("scale prefix '{}' is declared twice", s.prefix.text),
                                 fmt::format("数量级前缀 '{}' 重复声明", s.prefix.text)});
      return;
    }
    if (s.factor.value.sign() <= 0) {
      ctx.error(s.factor.range, {"a scale factor must be positive", "数量级系数必须为正数"});
      return;
    }
    env.units.add_scale(s.prefix.text, s.factor.value, ctx.at(s.prefix.range));
  }

  void operator()(const ast::terms_decl& t) const {
    for (const ast::name& term : t.terms) {
      if (const term_def* prev = env.terms.find(term.text)) {
        auto& diag = ctx.error(
            term.range,
            {fmt::format("term '{}' is already declared as {}", term.text, prev->term_class),
             fmt::format("术语 '{}' 已声明为 {}", term.text, prev->term_class)});
        ctx.note(diag, prev->loc, sources, {"first declared here", "首次声明于此"});
        continue;
      }
      env.terms.add({term.text, istr(t.term_class.text), ctx.at(term.range)});
    }
  }

  void operator()(const ast::project& /*p*/) const {}
  void operator()(const ast::actuals& /*a*/) const {}
  void operator()(const ast::pack& /*p*/) const {}
};

}  // namespace

void check_declarations(const std::vector<ast::item>& items, std::uint32_t file,
                        const std::vector<source_ptr>& sources, environment& env,
                        diagnostics& diags) {
  declaration_checker c{{diags, sources[file], file}, env, sources};
  for (const ast::item& item : items) std::visit(c, item);
}

void check_declarations(const std::vector<ast::file>& files, environment& env, diagnostics& diags) {
  std::vector<source_ptr> sources;
  for (const auto& f : files) sources.push_back(f.src);
  for (std::uint32_t i = 0; i < files.size(); ++i)
    check_declarations(files[i].items, i, sources, env, diags);
}

}  // namespace kpi
