#include "engine/base/packed_string.hpp"

#include <gtest/gtest.h>

namespace kpi {
namespace {

TEST(PackedString, HoldsAnyTextInOnePointer) {
  static_assert(sizeof(packed_string) == sizeof(void*));
  packed_string empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.view(), "");
  EXPECT_EQ(empty.size(), 0u);

  const std::string long_text(1000, 'x');
  for (std::string_view s : {std::string_view("达成"), std::string_view("a"),
                             std::string_view("with\0nul", 8), std::string_view(long_text)}) {
    packed_string p = s;
    EXPECT_FALSE(p.empty());
    EXPECT_EQ(p.view(), s);
    EXPECT_EQ(p.size(), s.size());
    EXPECT_EQ(p.str(), std::string(s));
    EXPECT_EQ(fmt::format("[{}]", p), "[" + std::string(s) + "]");
  }
  packed_string assigned = std::string("");  // "" is held as nothing
  EXPECT_TRUE(assigned.empty());
}

TEST(PackedString, CopiesDeeplyAndMoves) {
  packed_string a = "进一步提升";
  packed_string b = a;
  EXPECT_EQ(a, b);
  EXPECT_NE(a.data(), b.data());  // its own copy
  b = "有效保障";
  EXPECT_EQ(a, "进一步提升");
  EXPECT_EQ(b, std::string("有效保障"));
  packed_string c = std::move(b);
  EXPECT_EQ(c, std::string_view("有效保障"));
  const packed_string& same = a;
  a = same;  // self-assignment keeps the text
  EXPECT_EQ(a, "进一步提升");
  EXPECT_EQ("说明：" + a, "说明：进一步提升");
  EXPECT_EQ(a + "。", "进一步提升。");
}

}  // namespace
}  // namespace kpi
