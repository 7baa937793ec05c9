#include "engine/rules/evaluator.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/base/utf8.hpp"

namespace kpi::rules {
namespace {

// Thrown when an expression evaluated as a constant reads the project.
struct not_constant {};

// Division is carried this far before any rounding a rule asks for.
constexpr int division_places = 20;

// Scanning text costs one step per this many bytes (rounded up), searching a list one step per
// item: a rule's steps grow with the work it does (engine/rules/runtime.hpp).
constexpr std::size_t text_bytes_per_step = 16;

class evaluator {
 public:
  explicit evaluator(frame& f) : f_(f) {}

  value eval(const node& n) {
    if (++f_.steps > f_.budget) throw budget_exceeded{};
    switch (n.k) {
      case node_kind::constant:
        return n.constant;
      case node_kind::ind:
        return indicator_field(n.ifield);
      case node_kind::proj:
        return project_field(n.pfield);
      case node_kind::let_ref:
        if (f_.constant_only) throw not_constant{};
        return f_.lets.at(n.slot);
      case node_kind::unary:
        return unary(n);
      case node_kind::binary:
        return binary(n);
      case node_kind::convert:
        return convert(n);
      case node_kind::where:
        return where(n);
      case node_kind::aggregate:
        return aggregate(n);
      case node_kind::call:
        return call(n);
      case node_kind::list: {
        std::vector<value> items;
        items.reserve(n.kids.size());
        for (const auto& k : n.kids) items.push_back(eval(*k));
        return value::list(std::move(items));
      }
      case node_kind::matches: {
        value s = eval(*n.kids[0]);
        if (s.t != vtype::text) return value::none();
        charge_text(s.str.size());  // before the match: a budget spent never runs it
        return value::boolean(
            RE2::PartialMatch(re2::StringPiece(s.str.data(), s.str.size()), *n.pattern));
      }
    }
    return value::none();
  }

  // Counts `n` more steps.
  void charge(std::uint64_t n) {
    if ((f_.steps += n) > f_.budget) throw budget_exceeded{};
  }
  // Counts the steps of scanning `bytes` bytes of text.
  void charge_text(std::size_t bytes) {
    charge((bytes + text_bytes_per_step - 1) / text_bytes_per_step);
  }

  value fail(const std::string& why) {
    if (f_.error.empty()) f_.error = why;
    return value::none();
  }

 private:
  frame& f_;

  const model::indicator& item() {
    if (f_.constant_only || f_.item == nullptr) throw not_constant{};
    return *f_.item;
  }
  const model::project& project() {
    if (f_.constant_only || f_.project == nullptr) throw not_constant{};
    return *f_.project;
  }

  // The text fields that are istr in the model (see text_field).
  static bool interned_field(ind_field f) {
    return f == ind_field::level1 || f == ind_field::level2 || f == ind_field::name ||
           f == ind_field::unit || f == ind_field::base_unit || f == ind_field::term_class;
  }

  // The text fields of the current indicator; nullopt for the others.
  std::optional<std::string_view> text_field(ind_field f) {
    const model::indicator& ind = item();
    switch (f) {
      case ind_field::level1:
        return ind.level1;
      case ind_field::level2:
        return ind.level2;
      case ind_field::name:
        return ind.name;
      case ind_field::unit:
        return ind.target ? std::string_view(ind.target->unit) : std::string_view();
      case ind_field::base_unit:
        return ind.target ? std::string_view(ind.target->base_unit) : std::string_view();
      case ind_field::dimension:
        return ind.deadline ? "date" : ind.target ? std::string_view(ind.target->dimension) : "";
      case ind_field::kind:
        return ind.k == model::kind::quantitative ? "quantitative" : "qualitative";
      case ind_field::text:
        return ind.text;
      case ind_field::term_class:
        return ind.term_class;
      default:
        return std::nullopt;
    }
  }

  value indicator_field(ind_field f) {
    if (auto s = text_field(f)) return value::text(*s);
    const model::indicator& ind = item();
    switch (f) {
      case ind_field::op:
        return value::of_op(ind.o);
      case ind_field::target: {
        if (!ind.target) return value::none();
        value v = value::number(ind.target->base_value, ind.target->base_unit);
        v.written = &ind;
        return v;
      }
      case ind_field::target_high:
        return ind.target_high
                   ? value::number(ind.target_high->base_value, ind.target_high->base_unit)
                   : value::none();
      default:
        break;
      case ind_field::weight:
        return ind.weight ? value::number(*ind.weight) : value::none();
      case ind_field::deadline:
        return ind.deadline ? value::of_date(*ind.deadline) : value::none();
      case ind_field::occurrence:
      case ind_field::name_count: {
        const auto& occ = occurrences();
        auto i = static_cast<std::size_t>(&ind - project().indicators.data());
        if (i >= occ.size()) return value::none();
        return value::number(
            decimal::from_int(f == ind_field::occurrence ? occ[i].first : occ[i].second));
      }
    }
    return value::none();
  }

  // For each indicator of the project: the how-many-th of its name it is, in the order written,
  // and how many share the name. Computed once per project, by sorting the names.
  const std::vector<std::pair<int, int>>& occurrences() {
    const auto& inds = project().indicators;
    if (f_.occurrences.empty() && !inds.empty()) {
      std::vector<std::size_t> order(inds.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return inds[a].name < inds[b].name; });
      f_.occurrences.resize(inds.size());
      for (std::size_t run = 0; run < order.size();) {
        std::size_t end = run + 1;
        while (end < order.size() && inds[order[end]].name == inds[order[run]].name) ++end;
        for (std::size_t k = run; k < end; ++k)
          f_.occurrences[order[k]] = {static_cast<int>(k - run + 1), static_cast<int>(end - run)};
        run = end;
      }
    }
    return f_.occurrences;
  }

  static value money(const std::optional<decimal>& d) {
    return d ? value::number(*d, "元") : value::none();
  }

  value project_field(proj_field f) {
    const model::project& p = project();
    switch (f) {
      case proj_field::name:
        return value::text(p.name);
      case proj_field::department:
        return value::text(p.department);
      case proj_field::unit:
        return value::text(p.unit);
      case proj_field::nature:
        return value::text(p.nature);
      case proj_field::category:
        return value::text(p.category);
      case proj_field::goal:
        return value::text(p.goal);
      case proj_field::funds_total:
        return money(p.money.total);
      case proj_field::funds_fiscal:
        return money(p.money.fiscal);
      case proj_field::funds_carryover:
        return money(p.money.carryover);
      case proj_field::funds_other:
        return money(p.money.other);
      case proj_field::period_from:
        return p.period_from ? value::of_date(*p.period_from) : value::none();
      case proj_field::period_to:
        return p.period_to ? value::of_date(*p.period_to) : value::none();
      case proj_field::period_days:
        if (!p.period_from || !p.period_to) return value::none();
        return value::number(decimal::from_int(days_inclusive(*p.period_from, *p.period_to)), "天");
      case proj_field::period_full_year:
        if (!p.period_from || !p.period_to) return value::none();
        return value::boolean(p.period_from->year == p.period_to->year &&
                              p.period_from->month == 1 && p.period_from->day == 1 &&
                              p.period_to->month == 12 && p.period_to->day == 31);
      case proj_field::indicators: {
        value v;
        v.t = vtype::indicators;
        v.set.reserve(p.indicators.size());
        for (const auto& ind : p.indicators) v.set.push_back(&ind);
        return v;
      }
      case proj_field::indicator_count:
        return value::number(decimal::from_int(static_cast<std::int64_t>(p.indicators.size())));
    }
    return value::none();
  }

  value unary(const node& n) {
    value x = eval(*n.kids[0]);
    if (x.t == vtype::none) return x;
    if (n.uop == ast::unary_op::not_) {
      if (x.t != vtype::boolean) return fail("'not' needs a condition");
      return value::boolean(!x.b);
    }
    if (x.t != vtype::number) return fail("'-' needs a number");
    return value::number(x.num.negated(), x.unit);
  }

  bool units_clash(const value& a, const value& b, const node& n) {
    if (a.unit.empty() || b.unit.empty() || a.unit == b.unit) return false;
    fail(fmt::format("cannot combine {} with {} in `{}`", a.unit, b.unit, n.text));
    return true;
  }

  value binary(const node& n) {
    using bo = ast::binary_op;
    if (n.bop == bo::and_ || n.bop == bo::or_) {
      value l = eval(*n.kids[0]);
      bool short_value = n.bop == bo::or_;
      if (l.t == vtype::boolean && l.b == short_value) return l;
      value r = eval(*n.kids[1]);
      if (r.t == vtype::boolean && r.b == short_value) return r;
      if (l.t != vtype::boolean || r.t != vtype::boolean) return value::none();
      return value::boolean(!short_value);
    }
    if (auto fast = text_test(n)) return value::boolean(*fast);
    value l = eval(*n.kids[0]);
    // A constant right-hand side (`op in [<=, <]`, `target <= 100 %`) is read in place: a copy
    // would touch its list's shared count on every application.
    value r_own;
    const value& r = constant_or(*n.kids[1], r_own);
    switch (n.bop) {
      case bo::eq:
      case bo::ne: {
        if (l.t == vtype::number && r.t == vtype::number && units_clash(l, r, n))
          return value::none();
        if (l.t == vtype::text && r.t == vtype::text)
          charge_text(std::min(l.str.size(), r.str.size()));
        auto e = equal(l, r);
        if (!e) return value::none();
        return value::boolean(n.bop == bo::eq ? *e : !*e);
      }
      case bo::lt:
      case bo::le:
      case bo::gt:
      case bo::ge: {
        if (l.t == vtype::none || r.t == vtype::none) return value::none();
        int c = 0;
        if (l.t == vtype::number && r.t == vtype::number) {
          if (units_clash(l, r, n)) return value::none();
          c = l.num.compare(r.num);
        } else if (l.t == vtype::date && r.t == vtype::date) {
          c = l.day.serial() < r.day.serial() ? -1 : (l.day.serial() > r.day.serial() ? 1 : 0);
        } else if (l.t == vtype::text && r.t == vtype::text) {
          charge_text(std::min(l.str.size(), r.str.size()));
          c = l.str.compare(r.str);
        } else {
          return fail(fmt::format("cannot order the values of `{}`", n.text));
        }
        bool res = n.bop == bo::lt   ? c < 0
                   : n.bop == bo::le ? c <= 0
                   : n.bop == bo::gt ? c > 0
                                     : c >= 0;
        return value::boolean(res);
      }
      case bo::in:
      case bo::not_in: {
        if (l.t == vtype::none) return value::none();
        if (r.t != vtype::list) return fail("'in' needs a list");
        charge(r.list_size());
        bool found = false;
        for (std::size_t i = 0; i < r.list_size(); ++i) {
          const value& item = (*r.items)[i];
          auto e = equal(l, item);
          if (e && *e) found = true;
        }
        return value::boolean(n.bop == bo::in ? found : !found);
      }
      case bo::contains:
        if (l.t == vtype::list) {
          charge(l.list_size());
          for (std::size_t i = 0; i < l.list_size(); ++i)
            if (auto e = equal((*l.items)[i], r); e && *e) return value::boolean(true);
          return value::boolean(false);
        }
        if (l.t != vtype::text || r.t != vtype::text) return value::none();
        charge_text(l.str.size());
        return value::boolean(l.str.find(r.str) != std::string_view::npos);
      case bo::starts_with:
        if (l.t != vtype::text || r.t != vtype::text) return value::none();
        charge_text(r.str.size());
        return value::boolean(l.str.substr(0, r.str.size()) == r.str);
      case bo::ends_with:
        if (l.t != vtype::text || r.t != vtype::text) return value::none();
        charge_text(r.str.size());
        return value::boolean(l.str.size() >= r.str.size() &&
                              l.str.compare(l.str.size() - r.str.size(), r.str.size(), r.str) == 0);
      case bo::add:
      case bo::sub:
      case bo::mul:
      case bo::div:
        return arithmetic(n, l, r);
      default:
        return value::none();
    }
  }

  // The value of `k`: its constant itself when it is one (counted as one step, as eval counts
  // it), else evaluated into `own`.
  const value& constant_or(const node& k, value& own) {
    if (k.k != node_kind::constant) return own = eval(k);
    if (++f_.steps > f_.budget) throw budget_exceeded{};
    return k.constant;
  }

  // `level1 == 成本指标`, `level2 in [数量指标, 质量指标]`: a text field of the indicator
  // against constants, compared in place (the same result and steps as the general path, which
  // builds a value for each side). nullopt when `n` is not of that shape.
  std::optional<bool> text_test(const node& n) {
    using bo = ast::binary_op;
    const node& l = *n.kids[0];
    const node& r = *n.kids[1];
    if (l.k != node_kind::ind || r.k != node_kind::constant) return std::nullopt;
    bool eq = n.bop == bo::eq || n.bop == bo::ne;
    bool in = n.bop == bo::in || n.bop == bo::not_in;
    if (!(eq && r.constant.t == vtype::text) && !(in && r.constant.t == vtype::list))
      return std::nullopt;
    auto s = text_field(l.ifield);
    if (!s) return std::nullopt;
    // Two steps as the general path counts them, and what the general path charges for the
    // comparison: each item of the list, or the bytes of two texts that are not interned.
    charge(in ? 2 + r.constant.list_size()
              : 2 + (interned_field(l.ifield)
                         ? 0
                         : (std::min(s->size(), r.constant.str.size()) + text_bytes_per_step - 1) /
                               text_bytes_per_step));
    // Names, group names, units and term classes are interned (istr), and so is the text of every
    // constant: one text is one pointer, so unequal texts need no byte compare.
    const bool by_pointer = interned_field(l.ifield);
    auto same = [by_pointer](std::string_view a, std::string_view b) {
      return by_pointer ? a.data() == b.data() && a.size() == b.size() : a == b;
    };
    if (eq) return same(*s, r.constant.str) == (n.bop == bo::eq);
    bool found = false;
    for (std::size_t i = 0; i < r.constant.list_size() && !found; ++i) {
      const value& item = (*r.constant.items)[i];
      found = item.t == vtype::text && same(item.str, *s);
    }
    return found == (n.bop == bo::in);
  }

  value arithmetic(const node& n, const value& l, const value& r) {
    using bo = ast::binary_op;
    if (l.t == vtype::none || r.t == vtype::none) return value::none();
    if (l.t != vtype::number || r.t != vtype::number)
      return fail(fmt::format("`{}` needs numbers", n.text));
    std::optional<decimal> res;
    std::string_view unit = l.unit.empty() ? r.unit : l.unit;
    switch (n.bop) {
      case bo::add:
      case bo::sub:
        if (units_clash(l, r, n)) return value::none();
        res = n.bop == bo::add ? l.num.add(r.num) : l.num.sub(r.num);
        break;
      case bo::mul:
        res = l.num.mul(r.num);
        break;
      case bo::div:
        if (r.num.is_zero()) return fail(fmt::format("division by zero in `{}`", n.text));
        res = l.num.div(r.num, division_places);
        if (res) res = res->normalized();
        if (!l.unit.empty() && l.unit == r.unit)
          unit = {};
        else
          unit = l.unit;
        break;
      default:
        break;
    }
    if (!res) return fail(fmt::format("number too large in `{}`", n.text));
    return value::number(*res, unit);
  }

  value convert(const node& n) {
    value x = eval(*n.kids[0]);
    if (x.t == vtype::none) return x;
    if (x.t != vtype::number) return fail(fmt::format("`{}` needs a number", n.text));
    if (!x.unit.empty() && x.unit != n.base)
      return fail(fmt::format("cannot express {} in {}", x.unit, n.unit));
    value v = value::number(x.num, x.unit);
    v.shown_factor = n.factor;
    v.shown_unit = n.unit;
    return v;
  }

  // Runs `body` with each indicator of `set` as the current item.
  template <typename F>
  void each_of(const value& set, F&& body) {
    const model::indicator* saved = f_.item;
    for (const model::indicator* ind : set.set) {
      f_.item = ind;
      body(*ind);
    }
    f_.item = saved;
  }

  // Runs `body` with each indicator of the set `s` evaluates to as the current item; false when
  // `s` is not a set of indicators. The project's own `indicators` are walked in place instead
  // of being copied into a set first (the same steps are counted as evaluating them).
  template <typename F>
  bool each_indicator(const node& s, F&& body) {
    if (s.k == node_kind::proj && s.pfield == proj_field::indicators) {
      if (++f_.steps > f_.budget) throw budget_exceeded{};
      const model::indicator* saved = f_.item;
      for (const model::indicator& ind : project().indicators) {
        f_.item = &ind;
        body(ind);
      }
      f_.item = saved;
      return true;
    }
    value set = eval(s);
    if (set.t != vtype::indicators) return false;
    each_of(set, body);
    return true;
  }

  value where(const node& n) {
    value out;
    out.t = vtype::indicators;
    each_indicator(*n.kids[0], [&](const model::indicator& ind) {
      value c = eval(*n.kids[1]);
      if (c.t == vtype::boolean && c.b) out.set.push_back(&ind);
    });
    return out;
  }

  value aggregate(const node& n) {
    if (n.fn == builtin::count && n.kids.size() == 1) {
      const node& s = *n.kids[0];
      std::int64_t c = 0;
      if (s.k == node_kind::where) {
        // count(set where …): counted as the set is filtered, no set built.
        if (++f_.steps > f_.budget) throw budget_exceeded{};
        each_indicator(*s.kids[0], [&](const model::indicator&) {
          value v = eval(*s.kids[1]);
          if (v.t == vtype::boolean && v.b) ++c;
        });
        return value::number(decimal::from_int(c));
      }
      if (!each_indicator(s, [&](const model::indicator&) { ++c; })) return value::none();
      return value::number(decimal::from_int(c));
    }
    // Each aggregate walks the set once; a value that is not a set gives none.
    switch (n.fn) {
      case builtin::count: {
        std::int64_t c = 0;
        bool is_set = each_indicator(*n.kids[0], [&](const model::indicator&) {
          value v = eval(*n.kids[1]);
          if (v.t == vtype::boolean && v.b) ++c;
        });
        if (!is_set) return value::none();
        return value::number(decimal::from_int(c));
      }
      case builtin::any:
      case builtin::all: {
        bool any = false;
        bool all = true;
        bool is_set = each_indicator(*n.kids[0], [&](const model::indicator&) {
          value v = eval(*n.kids[1]);
          bool t = v.t == vtype::boolean && v.b;
          any = any || t;
          all = all && t;
        });
        if (!is_set) return value::none();
        return value::boolean(n.fn == builtin::any ? any : all);
      }
      default:
        break;
    }
    // sum, min, max, avg: numbers, skipping indicators that have no value.
    std::optional<decimal> acc;
    std::string_view unit;
    std::int64_t count = 0;
    bool bad = false;
    bool is_set = each_indicator(*n.kids[0], [&](const model::indicator&) {
      value v = eval(*n.kids[1]);
      if (v.t != vtype::number || bad) return;
      if (count > 0 && !unit.empty() && !v.unit.empty() && unit != v.unit) {
        fail(fmt::format("`{}` mixes {} and {}", n.text, unit, v.unit));
        bad = true;
        return;
      }
      if (unit.empty()) unit = v.unit;
      ++count;
      if (!acc) {
        acc = v.num;
      } else if (n.fn == builtin::sum || n.fn == builtin::avg) {
        acc = acc->add(v.num);
        if (!acc) bad = true;
      } else if ((n.fn == builtin::min && v.num < *acc) || (n.fn == builtin::max && v.num > *acc)) {
        acc = v.num;
      }
    });
    if (!is_set || bad) return value::none();
    if (!acc)
      return n.fn == builtin::sum ? value::number(decimal::from_int(0), unit) : value::none();
    if (n.fn == builtin::avg) {
      auto a = acc->div(decimal::from_int(count), division_places);
      if (!a) return value::none();
      acc = a->normalized();
    }
    return value::number(*acc, unit);
  }

  value call(const node& n) {
    std::vector<value> args;
    for (const auto& k : n.kids) args.push_back(eval(*k));
    switch (n.fn) {
      case builtin::abs:
        if (args[0].t != vtype::number) return value::none();
        return value::number(args[0].num.is_negative() ? args[0].num.negated() : args[0].num,
                             args[0].unit);
      case builtin::round: {
        if (args[0].t != vtype::number || args[1].t != vtype::number) return value::none();
        auto places = args[1].num.normalized();
        if (places.scale() != 0 || places.is_negative() || places > decimal::from_int(12))
          return fail("round() takes 0 to 12 places");
        return value::number(args[0].num.round(static_cast<int>(places.coefficient())),
                             args[0].unit);
      }
      case builtin::len:
        if (args[0].t == vtype::text) {
          charge_text(args[0].str.size());
          return value::number(
              decimal::from_int(static_cast<std::int64_t>(utf8::length(args[0].str))));
        }
        if (args[0].t == vtype::list)
          return value::number(decimal::from_int(static_cast<std::int64_t>(args[0].list_size())));
        if (args[0].t == vtype::indicators)
          return value::number(decimal::from_int(static_cast<std::int64_t>(args[0].set.size())));
        return value::none();
      case builtin::year:
        if (args[0].t != vtype::date) return value::none();
        return value::number(decimal::from_int(args[0].day.year));
      case builtin::coalesce:
        return args[0].t == vtype::none ? args[1] : args[0];
      default:
        return value::none();
    }
  }
};

}  // namespace

value evaluate(frame& f, const node& n) {
  return evaluator(f).eval(n);
}

std::optional<value> evaluate_constant(const node& n) {
  frame f;
  f.constant_only = true;
  f.budget = 100000;
  evaluator ev(f);
  try {
    value v = ev.eval(n);
    if (!f.error.empty()) return std::nullopt;
    return interned(v);
  } catch (const not_constant&) {
    return std::nullopt;
  } catch (const budget_exceeded&) {
    return std::nullopt;
  }
}

}  // namespace kpi::rules
