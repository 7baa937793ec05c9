// The promises every front-end result keeps, whatever the input; shared by the libFuzzer
// targets (which abort on a broken one) and the GoogleTests that replay past findings.
// Each check returns an empty string when the promise holds, else what broke, for people.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "engine/base/diagnostic.hpp"
#include "engine/format/format.hpp"
#include "engine/load/load.hpp"
#include "engine/model/dump.hpp"
#include "grammar/parse.hpp"

namespace kpi::fuzz {

// True when `r` starts `<file>:<line>:<col>: <level>: <message>\n`, then the source line and a
// caret line, each indented by two spaces. Written out by hand rather than with std::regex,
// whose backtracking matcher recurses once per character and overflows the stack on the long
// lines fuzzing produces.
inline bool rendered_shape_ok(std::string_view r) {
  auto take_line = [&r](std::string_view& line) {
    std::size_t nl = r.find('\n');
    if (nl == std::string_view::npos) return false;
    line = r.substr(0, nl);
    r.remove_prefix(nl + 1);
    return true;
  };
  // Strips a positive decimal (no leading zero) from the end of `s`.
  auto strip_number = [](std::string_view& s) {
    std::size_t n = 0;
    while (n < s.size() && s[s.size() - 1 - n] >= '0' && s[s.size() - 1 - n] <= '9') ++n;
    if (n == 0 || s[s.size() - n] == '0') return false;
    s.remove_suffix(n);
    return true;
  };
  std::string_view head, quoted, caret;
  if (!take_line(head) || !take_line(quoted) || !take_line(caret)) return false;
  bool head_ok = false;
  for (std::string_view level : {": error: ", ": warning: ", ": info: ", ": note: "}) {
    for (std::size_t at = head.find(level); at != std::string_view::npos && !head_ok;
         at = head.find(level, at + 1)) {
      std::string_view where = head.substr(0, at);
      head_ok = at + level.size() < head.size() && strip_number(where) && !where.empty() &&
                where.back() == ':' && (where.remove_suffix(1), strip_number(where)) &&
                !where.empty() && where.back() == ':';
    }
  }
  if (!head_ok || quoted.substr(0, 2) != "  " || caret.substr(0, 2) != "  ") return false;
  caret.remove_prefix(2);
  std::size_t i = caret.find_first_not_of(" \t");
  if (i == std::string_view::npos || caret[i] != '^') return false;
  return caret.find_first_not_of('~', i + 1) == std::string_view::npos;
}

// Every error names the file and a position in it, and renders in both languages as
// `<file>:<line>:<col>: error: …` followed by the source line and a caret line.
inline std::string diagnostics_problem(const diagnostics& ds, const std::string& file) {
  for (const auto& d : ds.all()) {
    std::string en = render(d, lang::en);
    if (d.level == severity::error && !d.src) return "error without a position:\n" + en;
    if (!d.src) continue;
    if (d.range.begin > d.src->text().size() || d.range.end < d.range.begin)
      return "diagnostic range outside its source:\n" + en;
    if (d.message.en.empty() || d.message.zh.empty()) return "message missing a language:\n" + en;
    std::string zh = render(d, lang::zh);
    for (const std::string* r : {&en, &zh}) {
      if (d.src->name() == file && r->rfind(file + ":", 0) != 0)
        return "rendered message does not start with the file name:\n" + *r;
      if (!rendered_shape_ok(*r))
        return "rendered message is not `file:line:col: level: message`, line, caret:\n" + *r;
    }
  }
  return {};
}

// Loads `text` as the one input file `name` (with the stdlib) and checks its diagnostics.
// Loads it twice, piece by piece (every project its own piece) and whole: the messages and the
// model must be the same.
inline std::string load_problem(const std::string& text, const std::string& name,
                                load_result* out = nullptr) {
  memory_reader reader;
  reader.files[name] = text;
  load_options in_pieces, whole;
  in_pieces.piece_bytes = 1;
  whole.piece_bytes = 0;
  load_result r = load({name}, in_pieces, reader);
  std::string p = diagnostics_problem(r.diags, name);
  load_result w = load({name}, whole, reader);
  if (p.empty() && render_all(r.diags, lang::en) != render_all(w.diags, lang::en))
    p = "read in pieces, the messages differ from the whole file's\n--- in pieces\n" +
        render_all(r.diags, lang::en) + "\n--- whole\n" + render_all(w.diags, lang::en);
  if (p.empty() && r.ok()) {
    std::string json = dump_json(r.model);
    (void)dump_text(r.model);
    if (json != dump_json(w.model))
      p = "read in pieces, the model differs from the whole file's\n--- in pieces\n" + json +
          "\n--- whole\n" + dump_json(w.model);
  }
  if (out != nullptr) *out = std::move(r);
  return p;
}

// For text that parses: its canonical form parses without a diagnostic, formats to itself,
// and loads to the same model (dump_text, which has no positions) as the original.
inline std::string format_problem(const std::string& text, const std::string& name) {
  diagnostics d0;
  parse_result p0 = parse(std::make_shared<source>(name, text), d0);
  if (std::string p = diagnostics_problem(d0, name); !p.empty()) return p;
  if (!p0.ok || d0.has_errors()) return {};

  std::string once = format(p0.file);
  diagnostics d1;
  parse_result p1 = parse(std::make_shared<source>(name, once), d1);
  if (!p1.ok || d1.has_errors())
    return "formatted text does not parse\n--- formatted\n" + once + "\n--- diagnostics\n" +
           render_all(d1, lang::en);
  std::string twice = format(p1.file);
  if (twice != once) return "format is not idempotent\n--- once\n" + once + "\n--- twice\n" + twice;

  load_result l0;
  load_result l1;
  (void)load_problem(text, name, &l0);
  (void)load_problem(once, name, &l1);
  if (l0.ok() != l1.ok())
    return "formatting changed whether the file loads\n--- formatted\n" + once;
  if (l0.ok() && dump_text(l0.model) != dump_text(l1.model))
    return "formatting changed the model\n--- formatted\n" + once + "\n--- model before\n" +
           dump_text(l0.model) + "\n--- model after\n" + dump_text(l1.model);
  return {};
}

}  // namespace kpi::fuzz
