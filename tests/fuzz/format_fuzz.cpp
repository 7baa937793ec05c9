// fuzz: seeds=kpi dict=kpi.dict
// libFuzzer target: the formatter. For every input that parses, format(parse(x)) parses again,
// formatting it once more changes nothing, and it loads to the same model as x.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tests/fuzz/invariants.hpp"
#include "tests/fuzz/known_bugs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (kpi::fuzz::known_bug(text)) return 0;
  if (std::string p = kpi::fuzz::format_problem(text, "fuzz.kpi"); !p.empty()) {
    std::fprintf(stderr, "kpi invariant broken: %s\n--- input\n%s\n", p.c_str(), text.c_str());
    std::abort();
  }
  return 0;
}
