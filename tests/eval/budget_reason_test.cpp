// The reason for a low budget execution rate, written after the executed amount
// (`executed … because "…"`), reaches the report; on the budget it is an error.
#include <gtest/gtest.h>

#include "tests/support/helpers.hpp"

namespace kpi {
namespace {

const char* targets = R"(project "甲" {
  funds total 100,000.00 元
  产出指标 { 数量指标 { "场次"  >= 2 次 } }
}
)";

TEST(BudgetReason, ExecutedBecauseIsKeptInTheModel) {
  auto r = test::load_texts({{"t.kpi", targets},
                             {"a.kpi", "actuals \"甲\" {\n  executed 80,000.00 元  because "
                                       "\"设备采购延至次年\"\n  \"场次\" = 2 次\n}\n"}});
  ASSERT_TRUE(r.ok()) << test::rendered(r);
  ASSERT_EQ(r.model.actuals.size(), 1u);
  EXPECT_EQ(r.model.actuals[0].executed_reason, "设备采购延至次年");
  EXPECT_EQ(r.model.actuals[0].executed->to_string(), "80000.00");
}

TEST(BudgetReason, AReasonOnTheBudgetIsAnError) {
  auto r = test::load_texts(
      {{"t.kpi", targets}, {"a.kpi", "actuals \"甲\" {\n  budget 90,000.00 元 because \"x\"\n}\n"}});
  EXPECT_FALSE(r.ok());
  EXPECT_NE(test::rendered(r).find("a.kpi:2:30: error: a reason goes with the executed amount"),
            std::string::npos)
      << test::rendered(r);
}

TEST(BudgetReason, AStaleReasonOfAnEarlierValueDoesNotCarryOver) {
  auto r = test::load_texts({{"t.kpi", targets},
                             {"a.kpi", "actuals \"甲\" {\n  \"场次\" = 1 次  because \"场地维修\"\n"
                                       "  executed 80,000.00 元\n}\n"}});
  ASSERT_TRUE(r.ok()) << test::rendered(r);
  EXPECT_EQ(r.model.actuals[0].executed_reason, "");
}

}  // namespace
}  // namespace kpi
