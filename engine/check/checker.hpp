// Syntax trees → checked model. The checker resolves units, terms, dates and structure,
// collects every diagnostic it finds and keeps going; it never throws.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/check/units.hpp"
#include "engine/check/vocabulary.hpp"
#include "engine/model/model.hpp"
#include "grammar/ast.hpp"

namespace kpi {

// What declarations define: units, scales, dimensions and terms.
struct environment {
  unit_table units;
  vocabulary terms;
};

// Pass 1: the declarations of every file, in order (stdlib first), into `env`.
// files[i] is model source i.
void check_declarations(const std::vector<ast::file>& files, environment& env, diagnostics& diags);

// Pass 1 for the items of one file (files[file] of `sources`), in order, into `env`: the same
// as check_declarations for a file given in pieces, one call per piece.
void check_declarations(const std::vector<ast::item>& items, std::uint32_t file,
                        const std::vector<source_ptr>& sources, environment& env,
                        diagnostics& diags);

// Pass 2, a few blocks at a time: projects and actuals into `out` (whose `sources` are already
// set), resolved against `env`. Blocks are given in text order across calls; names are
// remembered between calls, so a project declared twice is found wherever the second is. Each
// block's tree is consumed (left empty) once its model is built.
class document_checker {
 public:
  struct block_ref {
    std::uint32_t file;  // index in out.sources
    ast::item* item;     // a project or an actuals block
  };
  document_checker(const environment& env, model::model& out) : env_(env), out_(out) {}
  void check(const std::vector<block_ref>& blocks, diagnostics& diags);

 private:
  const environment& env_;
  model::model& out_;
  std::unordered_map<std::string, model::location> project_names_, actuals_names_;
};

// Pass 2: projects and actuals of every file into `out`, resolved against `env`. Consumes
// their syntax trees: each project and actuals block is left empty once its model is built
// (a project declared twice keeps its tree), so the trees and the model never peak together.
void check_documents(std::vector<ast::file>& files, const environment& env, model::model& out,
                     diagnostics& diags);

}  // namespace kpi
