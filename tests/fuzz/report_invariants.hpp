// The promises of the reports of `kpi eval` (engine/eval/report_*.cpp), whatever the actuals:
// every format is written without a crash; the json parses; the csv is RFC 4180 with the same 13
// fields in every row, no text cell a spreadsheet would take for a formula, and one row per
// unmatched actual; the text report holds no control character but line feeds (and tabs); the
// xlsx file is written and not empty. Shared by report_fuzz and tests/eval/report_safety_test.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/eval/report.hpp"
#include "engine/eval/session.hpp"

namespace kpi::fuzz {

// RFC 4180 records of `csv` (CRLF after every record), or "" with `problem` set.
inline std::vector<std::vector<std::string>> csv_records(std::string_view csv,
                                                         std::string& problem) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  std::size_t i = 0;
  auto fail = [&](const std::string& what) {
    problem = "csv: " + what + " at byte " + std::to_string(i);
    return std::vector<std::vector<std::string>>{};
  };
  while (i < csv.size()) {
    field.clear();
    if (csv[i] == '"') {
      for (++i;; ++i) {
        if (i >= csv.size()) return fail("unterminated quote");
        if (csv[i] != '"') {
          field += csv[i];
        } else if (i + 1 < csv.size() && csv[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          ++i;
          break;
        }
      }
    } else {
      while (i < csv.size() && csv[i] != ',' && csv[i] != '\r') {
        if (csv[i] == '"' || csv[i] == '\n') return fail("quote or line feed in a bare field");
        field += csv[i++];
      }
    }
    rows.back().push_back(field);
    if (i < csv.size() && csv[i] == ',') {
      ++i;
      if (i == csv.size()) return fail("comma at the end");
      continue;
    }
    if (csv.substr(i, 2) != "\r\n") return fail("no CRLF after a record");
    i += 2;
    if (i < csv.size()) rows.emplace_back();
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

inline bool has_terminal_control(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F)
      return true;  // U+0080–U+009F
  }
  return false;
}

inline std::string report_problem(const eval::eval_result& r) {
  std::size_t unmatched = r.unmatched.size();
  for (const auto& p : r.projects) unmatched += p.unmatched.size();
  for (lang l : {lang::en, lang::zh})
    for (bool explain : {false, true})
      if (has_terminal_control(eval::report_text(r, l, explain)))
        return "text report: a control character reaches the terminal";
  try {
    auto j = nlohmann::json::parse(eval::report_json(r));
    if (j["projects"].size() != r.projects.size()) return "json: projects missing";
  } catch (const std::exception& e) {
    return std::string("json does not parse: ") + e.what();
  }
  std::string problem;
  auto rows = csv_records(eval::report_csv(r), problem);
  if (!problem.empty()) return problem;
  std::size_t unmatched_rows = 0;
  for (const auto& row : rows) {
    if (row.size() != 13) return "csv: a row of " + std::to_string(row.size()) + " fields";
    for (std::size_t c : {0, 1, 2, 3, 4, 5, 9, 10, 12}) {
      const std::string& t = row[c];
      if (!t.empty() && std::string_view("=+-@\t\r").find(t.front()) != std::string_view::npos)
        return "csv: text cell '" + t + "' reads as a formula";
    }
    unmatched_rows += row[9] == "unmatched" || row[9] == "no_project";
  }
  if (unmatched_rows != unmatched) return "csv: unmatched actuals not one row each";
  std::string html = eval::report_html(r, lang::zh);
  if (html.find("</html>") == std::string::npos) return "html: not finished";
  const std::string xlsx = (std::filesystem::temp_directory_path() /
                            ("kpi_report_invariants_" + std::to_string(::getpid()) + ".xlsx"))
                               .string();
  std::string error;
  diagnostics warnings;
  if (!eval::report_xlsx(r, xlsx, error, warnings)) return "xlsx: " + error;
  std::error_code ec;
  auto size = std::filesystem::file_size(xlsx, ec);
  std::filesystem::remove(xlsx, ec);
  if (size == 0 || size == static_cast<std::uintmax_t>(-1)) return "xlsx: no file written";
  return {};
}

// `kpi eval` of the CSV actuals `csv` against `targets_kpi`, then every report; "" when the
// actuals are bad input (nothing to report) or every promise holds.
inline std::string eval_report_problem(const std::string& csv, const std::string& targets_kpi) {
  memory_reader reader;
  reader.files["targets.kpi"] = targets_kpi;
  reader.files["fuzz.csv"] = csv;
  eval::session s = eval::prepare({{"targets.kpi", "fuzz.csv"}, "", {}}, reader);
  if (!s.ok()) return {};
  return report_problem(eval::run(s));
}

}  // namespace kpi::fuzz
