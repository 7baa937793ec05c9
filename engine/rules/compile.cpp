// Rules from pack syntax: severity, scope, lets, requirements and the message, each expression
// compiled by expr_compiler.
#include "engine/rules/compile.hpp"

#include <fmt/format.h>

#include "engine/rules/evaluator.hpp"
#include "engine/rules/expr_compiler.hpp"
#include "grammar/parse.hpp"

namespace kpi::rules {
namespace {

std::optional<severity> severity_of(const std::string& s) {
  if (s == "error") return severity::error;
  if (s == "warning") return severity::warning;
  if (s == "info") return severity::info;
  return std::nullopt;
}

// Splits "合计 {cost} 与 {funds.total}" into text and compiled expressions.
bool compile_message(expr_compiler& c, const ast::name& msg, const pack_origin& origin,
                     diagnostics& diags, std::vector<message_part>& out) {
  const std::string& t = msg.text;
  std::string_view raw = origin.src->slice({msg.range.begin + 1, msg.range.end - 1});
  std::size_t raw_pos = 0;
  std::string literal;
  bool ok = true;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if ((t[i] == '{' || t[i] == '}') && i + 1 < t.size() && t[i + 1] == t[i]) {
      literal.push_back(t[i++]);
      continue;
    }
    if (t[i] != '{') {
      literal.push_back(t[i]);
      continue;
    }
    std::size_t close = t.find('}', i);
    std::size_t raw_open = raw.find('{', raw_pos);
    std::size_t raw_close = raw_open == std::string_view::npos ? raw_open : raw.find('}', raw_open);
    auto base = msg.range.begin + 1;
    if (close == std::string::npos || raw_close == std::string_view::npos) {
      c.error(
          {static_cast<std::uint32_t>(base + (raw_open == std::string_view::npos ? 0 : raw_open)),
           msg.range.end},
          "unclosed '{' in the message (write '{{' for a brace)",
          "提示信息中的 '{' 未闭合（字面的花括号请写作 '{{'）");
      return false;
    }
    out.push_back({literal, nullptr});
    literal.clear();
    source_range r{static_cast<std::uint32_t>(base + raw_open + 1),
                   static_cast<std::uint32_t>(base + raw_close)};
    ast::expr_ptr e = parse_expression(origin.src, r, diags);
    if (!e) {
      ok = false;
    } else {
      node_ptr compiled = c.compile(*e);
      if (!compiled) ok = false;
      out.push_back({"", compiled});
    }
    raw_pos = raw_close + 1;
    i = close;
  }
  if (!literal.empty()) out.push_back({literal, nullptr});
  return ok;
}

}  // namespace

std::optional<value> compile_param(const ast::expr& e, const environment& env,
                                   const pack_origin& origin, const param_values& params,
                                   diagnostics& diags) {
  expr_compiler c(env, origin, params, diags);
  node_ptr n = c.compile(e);
  if (!n) return std::nullopt;
  auto v = evaluate_constant(*n);
  if (!v) {
    c.error(e.range, "a parameter must be a constant (numbers, text, lists)",
            "参数必须是常量（数值、文本、列表）");
    return std::nullopt;
  }
  return v;
}

std::optional<rule> compile_rule(const ast::rule_decl& r, const environment& env,
                                 const pack_origin& origin, const param_values& params,
                                 diagnostics& diags) {
  expr_compiler c(env, origin, params, diags);
  rule out;
  out.id = r.id.text;
  out.pack = origin.name;
  out.version = origin.version;
  out.hash = origin.hash;
  out.src = origin.src;
  out.range = r.range;
  if (!r.severity) {
    c.error(r.id.range, fmt::format("rule {} needs a severity (error, warning or info)", r.id.text),
            fmt::format("规则 {} 缺少严重程度（error、warning 或 info）", r.id.text));
  } else if (auto s = severity_of(r.severity->text)) {
    out.level = *s;
  } else {
    c.error(r.severity->range,
            fmt::format("unknown severity '{}'; use error, warning or info", r.severity->text),
            fmt::format("未知的严重程度 '{}'；应为 error、warning 或 info", r.severity->text));
  }
  if (!r.scope) {
    c.error(r.id.range,
            fmt::format("rule {} needs a scope: each project or each indicator", r.id.text),
            fmt::format("规则 {} 缺少作用范围：each project 或 each indicator", r.id.text));
  } else if (r.scope->text == "indicator") {
    out.each = scope::indicator;
  } else if (r.scope->text != "project") {
    c.error(r.scope->range,
            fmt::format("unknown scope '{}'; use each project or each indicator", r.scope->text),
            fmt::format("未知的作用范围 '{}'；应为 each project 或 each indicator", r.scope->text));
  }
  c.push_scope(out.each);
  if (r.scope_filter) out.filter = c.condition(*r.scope_filter);
  for (const auto& [name, e] : r.lets) {
    node_ptr n = c.compile(*e);
    c.add_let(name.text);
    out.lets.emplace_back(name.text, n);
  }
  if (r.requires_.empty())
    c.error(r.id.range, fmt::format("rule {} has no 'require'", r.id.text),
            fmt::format("规则 {} 缺少 require", r.id.text));
  for (const auto& e : r.requires_) out.requires_.push_back(c.condition(*e));
  if (r.message) {
    compile_message(c, *r.message, origin, diags, out.message);
  } else {
    c.error(r.id.range, fmt::format("rule {} needs a message", r.id.text),
            fmt::format("规则 {} 缺少 message", r.id.text));
  }
  if (r.cite) out.cite = r.cite->text;
  if (c.failed()) return std::nullopt;
  return out;
}

}  // namespace kpi::rules
