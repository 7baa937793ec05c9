// The CSV reader for actuals: records, header, then each cell's value as in .kpi actuals.
#include "engine/eval/csv.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "engine/check/quantities.hpp"
#include "engine/eval/params.hpp"

namespace kpi::eval {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Trims ASCII blanks and U+3000 at both ends, moving `offset` with the front.
std::string_view trim(std::string_view s, std::uint32_t& offset) {
  auto front = [&](std::string_view pre) { return s.substr(0, pre.size()) == pre; };
  auto back = [&](std::string_view suf) {
    return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
  };
  for (;;) {
    if (front(" ") || front("\t"))
      s.remove_prefix(1), offset += 1;
    else if (front("\u3000"))
      s.remove_prefix(3), offset += 3;
    else
      break;
  }
  for (;;) {
    if (back(" ") || back("\t"))
      s.remove_suffix(1);
    else if (back("\u3000"))
      s.remove_suffix(3);
    else
      break;
  }
  return s;
}

// Length of a leading `[-+]digits[,digits][.digits]`, 0 when there is none.
std::size_t number_prefix(std::string_view s) {
  std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  if (i >= s.size() || !is_digit(s[i])) return 0;
  while (i < s.size() && (is_digit(s[i]) || s[i] == ',' || s[i] == '.')) ++i;
  return i;
}

struct cell_reader {
  check_context ctx;
  const environment& env;

  source_range at(std::uint32_t off, std::size_t len) const {
    return {off, static_cast<std::uint32_t>(off + std::max<std::size_t>(len, 1))};
  }

  // `56.80万元`, `1,002,300.00 元`, `92.5%`, `6次`, `12(次)`.
  bool quantity(std::string_view s, std::uint32_t off, std::size_t n, model::actual& a) const {
    std::string num(s.substr(0, n));
    if (!num.empty() && num[0] == '+') num.erase(0, 1);
    auto v = decimal::parse(num);
    if (!v) {
      const std::string shown = quote_value(s.substr(0, n));
      ctx.error(at(off, n), {fmt::format("malformed number '{}'", shown),
                             fmt::format("数值格式错误 '{}'", shown)});
      return false;
    }
    std::uint32_t uoff = off + static_cast<std::uint32_t>(n);
    std::string_view unit = trim(s.substr(n), uoff);
    bool open = unit.starts_with("(") || unit.starts_with("（");
    if (open) {
      std::size_t o = unit.starts_with("(") ? 1 : 3;
      std::size_t c = unit.ends_with(")") ? 1 : (unit.ends_with("）") ? 3 : 0);
      if (c == 0 || unit.size() < o + c) {
        ctx.error(at(uoff, unit.size()), {"unclosed bracket around the unit", "单位的括号未闭合"});
        return false;
      }
      uoff += static_cast<std::uint32_t>(o);
      unit = trim(unit.substr(o, unit.size() - o - c), uoff);
    }
    ast::quantity q;
    q.num = {*v, at(off, n)};
    q.range = at(off, s.size());
    if (!unit.empty()) {
      std::string u(unit);
      if (u == "％") u = "%";
      q.unit = ast::name{u, at(uoff, unit.size())};
    }
    a.k = model::actual_kind::quantity;
    a.value = resolve_quantity(ctx, env, q);
    return a.value.has_value();
  }

  bool value(std::string_view s, std::uint32_t off, model::actual& a) const {
    if (s.empty()) {
      ctx.error(at(off, 0),
                {"no actual value; leave the row out to report the indicator as missing",
                 "缺少实际完成值；如无数据请删去该行（该指标将列为缺少实际完成值）"});
      return false;
    }
    if (s.size() == 10 && s[4] == '-' && s[7] == '-' && is_digit(s[0])) {
      a.k = model::actual_kind::date;
      a.when = resolve_date(ctx, ast::date_lit{std::string(s), at(off, s.size())});
      return a.when.has_value();
    }
    if (std::size_t n = number_prefix(s)) return quantity(s, off, n, a);
    // A grade with an optional share (`部分达成 75%`), a known term, or free text.
    std::size_t w = 0;
    while (w < s.size() && !is_digit(s[w]) && s[w] != ' ' && s[w] != '\t') ++w;
    std::string word(s.substr(0, w));
    std::uint32_t roff = off + static_cast<std::uint32_t>(w);
    std::string_view rest = trim(s.substr(w), roff);
    const term_def* term = env.terms.find(word);
    if (term != nullptr && !rest.empty() && number_prefix(rest) > 0) {
      model::actual share;
      if (!quantity(rest, roff, number_prefix(rest), share)) return false;
      if (share.value->dimension != "ratio" || share.value->base_unit != "%") {
        ctx.error(
            at(roff, rest.size()),
            {fmt::format(
                 "the share after a grade is a percentage of the indicator's 分值, e.g. {} 75%",
                 quote_value(word)),
             fmt::format("等级之后的比例是该指标分值的百分比，例如 {} 75%", quote_value(word))});
        return false;
      }
      a.share = share.value->base_value;
    } else if (term == nullptr || !rest.empty()) {
      a.k = model::actual_kind::text;
      std::string text(s);
      if (const term_def* t = env.terms.find(text)) a.term_class = t->term_class;
      a.text = text;
      return true;
    }
    a.k = model::actual_kind::grade;
    a.text = word;
    a.term_class = term->term_class;
    return true;
  }
};

// Column names, English or Chinese, to their role.
std::string column_role(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  static const std::map<std::string, std::string> roles = {{"project", "project"},
                                                           {"项目", "project"},
                                                           {"项目名称", "project"},
                                                           {"indicator", "indicator"},
                                                           {"指标", "indicator"},
                                                           {"三级指标", "indicator"},
                                                           {"actual", "actual"},
                                                           {"实际完成值", "actual"},
                                                           {"note", "note"},
                                                           {"备注", "note"},
                                                           {"偏差原因", "note"},
                                                           {"override", "override"},
                                                           {"调整得分", "override"},
                                                           {"override_reason", "override_reason"},
                                                           {"调整理由", "override_reason"}};
  auto it = roles.find(name);
  return it == roles.end() ? "" : it->second;
}

}  // namespace

csv_reader::csv_reader(source_ptr src, diagnostics& diags)
    : src_(std::move(src)), diags_(diags), at_(src_->text().starts_with("\xEF\xBB\xBF") ? 3 : 0) {}

bool csv_reader::next(csv_record& rec) {
  rec.clear();
  std::string_view t = src_->text();
  std::size_t i = at_;
  if (i >= t.size()) return false;
  csv_field f{"", static_cast<std::uint32_t>(i), false};
  auto end_field = [&](std::size_t next) {
    rec.push_back(std::move(f));
    f = csv_field{"", static_cast<std::uint32_t>(next), false};
  };
  while (i < t.size()) {
    char c = t[i];
    if (c == '"' && f.text.empty() && !f.quoted) {
      std::size_t open = i++;
      f.quoted = true;
      f.offset = static_cast<std::uint32_t>(i);
      for (;;) {
        std::size_t q = t.find('"', i);
        if (q == std::string_view::npos) {
          diags_.error(src_,
                       {static_cast<std::uint32_t>(open), static_cast<std::uint32_t>(open + 1)},
                       {"unterminated quoted field (missing closing \")",
                        "带引号的字段未结束（缺少右引号 \"）"});
          at_ = t.size();
          rec.clear();
          return false;
        }
        f.text.append(t.substr(i, q - i));
        i = q + 1;
        if (i < t.size() && t[i] == '"') {  // "" is one quote
          f.text += '"';
          ++i;
        } else {
          break;
        }
      }
      continue;
    }
    if (c == ',') {
      end_field(++i);
    } else if (c == '\n' || c == '\r') {
      i += (c == '\r' && i + 1 < t.size() && t[i + 1] == '\n') ? 2 : 1;
      end_field(i);
      at_ = i;
      return true;
    } else {
      // A run of plain characters at once; a quote inside an unquoted field is text.
      std::size_t j = i + 1;
      while (j < t.size() && t[j] != ',' && t[j] != '\n' && t[j] != '\r' && t[j] != '"') ++j;
      f.text.append(t.substr(i, j - i));
      i = j;
    }
  }
  at_ = i;
  if (!f.text.empty() || f.quoted || !rec.empty()) {
    end_field(i);
    return true;
  }
  return false;
}

std::vector<csv_record> split_csv(const source_ptr& src, diagnostics& diags) {
  std::vector<csv_record> out;
  csv_reader reader(src, diags);
  csv_record rec;
  while (reader.next(rec)) out.push_back(std::move(rec));
  return out;
}

std::vector<model::actuals_block> read_actuals_csv(const source_ptr& src, std::uint32_t file,
                                                   const environment& env, diagnostics& diags) {
  std::vector<model::actuals_block> blocks;
  auto blank = [](const csv_record& r) {
    return std::all_of(r.begin(), r.end(), [](const csv_field& f) {
      return f.text.find_first_not_of(" \t") == std::string::npos;
    });
  };
  csv_reader records(src, diags);
  csv_record header, row;
  bool found = false;
  while (!found && records.next(header)) found = !blank(header);
  const csv_record* first = &header;
  cell_reader cells{{diags, src, file}, env};
  if (!found) {
    diags.error(src, {0, 0},
                {"empty CSV: expected the header project,indicator,actual[,note]",
                 "CSV 为空：应有表头 project,indicator,actual[,note]"});
    return blocks;
  }
  std::map<std::string, std::size_t> col;
  for (std::size_t k = 0; k < first->size(); ++k) {
    std::uint32_t off = (*first)[k].offset;
    std::string role = column_role(std::string(trim((*first)[k].text, off)));
    if (role.empty() || col.count(role)) {
      diags.error(src, cells.at((*first)[k].offset, (*first)[k].text.size()),
                  {fmt::format("unexpected column '{}' (expected "
                               "project,indicator,actual[,note][,override,override_reason])",
                               quote_value((*first)[k].text)),
                   fmt::format("无法识别的列 '{}'（应为 "
                               "project,indicator,actual[,note][,override,override_reason]）",
                               quote_value((*first)[k].text))});
      return blocks;
    }
    col[role] = k;
  }
  for (const char* need : {"project", "indicator", "actual"})
    if (!col.count(need)) {
      diags.error(
          src, cells.at((*first)[0].offset, 1),
          {fmt::format("the header has no '{}' column (expected project,indicator,actual[,note])",
                       need),
           fmt::format("表头缺少 '{}' 列（应为 project,indicator,actual[,note]）", need)});
      return blocks;
    }
  // Column of each role, looked up once; npos for an absent optional column.
  auto column = [&](const char* role) {
    auto c = col.find(role);
    return c == col.end() ? std::string::npos : c->second;
  };
  const std::size_t c_project = column("project"), c_indicator = column("indicator"),
                    c_actual = column("actual"), c_note = column("note"),
                    c_override = column("override"), c_reason = column("override_reason");
  std::unordered_map<std::string, std::size_t> block_of;
  std::size_t last_block = std::string::npos;  // a project's rows usually come together
  // A block's actuals are searched in order for a name given twice; a block of more than 32
  // rows gets a hash index (name → the row's offset) as well.
  std::vector<std::unordered_map<std::string, std::uint32_t>> index_of;
  const csv_record* r = &row;
  while (records.next(row)) {
    if (blank(*r)) continue;
    auto cell = [&](std::size_t c, std::uint32_t& off) -> std::string {
      if (c == std::string::npos || c >= r->size()) {
        off = r->empty() ? 0 : r->back().offset;
        return "";
      }
      off = (*r)[c].offset;
      return std::string(trim((*r)[c].text, off));
    };
    std::uint32_t poff = 0, ioff = 0, aoff = 0, noff = 0, ooff = 0, roff = 0;
    std::string project = cell(c_project, poff), name = cell(c_indicator, ioff),
                value = cell(c_actual, aoff);
    if (r->size() > first->size()) {
      diags.error(
          src, cells.at((*r)[first->size()].offset, 1),
          {fmt::format("this row has {} fields; the header has {}", r->size(), first->size()),
           fmt::format("该行有 {} 个字段，表头只有 {} 个", r->size(), first->size())});
      continue;
    }
    if (project.empty() || name.empty()) {
      diags.error(src, cells.at(project.empty() ? poff : ioff, 1),
                  {"a row needs a project and an indicator", "每行须有项目名称和指标名称"});
      continue;
    }
    model::actual a;
    a.indicator = istr(name);
    a.loc = {file, ioff};
    a.because = cell(c_note, noff);
    std::string over = cell(c_override, ooff);
    if (!over.empty()) {
      auto v = decimal::parse(over);
      if (!v || v->is_negative()) {
        diags.error(src, cells.at(ooff, over.size()),
                    {fmt::format("malformed overriding score '{}'", quote_value(over)),
                     fmt::format("调整得分格式错误 '{}'", quote_value(over))});
        continue;
      }
      a.assessed = model::assessor_override{*v, cell(c_reason, roff)};
      if (a.assessed->reason.empty()) {
        diags.error(src, cells.at(ooff, over.size()),
                    {"an overriding score needs a reason (override_reason column)",
                     "调整得分必须说明理由（override_reason 列）"});
        continue;
      }
    }
    if (!cells.value(value, aoff, a)) continue;
    std::size_t bi = last_block;
    if (bi == std::string::npos || blocks[bi].project != project) {
      // The block read last is (usually) complete: its spare capacity would be a third of
      // the memory that actuals take.
      if (bi != std::string::npos) blocks[bi].values.shrink_to_fit();
      auto [b, added] = block_of.emplace(project, blocks.size());
      if (added) {
        blocks.emplace_back();
        blocks.back().project = project;
        blocks.back().loc = {file, poff};
        index_of.emplace_back();
      }
      bi = last_block = b->second;
    }
    std::vector<model::actual>& values = blocks[bi].values;
    auto& index = index_of[bi];
    std::optional<std::uint32_t> first_row;
    if (index.empty()) {
      for (const auto& v : values)
        if (v.indicator == name) {
          first_row = v.loc.offset;
          break;
        }
    } else if (auto it = index.find(name); it != index.end()) {
      first_row = it->second;
    }
    if (first_row) {
      auto& d =
          diags.error(src, cells.at(ioff, name.size()),
                      {fmt::format("the actual value of '{}' is given twice", quote_value(name)),
                       fmt::format("'{}' 的实际完成值重复出现", quote_value(name))});
      d.notes.push_back({src, cells.at(*first_row, 1), {"first given here", "首次出现于此"}});
      continue;
    }
    values.push_back(std::move(a));
    if (!index.empty())
      index.emplace(name, ioff);
    else if (values.size() > 32)
      for (const auto& v : values) index.emplace(v.indicator, v.loc.offset);
  }
  if (last_block != std::string::npos) blocks[last_block].values.shrink_to_fit();
  return blocks;
}

}  // namespace kpi::eval
