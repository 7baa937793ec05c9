// Loading and running an evaluation.
#include "engine/eval/session.hpp"

#include <algorithm>

#include "engine/eval/csv.hpp"
#include "engine/eval/evaluate.hpp"
#include "engine/eval/match.hpp"
#include "engine/eval/validate.hpp"
#include "engine/load/stdlib.hpp"

namespace kpi::eval {
namespace {

// The embedded default pack under its repository path, every other file from `next`.
class embedded_pack_reader final : public file_reader {
 public:
  explicit embedded_pack_reader(file_reader& next) : next_(next) {}
  std::optional<std::string> read(const std::string& path, text& error) override {
    if (path == default_pack)
      for (const auto& f : rule_files())
        if (f.name == default_pack) return std::string(f.text);
    return next_.read(path, error);
  }
  bool write(const std::string& path, const std::string& contents, text& error) override {
    return next_.write(path, contents, error);
  }
  bool write_streamed(const std::string& path, const std::function<void(const put_fn&)>& produce,
                      text& error) override {
    return next_.write_streamed(path, produce, error);
  }
  bool write_named(const std::string& path, const produce_named_fn& produce, text& error) override {
    return next_.write_named(path, produce, error);
  }
  bool rewrite(const std::string& path, const std::string& contents, text& error) override {
    return next_.rewrite(path, contents, error);
  }

 private:
  file_reader& next_;
};

}  // namespace

session prepare(const eval_request& request, file_reader& files) {
  embedded_pack_reader reader(files);
  session s;
  std::vector<std::string> kpi_paths, csv_paths;
  for (const auto& p : request.inputs)
    (p.ends_with(".csv") || p.ends_with(".CSV") ? csv_paths : kpi_paths).push_back(p);
  kpi_paths.push_back(request.pack.empty() ? default_pack : request.pack);
  s.loaded = load(kpi_paths, {request.libs, true}, reader);
  s.diags.append(s.loaded.diags);
  s.sources = s.loaded.model.sources;
  s.actuals = std::move(s.loaded.model.actuals);  // nothing reads them from the model again
  if (!s.loaded.ok()) return s;
  s.params = read_scoring_pack(s.loaded.files, s.loaded.env.units, s.diags);
  for (const auto& path : csv_paths) {
    source_ptr src = read_source(path, reader, s.diags);
    // NUL bytes and invalid UTF-8 (a GBK export) are an error at the byte, as in a .kpi file.
    if (!src || !check_text_encoding(src, s.diags)) continue;
    auto file = static_cast<std::uint32_t>(s.sources.size());
    s.sources.push_back(src);
    for (auto& b : read_actuals_csv(src, file, s.loaded.env, s.diags))
      s.actuals.push_back(std::move(b));
  }
  if (!s.ok()) return s;
  // Matched and validated before anything is scored: what would make a score wrong or
  // inexact stops the run here, before a report is written.
  s.matched = match_actuals(s.loaded.model, s.actuals, s.sources, s.diags);
  validate_actuals(*s.params, s.loaded.model, s.matched, s.sources, s.diags);
  return s;
}

eval_result run(const session& s) {
  eval_result r = evaluate(*s.params, s.loaded.model, s.matched, s.sources);
  r.findings.sort();
  return r;
}

eval_result run_streamed(const session& s, std::size_t batch, const project_sink& sink) {
  const matching& m = s.matched;
  eval_result r;
  r.pack = s.params->title;
  r.unmatched = m.orphans;
  const std::size_t n = s.loaded.model.projects.size();
  batch = std::max<std::size_t>(1, batch);
  std::vector<project_result> scored;
  for (std::size_t first = 0; first < n; first += batch) {
    const std::size_t last = std::min(n, first + batch);
    evaluate_range(*s.params, s.loaded.model, m, s.sources, first, last, scored, r.findings);
    for (const auto& p : scored) {
      r.streamed.unmatched = r.streamed.unmatched || !p.unmatched.empty();
      r.streamed.missing = r.streamed.missing || !p.missing.empty();
    }
    r.streamed.projects += scored.size();
    sink(scored, first);
  }
  r.findings.sort();
  return r;
}

eval_result run_streamed(const session& s, report_stream& out) {
  constexpr std::size_t batch = 1024;  // projects: their results take a few MB
  eval_result r = run_streamed(
      s, batch, [&out](const auto& projects, std::size_t first) { out.projects(projects, first); });
  out.finish(r);
  return r;
}

int exit_status(const eval_result& r, const exit_policy& policy) {
  if (r.findings.has_errors()) return 1;
  if (r.has_unmatched() && !policy.allow_unmatched) return 1;
  if (r.has_missing() && !policy.allow_missing) return 1;
  return 0;
}

}  // namespace kpi::eval
