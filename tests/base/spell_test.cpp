// "Did you mean …?": distances in code points, the threshold that grows with the word, and
// words of any length (a pasted paragraph in a unit cell) answered without a suggestion.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/base/spell.hpp"

namespace kpi {
namespace {

TEST(Spell, DistanceCountsCodePoints) {
  EXPECT_EQ(edit_distance("万元", "元"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "人次"), 2u);
  EXPECT_EQ(edit_distance("平方米", "平方米"), 0u);
}

TEST(Spell, SuggestsTheClosestWithinTheThreshold) {
  const std::vector<std::string> units = {"元", "万元", "亿元", "人", "人次", "平方米", "%"};
  EXPECT_EQ(closest("万圆", units), "万元");
  EXPECT_EQ(closest("平方", units), "平方米");
  EXPECT_EQ(closest("人数", units), "人");  // first of the candidates at distance 1
  EXPECT_EQ(closest("公里", units), std::nullopt);
  EXPECT_EQ(closest("", units), std::nullopt);
}

TEST(Spell, AVeryLongWordHasNoSuggestion) {
  const std::vector<std::string> units = {"元", "万元", "平方米"};
  std::string paragraph;
  for (int i = 0; i < 50'000; ++i) paragraph += "万元";
  EXPECT_EQ(closest(paragraph, units), std::nullopt);
  // Near a long candidate, a long word still gets its suggestion.
  const std::string name(300, 'a');
  const std::vector<std::string> long_one = {name};
  EXPECT_EQ(closest(name + "b", long_one), name);
}

}  // namespace
}  // namespace kpi

namespace kpi {
namespace {

TEST(Speller, ComparesAWordOnlyWithCandidatesOfANearLength) {
  std::vector<std::string> names;
  for (int i = 0; i < 10'000; ++i)
    names.push_back("一个很长的项目名称第" + std::to_string(i) + "号");
  speller s(names);
  std::uint64_t cells = 1'000'000'000;
  bool exhausted = false;
  // Four code points: at most two from any candidate's length, and every candidate is longer.
  EXPECT_EQ(s.closest("项目名称", &cells, &exhausted), std::nullopt);
  EXPECT_EQ(cells, 1'000'000'000u);
  EXPECT_FALSE(exhausted);
}

TEST(Speller, AWordPastTheLengthCapCostsNoComparison) {
  const std::string name(400'000, 'a');  // 1.2 MB of input holds two of these and more
  speller s({name, name + "b"});
  std::uint64_t cells = 1'000'000'000;
  EXPECT_EQ(s.closest(name + "c", &cells), std::nullopt);
  EXPECT_EQ(cells, 1'000'000'000u);
}

TEST(Speller, StopsWhenItsComparisonsAreSpentAndFindsTheSameOtherwise) {
  const std::vector<std::string> units = {"元", "万元", "亿元", "人", "人次", "平方米", "%"};
  speller s(units);
  std::uint64_t plenty = 1'000'000;
  EXPECT_EQ(s.closest("人数", &plenty), "人");  // first of the candidates at distance 1
  EXPECT_EQ(s.closest("万圆", &plenty), "万元");
  std::uint64_t few = 3;
  bool exhausted = false;
  EXPECT_EQ(s.closest("平方", &few, &exhausted), std::nullopt);
  EXPECT_TRUE(exhausted);
}

}  // namespace
}  // namespace kpi
