// The xlsx report: the 项目支出绩效自评表 layout, one sheet per project (libxlsxwriter).
// Figures are exact 2-place decimals written as numbers; a double holds them to the cent and
// libxlsxwriter prints 16 significant digits, so the sheet shows exactly the JSON figures.
#include <fmt/format.h>
#include <xlsxwriter.h>
#include <cstdlib>
#include <set>

#include "engine/base/utf8.hpp"
#include "engine/eval/report.hpp"

namespace kpi::eval {
namespace {

double number(const decimal& d) {
  return std::strtod(d.to_string().c_str(), nullptr);
}

// Sheet names: at most 31 characters, none of []:*?/\, unique.
std::string sheet_name(const std::string& project, std::set<std::string>& used) {
  std::string clean;
  std::size_t i = 0;
  int n = 0;
  while (i < project.size() && n < 28) {
    std::size_t start = i;
    char32_t cp = utf8::next(project, i);
    if (std::u32string_view(U"[]:*?/\\").find(cp) != std::u32string_view::npos)
      clean += '_';
    else
      clean += project.substr(start, i - start);
    ++n;
  }
  if (clean.empty()) clean = "项目";
  std::string name = clean;
  for (int k = 2; !used.insert(name).second; ++k) name = fmt::format("{}_{}", clean, k);
  return name;
}

struct writer {
  lxw_worksheet* ws;
  lxw_format* head;
  lxw_format* cell;
  lxw_format* money;
  lxw_format* pct;

  void str(int r, int c, const std::string& s, lxw_format* f = nullptr) {
    worksheet_write_string(ws, r, c, s.c_str(), f ? f : cell);
  }
  void num(int r, int c, const std::optional<decimal>& d, lxw_format* f = nullptr) {
    if (d)
      worksheet_write_number(ws, r, c, number(*d), f ? f : money);
    else
      str(r, c, "-");
  }
};

void project_sheet(lxw_workbook* wb, const project_result& p, std::set<std::string>& used,
                   lxw_format* head, lxw_format* cell, lxw_format* money, lxw_format* pct) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(p.name, used).c_str());
  writer w{ws, head, cell, money, pct};
  worksheet_set_column(ws, 0, 1, 14, nullptr);
  worksheet_set_column(ws, 2, 2, 36, nullptr);
  worksheet_set_column(ws, 3, 6, 14, nullptr);
  worksheet_set_column(ws, 7, 7, 40, nullptr);
  worksheet_merge_range(ws, 0, 0, 0, 7, "项目支出绩效自评表", head);
  w.str(1, 0, "项目名称", head);
  worksheet_merge_range(ws, 1, 1, 1, 7, p.name.c_str(), cell);
  // 项目资金 block.
  const budget_result& b = p.budget;
  const char* heads[] = {"项目资金（元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"};
  for (int c = 0; c < 6; ++c) w.str(2, c, heads[c], head);
  w.str(3, 0, "年度资金总额");
  w.num(3, 1, b.budget);
  w.num(3, 2, b.executed);
  w.num(3, 3, b.weight);
  if (b.rate)
    worksheet_write_number(ws, 3, 4, number(b.rate->round(4)), pct);
  else
    w.str(3, 4, "-");
  w.num(3, 5, b.score);
  w.str(3, 6, b.reason);
  // Indicator grid.
  const char* grid[] = {"一级指标",   "二级指标", "三级指标", "年度指标值",
                        "实际完成值", "分值",     "得分",     "偏差原因分析及改进措施"};
  for (int c = 0; c < 8; ++c) w.str(5, c, grid[c], head);
  int r = 6;
  for (const auto& i : p.indicators) {
    w.str(r, 0, i.ind->level1.str());
    w.str(r, 1, i.ind->level2.str());
    w.str(r, 2, i.ind->name.str());
    w.str(r, 3, i.target);
    w.str(r, 4, i.actual.empty() ? "（缺）" : i.actual);
    w.num(r, 5, i.weight);
    w.num(r, 6, i.score);
    std::string dev = deviation_text(i).zh;
    std::string note = note_text(i, lang::zh);
    w.str(r, 7, note.empty() ? dev : (dev.empty() ? note : dev + "：" + note));
    ++r;
  }
  w.str(r, 0, "总分", head);
  decimal points = b.weight;
  for (const auto& i : p.indicators) points = points.add(i.weight).value_or(points);
  w.num(r, 5, points);
  w.num(r, 6, p.score);
  w.str(r, 7, "评价等级：" + p.grade + (p.complete ? "" : "（数据不完整）"));
}

}  // namespace

bool report_xlsx(const eval_result& r, const std::string& path, std::string& error) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) {
    error = "cannot create the workbook";
    return false;
  }
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_align(head, LXW_ALIGN_CENTER);
  lxw_format* cell = workbook_add_format(wb);
  format_set_border(cell, LXW_BORDER_THIN);
  format_set_text_wrap(cell);
  lxw_format* money = workbook_add_format(wb);
  format_set_border(money, LXW_BORDER_THIN);
  format_set_num_format(money, "#,##0.00");
  lxw_format* pct = workbook_add_format(wb);
  format_set_border(pct, LXW_BORDER_THIN);
  format_set_num_format(pct, "0.00%");
  std::set<std::string> used;
  for (const auto& p : r.projects) project_sheet(wb, p, used, head, cell, money, pct);
  if (r.projects.empty()) workbook_add_worksheet(wb, nullptr);
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    error = lxw_strerror(e);
    return false;
  }
  return true;
}

}  // namespace kpi::eval
