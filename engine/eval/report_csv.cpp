// The CSV report: one row per indicator, the budget execution as the 预算执行率 row.
#include <fmt/format.h>

#include "engine/eval/params.hpp"
#include "engine/eval/report.hpp"

namespace kpi::eval {
namespace {

std::string field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t k = 0; k < cells.size(); ++k) out += (k ? "," : "") + field(cells[k]);
  return out + "\r\n";
}

const std::vector<std::string> header = {
    "project", "level1", "level2",    "indicator", "target",        "actual",       "completion",
    "weight",  "score",  "deviation", "note",      "project_score", "project_grade"};

void project_rows(std::string& out, const project_result& p) {
  const budget_result& b = p.budget;
  out += row(
      {p.name, budget_row, "", budget_indicator, b.budget ? b.budget->to_string() + " 元" : "",
       b.executed ? b.executed->to_string() + " 元" : "",
       b.rate ? b.rate->normalized().to_string() : "", b.weight.to_string(), b.score.to_string(),
       b.below_floor ? "below_floor" : "", b.reason, p.score.to_string(), p.grade});
  for (const auto& i : p.indicators)
    out += row({p.name, i.ind->level1.str(), i.ind->level2.str(), i.ind->name.str(), i.target,
                i.actual, i.completion ? i.completion->normalized().to_string() : "",
                i.weight.to_string(), i.score.to_string(), std::string(deviation_code(i.dev)),
                note_text(i, lang::zh), p.score.to_string(), p.grade});
}

class csv_writer final : public report_stream {
 public:
  explicit csv_writer(put_fn put) : put_(std::move(put)) { put_(row(header)); }
  void projects(const std::vector<project_result>& batch, std::size_t) override {
    put_in_chunks(
        batch.size(), texts_,
        [&](std::string& text, std::size_t b, std::size_t e) {
          for (std::size_t i = b; i < e; ++i) project_rows(text, batch[i]);
        },
        put_);
  }
  void finish(const eval_result&) override {}  // actuals of no project are not rows of any

 private:
  put_fn put_;
  std::vector<std::string> texts_;  // one per thread
};

}  // namespace

std::unique_ptr<report_stream> csv_stream(put_fn put) {
  return std::make_unique<csv_writer>(std::move(put));
}

std::string report_csv(const eval_result& r) {
  std::string out;
  csv_writer w([&](std::string_view t) { out += t; });
  w.projects(r.projects, 0);
  w.finish(r);
  return out;
}

}  // namespace kpi::eval
