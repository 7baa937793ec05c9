// fuzz: seeds=csv dict=csv.dict
// libFuzzer target: `kpi eval` of CSV actuals against examples/targets.kpi through every report
// format (tests/fuzz/report_invariants.hpp).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tests/fuzz/repo_file.hpp"
#include "tests/fuzz/report_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string targets = kpi::fuzz::repo_file("examples/targets.kpi");
  std::string text(reinterpret_cast<const char*>(data), size);
  if (std::string p = kpi::fuzz::eval_report_problem(text, targets); !p.empty()) {
    std::fprintf(stderr, "kpi invariant broken: %s\n", p.c_str());
    std::abort();
  }
  return 0;
}
