// A file of the repository, for the fuzz targets that need a fixed second input (the targets a
// CSV is evaluated against, for instance). KPI_SOURCE_DIR is set by tests/fuzz/fuzz.cmake.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace kpi::fuzz {

inline std::string repo_file(const std::string& rel) {
#ifdef KPI_SOURCE_DIR
  std::ifstream in(std::string(KPI_SOURCE_DIR) + "/" + rel, std::ios::binary);
#else
  std::ifstream in(rel, std::ios::binary);
#endif
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace kpi::fuzz
