// A message quotes a window of a value from the input, never all of it: a 1 MB CSV cell gives a
// message of a few hundred bytes (its first 60 characters and "…", the line shown around the
// caret as a window too).
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/run.hpp"

namespace kpi {
namespace {

namespace fs = std::filesystem;
using test::run_kpi;

struct csv_file {
  fs::path path;
  explicit csv_file(const std::string& text) {
    path = fs::temp_directory_path() / ("kpi_value_quoting_" + std::to_string(::getpid()) + ".csv");
    std::ofstream(path, std::ios::binary) << text;
  }
  ~csv_file() { fs::remove(path); }
};

const std::size_t huge = 1 << 20;

void expect_short_error(const std::string& csv, const std::string& says) {
  csv_file f(csv);
  auto r = run_kpi("--lang en eval examples/targets.kpi " + f.path.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_LT(r.err.size(), 2000u) << r.err.substr(0, 300);
  EXPECT_NE(r.err.find(says), std::string::npos) << r.err.substr(0, 600);
  EXPECT_NE(r.err.find("…"), std::string::npos);
}

TEST(ValueQuoting, AHugeMalformedNumberIsQuotedAsAWindow) {
  std::string number = "1";
  while (number.size() < huge) number += ".1";
  expect_short_error("project,indicator,actual\n对外交流,中外媒体交流费用," + number + "\n",
                     "malformed number '" + number.substr(0, 60) + "…'");
}

TEST(ValueQuoting, AHugeUnknownUnitIsQuotedAsAWindow) {
  expect_short_error(
      "project,indicator,actual\n对外交流,中外媒体交流费用,5 " + std::string(huge, 'x') + "\n",
      "unknown unit '" + std::string(60, 'x') + "…'");
}

TEST(ValueQuoting, AHugeHeaderIsQuotedAsAWindow) {
  expect_short_error("project,indicator,actual," + std::string(huge, 'y') + "\n",
                     "unexpected column '" + std::string(60, 'y') + "…'");
}

}  // namespace
}  // namespace kpi
