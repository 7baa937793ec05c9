// Calendar dates (proleptic Gregorian) for project periods and deadlines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpi {

// Four bytes: the model holds one or two per indicator and actual (deadlines, dates done).
struct date {
  std::int16_t year = 0;  // 1 … 9999
  std::uint8_t month = 0;
  std::uint8_t day = 0;

  // Parses YYYY-MM-DD; nullopt when the text is malformed or the day does not exist
  // (2024-02-30).
  static std::optional<date> parse(std::string_view text);
  [[nodiscard]] static bool is_leap(int year);
  [[nodiscard]] static int days_in_month(int year, int month);
  // Days since 1970-01-01.
  [[nodiscard]] std::int64_t serial() const;
  [[nodiscard]] std::string to_string() const;

  friend bool operator==(const date& a, const date& b) { return a.serial() == b.serial(); }
  friend bool operator<(const date& a, const date& b) { return a.serial() < b.serial(); }
  friend bool operator<=(const date& a, const date& b) { return a.serial() <= b.serial(); }
};

// Number of days from `from` to `to`, both inclusive (2024-01-01 .. 2024-12-31 is 366).
std::int64_t days_inclusive(const date& from, const date& to);

}  // namespace kpi
