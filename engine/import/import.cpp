#include "engine/import/import.hpp"

#include <algorithm>

#include "engine/import/placement.hpp"
#include "engine/import/tables.hpp"
#include "engine/import/write.hpp"
#include "engine/load/load.hpp"

namespace kpi::importer {

std::size_t import_result::indicator_count() const {
  std::size_t n = 0;
  for (const auto& p : projects)
    for (const auto& r : p.rows) n += !r.level1.empty() && !r.repeated;
  return n;
}

std::size_t import_result::unplaced_count() const {
  return static_cast<std::size_t>(
      std::count_if(notes.begin(), notes.end(), [](const note& n) { return n.is_error(); }));
}

std::size_t import_result::guess_count() const {
  return notes.size() - unplaced_count();
}

import_result import_tables(const std::vector<std::string>& paths, const import_options& options,
                            file_reader& reader) {
  import_result out;
  out.files = paths;
  // The unit table and vocabulary, once per import.
  load_result env = load({}, {options.libs, true}, reader);
  out.diags.append(env.diags);
  if (env.diags.has_errors()) return out;
  for (const std::string& path : paths) {
    source_ptr src = read_source(path, reader, out.diags);
    // Like a .kpi file: NUL bytes and invalid UTF-8 (a GBK export) are rejected where they are,
    // never copied into the .kpi text.
    if (!src || !check_text_encoding(src, out.diags)) continue;
    read_tables_result tables = read_tables(path, src->text(), env.env);
    std::vector<note> notes = std::move(tables.notes);
    for (project_table& p : tables.projects) {
      place_rows(p, notes);
      out.projects.push_back(std::move(p));
    }
    std::stable_sort(notes.begin(), notes.end(),
                     [](const note& a, const note& b) { return a.at.line < b.at.line; });
    out.notes.insert(out.notes.end(), notes.begin(), notes.end());
  }
  out.kpi = write_kpi(out.projects);
  return out;
}

}  // namespace kpi::importer
