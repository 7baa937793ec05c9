#include "engine/rules/runtime.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/base/utf8.hpp"
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

// `s` cut to at most `max` bytes (at a code point) with "…" when it was longer.
void cap(std::string& s, std::size_t max) {
  if (s.size() <= max) return;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  s.resize(end);
  s += "…";
}

// The message of a finding, at most `max` bytes: the parts after the cap are not evaluated.
std::string render_message(frame& f, const rule& r, std::size_t max) {
  std::string s;
  for (const auto& part : r.message) {
    if (s.size() > max) break;
    s += part.expr ? display(evaluate(f, *part.expr)) : part.literal;
  }
  cap(s, max);
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

// Thrown when the run's budget is spent during an application; the run stops there.
struct run_budget_spent {};

// Applies one rule to one item (a project, or an indicator of it) with at most `run_left` steps
// left in the run. Returns the steps the application took.
std::uint64_t apply(const rule& r, frame& f, const limits& lim, std::uint64_t run_left,
                    bool want_explain, std::vector<finding>& out) {
  f.steps = 0;
  const bool run_bound = run_left < lim.max_steps;
  f.budget = std::min(lim.max_steps, run_left);
  f.error.clear();
  f.lets.clear();
  try {
    if (r.filter && !holds(evaluate(f, *r.filter))) {
      if (f.error.empty()) return f.steps;
    } else {
      for (const auto& [name, n] : r.lets) f.lets.push_back(evaluate(f, *n));
      bool ok = true;
      for (const auto& req : r.requires_) ok = ok && holds(evaluate(f, *req));
      if (ok && f.error.empty()) return f.steps;
      if (f.error.empty()) {
        finding fd = start_finding(r, f);
        fd.message = render_message(f, r, lim.max_message_bytes);
        if (want_explain) {
          for (const auto& req : r.requires_)
            if (!holds(evaluate(f, *req))) explain(f, *req, fd.explain);
          for (std::size_t i = 0; i < r.lets.size(); ++i)
            fd.explain.push_back(fmt::format("{} = {}", r.lets[i].first, display(f.lets[i])));
          for (auto& line : fd.explain) cap(line, lim.max_message_bytes);
        }
        out.push_back(std::move(fd));
        return f.steps;
      }
    }
    finding fd = start_finding(r, f);
    fd.level = severity::error;
    fd.message = fmt::format("rule {} could not be evaluated: {} / 规则 {} 无法求值：{}", r.id,
                             f.error, r.id, f.error);
    cap(fd.message, lim.max_message_bytes);
    out.push_back(std::move(fd));
  } catch (const budget_exceeded&) {
    if (run_bound) throw run_budget_spent{};
    finding fd = start_finding(r, f);
    fd.level = severity::error;
    fd.message = fmt::format(
        "rule {} stopped after {} steps (its step budget; raise it with --max-steps) / 规则 {} "
        "超出 {} 步的计算预算",
        r.id, lim.max_steps, r.id, lim.max_steps);
    out.push_back(std::move(fd));
  }
  return f.steps;
}

// The finding that ends a run whose budget is spent: it names the rule (and where the rule is
// written) and the project or indicator it was applied to when the budget ran out.
finding run_stopped(const rule& r, const frame& f, const limits& lim) {
  finding fd = start_finding(r, f);
  fd.level = severity::error;
  std::string at = r.id;
  if (r.src) {
    line_column p = r.src->position(r.range.begin);
    at = fmt::format("{} ({}:{}:{})", r.id, r.src->name(), p.line, p.column);
  }
  fd.message = fmt::format(
      "the run stopped at rule {}: the rules took more than {} steps in all (the run's step "
      "budget; raise it with --max-run-steps); later projects and rules were not checked / "
      "运行在规则 {} 处停止：全部规则共超出 {} 步的运行预算（可用 --max-run-steps 调高），"
      "其后的项目和规则未检查",
      at, lim.max_run_steps, at, lim.max_run_steps);
  return fd;
}

// What one thread's share of the projects left behind.
struct chunk_result {
  std::vector<finding> found;
  // Per project done, in order: the number of findings after it and the steps it took.
  std::vector<std::pair<std::size_t, std::uint64_t>> done;
  bool stopped = false;  // its own steps ran past the run's budget before its end
};

// Applies every rule to project `pi` with `left` steps left in the run; adds its steps to
// `spent`. Throws run_budget_spent (after adding the finding that says so) when they run out.
void run_project(const program& p, const model::model& m, std::size_t pi, const limits& lim,
                 bool want_explain, std::uint64_t left, std::uint64_t& spent,
                 std::vector<finding>& out) {
  frame f;
  f.project = &m.projects[pi];
  auto one = [&](const rule& r) {
    try {
      spent += apply(r, f, lim, left - spent, want_explain, out);
    } catch (const run_budget_spent&) {
      out.push_back(run_stopped(r, f, lim));
      throw;
    }
  };
  for (const auto& r : p.rules) {
    if (r.each == scope::project) {
      f.item = nullptr;
      one(r);
    } else {
      for (const auto& ind : f.project->indicators) {
        f.item = &ind;
        one(r);
      }
    }
  }
}

}  // namespace

std::vector<finding> run(const program& p, const model::model& m, const limits& lim,
                         bool want_explain, run_budget* budget) {
  return run(p, m, lim, want_explain, 0, m.projects.size(), budget);
}

std::vector<finding> run(const program& p, const model::model& m, const limits& lim,
                         bool want_explain, std::size_t begin, std::size_t end,
                         run_budget* budget) {
  run_budget own;
  run_budget& b = budget != nullptr ? *budget : own;
  if (b.stopped || b.used >= lim.max_run_steps) {
    b.stopped = true;
    return {};
  }
  const std::uint64_t left = lim.max_run_steps - b.used;
  // Projects are independent and rules read nothing but the model: each chunk of projects
  // runs on its own thread into its own list, joined in chunk order, so the findings are the
  // same, in the same order, for any number of jobs. Each chunk counts its own steps against
  // what is left of the run's budget (so a run does at most jobs × that much work); the join
  // then stops where one thread running the projects in order would have stopped.
  const std::size_t n = end - begin;
  const std::size_t chunks = std::min<std::size_t>(jobs(), n / 64 + 1);
  std::vector<chunk_result> parts(chunks);
  parallel_chunks(n, chunks, [&](std::size_t c, std::size_t from, std::size_t to) {
    chunk_result& part = parts[c];
    std::uint64_t spent = 0;
    for (std::size_t i = from; i < to; ++i) {
      std::uint64_t before = spent;
      try {
        run_project(p, m, begin + i, lim, want_explain, left, spent, part.found);
      } catch (const run_budget_spent&) {
        part.stopped = true;
        return;
      }
      part.done.emplace_back(part.found.size(), spent - before);
    }
  });
  std::vector<finding> out;
  std::uint64_t used = 0;  // by the projects joined so far, in order
  for (std::size_t c = 0; c < chunks; ++c) {
    chunk_result& part = parts[c];
    std::size_t kept = 0;  // findings of the projects of this chunk that fit
    std::size_t j = 0;
    for (; j < part.done.size() && used + part.done[j].second <= left; ++j) {
      used += part.done[j].second;
      kept = part.done[j].first;
    }
    const bool all_fit = j == part.done.size() && !part.stopped;
    if (c == 0 && !all_fit) kept = part.found.size();  // chunk 0 ran in order from the start
    out.insert(out.end(), std::make_move_iterator(part.found.begin()),
               std::make_move_iterator(part.found.begin() + static_cast<std::ptrdiff_t>(kept)));
    std::vector<finding>().swap(part.found);
    if (all_fit) continue;
    b.used = lim.max_run_steps;
    b.stopped = true;
    if (c == 0) return out;
    // The run's budget ends in project j of this chunk: run it again with what is left in
    // order, to stop at the same rule and item as one thread would.
    const std::size_t pi = begin + n * c / chunks + j;
    std::uint64_t spent = 0;
    try {
      run_project(p, m, pi, lim, want_explain, left - used, spent, out);
    } catch (const run_budget_spent&) {
    }
    return out;
  }
  b.used += used;
  return out;
}

}  // namespace kpi::rules
