// Running a rule pack held in memory over targets held in memory, through the real engine.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/rules/check.hpp"
#include "engine/rules/report.hpp"

namespace kpi::test {

struct pack_run {
  rules::check_result result;
  std::string errors;  // every diagnostic, rendered in English as a user sees it
};

// `files` are (path, text); the first is the pack `kpi check --rules` gets unless `packs` says
// otherwise; "t.kpi" holds the targets.
inline pack_run check_packs(const std::vector<std::pair<std::string, std::string>>& files,
                            const std::string& targets, const std::vector<std::string>& packs = {},
                            const rules::limits& lim = {}, bool explain = false) {
  memory_reader reader;
  for (const auto& [path, text] : files) reader.files[path] = text;
  reader.files["t.kpi"] = targets;
  rules::check_options o;
  o.files = {"t.kpi"};
  o.packs = packs.empty() && !files.empty() ? std::vector<std::string>{files.front().first} : packs;
  o.lim = lim;
  o.explain = explain;
  pack_run r{rules::run_check(o, reader), {}};
  r.errors =
      render_all(r.result.loaded.diags, lang::en) + render_all(r.result.pack_diags, lang::en);
  return r;
}

inline pack_run check_pack(const std::string& pack, const std::string& targets,
                           const rules::limits& lim = {}, bool explain = false) {
  return check_packs({{"pack.kpi", pack}}, targets, {}, lim, explain);
}

// The findings as "rule@project/indicator" strings, in the engine's order.
inline std::vector<std::string> finding_keys(const std::vector<rules::finding>& fs) {
  std::vector<std::string> keys;
  for (const auto& f : fs)
    keys.push_back(std::string(f.rule) + "@" + f.project +
                   (f.indicator.empty() ? "" : "/" + std::string(f.indicator)));
  return keys;
}

// A project with one indicator of each 一级 group, which the default pack finds clean.
inline const char* clean_project = R"(project "甲" {
  period 2024-01-01 .. 2024-12-31
  funds total 100,000.00 元 fiscal 100,000.00 元
  成本指标 { 经济成本指标 { "费用"  <= 10 万元 } }
  产出指标 {
    数量指标 { "场次"  >= 2 次
               "金额"  >= 5 万元 }
  }
  效益指标 { 社会效益指标 { "覆盖率"  >= 90 % } }
  满意度指标 { 服务对象满意度指标 { "满意度"  >= 90 % } }
}
)";

}  // namespace kpi::test
