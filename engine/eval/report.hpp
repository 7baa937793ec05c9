// The reports of an evaluation, one file per format. All show the same figures: scores as
// exact 2-place decimals, each a sum of nothing but rounded scores.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/eval/result.hpp"
#include "engine/model/json_out.hpp"

namespace kpi::eval {

// SPEC §5: {"version":1,"projects":[…],"unmatched_actuals":[…]} — decimal figures as strings.
std::string report_json(const eval_result& r);
// The same text handed to `put` piece by piece (a few hundred projects at a time), for output
// of any size in little memory.
void write_json(const eval_result& r, const std::function<void(std::string_view)>& put);
// The same text again, written while the projects are scored (run_streamed): construct, hand
// it every batch of projects in order, then finish with the rest of the result.
class json_writer {
 public:
  explicit json_writer(std::function<void(std::string_view)> put);
  void projects(const std::vector<project_result>& batch, std::size_t first);
  void finish(const eval_result& r);

 private:
  std::function<void(std::string_view)> put_;
  std::string out_;
  json_out j_;
  std::vector<std::string> texts_;  // one per thread
};
// An aligned table per project (CJK-width aware); with `explain`, how each score was computed.
std::string report_text(const eval_result& r, lang l, bool explain);
// One row per indicator (and one per project for the budget execution), RFC 4180.
std::string report_csv(const eval_result& r);
// The 项目支出绩效自评表 layout, one sheet per project. False with `error` set on failure.
bool report_xlsx(const eval_result& r, const std::string& path, std::string& error);
// One self-contained page: summary, charts (inline SVG), deviations that still need a reason.
std::string report_html(const eval_result& r, lang l);

// Shared by the formats: "" for none.
std::string completion_text(const indicator_result& i);
std::string note_text(const indicator_result& i, lang l);

}  // namespace kpi::eval
