// Step 5 of `kpi import`: label lines and indicator rows of one project → each row's 一级/二级.
//
// Rules, in order (docs/import.md):
//  1. A label line sets the placement of its own row and the rows after it. Its labels are
//     read against the framework: a 一级 label with a 二级 label that is not one of its own
//     (效益指标 ⇥ 服务对象满意度指标) is a 一级 label shifted by a row, and the 二级 label
//     decides (满意度指标/服务对象满意度指标); a 二级 label alone belongs to the current 一级
//     label when they pair, else to its own 一级; a label followed on its line by another 二级
//     label has no rows of its own. A label repeated after a page break changes nothing.
//  2. Merged-cell labels are printed where the PDF centred them, so the rows at the end of a
//     block whose evidence (evidence.hpp) speaks against it, and not against the next block,
//     belong to the next block. Rows before any label belong to the first block.
//  3. A row printed twice under the same placement is kept once.
// Every decision of rules 1–3 that is not read directly becomes a note.
#pragma once

#include <vector>

#include "engine/import/table.hpp"

namespace kpi::importer {

// Fills level1/level2 (or leaves a row unplaced), marks repeated rows, appends notes.
void place_rows(project_table& p, std::vector<note>& notes);

}  // namespace kpi::importer
