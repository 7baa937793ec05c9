// The compiled form of a rule pack: expression trees with every name resolved to a field, a
// slot or a constant, units checked, and functions bound. Built once, run over every project.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "engine/base/diagnostic.hpp"
#include "engine/rules/value.hpp"
#include "grammar/ast.hpp"

namespace kpi::rules {

// Fields of an indicator, readable in `each indicator` rules and inside aggregates.
enum class ind_field {
  level1,
  level2,
  name,
  op,
  target,
  target_high,
  unit,
  base_unit,
  dimension,
  kind,
  text,
  term_class,
  weight,
  deadline,
  occurrence,
  name_count
};
// Fields of a project.
enum class proj_field {
  name,
  department,
  unit,
  nature,
  category,
  goal,
  funds_total,
  funds_fiscal,
  funds_carryover,
  funds_other,
  period_from,
  period_to,
  period_days,
  period_full_year,
  indicators,
  indicator_count
};

enum class builtin {
  count,
  sum,
  min,
  max,
  avg,
  any,
  all,  // aggregates over a set of indicators
  abs,
  round,
  len,
  year,
  coalesce
};

enum class node_kind {
  constant,
  ind,
  proj,
  let_ref,
  unary,
  binary,
  convert,
  where,
  aggregate,
  call,
  list,
  matches
};

struct node;
using node_ptr = std::shared_ptr<const node>;

struct node {
  node_kind k = node_kind::constant;
  value constant;  // constant
  ind_field ifield = ind_field::name;
  proj_field pfield = proj_field::name;
  std::size_t slot = 0;  // let_ref
  ast::unary_op uop = ast::unary_op::neg;
  ast::binary_op bop = ast::binary_op::eq;
  decimal factor;                           // convert: base value ÷ factor
  std::string unit;                         // convert: the unit shown
  std::string base;                         // convert: that unit's base, which the value must have
  builtin fn = builtin::count;              // aggregate, call
  std::shared_ptr<const re2::RE2> pattern;  // matches (RE2: linear time, UTF-8)
  std::vector<node_ptr> kids;
  std::string text;  // the source expression, for explanations
};

// `{…}` pieces of a message: literal text and expressions, alternating.
struct message_part {
  std::string literal;
  node_ptr expr;  // null for a literal piece
};

enum class scope { project, indicator };

struct rule {
  std::string id;
  severity level = severity::error;
  scope each = scope::project;
  node_ptr filter;  // may be null
  std::vector<std::pair<std::string, node_ptr>> lets;
  std::vector<node_ptr> requires_;
  std::vector<message_part> message;
  std::string cite;
  // Where the rule text came from: a finding names the pack, its version and content hash.
  std::string pack;
  std::string version;
  std::string hash;
  source_ptr src;
  source_range range;
};

// A pack ready to run: its own rules and those it extends, with overrides applied.
struct program {
  std::string name;
  std::string title;
  std::string version;
  std::string hash;
  std::vector<rule> rules;
};

}  // namespace kpi::rules
