// The text report: an aligned table per project, padded by display width (CJK is 2 columns).
// Every text from the input goes through one_line: a control character in a name or a note
// cannot move the cursor or start a line of its own.
#include <fmt/format.h>

#include "engine/base/utf8.hpp"
#include "engine/eval/match.hpp"
#include "engine/eval/report.hpp"

namespace kpi::eval {
namespace {

std::string pad(const std::string& s, int width, bool right) {
  int gap = std::max(0, width - utf8::width(s));
  return right ? std::string(gap, ' ') + s : s + std::string(gap, ' ');
}

struct table {
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right;         // right-aligned columns
  std::vector<std::string> after;  // a line printed under each row ("" for none)

  std::string render() const {
    std::vector<int> w(right.size(), 0);
    for (const auto& r : rows)
      for (std::size_t c = 0; c < r.size(); ++c) w[c] = std::max(w[c], utf8::width(r[c]));
    std::string out;
    for (std::size_t k = 0; k < rows.size(); ++k) {
      std::string line = " ";
      for (std::size_t c = 0; c < rows[k].size(); ++c)
        line += " " + pad(rows[k][c], w[c], right[c]);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
      if (k < after.size() && !after[k].empty()) out += "      " + after[k] + "\n";
    }
    return out;
  }
};

// " (did you mean '…'?)", the note that none was computed, or nothing.
std::string hint_text(const unmatched_actual& u, bool zh) {
  if (!u.suggestion.empty())
    return zh ? "（是否为「" + one_line(u.suggestion) + "」？）"
              : " (did you mean '" + one_line(u.suggestion) + "'?)";
  if (u.suggestion_skipped)
    return zh ? fmt::format("（未计算建议：未匹配的行超过 {} 行，或比较次数已达上限）",
                            max_suggested_rows)
              : fmt::format(
                    " (no suggestion computed: more than {} unmatched, or the run's "
                    "comparisons for suggestions are spent)",
                    max_suggested_rows);
  return "";
}

void project_text(std::string& out, const project_result& p, lang l, bool explain) {
  bool zh = l == lang::zh;
  out += fmt::format("{} {}  {} {}  {} {}{}\n", zh ? "项目" : "project", one_line(p.name),
                     zh ? "总分" : "total", p.score.to_string(), zh ? "等级" : "grade",
                     one_line(p.grade),
                     p.complete ? "" : (zh ? "  （数据不完整）" : "  (incomplete)"));
  const budget_result& b = p.budget;
  out += fmt::format("  {} {}  {} {}  {} {}  {} {}  {} {}{}\n", zh ? "全年预算数" : "budget",
                     b.budget ? b.budget->to_grouped_string() + " 元" : "-",
                     zh ? "全年执行数" : "executed",
                     b.executed ? b.executed->to_grouped_string() + " 元" : "-",
                     zh ? "执行率" : "rate", b.rate ? percent_text(*b.rate) : "-",
                     zh ? "分值" : "weight", b.weight.to_string(), zh ? "得分" : "score",
                     b.score.to_string(), b.reason.empty() ? "" : "  " + one_line(b.reason));
  if (explain && !b.explain.empty()) out += "      " + one_line(b.explain) + "\n";
  for (const auto& n : p.notes) out += "  " + one_line(zh ? n.zh : n.en) + "\n";
  table t;
  t.right = {false, false, false, false, true, true, true, false};
  t.rows.push_back(zh ? std::vector<std::string>{"一级指标", "三级指标", "指标值", "实际完成值",
                                                 "完成率", "分值", "得分", "偏差"}
                      : std::vector<std::string>{"level1", "indicator", "target", "actual",
                                                 "completion", "weight", "score", "deviation"});
  t.after.push_back("");
  for (const auto& i : p.indicators) {
    std::string dev(zh ? deviation_text(i).zh : deviation_text(i).en);
    std::string note = note_text(i, l);
    if (!note.empty())
      dev += (dev.empty() ? "" : (zh ? "：" : ": ")) + note;
    else if (i.needs_reason())
      dev += zh ? "（未说明原因）" : " (no reason given)";
    t.rows.push_back({one_line(i.ind->level1.str()), one_line(i.ind->name.str()),
                      one_line(i.target), i.actual.empty() ? "-" : one_line(i.actual),
                      completion_text(i), i.weight.to_string(), i.score.to_string(),
                      one_line(dev)});
    t.after.push_back(explain ? one_line(i.explain) : "");
  }
  out += t.render();
  for (const auto& u : p.unmatched)
    out += fmt::format("  {} {} = {}{}\n", zh ? "未匹配的实际完成值" : "unmatched actual",
                       one_line(u.indicator), one_line(u.actual), hint_text(u, zh));
  for (const auto& m : p.missing)
    out += fmt::format("  {} {}\n", zh ? "缺少实际完成值" : "missing actual", one_line(m));
  out += "\n";
}

void orphans_text(std::string& out, const eval_result& r, lang l) {
  bool zh = l == lang::zh;
  for (const auto& u : r.unmatched)
    out += fmt::format("{} {} / {} = {}{}\n",
                       zh ? "未匹配的实际完成值（无此项目）" : "unmatched actual (no such project)",
                       one_line(u.project), one_line(u.indicator), one_line(u.actual),
                       hint_text(u, zh));
}

class text_writer final : public report_stream {
 public:
  text_writer(lang l, bool explain, put_fn put) : l_(l), explain_(explain), put_(std::move(put)) {}
  void projects(const std::vector<project_result>& batch, std::size_t) override {
    put_in_chunks(
        batch.size(), texts_,
        [&](std::string& text, std::size_t b, std::size_t e) {
          for (std::size_t i = b; i < e; ++i) project_text(text, batch[i], l_, explain_);
        },
        put_);
  }
  void finish(const eval_result& r) override {
    std::string out;
    orphans_text(out, r, l_);
    put_(out);
  }

 private:
  lang l_;
  bool explain_;
  put_fn put_;
  std::vector<std::string> texts_;  // one per thread
};

}  // namespace

std::unique_ptr<report_stream> text_stream(lang l, bool explain, put_fn put) {
  return std::make_unique<text_writer>(l, explain, std::move(put));
}

std::string report_text(const eval_result& r, lang l, bool explain) {
  std::string out;
  text_writer w(l, explain, [&](std::string_view t) { out += t; });
  w.projects(r.projects, 0);
  w.finish(r);
  return out;
}

}  // namespace kpi::eval
