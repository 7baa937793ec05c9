// The reports of an evaluation, one file per format. All show the same figures: scores as
// exact 2-place decimals, each a sum of nothing but rounded scores.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/eval/result.hpp"
#include "engine/model/json_out.hpp"

namespace kpi::eval {

using put_fn = std::function<void(std::string_view)>;

// A report written while the projects are scored (run_streamed), so that memory holds one
// batch of text, not the whole report: hand it every batch of projects in order, then finish
// with the rest of the result. The text is exactly that of the whole-result function.
class report_stream {
 public:
  virtual ~report_stream() = default;
  virtual void projects(const std::vector<project_result>& batch, std::size_t first) = 0;
  virtual void finish(const eval_result& r) = 0;
};
// "json", "text" or "csv"; nullptr for a format that needs every project first (xlsx, html).
std::unique_ptr<report_stream> stream_report(std::string_view format, lang l, bool explain,
                                             put_fn put);

// SPEC §5: {"version":1,"projects":[…],"unmatched_actuals":[…]} — decimal figures as strings.
std::string report_json(const eval_result& r);
// The same text handed to `put` piece by piece (a few hundred projects at a time), for output
// of any size in little memory.
void write_json(const eval_result& r, const put_fn& put);
class json_writer final : public report_stream {
 public:
  explicit json_writer(put_fn put);
  void projects(const std::vector<project_result>& batch, std::size_t first) override;
  void finish(const eval_result& r) override;

 private:
  put_fn put_;
  std::string out_;
  json_out j_;
  std::vector<std::string> texts_;  // one per thread
};
// An aligned table per project (CJK-width aware); with `explain`, how each score was computed.
std::string report_text(const eval_result& r, lang l, bool explain);
std::unique_ptr<report_stream> text_stream(lang l, bool explain, put_fn put);
// One row per indicator (and one per project for the budget execution), RFC 4180.
std::string report_csv(const eval_result& r);
std::unique_ptr<report_stream> csv_stream(put_fn put);

// Formats a batch of projects on the engine's threads, `format(text, begin, end)` appending
// projects [begin, end) of the batch to a chunk's text, and hands the texts to `put` in order.
void put_in_chunks(std::size_t n, std::vector<std::string>& texts,
                   const std::function<void(std::string&, std::size_t, std::size_t)>& format,
                   const put_fn& put);
// The 项目支出绩效自评表 layout, one sheet per project, and the sheet 未匹配的实际完成值 when
// actuals matched nothing, written to `path` (a temporary name that the caller renames:
// file_reader::write_named). False with `error` set to the reason, without the path, on
// failure; a cell cut to Excel's limit is a warning in `warnings`.
bool report_xlsx(const eval_result& r, const std::string& path, std::string& error,
                 diagnostics& warnings);
// One self-contained page: summary, charts (inline SVG), deviations that still need a reason.
std::string report_html(const eval_result& r, lang l);
// The same page handed to `put` a megabyte at a time.
void write_html(const eval_result& r, lang l, const put_fn& put);

// Shared by the formats: "" for none.
std::string completion_text(const indicator_result& i);
std::string note_text(const indicator_result& i, lang l);

}  // namespace kpi::eval
