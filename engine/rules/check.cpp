#include "engine/rules/check.hpp"

#include <set>

#include <fmt/format.h>

namespace kpi::rules {

namespace {

// Builds the audit programs of `o` against the declarations in `env` into r.programs (messages
// in r.pack_diags).
void build_audits(const check_options& o, const environment& env, file_reader& reader,
                  check_result& r) {
  pack_library lib;
  lib.add_builtin(r.pack_diags);
  std::vector<std::size_t> chosen =
      o.packs.empty() ? lib.builtin_of_kind("audit") : lib.add_paths(o.packs, reader, r.pack_diags);
  std::size_t audits = 0;
  for (std::size_t i : chosen) {
    const pack_entry& e = lib.at(i);
    if (e.kind != "audit") {
      // Named with --rules but not an audit pack: say so rather than skip it without a word.
      r.pack_diags.report(
          severity::warning, e.src, e.syntax->title.range,
          {fmt::format("pack '{}' is a {} pack; kpi check runs audit packs only "
                       "(a scoring pack goes to kpi eval --rules)",
                       e.name, e.kind),
           fmt::format("规则包 '{}' 为 {} 类规则包；kpi check 只运行审核（audit）规则包"
                       "（评分规则包请用于 kpi eval --rules）",
                       e.name, e.kind)});
      continue;
    }
    ++audits;
    if (auto p = lib.build(i, env, r.pack_diags)) r.programs.push_back(std::move(*p));
  }
  if (audits == 0 && !o.packs.empty() && !r.pack_diags.has_errors()) {
    const pack_entry* first = chosen.empty() ? nullptr : &lib.at(chosen.front());
    r.pack_diags.error(first ? first->src : nullptr,
                       first ? first->syntax->title.range : source_range{},
                       {"no audit pack among --rules: nothing to check",
                        "--rules 中没有审核（audit）规则包，无可检查"});
  }
}

}  // namespace

check_result run_check(const check_options& o, file_reader& reader) {
  check_result r;
  // Read in pieces, the rules run on each piece's projects as soon as they are checked, and
  // with release_projects their indicators are dropped at once: the model of every project is
  // never held together. Findings are kept per program and joined in program order at the end:
  // the same findings, in the same order, as one run over the whole model.
  bool built = false;
  std::vector<std::vector<finding>> found;  // per program
  run_budget spent;                         // the steps of every pack on every piece
  load_options lo{o.libs, true};
  lo.piece_bytes = o.piece_bytes;
  lo.on_projects = [&](const environment& env, model::model& m, std::size_t b, std::size_t e) {
    if (!built) {
      build_audits(o, env, reader, r);
      built = true;
      found.resize(r.programs.size());
    }
    if (!r.pack_diags.has_errors())
      for (std::size_t k = 0; k < r.programs.size(); ++k) {
        auto fs = run(r.programs[k], m, o.lim, o.explain, b, e, &spent);
        found[k].insert(found[k].end(), std::make_move_iterator(fs.begin()),
                        std::make_move_iterator(fs.end()));
      }
    if (o.release_projects)
      for (std::size_t i = b; i < e; ++i) {
        model::project& p = m.projects[i];
        std::vector<model::indicator>().swap(p.indicators);
        for (std::string* s : {&p.department, &p.unit, &p.nature, &p.category, &p.goal})
          std::string().swap(*s);
      }
  };
  r.loaded = load(o.files, lo, reader);
  const bool ran = built && r.loaded.in_pieces;
  if (!ran || !r.loaded.ok()) {  // a fallback to whole files, or errors: as if nothing ran
    r.programs.clear();
    r.pack_diags = {};
    found.clear();
    spent = {};
  }
  if (!r.loaded.ok()) return r;
  if (!ran) build_audits(o, r.loaded.env, reader, r);
  if (r.pack_diags.has_errors()) return r;
  if (ran) {
    // The first program's list becomes the result as it is: one pack (the default) is not
    // copied at all, and each further list is freed once appended.
    for (std::size_t k = 0; k < found.size(); ++k) {
      if (k == 0) {
        r.findings = std::move(found[0]);
        continue;
      }
      r.findings.insert(r.findings.end(), std::make_move_iterator(found[k].begin()),
                        std::make_move_iterator(found[k].end()));
      std::vector<finding>().swap(found[k]);
    }
    return r;
  }
  for (const auto& p : r.programs) {
    auto fs = run(p, r.loaded.model, o.lim, o.explain, &spent);
    r.findings.insert(r.findings.end(), std::make_move_iterator(fs.begin()),
                      std::make_move_iterator(fs.end()));
  }
  return r;
}

std::size_t test_report::failed() const {
  std::size_t n = 0;
  for (const auto& c : cases) n += c.passed ? 0 : 1;
  return n;
}

namespace {

// Runs one test case of a pack.
test_case_result run_case(const pack_entry& entry, const program& prog, const ast::test_decl& t,
                          const environment& env, const limits& lim, diagnostics& diags) {
  test_case_result res;
  res.pack = entry.name;
  res.title = t.title.text;
  res.src = entry.src;
  res.range = t.range;
  ast::file given;
  given.src = entry.src;
  for (const auto& p : t.projects) given.items.emplace_back(p);
  for (const auto& a : t.actuals_blocks) given.items.emplace_back(a);
  model::model m;
  diagnostics given_diags;
  std::vector<ast::file> given_files{std::move(given)};
  check_documents(given_files, env, m, given_diags);
  if (given_diags.has_errors()) {
    diags.append(given_diags);
    res.passed = false;
    res.problems.push_back("the given project does not load / given 中的项目无法加载");
    return res;
  }
  std::vector<finding> fs = run(prog, m, lim, false);
  std::set<std::string> named;
  bool expect_none = false;
  for (const auto& e : t.expects) {
    if (!e.rule) {
      expect_none = true;
      continue;
    }
    bool met = false;
    for (const auto& f : fs)
      if (f.rule == e.rule->text && (!e.indicator || f.indicator == e.indicator->text)) met = true;
    if (e.absent) {
      if (met)
        res.problems.push_back(fmt::format("expected no {}{}, but it was reported", e.rule->text,
                                           e.indicator ? " on \"" + e.indicator->text + "\"" : ""));
      continue;
    }
    named.insert(e.rule->text);
    if (!met)
      res.problems.push_back(
          e.indicator ? fmt::format("expected {} on \"{}\", but it was not reported", e.rule->text,
                                    e.indicator->text)
                      : fmt::format("expected {}, but it was not reported", e.rule->text));
  }
  for (const auto& f : fs) {
    bool counted = expect_none || named.count(std::string(f.rule)) > 0;
    if (!counted) continue;
    bool expected = false;
    for (const auto& e : t.expects)
      if (e.rule && !e.absent && e.rule->text == f.rule &&
          (!e.indicator || e.indicator->text == f.indicator))
        expected = true;
    if (!expected)
      res.problems.push_back(fmt::format(
          "unexpected {}{}: {}", f.rule,
          f.indicator.empty() ? "" : fmt::format(" on \"{}\"", f.indicator), f.message));
  }
  res.passed = res.problems.empty();
  return res;
}

}  // namespace

test_report run_pack_tests(const std::vector<std::string>& paths,
                           const std::vector<std::string>& libs, const limits& lim,
                           file_reader& reader) {
  test_report rep;
  load_result base = load({}, {libs, true}, reader);
  rep.diags.append(base.diags);
  if (!base.ok()) return rep;
  pack_library lib;
  lib.add_builtin(rep.diags);
  std::vector<std::size_t> chosen =
      paths.empty() ? lib.builtin_of_kind("audit") : lib.add_paths(paths, reader, rep.diags);
  for (std::size_t i : chosen) {
    const pack_entry& entry = lib.at(i);
    if (entry.kind != "audit") continue;
    auto prog = lib.build(i, base.env, rep.diags);
    if (!prog) continue;
    std::set<std::string> exercised;
    for (const auto& item : entry.syntax->items) {
      const auto* t = std::get_if<ast::test_decl>(&item);
      if (t == nullptr) continue;
      for (const auto& e : t->expects)
        if (e.rule) exercised.insert(e.rule->text);
      rep.cases.push_back(run_case(entry, *prog, *t, base.env, lim, rep.diags));
    }
    for (const auto& r : prog->rules)
      if (!exercised.count(r.id)) rep.uncovered.emplace_back(entry.name, r.id);
  }
  return rep;
}

std::string test_report_text(const test_report& r, lang l, bool coverage) {
  std::string out;
  for (const auto& c : r.cases) {
    line_column p = c.src ? c.src->position(c.range.begin) : line_column{};
    out += fmt::format("{} {} › {}  ({}:{})\n", c.passed ? "PASS" : "FAIL", c.pack, c.title,
                       c.src ? c.src->name() : "", p.line);
    for (const auto& why : c.problems) out += "     " + why + "\n";
  }
  if (coverage) {
    if (r.uncovered.empty()) {
      out += l == lang::zh ? "覆盖率：每条规则都有测试\n"
                           : "coverage: every rule is exercised by a test\n";
    } else {
      out += l == lang::zh ? "没有测试覆盖的规则：\n" : "rules no test exercises:\n";
      for (const auto& [pack, rule] : r.uncovered) out += fmt::format("  {} {}\n", pack, rule);
    }
  }
  std::size_t failed = r.failed();
  out += fmt::format("{} passed, {} failed\n", r.cases.size() - failed, failed);
  return out;
}

}  // namespace kpi::rules
