// Exact decimal numbers for money, percentages and counts.
//
// A decimal is coefficient × 10^-scale with a signed 128-bit coefficient. It holds up to
// 38 significant digits; input is limited to max_input_digits so that scaling by a unit
// factor (亿 = 10^8) stays exact. No operation ever rounds silently: arithmetic that would
// overflow reports failure, and rounding is always an explicit call.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpi {

class decimal {
 public:
  using coef_t = __int128;
  static constexpr int max_input_digits = 30;  // significant digits accepted from text
  static constexpr int max_scale = 36;

  constexpr decimal() = default;
  static decimal from_int(std::int64_t v) { return decimal(v, 0); }

  // Parses [-]digits[.digits], with optional ',' thousands separators in the integer part.
  // Returns nullopt for malformed text or more than max_input_digits significant digits.
  static std::optional<decimal> parse(std::string_view text);

  [[nodiscard]] coef_t coefficient() const { return coef_; }
  [[nodiscard]] int scale() const { return scale_; }
  [[nodiscard]] bool is_zero() const { return coef_ == 0; }
  [[nodiscard]] bool is_negative() const { return coef_ < 0; }
  [[nodiscard]] int sign() const { return coef_ < 0 ? -1 : (coef_ > 0 ? 1 : 0); }

  // Exact arithmetic; nullopt on overflow of the 128-bit coefficient.
  [[nodiscard]] std::optional<decimal> add(const decimal& o) const;
  [[nodiscard]] std::optional<decimal> sub(const decimal& o) const;
  [[nodiscard]] std::optional<decimal> mul(const decimal& o) const;
  // Quotient carried to `places` fractional digits, rounded half-up (away from zero on ties);
  // nullopt on division by zero or when the quotient does not fit in 38 digits; a quotient
  // whose intermediate products do not fit is computed exactly with wider integers.
  [[nodiscard]] std::optional<decimal> div(const decimal& o, int places) const;
  // this × m ÷ d carried to `places` fractional digits, rounded half-up once (multiply first,
  // divide last). Exact whatever the size of the product; nullopt on division by zero or when
  // the quotient itself does not fit.
  [[nodiscard]] std::optional<decimal> mul_div(const decimal& m, const decimal& d,
                                               int places) const;
  // Rounds half-up (ties away from zero) to `places` fractional digits.
  [[nodiscard]] decimal round(int places) const;
  // Same value with trailing fractional zeros removed (570000.00 -> 570000).
  [[nodiscard]] decimal normalized() const;
  // Same value with at least `places` fractional digits (exact; adds zeros only).
  [[nodiscard]] std::optional<decimal> with_min_scale(int places) const;
  [[nodiscard]] decimal negated() const { return decimal(-coef_, scale_); }
  // Number of significant digits of the coefficient (0 for zero).
  [[nodiscard]] int digits() const;

  // Three-way comparison by value (1.50 == 1.5).
  [[nodiscard]] int compare(const decimal& o) const;
  friend bool operator==(const decimal& a, const decimal& b) { return a.compare(b) == 0; }
  friend bool operator!=(const decimal& a, const decimal& b) { return a.compare(b) != 0; }
  friend bool operator<(const decimal& a, const decimal& b) { return a.compare(b) < 0; }
  friend bool operator<=(const decimal& a, const decimal& b) { return a.compare(b) <= 0; }
  friend bool operator>(const decimal& a, const decimal& b) { return a.compare(b) > 0; }
  friend bool operator>=(const decimal& a, const decimal& b) { return a.compare(b) >= 0; }

  // Plain text with exactly scale() fractional digits: "-1017000.00".
  [[nodiscard]] std::string to_string() const;
  // With ',' thousands separators: "1,017,000.00".
  [[nodiscard]] std::string to_grouped_string() const;

 private:
  constexpr decimal(coef_t c, int s) : coef_(c), scale_(s) {}
  // 8-byte aligned rather than 16: a decimal takes 24 bytes instead of 32, and the model and
  // the results hold hundreds of thousands of them. x86-64 loads it unaligned at no cost.
  coef_t coef_ __attribute__((packed, aligned(8))) = 0;
  int scale_ = 0;
};
static_assert(sizeof(decimal) == 24);

}  // namespace kpi
