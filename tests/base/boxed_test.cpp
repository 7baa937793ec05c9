// boxed<T>: an optional on the heap that reads and copies like std::optional.
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "engine/base/boxed.hpp"

namespace kpi {
namespace {

TEST(Boxed, ReadsLikeAnOptional) {
  boxed<std::string> none;
  EXPECT_FALSE(none);
  EXPECT_FALSE(none.has_value());
  EXPECT_EQ(none.value_or("x"), "x");
  EXPECT_EQ(none.optional(), std::nullopt);

  boxed<std::string> some = std::optional<std::string>("分值");
  ASSERT_TRUE(some);
  EXPECT_EQ(*some, "分值");
  EXPECT_EQ(some->size(), 6u);
  EXPECT_EQ(some.value_or("x"), "分值");
  some = std::optional<std::string>();
  EXPECT_FALSE(some);
  some = std::string("区间");
  EXPECT_EQ(*some, "区间");
}

TEST(Boxed, CopiesAreDeepAndIndependent) {
  boxed<std::string> a = std::string("a");
  boxed<std::string> b = a;
  *b = "b";
  EXPECT_EQ(*a, "a");
  EXPECT_EQ(*b, "b");
  a = b;
  *b = "c";
  EXPECT_EQ(*a, "b");
  boxed<std::string> moved = std::move(a);
  EXPECT_EQ(*moved, "b");
}

}  // namespace
}  // namespace kpi
