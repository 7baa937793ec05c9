// `kpi eval` as one engine call: load targets, .kpi and CSV actuals and the scoring pack,
// then match and score. Input errors (exit 2) and scoring findings (exit 1) are kept apart.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/eval/match.hpp"
#include "engine/eval/params.hpp"
#include "engine/eval/report.hpp"
#include "engine/eval/result.hpp"
#include "engine/load/load.hpp"

namespace kpi::eval {

// The default scoring pack, embedded into the binary (a file of that path on disk is not read).
inline constexpr const char* default_pack = "rules/scoring/default.kpi";

struct eval_request {
  std::vector<std::string> inputs;  // targets and actuals: *.csv is CSV, anything else .kpi
  std::string pack;                 // the scoring pack file; empty: the embedded default_pack
  std::vector<std::string> libs;    // --lib
};

struct session {
  load_result loaded;                         // targets, .kpi actuals, the pack
  std::vector<source_ptr> sources;            // loaded sources, then the CSV files
  std::vector<model::actuals_block> actuals;  // .kpi blocks, then CSV blocks
  std::optional<scoring_params> params;
  matching matched;   // the actuals by project and indicator (into `actuals`)
  diagnostics diags;  // bad input (also a duplicate actual, an override out of range, a value
                      // that cannot be scored exactly): nothing is scored, no report
  [[nodiscard]] bool ok() const { return params.has_value() && !diags.has_errors(); }
};

session prepare(const eval_request& request, file_reader& reader);

// Matches the actuals and scores every project; the session must be ok().
eval_result run(const session& s);

// Receives scored projects in order: `first` is the index of projects[0] among all projects.
using project_sink =
    std::function<void(const std::vector<project_result>& projects, std::size_t first)>;
// Like run(), `batch` projects at a time: each batch is scored, handed to `sink` and freed, so
// memory holds one batch of results, not all of them. The returned result has no projects;
// its `streamed` summary stands in for them (exit_status reads it).
eval_result run_streamed(const session& s, std::size_t batch, const project_sink& sink);

// run_streamed() writing a report as it goes (stream_report): a batch of results in memory.
eval_result run_streamed(const session& s, report_stream& out);

struct exit_policy {
  bool allow_unmatched = false;
  bool allow_missing = false;
};
// 0 clean; 1 error findings, unmatched or missing data (unless allowed).
int exit_status(const eval_result& r, const exit_policy& policy);

}  // namespace kpi::eval
