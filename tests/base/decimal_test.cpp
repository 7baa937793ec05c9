#include "engine/base/decimal.hpp"

#include <algorithm>
#include <random>
#include <string>

#include <gtest/gtest.h>

namespace kpi {
namespace {

decimal d(const char* s) {
  return *decimal::parse(s);
}

TEST(Decimal, ParsesThousandsSeparatorsExactly) {
  EXPECT_EQ(d("1,017,000.00").to_string(), "1017000.00");
  EXPECT_EQ(d("1,017,000.00").scale(), 2);
  EXPECT_EQ(d("9.70").to_string(), "9.70");
  EXPECT_EQ(d("-5").to_string(), "-5");
  EXPECT_EQ(d("0.5").to_string(), "0.5");
}

TEST(Decimal, RejectsMalformedAndTooLong) {
  EXPECT_FALSE(decimal::parse(""));
  EXPECT_FALSE(decimal::parse("1.2.3"));
  EXPECT_FALSE(decimal::parse("12a"));
  EXPECT_TRUE(decimal::parse("123456789012345678901234567890"));    // 30 digits
  EXPECT_FALSE(decimal::parse("1234567890123456789012345678901"));  // 31 digits
  EXPECT_TRUE(decimal::parse("0.000000000000000000000000000001"));
  EXPECT_TRUE(
      decimal::parse("000000000000000000000000000000000001"));  // leading zeros are not significant
}

TEST(Decimal, ScalingByUnitFactorIsExact) {
  // 9.70 万元 == 97000 元, exactly
  decimal v = *d("9.70").mul(d("10000"));
  EXPECT_EQ(v, d("97000"));
  EXPECT_EQ(v.normalized().to_string(), "97000");
  EXPECT_EQ(d("17.15").mul(d("10000"))->normalized().to_string(), "171500");
  // the largest input scaled by 亿 still fits
  EXPECT_TRUE(d("999999999999999999999999999999").mul(d("100000000")));
}

TEST(Decimal, ComparesByValue) {
  EXPECT_EQ(d("1.50"), d("1.5"));
  EXPECT_LT(d("0.1"), d("0.10000000000000000000000000001"));
  EXPECT_GT(d("-1"), d("-1.5"));
  EXPECT_EQ(d("0"), d("-0.00"));
}

TEST(Decimal, AddsAndSubtractsExactly) {
  // 0.1 + 0.2 == 0.3: no binary floating point
  EXPECT_EQ(*d("0.1").add(d("0.2")), d("0.3"));
  decimal sum = d("0");
  for (const char* s : {"570000", "97000", "350000"}) sum = *sum.add(d(s));
  EXPECT_EQ(sum, d("1,017,000.00"));
  EXPECT_EQ(d("10").sub(d("0.01"))->to_string(), "9.99");
}

TEST(Decimal, DividesWithHalfUpRounding) {
  // 215,457.60 ÷ 250,000 = 0.8618304
  EXPECT_EQ(d("215457.60").div(d("250000"), 12)->normalized().to_string(), "0.8618304");
  EXPECT_EQ(d("2").div(d("3"), 4)->to_string(), "0.6667");
  EXPECT_EQ(d("1").div(d("8"), 2)->to_string(), "0.13");  // 0.125 → 0.13
  EXPECT_EQ(d("-1").div(d("8"), 2)->to_string(), "-0.13");
  EXPECT_FALSE(d("1").div(d("0"), 2));
}

TEST(Decimal, RoundsHalfUpOnce) {
  EXPECT_EQ(d("2.645").round(2).to_string(), "2.65");
  EXPECT_EQ(d("2.6449").round(2).to_string(), "2.64");
  EXPECT_EQ(d("8.618304").round(2).to_string(), "8.62");
  EXPECT_EQ(d("-2.645").round(2).to_string(), "-2.65");
}

TEST(Decimal, PrintsGrouped) {
  EXPECT_EQ(d("2071500.00").to_grouped_string(), "2,071,500.00");
  EXPECT_EQ(d("-999").to_grouped_string(), "-999");
  EXPECT_EQ(d("1000").to_grouped_string(), "1,000");
}

TEST(Decimal, ReportsOverflowInsteadOfWrapping) {
  decimal big = d("999999999999999999999999999999");
  EXPECT_FALSE(big.mul(big));
}

// to_string writes any value back in the text it was parsed from (in canonical form): small
// and large coefficients, every scale, zeros right after the point, signs.
TEST(Decimal, TextRoundTripsAtEveryMagnitude) {
  std::mt19937_64 rng(11);
  for (int round = 0; round < 20000; ++round) {
    const int total = 1 + static_cast<int>(rng() % decimal::max_input_digits);
    const int scale = static_cast<int>(rng() % std::min(total, 20));
    std::string whole, frac;
    for (int i = 0; i < total - scale; ++i) whole += static_cast<char>('0' + rng() % 10);
    for (int i = 0; i < scale; ++i) frac += static_cast<char>('0' + rng() % 10);
    if (whole.empty()) whole = "0";
    whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
    std::string text = whole + (scale > 0 ? "." + frac : "");
    bool zero = text.find_first_not_of("0.") == std::string::npos;
    if (!zero && rng() % 3 == 0) text = "-" + text;  // zero has no sign
    ASSERT_EQ(d(text.c_str()).to_string(), text);
  }
  // Products reach past what text may hold: 37 digits.
  auto big = d("999999999999999999.99").mul(d("9999999999999.9999"));
  ASSERT_TRUE(big.has_value());
  EXPECT_EQ(big->to_string(), "9999999999999999899900000000000.000001");
  EXPECT_EQ(big->negated().to_string(), "-9999999999999999899900000000000.000001");
}

}  // namespace
}  // namespace kpi
