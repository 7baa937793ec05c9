// fuzz: seeds=kpi dict=kpi.dict
// libFuzzer target: the whole front end (read → parse → check → model) over one file.
// Whatever the bytes, kpi::load returns, every error is positioned, and a clean model dumps.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tests/fuzz/invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (std::string p = kpi::fuzz::load_problem(text, "fuzz.kpi"); !p.empty()) {
    std::fprintf(stderr, "kpi invariant broken: %s\n", p.c_str());
    std::abort();
  }
  return 0;
}
