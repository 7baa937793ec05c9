// Step 6 of `kpi import`: placed project tables → the text of a .kpi target file, in the
// canonical form of `kpi fmt` (formatting it changes nothing). Groups follow the order in which
// their labels first appear; rows keep their order. Repeated rows are left out; rows that could
// not be placed are kept as comments (`# 未归类 unplaced …`) so that nothing is lost.
#pragma once

#include <string>
#include <vector>

#include "engine/import/table.hpp"

namespace kpi::importer {

std::string write_kpi(const std::vector<project_table>& projects);

}  // namespace kpi::importer
