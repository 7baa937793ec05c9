// The syntax tree of a .kpi file: what was written, where, before any meaning is given to it.
// Every node carries a byte range into its source; line and column are computed only when a
// diagnostic is printed. Values that need the stdlib (units, terms) are kept as written.
#pragma once

#include "grammar/document_ast.hpp"
#include "grammar/pack_ast.hpp"

namespace kpi::ast {

using item =
    std::variant<project, actuals, dimension_decl, unit_decl, scale_decl, terms_decl, pack>;

struct comment {
  source_range range;  // from '#' to the end of the line, line break excluded
};

struct file {
  source_ptr src;
  std::vector<item> items;
  std::vector<comment> comments;  // in source order
};

}  // namespace kpi::ast
