// The xlsx report: the 项目支出绩效自评表 layout, one sheet per project, and a sheet of the actuals
// that matched nothing (libxlsxwriter). Figures are exact 2-place decimals written as numbers; a
// double holds them to the cent and libxlsxwriter prints 16 significant digits, so the sheet
// shows exactly the JSON figures. Text is always written as a string cell, never a formula.
#include <fmt/format.h>
#include <xlsxwriter.h>
#include <cstdlib>

#include "engine/eval/report.hpp"
#include "engine/eval/xlsx_text.hpp"

namespace kpi::eval {
namespace {

constexpr const char* unmatched_sheet = "未匹配的实际完成值";

double number(const decimal& d) {
  return std::strtod(d.to_string().c_str(), nullptr);
}

struct formats {
  lxw_format* head;
  lxw_format* cell;
  lxw_format* money;
  lxw_format* pct;
};

// Writes the cells of one sheet. The first error of libxlsxwriter is kept and everything after
// it skipped; a cell cut to Excel's limit is a warning.
struct writer {
  lxw_worksheet* ws;
  const formats& f;
  std::string sheet;
  std::string& error;
  diagnostics& warnings;

  bool ok(lxw_error e, lxw_row_t r, lxw_col_t c) {
    if (e == LXW_NO_ERROR || !error.empty()) return error.empty();
    char ref[LXW_MAX_CELL_NAME_LENGTH];
    lxw_rowcol_to_cell(ref, r, c);
    error = fmt::format("sheet '{}', cell {}: {}", sheet, ref, lxw_strerror(e));
    return false;
  }
  std::string text(lxw_row_t r, lxw_col_t c, std::string_view s) {
    bool cut = false;
    std::string t = xlsx::cell_text(s, cut);
    if (cut) {
      char ref[LXW_MAX_CELL_NAME_LENGTH];
      lxw_rowcol_to_cell(ref, r, c);
      warnings.report(
          severity::warning, nullptr, {},
          {fmt::format("xlsx: sheet '{}', cell {} holds more than Excel's {} characters; it is "
                       "cut and ends with {} (the json report has the whole text)",
                       one_line(sheet), ref, xlsx::max_cell, xlsx::cut_mark),
           fmt::format("xlsx：工作表「{}」的单元格 {} 超过 Excel 的 {} 个字符上限，已截断，以"
                       "“{}”结尾（json 报告中有全文）",
                       one_line(sheet), ref, xlsx::max_cell, xlsx::cut_mark)});
    }
    return t;
  }
  void str(lxw_row_t r, lxw_col_t c, std::string_view s, lxw_format* style = nullptr) {
    if (!error.empty()) return;
    ok(worksheet_write_string(ws, r, c, text(r, c, s).c_str(), style ? style : f.cell), r, c);
  }
  void num(lxw_row_t r, lxw_col_t c, const std::optional<decimal>& d, lxw_format* style = nullptr) {
    if (!error.empty()) return;
    if (d)
      ok(worksheet_write_number(ws, r, c, number(*d), style ? style : f.money), r, c);
    else
      str(r, c, "-");
  }
  void merged(lxw_row_t r, lxw_col_t c1, lxw_col_t c2, std::string_view s, lxw_format* style) {
    if (!error.empty()) return;
    ok(worksheet_merge_range(ws, r, c1, r, c2, text(r, c1, s).c_str(), style), r, c1);
  }
  void column(lxw_col_t c1, lxw_col_t c2, double width) {
    if (!error.empty()) return;
    ok(worksheet_set_column(ws, c1, c2, width, nullptr), 0, c1);
  }
};

lxw_worksheet* add_sheet(lxw_workbook* wb, const std::string& name, std::string& error) {
  lxw_error e = workbook_validate_sheet_name(wb, name.c_str());
  lxw_worksheet* ws = e == LXW_NO_ERROR ? workbook_add_worksheet(wb, name.c_str()) : nullptr;
  if (ws == nullptr && error.empty())
    error = fmt::format("cannot add the sheet '{}': {}", one_line(name),
                        e == LXW_NO_ERROR ? "out of memory" : lxw_strerror(e));
  return ws;
}

void project_sheet(lxw_workbook* wb, const project_result& p, const std::string& name,
                   const formats& f, std::string& error, diagnostics& warnings) {
  lxw_worksheet* ws = add_sheet(wb, name, error);
  if (ws == nullptr) return;
  writer w{ws, f, name, error, warnings};
  w.column(0, 1, 14);
  w.column(2, 2, 36);
  w.column(3, 6, 14);
  w.column(7, 7, 40);
  w.merged(0, 0, 7, "项目支出绩效自评表", f.head);
  w.str(1, 0, "项目名称", f.head);
  w.merged(1, 1, 7, p.name, f.cell);
  // 项目资金 block.
  const budget_result& b = p.budget;
  const char* heads[] = {"项目资金（元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"};
  for (lxw_col_t c = 0; c < 6; ++c) w.str(2, c, heads[c], f.head);
  w.str(3, 0, "年度资金总额");
  w.num(3, 1, b.budget);
  w.num(3, 2, b.executed);
  w.num(3, 3, b.weight);
  if (b.rate)
    w.num(3, 4, b.rate->round(4), f.pct);
  else
    w.str(3, 4, "-");
  w.num(3, 5, b.score);
  w.str(3, 6, b.reason);
  // Indicator grid.
  const char* grid[] = {"一级指标",   "二级指标", "三级指标", "年度指标值",
                        "实际完成值", "分值",     "得分",     "偏差原因分析及改进措施"};
  for (lxw_col_t c = 0; c < 8; ++c) w.str(5, c, grid[c], f.head);
  lxw_row_t r = 6;
  for (const auto& i : p.indicators) {
    w.str(r, 0, i.ind->level1.view());
    w.str(r, 1, i.ind->level2.view());
    w.str(r, 2, i.ind->name.view());
    w.str(r, 3, i.target);
    w.str(r, 4, i.actual.empty() ? "（缺）" : i.actual);
    w.num(r, 5, i.weight);
    w.num(r, 6, i.score);
    std::string dev = deviation_text(i).zh;
    std::string note = note_text(i, lang::zh);
    w.str(r, 7, note.empty() ? dev : (dev.empty() ? note : dev + "：" + note));
    if (!error.empty()) return;
    ++r;
  }
  w.str(r, 0, "总分", f.head);
  decimal points = b.weight;
  for (const auto& i : p.indicators) points = points.add(i.weight).value_or(points);
  w.num(r, 5, points);
  w.num(r, 6, p.score);
  w.str(r, 7, "评价等级：" + p.grade + (p.complete ? "" : "（数据不完整）"));
}

// Every actual that matched no indicator or no project, one row each, as many as a sheet holds.
void unmatched_rows(lxw_workbook* wb, const eval_result& r, const std::string& name,
                    const formats& f, std::string& error, diagnostics& warnings) {
  lxw_worksheet* ws = add_sheet(wb, name, error);
  if (ws == nullptr) return;
  writer w{ws, f, name, error, warnings};
  w.column(0, 1, 30);
  w.column(2, 4, 20);
  const char* heads[] = {"项目名称", "三级指标", "实际完成值", "是否为", "原因"};
  for (lxw_col_t c = 0; c < 5; ++c) w.str(0, c, heads[c], f.head);
  std::size_t total = r.unmatched.size();
  for (const auto& p : r.projects) total += p.unmatched.size();
  lxw_row_t row = 1;
  auto put = [&](const unmatched_actual& u, bool no_project) {
    if (row + 1 >= LXW_ROW_MAX) return;  // the last row says how many are left out
    w.str(row, 0, u.project);
    w.str(row, 1, u.indicator);
    w.str(row, 2, u.actual);
    w.str(row, 3, u.suggestion);
    w.str(row, 4, no_project ? "无此项目" : "项目中无此指标");
    ++row;
  };
  for (const auto& p : r.projects)
    for (const auto& u : p.unmatched) put(u, false);
  for (const auto& u : r.unmatched) put(u, true);
  if (row - 1 < total) {
    std::size_t left = total - (row - 1);
    w.str(row, 0, fmt::format("另有 {} 条未列出（见 json 报告）", left));
    warnings.report(severity::warning, nullptr, {},
                    {fmt::format("xlsx: {} unmatched actuals do not fit in the sheet '{}'; the "
                                 "json report lists them all",
                                 left, name),
                     fmt::format("xlsx：工作表「{}」容纳不下另外 {} 条未匹配的实际完成值；json "
                                 "报告中有全部",
                                 name, left)});
  }
}

lxw_format* add_format(lxw_workbook* wb, std::string& error) {
  lxw_format* f = workbook_add_format(wb);
  if (f == nullptr && error.empty()) error = "out of memory";
  return f;
}

}  // namespace

bool report_xlsx(const eval_result& r, const std::string& path, std::string& error,
                 diagnostics& warnings) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) {
    error = "cannot create the workbook";
    return false;
  }
  error.clear();
  formats f{add_format(wb, error), add_format(wb, error), add_format(wb, error),
            add_format(wb, error)};
  if (error.empty()) {
    format_set_bold(f.head);
    format_set_border(f.head, LXW_BORDER_THIN);
    format_set_align(f.head, LXW_ALIGN_CENTER);
    format_set_border(f.cell, LXW_BORDER_THIN);
    format_set_text_wrap(f.cell);
    format_set_border(f.money, LXW_BORDER_THIN);
    format_set_num_format(f.money, "#,##0.00");
    format_set_border(f.pct, LXW_BORDER_THIN);
    format_set_num_format(f.pct, "0.00%");
  }
  xlsx::sheet_names names;
  const bool any_unmatched = r.has_unmatched();
  const std::string unmatched_name = any_unmatched ? names.take(unmatched_sheet) : "";
  for (const auto& p : r.projects) {
    if (!error.empty()) break;
    project_sheet(wb, p, names.take(p.name), f, error, warnings);
  }
  if (error.empty() && any_unmatched) unmatched_rows(wb, r, unmatched_name, f, error, warnings);
  if (error.empty() && r.projects.empty() && !any_unmatched && !workbook_add_worksheet(wb, nullptr))
    error = "out of memory";
  if (!error.empty()) {
    lxw_workbook_free(wb);  // writes nothing
    return false;
  }
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    error = lxw_strerror(e);
    return false;
  }
  return true;
}

}  // namespace kpi::eval
