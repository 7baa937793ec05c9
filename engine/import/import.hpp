// `kpi import`: the extracted text of published target tables (财政项目支出绩效目标申报表)
// → a .kpi target file, with a report of every decision that was not read directly.
//
// The pipeline (docs/import.md): cells.hpp (lines → cells) → rows.hpp (cells → kinds of row)
// → tables.hpp (rows → projects, header fields, targets via target.hpp) → placement.hpp
// (一级/二级 of each row, with evidence.hpp) → write.hpp (.kpi text); report.hpp renders notes.
#pragma once

#include <string>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/import/table.hpp"
#include "engine/load/files.hpp"

namespace kpi::importer {

struct import_options {
  std::vector<std::string> libs;  // extra declaration files (units, terms), as for `kpi dump --lib`
};

struct import_result {
  std::vector<std::string> files;
  std::vector<project_table> projects;  // placed
  std::string kpi;                      // the target file, canonical (kpi fmt leaves it unchanged)
  std::vector<note> notes;              // by file, then line
  diagnostics diags;                    // unreadable files and libraries

  // Indicators written to the target file (placed, not repeated).
  [[nodiscard]] std::size_t indicator_count() const;
  [[nodiscard]] std::size_t unplaced_count() const;
  [[nodiscard]] std::size_t guess_count() const;
};

import_result import_tables(const std::vector<std::string>& paths, const import_options& options,
                            file_reader& reader);

}  // namespace kpi::importer
