// The JSON report (SPEC §5), stable key order.
#include <algorithm>
#include <functional>

#include "engine/eval/report.hpp"
#include "engine/model/json_out.hpp"

namespace kpi::eval {
namespace {

void str_or_null(json_out& j, const char* key, const std::optional<decimal>& d) {
  j.key(key);
  if (d)
    j.string(d->to_string());
  else
    j.null();
}
void ratio(json_out& j, const char* key, const std::optional<decimal>& d) {
  j.key(key);
  if (d)
    j.string(d->normalized().to_string());
  else
    j.null();
}

void unmatched_json(json_out& j, const unmatched_actual& u) {
  j.begin_object();
  j.field("project", u.project);
  j.field("indicator", u.indicator);
  j.field("actual", u.actual);
  j.key("did_you_mean");
  if (u.suggestion.empty())
    j.null();
  else
    j.string(u.suggestion);
  if (u.suggestion_skipped) {
    j.key("suggestion_skipped");
    j.boolean(true);
  }
  j.end_object();
}

void project_json(json_out& j, const project_result& p) {
  j.begin_object();
  j.field("name", p.name);
  j.field("score", p.score.to_string());
  j.field("grade", p.grade);
  j.key("complete");
  j.boolean(p.complete);
  j.key("budget_execution");
  j.begin_object();
  str_or_null(j, "budget", p.budget.budget);
  str_or_null(j, "executed", p.budget.executed);
  ratio(j, "rate", p.budget.rate);
  j.field("weight", p.budget.weight.to_string());
  j.field("score", p.budget.score.to_string());
  j.field("note", p.budget.reason);
  j.end_object();
  j.key("indicators");
  j.begin_array();
  for (const auto& i : p.indicators) {
    j.begin_object();
    j.field("level1", i.ind->level1);
    j.field("level2", i.ind->level2);
    j.field("name", i.ind->name);
    j.field("target", i.target);
    j.key("actual");
    if (i.dev == deviation::missing)
      j.null();
    else
      j.string(i.actual);
    ratio(j, "completion", i.completion);
    j.field("weight", i.weight.to_string());
    j.field("score", i.score.to_string());
    j.key("deviation");
    if (i.dev == deviation::none)
      j.null();
    else
      j.string(deviation_code(i.dev));
    j.field("note", note_text(i, lang::zh));
    j.end_object();
  }
  j.end_array();
  j.key("unmatched_actuals");
  j.begin_array();
  for (const auto& u : p.unmatched) unmatched_json(j, u);
  j.end_array();
  j.key("missing_actuals");
  j.begin_array();
  for (const auto& m : p.missing) j.string(m);
  j.end_array();
  j.key("notes");
  j.begin_array();
  for (const auto& n : p.notes) j.string(n.zh);
  j.end_array();
  j.end_object();
}

}  // namespace

std::string completion_text(const indicator_result& i) {
  return i.completion ? percent_text(*i.completion) : "";
}

std::string note_text(const indicator_result& i, lang l) {
  std::string out = i.reason;
  if (i.computed) {
    std::string o = l == lang::zh ? "评价人调整得分 " + i.score.to_string() + "（计算得分 " +
                                        i.computed->to_string() + "）：" + i.override_reason
                                  : "assessor override " + i.score.to_string() + " (computed " +
                                        i.computed->to_string() + "): " + i.override_reason;
    out = out.empty() ? o : out + "; " + o;
  }
  return out;
}

// Written straight to text in SPEC §5 key order (json_out keeps nlohmann's dump(2) layout), a
// batch of projects at a time: each batch is split into chunks written on their own threads,
// then handed to `put` in order, so memory holds one batch of text, not the whole report.
json_writer::json_writer(put_fn put) : put_(std::move(put)), j_(out_) {
  j_.begin_object();
  j_.key("version");
  j_.integer(1);
  j_.key("projects");
  j_.begin_array();
}

void json_writer::projects(const std::vector<project_result>& batch, std::size_t first) {
  put_(out_);
  out_.clear();
  put_in_chunks(
      batch.size(), texts_,
      [&](std::string& text, std::size_t b, std::size_t e) {
        json_out jc(text, {2, static_cast<std::uint32_t>(first + b)});
        for (std::size_t i = b; i < e; ++i) project_json(jc, batch[i]);
      },
      put_);
  j_.written_elsewhere(static_cast<std::uint32_t>(batch.size()));
}

void json_writer::finish(const eval_result& r) {
  j_.end_array();
  j_.key("unmatched_actuals");
  j_.begin_array();
  for (const auto& u : r.unmatched) unmatched_json(j_, u);
  j_.end_array();
  j_.end_object();
  out_ += '\n';
  put_(out_);
  out_.clear();
}

void write_json(const eval_result& r, const put_fn& put) {
  json_writer w(put);
  w.projects(r.projects, 0);
  w.finish(r);
}

std::string report_json(const eval_result& r) {
  std::string out;
  write_json(r, [&](std::string_view s) { out += s; });
  return out;
}

}  // namespace kpi::eval
