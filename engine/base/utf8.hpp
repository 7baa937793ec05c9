// Minimal UTF-8 helpers: decoding for columns, display width for carets and tables.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::utf8 {

// Decodes one code point at s[i], advancing i. Invalid bytes decode as U+FFFD, one byte each.
char32_t next(std::string_view s, std::size_t& i);
std::u32string decode(std::string_view s);
void append(std::string& out, char32_t cp);
// Number of code points.
std::size_t length(std::string_view s);
// The first `n` code points of `s`, followed by "…" when `s` is longer; reads at most those.
std::string truncated(std::string_view s, std::size_t n);
// Terminal columns: 2 for East Asian wide/full-width characters, 0 for combining marks.
int width(char32_t cp);
int width(std::string_view s);
// Offset of the first invalid UTF-8 sequence, or npos when the text is valid.
std::size_t first_invalid(std::string_view s);

}  // namespace kpi::utf8
