// Step 4 of `kpi import`: classified rows → one project_table per 项目名称, header fields read,
// indicator rows and label lines collected in line order (placement comes after).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/check/checker.hpp"
#include "engine/import/table.hpp"

namespace kpi::importer {

struct read_tables_result {
  std::vector<project_table> projects;
  std::vector<note> notes;
};

// `file` names the input in origins; `env` reads the target cells (units, terms).
read_tables_result read_tables(const std::string& file, std::string_view text,
                               const environment& env);

// The goal as one paragraph: HTML tags (<p>, <br>, …) removed, paragraphs joined, entities
// (&nbsp; &lt; &gt; &amp; &quot;) decoded.
std::string clean_goal(std::string_view html);

}  // namespace kpi::importer
