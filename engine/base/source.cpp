#include "engine/base/source.hpp"

#include <algorithm>
#include <cstring>

#include "engine/base/utf8.hpp"

namespace kpi {
namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";
constexpr std::uint32_t checkpoint_every = 64;  // code points
// Columns on lines shorter than this (in bytes) are counted from the start of the line.
constexpr std::uint32_t short_line = 4096;

}  // namespace

source::source(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {}

std::size_t source::first_invalid_utf8() const {
  std::call_once(validated_, [this] { first_invalid_ = utf8::first_invalid(text_); });
  return first_invalid_;
}

void source::index() const {
  const auto size = static_cast<std::uint32_t>(text_.size());
  // Sized once: the table of a large file is a few megabytes, and growing it by doubling would
  // hold up to twice that.
  line_starts_.reserve(static_cast<std::size_t>(std::count(text_.begin(), text_.end(), '\n')) + 2);
  line_starts_.push_back(0);
  if (text_.find('\r') == std::string::npos) {
    // The usual case, LF only: memchr runs many bytes at a time.
    for (const char* p = text_.data();
         (p = static_cast<const char*>(std::memchr(p, '\n', text_.data() + size - p))) != nullptr;)
      line_starts_.push_back(static_cast<std::uint32_t>(++p - text_.data()));
  } else {
    for (std::uint32_t i = 0; i < size; ++i) {
      // LF, CRLF (one break, after the LF) and a lone CR each end a line.
      if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 == size || text_[i + 1] != '\n')))
        line_starts_.push_back(i + 1);
    }
  }
}

void source::index_code_points() const {
  // Line breaks are ASCII and never inside a UTF-8 sequence, so decoding the whole text once
  // finds the same code points as decoding each line on its own.
  const auto size = static_cast<std::uint32_t>(text_.size());
  std::string_view all(text_);
  std::uint32_t count = 0;
  if (first_invalid_utf8() == std::string_view::npos) {
    // Valid UTF-8, the usual case: every byte but a continuation byte starts a code point.
    for (std::uint32_t i = 0; i < size; ++i) {
      if ((static_cast<unsigned char>(all[i]) & 0xC0) == 0x80) continue;
      if (count % checkpoint_every == 0) checkpoints_.emplace_back(i, count);
      ++count;
    }
    return;
  }
  for (std::size_t i = 0; i < all.size(); ++count) {
    if (count % checkpoint_every == 0)
      checkpoints_.emplace_back(static_cast<std::uint32_t>(i), count);
    utf8::next(all, i);
  }
}

std::uint32_t source::code_points_before(std::uint32_t offset) const {
  std::call_once(checkpointed_, [this] { index_code_points(); });
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(),
                             std::make_pair(offset, UINT32_MAX));
  if (it == checkpoints_.begin()) return 0;
  --it;
  // A sequence cut by `offset` counts byte by byte, like utf8::length of the text before it.
  std::string_view upto = std::string_view(text_).substr(0, offset);
  std::uint32_t n = it->second;
  for (std::size_t i = it->first; i < upto.size(); ++n) utf8::next(upto, i);
  return n;
}

line_column source::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  const auto& starts = line_starts();
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  auto line = static_cast<std::uint32_t>(it - starts.begin());
  std::uint32_t start = line_offset(line);
  if (offset < start) offset = start;  // inside the BOM
  // A line start is a code point boundary, so counting from it finds what counting from the
  // checkpoints finds; only a long line is worth the whole-text table.
  if (offset - start <= short_line)
    return {line, static_cast<std::uint32_t>(
                      utf8::length(std::string_view(text_).substr(start, offset - start))) +
                      1};
  return {line, code_points_before(offset) - code_points_before(start) + 1};
}

std::uint32_t source::line_offset(std::uint32_t line) const {
  const auto& starts = line_starts();
  if (line == 0 || line > starts.size()) return static_cast<std::uint32_t>(text_.size());
  std::uint32_t start = starts[line - 1];
  // A UTF-8 BOM at the start of the file takes no column.
  if (line == 1 && std::string_view(text_).substr(0, 3) == bom) start = 3;
  return start;
}

std::string_view source::line_text(std::uint32_t line) const {
  const auto& starts = line_starts();
  if (line == 0 || line > starts.size()) return {};
  std::uint32_t start = line_offset(line);
  std::uint32_t end =
      line < starts.size() ? starts[line] : static_cast<std::uint32_t>(text_.size());
  std::string_view s = std::string_view(text_).substr(start, end - start);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace kpi
