#include "engine/rules/fields.hpp"

#include <utility>

namespace kpi::rules {
namespace {

const std::vector<std::pair<const char*, ind_field>>& ind_table() {
  static const std::vector<std::pair<const char*, ind_field>> t = {
      {"level1", ind_field::level1},
      {"level2", ind_field::level2},
      {"name", ind_field::name},
      {"op", ind_field::op},
      {"target", ind_field::target},
      {"target_high", ind_field::target_high},
      {"unit", ind_field::unit},
      {"base_unit", ind_field::base_unit},
      {"dimension", ind_field::dimension},
      {"kind", ind_field::kind},
      {"text", ind_field::text},
      {"term_class", ind_field::term_class},
      {"weight", ind_field::weight},
      {"deadline", ind_field::deadline},
      {"occurrence", ind_field::occurrence},
      {"name_count", ind_field::name_count},
  };
  return t;
}

const std::vector<std::pair<const char*, proj_field>>& proj_table() {
  static const std::vector<std::pair<const char*, proj_field>> t = {
      {"name", proj_field::name},
      {"department", proj_field::department},
      {"unit", proj_field::unit},
      {"nature", proj_field::nature},
      {"category", proj_field::category},
      {"goal", proj_field::goal},
      {"funds.total", proj_field::funds_total},
      {"funds.fiscal", proj_field::funds_fiscal},
      {"funds.carryover", proj_field::funds_carryover},
      {"funds.other", proj_field::funds_other},
      {"period.from", proj_field::period_from},
      {"period.to", proj_field::period_to},
      {"period.days", proj_field::period_days},
      {"period.full_year", proj_field::period_full_year},
      {"indicators", proj_field::indicators},
      {"indicator_count", proj_field::indicator_count},
  };
  return t;
}

const std::vector<std::pair<const char*, builtin>>& builtin_table() {
  static const std::vector<std::pair<const char*, builtin>> t = {
      {"count", builtin::count}, {"sum", builtin::sum},   {"min", builtin::min},
      {"max", builtin::max},     {"avg", builtin::avg},   {"any", builtin::any},
      {"all", builtin::all},     {"abs", builtin::abs},   {"round", builtin::round},
      {"len", builtin::len},     {"year", builtin::year}, {"coalesce", builtin::coalesce},
  };
  return t;
}

template <typename T>
std::optional<T> find(const std::vector<std::pair<const char*, T>>& table,
                      const std::string& name) {
  for (const auto& [n, v] : table)
    if (name == n) return v;
  return std::nullopt;
}

template <typename T>
std::vector<std::string> names(const std::vector<std::pair<const char*, T>>& table) {
  std::vector<std::string> out;
  for (const auto& [n, v] : table) out.emplace_back(n);
  return out;
}

}  // namespace

std::optional<ind_field> find_ind_field(const std::string& name) {
  return find(ind_table(), name);
}
std::optional<proj_field> find_proj_field(const std::string& path) {
  return find(proj_table(), path);
}
std::optional<builtin> find_builtin(const std::string& name) {
  return find(builtin_table(), name);
}
std::vector<std::string> ind_field_names() {
  return names(ind_table());
}
std::vector<std::string> proj_field_names() {
  return names(proj_table());
}
std::vector<std::string> builtin_names() {
  return names(builtin_table());
}

}  // namespace kpi::rules
