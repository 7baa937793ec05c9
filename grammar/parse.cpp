#include "grammar/parse.hpp"

#include <optional>

#include <tao/pegtl.hpp>

#include "engine/base/utf8.hpp"
#include "grammar/errors.hpp"
#include "grammar/grammar.hpp"

namespace kpi {
namespace {

namespace g = grammar;
namespace pegtl = tao::pegtl;

struct syntax_error {
  std::uint32_t offset;
  text message;
};

enum class value_kind { none, quantity, date, grade, text };

// Everything the actions build. Leaf actions write scratch values; statement actions, which
// run only once their whole statement has matched, read them, so backtracking is harmless.
struct builder {
  source_ptr src;
  const char* base = nullptr;
  ast::file file;
  std::vector<g::open_block> blocks;
  std::uint32_t string_start = 0;

  // scratch values of the statement being parsed
  ast::number number;
  std::optional<ast::name> pending_unit;
  std::optional<ast::name> unit;
  ast::quantity quantity;
  ast::quantity low;
  ast::quantity high;
  ast::date_lit date;
  ast::date_lit from;
  ast::date_lit to;
  value_kind kind = value_kind::none;
  ast::cmp_op op = ast::cmp_op::eq;
  source_range op_range;
  source_range value_range;
  ast::name string;
  ast::name key;
  ast::name label;
  ast::name word;
  std::optional<ast::quantity> share;
  std::optional<ast::target> target;
  std::optional<ast::number> weight;
  std::optional<ast::name> because;
  std::optional<ast::name> description;
  std::optional<ast::name> dimension;
  std::optional<ast::quantity> definition;
  ast::name title;
  ast::funds_field funds;
  std::vector<ast::name> terms;

  // open structures
  std::optional<ast::project> project;
  std::optional<ast::actuals> actuals;
  std::vector<ast::group> groups;

  template <typename Input>
  std::uint32_t offset(const Input& in) const {
    return static_cast<std::uint32_t>(in.begin() - base);
  }
  template <typename Input>
  source_range range(const Input& in) const {
    auto b = offset(in);
    return {b, static_cast<std::uint32_t>(b + in.size())};
  }
};

std::string unescape(std::string_view quoted) {
  std::string out;
  std::string_view body = quoted.substr(1, quoted.size() - 2);
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\\' && i + 1 < body.size()) {
      char c = body[++i];
      out.push_back(c == 'n' ? '\n' : c == 't' ? '\t' : c);
    } else {
      out.push_back(body[i]);
    }
  }
  return out;
}

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<g::comment> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    source_range r = b.range(in);
    // ws is retried after backtracking; record each comment once.
    if (b.file.comments.empty() || r.begin > b.file.comments.back().range.begin)
      b.file.comments.push_back({r});
  }
};

struct string_action {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.string = {unescape(in.string_view()), b.range(in)};
  }
};
template <>
struct action<g::string_lit> : string_action {};

template <>
struct action<g::number> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    auto value = decimal::parse(in.string_view());
    if (!value)
      throw syntax_error{b.offset(in),
                         {fmt::format("number has more than {} significant digits; kpi keeps every number exact "
                                      "and does not round it",
                                      decimal::max_input_digits),
                          fmt::format("数值超过 {} 位有效数字；kpi 保持每个数值精确，不做舍入", decimal::max_input_digits)}};
    b.number = {*value, b.range(in)};
    b.unit.reset();
  }
};

struct unit_name_action {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    std::string t = in.string();
    if (t == "％" || t == "\\%") t = "%";
    b.pending_unit = ast::name{t, b.range(in)};
  }
};
template <>
struct action<g::unit_name> : unit_name_action {};
template <>
struct action<g::unit> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.unit = b.pending_unit;
  }
};
template <>
struct action<g::latex_unit> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    unit_name_action::apply(in, b);
    b.unit = b.pending_unit;
  }
};

struct quantity_action {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.quantity = {b.number, b.unit, b.range(in)};
    b.kind = value_kind::quantity;
  }
};
template <>
struct action<g::quantity> : quantity_action {};
template <>
struct action<g::latex_number> : quantity_action {};
template <>
struct action<g::funds_amount> : quantity_action {};
template <>
struct action<g::amount_value> : quantity_action {};
template <>
struct action<g::grade_share> : quantity_action {};
template <>
struct action<g::range_low> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    quantity_action::apply(in, b);
    b.low = b.quantity;
  }
};
template <>
struct action<g::range_high> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    quantity_action::apply(in, b);
    b.high = b.quantity;
  }
};

template <>
struct action<g::date> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.date = {in.string(), b.range(in)};
    b.kind = value_kind::date;
  }
};
template <>
struct action<g::period_from> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.from = {in.string(), b.range(in)};
  }
};
template <>
struct action<g::period_to> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.to = {in.string(), b.range(in)};
  }
};

template <ast::cmp_op Op>
struct op_action {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.op = Op;
    b.op_range = b.range(in);
  }
};
template <>
struct action<g::op_ge> : op_action<ast::cmp_op::ge> {};
template <>
struct action<g::op_le> : op_action<ast::cmp_op::le> {};
template <>
struct action<g::op_eq> : op_action<ast::cmp_op::eq> {};
template <>
struct action<g::op_gt> : op_action<ast::cmp_op::gt> {};
template <>
struct action<g::op_lt> : op_action<ast::cmp_op::lt> {};
template <>
struct action<g::latex_ge> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    // \gt is strict; \ge, \geq and \geqslant are not.
    op_action<ast::cmp_op::ge>::apply(in, b);
    if (in.string_view() == "\\gt") b.op = ast::cmp_op::gt;
  }
};
template <>
struct action<g::latex_le> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    op_action<ast::cmp_op::le>::apply(in, b);
    if (in.string_view() == "\\lt") b.op = ast::cmp_op::lt;
  }
};

// ---- targets ----

template <>
struct action<g::compare_target> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    ast::compare_target t{b.op, b.op_range, b.quantity};
    if (b.kind == value_kind::date) t.value = b.date;
    b.target = t;
  }
};
template <>
struct action<g::latex_target> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.target = ast::compare_target{b.op, b.op_range, b.quantity};
  }
};
template <>
struct action<g::range_target> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.target = ast::range_target{b.low, b.high};
  }
};
template <>
struct action<g::text_target> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.target = ast::text_target{b.string};
  }
};
template <>
struct action<g::term_target> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.target = ast::term_target{{in.string(), b.range(in)}};
  }
};
template <>
struct action<g::weight_clause> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.weight = b.number;
  }
};
template <>
struct action<g::indicator_name> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    string_action::apply(in, b);
    b.title = b.string;
    b.target.reset();
    b.weight.reset();
  }
};
template <>
struct action<g::target> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.value_range = b.range(in);
  }
};
template <>
struct action<g::indicator> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    ast::indicator ind{b.title, *b.target, b.value_range, b.weight, b.range(in)};
    b.groups.back().items.push_back({std::move(ind)});
  }
};

// ---- groups and projects ----

template <>
struct action<g::group_label> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.label = {in.string(), b.range(in)};
  }
};
template <>
struct action<g::group_head> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    if (b.blocks.size() >= max_block_depth)
      throw syntax_error{b.label.range.begin,
                         {fmt::format("blocks nested too deeply (more than {} levels)", max_block_depth),
                          fmt::format("块嵌套过深（超过 {} 层）", max_block_depth)}};
    b.groups.push_back(ast::group{b.label, {}, {b.label.range.begin, 0}});
    b.blocks.push_back({b.label.text, b.label.range.begin});
  }
};
template <>
struct action<g::group> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    ast::group done = std::move(b.groups.back());
    b.groups.pop_back();
    b.blocks.pop_back();
    done.range.end = b.range(in).end;
    if (!b.groups.empty())
      b.groups.back().items.push_back({std::move(done)});
    else
      b.project->items.emplace_back(std::move(done));
  }
};

template <>
struct action<g::string_key> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.key = {in.string(), b.range(in)};
  }
};
template <>
struct action<g::funds_key> : action<g::string_key> {};
template <>
struct action<g::amount_key> : action<g::string_key> {};
template <>
struct action<g::string_field> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.project->items.emplace_back(ast::string_field{b.key, b.string});
  }
};
template <>
struct action<g::kw_period> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.key = {in.string(), b.range(in)};
  }
};
template <>
struct action<g::period_field> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.project->items.emplace_back(ast::period_field{b.key, b.from, b.to});
  }
};
template <>
struct action<g::kw_funds> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.funds = {{in.string(), b.range(in)}, {}};
  }
};
template <>
struct action<g::funds_entry> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.funds.entries.push_back({b.key, b.quantity});
  }
};
template <>
struct action<g::funds_field> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.project->items.emplace_back(std::move(b.funds));
  }
};

template <>
struct action<g::project_open> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.project = ast::project{b.string, {}, {b.title.range.begin, 0}};
    b.blocks.push_back({fmt::format("project \"{}\"", b.string.text), b.title.range.begin});
    (void)in;
  }
};
template <>
struct action<g::kw_project> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.title = {in.string(), b.range(in)};  // only its position is used: where the block opens
  }
};
template <>
struct action<g::project> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.project->range.end = b.range(in).end;
    b.file.items.emplace_back(std::move(*b.project));
    b.project.reset();
    b.blocks.pop_back();
  }
};

// ---- actuals ----

template <>
struct action<g::kw_actuals> : action<g::kw_project> {};
template <>
struct action<g::actuals_open> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.actuals = ast::actuals{b.string, {}, {b.title.range.begin, 0}};
    b.blocks.push_back({fmt::format("actuals \"{}\"", b.string.text), b.title.range.begin});
  }
};
template <>
struct action<g::actuals> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.actuals->range.end = b.range(in).end;
    b.file.items.emplace_back(std::move(*b.actuals));
    b.actuals.reset();
    b.blocks.pop_back();
  }
};
template <>
struct action<g::amount_field> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.actuals->items.emplace_back(ast::amount_field{b.key, b.quantity});
  }
};
template <>
struct action<g::actual_name> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    string_action::apply(in, b);
    b.title = b.string;
    b.because.reset();
    b.share.reset();
  }
};
template <>
struct action<g::grade_word> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.word = {in.string(), b.range(in)};
    b.share.reset();
  }
};
template <>
struct action<g::grade_value> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    // The share, when present, was the last quantity parsed inside this rule.
    if (b.kind == value_kind::quantity && b.quantity.range.begin > b.word.range.begin)
      b.share = b.quantity;
    b.kind = value_kind::grade;
    (void)in;
  }
};
template <>
struct action<g::actual_text> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.kind = value_kind::text;
  }
};
template <>
struct action<g::actual_value> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.value_range = b.range(in);
    b.label = b.string;  // keep the quoted value: `because` overwrites b.string
  }
};
template <>
struct action<g::because_clause> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.because = b.string;
  }
};
template <>
struct action<g::actual_entry> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    ast::actual_value v;
    switch (b.kind) {
      case value_kind::date:
        v = b.date;
        break;
      case value_kind::grade:
        v = ast::grade_value{b.word, b.share};
        break;
      case value_kind::text:
        v = ast::quoted_value{b.label};
        break;
      case value_kind::quantity:
      case value_kind::none:
        v = b.quantity;
        break;
    }
    b.actuals->items.emplace_back(ast::actual_entry{b.title, std::move(v), b.value_range, b.because, b.range(in)});
  }
};

// ---- declarations ----

template <>
struct action<g::description> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.description = b.string;
  }
};
struct decl_start_action {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.description.reset();
    b.dimension.reset();
    b.definition.reset();
    b.terms.clear();
  }
};
template <>
struct action<g::kw_dimension> : decl_start_action {};
template <>
struct action<g::kw_unit> : decl_start_action {};
template <>
struct action<g::kw_scale> : decl_start_action {};
template <>
struct action<g::kw_terms> : decl_start_action {};
template <>
struct action<g::dimension_name> : action<g::group_label> {};
template <>
struct action<g::decl_unit_name> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    unit_name_action::apply(in, b);
    b.label = *b.pending_unit;
  }
};
template <>
struct action<g::scale_factor> : action<g::number> {};
template <>
struct action<g::scale_prefix> : action<g::group_label> {};
template <>
struct action<g::term_class> : action<g::group_label> {};
template <>
struct action<g::unit_dimension> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.dimension = ast::name{in.string(), b.range(in)};
  }
};
template <>
struct action<g::unit_definition> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.definition = b.quantity;
  }
};
template <>
struct action<g::term_word> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.terms.push_back({in.string(), b.range(in)});
  }
};
template <>
struct action<g::terms_open> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.blocks.push_back({"terms " + b.label.text, b.offset(in)});
  }
};
template <>
struct action<g::dimension_decl> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.file.items.emplace_back(ast::dimension_decl{b.label, b.description, b.range(in)});
  }
};
template <>
struct action<g::unit_decl> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.file.items.emplace_back(ast::unit_decl{b.label, b.dimension, b.definition, b.range(in)});
  }
};
template <>
struct action<g::scale_decl> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.file.items.emplace_back(ast::scale_decl{b.label, b.number, b.range(in)});
  }
};
template <>
struct action<g::terms_decl> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    b.file.items.emplace_back(ast::terms_decl{b.label, b.description, std::move(b.terms), b.range(in)});
    b.terms.clear();
    b.blocks.pop_back();
  }
};

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
    diags.error(src, {static_cast<std::uint32_t>(nul), static_cast<std::uint32_t>(nul + 1)},
                {"NUL byte in the text; is this a binary file?", "文本中有 NUL 字节；这是二进制文件吗？"});
  } else {
    auto byte = static_cast<unsigned char>(t[bad]);
    diags.error(src, {static_cast<std::uint32_t>(bad), static_cast<std::uint32_t>(bad + 1)},
                {fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8, e.g. iconv -f GBK -t UTF-8", byte),
                 fmt::format("不是有效的 UTF-8（字节 0x{:02X}）；请以 UTF-8 保存文件，例如 iconv -f GBK -t UTF-8", byte)});
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
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(src->text().data(), src->text().size(), src->name());
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

}  // namespace kpi
