#include "engine/base/diagnostic.hpp"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "engine/base/utf8.hpp"

namespace kpi {
namespace {

// Longest stretch of a line shown around a caret, in code points on each side.
constexpr std::size_t window = 60;

// C0 controls but tab, DEL, and the C1 controls U+0080–U+009F (a terminal may take U+009B for
// CSI): shown as '?' wherever kpi prints text for people.
bool is_control(char32_t cp) {
  return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F);
}

// Printable form of one code point of a source line.
void append_visible(std::string& out, char32_t cp) {
  if (is_control(cp)) {
    out.push_back('?');
  } else {
    utf8::append(out, cp);
  }
}

int visible_width(char32_t cp) {
  if (cp == '\t') return -1;  // keep the tab itself
  if (is_control(cp)) return 1;
  return utf8::width(cp);
}

// The source line (or a window of it) and the caret line under the `len` code points that start
// at byte `at` of the line. Only the window is decoded, so a message on a 2 MB line is as cheap
// as one on a short line.
std::pair<std::string, std::string> excerpt(std::string_view line, std::size_t at,
                                            std::size_t len) {
  at = std::min(at, line.size());
  auto continuation = [&](std::size_t i) {
    return (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80;
  };
  // Back up `window` code points (a code point is at most 4 bytes).
  std::size_t from = at;
  for (std::size_t k = 0; k < window && from > 0; ++k) {
    --from;
    for (int j = 0; j < 3 && from > 0 && continuation(from); ++j) --from;
  }
  std::u32string cps;
  std::size_t col0 = std::u32string::npos;
  std::size_t i = from;
  len = std::min(len, window);  // a 100 MB range shows a window of it, with "…"
  const std::size_t right = std::max<std::size_t>(len, 1) + window;
  while (i < line.size()) {
    if (col0 == std::u32string::npos && i >= at) col0 = cps.size();
    if (col0 != std::u32string::npos && cps.size() >= col0 + right) break;
    cps.push_back(utf8::next(line, i));
  }
  if (col0 == std::u32string::npos) col0 = cps.size();
  std::string shown;
  std::string caret;
  if (from > 0) {
    shown += "…";
    caret += " ";
  }
  for (std::size_t k = 0; k < cps.size(); ++k) {
    append_visible(shown, cps[k]);
    if (k < col0) {
      int w = visible_width(cps[k]);
      caret += w < 0 ? std::string("\t") : std::string(static_cast<std::size_t>(w), ' ');
    }
  }
  if (i < line.size()) shown += "…";
  caret += '^';
  int rest = 0;
  for (std::size_t k = col0; k < std::min(cps.size(), col0 + len); ++k) {
    int w = visible_width(cps[k]);
    rest += w < 0 ? 1 : w;
  }
  if (rest > 1) caret += std::string(static_cast<std::size_t>(rest - 1), '~');
  return {shown, caret};
}

void render_located(std::string& out, const source_ptr& src, source_range range,
                    std::string_view level, const text& msg, lang l) {
  // At most rendered_message_length code points of a message are shown.
  const std::string m = one_line(
      utf8::truncated(l == lang::zh && !msg.zh.empty() ? msg.zh : msg.en, rendered_message_length));
  if (!src) {
    out += fmt::format("{}: {}\n", level, m);
    return;
  }
  line_column pos = src->position(range.begin);
  out += fmt::format("{}:{}:{}: {}: {}\n", src->name(), pos.line, pos.column, level, m);
  std::string_view line = src->line_text(pos.line);
  // Length of the range on the first line, in code points.
  line_column end = src->position(std::max(range.end, range.begin));
  std::size_t len = end.line == pos.line && end.column > pos.column ? end.column - pos.column : 1;
  std::uint32_t begin = std::min<std::uint32_t>(range.begin, src->text().size());
  std::uint32_t at = begin > src->line_offset(pos.line) ? begin - src->line_offset(pos.line) : 0;
  auto [shown, caret] = excerpt(line, at, len);
  out += fmt::format("  {}\n  {}\n", shown, caret);
}

}  // namespace

std::string one_line(std::string_view m) {
  std::string out;
  out.reserve(m.size());
  for (std::size_t i = 0; i < m.size();) {
    auto c = static_cast<unsigned char>(m[i]);
    if (c < 0x80) {
      ++i;
      if (c == '\n')
        out += "\\n";
      else if (c == '\r')
        out += "\\r";
      else if (is_control(c))
        out += '?';
      else
        out += static_cast<char>(c);
      continue;
    }
    const std::size_t start = i;
    char32_t cp = utf8::next(m, i);
    if (is_control(cp))
      out += '?';
    else if (cp == 0xFFFD && m.substr(start, i - start) != "\xEF\xBF\xBD")
      out += "\xEF\xBF\xBD";  // an invalid byte: never raw (0x9B is CSI to a Latin-1 terminal)
    else
      out.append(m.substr(start, i - start));
  }
  return out;
}

std::string quote_value(std::string_view value) {
  return utf8::truncated(value, quoted_value_length);
}

std::string_view severity_name(severity s) {
  switch (s) {
    case severity::error:
      return "error";
    case severity::warning:
      return "warning";
    case severity::info:
      return "info";
    case severity::note:
      return "note";
  }
  return "error";
}

diagnostic& diagnostics::report(severity level, source_ptr src, source_range range, text message) {
  if (level == severity::error) ++errors_;
  list_.push_back(diagnostic{level, std::move(src), range, std::move(message), {}});
  return list_.back();
}

void diagnostics::append(const diagnostics& other) {
  for (const auto& d : other.list_) {
    if (d.level == severity::error) ++errors_;
    list_.push_back(d);
  }
}

void diagnostics::sort() {
  std::stable_sort(list_.begin(), list_.end(), [](const diagnostic& a, const diagnostic& b) {
    std::string_view na = a.src ? std::string_view(a.src->name()) : std::string_view();
    std::string_view nb = b.src ? std::string_view(b.src->name()) : std::string_view();
    if (na != nb) return na < nb;
    return a.range.begin < b.range.begin;
  });
}

bool check_text_encoding(const source_ptr& src, diagnostics& diags) {
  std::string_view t = src->text();
  std::size_t bad = src->first_invalid_utf8();
  std::size_t nul = t.find('\0');
  if (bad == std::string_view::npos && nul == std::string_view::npos) return true;
  std::size_t at = std::min(bad, nul);
  source_range r{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 1)};
  if (nul < bad) {
    diags.error(
        src, r,
        {"NUL byte in the text; is this a binary file?", "文本中有 NUL 字节；这是二进制文件吗？"});
  } else {
    auto byte = static_cast<unsigned char>(t[bad]);
    diags.error(
        src, r,
        {fmt::format(
             "invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8, e.g. iconv -f GBK -t UTF-8",
             byte),
         fmt::format(
             "不是有效的 UTF-8（字节 0x{:02X}）；请以 UTF-8 保存文件，例如 iconv -f GBK -t UTF-8",
             byte)});
  }
  return false;
}

lang choose_lang(std::optional<std::string_view> flag) {
  if (flag) return flag->substr(0, 2) == "zh" ? lang::zh : lang::en;
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v != '\0')
      return std::string_view(v).substr(0, 2) == "zh" ? lang::zh : lang::en;
  }
  return lang::en;
}

std::string render(const diagnostic& d, lang l) {
  std::string out;
  render_located(out, d.src, d.range, severity_name(d.level), d.message, l);
  for (const auto& n : d.notes) render_located(out, n.src, n.range, "note", n.message, l);
  return out;
}

std::string render_all(const diagnostics& ds, lang l) {
  std::string out;
  for (const auto& d : ds.all()) out += render(d, l);
  return out;
}

void render_all(const diagnostics& ds, lang l, const std::function<void(std::string_view)>& put) {
  constexpr std::size_t piece = 1 << 20;
  std::string out;
  for (const auto& d : ds.all()) {
    out += render(d, l);
    if (out.size() >= piece) {
      put(out);
      out.clear();
    }
  }
  if (!out.empty()) put(out);
}

}  // namespace kpi
