#include "engine/import/cells.hpp"

#include "engine/base/utf8.hpp"

namespace kpi::importer {
namespace {

bool is_blank(char32_t c) {
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == 0xFEFF;
}

}  // namespace

std::string trim(std::string_view s) {
  std::u32string cps = utf8::decode(s);
  std::size_t b = 0;
  std::size_t e = cps.size();
  while (b < e && is_blank(cps[b])) ++b;
  while (e > b && is_blank(cps[e - 1])) --e;
  std::string out;
  for (std::size_t i = b; i < e; ++i) utf8::append(out, cps[i]);
  return out;
}

std::string normalize_label(std::string_view s) {
  std::string out;
  for (char32_t c : utf8::decode(s)) {
    if (is_blank(c) || c == '\r' || c == '\n') continue;
    if (c == 0xFF08) c = '(';
    if (c == 0xFF09) c = ')';
    if (c == 0xFF1A) c = ':';
    utf8::append(out, c);
  }
  constexpr std::string_view of_which = "其中:";
  if (out.starts_with(of_which)) out.erase(0, of_which.size());
  return out;
}

std::vector<cell_line> split_cells(std::string_view text) {
  std::vector<cell_line> lines;
  std::uint32_t number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    cell_line cl;
    cl.line = ++number;
    int column = 0;
    std::size_t start = 0;
    while (true) {
      std::size_t tab = line.find('\t', start);
      std::string t = trim(
          line.substr(start, tab == std::string_view::npos ? line.size() - start : tab - start));
      if (!t.empty()) cl.cells.push_back({t, normalize_label(t), column});
      if (tab == std::string_view::npos) break;
      start = tab + 1;
      ++column;
    }
    lines.push_back(std::move(cl));
    if (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n')
      ++end;
    pos = end + 1;
  }
  return lines;
}

}  // namespace kpi::importer
