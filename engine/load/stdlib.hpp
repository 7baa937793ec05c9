// The standard library (stdlib/*.kpi) and the default rule packs (rules/), embedded into the
// binary at build time.
#pragma once

#include <string_view>
#include <vector>

namespace kpi {

struct embedded_file {
  std::string_view name;  // "stdlib/units.kpi"
  std::string_view text;
};

const std::vector<embedded_file>& stdlib_files();
// rules/**/*.kpi: the default audit pack, the default scoring pack and their tests.
const std::vector<embedded_file>& rule_files();

}  // namespace kpi
