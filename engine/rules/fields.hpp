// The names a rule can read: fields of indicators and projects, and the functions it can call.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/rules/ir.hpp"

namespace kpi::rules {

std::optional<ind_field> find_ind_field(const std::string& name);
// Dotted paths: `funds.total`, `period.days`, `indicators`.
std::optional<proj_field> find_proj_field(const std::string& path);
std::optional<builtin> find_builtin(const std::string& name);

std::vector<std::string> ind_field_names();
std::vector<std::string> proj_field_names();
std::vector<std::string> builtin_names();

}  // namespace kpi::rules
