// fuzz: seeds=kpi dict=pack.dict
// libFuzzer target: a rule pack compiled and run against examples/targets.kpi with a small
// step budget, and its own tests run (tests/fuzz/pack_invariants.hpp).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tests/fuzz/pack_invariants.hpp"
#include "tests/fuzz/repo_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string targets = kpi::fuzz::repo_file("examples/targets.kpi");
  std::string text(reinterpret_cast<const char*>(data), size);
  if (std::string p = kpi::fuzz::pack_problem(text, "pack/fuzz.kpi", targets); !p.empty()) {
    std::fprintf(stderr, "kpi invariant broken: %s\n", p.c_str());
    std::abort();
  }
  return 0;
}
