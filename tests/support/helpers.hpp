// Helpers shared by the tests: load text through the real front end, read repo files.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/load/load.hpp"

namespace kpi::test {

inline std::string repo_path(const std::string& rel) {
  return std::string(KPI_SOURCE_DIR) + "/" + rel;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Loads in-memory files (name → text) with the stdlib, in the order given.
inline load_result load_texts(const std::vector<std::pair<std::string, std::string>>& files,
                              const load_options& options = {}) {
  memory_reader reader;
  std::vector<std::string> paths;
  for (const auto& [name, text] : files) {
    reader.files[name] = text;
    paths.push_back(name);
  }
  return load(paths, options, reader);
}

inline load_result load_text(const std::string& text, const std::string& name = "t.kpi") {
  return load_texts({{name, text}});
}

// All diagnostics rendered in English, as a user sees them.
inline std::string rendered(const load_result& r, lang l = lang::en) {
  return render_all(r.diags, l);
}

}  // namespace kpi::test
