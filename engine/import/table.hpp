// What `kpi import` reads out of a published target table (财政项目支出绩效目标申报表), before
// it is written as a .kpi file: the header fields of each project and its indicator rows with
// their placement. Every value is kept as text exactly as written (numbers never go through
// binary floating point).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/diagnostic.hpp"

namespace kpi::importer {

// A line of an input file. line is 1-based.
struct origin {
  std::string file;
  std::uint32_t line = 0;
};

enum class target_kind { quantity, date, term, text };

// The 年度指标值 cell, parsed: `≤57.00(万元)` is {quantity, "<=", "57.00", "万元"}.
struct target {
  target_kind kind = target_kind::text;
  std::string op;         // ">=", "<=", "=", ">", "<" for a quantity or a date
  std::string value;      // the number or date exactly as written
  std::string unit;       // as written ("%" for `\%`); empty when none was given
  std::string dimension;  // of the unit, from the unit table; empty without a unit
  std::string text;       // a known term or free text
  std::string raw;        // the cell as written
};

// One indicator row (三级指标) and where it was placed.
struct row {
  origin at;
  std::string name;
  target goal;
  std::string level1;  // filled by placement; empty while unplaced
  std::string level2;
  bool repeated = false;  // a second print of an earlier row; not written out
  bool broken = false;    // a single cell: no name with a target, so it cannot be placed
};

// The labels found on one line of the indicator part: 一级 and/or 二级, as written there.
struct label_line {
  origin at;
  std::vector<std::string> labels;  // normalised (spaces removed), in cell order
  int row = -1;                     // index into project_table::rows of the row on this line
};

struct project_table {
  origin at;  // the 项目名称 line
  std::string name;
  std::string department;
  std::string unit;
  std::string nature;
  std::string category;
  std::string period_from;
  std::string period_to;
  std::string goal;
  std::string total;  // 年度资金申请总额, digits as written
  std::string fiscal;
  std::string carryover;
  std::string other;
  std::vector<row> rows;
  std::vector<label_line> labels;  // in line order, interleaved with rows by `row`/line
};

enum class note_kind {
  moved,           // a row printed above a label, placed under that label
  no_label_above,  // a row before any label, placed under the first label below
  shifted_label,   // a 一级 label that does not pair with the 二级 label on its line
  stray_label,     // a label with no rows of its own
  repeated,        // a row printed twice, kept once
  unplaced,        // a row that cannot be placed (an error)
  text_kept,       // a target that looks numeric but is kept as free text
  unknown_unit,    // a unit not in the unit table; the target is kept as free text
  no_operator,     // a number without an operator, read as `=`
  joined_cells,    // a name spread over several cells, joined
  doubtful,        // a row whose evidence contradicts its placement, with nowhere better to go
  ignored_line,    // a line that is neither a field, a label nor an indicator
  bad_field,       // a header field that could not be read
};

std::string_view note_kind_name(note_kind k);

// One decision that was not read directly from the table.
struct note {
  note_kind kind = note_kind::moved;
  origin at;
  std::string project;
  std::string indicator;  // empty for notes about labels and fields
  text message;
  [[nodiscard]] bool is_error() const { return kind == note_kind::unplaced; }
};

}  // namespace kpi::importer
