#include "engine/load/load.hpp"

#include <fmt/format.h>

#include "engine/load/parallel.hpp"
#include "engine/load/stdlib.hpp"
#include "grammar/parse.hpp"

namespace kpi {
namespace {

bool is_document(const ast::item& i) {
  return std::holds_alternative<ast::project>(i) || std::holds_alternative<ast::actuals>(i);
}

// The front end piece by piece: each file is cut at the lines that open a project or actuals
// block (item_cuts), a few pieces are parsed at once (one per thread), their declarations are
// checked, then their projects and actuals, and their trees freed before the next pieces are
// parsed. The result — model, environment, kept declarations and packs, messages in the same
// order — is the one the whole-file passes give, because it is taken only when the order of
// the text allows it: false (and `r` to be thrown away) on a syntax error or bad encoding (the
// whole-file parse reports those as it always does) and on a declaration that comes after a
// project or actuals block (it applies to that block too, so the blocks must wait for it).
bool load_in_pieces(const std::vector<source_ptr>& sources, const load_options& options,
                    load_result& r) {
  const std::size_t piece_bytes = options.piece_bytes;
  diagnostics parsed, declared, documents;
  r.model.sources = sources;
  r.files.resize(sources.size());
  document_checker checker(r.env, r.model);
  bool documents_seen = false;
  const std::size_t group = jobs();
  for (std::uint32_t i = 0; i < sources.size(); ++i) {
    const source_ptr& src = sources[i];
    r.files[i].src = src;
    if (!check_text_encoding(src, parsed) || parsed.has_errors()) return false;
    const std::string_view text = src->text();
    const std::vector<std::size_t> cuts = item_cuts(text, text.size() / piece_bytes + 1);
    for (std::size_t first = 0; first + 1 < cuts.size(); first += group) {
      const std::size_t n = std::min(group, cuts.size() - 1 - first);
      std::vector<ast::file> pieces(n);
      std::vector<diagnostics> piece_diags(n);
      std::vector<char> ok(n, 0);
      parallel_chunks(n, n, [&](std::size_t, std::size_t b, std::size_t e) {
        for (std::size_t k = b; k < e; ++k)
          ok[k] = parse_range(src, cuts[first + k], cuts[first + k + 1], pieces[k], piece_diags[k]);
      });
      std::vector<ast::item> kept;  // declarations and packs, in order
      std::vector<document_checker::block_ref> blocks;
      for (std::size_t k = 0; k < n; ++k) {
        if (ok[k] == 0) return false;
        parsed.append(piece_diags[k]);
        for (ast::item& item : pieces[k].items) {
          if (is_document(item)) {
            documents_seen = true;
            blocks.push_back({i, &item});
          } else if (!std::holds_alternative<ast::pack>(item) && documents_seen) {
            return false;
          }
        }
      }
      for (std::size_t k = 0; k < n; ++k)
        for (ast::item& item : pieces[k].items)
          if (!is_document(item)) kept.push_back(std::move(item));
      check_declarations(kept, i, sources, r.env, declared);
      const std::size_t before = r.model.projects.size();
      checker.check(blocks, documents);
      if (options.on_projects && r.model.projects.size() > before)
        options.on_projects(r.env, r.model, before, r.model.projects.size());
      auto& items = r.files[i].items;
      items.insert(items.end(), std::make_move_iterator(kept.begin()),
                   std::make_move_iterator(kept.end()));
      for (auto& piece : pieces) {
        auto& comments = r.files[i].comments;
        comments.insert(comments.end(), std::make_move_iterator(piece.comments.begin()),
                        std::make_move_iterator(piece.comments.end()));
      }
    }
  }
  r.diags.append(parsed);
  r.diags.append(declared);
  r.diags.append(documents);
  return true;
}

}  // namespace

source_ptr read_source(const std::string& path, file_reader& reader, diagnostics& diags) {
  text error;
  auto contents = reader.read(path, error);
  if (!contents) {
    diags.error(nullptr, {},
                {fmt::format("cannot read {}: {}", path, error.en),
                 fmt::format("无法读取 {}：{}", path, error.zh)});
    return nullptr;
  }
  return std::make_shared<source>(path, std::move(*contents));
}

load_result load(const std::vector<std::string>& paths, const load_options& options,
                 file_reader& reader) {
  load_result r;
  std::vector<source_ptr> sources;
  if (options.with_stdlib)
    for (const auto& f : stdlib_files())
      sources.push_back(std::make_shared<source>(std::string(f.name), std::string(f.text)));
  for (const auto* list : {&options.libs, &paths})
    for (const auto& p : *list)
      if (auto s = read_source(p, reader, r.diags)) sources.push_back(std::move(s));

  if (options.piece_bytes > 0 && !r.diags.has_errors()) {
    load_result streamed;
    streamed.diags = r.diags;
    streamed.in_pieces = true;
    if (load_in_pieces(sources, options, streamed)) return streamed;
  }

  bool parsed = true;
  for (const auto& s : sources) {
    parse_result pr = parse(s, r.diags);
    parsed = parsed && pr.ok;
    r.files.push_back(std::move(pr.file));
  }
  // A file that did not parse would only cause follow-on errors in the checker.
  if (!parsed || r.diags.has_errors()) {
    for (const auto& f : r.files) r.model.sources.push_back(f.src);
    return r;
  }
  check_declarations(r.files, r.env, r.diags);
  check_documents(r.files, r.env, r.model, r.diags);
  // The model now holds what the projects and actuals mean; their syntax trees are several
  // times the size of the text and nothing reads them again (declarations and packs stay).
  for (auto& f : r.files) {
    std::erase_if(f.items, [](const ast::item& i) {
      return std::holds_alternative<ast::project>(i) || std::holds_alternative<ast::actuals>(i);
    });
    f.items.shrink_to_fit();
  }
  return r;
}

}  // namespace kpi
