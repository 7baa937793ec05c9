#include "grammar/parse.hpp"

#include <algorithm>
#include <optional>

#include <tao/pegtl.hpp>

#include "engine/base/utf8.hpp"
#include "engine/load/parallel.hpp"
#include "grammar/document_actions.hpp"
#include "grammar/errors.hpp"
#include "grammar/pack_actions.hpp"
#include "grammar/pack_grammar.hpp"

namespace kpi {
namespace {

using parse_detail::builder;
using parse_detail::syntax_error;
namespace g = grammar;
namespace pegtl = tao::pegtl;
template <typename Rule>
using action = parse_detail::action<Rule>;

// Turns a failed must<> into a syntax_error with the rule's message.
template <typename Rule>
struct control : pegtl::normal<Rule> {
  // Rules through which an expression nests: bounded, so the recursive descent cannot run out
  // of stack (`((((…))))` 200,000 deep).
  static constexpr bool nests = std::is_same_v<Rule, g::expr> || std::is_same_v<Rule, g::e_neg> ||
                                std::is_same_v<Rule, g::e_not_prefix>;

  template <typename Input>
  static void start(const Input& in, builder& b) {
    if constexpr (std::is_base_of_v<g::string_lit, Rule> || std::is_same_v<Rule, g::string_lit>)
      b.string_start = static_cast<std::uint32_t>(in.current() - b.base);
    if constexpr (nests) {
      if (++b.expr_nesting > max_expr_nesting)
        throw syntax_error{
            static_cast<std::uint32_t>(in.current() - b.base),
            {fmt::format("expression nested too deeply (more than {} levels)", max_expr_nesting),
             fmt::format("表达式嵌套过深（超过 {} 层）", max_expr_nesting)}};
    }
  }
  template <typename Input>
  static void success(const Input& /*in*/, builder& b) {
    if constexpr (nests) --b.expr_nesting;
  }
  template <typename Input>
  static void failure(const Input& /*in*/, builder& b) {
    if constexpr (nests) --b.expr_nesting;
  }

  template <typename Input>
  [[noreturn]] static void raise(const Input& in, builder& b) {
    g::error_context ctx{b.src.get(), &b.blocks, in.empty()};
    std::uint32_t at = static_cast<std::uint32_t>(in.current() - b.base);
    if constexpr (std::is_same_v<Rule, g::string_close>) at = b.string_start;
    throw syntax_error{at, g::error_message<Rule>(ctx)};
  }
};

// Below this size a file is parsed in one piece: threads would cost more than they save.
constexpr std::size_t min_parallel_bytes = 1 << 20;

}  // namespace

bool parse_range(const source_ptr& src, std::size_t begin, std::size_t end, ast::file& out,
                 diagnostics& diags) {
  builder b;
  b.src = src;
  b.base = src->text().data();
  b.file.src = src;
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(b.base + begin, end - begin, src->name());
  bool ok = true;
  try {
    pegtl::parse<g::file, action, control>(in, b);
  } catch (const syntax_error& e) {
    diags.error(src, {e.offset, e.offset + 1}, e.message);
    ok = false;
  }
  out.items = std::move(b.file.items);
  out.comments = std::move(b.file.comments);
  return ok;
}

namespace {

// The first line at or after `from` that opens a top-level item, or npos. Looks no further than
// that line: the cost is the distance to it, not the rest of the text.
std::size_t next_item_line(std::string_view t, std::size_t from) {
  for (std::size_t p = t.find('\n', from); p != std::string_view::npos; p = t.find('\n', p + 1)) {
    std::string_view rest = t.substr(p + 1);
    if (rest.starts_with("project \"") || rest.starts_with("actuals \"")) return p + 1;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<std::size_t> item_cuts(std::string_view t, std::size_t parts) {
  std::vector<std::size_t> cuts{0};
  for (std::size_t k = 1; k < parts; ++k) {
    std::size_t from = std::max(cuts.back() + 1, t.size() * k / parts);
    if (from >= t.size()) break;
    std::size_t p = next_item_line(t, from);
    if (p == std::string_view::npos) break;
    cuts.push_back(p);
  }
  cuts.push_back(t.size());
  return cuts;
}

parse_result parse(source_ptr src, diagnostics& diags) {
  parse_result result;
  result.file.src = src;
  if (!check_text_encoding(src, diags)) {  // the grammar must never see bad bytes
    result.ok = false;
    return result;
  }
  std::string_view text = src->text();
  std::size_t parts = text.size() < min_parallel_bytes ? 1 : jobs();
  std::vector<std::size_t> cuts = parts > 1 ? item_cuts(text, parts) : std::vector<std::size_t>{};
  if (cuts.size() > 2) {
    std::size_t n = cuts.size() - 1;
    std::vector<ast::file> pieces(n);
    std::vector<diagnostics> piece_diags(n);
    std::vector<char> ok(n, 0);
    parallel_chunks(n, n, [&](std::size_t, std::size_t b, std::size_t e) {
      for (std::size_t i = b; i < e; ++i)
        ok[i] = parse_range(src, cuts[i], cuts[i + 1], pieces[i], piece_diags[i]);
    });
    if (std::all_of(ok.begin(), ok.end(), [](char c) { return c != 0; })) {
      for (std::size_t i = 0; i < n; ++i) {
        diags.append(piece_diags[i]);
        auto& items = pieces[i].items;
        auto& comments = pieces[i].comments;
        result.file.items.insert(result.file.items.end(), std::make_move_iterator(items.begin()),
                                 std::make_move_iterator(items.end()));
        result.file.comments.insert(result.file.comments.end(),
                                    std::make_move_iterator(comments.begin()),
                                    std::make_move_iterator(comments.end()));
      }
      return result;
    }
  }
  result.ok = parse_range(src, 0, text.size(), result.file, diags);
  return result;
}

ast::expr_ptr parse_expression(const source_ptr& src, source_range range, diagnostics& diags) {
  builder b;
  b.src = src;
  b.base = src->text().data();
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(b.base + range.begin, range.end - range.begin,
                                                     src->name());
  try {
    pegtl::parse<g::expr_only, action, control>(in, b);
  } catch (const syntax_error& e) {
    diags.error(src, {e.offset, e.offset + 1}, e.message);
    return nullptr;
  }
  return b.exprs.empty() ? nullptr : b.exprs.back();
}

bool is_identifier(std::string_view text) {
  pegtl::memory_input in(text.data(), text.size(), "");
  return pegtl::parse<pegtl::seq<g::ident, pegtl::eof>>(in);
}

}  // namespace kpi
