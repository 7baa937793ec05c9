// Inputs that reach a bug already reported and not yet fixed. The fuzz targets skip them so
// that a run keeps looking for new bugs instead of finding the known one again; the
// regression test (tests/robustness/fuzz_regressions_test.cpp) still replays them.
// Delete an entry when its bug is fixed.
#pragma once

#include <string_view>

namespace kpi::fuzz {

inline bool known_bug(std::string_view text) {
  (void)text;  // none open
  return false;
}

}  // namespace kpi::fuzz
