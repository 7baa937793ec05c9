// A source file held in memory, with the tables that map byte offsets to lines and columns.
// A line ends at LF, CRLF or a lone CR (classic Mac); positions are found in O(log n). The
// tables are built on first use (most sources never need a position) and safely from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

// Half-open byte range [begin, end) into one source's text.
struct source_range {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

struct line_column {
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, counted in code points
};

class source {
 public:
  source(std::string name, std::string text);

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::string_view text() const { return text_; }
  [[nodiscard]] line_column position(std::uint32_t offset) const;
  // The text of a 1-based line, without its line break.
  [[nodiscard]] std::string_view line_text(std::uint32_t line) const;
  // Byte offset where line_text(line) starts (after a BOM on line 1).
  [[nodiscard]] std::uint32_t line_offset(std::uint32_t line) const;
  // Offset of the first invalid UTF-8 sequence, or npos; computed once.
  [[nodiscard]] std::size_t first_invalid_utf8() const;
  [[nodiscard]] std::string_view slice(source_range r) const {
    return std::string_view(text_).substr(r.begin, r.end - r.begin);
  }

 private:
  std::string name_;
  std::string text_;
  // Number of code points before `offset`, decoding as utf8::length does.
  [[nodiscard]] std::uint32_t code_points_before(std::uint32_t offset) const;

  // Builds each table below, once, on first use.
  void index() const;
  void index_code_points() const;
  const std::vector<std::uint32_t>& line_starts() const {
    std::call_once(indexed_, [this] { index(); });
    return line_starts_;
  }

  mutable std::once_flag indexed_, validated_, checkpointed_;
  mutable std::size_t first_invalid_ = 0;
  mutable std::vector<std::uint32_t> line_starts_;
  // Every 64th code point boundary: {byte offset, code points before it}. Only a long line
  // needs them: a column on a short one is counted from the start of its line.
  mutable std::vector<std::pair<std::uint32_t, std::uint32_t>> checkpoints_;
};

using source_ptr = std::shared_ptr<const source>;

}  // namespace kpi
