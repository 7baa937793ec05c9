// Pass 2 of the checker: projects (targets) and actuals blocks into the model.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/check/checker.hpp"
#include "engine/check/context.hpp"
#include "engine/check/quantities.hpp"
#include "engine/load/parallel.hpp"

namespace kpi {
namespace {

model::op to_model_op(ast::cmp_op o) {
  switch (o) {
    case ast::cmp_op::ge:
      return model::op::ge;
    case ast::cmp_op::le:
      return model::op::le;
    case ast::cmp_op::eq:
      return model::op::eq;
    case ast::cmp_op::gt:
      return model::op::gt;
    case ast::cmp_op::lt:
      return model::op::lt;
  }
  return model::op::eq;
}

// Checks one project: its fields, its groups and their indicators.
struct project_checker {
  const check_context& ctx;
  const environment& env;
  model::project& out;
  std::map<std::string, source_range> seen_fields;

  bool first_time(const ast::name& key) {
    auto [it, fresh] = seen_fields.emplace(key.text, key.range);
    if (!fresh) {
      auto& d =
          ctx.error(key.range, {fmt::format("field '{}' is given twice in this project", key.text),
                                fmt::format("字段 '{}' 在本项目中重复出现", key.text)});
      d.notes.push_back({ctx.src, it->second, {"first given here", "首次出现于此"}});
    }
    return fresh;
  }

  void operator()(const ast::string_field& f) {
    if (!first_time(f.key)) return;
    std::string* slot = f.key.text == "department" ? &out.department
                        : f.key.text == "unit"     ? &out.unit
                        : f.key.text == "nature"   ? &out.nature
                        : f.key.text == "category" ? &out.category
                                                   : &out.goal;
    *slot = f.value.text;
  }

  void operator()(const ast::period_field& f) {
    if (!first_time(f.key)) return;
    auto from = resolve_date(ctx, f.from);
    auto to = resolve_date(ctx, f.to);
    if (from && to && *to < *from) {
      ctx.error(f.to.range,
                {fmt::format("the period ends ({}) before it starts ({})", f.to.text, f.from.text),
                 fmt::format("期间的结束日期（{}）早于开始日期（{}）", f.to.text, f.from.text)});
      return;
    }
    out.period_from = from;
    out.period_to = to;
  }

  void operator()(const ast::funds_field& f) {
    if (!first_time(f.key)) return;
    std::set<std::string> keys;
    for (const ast::funds_entry& e : f.entries) {
      if (!keys.insert(e.key.text).second) {
        ctx.error(e.key.range, {fmt::format("'{}' is given twice in funds", e.key.text),
                                fmt::format("funds 中 '{}' 重复出现", e.key.text)});
        continue;
      }
      auto a = resolve_in(ctx, env, e.amount, "currency", {"an amount of money", "资金金额"});
      if (!a) continue;
      std::optional<decimal>* slot = e.key.text == "total"       ? &out.money.total
                                     : e.key.text == "fiscal"    ? &out.money.fiscal
                                     : e.key.text == "carryover" ? &out.money.carryover
                                                                 : &out.money.other;
      *slot = a->base_value.with_min_scale(2).value_or(a->base_value);
    }
  }

  void operator()(const ast::group& g) { walk(g, 1, istr(g.label.text)); }

  // Group names are interned once per group, not once per indicator.
  void walk(const ast::group& g, int depth, istr level1) {
    const istr level2 = depth == 2 ? istr(g.label.text) : istr();
    for (const ast::group_item& item : g.items) {
      if (const auto* sub = std::get_if<ast::group>(&item.node)) {
        if (depth >= 2) {
          ctx.error(sub->label.range,
                    {fmt::format("'{}' would be a third level of groups; groups go two levels deep "
                                 "(一级指标 {{ 二级指标 {{ \"三级指标\" … }} }})",
                                 sub->label.text),
                     fmt::format("'{}' 构成了第三层指标组；指标组只有两层（一级指标 {{ 二级指标 {{ "
                                 "\"三级指标\" … }} }}）",
                                 sub->label.text)});
          continue;
        }
        walk(*sub, depth + 1, level1);
      } else {
        indicator(std::get<ast::indicator>(item.node), level1, level2);
      }
    }
  }

  void indicator(const ast::indicator& ind, istr level1, istr level2) {
    model::indicator m;
    m.level1 = level1;
    m.level2 = level2;
    m.name = istr(ind.title.text);
    m.loc = ctx.at(ind.title.range);
    if (ind.title.text.empty())
      ctx.error(ind.title.range, {"an indicator needs a name", "指标名称不能为空"});
    if (ind.weight) {
      if (ind.weight->value.is_negative())
        ctx.error(ind.weight->range, {"a weight (分值) cannot be negative", "分值不能为负数"});
      m.weight = ind.weight->value;
    }
    bool ok = std::visit([&](const auto& t) { return target(t, m); }, ind.goal);
    if (ok) out.indicators.push_back(std::move(m));
  }

  bool target(const ast::compare_target& t, model::indicator& m) const {
    m.k = model::kind::quantitative;
    m.o = to_model_op(t.op);
    if (const auto* d = std::get_if<ast::date_lit>(&t.value)) {
      m.deadline = resolve_date(ctx, *d);
      return m.deadline.has_value();
    }
    m.target = resolve_quantity(ctx, env, std::get<ast::quantity>(t.value));
    return m.target.has_value();
  }

  bool target(const ast::range_target& t, model::indicator& m) const {
    m.k = model::kind::quantitative;
    m.o = model::op::between;
    ast::quantity low = t.low;
    if (!low.unit) low.unit = t.high.unit;  // `between 80 .. 90 %`: the unit applies to both
    m.target_high = resolve_quantity(ctx, env, t.high);
    // An unknown unit shared by both ends is one error, not two at the same place.
    if (!t.low.unit && !m.target_high) return false;
    m.target = resolve_quantity(ctx, env, low);
    if (!m.target || !m.target_high) return false;
    if (m.target->base_unit != m.target_high->base_unit) {
      ctx.error(t.high.range,
                {fmt::format("the two ends of the range are in different units ('{}' and '{}')",
                             m.target->unit, m.target_high->unit),
                 fmt::format("区间两端的单位不一致（'{}' 与 '{}'）", m.target->unit,
                             m.target_high->unit)});
      return false;
    }
    if (m.target_high->base_value < m.target->base_value) {
      ctx.error(t.high.range, {"the range ends below its start", "区间上限小于下限"});
      return false;
    }
    return true;
  }

  bool target(const ast::term_target& t, model::indicator& m) const {
    m.k = model::kind::qualitative;
    m.text = t.term.text;
    const term_def* def = resolve_term(ctx, env, t.term);
    if (def != nullptr) m.term_class = def->term_class;
    return def != nullptr;
  }

  bool target(const ast::text_target& t, model::indicator& m) const {
    m.k = model::kind::qualitative;
    m.text = t.text.text;
    if (const term_def* def = env.terms.find(t.text.text)) m.term_class = def->term_class;
    return true;
  }
};

// Checks one actuals block.
struct actuals_checker {
  const check_context& ctx;
  const environment& env;
  model::actuals_block& out;
  std::map<std::string, source_range> seen;

  void operator()(const ast::amount_field& f) {
    auto [it, fresh] = seen.emplace(f.key.text, f.key.range);
    if (!fresh) {
      auto& d = ctx.error(f.key.range, {fmt::format("'{}' is given twice", f.key.text),
                                        fmt::format("'{}' 重复出现", f.key.text)});
      d.notes.push_back({ctx.src, it->second, {"first given here", "首次出现于此"}});
      return;
    }
    if (f.because && f.key.text != "executed")
      ctx.error(
          f.because->range,
          {"a reason goes with the executed amount (executed … because \"…\"), not the budget",
           "原因应写在预算执行数之后（executed … because \"…\"），而非预算数之后"});
    if (f.because) out.executed_reason = f.because->text;
    auto a = resolve_in(ctx, env, f.amount, "currency", {"an amount of money", "资金金额"});
    if (!a) return;
    decimal v = a->base_value.with_min_scale(2).value_or(a->base_value);
    (f.key.text == "executed" ? out.executed : out.budget) = v;
  }

  void operator()(const ast::actual_entry& e) {
    auto [it, fresh] = seen.emplace("\"" + e.indicator.text, e.indicator.range);
    if (!fresh) {
      auto& d = ctx.error(e.indicator.range,
                          {fmt::format("the actual value of '{}' is given twice", e.indicator.text),
                           fmt::format("'{}' 的实际完成值重复出现", e.indicator.text)});
      d.notes.push_back({ctx.src, it->second, {"first given here", "首次出现于此"}});
      return;
    }
    model::actual a;
    a.indicator = istr(e.indicator.text);
    a.loc = ctx.at(e.indicator.range);
    if (e.because) a.because = e.because->text;
    if (e.override_score) {
      if (e.override_score->value.is_negative())
        ctx.error(e.override_score->range,
                  {"an overriding score cannot be negative", "调整后的得分不能为负数"});
      a.assessed = model::assessor_override{e.override_score->value,
                                            e.override_reason ? e.override_reason->text : ""};
      if (a.assessed->reason.empty())
        ctx.error(e.override_score->range,
                  {"an overriding score needs a reason", "调整得分必须说明理由"});
    }
    bool ok = std::visit([&](const auto& v) { return value(v, a); }, e.value);
    if (ok) out.values.push_back(std::move(a));
  }

  bool value(const ast::quantity& q, model::actual& a) const {
    a.k = model::actual_kind::quantity;
    a.value = resolve_quantity(ctx, env, q);
    return a.value.has_value();
  }
  bool value(const ast::date_lit& d, model::actual& a) const {
    a.k = model::actual_kind::date;
    a.when = resolve_date(ctx, d);
    return a.when.has_value();
  }
  bool value(const ast::grade_value& g, model::actual& a) const {
    a.k = model::actual_kind::grade;
    a.text = g.grade.text;
    const term_def* def = resolve_term(ctx, env, g.grade);
    if (def == nullptr) return false;
    a.term_class = def->term_class;
    if (g.share) {
      auto s = resolve_quantity(ctx, env, *g.share);
      if (!s) return false;
      if (s->dimension != "ratio" || s->base_unit != "%") {
        ctx.error(
            g.share->range,
            {fmt::format(
                 "the share after a grade is a percentage of the indicator's 分值, e.g. {} 75 %",
                 g.grade.text),
             fmt::format("等级之后的比例是该指标分值的百分比，例如 {} 75 %", g.grade.text)});
        return false;
      }
      a.share = s->base_value;
    }
    return true;
  }
  bool value(const ast::quoted_value& q, model::actual& a) const {
    a.k = model::actual_kind::text;
    a.text = q.text.text;
    if (const term_def* def = env.terms.find(q.text.text)) a.term_class = def->term_class;
    return true;
  }
};

// The indicators written in a project, so that its model holds them without spare capacity.
std::size_t indicator_count(const ast::group& g) {
  std::size_t n = 0;
  for (const ast::group_item& item : g.items)
    n += std::holds_alternative<ast::indicator>(item.node)
             ? 1
             : indicator_count(std::get<ast::group>(item.node));
  return n;
}

std::size_t indicator_count(const ast::project& p) {
  std::size_t n = 0;
  for (const ast::project_item& pi : p.items)
    if (const auto* g = std::get_if<ast::group>(&pi)) n += indicator_count(*g);
  return n;
}

}  // namespace

void document_checker::check(const std::vector<block_ref>& refs, diagnostics& diags) {
  // In order: every project and actuals block, and whether its name came before. Names are
  // the only thing blocks share; once they are settled each block is checked on its own.
  struct block {
    std::uint32_t file;
    ast::item* item;
    std::optional<model::location> first;  // set: declared twice, this is the second
    std::size_t slot;                      // index in out.projects or out.actuals
  };
  std::vector<block> blocks;
  blocks.reserve(refs.size());
  const std::size_t first_project = out_.projects.size(), first_actuals = out_.actuals.size();
  std::size_t projects = 0, actuals = 0;
  for (const block_ref& ref : refs) {
    const ast::name* title = nullptr;
    bool is_project = false;
    if (const auto* p = std::get_if<ast::project>(ref.item)) {
      title = &p->title;
      is_project = true;
    } else if (const auto* a = std::get_if<ast::actuals>(ref.item)) {
      title = &a->project;
    } else {
      continue;
    }
    auto& names = is_project ? project_names_ : actuals_names_;
    auto [it, fresh] =
        names.try_emplace(title->text, model::location{ref.file, title->range.begin});
    std::size_t& count = is_project ? projects : actuals;
    blocks.push_back({ref.file, ref.item, fresh ? std::nullopt : std::optional(it->second),
                      fresh ? count++ : 0});
  }
  out_.projects.resize(first_project + projects);
  out_.actuals.resize(first_actuals + actuals);

  // Each chunk of blocks on its own thread with its own messages, joined in order: the same
  // model and the same messages in the same order for any number of jobs.
  const std::size_t chunks = std::min<std::size_t>(jobs(), blocks.size() / 64 + 1);
  std::vector<diagnostics> found(chunks);
  parallel_chunks(blocks.size(), chunks, [&](std::size_t c, std::size_t b, std::size_t e) {
    for (std::size_t k = b; k < e; ++k) {
      const block& bl = blocks[k];
      check_context ctx{found[c], out_.sources[bl.file], bl.file};
      if (auto* p = std::get_if<ast::project>(bl.item)) {
        if (bl.first) {
          auto& d = ctx.error(p->title.range,
                              {fmt::format("project '{}' is declared twice", p->title.text),
                               fmt::format("项目 '{}' 重复申报", p->title.text)});
          ctx.note(d, *bl.first, out_.sources, {"first declared here", "首次申报于此"});
          continue;
        }
        model::project& m = out_.projects[first_project + bl.slot];
        m.name = p->title.text;
        m.loc = ctx.at(p->range);
        m.indicators.reserve(indicator_count(*p));
        project_checker pc{ctx, env_, m, {}};
        for (const ast::project_item& pi : p->items) std::visit(pc, pi);
        *p = {};  // its tree is several times the size of its text: free it as we go
      } else if (auto* a = std::get_if<ast::actuals>(bl.item)) {
        if (bl.first) {
          auto& d = ctx.error(a->project.range,
                              {fmt::format("actuals for '{}' are given twice", a->project.text),
                               fmt::format("项目 '{}' 的实际完成值重复出现", a->project.text)});
          ctx.note(d, *bl.first, out_.sources, {"first given here", "首次出现于此"});
          continue;
        }
        model::actuals_block& m = out_.actuals[first_actuals + bl.slot];
        m.project = a->project.text;
        m.loc = ctx.at(a->range);
        m.values.reserve(a->items.size());
        actuals_checker ac{ctx, env_, m, {}};
        for (const ast::actuals_item& ai : a->items) std::visit(ac, ai);
        *a = {};
      }
    }
  });
  for (const auto& d : found) diags.append(d);
}

void check_documents(std::vector<ast::file>& files, const environment& env, model::model& out,
                     diagnostics& diags) {
  for (const auto& f : files) out.sources.push_back(f.src);
  std::vector<document_checker::block_ref> blocks;
  for (std::uint32_t i = 0; i < files.size(); ++i)
    for (ast::item& item : files[i].items)
      if (std::holds_alternative<ast::project>(item) || std::holds_alternative<ast::actuals>(item))
        blocks.push_back({i, &item});
  document_checker(env, out).check(blocks, diags);
}

}  // namespace kpi
