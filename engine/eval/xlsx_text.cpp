#include "engine/eval/xlsx_text.hpp"

#include <locale.h>
#include <wctype.h>

#include "engine/base/utf8.hpp"

namespace kpi::eval::xlsx {
namespace {

std::size_t units(char32_t cp) {
  return cp > 0xFFFF ? 2 : 1;
}

bool xml_forbidden(char32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF;
}

bool forbidden_in_sheet_name(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF ||
         std::u32string_view(U"[]:*?/\\").find(cp) != std::u32string_view::npos;
}

// The first code points of `s` that fit in `limit` UTF-16 units.
std::string prefix(std::string_view s, std::size_t limit) {
  std::size_t i = 0, n = 0;
  while (i < s.size()) {
    std::size_t start = i;
    char32_t cp = utf8::next(s, i);
    if (n + units(cp) > limit) return std::string(s.substr(0, start));
    n += units(cp);
  }
  return std::string(s);
}

// Lower case as Excel compares sheet names: every cased script, through the C.UTF-8 locale's
// tables (ASCII only where that locale is missing).
std::string fold(std::string_view s) {
  static locale_t utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nullptr);
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = utf8::next(s, i);
    if (cp < 0x80)
      cp = cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
    else if (utf8_locale != nullptr)
      cp = static_cast<char32_t>(towlower_l(static_cast<wint_t>(cp), utf8_locale));
    utf8::append(out, cp);
  }
  return out;
}

}  // namespace

std::size_t utf16_length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) n += units(utf8::next(s, i));
  return n;
}

sheet_names::sheet_names() {
  used_.insert("history");  // Excel reserves it
}

std::string sheet_names::take(std::string_view wanted) {
  std::string clean;
  for (std::size_t i = 0; i < wanted.size();) {
    char32_t cp = utf8::next(wanted, i);
    utf8::append(clean, forbidden_in_sheet_name(cp) ? U'_' : cp);
  }
  if (clean.empty()) clean = "项目";
  if (clean.front() == '\'') clean.front() = '_';
  auto with_suffix = [&](const std::string& suffix) {
    std::string name = prefix(clean, max_sheet_name - utf16_length(suffix));
    if (suffix.empty() && !name.empty() && name.back() == '\'') name.back() = '_';
    return name + suffix;
  };
  std::string name = with_suffix("");
  if (used_.insert(fold(name)).second) return name;
  unsigned& k = next_.try_emplace(fold(clean), 2).first->second;
  for (;;) {
    name = with_suffix("_" + std::to_string(k++));
    if (used_.insert(fold(name)).second) return name;
  }
}

std::string cell_text(std::string_view s, bool& cut) {
  cut = false;
  std::string out;
  out.reserve(s.size());
  const std::size_t room = max_cell - utf16_length(cut_mark);
  std::size_t n = 0;     // UTF-16 units written
  std::size_t fits = 0;  // bytes of `out` that fit before cut_mark
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = utf8::next(s, i);
    if (xml_forbidden(cp)) cp = 0xFFFD;
    n += units(cp);
    if (n > max_cell) {
      cut = true;
      out.resize(fits);
      return out.append(cut_mark);
    }
    utf8::append(out, cp);
    if (n <= room) fits = out.size();
  }
  return out;
}

}  // namespace kpi::eval::xlsx
