#include "engine/import/report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace kpi::importer {

std::string_view note_kind_name(note_kind k) {
  switch (k) {
    case note_kind::moved:
      return "moved";
    case note_kind::no_label_above:
      return "no_label_above";
    case note_kind::shifted_label:
      return "shifted_label";
    case note_kind::stray_label:
      return "stray_label";
    case note_kind::repeated:
      return "repeated";
    case note_kind::unplaced:
      return "unplaced";
    case note_kind::text_kept:
      return "text_kept";
    case note_kind::unknown_unit:
      return "unknown_unit";
    case note_kind::no_operator:
      return "no_operator";
    case note_kind::joined_cells:
      return "joined_cells";
    case note_kind::doubtful:
      return "doubtful";
    case note_kind::ignored_line:
      return "ignored_line";
    case note_kind::bad_field:
      return "bad_field";
  }
  return "note";
}

namespace {

std::size_t indicators_of(const project_table& p) {
  std::size_t n = 0;
  for (const row& r : p.rows) n += !r.level1.empty() && !r.repeated;
  return n;
}

const std::string& in(const text& t, lang l) {
  return l == lang::zh ? t.zh : t.en;
}

}  // namespace

std::string render_report(const import_result& r, lang l) {
  std::string out;
  for (const note& n : r.notes) {
    std::string_view severity =
        n.is_error() ? (l == lang::zh ? "错误" : "error") : (l == lang::zh ? "推断" : "guess");
    std::string project = n.project.empty() ? "" : fmt::format("[{}] ", n.project);
    // One line per note, harmless to a terminal: the message quotes cells of the input.
    out += one_line(fmt::format("{}:{}: {}: {}{}", n.at.file, n.at.line, severity, project,
                                in(n.message, l))) +
           "\n";
  }
  if (l == lang::zh)
    out += fmt::format("kpi import：导入 {} 个项目、{} 个指标；推断 {} 处，无法归类的行 {} 行\n",
                       r.projects.size(), r.indicator_count(), r.guess_count(), r.unplaced_count());
  else
    out += fmt::format("kpi import: {} projects, {} indicators; {} guesses, {} rows not placed\n",
                       r.projects.size(), r.indicator_count(), r.guess_count(), r.unplaced_count());
  return out;
}

std::string report_json(const import_result& r, lang l) {
  using json = nlohmann::ordered_json;
  json j;
  j["version"] = 1;
  j["files"] = r.files;
  j["summary"] = {{"projects", r.projects.size()},
                  {"indicators", r.indicator_count()},
                  {"guesses", r.guess_count()},
                  {"unplaced", r.unplaced_count()}};
  j["projects"] = json::array();
  for (const project_table& p : r.projects)
    j["projects"].push_back({{"name", p.name},
                             {"file", p.at.file},
                             {"line", p.at.line},
                             {"indicators", indicators_of(p)}});
  j["notes"] = json::array();
  for (const note& n : r.notes)
    j["notes"].push_back({{"kind", note_kind_name(n.kind)},
                          {"severity", n.is_error() ? "error" : "guess"},
                          {"file", n.at.file},
                          {"line", n.at.line},
                          {"project", n.project},
                          {"indicator", n.indicator},
                          {"message", in(n.message, l)}});
  return j.dump(2) + "\n";
}

}  // namespace kpi::importer
