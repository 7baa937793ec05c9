#include "grammar/parse.hpp"

#include <optional>

#include <tao/pegtl.hpp>

#include "engine/base/utf8.hpp"
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
  template <typename Input>
  static void start(const Input& in, builder& b) {
    if constexpr (std::is_base_of_v<g::string_lit, Rule> || std::is_same_v<Rule, g::string_lit>)
      b.string_start = static_cast<std::uint32_t>(in.current() - b.base);
  }

  template <typename Input>
  [[noreturn]] static void raise(const Input& in, builder& b) {
    g::error_context ctx{b.src.get(), &b.blocks, in.empty()};
    std::uint32_t at = static_cast<std::uint32_t>(in.current() - b.base);
    if constexpr (std::is_same_v<Rule, g::string_close>) at = b.string_start;
    throw syntax_error{at, g::error_message<Rule>(ctx)};
  }
};

// Rejects what the grammar must never see: invalid UTF-8 and NUL bytes.
bool check_encoding(const source_ptr& src, diagnostics& diags) {
  std::string_view t = src->text();
  std::size_t bad = utf8::first_invalid(t);
  std::size_t nul = t.find('\0');
  if (bad == std::string_view::npos && nul == std::string_view::npos) return true;
  if (nul < bad) {
    diags.error(
        src, {static_cast<std::uint32_t>(nul), static_cast<std::uint32_t>(nul + 1)},
        {"NUL byte in the text; is this a binary file?", "文本中有 NUL 字节；这是二进制文件吗？"});
  } else {
    auto byte = static_cast<unsigned char>(t[bad]);
    diags.error(
        src, {static_cast<std::uint32_t>(bad), static_cast<std::uint32_t>(bad + 1)},
        {fmt::format(
             "invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8, e.g. iconv -f GBK -t UTF-8",
             byte),
         fmt::format(
             "不是有效的 UTF-8（字节 0x{:02X}）；请以 UTF-8 保存文件，例如 iconv -f GBK -t UTF-8",
             byte)});
  }
  return false;
}

}  // namespace

parse_result parse(source_ptr src, diagnostics& diags) {
  parse_result result;
  result.file.src = src;
  if (!check_encoding(src, diags)) {
    result.ok = false;
    return result;
  }
  builder b;
  b.src = src;
  b.base = src->text().data();
  b.file.src = src;
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(src->text().data(), src->text().size(),
                                                     src->name());
  try {
    pegtl::parse<g::file, action, control>(in, b);
  } catch (const syntax_error& e) {
    diags.error(src, {e.offset, e.offset + 1}, e.message);
    result.ok = false;
  }
  result.file.items = std::move(b.file.items);
  result.file.comments = std::move(b.file.comments);
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

}  // namespace kpi
