// `kpi eval --format json|text|csv` scores and writes a batch of projects at a time
// (run_streamed and stream_report): the text, the findings and the exit status are those of
// the whole run, for every format, batch size and number of jobs.
#include <gtest/gtest.h>

#include "engine/eval/report.hpp"
#include "engine/eval/session.hpp"
#include "engine/load/parallel.hpp"
#include "tests/support/helpers.hpp"

namespace kpi::eval {
namespace {

// 150 projects; every 7th lacks an actual, every 11th has one for an indicator it does not
// have, and every 13th exceeds its cost target without a reason (a finding).
memory_reader many_projects() {
  std::string targets, actuals = "project,indicator,actual,note\n";
  for (int i = 0; i < 150; ++i) {
    std::string name = "项目" + std::to_string(i);
    targets += "project \"" + name +
               "\" {\n  成本指标 { 经济成本指标 { \"费用\" <= 10 万元 } }\n"
               "  产出指标 { 数量指标 { \"场次\" >= 20 场 } }\n}\n";
    actuals += name + ",预算执行数,90000元,\n";
    actuals += name + ",费用," + (i % 13 == 0 ? "12" : "9") + "万元,\n";
    if (i % 7 != 0) actuals += name + ",场次," + std::to_string(10 + i % 15) + "场,\n";
    if (i % 11 == 0) actuals += name + ",场数,3场,\n";
  }
  actuals += "不存在的项目,场次,1场,\n";
  memory_reader reader;
  reader.files = {{"t.kpi", targets}, {"a.csv", actuals}};
  return reader;
}

struct outcome {
  std::string json, text, csv;
  std::string findings;
  int status = 0;
};

outcome whole(const session& s) {
  eval_result r = run(s);
  return {report_json(r), report_text(r, lang::zh, true), report_csv(r),
          render_all(r.findings, lang::en), exit_status(r, {})};
}

// One format streamed; the others' texts stay empty.
outcome streamed(const session& s, std::size_t batch, std::string_view format) {
  outcome o;
  std::string& text = format == "json" ? o.json : format == "text" ? o.text : o.csv;
  auto w = stream_report(format, lang::zh, true, [&](std::string_view t) { text += t; });
  std::size_t next = 0;
  eval_result r = run_streamed(s, batch, [&](const auto& projects, std::size_t first) {
    EXPECT_EQ(first, next);  // in order, none skipped
    EXPECT_LE(projects.size(), batch);
    next += projects.size();
    w->projects(projects, first);
  });
  w->finish(r);
  EXPECT_TRUE(r.projects.empty());
  EXPECT_EQ(r.streamed.projects, next);
  o.findings = render_all(r.findings, lang::en);
  o.status = exit_status(r, {});
  return o;
}

TEST(EvalStream, EveryBatchSizeAndJobCountGivesTheWholeRunsReport) {
  memory_reader reader = many_projects();
  session s = prepare({{"t.kpi", "a.csv"}, "", {}}, reader);
  ASSERT_TRUE(s.ok()) << render_all(s.diags, lang::en);
  set_jobs(1);
  const outcome want = whole(s);
  EXPECT_EQ(want.status, 1);  // unmatched and missing actuals
  EXPECT_NE(want.findings, "");
  EXPECT_NE(want.json.find("\"项目149\""), std::string::npos);
  EXPECT_NE(want.text.find("项目 项目149"), std::string::npos);
  EXPECT_NE(want.text.find("不存在的项目"), std::string::npos);  // actuals of no project, last
  EXPECT_NE(want.csv.find("\r\n项目149,"), std::string::npos);
  for (unsigned jobs : {1u, 2u, 3u}) {
    set_jobs(jobs);
    for (std::size_t batch : {1u, 7u, 64u, 150u, 4096u}) {
      for (std::string_view format : {"json", "text", "csv"}) {
        outcome got = streamed(s, batch, format);
        const std::string& text = format == "json"   ? got.json
                                  : format == "text" ? got.text
                                                     : got.csv;
        const std::string& expected = format == "json"   ? want.json
                                      : format == "text" ? want.text
                                                         : want.csv;
        EXPECT_EQ(text, expected) << format << ", jobs " << jobs << ", batch " << batch;
        EXPECT_EQ(got.findings, want.findings);
        EXPECT_EQ(got.status, want.status);
      }
    }
  }
  set_jobs(1);
}

TEST(EvalStream, ExitStatusSeesWhatTheBatchesHeld) {
  memory_reader reader;
  reader.files = {{"t.kpi",
                   "project \"p\" {\n  funds total 10 元\n"
                   "  产出指标 { 数量指标 { \"x\" >= 2 场 } }\n}\n"},
                  {"a.csv", "project,indicator,actual\np,预算执行数,10元\np,x,2场\n"}};
  session s = prepare({{"t.kpi", "a.csv"}, "", {}}, reader);
  ASSERT_TRUE(s.ok()) << render_all(s.diags, lang::en);
  eval_result clean = run_streamed(s, 1, [](const auto&, std::size_t) {});
  EXPECT_EQ(exit_status(clean, {}), 0);

  reader.files["a.csv"] = "project,indicator,actual\np,预算执行数,10元\np,y,2场\n";
  s = prepare({{"t.kpi", "a.csv"}, "", {}}, reader);
  ASSERT_TRUE(s.ok()) << render_all(s.diags, lang::en);
  eval_result r = run_streamed(s, 1, [](const auto&, std::size_t) {});
  EXPECT_TRUE(r.streamed.unmatched);
  EXPECT_TRUE(r.streamed.missing);
  EXPECT_EQ(exit_status(r, {}), 1);
  EXPECT_EQ(exit_status(r, {true, false}), 1);
  EXPECT_EQ(exit_status(r, {false, true}), 1);
  EXPECT_EQ(exit_status(r, {true, true}), 0);
}

}  // namespace
}  // namespace kpi::eval
