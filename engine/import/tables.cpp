#include "engine/import/tables.hpp"

#include <fmt/format.h>

#include "engine/base/date.hpp"
#include "engine/import/cells.hpp"
#include "engine/import/rows.hpp"
#include "engine/import/target.hpp"

namespace kpi::importer {
namespace {

// `1,017,000.00`, `0.00`, `236500`: the number syntax of the language (thousands separators
// only in groups of three).
bool is_number_text(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  std::size_t start = i;
  int group = 0;
  bool commas = false;
  for (; i < s.size() && s[i] != '.'; ++i) {
    if (s[i] == ',') {
      if (group == 0 || (commas && group != 3) || (!commas && group > 3)) return false;
      commas = true;
      group = 0;
    } else if (s[i] >= '0' && s[i] <= '9') {
      ++group;
    } else {
      return false;
    }
  }
  if (i == start || group == 0 || (commas && group != 3)) return false;
  if (i < s.size()) {
    if (++i == s.size()) return false;
    for (; i < s.size(); ++i)
      if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

class table_reader {
 public:
  table_reader(const std::string& file, const environment& env) : file_(file), env_(env) {}

  read_tables_result run(std::string_view text) {
    for (const cell_line& line : split_cells(text)) take(line);
    return std::move(out_);
  }

 private:
  const std::string& file_;
  const environment& env_;
  read_tables_result out_;
  bool in_indicators_ = false;
  bool goal_pending_ = false;

  project_table& current(std::uint32_t line) {
    if (out_.projects.empty()) begin_project(line);
    return out_.projects.back();
  }

  void begin_project(std::uint32_t line) {
    out_.projects.push_back({});
    out_.projects.back().at = {file_, line};
    in_indicators_ = false;
    goal_pending_ = false;
  }

  void add_note(note_kind k, std::uint32_t line, std::string indicator, text message) {
    std::string project = out_.projects.empty() ? std::string() : out_.projects.back().name;
    out_.notes.push_back(
        {k, {file_, line}, std::move(project), std::move(indicator), std::move(message)});
  }

  void take(const cell_line& line) {
    classified_row r = classify(line);
    switch (r.kind) {
      case row_kind::blank:
        return;
      case row_kind::title:
        in_indicators_ = false;
        goal_pending_ = false;
        return;
      case row_kind::fields:
        take_fields(line.line, r);
        return;
      case row_kind::column_heads:
        current(line.line);
        in_indicators_ = true;
        goal_pending_ = false;
        return;
      case row_kind::body:
        take_body(line, r);
        return;
    }
  }

  void take_fields(std::uint32_t line, const classified_row& r) {
    for (const field_cell& f : r.fields) {
      if (f.key == field::name && (out_.projects.empty() || !out_.projects.back().name.empty() ||
                                   !out_.projects.back().rows.empty()))
        begin_project(line);
      project_table& p = current(line);
      if (f.key == field::name) p.at = {file_, line};
      in_indicators_ = false;
      if (f.key == field::goal) {
        if (f.value) p.goal += clean_goal(*f.value);
        goal_pending_ = !f.value;
        continue;
      }
      if (!f.value) continue;
      set_field(line, p, f.key, *f.value);
    }
  }

  void set_field(std::uint32_t line, project_table& p, field key, const std::string& value) {
    switch (key) {
      case field::name:
        p.name = value;
        return;
      case field::department:
        p.department = value;
        return;
      case field::unit:
        p.unit = value;
        return;
      case field::nature:
        p.nature = value;
        return;
      case field::category:
        p.category = value;
        return;
      case field::period_from:
        set_date(line, p.period_from, value);
        return;
      case field::period_to:
        set_date(line, p.period_to, value);
        return;
      case field::total:
        set_money(line, p.total, value);
        return;
      case field::fiscal:
        set_money(line, p.fiscal, value);
        return;
      case field::carryover:
        set_money(line, p.carryover, value);
        return;
      case field::other:
        set_money(line, p.other, value);
        return;
      case field::goal:
        p.goal += clean_goal(value);
        return;
    }
  }

  void set_date(std::uint32_t line, std::string& to, const std::string& value) {
    if (date::parse(value)) {
      to = value;
      return;
    }
    add_note(note_kind::bad_field, line, "",
             {fmt::format("{} is not a date (YYYY-MM-DD): the period is left out", value),
              fmt::format("“{}”不是日期（YYYY-MM-DD）：不写入 period", value)});
  }

  void set_money(std::uint32_t line, std::string& to, const std::string& value) {
    if (is_number_text(value) && decimal::parse(value)) {
      to = value;
      return;
    }
    add_note(note_kind::bad_field, line, "",
             {fmt::format("{} is not an amount in 元: left out of funds", value),
              fmt::format("“{}”不是以元计的金额：不写入 funds", value)});
  }

  void take_body(const cell_line& line, const classified_row& r) {
    if (r.labels.empty() && r.rest.empty()) return;  // only pieces of the 绩效指标 caption
    if (!in_indicators_) {
      if (goal_pending_ && r.labels.empty()) {
        current(line.line).goal += clean_goal(r.rest.back());
        return;
      }
      if (r.labels.empty() || out_.projects.empty()) {
        add_note(note_kind::ignored_line, line.line, "",
                 {"neither a header field, a label nor an indicator row: ignored",
                  "既不是表头字段，也不是指标标签或指标行：忽略"});
        return;
      }
      in_indicators_ = true;  // a label without the column heads above it
      goal_pending_ = false;
    }
    project_table& p = current(line.line);
    int row_index = -1;
    if (!r.rest.empty()) {
      row_index = static_cast<int>(p.rows.size());
      p.rows.push_back(make_row(line.line, r.rest));
    }
    if (!r.labels.empty()) p.labels.push_back({{file_, line.line}, r.labels, row_index});
  }

  row make_row(std::uint32_t line, const std::vector<std::string>& cells) {
    row out;
    out.at = {file_, line};
    if (cells.size() == 1) {
      out.name = cells[0];
      out.broken = true;
      return out;
    }
    for (std::size_t i = 0; i + 1 < cells.size(); ++i) out.name += cells[i];
    if (cells.size() > 2)
      add_note(
          note_kind::joined_cells, line, out.name,
          {fmt::format("{} cells before the target are joined into one name", cells.size() - 1),
           fmt::format("指标值前的 {} 个单元格合并为一个指标名称", cells.size() - 1)});
    target_reading t = read_target(cells.back(), env_);
    out.goal = std::move(t.value);
    if (t.guess) add_note(*t.guess, line, out.name, std::move(t.why));
    return out;
  }
};

// Drops everything between '<' and '>' and decodes the common entities.
std::string strip_tags(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      std::size_t close = s.find('>', i);
      if (close != std::string_view::npos) {
        i = close;
        out += '\n';  // a tag ends a paragraph
        continue;
      }
    }
    if (s[i] == '&') {
      bool done = false;
      for (auto [entity, ch] : {std::pair{"&nbsp;", " "},
                                {"&lt;", "<"},
                                {"&gt;", ">"},
                                {"&amp;", "&"},
                                {"&quot;", "\""}}) {
        if (s.substr(i).starts_with(entity)) {
          out += ch;
          i += std::string_view(entity).size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += s[i];
  }
  return out;
}

}  // namespace

std::string clean_goal(std::string_view html) {
  std::string text = strip_tags(html);
  std::string out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    out += trim(std::string_view(text).substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

read_tables_result read_tables(const std::string& file, std::string_view text,
                               const environment& env) {
  return table_reader(file, env).run(text);
}

}  // namespace kpi::importer
