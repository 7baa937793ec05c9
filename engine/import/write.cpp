#include "engine/import/write.hpp"

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "engine/format/format.hpp"
#include "grammar/parse.hpp"

namespace kpi::importer {
namespace {

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

std::string target_text(const target& t) {
  switch (t.kind) {
    case target_kind::quantity:
      return t.unit.empty() ? fmt::format("{} {}", t.op, t.value)
                            : fmt::format("{} {} {}", t.op, t.value, t.unit);
    case target_kind::date:
      return fmt::format("{} {}", t.op, t.value);
    case target_kind::term:
      return t.text;
    case target_kind::text:
      return quote(t.text);
  }
  return quote(t.raw);
}

void write_fields(std::string& out, const project_table& p) {
  for (auto [key, value] : {std::pair{"department", &p.department},
                            {"unit", &p.unit},
                            {"nature", &p.nature},
                            {"category", &p.category}})
    if (!value->empty()) out += fmt::format("  {} {}\n", key, quote(*value));
  if (!p.period_from.empty() && !p.period_to.empty())
    out += fmt::format("  period {} .. {}\n", p.period_from, p.period_to);
  std::string funds;
  for (auto [key, value] : {std::pair{"total", &p.total},
                            {"fiscal", &p.fiscal},
                            {"carryover", &p.carryover},
                            {"other", &p.other}})
    if (!value->empty()) funds += fmt::format(" {} {} 元", key, *value);
  if (!funds.empty()) out += "  funds" + funds + "\n";
  if (!p.goal.empty()) out += fmt::format("  goal {}\n", quote(p.goal));
}

void write_groups(std::string& out, const project_table& p) {
  std::vector<std::string> level1s;
  for (const row& r : p.rows)
    if (!r.level1.empty() && std::find(level1s.begin(), level1s.end(), r.level1) == level1s.end())
      level1s.push_back(r.level1);
  for (const std::string& l1 : level1s) {
    out += fmt::format("\n  {} {{\n", l1);
    std::vector<std::string> level2s;
    for (const row& r : p.rows) {
      if (r.level1 != l1 || r.repeated) continue;
      if (r.level2.empty())
        out += fmt::format("    {}  {}\n", quote(r.name), target_text(r.goal));
      else if (std::find(level2s.begin(), level2s.end(), r.level2) == level2s.end())
        level2s.push_back(r.level2);
    }
    for (const std::string& l2 : level2s) {
      out += fmt::format("    {} {{\n", l2);
      for (const row& r : p.rows)
        if (r.level1 == l1 && r.level2 == l2 && !r.repeated)
          out += fmt::format("      {}  {}\n", quote(r.name), target_text(r.goal));
      out += "    }\n";
    }
    out += "  }\n";
  }
  bool first = true;
  for (const row& r : p.rows) {
    if (!r.level1.empty()) continue;
    if (first) out += "\n";
    first = false;
    out +=
        fmt::format("  # 未归类 unplaced {}:{}: {} {}\n", r.at.file, r.at.line, r.name, r.goal.raw);
  }
}

}  // namespace

std::string write_kpi(const std::vector<project_table>& projects) {
  std::string out;
  for (const project_table& p : projects) {
    if (!out.empty()) out += "\n";
    out += fmt::format("project {} {{\n", quote(p.name));
    write_fields(out, p);
    write_groups(out, p);
    out += "}\n";
  }
  auto src = std::make_shared<source>("import.kpi", out);
  diagnostics diags;
  parse_result pr = parse(src, diags);
  return pr.ok ? format(pr.file) : out;
}

}  // namespace kpi::importer
