#include "engine/model/dump.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace kpi {
namespace {

using json = nlohmann::ordered_json;

void put_position(json& j, const model::model& m, const model::location& loc) {
  const source_ptr& src = m.sources.at(loc.file);
  line_column p = src->position(loc.offset);
  j["file"] = src->name();
  j["line"] = p.line;
  j["column"] = p.column;
}

void put_amount(json& j, const model::amount& a, const char* value_key, const char* base_key) {
  j[value_key] = a.value.to_string();
  j["unit"] = a.unit;
  j[base_key] = a.base_value.to_string();
  j["base_unit"] = a.base_unit;
  j["dimension"] = a.dimension;
}

json money(const std::optional<decimal>& d) {
  return d ? json(d->to_string()) : json(nullptr);
}

json indicator_json(const model::model& m, const model::indicator& ind) {
  json j;
  j["level1"] = ind.level1;
  j["level2"] = ind.level2;
  j["name"] = ind.name;
  if (ind.k == model::kind::quantitative) {
    j["kind"] = "quantitative";
    j["op"] = model::op_text(ind.o);
    if (ind.deadline) {
      j["value"] = ind.deadline->to_string();
      j["dimension"] = "date";
    } else if (ind.target) {
      put_amount(j, *ind.target, "value", "base_value");
      if (ind.target_high) {
        j["value_high"] = ind.target_high->value.to_string();
        j["base_value_high"] = ind.target_high->base_value.to_string();
      }
    }
  } else {
    j["kind"] = "qualitative";
    j["value"] = ind.text;
    j["term_class"] = ind.term_class.empty() ? "text" : ind.term_class;
  }
  if (ind.weight) j["weight"] = ind.weight->to_string();
  put_position(j, m, ind.loc);
  return j;
}

json actual_json(const model::model& m, const model::actual& a) {
  json j;
  j["indicator"] = a.indicator;
  switch (a.k) {
    case model::actual_kind::quantity:
      j["kind"] = "quantity";
      put_amount(j, *a.value, "value", "base_value");
      break;
    case model::actual_kind::date:
      j["kind"] = "date";
      j["value"] = a.when->to_string();
      break;
    case model::actual_kind::grade:
      j["kind"] = "grade";
      j["value"] = a.text;
      j["term_class"] = a.term_class;
      if (a.share) j["share"] = a.share->to_string();
      break;
    case model::actual_kind::text:
      j["kind"] = "text";
      j["value"] = a.text;
      break;
  }
  if (!a.because.empty()) j["because"] = a.because;
  if (a.override_score) {
    j["override_score"] = a.override_score->to_string();
    j["override_reason"] = a.override_reason;
  }
  put_position(j, m, a.loc);
  return j;
}

}  // namespace

std::string dump_json(const model::model& m) {
  json root;
  root["version"] = 1;
  json projects = json::array();
  for (const auto& p : m.projects) {
    json j;
    j["name"] = p.name;
    j["budget"] = money(p.money.total);
    j["period"] = p.period_from && p.period_to
                      ? json::array({p.period_from->to_string(), p.period_to->to_string()})
                      : json(nullptr);
    j["department"] = p.department;
    j["unit"] = p.unit;
    j["nature"] = p.nature;
    j["category"] = p.category;
    j["goal"] = p.goal;
    j["funds"] = {{"total", money(p.money.total)},
                  {"fiscal", money(p.money.fiscal)},
                  {"carryover", money(p.money.carryover)},
                  {"other", money(p.money.other)}};
    json inds = json::array();
    for (const auto& ind : p.indicators) inds.push_back(indicator_json(m, ind));
    j["indicators"] = std::move(inds);
    put_position(j, m, p.loc);
    projects.push_back(std::move(j));
  }
  root["projects"] = std::move(projects);
  json actuals = json::array();
  for (const auto& a : m.actuals) {
    json j;
    j["project"] = a.project;
    j["executed"] = money(a.executed);
    j["budget"] = money(a.budget);
    json values = json::array();
    for (const auto& v : a.values) values.push_back(actual_json(m, v));
    j["values"] = std::move(values);
    put_position(j, m, a.loc);
    actuals.push_back(std::move(j));
  }
  root["actuals"] = std::move(actuals);
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string dump_text(const model::model& m) {
  std::string out;
  for (const auto& p : m.projects) {
    out += fmt::format("project {} budget={} indicators={}\n", p.name,
                       p.money.total ? p.money.total->to_string() : "-", p.indicators.size());
    for (const auto& ind : p.indicators) {
      std::string target;
      if (ind.k == model::kind::qualitative) {
        target = fmt::format("{} [{}]", ind.text, ind.term_class.empty() ? "text" : ind.term_class);
      } else if (ind.deadline) {
        target = fmt::format("{} {}", model::op_text(ind.o), ind.deadline->to_string());
      } else if (ind.target_high) {
        target = fmt::format("between {} .. {} {}", ind.target->base_value.to_string(),
                             ind.target_high->base_value.to_string(), ind.target->base_unit);
      } else {
        target = fmt::format("{} {} {}", model::op_text(ind.o), ind.target->base_value.to_string(),
                             ind.target->base_unit);
      }
      out += fmt::format("  {} / {} / {}: {}{}\n", ind.level1, ind.level2, ind.name, target,
                         ind.weight ? " weight " + ind.weight->to_string() : "");
    }
  }
  for (const auto& a : m.actuals) {
    out += fmt::format("actuals {} executed={} values={}\n", a.project,
                       a.executed ? a.executed->to_string() : "-", a.values.size());
  }
  return out;
}

}  // namespace kpi
