// The promises of `kpi import` (engine/import/*), whatever the extracted text: it returns,
// every error is positioned, every note points at a line of the input, and the .kpi text it writes
// is canonical: it parses without a diagnostic and `kpi fmt` leaves it unchanged.
#pragma once

#include <algorithm>
#include <memory>
#include <string>

#include "engine/import/import.hpp"
#include "tests/fuzz/invariants.hpp"

namespace kpi::fuzz {

inline std::string import_problem(const std::string& text, const std::string& name) {
  memory_reader reader;
  reader.files[name] = text;
  importer::import_result r = importer::import_tables({name}, {}, reader);
  // Errors are for bytes that are not text (NUL, invalid UTF-8): positioned, nothing written.
  if (std::string p = diagnostics_problem(r.diags, name); !p.empty()) return p;
  if (r.diags.has_errors()) return {};
  // Lines counted the way any reader might: LF, or CR as well.
  auto lines = static_cast<std::uint32_t>(1 + std::count(text.begin(), text.end(), '\n') +
                                          std::count(text.begin(), text.end(), '\r'));
  for (const auto& n : r.notes) {
    if (n.at.file != name) return "note about another file: " + n.at.file;
    if (n.at.line > lines)
      return "note at line " + std::to_string(n.at.line) + " of a file with " +
             std::to_string(lines) + " lines: " + n.message.en;
    if (n.message.en.empty() || n.message.zh.empty()) return "note missing a language";
  }
  if (r.kpi.empty()) return {};
  diagnostics d;
  parse_result p = parse(std::make_shared<source>("imported.kpi", r.kpi), d);
  if (!p.ok || d.has_errors())
    return "the imported .kpi does not parse\n--- kpi\n" + r.kpi + "\n--- diagnostics\n" +
           render_all(d, lang::en);
  if (std::string again = format(p.file); again != r.kpi)
    return "the imported .kpi is not canonical\n--- kpi\n" + r.kpi + "\n--- formatted\n" + again;
  return {};
}

}  // namespace kpi::fuzz
