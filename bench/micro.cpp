// Google Benchmark micro-benchmarks of the stages: parse, check (parse + check + audit pack),
// read the CSV actuals, score one indicator, score one project (plan + every indicator), write
// the JSON report, on bench/gen data built in memory. Built with -DKPI_BENCH=ON; run
// build-bench/kpi_micro (docs/performance.md).
#include <benchmark/benchmark.h>

#include "bench/generator.hpp"
#include "engine/eval/csv.hpp"
#include "engine/eval/evaluate.hpp"
#include "engine/eval/match.hpp"
#include "engine/eval/report.hpp"
#include "engine/eval/score.hpp"
#include "engine/eval/session.hpp"
#include "engine/load/files.hpp"
#include "engine/load/load.hpp"
#include "engine/rules/check.hpp"
#include "grammar/parse.hpp"

namespace {

constexpr long projects = 500;

struct data {
  std::string kpi, csv;
  data() { kpi::bench::generate(projects, 2024, kpi, csv); }
};
const data& inputs() {
  static const data d;
  return d;
}

kpi::memory_reader reader_with_inputs() {
  kpi::memory_reader r;
  r.files["targets.kpi"] = inputs().kpi;
  r.files["actuals.csv"] = inputs().csv;
  return r;
}

// A prepared evaluation of the generated data and its matching, built once.
struct prepared {
  kpi::eval::session s;
  kpi::eval::matching m;
  prepared() {
    auto reader = reader_with_inputs();
    s = kpi::eval::prepare({{"targets.kpi", "actuals.csv"}, "", {}}, reader);
    kpi::diagnostics d;
    m = kpi::eval::match_actuals(s.loaded.model, s.actuals, s.sources, d);
  }
};
const prepared& session() {
  static const prepared p;
  return p;
}

void parse(benchmark::State& state) {
  auto src = std::make_shared<kpi::source>("targets.kpi", inputs().kpi);
  for (auto _ : state) {
    kpi::diagnostics d;
    auto r = kpi::parse(src, d);
    benchmark::DoNotOptimize(r.file.items.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(inputs().kpi.size()));
}
BENCHMARK(parse)->Unit(benchmark::kMillisecond);

// The front end: read, parse, check into the model (what kpi dump does before printing).
void load(benchmark::State& state) {
  auto reader = reader_with_inputs();
  for (auto _ : state) {
    auto r = kpi::load({"targets.kpi"}, {{}, true}, reader);
    benchmark::DoNotOptimize(r.model.projects.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(inputs().kpi.size()));
}
BENCHMARK(load)->Unit(benchmark::kMillisecond);

// kpi check: load plus the default audit pack over every project and indicator.
void check(benchmark::State& state) {
  auto reader = reader_with_inputs();
  kpi::rules::check_options o;
  o.files = {"targets.kpi"};
  for (auto _ : state) {
    auto r = kpi::rules::run_check(o, reader);
    benchmark::DoNotOptimize(r.findings.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(inputs().kpi.size()));
}
BENCHMARK(check)->Unit(benchmark::kMillisecond);

// The CSV actuals read into the model's actuals blocks (cells parsed, units resolved).
void read_csv(benchmark::State& state) {
  const auto& p = session();
  auto src = std::make_shared<kpi::source>("actuals.csv", inputs().csv);
  for (auto _ : state) {
    kpi::diagnostics d;
    auto blocks = kpi::eval::read_actuals_csv(src, 1, p.s.loaded.env, d);
    benchmark::DoNotOptimize(blocks.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(inputs().csv.size()));
}
BENCHMARK(read_csv)->Unit(benchmark::kMillisecond);

// One indicator against its actual: the formula with its one division.
void score_indicator(benchmark::State& state) {
  const auto& p = session();
  const auto& proj = p.s.loaded.model.projects[0];
  const auto& pa = p.m.projects[0];
  const kpi::decimal w = kpi::decimal::from_int(5);
  std::size_t k = 0;
  for (auto _ : state) {
    const auto& ind = proj.indicators[k];
    if (const auto* a = pa.by_name.find(ind.name))
      benchmark::DoNotOptimize(kpi::eval::score_indicator(*p.s.params, ind, w, *a));
    k = (k + 1) % proj.indicators.size();
  }
}
BENCHMARK(score_indicator);

// One project: plan its weights, score the budget and every indicator, collect findings.
void score_project(benchmark::State& state) {
  const auto& p = session();
  for (auto _ : state) {
    auto r = kpi::eval::evaluate(*p.s.params, p.s.loaded.model, p.m, p.s.sources);
    benchmark::DoNotOptimize(r.projects.data());
  }
  state.SetItemsProcessed(state.iterations() * projects);
  state.counters["us_per_project"] = benchmark::Counter(
      static_cast<double>(state.iterations() * projects),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert, benchmark::Counter::kIs1000);
}
BENCHMARK(score_project)->Unit(benchmark::kMillisecond);

// The JSON report (SPEC §5) of every scored project, written to memory: bytes are the report's.
void report_json(benchmark::State& state) {
  const auto& p = session();
  const auto r = kpi::eval::evaluate(*p.s.params, p.s.loaded.model, p.m, p.s.sources);
  std::size_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    kpi::eval::write_json(r, [&](std::string_view t) { bytes += t.size(); });
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
}
BENCHMARK(report_json)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
