// Text → syntax tree. The first syntax error of a file stops it and becomes a diagnostic.
#pragma once

#include "engine/base/diagnostic.hpp"
#include "grammar/ast.hpp"

namespace kpi {

// Deepest nesting of blocks accepted (a project with groups in groups is 3).
inline constexpr std::size_t max_block_depth = 32;

// Parses one source. On a syntax error, reports it and returns the items completed before it
// with `ok` false.
struct parse_result {
  ast::file file;
  bool ok = true;
};

parse_result parse(source_ptr src, diagnostics& diags);

}  // namespace kpi
