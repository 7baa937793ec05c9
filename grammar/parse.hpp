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

// Parses [begin, end) of `src` as a sequence of items into `out`, positions those of the whole
// text; false on a syntax error (reported). The text's encoding must have been checked
// (check_text_encoding): the grammar never sees bad bytes.
bool parse_range(const source_ptr& src, std::size_t begin, std::size_t end, ast::file& out,
                 diagnostics& diags);

// Where `text` can be cut into about `parts` pieces that parse alone: starts of lines that open
// a top-level item (`project "` or `actuals "` in column 1), near evenly spaced offsets; the
// first cut is 0 and the last text.size(). Strings never span lines and comments end with
// theirs, so such a line opens an item unless a block above it is left unclosed — a syntax
// error, which a caller finds by parsing the whole text in one piece, so that the message is the
// one a single pass gives.
std::vector<std::size_t> item_cuts(std::string_view text, std::size_t parts);

// Parses the expression written at `range` of `src` (e.g. a `{…}` of a message); positions in
// the result and in diagnostics point into `src`. Null on a syntax error (reported).
ast::expr_ptr parse_expression(const source_ptr& src, source_range range, diagnostics& diags);

// Whether `text` reads back as one identifier (`scoring`, `进一步提升`): the formatter writes
// such a value bare and quotes any other.
bool is_identifier(std::string_view text);

}  // namespace kpi
