#include "engine/model/json_out.hpp"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace kpi {

namespace {

// Whether any of the eight bytes of `w` is a control character, '"' or '\\' (the bytes JSON
// escapes): the classic "has a byte below n / equal to c" word tricks. Bytes of 0x80 and up
// (UTF-8) never count.
bool needs_escape(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  auto zero_byte = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
  const std::uint64_t control = (w - ones * 0x20) & ~w & highs;
  return (control | zero_byte(w ^ (ones * '"')) | zero_byte(w ^ (ones * '\\'))) != 0;
}

}  // namespace

void append_json_escaped(std::string& out, std::string_view s) {
  std::size_t start = 0;
  std::size_t i = 0;
  // Eight plain bytes at a time: names and texts rarely need an escape.
  for (std::uint64_t w = 0; i + 8 <= s.size(); i += 8) {
    std::memcpy(&w, s.data() + i, 8);
    if (needs_escape(w)) break;
  }
  for (; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + start, i - start);
    start = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    }
  }
  out.append(s.data() + start, s.size() - start);
}

void json_out::element() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;
  out_ += counts_.back()++ == 0 ? "\n" : ",\n";
  indent(counts_.size());
}

void json_out::key(std::string_view k) {
  // Keys are the field names of SPEC §5, written in the code: nothing to escape.
  assert(std::all_of(k.begin(), k.end(), [](char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }));
  out_ += counts_.back()++ == 0 ? "\n" : ",\n";
  indent(counts_.size());
  out_ += '"';
  out_ += k;
  out_ += "\": ";
  after_key_ = true;
}

void json_out::string(std::string_view s) {
  element();
  out_ += '"';
  append_json_escaped(out_, s);
  out_ += '"';
}

void json_out::integer(std::int64_t v) {
  element();
  fmt::format_to(std::back_inserter(out_), "{}", v);
}

void json_out::open(char c) {
  element();
  out_ += c;
  counts_.push_back(0);
}

void json_out::close(char c) {
  std::uint32_t n = counts_.back();
  counts_.pop_back();
  if (n > 0) {
    out_ += '\n';
    indent(counts_.size());
  }
  out_ += c;
}

}  // namespace kpi
