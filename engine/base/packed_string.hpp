// A string one pointer wide, for the model's text fields that most indicators and actuals leave
// empty (a qualitative target's words, an actual's text and 偏差原因): std::string takes 32
// bytes in each of hundreds of thousands of records, this takes 8, and its text (when there is
// one) is a single heap block. It reads like a string_view and copies deeply.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace kpi {

class packed_string {
 public:
  packed_string() = default;
  packed_string(std::string_view s) { assign(s); }               // NOLINT: reads like a string
  packed_string(const std::string& s) { assign(s); }             // NOLINT: reads like a string
  packed_string(const char* s) { assign(std::string_view(s)); }  // NOLINT: reads like a string
  packed_string(const packed_string& o) { assign(o.view()); }
  packed_string(packed_string&&) noexcept = default;
  packed_string& operator=(const packed_string& o) {
    if (this != &o) assign(o.view());
    return *this;
  }
  packed_string& operator=(packed_string&&) noexcept = default;
  packed_string& operator=(std::string_view s) {
    assign(s);
    return *this;
  }
  packed_string& operator=(const std::string& s) { return *this = std::string_view(s); }
  packed_string& operator=(const char* s) { return *this = std::string_view(s); }
  ~packed_string() = default;

  [[nodiscard]] std::string_view view() const {
    if (!p_) return {};
    std::uint32_t n = 0;
    std::memcpy(&n, p_.get(), sizeof n);
    return {p_.get() + sizeof n, n};
  }
  operator std::string_view() const { return view(); }  // NOLINT: reads like a string
  [[nodiscard]] std::string str() const { return std::string(view()); }
  [[nodiscard]] bool empty() const { return !p_; }
  [[nodiscard]] std::size_t size() const { return view().size(); }
  [[nodiscard]] const char* data() const { return view().data(); }

  friend bool operator==(const packed_string& a, const packed_string& b) {
    return a.view() == b.view();
  }
  friend bool operator==(const packed_string& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const packed_string& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const packed_string& a, const char* b) { return a.view() == b; }

 private:
  // The length (4 bytes, so at most 4 GiB − 1: a model's text comes from a file of at most
  // that size), then the bytes; null for "".
  void assign(std::string_view s) {
    if (s.empty()) {
      p_.reset();
      return;
    }
    auto n = static_cast<std::uint32_t>(s.size());
    p_.reset(new char[sizeof n + s.size()]);  // NOLINT: filled just below
    std::memcpy(p_.get(), &n, sizeof n);
    std::memcpy(p_.get() + sizeof n, s.data(), s.size());
  }
  std::unique_ptr<char[]> p_;
};

inline std::string operator+(std::string a, const packed_string& b) {
  return a.append(b.view());
}
inline std::string operator+(const packed_string& a, std::string_view b) {
  return a.str().append(b);
}

}  // namespace kpi

template <>
struct fmt::formatter<kpi::packed_string> : fmt::formatter<std::string_view> {
  auto format(const kpi::packed_string& s, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(s.view(), ctx);
  }
};
