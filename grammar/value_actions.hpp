// Parser actions for the values written in documents: strings, numbers, units, quantities,
// ranges, dates and comparison operators. Included only by the parser (via document_actions.hpp).
#pragma once

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "grammar/builder.hpp"
#include "grammar/parse.hpp"

namespace kpi::parse_detail {

namespace pegtl = tao::pegtl;

inline std::string unescape(std::string_view quoted) {
  std::string_view body = quoted.substr(1, quoted.size() - 2);
  if (body.find('\\') == std::string_view::npos) return std::string(body);  // nearly always
  std::string out;
  out.reserve(body.size());
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
    std::string_view t = in.string_view();
    std::size_t dot = t.find('.');
    std::size_t places = dot == std::string_view::npos ? 0 : t.size() - dot - 1;
    if (!value && places > static_cast<std::size_t>(decimal::max_scale))
      throw syntax_error{
          b.offset(in),
          {fmt::format("number has more than {} decimal places; kpi keeps every number exact "
                       "and does not round it",
                       decimal::max_scale),
           fmt::format("数值超过 {} 位小数；kpi 保持每个数值精确，不做舍入", decimal::max_scale)}};
    if (!value)
      throw syntax_error{
          b.offset(in),
          {fmt::format("number has more than {} significant digits; kpi keeps every number exact "
                       "and does not round it",
                       decimal::max_input_digits),
           fmt::format("数值超过 {} 位有效数字；kpi 保持每个数值精确，不做舍入",
                       decimal::max_input_digits)}};
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

}  // namespace kpi::parse_detail
