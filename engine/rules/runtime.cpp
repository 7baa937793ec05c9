#include "engine/rules/runtime.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/load/parallel.hpp"
#include "engine/rules/evaluator.hpp"

namespace kpi::rules {
namespace {

bool holds(const value& v) {
  return v.t == vtype::boolean && v.b;
}

// The failed parts of a condition and the values they saw.
void explain(frame& f, const node& n, std::vector<std::string>& out) {
  using bo = ast::binary_op;
  if (n.k == node_kind::binary && n.bop == bo::and_) {
    for (const auto& k : n.kids)
      if (!holds(evaluate(f, *k))) explain(f, *k, out);
    return;
  }
  if (n.k == node_kind::binary && n.bop == bo::or_) {
    for (const auto& k : n.kids) explain(f, *k, out);
    return;
  }
  value v = evaluate(f, n);
  std::string line = fmt::format("{} is {}", n.text, display(v));
  if (n.k == node_kind::binary) {
    std::vector<std::string> sides;
    for (const auto& k : n.kids)
      if (k->k != node_kind::constant && k->k != node_kind::list)
        sides.push_back(fmt::format("{} = {}", k->text, display(evaluate(f, *k))));
    if (!sides.empty()) line += fmt::format(" ({})", fmt::join(sides, "; "));
  }
  out.push_back(line);
}

std::string render_message(frame& f, const rule& r) {
  std::string s;
  for (const auto& part : r.message)
    s += part.expr ? display(evaluate(f, *part.expr)) : part.literal;
  return s;
}

// The finding a rule makes on the current item, without its message. Built only when the rule
// fails: most applications pass, and copying the rule's texts for each would dominate the run.
finding start_finding(const rule& r, const frame& f) {
  finding fd;
  fd.rule = r.id;
  fd.level = r.level;
  fd.pack = r.pack;
  fd.version = r.version;
  fd.hash = r.hash;
  fd.project = f.project->name;
  fd.cite = r.cite;
  if (f.item != nullptr) {
    fd.indicator = f.item->name;
    fd.loc = f.item->loc;
  } else {
    fd.loc = f.project->loc;
  }
  return fd;
}

// Applies one rule to one item (a project, or an indicator of it).
void apply(const rule& r, frame& f, const limits& lim, bool want_explain,
           std::vector<finding>& out) {
  f.steps = 0;
  f.budget = lim.max_steps;
  f.error.clear();
  f.lets.clear();
  try {
    if (r.filter && !holds(evaluate(f, *r.filter))) {
      if (f.error.empty()) return;
    } else {
      for (const auto& [name, n] : r.lets) f.lets.push_back(evaluate(f, *n));
      bool ok = true;
      for (const auto& req : r.requires_) ok = ok && holds(evaluate(f, *req));
      if (ok && f.error.empty()) return;
      if (f.error.empty()) {
        finding fd = start_finding(r, f);
        fd.message = render_message(f, r);
        if (want_explain) {
          for (const auto& req : r.requires_)
            if (!holds(evaluate(f, *req))) explain(f, *req, fd.explain);
          for (std::size_t i = 0; i < r.lets.size(); ++i)
            fd.explain.push_back(fmt::format("{} = {}", r.lets[i].first, display(f.lets[i])));
        }
        out.push_back(std::move(fd));
        return;
      }
    }
    finding fd = start_finding(r, f);
    fd.level = severity::error;
    fd.message = fmt::format("rule {} could not be evaluated: {} / 规则 {} 无法求值：{}", r.id,
                             f.error, r.id, f.error);
    out.push_back(std::move(fd));
  } catch (const budget_exceeded&) {
    finding fd = start_finding(r, f);
    fd.level = severity::error;
    fd.message = fmt::format(
        "rule {} stopped after {} steps (its step budget; raise it with --max-steps) / 规则 {} "
        "超出 {} 步的计算预算",
        r.id, lim.max_steps, r.id, lim.max_steps);
    out.push_back(std::move(fd));
  }
}

}  // namespace

std::vector<finding> run(const program& p, const model::model& m, const limits& lim,
                         bool want_explain) {
  return run(p, m, lim, want_explain, 0, m.projects.size());
}

std::vector<finding> run(const program& p, const model::model& m, const limits& lim,
                         bool want_explain, std::size_t begin, std::size_t end) {
  // Projects are independent and rules read nothing but the model: each chunk of projects
  // runs on its own thread into its own list, joined in chunk order, so the findings are the
  // same, in the same order, for any number of jobs.
  const std::size_t n = end - begin;
  const std::size_t chunks = std::min<std::size_t>(jobs(), n / 64 + 1);
  std::vector<std::vector<finding>> found(chunks);
  parallel_chunks(n, chunks, [&](std::size_t c, std::size_t b, std::size_t e) {
    std::vector<finding>& out = found[c];
    for (std::size_t i = b; i < e; ++i) {
      frame f;
      f.project = &m.projects[begin + i];
      for (const auto& r : p.rules) {
        if (r.each == scope::project) {
          f.item = nullptr;
          apply(r, f, lim, want_explain, out);
        } else {
          for (const auto& ind : f.project->indicators) {
            f.item = &ind;
            apply(r, f, lim, want_explain, out);
          }
        }
      }
    }
  });
  std::vector<finding> out = std::move(found[0]);
  for (std::size_t c = 1; c < chunks; ++c)
    out.insert(out.end(), std::make_move_iterator(found[c].begin()),
               std::make_move_iterator(found[c].end()));
  return out;
}

}  // namespace kpi::rules
