#include "engine/import/target.hpp"

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "engine/base/date.hpp"
#include "engine/base/decimal.hpp"
#include "grammar/grammar.hpp"

namespace kpi::importer {
namespace {

// The grammar of a target cell, built from the language's own tokens. Blanks (`sp`) may stand
// between any two tokens; the whole cell must match.
namespace cell_grammar {

namespace g = kpi::grammar;
using namespace tao::pegtl;  // NOLINT: grammar rules read best unqualified

struct dollar : one<'$'> {};
struct op : g::latex_op {};
struct value : g::number {};
struct unit_text : sor<g::latex_percent, g::ident> {};
struct paren_open : sor<one<'('>, utf8::one<0xFF08>> {};
struct paren_close : sor<one<')'>, utf8::one<0xFF09>> {};
// `(万元)`, `（%）`, `万人次`, `\%`.
struct unit : sor<seq<paren_open, g::sp, unit_text, g::sp, paren_close>, unit_text> {};
// `≥80.00(条)`, `$\geq 95.00\%$`, `100%`.
struct quantity_cell
    : seq<opt<dollar>, g::sp, opt<op>, g::sp, value, g::sp, opt<unit>, g::sp, opt<dollar>, eof> {};
struct date_value : g::date {};
// `≤2024-06-30`.
struct date_cell : seq<opt<dollar>, g::sp, op, g::sp, date_value, g::sp, opt<dollar>, eof> {};

}  // namespace cell_grammar

struct cell_state {
  std::string op;
  std::string value;
  std::string unit;
};

template <typename Rule>
struct action : tao::pegtl::nothing<Rule> {};

template <const char* Op>
struct set_op {
  template <typename Input>
  static void apply(const Input&, cell_state& s) {
    s.op = Op;
  }
};

constexpr char ge[] = ">=";
constexpr char le[] = "<=";
constexpr char eq[] = "=";
constexpr char gt[] = ">";
constexpr char lt[] = "<";

template <>
struct action<grammar::op_ge> : set_op<ge> {};
template <>
struct action<grammar::op_le> : set_op<le> {};
template <>
struct action<grammar::op_eq> : set_op<eq> {};
template <>
struct action<grammar::op_gt> : set_op<gt> {};
template <>
struct action<grammar::op_lt> : set_op<lt> {};
template <>
struct action<grammar::latex_ge> {
  template <typename Input>
  static void apply(const Input& in, cell_state& s) {
    s.op = in.string() == "\\gt" ? gt : ge;
  }
};
template <>
struct action<grammar::latex_le> {
  template <typename Input>
  static void apply(const Input& in, cell_state& s) {
    s.op = in.string() == "\\lt" ? lt : le;
  }
};
template <>
struct action<cell_grammar::value> {
  template <typename Input>
  static void apply(const Input& in, cell_state& s) {
    s.value = in.string();
  }
};
template <>
struct action<cell_grammar::date_value> : action<cell_grammar::value> {};
template <>
struct action<cell_grammar::unit_text> {
  template <typename Input>
  static void apply(const Input& in, cell_state& s) {
    std::string u = in.string();
    s.unit = (u == "\\%" || u == "％") ? "%" : u;
  }
};

template <typename Rule>
std::optional<cell_state> match(std::string_view cell) {
  cell_state s;
  tao::pegtl::memory_input in(cell.data(), cell.size(), "cell");
  try {
    if (tao::pegtl::parse<Rule, action>(in, s)) return s;
  } catch (const tao::pegtl::parse_error&) {
  }
  return std::nullopt;
}

// A cell that starts like a number or a comparison but is not one.
bool looks_numeric(std::string_view cell) {
  if (cell.empty()) return false;
  char c = cell.front();
  if ((c >= '0' && c <= '9') || c == '$' || c == '<' || c == '>' || c == '=') return true;
  for (std::string_view op : {"≥", "≤", "＝", "＞", "＜", "≧", "≦"})
    if (cell.starts_with(op)) return true;
  return false;
}

target_reading as_text(std::string_view cell, const environment& env) {
  target_reading r;
  r.value.raw = std::string(cell);
  r.value.text = std::string(cell);
  r.value.kind = env.terms.find(r.value.text) != nullptr ? target_kind::term : target_kind::text;
  if (r.value.kind == target_kind::text && looks_numeric(cell)) {
    r.guess = note_kind::text_kept;
    r.why = {fmt::format("target {} is not a plain value: kept as free text", cell),
             fmt::format("指标值“{}”不是单纯的数值：按文字保留", cell)};
  }
  return r;
}

}  // namespace

target_reading read_target(std::string_view cell, const environment& env) {
  if (auto d = match<cell_grammar::date_cell>(cell); d && date::parse(d->value)) {
    target_reading r;
    r.value = {target_kind::date, d->op, d->value, "", "", "", std::string(cell)};
    return r;
  }
  auto q = match<cell_grammar::quantity_cell>(cell);
  if (!q || !decimal::parse(q->value)) return as_text(cell, env);
  target_reading r;
  r.value = {target_kind::quantity, q->op, q->value, q->unit, "", "", std::string(cell)};
  if (!q->unit.empty()) {
    auto def = env.units.resolve(q->unit);
    if (!def) {
      r = as_text(cell, env);
      r.guess = note_kind::unknown_unit;
      r.why = {
          fmt::format(
              "unit {} of {} is not in the unit table (stdlib/units.kpi; add it with --lib): "
              "kept as free text",
              q->unit, cell),
          fmt::format("“{}”的单位“{}”不在单位表中（stdlib/units.kpi，可用 --lib 补充）：按文字保留",
                      cell, q->unit)};
      return r;
    }
    r.value.dimension = def->dimension;
  }
  if (q->op.empty()) {
    r.value.op = "=";
    r.guess = note_kind::no_operator;
    r.why = {fmt::format("target {} has no operator: read as = {}", cell, q->value),
             fmt::format("指标值“{}”没有比较符：按“= {}”读取", cell, q->value)};
  }
  return r;
}

}  // namespace kpi::importer
