// The import report: every decision `kpi import` did not read directly from the table, with
// the line it concerns and the reason, for people (text) and for programs (JSON, version 1).
#pragma once

#include <string>

#include "engine/base/diagnostic.hpp"
#include "engine/import/import.hpp"

namespace kpi::importer {

// One line per note, `file:line: guess: [project] message`, then a summary line.
std::string render_report(const import_result& r, lang l);

// {"version":1,"files":[…],"summary":{"projects","indicators","guesses","unplaced"},
//  "projects":[{"name","file","line","indicators"}],
//  "notes":[{"kind","severity","file","line","project","indicator","message"}]}
std::string report_json(const import_result& r, lang l);

}  // namespace kpi::importer
