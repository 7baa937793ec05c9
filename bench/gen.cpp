// bench/gen: realistic large inputs for the benchmarks — N projects of targets as `.kpi` and
// their year-end actuals as CSV, modelled on examples/targets.kpi and examples/actuals.csv.
//
//   gen N OUTDIR [SEED]   writes OUTDIR/targets.kpi and OUTDIR/actuals.csv
//
// Every project has all four 一级 groups (some in the older layout with 成本指标 under 产出指标),
// cost indicators that add up to `funds total`, varied operator and unit spellings, ranges,
// qualitative terms and free text, explicit weights on some 满意度 groups, and actuals with
// grades, shares, 元/万元 amounts and deviation notes. Output is deterministic for a seed.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench/generator.hpp"

namespace {

bool write_file(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  return std::fclose(f) == 0 && ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: gen N OUTDIR [SEED]\n");
    return 2;
  }
  long n = std::atol(argv[1]);
  std::string dir = argv[2];
  std::string kpi, csv;
  kpi::bench::generate(n, argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 2024ULL, kpi, csv);
  if (!write_file(dir + "/targets.kpi", kpi) || !write_file(dir + "/actuals.csv", csv)) {
    std::fprintf(stderr, "gen: cannot write to %s\n", dir.c_str());
    return 1;
  }
  return 0;
}
