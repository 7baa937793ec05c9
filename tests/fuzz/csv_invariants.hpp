// The promises of the CSV actuals reader (engine/eval/csv.*), whatever the bytes: every
// message is positioned inside the file, and every non-blank row after the header is
// accounted for: it becomes an actual or has an error on its own line (unless the whole file
// is rejected at its header or at an unterminated quote). Clean files then go through
// `kpi eval` against examples/targets.kpi: each actual is matched or reported unmatched.
#pragma once

#include <algorithm>
#include <memory>
#include <string>

#include "engine/base/utf8.hpp"
#include "engine/eval/csv.hpp"
#include "engine/eval/session.hpp"
#include "tests/fuzz/invariants.hpp"

namespace kpi::fuzz {

inline const load_result& stdlib_only() {
  static const load_result r = [] {
    memory_reader reader;
    return load({}, {}, reader);
  }();
  return r;
}

inline std::string csv_problem(const std::string& text, const std::string& name,
                               const std::string& targets_kpi) {
  auto src = std::make_shared<source>(name, text);
  diagnostics rd;
  std::vector<eval::csv_record> records = eval::split_csv(src, rd);
  diagnostics d;
  const load_result& std_env = stdlib_only();
  auto file = static_cast<std::uint32_t>(std_env.model.sources.size());
  std::vector<model::actuals_block> blocks = eval::read_actuals_csv(src, file, std_env.env, d);
  if (std::string p = diagnostics_problem(d, name); !p.empty()) return p;
  std::size_t actuals = 0;
  for (const auto& b : blocks) {
    actuals += b.values.size();
    if (b.loc.file != file || b.loc.offset > text.size()) return "block outside the file";
    for (const auto& a : b.values)
      if (a.loc.file != file || a.loc.offset > text.size()) return "actual outside the file";
  }

  // Rows: the records with a non-blank field, the first one being the header.
  auto blank = [](const eval::csv_record& r) {
    return std::all_of(r.begin(), r.end(), [](const eval::csv_field& f) {
      return f.text.find_first_not_of(" \t") == std::string::npos;
    });
  };
  std::vector<std::pair<std::uint32_t, std::uint32_t>> rows;  // [first offset, next record)
  bool header = true;
  std::uint32_t header_end = UINT32_MAX;  // where the first data row's first field starts
  for (std::size_t k = 0; k < records.size(); ++k) {
    if (blank(records[k]) || records[k].empty()) continue;
    if (header) {
      header = false;
      continue;
    }
    std::uint32_t begin = UINT32_MAX;
    for (const auto& f : records[k]) begin = std::min(begin, f.offset);
    std::uint32_t end = static_cast<std::uint32_t>(text.size()) + 1;
    if (k + 1 < records.size())
      for (const auto& f : records[k + 1]) end = std::min(end, f.offset);
    if (rows.empty()) header_end = begin;
    // A quoted field's offset is after its quote; the row starts at most one byte earlier.
    rows.emplace_back(begin > 0 ? begin - 1 : 0, end);
  }
  if (!d.has_errors()) {
    if (actuals != rows.size())
      return "clean CSV with " + std::to_string(rows.size()) + " rows gave " +
             std::to_string(actuals) + " actuals";
  } else if (rd.error_count() == 0) {
    // A file rejected as a whole has an error in its header.
    bool whole = std::any_of(d.all().begin(), d.all().end(), [&](const diagnostic& x) {
      return x.level == severity::error && x.range.begin < header_end;
    });
    if (!whole) {
      std::vector<std::uint32_t> at;
      for (const auto& b : blocks)
        for (const auto& a : b.values) at.push_back(a.loc.offset);
      for (const auto& x : d.all())
        if (x.level == severity::error) at.push_back(x.range.begin);
      for (const auto& row : rows)
        if (std::none_of(at.begin(), at.end(),
                         [&](std::uint32_t o) { return o >= row.first && o < row.second; }))
          return "row at byte " + std::to_string(row.first) + " is neither read nor rejected\n" +
                 render_all(d, lang::en);
    }
  }
  if (d.has_errors() || targets_kpi.empty()) return {};

  // The whole of `kpi eval` on a clean file.
  memory_reader reader;
  reader.files["targets.kpi"] = targets_kpi;
  reader.files[name] = text;
  eval::session s = eval::prepare({{"targets.kpi", name}, "", {}}, reader);
  if (std::string p = diagnostics_problem(s.diags, name); !p.empty()) return p;
  bool text_ok =
      utf8::first_invalid(text) == std::string::npos && text.find('\0') == std::string::npos;
  if (!text_ok && !s.diags.has_errors()) return "NUL or invalid UTF-8 accepted";
  if (!s.ok()) return {};
  eval::eval_result r = eval::run(s);
  if (std::string p = diagnostics_problem(r.findings, name); !p.empty()) return p;
  std::size_t unmatched = r.unmatched.size();
  for (const auto& p : r.projects) unmatched += p.unmatched.size();
  if (unmatched > actuals) return "more unmatched actuals than actuals";
  // Every score within [0, 分值], every total within [0, 100].
  const decimal hundred = decimal::from_int(100);
  for (const auto& p : r.projects) {
    if (p.score.sign() < 0 || p.score > hundred) return "a total outside 0 .. 100";
    if (p.budget.score.sign() < 0 || p.budget.score > p.budget.weight)
      return "a budget score outside 0 .. its weight";
    for (const auto& i : p.indicators)
      if (i.score.sign() < 0 || i.score > i.weight) return "a score outside 0 .. its weight";
  }
  return {};
}

}  // namespace kpi::fuzz
