// UTF-8 validation and the code-point columns of a source: the fast paths (ASCII words, inline
// three-byte sequences, counting lead bytes) agree with the definition on every input.
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "engine/base/source.hpp"
#include "engine/base/utf8.hpp"

namespace kpi {
namespace {

// The well-formed byte sequences of Unicode (Table 3-7), written out plainly.
std::size_t reference_first_invalid(std::string_view s) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  auto in = [](unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; };
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = b(i);
    std::size_t n = c < 0x80            ? 1
                    : in(c, 0xC2, 0xDF) ? 2
                    : in(c, 0xE0, 0xEF) ? 3
                    : in(c, 0xF0, 0xF4) ? 4
                                        : 0;
    if (n == 0 || i + n > s.size()) return i;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
    if (n > 1 && !in(b(i + 1), lo, hi)) return i;
    for (std::size_t k = 2; k < n; ++k)
      if (!in(b(i + k), 0x80, 0xBF)) return i;
    i += n;
  }
  return std::string_view::npos;
}

TEST(Utf8, FirstInvalidAgreesWithTheDefinition) {
  const std::string pieces[] = {"a",
                                "指标",
                                "\xE0\xA0\x80",
                                "\xE0\x9F\xBF",
                                "\xED\x9F\xBF",
                                "\xED\xA0\x80",
                                "\xF0\x9F\x98\x80",
                                "\xF4\x90\x80\x80",
                                "\xC0\xAF",
                                "\xC2\xA9",
                                "\x80",
                                "\xFF",
                                "\xE6\x8C",
                                "0123456789",
                                std::string(70, 'x')};
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    // Every fourth text is long enough for the validator's 64-byte SIMD blocks.
    int parts = static_cast<int>(rng() % (round % 4 == 0 ? 300 : 12));
    for (int p = 0; p < parts; ++p) s += pieces[rng() % std::size(pieces)];
    if (!s.empty() && rng() % 4 == 0) s[rng() % s.size()] = static_cast<char>(rng());
    ASSERT_EQ(utf8::first_invalid(s), reference_first_invalid(s)) << testing::PrintToString(s);
  }
}

TEST(Utf8, ColumnsCountCodePointsInValidAndInvalidText) {
  // Valid text takes the lead-byte count; a stray byte counts as one column, as utf8::next reads.
  // Short lines are counted from their start, long ones (over 4 KB) from the whole-text
  // checkpoints: both give the same columns.
  for (std::string prefix :
       {std::string(200, 'x') + "指标指标", std::string("\xFF") + "指标",
        std::string(5000, 'x') + "指标指标", std::string("\xFF") + std::string(6000, 'y') + "指标",
        std::string("\xE6\x8C") + std::string(1500, 'z') +
            "指标指标指标指标指标指标指标指标指标"}) {
    source s("t.kpi", prefix + "值\nab");
    std::uint32_t at = static_cast<std::uint32_t>(prefix.size());
    EXPECT_EQ(s.position(at).line, 1u);
    EXPECT_EQ(s.position(at).column, utf8::length(prefix) + 1);
    EXPECT_EQ(s.position(at + 3).column, utf8::length(prefix) + 2);  // the line break
    EXPECT_EQ(s.position(at + 5).line, 2u);
    EXPECT_EQ(s.position(at + 5).column, 2u);
  }
}

}  // namespace
}  // namespace kpi
