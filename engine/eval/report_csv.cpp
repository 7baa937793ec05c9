// The CSV report (docs/scoring.md "The csv report"): one row per indicator, the budget
// execution as the 预算执行率 row, one row per actual that matched nothing.
//
// Columns are text or numbers. A number column (completion, weight, score, project_score) holds a
// plain decimal or nothing. A text cell that a spreadsheet would take for a formula (it starts
// with = + - @ tab or CR, OWASP "CSV Injection") or that starts with ' gets a ' in front: a
// program reading the report drops one leading ' of a text cell.
#include <fmt/format.h>

#include "engine/eval/params.hpp"
#include "engine/eval/report.hpp"

namespace kpi::eval {
namespace {

// A number column's cell: as the decimal writes itself, never quoted.
struct number {
  std::string text;
};

std::string text_cell(const std::string& s) {
  if (s.empty() || std::string_view("=+-@\t\r'").find(s.front()) == std::string_view::npos)
    return s;
  return "'" + s;
}

// RFC 4180: quoted when it holds a comma, a quote or a line break.
std::string field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The 13 columns of `header`; `text` cells are neutralised, `number` cells kept as written.
struct cells {
  std::string project, level1, level2, indicator, target, actual;
  number completion, weight, score;
  std::string deviation, note;
  number project_score;
  std::string project_grade;
};

std::string row(const cells& c) {
  std::string out;
  auto text = [&](const std::string& s) { out += field(text_cell(s)) + ","; };
  auto num = [&](const number& n) { out += n.text + ","; };
  text(c.project);
  text(c.level1);
  text(c.level2);
  text(c.indicator);
  text(c.target);
  text(c.actual);
  num(c.completion);
  num(c.weight);
  num(c.score);
  text(c.deviation);
  text(c.note);
  num(c.project_score);
  out += field(text_cell(c.project_grade));
  return out + "\r\n";
}

const char* header =
    "project,level1,level2,indicator,target,actual,completion,weight,score,deviation,note,"
    "project_score,project_grade\r\n";

number ratio(const std::optional<decimal>& d) {
  return {d ? d->normalized().to_string() : ""};
}

// An actual that matched no indicator ("unmatched") or no project ("no_project").
std::string unmatched_row(const unmatched_actual& u, const project_result* p) {
  cells c;
  c.project = u.project;
  c.indicator = u.indicator;
  c.actual = u.actual;
  c.deviation = p ? "unmatched" : "no_project";
  if (!u.suggestion.empty()) c.note = "是否为「" + u.suggestion + "」？";
  if (p) {
    c.project_score = {p->score.to_string()};
    c.project_grade = p->grade;
  }
  return row(c);
}

void project_rows(std::string& out, const project_result& p) {
  const budget_result& b = p.budget;
  cells c;
  c.project = p.name;
  c.level1 = budget_row;
  c.indicator = budget_indicator;
  c.target = b.budget ? b.budget->to_string() + " 元" : "";
  c.actual = b.executed ? b.executed->to_string() + " 元" : "";
  c.completion = ratio(b.rate);
  c.weight = {b.weight.to_string()};
  c.score = {b.score.to_string()};
  c.deviation = b.below_floor ? "below_floor" : "";
  c.note = b.reason;
  c.project_score = {p.score.to_string()};
  c.project_grade = p.grade;
  out += row(c);
  for (const auto& i : p.indicators) {
    c.level1 = i.ind->level1.str();
    c.level2 = i.ind->level2.str();
    c.indicator = i.ind->name.str();
    c.target = i.target;
    c.actual = i.actual;
    c.completion = ratio(i.completion);
    c.weight = {i.weight.to_string()};
    c.score = {i.score.to_string()};
    c.deviation = std::string(deviation_code(i.dev));
    c.note = note_text(i, lang::zh);
    out += row(c);
  }
  for (const auto& u : p.unmatched) out += unmatched_row(u, &p);
}

class csv_writer final : public report_stream {
 public:
  explicit csv_writer(put_fn put) : put_(std::move(put)) { put_(header); }
  void projects(const std::vector<project_result>& batch, std::size_t) override {
    put_in_chunks(
        batch.size(), texts_,
        [&](std::string& text, std::size_t b, std::size_t e) {
          for (std::size_t i = b; i < e; ++i) project_rows(text, batch[i]);
        },
        put_);
  }
  void finish(const eval_result& r) override {
    std::string out;
    for (const auto& u : r.unmatched) out += unmatched_row(u, nullptr);
    put_(out);
  }

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
