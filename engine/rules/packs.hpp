// Finding, reading and composing rule packs: the packs built into kpi (rules/**/*.kpi), and
// files or directories a user names. A pack may `extends` another by name or by a path inside
// its own directory tree, set parameters, change a rule's severity or disable it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/check/checker.hpp"
#include "engine/load/files.hpp"
#include "engine/rules/compile.hpp"
#include "engine/rules/ir.hpp"
#include "grammar/ast.hpp"

namespace kpi::rules {

struct pack_entry {
  std::string name;
  std::string title;
  std::string version;
  std::string kind;     // audit (default) or scoring
  std::string extends;  // empty when it extends nothing
  std::string hash;     // SHA-256 of the pack's text
  std::string dir;      // directory of its file; empty for a built-in pack
  bool builtin = false;
  source_ptr src;
  const ast::pack* syntax = nullptr;
};

class pack_library {
 public:
  pack_library();
  pack_library(const pack_library&) = delete;
  pack_library& operator=(const pack_library&) = delete;

  // The packs built into kpi.
  void add_builtin(diagnostics& diags);
  // Packs from files or directories (every *.kpi below them); returns their indices.
  std::vector<std::size_t> add_paths(const std::vector<std::string>& paths, file_reader& reader,
                                     diagnostics& diags);
  // Built-in packs of a kind (the defaults when no --rules is given).
  [[nodiscard]] std::vector<std::size_t> builtin_of_kind(const std::string& kind) const;

  [[nodiscard]] const pack_entry& at(std::size_t i) const { return packs_.at(i); }
  [[nodiscard]] std::size_t size() const { return packs_.size(); }

  // The pack with what it extends and overrides applied, compiled against `env`.
  std::optional<program> build(std::size_t index, const environment& env, diagnostics& diags) const;

 private:
  std::vector<std::shared_ptr<ast::file>> files_;
  std::vector<pack_entry> packs_;

  void add_source(const source_ptr& src, const std::string& dir, bool builtin, diagnostics& diags,
                  std::vector<std::size_t>* added);
  std::optional<std::size_t> resolve_extends(const pack_entry& p, diagnostics& diags) const;
};

std::string sha256_hex(std::string_view data);

}  // namespace kpi::rules
