// A source file held in memory, with the table that maps byte offsets to lines.
#pragma once

#include <cstdint>
#include <memory>
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
  [[nodiscard]] std::string_view slice(source_range r) const {
    return std::string_view(text_).substr(r.begin, r.end - r.begin);
  }

 private:
  std::string name_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

using source_ptr = std::shared_ptr<const source>;

}  // namespace kpi
