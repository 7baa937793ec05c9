#include "engine/rules/packs.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <openssl/evp.h>

#include "engine/base/spell.hpp"
#include "engine/load/load.hpp"
#include "engine/load/stdlib.hpp"
#include "grammar/parse.hpp"

namespace kpi::rules {
namespace {

namespace fs = std::filesystem;

// Whether `link` resolves to a file inside the directory `root` (already canonical). A link
// that resolves to nothing is outside.
bool inside(const fs::path& root, const fs::path& link) {
  std::error_code ec;
  fs::path target = fs::canonical(link, ec);
  if (ec) return false;
  auto [r, t] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
  return r == root.end();
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
  std::string out;
  for (unsigned int i = 0; i < len; ++i) out += fmt::format("{:02x}", digest[i]);
  return out;
}

pack_library::pack_library() = default;

void pack_library::add_source(const source_ptr& src, const std::string& dir, bool builtin,
                              diagnostics& diags, std::vector<std::size_t>* added) {
  parse_result pr = parse(src, diags);
  if (!pr.ok) return;
  auto file = std::make_shared<ast::file>(std::move(pr.file));
  files_.push_back(file);
  for (const auto& item : file->items) {
    const auto* p = std::get_if<ast::pack>(&item);
    if (p == nullptr) continue;
    pack_entry e;
    e.name = p->title.text;
    e.kind = "audit";
    e.dir = dir;
    e.builtin = builtin;
    e.src = src;
    e.syntax = p;
    e.hash = sha256_hex(src->slice(p->range));
    for (const auto& it : p->items) {
      const auto* s = std::get_if<ast::pack_setting>(&it);
      if (s == nullptr) continue;
      std::string* slot = s->key.text == "title"     ? &e.title
                          : s->key.text == "version" ? &e.version
                          : s->key.text == "kind"    ? &e.kind
                                                     : &e.extends;
      *slot = s->value.text;
    }
    auto same = std::find_if(packs_.begin(), packs_.end(),
                             [&](const pack_entry& o) { return o.name == e.name; });
    if (same != packs_.end() && !same->builtin) {
      auto& d = diags.error(src, p->title.range,
                            {fmt::format("pack '{}' is given twice", e.name),
                             fmt::format("规则包 '{}' 重复", e.name)});
      d.notes.push_back(
          {same->src, same->syntax->title.range, {"first given here", "首次出现于此"}});
      continue;
    }
    if (added != nullptr) added->push_back(packs_.size());
    packs_.push_back(std::move(e));
  }
}

void pack_library::add_builtin(diagnostics& diags) {
  // Parsed once per process and shared: the texts are compiled in and nothing changes their
  // trees. Programs that run many checks (the test runner, the fuzz targets) skip the reparse.
  struct parsed {
    pack_library lib;
    diagnostics diags;
  };
  static const std::unique_ptr<const parsed> once = [] {
    auto p = std::make_unique<parsed>();
    for (const auto& f : rule_files())
      p->lib.add_source(std::make_shared<source>(std::string(f.name), std::string(f.text)), "",
                        true, p->diags, nullptr);
    return p;
  }();
  diags.append(once->diags);
  files_.insert(files_.end(), once->lib.files_.begin(), once->lib.files_.end());
  packs_.insert(packs_.end(), once->lib.packs_.begin(), once->lib.packs_.end());
}

std::vector<std::size_t> pack_library::add_paths(const std::vector<std::string>& paths,
                                                 file_reader& reader, diagnostics& diags) {
  std::vector<std::size_t> added;
  for (const auto& path : paths) {
    std::vector<std::string> files;
    std::error_code ec;
    const bool directory = fs::is_directory(path, ec);
    if (directory) {
      // Only the tree itself is read: a link that leads out of it (to /etc/passwd, to a file
      // of secrets) is an error that names the link, and what it leads to is never opened.
      // Links to directories are not followed.
      const fs::path root = fs::canonical(path, ec);
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->path().extension() != ".kpi") continue;
        std::error_code link_ec;
        if (it->is_symlink(link_ec) && !inside(root, it->path())) {
          diags.error(nullptr, {},
                      {fmt::format("{} is a link to a file outside {}; kpi reads only the packs "
                                   "inside the directory it is given",
                                   it->path().string(), path),
                       fmt::format("{} 是指向 {} 之外文件的链接；kpi 只读取所给目录之内的规则包",
                                   it->path().string(), path)});
          continue;
        }
        if (it->is_regular_file(link_ec)) files.push_back(it->path().string());
      }
      std::sort(files.begin(), files.end());
      if (files.empty())
        diags.error(
            nullptr, {},
            {fmt::format("no .kpi files in {}", path), fmt::format("{} 中没有 .kpi 文件", path)});
    } else {
      files.push_back(path);
    }
    for (const auto& f : files) {
      source_ptr src = read_source(f, reader, diags);
      if (!src) continue;
      std::size_t before = added.size();
      add_source(src, fs::path(f).parent_path().lexically_normal().string(), false, diags, &added);
      // A file named on its own must hold a pack; in a directory, other .kpi files may sit
      // next to the packs.
      if (added.size() == before && !diags.has_errors() && !directory)
        diags.error(
            src, {},
            {fmt::format("{} holds no pack", f), fmt::format("{} 中没有规则包（pack）", f)});
    }
  }
  return added;
}

std::vector<std::size_t> pack_library::builtin_of_kind(const std::string& kind) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < packs_.size(); ++i)
    if (packs_[i].builtin && packs_[i].kind == kind) out.push_back(i);
  return out;
}

std::optional<std::size_t> pack_library::resolve_extends(const pack_entry& p,
                                                         diagnostics& diags) const {
  const auto* setting = [&]() -> const ast::pack_setting* {
    for (const auto& it : p.syntax->items)
      if (const auto* s = std::get_if<ast::pack_setting>(&it);
          s != nullptr && s->key.text == "extends")
        return s;
    return nullptr;
  }();
  const std::string& target = p.extends;
  bool is_path = target.find('/') != std::string::npos ||
                 (target.size() > 4 && target.substr(target.size() - 4) == ".kpi");
  if (!is_path) {
    for (std::size_t i = 0; i < packs_.size(); ++i)
      if (packs_[i].name == target) return i;
    std::vector<std::string> names;
    for (const auto& e : packs_) names.push_back(e.name);
    auto hint = closest(target, names);
    diags.error(p.src, setting->value.range,
                {fmt::format("no pack named '{}' to extend{}", target,
                             hint ? fmt::format(" (did you mean '{}'?)", *hint) : ""),
                 fmt::format("找不到要扩展的规则包 '{}'{}", target,
                             hint ? fmt::format("（是否为 '{}'？）", *hint) : "")});
    return std::nullopt;
  }
  // A path: inside the extending pack's own directory tree, never outside it.
  fs::path rel(target);
  // A pack given by a bare file name is in the current directory ("" is "."): `../x.kpi`
  // leaves it as it would leave any other.
  fs::path base = fs::path(p.dir.empty() ? "." : p.dir).lexically_normal();
  fs::path full = (base / rel).lexically_normal();
  fs::path within = full.lexically_relative(base);
  if (p.builtin || rel.is_absolute() || within.empty() || *within.begin() == "..") {
    diags.error(
        p.src, setting->value.range,
        {fmt::format("'{}' is outside the pack's directory; a pack extends packs in its own "
                     "directory tree or "
                     "built-in packs by name",
                     target),
         fmt::format(
             "'{}' "
             "不在本规则包所在目录内；规则包只能扩展其目录树内的规则包，或按名称扩展内置规则包",
             target)});
    return std::nullopt;
  }
  for (std::size_t i = 0; i < packs_.size(); ++i)
    if (!packs_[i].builtin && fs::path(packs_[i].src->name()).lexically_normal() == full) return i;
  diags.error(p.src, setting->value.range,
              {fmt::format("no pack in '{}' (pass its directory with --rules too)", full.string()),
               fmt::format("'{}' 中没有规则包（请一并用 --rules 指定其目录）", full.string())});
  return std::nullopt;
}

namespace {

// A pack that extends another and sets a parameter the base does not have: most often a typo,
// which would otherwise leave the base's value in force without a word.
void warn_new_param(const ast::param_decl& prm, const pack_entry& p, const param_values& params,
                    diagnostics& diags) {
  std::vector<std::string> names;
  for (const auto& [name, v] : params) names.push_back(name);
  auto hint = closest(prm.id.text, names);
  if (!hint) return;
  diags.report(
      severity::warning, p.src, prm.id.range,
      {fmt::format("param '{}' is new here (no extended pack declares it); did you mean "
                   "'{}'?",
                   prm.id.text, *hint),
       fmt::format("参数 '{}' 在被扩展的规则包中不存在；是否为 '{}'？", prm.id.text, *hint)});
}

}  // namespace

std::optional<program> pack_library::build(std::size_t index, const environment& env,
                                           diagnostics& diags) const {
  // The chain from the root pack to this one.
  std::vector<std::size_t> chain{index};
  std::set<std::size_t> seen{index};
  while (!packs_[chain.back()].extends.empty()) {
    auto base = resolve_extends(packs_[chain.back()], diags);
    if (!base) return std::nullopt;
    if (!seen.insert(*base).second) {
      diags.error(packs_[index].src, packs_[index].syntax->title.range,
                  {fmt::format("pack '{}' extends itself through '{}'", packs_[index].name,
                               packs_[*base].name),
                   fmt::format("规则包 '{}' 经由 '{}' 循环扩展自身", packs_[index].name,
                               packs_[*base].name)});
      return std::nullopt;
    }
    chain.push_back(*base);
  }
  std::reverse(chain.begin(), chain.end());

  const std::size_t errors_before = diags.error_count();
  param_values params;
  struct rule_source {
    const ast::rule_decl* decl;
    std::size_t pack;
  };
  std::vector<std::string> order;
  std::map<std::string, rule_source> rules;
  std::map<std::string, std::string> severity_override;
  std::set<std::string> disabled;
  for (std::size_t pi : chain) {
    const pack_entry& p = packs_[pi];
    pack_origin origin{p.name, p.version, p.hash, p.src};
    for (const auto& item : p.syntax->items) {
      if (const auto* prm = std::get_if<ast::param_decl>(&item)) {
        if (pi != chain.front() && !params.count(prm->id.text))
          warn_new_param(*prm, p, params, diags);
        if (auto v = compile_param(*prm->value, env, origin, params, diags))
          params[prm->id.text] = *v;
      } else if (const auto* r = std::get_if<ast::rule_decl>(&item)) {
        if (!rules.count(r->id.text)) order.push_back(r->id.text);
        rules[r->id.text] = {r, pi};
      } else if (const auto* o = std::get_if<ast::override_decl>(&item)) {
        if (!rules.count(o->rule.text)) {
          std::vector<std::string> ids(order.begin(), order.end());
          auto hint = closest(o->rule.text, ids);
          diags.error(
              p.src, o->rule.range,
              {fmt::format("no rule '{}' to {}{}", o->rule.text, o->keyword.text,
                           hint ? fmt::format(" (did you mean '{}'?)", *hint) : ""),
               fmt::format("没有可{}的规则 '{}'{}", o->keyword.text == "disable" ? "停用" : "调整",
                           o->rule.text, hint ? fmt::format("（是否为 '{}'？）", *hint) : "")});
          continue;
        }
        if (o->keyword.text == "disable") {
          disabled.insert(o->rule.text);
        } else if (o->value->text != "error" && o->value->text != "warning" &&
                   o->value->text != "info") {
          diags.error(
              p.src, o->value->range,
              {fmt::format("unknown severity '{}'; use error, warning or info", o->value->text),
               fmt::format("未知的严重程度 '{}'；应为 error、warning 或 info", o->value->text)});
        } else {
          severity_override[o->rule.text] = o->value->text;
        }
      }
    }
  }
  program out;
  const pack_entry& top = packs_[index];
  out.name = top.name;
  out.title = top.title;
  out.version = top.version;
  out.hash = top.hash;
  for (const auto& id : order) {
    if (disabled.count(id)) continue;
    const auto& [decl, pi] = rules[id];
    const pack_entry& p = packs_[pi];
    auto r = compile_rule(*decl, env, {p.name, p.version, p.hash, p.src}, params, diags);
    if (!r) continue;
    if (auto it = severity_override.find(id); it != severity_override.end())
      r->level = it->second == "error"     ? severity::error
                 : it->second == "warning" ? severity::warning
                                           : severity::info;
    out.rules.push_back(std::move(*r));
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return out;
}

}  // namespace kpi::rules
