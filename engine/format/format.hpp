// `kpi fmt`: the canonical text of a file. Comments are kept, blank lines between items are
// kept (at most one), operators are spelled in ASCII, units follow their number after one
// space, and names are aligned within a block. Formatting never changes the model, and
// formatting formatted text changes nothing.
#pragma once

#include <string>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/load/files.hpp"
#include "grammar/ast.hpp"

namespace kpi {

std::string format(const ast::file& f);

struct format_report {
  std::string output;                    // the formatted files, concatenated (without -i/--check)
  std::vector<std::string> unformatted;  // files whose text is not canonical
  diagnostics diags;
};

// Formats each file; with `in_place` rewrites the ones that change, with `check` only reports
// them. A file that does not parse is reported and left alone.
format_report format_files(const std::vector<std::string>& paths, file_reader& files, bool in_place,
                           bool check);

}  // namespace kpi
