#include "engine/model/dump.hpp"

#include <fmt/format.h>

#include "engine/base/diagnostic.hpp"
#include "engine/model/json_out.hpp"

namespace kpi {
namespace {

// Every value string-keyed in SPEC §5 order; json_out lays it out as nlohmann's dump(2) did.
void put_position(json_out& j, const model::model& m, const model::location& loc) {
  const source_ptr& src = m.sources.at(loc.file);
  line_column p = src->position(loc.offset);
  j.field("file", src->name());
  j.key("line");
  j.integer(p.line);
  j.key("column");
  j.integer(p.column);
}

void put_amount(json_out& j, const model::amount& a, const char* value_key, const char* base_key) {
  j.field(value_key, a.value.to_string());
  j.field("unit", a.unit);
  j.field(base_key, a.base_value.to_string());
  j.field("base_unit", a.base_unit);
  j.field("dimension", a.dimension);
}

void money(json_out& j, const char* key, const std::optional<decimal>& d) {
  j.key(key);
  if (d)
    j.string(d->to_string());
  else
    j.null();
}

void indicator_json(json_out& j, const model::model& m, const model::indicator& ind) {
  j.begin_object();
  j.field("level1", ind.level1);
  j.field("level2", ind.level2);
  j.field("name", ind.name);
  if (ind.k == model::kind::quantitative) {
    j.field("kind", "quantitative");
    j.field("op", model::op_text(ind.o));
    if (ind.deadline) {
      j.field("value", ind.deadline->to_string());
      j.field("dimension", "date");
    } else if (ind.target) {
      put_amount(j, *ind.target, "value", "base_value");
      if (ind.target_high) {
        j.field("value_high", ind.target_high->value.to_string());
        j.field("base_value_high", ind.target_high->base_value.to_string());
      }
    }
  } else {
    j.field("kind", "qualitative");
    j.field("value", ind.text);
    j.field("term_class", ind.term_class.empty() ? std::string_view("text") : ind.term_class);
  }
  if (ind.weight) j.field("weight", ind.weight->to_string());
  put_position(j, m, ind.loc);
  j.end_object();
}

void actual_json(json_out& j, const model::model& m, const model::actual& a) {
  j.begin_object();
  j.field("indicator", a.indicator);
  switch (a.k) {
    case model::actual_kind::quantity:
      j.field("kind", "quantity");
      put_amount(j, *a.value, "value", "base_value");
      break;
    case model::actual_kind::date:
      j.field("kind", "date");
      j.field("value", a.when->to_string());
      break;
    case model::actual_kind::grade:
      j.field("kind", "grade");
      j.field("value", a.text);
      j.field("term_class", a.term_class);
      if (a.share) j.field("share", a.share->to_string());
      break;
    case model::actual_kind::text:
      j.field("kind", "text");
      j.field("value", a.text);
      break;
  }
  if (!a.because.empty()) j.field("because", a.because);
  if (a.assessed) {
    j.field("override_score", a.assessed->score.to_string());
    j.field("override_reason", a.assessed->reason);
  }
  put_position(j, m, a.loc);
  j.end_object();
}

// Text handed on to `put` in pieces of about a megabyte.
class pieces {
 public:
  explicit pieces(const std::function<void(std::string_view)>& put) : put_(put) {
    text.reserve(flush_at + 64 * 1024);
  }
  void flush_if_full() {
    if (text.size() >= flush_at) flush();
  }
  void flush() {
    put_(text);
    text.clear();
  }
  std::string text;

 private:
  static constexpr std::size_t flush_at = 1 << 20;
  const std::function<void(std::string_view)>& put_;
};

}  // namespace

void dump_json(const model::model& m, const std::function<void(std::string_view)>& put) {
  pieces out(put);
  json_out j(out.text);
  j.begin_object();
  j.key("version");
  j.integer(1);
  j.key("projects");
  j.begin_array();
  for (const auto& p : m.projects) {
    j.begin_object();
    j.field("name", p.name);
    money(j, "budget", p.money.total);
    j.key("period");
    if (p.period_from && p.period_to) {
      j.begin_array();
      j.string(p.period_from->to_string());
      j.string(p.period_to->to_string());
      j.end_array();
    } else {
      j.null();
    }
    j.field("department", p.department);
    j.field("unit", p.unit);
    j.field("nature", p.nature);
    j.field("category", p.category);
    j.field("goal", p.goal);
    j.key("funds");
    j.begin_object();
    money(j, "total", p.money.total);
    money(j, "fiscal", p.money.fiscal);
    money(j, "carryover", p.money.carryover);
    money(j, "other", p.money.other);
    j.end_object();
    j.key("indicators");
    j.begin_array();
    for (const auto& ind : p.indicators) indicator_json(j, m, ind);
    j.end_array();
    put_position(j, m, p.loc);
    j.end_object();
    out.flush_if_full();
  }
  j.end_array();
  j.key("actuals");
  j.begin_array();
  for (const auto& a : m.actuals) {
    j.begin_object();
    j.field("project", a.project);
    money(j, "executed", a.executed);
    money(j, "budget", a.budget);
    j.key("values");
    j.begin_array();
    for (const auto& v : a.values) actual_json(j, m, v);
    j.end_array();
    put_position(j, m, a.loc);
    j.end_object();
    out.flush_if_full();
  }
  j.end_array();
  j.end_object();
  out.text += '\n';
  out.flush();
}

// Text for people: every name and value through one_line, so that a control character or a line
// break in a name cannot reach the terminal or start a line of its own.
void dump_text(const model::model& m, const std::function<void(std::string_view)>& put) {
  pieces out(put);
  for (const auto& p : m.projects) {
    out.text += fmt::format("project {} budget={} indicators={}\n", one_line(p.name),
                            p.money.total ? p.money.total->to_string() : "-", p.indicators.size());
    for (const auto& ind : p.indicators) {
      std::string target;
      if (ind.k == model::kind::qualitative) {
        target =
            fmt::format("{} [{}]", ind.text,
                        ind.term_class.empty() ? std::string_view("text") : ind.term_class.view());
      } else if (ind.deadline) {
        target = fmt::format("{} {}", model::op_text(ind.o), ind.deadline->to_string());
      } else if (ind.target_high) {
        target = fmt::format("between {} .. {} {}", ind.target->base_value.to_string(),
                             ind.target_high->base_value.to_string(), ind.target->base_unit);
      } else {
        target = fmt::format("{} {} {}", model::op_text(ind.o), ind.target->base_value.to_string(),
                             ind.target->base_unit);
      }
      out.text +=
          fmt::format("  {} / {} / {}: {}{}\n", one_line(ind.level1.view()),
                      one_line(ind.level2.view()), one_line(ind.name.view()), one_line(target),
                      ind.weight ? " weight " + ind.weight->to_string() : "");
    }
    out.flush_if_full();
  }
  for (const auto& a : m.actuals) {
    out.text += fmt::format("actuals {} executed={} values={}\n", one_line(a.project),
                            a.executed ? a.executed->to_string() : "-", a.values.size());
    out.flush_if_full();
  }
  out.flush();
}

std::string dump_json(const model::model& m) {
  std::string out;
  dump_json(m, [&](std::string_view s) { out += s; });
  return out;
}

std::string dump_text(const model::model& m) {
  std::string out;
  dump_text(m, [&](std::string_view s) { out += s; });
  return out;
}

}  // namespace kpi
