// fuzz: seeds=txt dict=import.dict
// libFuzzer target: `kpi import` over one extracted target table
// (tests/fuzz/import_invariants.hpp).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tests/fuzz/import_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (std::string p = kpi::fuzz::import_problem(text, "fuzz.txt"); !p.empty()) {
    std::fprintf(stderr, "kpi invariant broken: %s\n", p.c_str());
    std::abort();
  }
  return 0;
}
