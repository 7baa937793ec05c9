// Interned strings: the small vocabularies written on every indicator and actual (units, base
// units, dimensions, group names, term classes) held once per process instead of once per use.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace kpi {

// A string kept for the life of the process, one pointer wide (the many indicators and actuals
// of a run each hold several). Made only by interning, so it can never point into a temporary:
// `istr x = some_std_string;` does not compile. Equal texts are one entry of the pool, so two
// istr are equal exactly when they point to the same entry.
class istr {
 public:
  constexpr istr() = default;  // ""
  explicit istr(std::string_view text);

  [[nodiscard]] std::string_view view() const {
    return p_ == nullptr ? std::string_view() : std::string_view(*p_);
  }
  operator std::string_view() const { return view(); }  // NOLINT: reads like a string
  [[nodiscard]] std::string str() const { return std::string(view()); }
  [[nodiscard]] bool empty() const { return p_ == nullptr; }
  [[nodiscard]] std::size_t size() const { return view().size(); }
  [[nodiscard]] const char* data() const { return view().data(); }

  friend bool operator==(istr a, istr b) { return a.p_ == b.p_; }
  friend bool operator==(istr a, std::string_view b) { return a.view() == b; }
  friend bool operator==(istr a, const std::string& b) { return a.view() == b; }
  friend bool operator==(istr a, const char* b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(istr a, istr b) { return a.view() <=> b.view(); }

 private:
  const std::string* p_ = nullptr;  // an entry of the pool; null for ""
};

inline std::string operator+(std::string a, istr b) {
  return a.append(b.view());
}
inline std::string operator+(istr a, std::string_view b) {
  return a.str().append(b);
}

}  // namespace kpi

template <>
struct fmt::formatter<kpi::istr> : fmt::formatter<std::string_view> {
  auto format(kpi::istr s, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(s.view(), ctx);
  }
};
