// Text as a workbook can hold it: sheet names that Excel and libxlsxwriter accept, cell text that
// XML 1.0 allows and Excel keeps whole or visibly cut.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace kpi::eval::xlsx {

// Excel's limits, counted in UTF-16 code units as Excel counts them (a character beyond the
// Basic Multilingual Plane is two; libxlsxwriter counts code points, never more).
inline constexpr std::size_t max_sheet_name = 31;
inline constexpr std::size_t max_cell = 32767;
// What ends a cell cut to max_cell.
inline constexpr std::string_view cut_mark = "…（已截断）";

// The names of a workbook's sheets, each valid and unique.
class sheet_names {
 public:
  sheet_names();
  // A name for a sheet about `wanted`, never given before: at most 31 characters, none of
  // []:*?/\ or a control character (each becomes _), no ' at either end, unique ignoring case
  // (Excel's rule), not Excel's reserved "History". A name taken already gets _2, _3 … within
  // the 31 characters.
  std::string take(std::string_view wanted);

 private:
  std::set<std::string> used_;            // folded to lower case
  std::map<std::string, unsigned> next_;  // folded clean name → the next suffix to try
};

// `s` as a cell can hold it: each character XML 1.0 forbids (C0 controls but tab, LF and CR;
// U+FFFE, U+FFFF) as U+FFFD, and cut to max_cell characters ending in cut_mark. `cut` is set
// when it was cut.
std::string cell_text(std::string_view s, bool& cut);

// UTF-16 code units of UTF-8 text.
std::size_t utf16_length(std::string_view s);

}  // namespace kpi::eval::xlsx
