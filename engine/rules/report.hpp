// Findings for people (text with source lines and carets), for programs (JSON, SPEC §5) and
// for code-review tools (SARIF 2.1.0).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/model/model.hpp"
#include "engine/rules/ir.hpp"
#include "engine/rules/runtime.hpp"

namespace kpi::rules {

struct finding_counts {
  std::size_t error = 0;
  std::size_t warning = 0;
  std::size_t info = 0;
};
finding_counts count_findings(const std::vector<finding>& fs);

std::string findings_text(const std::vector<finding>& fs, const std::vector<program>& packs,
                          const std::vector<source_ptr>& sources, lang l, bool explain);
// The same text handed to `put` in pieces of about a megabyte, for any number of findings.
void findings_text(const std::vector<finding>& fs, const std::vector<program>& packs,
                   const std::vector<source_ptr>& sources, lang l, bool explain,
                   const std::function<void(std::string_view)>& put);
std::string findings_json(const std::vector<finding>& fs, const std::vector<program>& packs,
                          const std::vector<source_ptr>& sources, bool explain);
std::string findings_sarif(const std::vector<finding>& fs, const std::vector<program>& packs,
                           const std::vector<source_ptr>& sources);

}  // namespace kpi::rules
