// The HTML report: one self-contained page (inline CSS, inline SVG; no network resources) with
// a summary of all projects, a chart of scores and completion, and the deviations that still
// need a reason.
#include <fmt/format.h>

#include "engine/eval/params.hpp"
#include "engine/eval/report.hpp"

namespace kpi::eval {
namespace {

std::string esc(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Share of full marks (0..100) as a plain number for SVG widths; display only.
std::string pct_of(const decimal& part, const decimal& whole) {
  if (whole.sign() <= 0) return "0";
  auto q = part.mul(decimal::from_int(100)).value_or(decimal{}).div(whole, 2).value_or(decimal{});
  return q.to_string();
}

std::string score_chart(const eval_result& r, bool zh) {
  int row = 26, left = 220, width = 600;
  int height = static_cast<int>(r.projects.size()) * row + 30;
  std::string svg = fmt::format(R"(<svg width="{}" height="{}" role="img" aria-label="{}">)",
                                left + width + 80, height, zh ? "项目得分" : "project scores");
  for (int tick : {60, 80, 90, 100}) {
    int x = left + width * tick / 100;
    svg += fmt::format(
        R"(<line x1="{0}" y1="0" x2="{0}" y2="{1}" class="tick"/><text x="{0}" y="{2}" class="axis">{3}</text>)",
        x, height - 20, height - 5, tick);
  }
  for (std::size_t k = 0; k < r.projects.size(); ++k) {
    const auto& p = r.projects[k];
    int y = static_cast<int>(k) * row + 4;
    svg += fmt::format(R"(<text x="{}" y="{}" class="label">{}</text>)", left - 8, y + 15,
                       esc(p.name));
    svg += fmt::format(
        R"(<rect x="{}" y="{}" height="18" width="{}" class="bar g-{}"/>)", left, y,
        fmt::format("{:.2f}", std::stod(pct_of(p.score, decimal::from_int(100))) * width / 100),
        esc(p.grade));
    svg += fmt::format(R"(<text x="{}" y="{}" class="value">{} {}</text>)", left + width + 6,
                       y + 14, p.score.to_string(), esc(p.grade));
  }
  return svg + "</svg>";
}

// Per project: each indicator's score as a share of its 分值, a strip of small bars.
std::string completion_chart(const project_result& p) {
  int bar = 14, gap = 3, h = 60;
  int n = static_cast<int>(p.indicators.size());
  std::string svg = fmt::format(R"(<svg width="{}" height="{}">)", n * (bar + gap) + 4, h + 4);
  for (int k = 0; k < n; ++k) {
    const auto& i = p.indicators[k];
    double share = std::stod(pct_of(i.score, i.weight));
    double bh = share * h / 100;
    svg += fmt::format(
        R"(<rect x="{}" y="{:.2f}" width="{}" height="{:.2f}" class="{}"><title>{} {}/{}</title></rect>)",
        k * (bar + gap) + 2, h - bh + 2, bar, bh, i.dev == deviation::none ? "ok" : "dev",
        esc(i.ind->name), i.score.to_string(), i.weight.to_string());
  }
  return svg + "</svg>";
}

const char* style =
    R"(body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
h1{font-size:22px}h2{font-size:18px;margin-top:28px}table{border-collapse:collapse;margin:8px 0}
td,th{border:1px solid #bbb;padding:3px 8px;font-size:13px}th{background:#eef}td.n{text-align:right}
.tick{stroke:#ddd}.axis{font-size:11px;fill:#777;text-anchor:middle}.label{font-size:13px;text-anchor:end}
.value{font-size:12px}.bar{fill:#4a7}.g-良{fill:#7b5}.g-中{fill:#eb4}.g-差{fill:#d54}.ok{fill:#4a7}.dev{fill:#e84}
.warn{color:#b40}.muted{color:#777})";

// The actuals that matched no indicator or no project, one row each.
template <typename Flush>
void unmatched_section(std::string& h, const eval_result& r, bool zh, Flush&& flush_if_large) {
  if (!r.has_unmatched()) return;
  h += fmt::format("<h2>{}</h2>\n<table><tr><th>{}</th></tr>\n",
                   zh ? "未匹配的实际完成值" : "Unmatched actuals",
                   zh ? "项目</th><th>三级指标</th><th>实际完成值</th><th>是否为</th><th>原因"
                      : "project</th><th>indicator</th><th>actual</th><th>did you "
                        "mean</th><th>why");
  auto row = [&](const unmatched_actual& u, bool no_project) {
    h +=
        fmt::format("<tr class=warn><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                    esc(u.project), esc(u.indicator), esc(u.actual), esc(u.suggestion),
                    no_project ? (zh ? "无此项目" : "no such project")
                               : (zh ? "项目中无此指标" : "no such indicator in the project"));
    flush_if_large();
  };
  for (const auto& p : r.projects)
    for (const auto& u : p.unmatched) row(u, false);
  for (const auto& u : r.unmatched) row(u, true);
  h += "</table>\n";
}

}  // namespace

void write_html(const eval_result& r, lang l, const put_fn& put) {
  bool zh = l == lang::zh;
  std::string h;
  // Handed to `put` a megabyte at a time: the page of a city's run is a hundred megabytes.
  auto flush_if_large = [&] {
    if (h.size() < (1u << 20)) return;
    put(h);
    h.clear();
  };
  h = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>";
  h += zh ? "绩效自评结果" : "Performance self-evaluation";
  h += "</title><style>" + std::string(style) + "</style></head><body>\n";
  h +=
      fmt::format("<h1>{}</h1><p class=\"muted\">{}</p>\n",
                  zh ? "项目支出绩效自评结果" : "Project performance self-evaluation", esc(r.pack));
  h += "<table><tr><th>" +
       std::string(zh ? "项目</th><th>预算执行率</th><th>总分</th><th>等级</th><th>数据完整</"
                        "th><th>待说明偏差"
                      : "project</th><th>budget "
                        "rate</th><th>total</th><th>grade</th><th>complete</th><th>deviations "
                        "without reason") +
       "</th></tr>\n";
  for (const auto& p : r.projects) {
    int open = p.budget.below_floor && p.budget.reason.empty() ? 1 : 0;
    for (const auto& i : p.indicators) open += i.needs_reason() ? 1 : 0;
    h += fmt::format(
        "<tr><td>{}</td><td class=n>{}</td><td class=n>{}</td><td>{}</td><td>{}</td><td "
        "class=n>{}</td></tr>\n",
        esc(p.name), p.budget.rate ? percent_text(*p.budget.rate) : "-", p.score.to_string(),
        esc(p.grade), p.complete ? "✓" : (zh ? "否" : "no"), open);
    flush_if_large();
  }
  h += "</table>\n" + score_chart(r, zh) + "\n";
  h += fmt::format("<h2>{}</h2><ul>\n",
                   zh ? "需说明原因的偏差" : "Deviations that still need a reason");
  for (const auto& p : r.projects) {
    if (p.budget.below_floor && p.budget.reason.empty())
      h += fmt::format("<li class=warn>{}：{} {}</li>\n", esc(p.name),
                       zh ? "预算执行率" : "budget execution rate", percent_text(*p.budget.rate));
    for (const auto& i : p.indicators)
      if (i.needs_reason())
        h += fmt::format("<li class=warn>{}：{}（{}，{} {}）</li>\n", esc(p.name), esc(i.ind->name),
                         esc(zh ? deviation_text(i).zh : deviation_text(i).en), esc(i.actual),
                         esc(i.target));
    flush_if_large();
  }
  h += "</ul>\n";
  unmatched_section(h, r, zh, flush_if_large);
  for (const auto& p : r.projects) {
    h += fmt::format("<h2>{} — {} {}</h2>\n", esc(p.name), p.score.to_string(), esc(p.grade));
    for (const auto& n : p.notes) h += "<p class=muted>" + esc(zh ? n.zh : n.en) + "</p>\n";
    h += completion_chart(p) + "\n<table><tr><th>" +
         std::string(zh ? "一级指标</th><th>三级指标</th><th>指标值</th><th>实际完成值</"
                          "th><th>完成率</th><th>分值</th><th>得分</th><th>偏差"
                        : "level1</th><th>indicator</th><th>target</th><th>actual</"
                          "th><th>completion</th><th>weight</th><th>score</th><th>deviation") +
         "</th></tr>\n";
    h += fmt::format(
        "<tr><td>{}</td><td>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td "
        "class=n>{}</td><td class=n>{}</td><td>{}</td></tr>\n",
        budget_row, budget_indicator, p.budget.budget ? p.budget.budget->to_grouped_string() : "-",
        p.budget.executed ? p.budget.executed->to_grouped_string() : "-",
        p.budget.rate ? percent_text(*p.budget.rate) : "", p.budget.weight.to_string(),
        p.budget.score.to_string(), esc(p.budget.reason));
    for (const auto& i : p.indicators) {
      std::string dev(zh ? deviation_text(i).zh : deviation_text(i).en);
      std::string note = note_text(i, l);
      h += fmt::format(
          "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=n>{}</td><td "
          "class=n>{}</td><td class=n>{}</td><td{}>{}</td></tr>\n",
          esc(i.ind->level1), esc(i.ind->name), esc(i.target),
          esc(i.actual.empty() ? "-" : i.actual), completion_text(i), i.weight.to_string(),
          i.score.to_string(), i.needs_reason() ? " class=warn" : "",
          esc(note.empty() ? dev : dev + (dev.empty() ? "" : "：") + note));
    }
    h += "</table>\n";
    flush_if_large();
  }
  h += "</body></html>\n";
  put(h);
}

std::string report_html(const eval_result& r, lang l) {
  std::string out;
  write_html(r, l, [&](std::string_view t) { out += t; });
  return out;
}

}  // namespace kpi::eval
