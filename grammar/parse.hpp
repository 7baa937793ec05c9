// Text → syntax tree. The first syntax error of a file stops it and becomes a diagnostic.
#pragma once

#include "engine/base/diagnostic.hpp"
#include "grammar/ast.hpp"

namespace kpi {

// Deepest nesting of blocks accepted (a project with groups in groups is 3).
inline constexpr std::size_t max_block_depth = 32;
// Deepest nesting of parentheses, lists, calls, `where`, `not` and `-` in a rule expression, and
// the deepest expression tree (`a + b + c …` is as deep as it is long). Bounded so that no
// expression can exhaust the stack of the parser, the compiler or the runtime.
inline constexpr std::size_t max_expr_nesting = 64;
inline constexpr std::size_t max_expr_depth = 256;

// Parses one source. On a syntax error, reports it and returns the items completed before it
// with `ok` false.
struct parse_result {
  ast::file file;
  bool ok = true;
};

parse_result parse(source_ptr src, diagnostics& diags);

// Parses the expression written at `range` of `src` (e.g. a `{…}` of a message); positions in
// the result and in diagnostics point into `src`. Null on a syntax error (reported).
ast::expr_ptr parse_expression(const source_ptr& src, source_range range, diagnostics& diags);

// Whether `text` reads back as one identifier (`scoring`, `进一步提升`): the formatter writes
// such a value bare and quotes any other.
bool is_identifier(std::string_view text);

}  // namespace kpi
