// Matching actuals to projects is by hash; "did you mean" is computed for at most
// max_suggested_rows unmatched rows of a run, and the rest say that none was computed.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/eval/match.hpp"
#include "tests/support/run.hpp"

namespace kpi {
namespace {

namespace fs = std::filesystem;

TEST(MatchLimits, SuggestionsAreComputedForAtMostTheLimitOfUnmatchedRows) {
  const fs::path csv =
      fs::temp_directory_path() / ("kpi_match_limits_" + std::to_string(::getpid()) + ".csv");
  const std::size_t rows = eval::max_suggested_rows + 500;
  {
    std::ofstream f(csv, std::ios::binary);
    f << "project,indicator,actual\n";
    for (std::size_t i = 0; i < rows; ++i) f << "对外交流" << i << ",外宣网站每月发稿量,80条\n";
  }
  auto r = test::run_kpi("--lang en eval --format json examples/targets.kpi " + csv.string());
  auto text = test::run_kpi("--lang en eval examples/targets.kpi " + csv.string());
  fs::remove(csv);
  auto j = nlohmann::json::parse(r.out);
  const auto& orphans = j["unmatched_actuals"];
  ASSERT_EQ(orphans.size(), rows);
  std::size_t suggested = 0, skipped = 0;
  for (const auto& u : orphans) {
    if (!u["did_you_mean"].is_null()) ++suggested;
    if (u.contains("suggestion_skipped")) ++skipped;
  }
  EXPECT_EQ(suggested, eval::max_suggested_rows);
  EXPECT_EQ(skipped, 500u);
  EXPECT_EQ(orphans[0]["did_you_mean"], "对外交流");
  EXPECT_NE(text.out.find("unmatched actual (no such project) 对外交流1499 / 外宣网站每月发稿量 = "
                          "80 条 (no suggestion computed: more than 1000 unmatched"),
            std::string::npos)
      << text.out.substr(text.out.size() - 400);
}

}  // namespace
}  // namespace kpi
