#include "engine/base/decimal.hpp"

#include <algorithm>
#include <cstdint>

#include <gmp.h>

namespace kpi {
namespace {

using coef_t = decimal::coef_t;

// 10^n for 0 <= n <= 38.
coef_t pow10(int n) {
  coef_t r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

bool checked_mul(coef_t a, coef_t b, coef_t& out) {
  return !__builtin_mul_overflow(a, b, &out);
}
bool checked_add(coef_t a, coef_t b, coef_t& out) {
  return !__builtin_add_overflow(a, b, &out);
}

// Brings a to scale s (s >= a's scale) by multiplying; false on overflow.
bool rescale(coef_t c, int from, int to, coef_t& out) {
  if (to - from > 38) return false;
  return checked_mul(c, pow10(to - from), out);
}

coef_t abs128(coef_t v) {
  return v < 0 ? -v : v;
}

// GMP integers for the rare quotient whose intermediate products do not fit in 128 bits (a
// 30-digit value carried to 12 places). GMP rather than a hand-written 256-bit division: it is
// exact at any size and well tested.
struct big {
  mpz_t v;
  big() { mpz_init(v); }
  explicit big(coef_t c) : big() {
    unsigned __int128 m = c < 0 ? -static_cast<unsigned __int128>(c) : c;
    const std::uint64_t limbs[2] = {static_cast<std::uint64_t>(m),
                                    static_cast<std::uint64_t>(m >> 64)};
    mpz_import(v, 2, -1, sizeof(std::uint64_t), 0, 0, limbs);
    if (c < 0) mpz_neg(v, v);
  }
  big(const big&) = delete;
  big& operator=(const big&) = delete;
  ~big() { mpz_clear(v); }
};

// round(a × b × 10^up ÷ (c × 10^down)) half-up (ties away from zero), when it fits.
std::optional<coef_t> wide_mul_div(coef_t a, coef_t b, int up, coef_t c, int down) {
  big n(a), m(b), d(c), p, q, r;
  mpz_mul(n.v, n.v, m.v);
  mpz_ui_pow_ui(p.v, 10, static_cast<unsigned long>(up));
  mpz_mul(n.v, n.v, p.v);
  mpz_ui_pow_ui(p.v, 10, static_cast<unsigned long>(down));
  mpz_mul(d.v, d.v, p.v);
  const bool negative = mpz_sgn(n.v) * mpz_sgn(d.v) < 0;
  mpz_abs(n.v, n.v);
  mpz_abs(d.v, d.v);
  mpz_tdiv_qr(q.v, r.v, n.v, d.v);
  mpz_mul_2exp(r.v, r.v, 1);
  if (mpz_cmp(r.v, d.v) >= 0) mpz_add_ui(q.v, q.v, 1);
  if (mpz_sizeinbase(q.v, 2) > 126) return std::nullopt;
  std::uint64_t limbs[2] = {0, 0};
  mpz_export(limbs, nullptr, -1, sizeof(std::uint64_t), 0, 0, q.v);
  auto out = static_cast<coef_t>((static_cast<unsigned __int128>(limbs[1]) << 64) | limbs[0]);
  return negative ? -out : out;
}

}  // namespace

std::optional<decimal> decimal::parse(std::string_view text) {
  bool neg = false;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    neg = text[i] == '-';
    ++i;
  }
  coef_t coef = 0;
  int scale = 0;
  int significant = 0;
  bool any_digit = false;
  bool in_fraction = false;
  for (; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == ',' && !in_fraction) continue;
    if (ch == '.' && !in_fraction) {
      in_fraction = true;
      continue;
    }
    if (ch < '0' || ch > '9') return std::nullopt;
    any_digit = true;
    if (coef != 0 || ch != '0') ++significant;
    if (significant > max_input_digits) return std::nullopt;
    if (in_fraction) {
      if (++scale > max_scale) return std::nullopt;
    }
    coef = coef * 10 + (ch - '0');
  }
  if (!any_digit) return std::nullopt;
  return decimal(neg ? -coef : coef, scale);
}

std::optional<decimal> decimal::add(const decimal& o) const {
  int s = std::max(scale_, o.scale_);
  coef_t a = 0;
  coef_t b = 0;
  coef_t r = 0;
  if (!rescale(coef_, scale_, s, a) || !rescale(o.coef_, o.scale_, s, b) || !checked_add(a, b, r))
    return std::nullopt;
  return decimal(r, s);
}

std::optional<decimal> decimal::sub(const decimal& o) const {
  return add(o.negated());
}

std::optional<decimal> decimal::mul(const decimal& o) const {
  coef_t r = 0;
  if (!checked_mul(coef_, o.coef_, r)) return std::nullopt;
  int s = scale_ + o.scale_;
  decimal d(r, s);
  if (s > max_scale) {
    // Drop only trailing zeros; never round here.
    d = d.normalized();
    if (d.scale_ > max_scale) return std::nullopt;
  }
  return d;
}

std::optional<decimal> decimal::div(const decimal& o, int places) const {
  if (o.coef_ == 0 || places < 0 || places > max_scale) return std::nullopt;
  // value = (coef_ / 10^scale_) / (o.coef_ / 10^o.scale_)
  //       = coef_ * 10^(o.scale_ - scale_) / o.coef_; want result * 10^(places+1) for rounding.
  int shift = places + 1 + o.scale_ - scale_;
  coef_t num = coef_;
  coef_t den = o.coef_;
  auto wide = [&]() -> std::optional<decimal> {
    const int exact = shift - 1;  // without the extra digit
    auto q = exact >= 0 ? wide_mul_div(coef_, 1, exact, o.coef_, 0)
                        : wide_mul_div(coef_, 1, 0, o.coef_, -exact);
    if (!q) return std::nullopt;
    return decimal(*q, places);
  };
  if (shift >= 0) {
    if (shift > 38 || !checked_mul(num, pow10(shift), num)) return wide();
  } else {
    if (-shift > 38 || !checked_mul(den, pow10(-shift), den)) return wide();
  }
  coef_t q = num / den;  // truncated toward zero, one extra digit
  coef_t last = q % 10;
  q /= 10;
  if (last >= 5) q += 1;
  if (last <= -5) q -= 1;
  // Ties exactly at ...5 with a non-zero remainder are still >= half, so half-up holds.
  return decimal(q, places);
}

std::optional<decimal> decimal::mul_div(const decimal& m, const decimal& d, int places) const {
  if (d.coef_ == 0 || places < 0 || places > max_scale) return std::nullopt;
  coef_t product = 0;
  const int product_scale = scale_ + m.scale_;
  if (checked_mul(coef_, m.coef_, product) && product_scale <= max_scale)
    if (auto q = decimal(product, product_scale).div(d, places)) return q;
  // value = a·b / 10^(sa+sb) ÷ (c / 10^sc); want value × 10^places.
  const int shift = places + d.scale_ - product_scale;
  auto q = shift >= 0 ? wide_mul_div(coef_, m.coef_, shift, d.coef_, 0)
                      : wide_mul_div(coef_, m.coef_, 0, d.coef_, -shift);
  if (!q) return std::nullopt;
  return decimal(*q, places);
}

decimal decimal::round(int places) const {
  if (places >= scale_) return *this;
  coef_t p = pow10(scale_ - places - 1);
  coef_t q = coef_ / p;  // one extra digit
  coef_t last = q % 10;
  q /= 10;
  if (last >= 5) q += 1;
  if (last <= -5) q -= 1;
  return decimal(q, places);
}

decimal decimal::normalized() const {
  decimal d = *this;
  while (d.scale_ > 0 && d.coef_ % 10 == 0) {
    d.coef_ /= 10;
    --d.scale_;
  }
  return d;
}

std::optional<decimal> decimal::with_min_scale(int places) const {
  if (scale_ >= places) return *this;
  coef_t r = 0;
  if (!rescale(coef_, scale_, places, r)) return std::nullopt;
  return decimal(r, places);
}

int decimal::digits() const {
  coef_t v = abs128(coef_);
  int n = 0;
  while (v != 0) {
    v /= 10;
    ++n;
  }
  return n;
}

int decimal::compare(const decimal& o) const {
  if (sign() != o.sign()) return sign() < o.sign() ? -1 : 1;
  int s = std::max(scale_, o.scale_);
  coef_t a = 0;
  coef_t b = 0;
  bool ok_a = rescale(coef_, scale_, s, a);
  bool ok_b = rescale(o.coef_, o.scale_, s, b);
  if (ok_a && ok_b) return a < b ? -1 : (a > b ? 1 : 0);
  // One side overflowed when rescaled: compare integer parts first, then fractions.
  coef_t ia = coef_ / pow10(scale_);
  coef_t ib = o.coef_ / pow10(o.scale_);
  if (ia != ib) return ia < ib ? -1 : 1;
  decimal fa(coef_ - ia * pow10(scale_), scale_);
  decimal fb(o.coef_ - ib * pow10(o.scale_), o.scale_);
  return fa.compare(fb);
}

std::string decimal::to_string() const {
  // Digits written backwards into a buffer: 39 digits, a point, a sign and the zeros of a
  // scale larger than the number fit in 128 bytes. 64-bit division when the value allows.
  char buf[128];
  char* end = buf + sizeof buf;
  char* p = end;
  coef_t v = abs128(coef_);
  int written = 0;
  auto digit = [&](unsigned d) {
    if (written == scale_ && scale_ > 0) *--p = '.';
    *--p = static_cast<char>('0' + d);
    ++written;
  };
  while (v > static_cast<coef_t>(UINT64_MAX)) {
    digit(static_cast<unsigned>(v % 10));
    v /= 10;
  }
  for (auto u = static_cast<std::uint64_t>(v); u != 0 || written <= scale_; u /= 10)
    digit(static_cast<unsigned>(u % 10));
  if (coef_ < 0) *--p = '-';
  return std::string(p, end);
}

std::string decimal::to_grouped_string() const {
  std::string plain = to_string();
  std::size_t start = plain[0] == '-' ? 1 : 0;
  std::size_t dot = plain.find('.');
  std::size_t int_end = dot == std::string::npos ? plain.size() : dot;
  std::string out = plain.substr(0, start);
  for (std::size_t i = start; i < int_end; ++i) {
    if (i > start && (int_end - i) % 3 == 0) out.push_back(',');
    out.push_back(plain[i]);
  }
  out += plain.substr(int_end);
  return out;
}

}  // namespace kpi
