// Step 1 of `kpi import`: the extracted text of a table → lines of cells.
//
// Extraction prints a table row as its cells separated by tabs, with as many tabs as the PDF
// had columns at that point: column counts are irregular, so cells are kept in order with
// their tab index, and empty cells are dropped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::importer {

struct cell {
  std::string text;  // trimmed, as written
  std::string key;   // normalised for matching labels (see normalize_label)
  int column = 0;    // 0-based tab index on its line
};

struct cell_line {
  std::uint32_t line = 0;   // 1-based
  std::vector<cell> cells;  // non-empty cells only
  [[nodiscard]] bool blank() const { return cells.empty(); }
};

// Splits text into lines (LF, CRLF or CR) and lines into tab-separated cells.
std::vector<cell_line> split_cells(std::string_view text);

// Trims ASCII blanks, U+3000 and U+00A0 from both ends.
std::string trim(std::string_view s);

// The text with every blank removed, full-width parentheses and colons made ASCII, and a
// leading 其中: dropped: `服务对象满意度 指标` → `服务对象满意度指标`, `项目资金 （元）` →
// `项目资金(元)`.
std::string normalize_label(std::string_view s);

}  // namespace kpi::importer
