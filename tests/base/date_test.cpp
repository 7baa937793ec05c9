#include "engine/base/date.hpp"

#include <gtest/gtest.h>

namespace kpi {
namespace {

TEST(Date, ParsesValidDates) {
  auto d = date::parse("2024-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->to_string(), "2024-02-29");
}

TEST(Date, RejectsDaysNotInTheCalendar) {
  EXPECT_FALSE(date::parse("2024-02-30"));
  EXPECT_FALSE(date::parse("2023-02-29"));
  EXPECT_FALSE(date::parse("2024-13-01"));
  EXPECT_FALSE(date::parse("2024-04-31"));
  EXPECT_FALSE(date::parse("2024-00-10"));
  EXPECT_FALSE(date::parse("24-01-01"));
}

TEST(Date, CountsDaysInclusive) {
  EXPECT_EQ(days_inclusive(*date::parse("2024-01-01"), *date::parse("2024-12-31")), 366);
  EXPECT_EQ(days_inclusive(*date::parse("2023-01-01"), *date::parse("2023-12-31")), 365);
  EXPECT_EQ(days_inclusive(*date::parse("2024-03-01"), *date::parse("2024-03-01")), 1);
  EXPECT_EQ(days_inclusive(*date::parse("1999-12-31"), *date::parse("2000-03-01")), 62);
}

}  // namespace
}  // namespace kpi
