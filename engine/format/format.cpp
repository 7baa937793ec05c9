#include "engine/format/format.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/base/utf8.hpp"
#include "engine/format/expr_text.hpp"
#include "engine/load/load.hpp"
#include "grammar/parse.hpp"

namespace kpi {
namespace {

// Names wider than this take no part in aligning a block (they would push it too far right).
constexpr int max_align_width = 40;

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out.push_back(c);
    }
  }
  return out + "\"";
}

std::string_view op_spelling(ast::cmp_op o) {
  switch (o) {
    case ast::cmp_op::ge:
      return ">=";
    case ast::cmp_op::le:
      return "<=";
    case ast::cmp_op::eq:
      return "=";
    case ast::cmp_op::gt:
      return ">";
    case ast::cmp_op::lt:
      return "<";
  }
  return "=";
}

std::uint32_t begin_of(const ast::string_field& f) {
  return f.key.range.begin;
}
std::uint32_t begin_of(const ast::period_field& f) {
  return f.key.range.begin;
}
std::uint32_t begin_of(const ast::funds_field& f) {
  return f.key.range.begin;
}
std::uint32_t begin_of(const ast::group& g) {
  return g.range.begin;
}
std::uint32_t begin_of(const ast::indicator& i) {
  return i.range.begin;
}
std::uint32_t begin_of(const ast::amount_field& f) {
  return f.key.range.begin;
}
std::uint32_t begin_of(const ast::actual_entry& e) {
  return e.range.begin;
}

std::string pad_to(std::string s, int width) {
  int w = utf8::width(s);
  return s + std::string(static_cast<std::size_t>(std::max(1, width - w)), ' ');
}

// Column to which a block aligns its names: the widest name that is not too wide, plus 2.
template <typename Names>
int align_column(const Names& names) {
  int w = 0;
  for (const std::string& n : names) {
    int nw = utf8::width(n);
    if (nw <= max_align_width) w = std::max(w, nw);
  }
  return w + 2;
}

class printer {
 public:
  explicit printer(const ast::file& f) : f_(f), text_(f.src->text()) {}

  std::string run() {
    const ast::item* prev = nullptr;
    for (const ast::item& item : f_.items) {
      std::uint32_t begin = item_begin(item);
      bool block = is_block(item);
      bool force_blank =
          prev != nullptr && (block || is_block(*prev) || prev->index() != item.index());
      leading(begin, force_blank);
      std::visit([&](const auto& x) { print(x); }, item);
      prev = &item;
    }
    leading(static_cast<std::uint32_t>(text_.size()), false);
    return out_;
  }

 private:
  const ast::file& f_;
  std::string_view text_;
  std::string out_;
  int indent_ = 0;
  std::size_t comment_ = 0;
  std::uint32_t last_end_ = 0;
  bool first_in_block_ = true;
  bool blank_emitted_ = false;
  int align_ = 0;  // column of values in the current block

  static bool is_block(const ast::item& i) {
    return std::holds_alternative<ast::project>(i) || std::holds_alternative<ast::actuals>(i) ||
           std::holds_alternative<ast::terms_decl>(i) || std::holds_alternative<ast::pack>(i);
  }
  static std::uint32_t item_begin(const ast::item& i) {
    return std::visit([](const auto& x) { return x.range.begin; }, i);
  }

  std::string_view slice(source_range r) const { return text_.substr(r.begin, r.end - r.begin); }

  bool blank_in_source(std::uint32_t from, std::uint32_t to) const {
    if (to <= from) return false;
    std::string_view gap = text_.substr(from, to - from);
    // Line breaks: LF, CRLF (counted at its LF) and a lone CR.
    int breaks = 0;
    for (std::size_t i = 0; i < gap.size(); ++i)
      if (gap[i] == '\n' || (gap[i] == '\r' && (i + 1 == gap.size() || gap[i + 1] != '\n')))
        ++breaks;
    return breaks >= 2;
  }

  void blank() {
    if (!out_.empty() && !blank_emitted_) out_ += "\n";
    blank_emitted_ = true;
  }

  void line(std::string_view s) {
    out_.append(static_cast<std::size_t>(indent_) * 2, ' ');
    out_ += s;
    out_ += "\n";
    blank_emitted_ = false;
    first_in_block_ = false;
  }

  // Comments on their own lines before `offset`, with the blank lines that separated them.
  // `force_blank` puts a blank line before the first of them (or before the item).
  void leading(std::uint32_t offset, bool force_blank) {
    while (comment_ < f_.comments.size() && f_.comments[comment_].range.begin < offset) {
      source_range c = f_.comments[comment_++].range;
      if ((force_blank || blank_in_source(last_end_, c.begin)) && !first_in_block_) blank();
      force_blank = false;
      line(slice(c));
      last_end_ = c.end;
    }
    if ((force_blank || blank_in_source(last_end_, offset)) && !first_in_block_) blank();
  }

  // A comment that follows `end` on the same source line goes at the end of the last line.
  // Only a comment that starts before `limit` (the next item of an opened block) qualifies.
  void trailing(std::uint32_t end, std::uint32_t limit = UINT32_MAX) {
    last_end_ = std::max(last_end_, end);
    if (comment_ >= f_.comments.size()) return;
    source_range c = f_.comments[comment_].range;
    if (c.begin < end || c.begin > limit) return;
    std::string_view gap = text_.substr(end, c.begin - end);
    if (gap.find('\n') != std::string_view::npos || gap.find('\r') != std::string_view::npos)
      return;
    out_.pop_back();
    out_ += "  ";
    out_ += slice(c);
    out_ += "\n";
    ++comment_;
    last_end_ = c.end;
  }

  void open(std::string_view head, std::uint32_t head_end, std::uint32_t first_item) {
    line(std::string(head) + " {");
    trailing(head_end, first_item);
    ++indent_;
    first_in_block_ = true;
  }

  void close(std::uint32_t close_offset) {
    leading(close_offset, false);
    --indent_;
    line("}");
    trailing(close_offset + 1);
  }

  std::string quantity(const ast::quantity& q) const {
    std::string s(slice(q.num.range));
    if (q.unit) s += " " + q.unit->text;
    return s;
  }

  // ---- targets ----

  std::string target(const ast::compare_target& t) const {
    std::string v = std::holds_alternative<ast::date_lit>(t.value)
                        ? std::get<ast::date_lit>(t.value).text
                        : quantity(std::get<ast::quantity>(t.value));
    return fmt::format("{} {}", op_spelling(t.op), v);
  }
  std::string target(const ast::range_target& t) const {
    return fmt::format("between {} .. {}", quantity(t.low), quantity(t.high));
  }
  std::string target(const ast::term_target& t) const { return t.term.text; }
  std::string target(const ast::text_target& t) const { return quote(t.text.text); }

  // ---- projects ----

  void print(const ast::project& p, std::string_view prefix = "") {
    open(std::string(prefix) + "project " + quote(p.title.text), p.title.range.end,
         p.items.empty() ? p.range.end
                         : std::visit([](const auto& x) { return begin_of(x); }, p.items.front()));
    for (const ast::project_item& item : p.items) {
      std::visit(
          [&](const auto& x) {
            leading(begin_of(x), false);
            print_item(x);
          },
          item);
    }
    close(p.range.end - 1);
  }

  void print_item(const ast::string_field& f) {
    line(fmt::format("{} {}", f.key.text, quote(f.value.text)));
    trailing(f.value.range.end);
  }
  void print_item(const ast::period_field& f) {
    line(fmt::format("period {} .. {}", f.from.text, f.to.text));
    trailing(f.to.range.end);
  }
  void print_item(const ast::funds_field& f) {
    std::string s = "funds";
    for (const auto& e : f.entries) s += fmt::format(" {} {}", e.key.text, quantity(e.amount));
    line(s);
    trailing(f.entries.empty() ? f.key.range.end : f.entries.back().amount.range.end);
  }
  void print_item(const ast::group& g) {
    open(g.label.text, g.label.range.end,
         g.items.empty()
             ? g.range.end
             : std::visit([](const auto& x) { return begin_of(x); }, g.items.front().node));
    int saved = align_;
    std::vector<std::string> names;
    for (const auto& item : g.items)
      if (const auto* ind = std::get_if<ast::indicator>(&item.node))
        names.push_back(quote(ind->title.text));
    align_ = align_column(names);
    for (const auto& item : g.items) {
      std::visit(
          [&](const auto& x) {
            leading(begin_of(x), false);
            print_item(x);
          },
          item.node);
    }
    align_ = saved;
    close(g.range.end - 1);
  }
  void print_item(const ast::indicator& ind) {
    std::string s = pad_to(quote(ind.title.text), align_) +
                    std::visit([&](const auto& t) { return target(t); }, ind.goal);
    std::uint32_t end = ind.goal_range.end;
    if (ind.weight) {
      s += fmt::format("  weight {}", slice(ind.weight->range));
      end = ind.weight->range.end;
    }
    line(s);
    trailing(end);
  }

  // ---- actuals ----

  void print(const ast::actuals& a, std::string_view prefix = "") {
    open(std::string(prefix) + "actuals " + quote(a.project.text), a.project.range.end,
         a.items.empty() ? a.range.end
                         : std::visit([](const auto& x) { return begin_of(x); }, a.items.front()));
    std::vector<std::string> names;
    for (const auto& item : a.items)
      if (const auto* e = std::get_if<ast::actual_entry>(&item))
        names.push_back(quote(e->indicator.text));
    align_ = align_column(names);
    for (const auto& item : a.items) {
      std::visit(
          [&](const auto& x) {
            leading(begin_of(x), false);
            print_item(x);
          },
          item);
    }
    close(a.range.end - 1);
  }
  void print_item(const ast::amount_field& f) {
    line(fmt::format("{} {}{}", f.key.text, quantity(f.amount),
                     f.because ? "  because " + quote(f.because->text) : ""));
    trailing(f.because ? f.because->range.end : f.amount.range.end);
  }
  std::string value(const ast::quantity& q) const { return quantity(q); }
  std::string value(const ast::date_lit& d) const { return d.text; }
  std::string value(const ast::grade_value& g) const {
    return g.share ? fmt::format("{} {}", g.grade.text, quantity(*g.share)) : g.grade.text;
  }
  std::string value(const ast::quoted_value& q) const { return quote(q.text.text); }
  void print_item(const ast::actual_entry& e) {
    std::string s = pad_to(quote(e.indicator.text), align_) + "= " +
                    std::visit([&](const auto& v) { return value(v); }, e.value);
    std::uint32_t end = e.value_range.end;
    if (e.because) {
      s += "  because " + quote(e.because->text);
      end = e.because->range.end;
    }
    if (e.override_score) {
      s += fmt::format("  override {} because {}", slice(e.override_score->range),
                       quote(e.override_reason->text));
      end = e.override_reason->range.end;
    }
    line(s);
    trailing(end);
  }

  // ---- packs ----

  static std::uint32_t pack_item_begin(const ast::pack_item& item) {
    return std::visit(
        [](const auto& x) -> std::uint32_t {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, ast::pack_setting>)
            return x.key.range.begin;
          else
            return x.range.begin;
        },
        item);
  }

  void print(const ast::pack& p) {
    open("pack " + quote(p.title.text), p.title.range.end,
         p.items.empty() ? p.range.end : pack_item_begin(p.items.front()));
    const ast::pack_item* prev = nullptr;
    for (const ast::pack_item& item : p.items) {
      // Blocks (rules, tables, tests) stand apart from their neighbours.
      bool block = std::holds_alternative<ast::rule_decl>(item) ||
                   std::holds_alternative<ast::table_decl>(item) ||
                   std::holds_alternative<ast::test_decl>(item);
      bool prev_block = prev != nullptr && (std::holds_alternative<ast::rule_decl>(*prev) ||
                                            std::holds_alternative<ast::table_decl>(*prev) ||
                                            std::holds_alternative<ast::test_decl>(*prev));
      leading(pack_item_begin(item), prev != nullptr && (block || prev_block));
      std::visit([&](const auto& x) { print_pack_item(x); }, item);
      prev = &item;
    }
    close(p.range.end - 1);
  }

  void print_pack_item(const ast::pack_setting& s) {
    // `kind scoring` is written bare, as the packs write it, unless the text would not read
    // back as one word (`kind "财预〔2020〕10号"`).
    bool word = s.key.text == "kind" && is_identifier(s.value.text);
    line(fmt::format("{} {}", s.key.text, word ? s.value.text : quote(s.value.text)));
    trailing(s.value.range.end);
  }
  // An expression in its canonical form, or as written when that form would not read back: the
  // parentheses a `where` needs before a comparison (`(a where b) < c`) can nest a long chain
  // past the parser's limit where the text as written, relying on the condition's end, did not.
  // (Kept canonical when a comment lies inside it: the comment is printed on its own.)
  std::string expr_out(const ast::expr& e) const {
    std::string canonical = expr_text(e);
    auto src = std::make_shared<source>("fmt", canonical);
    diagnostics d;
    if (parse_expression(src, {0, static_cast<std::uint32_t>(canonical.size())}, d))
      return canonical;
    for (const auto& c : f_.comments)
      if (c.range.begin >= e.range.begin && c.range.begin < e.range.end) return canonical;
    return std::string(text_.substr(e.range.begin, e.range.end - e.range.begin));
  }

  void print_pack_item(const ast::param_decl& p) {
    line(fmt::format("param {} = {}", p.id.text, expr_out(*p.value)));
    trailing(p.range.end);
  }
  void print_pack_item(const ast::table_decl& t) {
    open("table " + t.id.text, t.id.range.end,
         t.rows.empty() ? t.range.end : t.rows.front().key.range.begin);
    std::vector<std::string> keys;
    for (const auto& r : t.rows) keys.push_back(r.key.text + ":");
    int column = align_column(keys);
    for (const auto& r : t.rows) {
      leading(r.key.range.begin, false);
      std::string values;
      for (std::size_t i = 0; i < r.values.size(); ++i)
        values += (i ? ", " : "") + expr_out(*r.values[i]);
      line(pad_to(r.key.text + ":", column) + values);
      trailing(r.values.empty() ? r.key.range.end : r.values.back()->range.end);
    }
    close(t.range.end - 1);
  }
  void print_pack_item(const ast::rule_decl& r) {
    std::uint32_t first = r.range.end - 1;
    open("rule " + r.id.text, r.id.range.end, first);
    if (r.severity) line("severity " + r.severity->text);
    if (r.scope)
      line("each " + r.scope->text +
           (r.scope_filter ? " where " + expr_out(*r.scope_filter) : std::string()));
    for (const auto& [name, value] : r.lets)
      line(fmt::format("let {} = {}", name.text, expr_out(*value)));
    for (const auto& req : r.requires_) line("require " + expr_out(*req));
    if (r.message) line("message " + quote(r.message->text));
    if (r.cite) line("cite " + quote(r.cite->text));
    first_in_block_ = true;  // statements carry no positions: no blank line before '}'
    close(r.range.end - 1);
  }
  void print_pack_item(const ast::test_decl& t) {
    open("test " + quote(t.title.text), t.title.range.end, t.range.end - 1);
    for (const auto& p : t.projects) print(p, "given ");
    for (const auto& a : t.actuals_blocks) print(a, "given ");
    for (const auto& e : t.expects) {
      leading(e.range.begin, false);
      std::string s = "expect ";
      s += e.rule ? (e.absent ? "no " : "") + e.rule->text : "none";
      if (e.indicator) s += " on " + quote(e.indicator->text);
      line(s);
      trailing(e.range.end);
    }
    close(t.range.end - 1);
  }
  void print_pack_item(const ast::override_decl& o) {
    line(o.value ? fmt::format("{} {} {}", o.keyword.text, o.rule.text, o.value->text)
                 : fmt::format("{} {}", o.keyword.text, o.rule.text));
    trailing(o.range.end);
  }

  // ---- declarations ----

  void print(const ast::dimension_decl& d) {
    std::string s = fmt::format("dimension {}", d.dimension.text);
    if (d.description) s = pad_to(s, decl_column(d)) + quote(d.description->text);
    line(s);
    trailing(d.range.end);
  }
  void print(const ast::unit_decl& u) {
    std::string s = pad_to("unit " + u.unit.text, decl_column(u));
    s += u.dimension ? u.dimension->text : "= " + quantity(*u.definition);
    line(s);
    trailing(u.range.end);
  }
  void print(const ast::scale_decl& s) {
    line(pad_to("scale " + s.prefix.text, decl_column(s)) + "= " +
         std::string(slice(s.factor.range)));
    trailing(s.range.end);
  }
  void print(const ast::terms_decl& t) {
    std::string head = "terms " + t.term_class.text;
    if (t.description) head += " " + quote(t.description->text);
    open(head, t.description ? t.description->range.end : t.term_class.range.end,
         t.terms.empty() ? t.range.end : t.terms.front().range.begin);
    // Terms keep the lines the author gave them.
    std::size_t i = 0;
    while (i < t.terms.size()) {
      leading(t.terms[i].range.begin, false);
      std::string s = t.terms[i].text;
      std::size_t j = i + 1;
      while (j < t.terms.size() && text_.substr(t.terms[j - 1].range.end,
                                                t.terms[j].range.begin - t.terms[j - 1].range.end)
                                           .find_first_of("\n#") == std::string_view::npos)
        s += " " + t.terms[j++].text;
      line(s);
      trailing(t.terms[j - 1].range.end);
      i = j;
    }
    close(t.range.end - 1);
  }

  // Declarations of one kind on consecutive lines align their second column.
  template <typename Decl>
  int decl_column(const Decl& d) const {
    std::vector<std::string> run;
    bool found = false;
    const Decl* prev = nullptr;
    for (const ast::item& item : f_.items) {
      const auto* x = std::get_if<Decl>(&item);
      bool breaks =
          x == nullptr || (prev != nullptr && blank_in_source(prev->range.end, x->range.begin));
      if (breaks) {
        if (found) break;
        run.clear();
      }
      if (x != nullptr) {
        run.push_back(head_of(*x));
        if (x == &d) found = true;
      }
      prev = x;
    }
    return align_column(run);
  }
  static std::string head_of(const ast::dimension_decl& d) {
    return "dimension " + d.dimension.text;
  }
  static std::string head_of(const ast::unit_decl& u) { return "unit " + u.unit.text; }
  static std::string head_of(const ast::scale_decl& s) { return "scale " + s.prefix.text; }
};

}  // namespace

std::string format(const ast::file& f) {
  return printer(f).run();
}

format_report format_files(const std::vector<std::string>& paths, file_reader& files, bool in_place,
                           bool check) {
  format_report rep;
  for (const auto& path : paths) {
    source_ptr src = read_source(path, files, rep.diags);
    if (!src) continue;
    parse_result pr = parse(src, rep.diags);
    if (!pr.ok) continue;
    std::string text = format(pr.file);
    if (text == src->text()) {
      if (!in_place && !check) rep.output += text;
      continue;
    }
    if (check) {
      rep.unformatted.push_back(path);
    } else if (in_place) {
      kpi::text error;
      if (!files.rewrite(path, text, error))
        rep.diags.error(nullptr, {},
                        {fmt::format("cannot rewrite {}: {}", path, error.en),
                         fmt::format("无法改写 {}：{}", path, error.zh)});
    } else {
      rep.output += text;
    }
  }
  return rep;
}

}  // namespace kpi
