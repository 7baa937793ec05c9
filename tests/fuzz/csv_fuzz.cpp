// fuzz: seeds=csv dict=csv.dict
// libFuzzer target: the CSV actuals reader and `kpi eval` on what it reads
// (tests/fuzz/csv_invariants.hpp).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tests/fuzz/csv_invariants.hpp"
#include "tests/fuzz/repo_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string targets = kpi::fuzz::repo_file("examples/targets.kpi");
  std::string text(reinterpret_cast<const char*>(data), size);
  if (std::string p = kpi::fuzz::csv_problem(text, "fuzz.csv", targets); !p.empty()) {
    std::fprintf(stderr, "kpi invariant broken: %s\n", p.c_str());
    std::abort();
  }
  return 0;
}
