// Diagnostics are data: a severity, a position and a message in Chinese and English.
// One renderer turns them into `file:line:col: error: message`, the line and a caret.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/source.hpp"

namespace kpi {

// A message for people, in both languages the product speaks.
struct text {
  std::string en;
  std::string zh;
};

enum class lang { en, zh };

enum class severity { error, warning, info, note };

std::string_view severity_name(severity s);

struct diagnostic_note {
  source_ptr src;  // null when the note has no position
  source_range range;
  text message;
};

struct diagnostic {
  severity level = severity::error;
  source_ptr src;  // null for diagnostics about a whole file or the command line
  source_range range;
  text message;
  std::vector<diagnostic_note> notes;
};

// Collects diagnostics across all stages; stages keep going after an error.
class diagnostics {
 public:
  diagnostic& report(severity level, source_ptr src, source_range range, text message);
  diagnostic& error(source_ptr src, source_range range, text message) {
    return report(severity::error, std::move(src), range, std::move(message));
  }
  [[nodiscard]] bool has_errors() const { return errors_ > 0; }
  [[nodiscard]] std::size_t error_count() const { return errors_; }
  [[nodiscard]] const std::vector<diagnostic>& all() const { return list_; }
  [[nodiscard]] bool empty() const { return list_.empty(); }
  void append(const diagnostics& other);
  // Orders by file, then position, keeping the order of equal positions.
  void sort();

 private:
  std::vector<diagnostic> list_;
  std::size_t errors_ = 0;
};

// A value from the input as a message quotes it: its first 60 code points, then "…" (a CSV
// cell or a name can be megabytes long; a message quotes a window of it, never all of it).
inline constexpr std::size_t quoted_value_length = 60;
std::string quote_value(std::string_view value);

// The longest message the renderer prints, in code points; a longer one is cut with "…".
inline constexpr std::size_t rendered_message_length = 2000;

// Reports the first NUL byte or invalid UTF-8 sequence of `src` as an error at its position
// (with the iconv hint); true when the text is clean UTF-8 without NUL.
bool check_text_encoding(const source_ptr& src, diagnostics& diags);

// Picks the language: an explicit --lang value wins, then LANG/LC_ALL/LC_MESSAGES ("zh…").
lang choose_lang(std::optional<std::string_view> flag);

// Text for people, on one line and harmless to a terminal: a line break shows as \n or \r, any
// other control character (C0 but tab, DEL, C1 U+0080–U+009F, so ESC and CSI) as '?', an
// invalid UTF-8 byte as U+FFFD. Every message, report cell and dump field goes through it.
std::string one_line(std::string_view m);

// `file:line:col: error: message`, the source line and a caret under the range.
std::string render(const diagnostic& d, lang l);
std::string render_all(const diagnostics& ds, lang l);
// The same text handed to `put` in pieces of about a megabyte.
void render_all(const diagnostics& ds, lang l, const std::function<void(std::string_view)>& put);

}  // namespace kpi
