// JSON string escaping (engine/model/json_out): the eight-bytes-at-a-time fast path agrees with
// nlohmann's escaping of the same text, for every byte at every position.
#include <random>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/model/json_out.hpp"

namespace kpi {
namespace {

std::string reference(const std::string& s) {
  std::string quoted = nlohmann::json(s).dump();
  return quoted.substr(1, quoted.size() - 2);
}

std::string escaped(const std::string& s) {
  std::string out;
  append_json_escaped(out, s);
  return out;
}

TEST(JsonEscape, EveryAsciiByteAtEveryPositionOfALongText) {
  const std::string plain = "项目名称 abcdefgh 12345678 指标";
  for (int c = 0; c < 0x80; ++c) {
    for (std::size_t at = 0; at <= plain.size(); at += 1) {
      if (at < plain.size() && (static_cast<unsigned char>(plain[at]) & 0xC0) == 0x80) continue;
      std::string s = plain;
      s.insert(at, 1, static_cast<char>(c));
      ASSERT_EQ(escaped(s), reference(s)) << "byte " << c << " at " << at;
    }
  }
}

TEST(JsonEscape, RandomTextsOfQuotesBackslashesControlsAndChinese) {
  const std::string pieces[] = {
      "\"", "\\", "\n", "\t", "\x01", "\x1f", " ", "a", "指标", "～", "0123456789abcdef"};
  std::mt19937 rng(11);
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    int parts = static_cast<int>(rng() % 40);
    for (int p = 0; p < parts; ++p) s += pieces[rng() % std::size(pieces)];
    ASSERT_EQ(escaped(s), reference(s)) << testing::PrintToString(s);
  }
}

}  // namespace
}  // namespace kpi
