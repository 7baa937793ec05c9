#include "grammar/pack_grammar.hpp"

#include <gtest/gtest.h>
#include <tao/pegtl/contrib/analyze.hpp>

namespace kpi {
namespace {

TEST(Grammar, HasNoLeftRecursionOrEmptyLoops) {
  EXPECT_EQ(tao::pegtl::analyze<grammar::file>(), 0u);
}

}  // namespace
}  // namespace kpi
