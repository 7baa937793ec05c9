// Interned strings: equal texts share one copy for the life of the process, whatever the
// text they were made from did afterwards, and from any thread.
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "engine/base/intern.hpp"

namespace kpi {
namespace {

TEST(Intern, EqualTextsShareOneCopy) {
  std::string a = "经济成本指标";
  std::string b = a;
  istr x(a), y(b);
  EXPECT_EQ(x, y);
  EXPECT_EQ(x.data(), y.data());  // one copy
  EXPECT_NE(x.data(), a.data());  // not the caller's
  EXPECT_EQ(x, "经济成本指标");
  EXPECT_EQ(x, std::string("经济成本指标"));
  EXPECT_FALSE(x == istr("数量指标"));
  EXPECT_EQ(fmt::format("[{}]", x), "[经济成本指标]");
  EXPECT_EQ(x + std::string_view("/x"), "经济成本指标/x");
  EXPECT_EQ(std::string("y/") + x, "y/经济成本指标");
}

TEST(Intern, OutlivesTheTextItWasMadeFrom) {
  istr kept;
  {
    std::string temporary(100, 'u');  // beyond any small-string buffer
    kept = istr(temporary);
    temporary.assign(100, 'v');
  }
  EXPECT_EQ(kept, std::string(100, 'u'));
}

TEST(Intern, EmptyIsTheDefault) {
  istr none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none, istr(""));
  EXPECT_EQ(none, "");
  EXPECT_EQ(none.size(), 0u);
}

TEST(Intern, ThreadsAgreeOnEveryCopy) {
  constexpr int n = 500;
  std::vector<std::vector<istr>> got(4, std::vector<istr>(n));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&got, t] {
      for (int i = 0; i < n; ++i) got[t][i] = istr("单位" + std::to_string(i));
    });
  for (auto& th : threads) th.join();
  for (int i = 0; i < n; ++i) {
    EXPECT_EQ(got[0][i], "单位" + std::to_string(i));
    for (int t = 1; t < 4; ++t) EXPECT_EQ(got[t][i].data(), got[0][i].data());
  }
}

}  // namespace
}  // namespace kpi
