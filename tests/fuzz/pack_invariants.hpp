// The promises of rule packs (engine/rules/*), whatever the pack's text: compiling it against
// the model of examples/targets.kpi, running it with a small step budget and running its
// own tests all return; every message is positioned inside its file; every finding points
// into a loaded source.
#pragma once

#include <string>

#include "engine/rules/check.hpp"
#include "tests/fuzz/invariants.hpp"

namespace kpi::fuzz {

// Small enough that a runaway rule stops quickly, large enough for the shipped packs.
inline constexpr std::uint64_t pack_fuzz_steps = 20'000;

inline std::string pack_problem(const std::string& text, const std::string& name,
                                const std::string& targets_kpi) {
  memory_reader reader;
  reader.files["targets.kpi"] = targets_kpi;
  reader.files[name] = text;
  rules::limits lim;
  lim.max_steps = pack_fuzz_steps;

  rules::check_options o;
  o.files = {"targets.kpi"};
  o.packs = {name};
  o.lim = lim;
  o.explain = true;
  rules::check_result r = rules::run_check(o, reader);
  if (std::string p = diagnostics_problem(r.loaded.diags, "targets.kpi"); !p.empty()) return p;
  if (std::string p = diagnostics_problem(r.pack_diags, name); !p.empty()) return p;
  for (const auto& f : r.findings) {
    if (f.rule.empty()) return "finding without a rule: " + f.message;
    if (f.loc) {
      if (f.loc->file >= r.loaded.model.sources.size()) return "finding in no source";
      if (f.loc->offset > r.loaded.model.sources[f.loc->file]->text().size())
        return "finding outside its source: " + f.message;
    }
  }

  rules::test_report t = rules::run_pack_tests({name}, {}, lim, reader);
  if (std::string p = diagnostics_problem(t.diags, name); !p.empty()) return p;
  for (const auto& c : t.cases)
    if (c.src && (c.range.begin > c.src->text().size() || c.range.end < c.range.begin))
      return "test case range outside its source: " + c.title;
  (void)rules::test_report_text(t, lang::en, true);
  return {};
}

}  // namespace kpi::fuzz
