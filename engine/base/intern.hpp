// Interned strings: the small vocabularies written on every indicator and actual (units, base
// units, dimensions, group names, term classes) held once per process instead of once per use.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace kpi {

// A view of a string kept for the life of the process. Made only by interning, so it can
// never point into a temporary: `istr x = some_std_string;` does not compile.
class istr {
 public:
  constexpr istr() = default;  // ""
  explicit istr(std::string_view text);

  [[nodiscard]] constexpr std::string_view view() const { return v_; }
  constexpr operator std::string_view() const { return v_; }  // NOLINT: reads like a string
  [[nodiscard]] std::string str() const { return std::string(v_); }
  [[nodiscard]] constexpr bool empty() const { return v_.empty(); }
  [[nodiscard]] constexpr std::size_t size() const { return v_.size(); }
  [[nodiscard]] constexpr const char* data() const { return v_.data(); }

  friend bool operator==(istr a, istr b) { return a.v_.data() == b.v_.data() || a.v_ == b.v_; }
  friend bool operator==(istr a, std::string_view b) { return a.v_ == b; }
  friend bool operator==(istr a, const std::string& b) { return a.v_ == b; }
  friend bool operator==(istr a, const char* b) { return a.v_ == b; }
  friend std::strong_ordering operator<=>(istr a, istr b) { return a.v_ <=> b.v_; }

 private:
  std::string_view v_;
};

inline std::string operator+(std::string a, istr b) { return a.append(b.view()); }
inline std::string operator+(istr a, std::string_view b) { return a.str().append(b); }

}  // namespace kpi

template <>
struct fmt::formatter<kpi::istr> : fmt::formatter<std::string_view> {
  auto format(kpi::istr s, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(s.view(), ctx);
  }
};
