#include "engine/load/load.hpp"

#include <fmt/format.h>

#include "engine/load/stdlib.hpp"
#include "grammar/parse.hpp"

namespace kpi {

source_ptr read_source(const std::string& path, file_reader& reader, diagnostics& diags) {
  std::string error;
  auto text = reader.read(path, error);
  if (!text) {
    diags.error(nullptr, {},
                {fmt::format("cannot read {}: {}", path, error),
                 fmt::format("无法读取 {}：{}", path, error)});
    return nullptr;
  }
  return std::make_shared<source>(path, std::move(*text));
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
