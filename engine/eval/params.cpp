// Scoring pack → scoring_params: a reader for the constant subset of pack expressions.
#include "engine/eval/params.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace kpi::eval {
namespace {

// A constant: `10`, `90 %`, `renormalise`, `"…"`, `80 % .. 100 %`, `[a, b]`.
struct constant {
  enum class kind { number, symbol, string, range, list } k = kind::number;
  decimal num;                  // number: in its base unit
  std::string dimension;        // number: empty without a unit
  std::string text;             // symbol, string
  std::vector<constant> items;  // range: low, high; list: the items
  source_range range;
};

struct reader {
  const unit_table& units;
  source_ptr src;
  diagnostics& diags;
  bool ok = true;

  void error(source_range r, text t) {
    diags.error(src, r, std::move(t));
    ok = false;
  }

  std::optional<constant> read(const ast::expr& e) {
    constant c;
    c.range = e.range;
    if (const auto* n = std::get_if<ast::number_lit>(&e.node)) {
      c.num = n->value.num.value;
      if (n->value.unit) {
        auto def = units.resolve(n->value.unit->text);
        if (!def) {
          error(n->value.unit->range, {fmt::format("unknown unit '{}'", n->value.unit->text),
                                       fmt::format("未知单位 '{}'", n->value.unit->text)});
          return std::nullopt;
        }
        auto v = c.num.mul(def->factor);
        if (!v) return std::nullopt;
        c.num = v->normalized();
        c.dimension = def->dimension;
      }
      return c;
    }
    if (const auto* s = std::get_if<ast::string_lit>(&e.node)) {
      c.k = constant::kind::string;
      c.text = s->value.text;
      return c;
    }
    if (const auto* i = std::get_if<ast::ident_ref>(&e.node)) {
      c.k = constant::kind::symbol;
      c.text = i->id.text;
      return c;
    }
    if (const auto* l = std::get_if<ast::list_lit>(&e.node)) {
      c.k = constant::kind::list;
      for (const auto& item : l->items) {
        auto v = read(*item);
        if (!v) return std::nullopt;
        c.items.push_back(std::move(*v));
      }
      return c;
    }
    if (const auto* b = std::get_if<ast::binary>(&e.node); b && b->op == ast::binary_op::range) {
      c.k = constant::kind::range;
      auto lo = read(*b->lhs);
      auto hi = lo ? read(*b->rhs) : std::nullopt;
      if (!hi) return std::nullopt;
      c.items = {std::move(*lo), std::move(*hi)};
      return c;
    }
    if (const auto* u = std::get_if<ast::unary>(&e.node); u && u->op == ast::unary_op::neg) {
      auto v = read(*u->operand);
      if (v && v->k == constant::kind::number) {
        v->num = v->num.negated();
        v->range = e.range;
        return v;
      }
    }
    error(e.range,
          {"a scoring pack value must be a constant: a number (with a unit), a symbol, a string, a "
           "range "
           "a .. b or a list [a, b]",
           "评分办法的取值必须是常量：数值（可带单位）、符号、字符串、区间 a .. b 或列表 [a, b]"});
    return std::nullopt;
  }

  // A number in `dimension` ("" for a plain number, "ratio" for a percentage).
  std::optional<decimal> number(const constant& c, std::string_view dimension) {
    if (c.k == constant::kind::number && c.dimension == dimension) return c.num;
    error(c.range,
          dimension == "ratio"
              ? text{"expected a percentage, e.g. 90 %", "应为百分比，例如 90 %"}
              : text{"expected a number without a unit, e.g. 10", "应为不带单位的数值，例如 10"});
    return std::nullopt;
  }
  std::optional<std::string> symbol(const constant& c, const std::vector<std::string>& allowed) {
    if (c.k == constant::kind::symbol &&
        (allowed.empty() || std::find(allowed.begin(), allowed.end(), c.text) != allowed.end()))
      return c.text;
    std::string list = fmt::format("{}", fmt::join(allowed, " | "));
    error(c.range,
          {fmt::format("expected one of: {}", list), fmt::format("应为以下之一：{}", list)});
    return std::nullopt;
  }
  std::optional<std::vector<std::string>> symbols(const constant& c) {
    std::vector<std::string> out;
    if (c.k == constant::kind::list) {
      for (const auto& i : c.items)
        if (i.k == constant::kind::symbol || i.k == constant::kind::string) out.push_back(i.text);
      if (out.size() == c.items.size()) return out;
    }
    error(c.range, {"expected a list of names, e.g. [达成年度指标, 已达成]",
                    "应为名称列表，例如 [达成年度指标, 已达成]"});
    return std::nullopt;
  }
  std::optional<band> range(const std::string& name, const constant& c,
                            std::string_view dimension) {
    if (c.k != constant::kind::range) {
      error(c.range, {"expected a range, e.g. 80 % .. 100 %", "应为区间，例如 80 % .. 100 %"});
      return std::nullopt;
    }
    auto lo = number(c.items[0], dimension);
    auto hi = number(c.items[1], dimension);
    if (!lo || !hi) return std::nullopt;
    if (*hi <= *lo) {
      error(c.range, {"a range must go from low to high", "区间应从小到大"});
      return std::nullopt;
    }
    return band{name, *lo, *hi};
  }

  // Bands must tile [from, to] without gap or overlap.
  void check_tiling(std::vector<std::pair<band, source_range>> bands, const decimal& from,
                    const decimal& to, source_range table) {
    std::stable_sort(bands.begin(), bands.end(),
                     [](const auto& a, const auto& b) { return a.first.low < b.first.low; });
    decimal at = from;
    for (const auto& [b, r] : bands) {
      if (b.low > at)
        error(r, {fmt::format("gap in the bands: nothing covers {} .. {}", at.to_string(),
                              b.low.to_string()),
                  fmt::format("等级区间有空缺：{} .. {} 不属于任何等级", at.to_string(),
                              b.low.to_string())});
      else if (b.low < at)
        error(r, {fmt::format("'{}' overlaps another band below {}", b.name, at.to_string()),
                  fmt::format("'{}' 与其他等级在 {} 以下重叠", b.name, at.to_string())});
      at = std::max(at, b.high);
    }
    if (bands.empty() || at != to)
      error(table, {fmt::format("the bands must end at {}", to.to_string()),
                    fmt::format("等级区间应止于 {}", to.to_string())});
  }
};

void read_param(reader& rd, scoring_params& p, const ast::param_decl& d) {
  auto c = rd.read(*d.value);
  if (!c) return;
  const std::string& id = d.id.text;
  auto positive = [&](std::optional<decimal> v) {
    if (v && v->sign() <= 0) rd.error(c->range, {"must be greater than 0", "必须大于 0"});
    return v && v->sign() > 0 ? v : std::nullopt;
  };
  if (id == "total") {
    if (auto v = positive(rd.number(*c, ""))) p.total = *v;
  } else if (id == "cost_group") {
    if (auto s = rd.symbol(*c, {})) p.cost_group = *s == "own" ? "" : *s;
  } else if (id == "missing_group") {
    if (auto s = rd.symbol(*c, {"renormalise", "none"})) p.renormalise = *s == "renormalise";
  } else if (id == "reverse") {
    if (auto s = rd.symbol(*c, {"ratio", "linear"}))
      p.reverse = *s == "ratio" ? reverse_method::ratio : reverse_method::linear;
  } else if (id == "budget_rate_floor") {
    if (auto v = rd.number(*c, "ratio")) p.budget_rate_floor = *v;
  } else if (id == "over_achievement") {
    if (auto v = positive(rd.number(*c, "ratio"))) p.over_achievement = *v;
  } else if (id == "division_places") {
    auto v = rd.number(*c, "");
    if (v && ((v->scale() > 0 && v->normalized().scale() > 0) || *v < decimal::from_int(12) ||
              *v > decimal::from_int(20)))
      rd.error(c->range, {"division_places must be a whole number from 12 to 20",
                          "division_places 应为 12 至 20 的整数"});
    else if (v)
      p.division_places = static_cast<int>(v->normalized().coefficient());
  } else {
    rd.error(d.id.range, {fmt::format("unknown scoring parameter '{}'", id),
                          fmt::format("未知的评分参数 '{}'", id)});
  }
}

void read_table(reader& rd, scoring_params& p, const ast::table_decl& t) {
  std::vector<std::pair<band, source_range>> tiles;
  bool grades = t.id.text == "grades", bands = t.id.text == "grade_bands",
       weights = t.id.text == "weights";
  if (!grades && !bands && !weights) {
    rd.error(t.id.range,
             {fmt::format("unknown scoring table '{}' (expected weights, grades or grade_bands)",
                          t.id.text),
              fmt::format("未知的评分表 '{}'（应为 weights、grades 或 grade_bands）", t.id.text)});
    return;
  }
  for (const auto& row : t.rows) {
    std::vector<constant> v;
    for (const auto& e : row.values)
      if (auto c = rd.read(*e)) v.push_back(std::move(*c));
    if (v.size() != row.values.size()) continue;
    std::size_t want_min = grades ? 2 : 1, want_max = grades ? 3 : (weights ? 2 : 1);
    if (v.size() < want_min || v.size() > want_max) {
      rd.error(row.key.range, {fmt::format("'{}' has {} values; expected {} to {}", row.key.text,
                                           v.size(), want_min, want_max),
                               fmt::format("'{}' 有 {} 个值，应为 {} 至 {} 个", row.key.text,
                                           v.size(), want_min, want_max)});
      continue;
    }
    if (weights) {
      auto pts = rd.number(v[0], "");
      if (!pts) continue;
      if (row.key.text == budget_row) {
        p.budget_points = *pts;
        continue;
      }
      group_weight g{row.key.text, *pts, {}};
      if (v.size() == 2)
        if (auto s = rd.symbols(v[1])) g.aliases = *s;
      p.groups.push_back(std::move(g));
    } else if (bands) {
      if (auto b = rd.range(row.key.text, v[0], "")) {
        tiles.emplace_back(*b, v[0].range);
        p.grade_bands.push_back(*b);
      }
    } else {
      auto b = rd.range(row.key.text, v[0], "ratio");
      auto share = rd.number(v[1], "ratio");
      if (!b || !share) continue;
      grade_def g{*b, *share, {}};
      if (v.size() == 3)
        if (auto s = rd.symbols(v[2])) g.spellings = *s;
      bool top = b->high == decimal::from_int(100);
      if (*share < b->low || *share > b->high || (*share == b->high && !top))
        rd.error(v[1].range, {fmt::format("the default {} % lies outside the band of '{}'",
                                          share->to_string(), row.key.text),
                              fmt::format("默认比例 {} % 不在 '{}' 的区间内", share->to_string(),
                                          row.key.text)});
      tiles.emplace_back(*b, v[0].range);
      p.grades.push_back(std::move(g));
    }
  }
  if (grades || bands) {
    decimal hi = decimal::from_int(100);
    if (bands && !p.grade_bands.empty()) hi = std::max(p.total, decimal::from_int(0));
    rd.check_tiling(std::move(tiles), decimal::from_int(0), hi, t.id.range);
  }
}

}  // namespace

const grade_def* scoring_params::find_grade(std::string_view word) const {
  for (const auto& g : grades) {
    if (g.range.name == word) return &g;
    for (const auto& s : g.spellings)
      if (s == word) return &g;
  }
  return nullptr;
}

std::string scoring_params::grade_of(const decimal& score) const {
  for (std::size_t i = 0; i < grade_bands.size(); ++i) {
    const band& b = grade_bands[i];
    bool top = b.high >= total;
    if (score >= b.low && (score < b.high || (top && score <= b.high))) return b.name;
  }
  return "";
}

std::optional<scoring_params> read_scoring_pack(const std::vector<ast::file>& files,
                                                const unit_table& units, diagnostics& diags) {
  for (const auto& f : files)
    for (const auto& item : f.items) {
      const auto* pk = std::get_if<ast::pack>(&item);
      if (pk == nullptr) continue;
      bool scoring = false;
      scoring_params p;
      for (const auto& pi : pk->items)
        if (const auto* s = std::get_if<ast::pack_setting>(&pi)) {
          if (s->key.text == "kind") scoring = s->value.text == "scoring";
          if (s->key.text == "title") p.title = s->value.text;
          if (s->key.text == "version") p.version = s->value.text;
        }
      if (!scoring) continue;
      reader rd{units, f.src, diags};
      p.grades.clear();
      for (const auto& pi : pk->items) {
        if (const auto* d = std::get_if<ast::param_decl>(&pi)) read_param(rd, p, *d);
        if (const auto* t = std::get_if<ast::table_decl>(&pi)) read_table(rd, p, *t);
        if (std::holds_alternative<ast::rule_decl>(pi))
          rd.error(std::get<ast::rule_decl>(pi).range,
                   {"a scoring pack has no rules", "评分办法中不能有规则"});
      }
      if (p.grades.empty() || p.grade_bands.empty() || p.groups.empty())
        rd.error(pk->title.range,
                 {"a scoring pack needs the tables weights, grades and grade_bands",
                  "评分办法需要 weights、grades 和 grade_bands 三张表"});
      if (!rd.ok) return std::nullopt;
      return p;
    }
  diags.error(nullptr, {},
              {"no scoring pack (a pack with `kind scoring`) was given",
               "未提供评分办法（kind scoring 的 pack）"});
  return std::nullopt;
}

}  // namespace kpi::eval
