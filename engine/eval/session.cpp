// Loading and running an evaluation.
#include "engine/eval/session.hpp"

#include "engine/eval/csv.hpp"
#include "engine/eval/evaluate.hpp"
#include "engine/eval/match.hpp"

namespace kpi::eval {

session prepare(const eval_request& request, file_reader& reader) {
  session s;
  std::vector<std::string> kpi_paths, csv_paths;
  for (const auto& p : request.inputs) (p.ends_with(".csv") || p.ends_with(".CSV") ? csv_paths : kpi_paths).push_back(p);
  kpi_paths.push_back(request.pack);
  s.loaded = load(kpi_paths, {request.libs, true}, reader);
  s.diags.append(s.loaded.diags);
  s.sources = s.loaded.model.sources;
  s.actuals = s.loaded.model.actuals;
  if (!s.loaded.ok()) return s;
  s.params = read_scoring_pack(s.loaded.files, s.loaded.env.units, s.diags);
  for (const auto& path : csv_paths) {
    source_ptr src = read_source(path, reader, s.diags);
    if (!src) continue;
    auto file = static_cast<std::uint32_t>(s.sources.size());
    s.sources.push_back(src);
    for (auto& b : read_actuals_csv(src, file, s.loaded.env, s.diags)) s.actuals.push_back(std::move(b));
  }
  return s;
}

eval_result run(const session& s) {
  diagnostics input;
  matching m = match_actuals(s.loaded.model, s.actuals, s.sources, input);
  eval_result r = evaluate(*s.params, s.loaded.model, m, s.sources);
  r.findings.append(input);
  r.findings.sort();
  return r;
}

int exit_status(const eval_result& r, const exit_policy& policy) {
  if (r.findings.has_errors()) return 1;
  if (r.has_unmatched() && !policy.allow_unmatched) return 1;
  if (r.has_missing() && !policy.allow_missing) return 1;
  return 0;
}

}  // namespace kpi::eval
