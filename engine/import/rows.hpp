// Step 2 of `kpi import`: each line of cells → one kind of row.
//
//   title         `财政项目支出绩效目标申报表`, `(2024年度)`
//   fields        `项目名称 ⇥ 对外交流 ⇥ 项目性质 ⇥ 经常性专项业务费 …`: keys, each with the cell
//   after it column_heads  `一级指标 ⇥ 二级指标 ⇥ 三级指标 ⇥ 年度(/项目)指标值` body anything else:
//   label cells (一级/二级) and the other cells (a name and its
//                 target in the indicator part, the goal's text above it)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/import/cells.hpp"
#include "engine/import/framework.hpp"

namespace kpi::importer {

enum class row_kind { blank, title, fields, column_heads, body };

struct field_cell {
  importer::field key;
  std::optional<std::string> value;  // the next cell, unless that is a key or caption itself
};

struct classified_row {
  row_kind kind = row_kind::blank;
  std::vector<field_cell> fields;   // fields
  std::vector<std::string> labels;  // body: 一级/二级 labels, normalised, fragments left out
  std::vector<std::string> rest;    // body: the other cells, as written
};

classified_row classify(const cell_line& line);

}  // namespace kpi::importer
