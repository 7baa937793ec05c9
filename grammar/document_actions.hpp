// Parser actions for target and actuals documents and stdlib declarations: targets, groups and
// projects, actuals, declarations (the values inside them are in value_actions.hpp).
// Included only by the parser.
#pragma once

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "grammar/builder.hpp"
#include "grammar/parse.hpp"
#include "grammar/value_actions.hpp"

namespace kpi::parse_detail {

namespace pegtl = tao::pegtl;

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
      throw syntax_error{
          b.label.range.begin,
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
struct action<g::amount_key> {
  template <typename Input>
  static void apply(const Input& in, builder& b) {
    action<g::string_key>::apply(in, b);
    b.because.reset();
  }
};
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
    if (b.test)
      b.test->projects.push_back(std::move(*b.project));
    else
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
    if (b.test)
      b.test->actuals_blocks.push_back(std::move(*b.actuals));
    else
      b.file.items.emplace_back(std::move(*b.actuals));
    b.actuals.reset();
    b.blocks.pop_back();
  }
};
template <>
struct action<g::amount_field> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.actuals->items.emplace_back(ast::amount_field{b.key, b.quantity, b.because});
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
    b.override_score.reset();
    b.override_reason.reset();
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
struct action<g::override_score> : action<g::number> {};
template <>
struct action<g::override_clause> {
  template <typename Input>
  static void apply(const Input& /*in*/, builder& b) {
    b.override_score = b.number;
    b.override_reason = b.string;
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
    b.actuals->items.emplace_back(ast::actual_entry{b.title, std::move(v), b.value_range, b.because,
                                                    b.override_score, b.override_reason,
                                                    b.range(in)});
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
    b.file.items.emplace_back(
        ast::terms_decl{b.label, b.description, std::move(b.terms), b.range(in)});
    b.terms.clear();
    b.blocks.pop_back();
  }
};

}  // namespace kpi::parse_detail
