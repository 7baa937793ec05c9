// The standard library (stdlib/*.kpi), embedded into the binary at build time.
#pragma once

#include <string_view>
#include <vector>

namespace kpi {

struct embedded_file {
  std::string_view name;  // "stdlib/units.kpi"
  std::string_view text;
};

const std::vector<embedded_file>& stdlib_files();

}  // namespace kpi
