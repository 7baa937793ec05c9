// The front end as one call: read → parse → check, stdlib first, user libraries next,
// then the input files. Declarations anywhere apply everywhere.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/check/checker.hpp"
#include "engine/load/files.hpp"
#include "engine/model/model.hpp"
#include "grammar/ast.hpp"

namespace kpi {

struct load_options {
  std::vector<std::string> libs;  // extra declaration files (--lib)
  bool with_stdlib = true;
  // Text parsed and checked at a time, per thread: the syntax tree of this much text is alive
  // at once (several times its size) instead of the tree of a whole file. 0: whole files.
  std::size_t piece_bytes = 256 << 10;
  // Read in pieces, called after each piece's projects are checked, with the declarations (all
  // known by then) and the range [begin, end) of model.projects that holds them: a caller that
  // needs each project once can use it then and release it (kpi check runs its rules there).
  // If the load then falls back to reading whole files (load_result::in_pieces is false), the
  // calls made so far are void: the caller must forget what it did in them.
  std::function<void(const environment&, model::model&, std::size_t begin, std::size_t end)>
      on_projects = nullptr;
};

struct load_result {
  model::model model;
  environment env;
  // stdlib, libs, inputs: files[i].src == model.sources[i]. Once checked, only declarations
  // and packs are kept: projects and actuals live on in `model`.
  std::vector<ast::file> files;
  diagnostics diags;
  bool in_pieces = false;  // read piece by piece (piece_bytes), not a whole file at a time
  [[nodiscard]] bool ok() const { return !diags.has_errors(); }
};

load_result load(const std::vector<std::string>& paths, const load_options& options,
                 file_reader& reader);

// Reads one file into a source, reporting a file that cannot be read.
source_ptr read_source(const std::string& path, file_reader& reader, diagnostics& diags);

}  // namespace kpi
