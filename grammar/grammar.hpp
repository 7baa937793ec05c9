// The grammar of .kpi files: targets, actuals and stdlib declarations in one language.
//
// Whitespace convention: `ws` (blanks, line breaks, U+3000, comments) separates statements and
// may appear between any two tokens of a statement, except between a number and its unit,
// where only blanks on the same line (`sp`) are allowed. Every keyword or opening brace commits
// with `if_must<>`/`must<>`; each rule that can fail under `must<>` has a message in errors.hpp.
#pragma once

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace kpi::grammar {

namespace pegtl = tao::pegtl;
using namespace tao::pegtl;  // NOLINT: grammar rules read best unqualified

// ---- whitespace and comments ----------------------------------------------------------------

// LF, CR and CRLF (a CR, then an LF) all end a line: a comment, a position (engine/base/source)
// and the formatter's blank lines agree on that.
struct line_break : sor<one<'\n'>, one<'\r'>> {};

// A run of blanks — spaces, tabs, ideographic spaces (U+3000) and stray BOMs (U+FEFF), the last
// two matched as their UTF-8 bytes — and, when LineBreaks, of LF and CR too. One loop over the
// bytes: whitespace is tried before every token, and a `star<sor<…>>` of one-character rules
// (each a call, a match and a bump) was the parser's largest cost. Fails on an empty run.
template <bool LineBreaks>
struct blank_run {
  using rule_t = blank_run;
  using subs_t = empty_list;

  template <typename ParseInput>
  [[nodiscard]] static bool match(ParseInput& in) noexcept(noexcept(in.bump(1))) {
    const char* p = in.current();
    const char* const begin = p;
    const char* const end = in.end();
    while (p != end) {
      const char c = *p;
      if (c == ' ' || c == '\t' || (LineBreaks && (c == '\n' || c == '\r'))) {
        ++p;
      } else if (end - p >= 3 && ((c == '\xE3' && p[1] == '\x80' && p[2] == '\x80') ||
                                  (c == '\xEF' && p[1] == '\xBB' && p[2] == '\xBF'))) {
        p += 3;
      } else {
        break;
      }
    }
    in.bump(static_cast<std::size_t>(p - begin));
    return p != begin;
  }
};

// The rest of a line: everything up to (not including) the next LF or CR, or the end of the
// input. Always succeeds.
struct rest_of_line {
  using rule_t = rest_of_line;
  using subs_t = empty_list;

  template <typename ParseInput>
  [[nodiscard]] static bool match(ParseInput& in) noexcept(noexcept(in.bump(1))) {
    const char* const begin = in.current();
    const char* p = begin;
    const char* const end = in.end();
    while (p != end && *p != '\n' && *p != '\r') ++p;
    in.bump(static_cast<std::size_t>(p - begin));
    return true;
  }
};

struct comment : seq<one<'#'>, rest_of_line> {};
struct blank : blank_run<false> {};
struct ws : star<sor<blank_run<true>, comment>> {};
struct sp : opt<blank> {};

// ---- identifiers and keywords ---------------------------------------------------------------

// A non-ASCII character of an identifier: any code point from U+0080 except those that end an
// identifier besides ASCII punctuation (spaces, typographic quotes, full-width operators,
// parentheses and the percent signs, which are tokens of their own). The first byte says
// whether it is ASCII; the code point is then decoded once (a `not_at<stops>` before a `range`
// decoded it twice, on every character of every Chinese name).
struct wide_char : seq<at<ascii::not_range<'\0', '\x7F'>>,
                       pegtl::utf8::not_one<0x3000, 0xFEFF, 0x201C, 0x201D, 0xFF02, 0x2265, 0x2264,
                                            0x2267, 0x2266, 0x2A7E, 0x2A7D, 0xFF1D, 0xFF1E, 0xFF1C,
                                            0xFF08, 0xFF09, 0xFF05, 0x2030, 0xFF5B, 0xFF5D>> {};
struct ident_char : sor<ascii::alpha, one<'_'>, wide_char> {};
// `进一步提升`, `万元`, `currency`, `mass2`: a word that starts with a letter or a CJK character.
// Digits may follow an ASCII start only, so that `部分达成75%` reads as a grade and a share.
struct ident
    : sor<seq<sor<ascii::alpha, one<'_'>>, star<sor<ident_char, ascii::digit>>>, plus<ident_char>> {
};

template <typename Word>
struct key : seq<Word, not_at<ident_char>, not_at<ascii::digit>> {};

struct kw_project : key<TAO_PEGTL_STRING("project")> {};
struct kw_actuals : key<TAO_PEGTL_STRING("actuals")> {};
struct kw_department : key<TAO_PEGTL_STRING("department")> {};
struct kw_unit : key<TAO_PEGTL_STRING("unit")> {};
struct kw_nature : key<TAO_PEGTL_STRING("nature")> {};
struct kw_category : key<TAO_PEGTL_STRING("category")> {};
struct kw_goal : key<TAO_PEGTL_STRING("goal")> {};
struct kw_period : key<TAO_PEGTL_STRING("period")> {};
struct kw_funds : key<TAO_PEGTL_STRING("funds")> {};
struct kw_total : key<TAO_PEGTL_STRING("total")> {};
struct kw_fiscal : key<TAO_PEGTL_STRING("fiscal")> {};
struct kw_carryover : key<TAO_PEGTL_STRING("carryover")> {};
struct kw_other : key<TAO_PEGTL_STRING("other")> {};
struct kw_weight : key<TAO_PEGTL_STRING("weight")> {};
struct kw_because : key<TAO_PEGTL_STRING("because")> {};
struct kw_override : key<TAO_PEGTL_STRING("override")> {};
struct kw_between : key<TAO_PEGTL_STRING("between")> {};
struct kw_executed : key<TAO_PEGTL_STRING("executed")> {};
struct kw_budget : key<TAO_PEGTL_STRING("budget")> {};
struct kw_dimension : key<TAO_PEGTL_STRING("dimension")> {};
struct kw_scale : key<TAO_PEGTL_STRING("scale")> {};
struct kw_terms : key<TAO_PEGTL_STRING("terms")> {};

// Words that end a statement and so can never be a unit or a term.
struct clause_keyword : sor<kw_weight, kw_because, kw_override> {};

// ---- literals --------------------------------------------------------------------------------

// `1,017,000.00`, `9.70`, `-5`: thousands separators only in groups of three.
struct grouped_int : seq<rep_min_max<1, 3, ascii::digit>, plus<one<','>, rep<3, ascii::digit>>,
                         not_at<ascii::digit>> {};
struct number
    : seq<opt<one<'-'>>, sor<grouped_int, plus<ascii::digit>>, opt<one<'.'>, plus<ascii::digit>>> {
};

struct date : seq<rep<4, ascii::digit>, one<'-'>, rep<2, ascii::digit>, one<'-'>,
                  rep<2, ascii::digit>, not_at<ascii::digit>> {};
struct dots : string<'.', '.'> {};

struct escape : seq<one<'\\'>, one<'"', '\\', 'n', 't'>> {};
struct string_char : sor<escape, not_one<'"', '\\', '\n', '\r'>> {};
struct string_close : one<'"'> {};
struct string_lit : seq<one<'"'>, star<string_char>, must<string_close>> {};
// A typographic or full-width quote where a string must start: a message, not a guess.
struct bad_quote : seq<at<pegtl::utf8::one<0x201C, 0x201D, 0xFF02>>, raise<bad_quote>> {};
struct quoted : sor<string_lit, bad_quote> {};

// ---- units and operators ---------------------------------------------------------------------

struct percent_sign : sor<one<'%'>, pegtl::utf8::one<0xFF05, 0x2030>> {};
struct unit_word : seq<not_at<clause_keyword>, ident> {};
struct unit_name : sor<percent_sign, unit_word> {};
// `万元`, `%`, `(万元)`, `（万元）`; never a group label (a word followed by '{').
struct unit : sor<seq<sor<one<'('>, pegtl::utf8::one<0xFF08>>, sp, unit_name, sp,
                      sor<one<')'>, pegtl::utf8::one<0xFF09>>>,
                  seq<unit_name, not_at<ws, one<'{'>>>> {};
struct quantity : seq<number, opt<sp, unit>> {};

struct op_ge
    : sor<string<'>', '='>, seq<pegtl::utf8::one<0xFF1E>, sor<pegtl::utf8::one<0xFF1D>, one<'='>>>,
          seq<one<'>'>, pegtl::utf8::one<0xFF1D>>, pegtl::utf8::one<0x2265, 0x2267, 0x2A7E>> {};
struct op_le
    : sor<string<'<', '='>, seq<pegtl::utf8::one<0xFF1C>, sor<pegtl::utf8::one<0xFF1D>, one<'='>>>,
          seq<one<'<'>, pegtl::utf8::one<0xFF1D>>, pegtl::utf8::one<0x2264, 0x2266, 0x2A7D>> {};
struct op_eq : sor<string<'=', '='>, one<'='>, pegtl::utf8::one<0xFF1D>> {};
struct op_gt : sor<one<'>'>, pegtl::utf8::one<0xFF1E>> {};
struct op_lt : sor<one<'<'>, pegtl::utf8::one<0xFF1C>> {};
struct cmp_op : sor<op_ge, op_le, op_eq, op_gt, op_lt> {};

// LaTeX left by PDF extraction: `$\geq 95.00\%$`, `$= 100.00\%$`.
struct latex_ge : sor<TAO_PEGTL_STRING("\\geqslant"), TAO_PEGTL_STRING("\\geq"),
                      TAO_PEGTL_STRING("\\ge"), TAO_PEGTL_STRING("\\gt")> {};
struct latex_le : sor<TAO_PEGTL_STRING("\\leqslant"), TAO_PEGTL_STRING("\\leq"),
                      TAO_PEGTL_STRING("\\le"), TAO_PEGTL_STRING("\\lt")> {};
struct latex_op
    : sor<seq<latex_ge, not_at<ascii::alpha>>, seq<latex_le, not_at<ascii::alpha>>, cmp_op> {};
struct latex_percent : sor<string<'\\', '%'>, percent_sign> {};
struct latex_unit : sor<latex_percent, unit_word> {};
struct latex_number : seq<number, opt<sp, latex_unit>> {};
struct latex_close : one<'$'> {};
struct latex_target : if_must<one<'$'>, sp, latex_op, sp, latex_number, sp, latex_close> {};

// ---- targets -----------------------------------------------------------------------------------

struct compare_value : sor<date, quantity> {};
struct compare_target : if_must<cmp_op, sp, compare_value> {};
struct range_low : quantity {};
struct range_high : quantity {};
struct range_target : if_must<kw_between, sp, range_low, sp, dots, sp, range_high> {};
struct text_target : quoted {};
struct term_target : seq<not_at<clause_keyword>, ident> {};
struct target : sor<latex_target, compare_target, range_target, text_target, term_target> {};

struct weight_clause : if_must<kw_weight, sp, number> {};
struct indicator_name : string_lit {};
struct indicator : if_must<indicator_name, ws, target, opt<ws, weight_clause>> {};

// ---- blocks --------------------------------------------------------------------------------

struct open_brace : one<'{'> {};
struct close_brace : one<'}'> {};
struct group_label : ident {};
struct group_head : seq<group_label, ws, open_brace> {};
struct group;
struct group_item : sor<indicator, group> {};
struct group_close : close_brace {};
struct group : if_must<group_head, ws, star<group_item, ws>, group_close> {};

struct field_value : quoted {};
struct string_key : sor<kw_department, kw_unit, kw_nature, kw_category, kw_goal> {};
struct string_field : if_must<string_key, ws, field_value> {};
struct period_from : date {};
struct period_to : date {};
struct period_field : if_must<kw_period, ws, period_from, ws, dots, ws, period_to> {};
struct funds_key : sor<kw_total, kw_fiscal, kw_carryover, kw_other> {};
struct funds_amount : quantity {};
struct funds_entry : if_must<funds_key, sp, funds_amount> {};
struct funds_field : if_must<kw_funds, ws, funds_entry, star<ws, funds_entry>> {};
struct project_item : sor<string_field, period_field, funds_field, group> {};
struct project_name : quoted {};
struct project_open : open_brace {};
struct project_close : close_brace {};
struct project : if_must<kw_project, ws, project_name, ws, project_open, ws, star<project_item, ws>,
                         project_close> {};

// ---- actuals
// -------------------------------------------------------------------------------------

struct amount_key : sor<kw_executed, kw_budget> {};
struct amount_value : quantity {};
struct grade_word : seq<not_at<clause_keyword>, ident> {};
struct grade_share : quantity {};
struct grade_value : seq<grade_word, opt<sp, grade_share>> {};
struct actual_text : quoted {};
struct actual_value : sor<date, quantity, grade_value, actual_text> {};
struct because_text : quoted {};
struct because_clause : if_must<kw_because, ws, because_text> {};
// `executed 3,902,400.00 元 because "…"`: the reason for a low budget execution rate.
struct amount_field : if_must<amount_key, sp, amount_value, opt<ws, because_clause>> {};
struct actual_name : string_lit {};
// An assessor's score in place of the computed one: `override 4.50 because "…"`.
struct override_score : number {};
struct override_reason : quoted {};
struct override_clause
    : if_must<kw_override, ws, override_score, ws, kw_because, ws, override_reason> {};
struct actual_entry : if_must<actual_name, ws, opt<op_eq, ws>, actual_value,
                              opt<ws, because_clause>, opt<ws, override_clause>> {};
struct actuals_item : sor<amount_field, actual_entry> {};
struct actuals_name : quoted {};
struct actuals_open : open_brace {};
struct actuals_close : close_brace {};
struct actuals : if_must<kw_actuals, ws, actuals_name, ws, actuals_open, ws, star<actuals_item, ws>,
                         actuals_close> {};

// ---- stdlib declarations
// -------------------------------------------------------------------------

struct description : quoted {};
struct dimension_name : ident {};
struct dimension_decl : if_must<kw_dimension, sp, dimension_name, opt<sp, description>> {};
struct decl_unit_name : sor<percent_sign, ident> {};
struct unit_definition : seq<op_eq, sp, must<quantity>> {};
struct unit_dimension : ident {};
struct unit_body : sor<unit_definition, unit_dimension> {};
struct unit_decl : if_must<kw_unit, sp, decl_unit_name, sp, unit_body> {};
struct scale_prefix : ident {};
struct scale_eq : op_eq {};
struct scale_factor : number {};
struct scale_decl : if_must<kw_scale, sp, scale_prefix, sp, scale_eq, sp, scale_factor> {};
struct term_class : ident {};
struct term_word : ident {};
struct terms_open : open_brace {};
struct terms_close : close_brace {};
struct terms_decl : if_must<kw_terms, sp, term_class, opt<sp, description>, ws, terms_open, ws,
                            star<term_word, ws>, terms_close> {};

struct end_of_file : eof {};

}  // namespace kpi::grammar

// What the grammar analysis (tests/grammar) needs to know of the hand-written rules: a blank run
// consumes input when it succeeds, the rest of a line may be empty.
namespace TAO_PEGTL_NAMESPACE {
template <typename Name, bool LineBreaks>
struct analyze_traits<Name, kpi::grammar::blank_run<LineBreaks>> : analyze_any_traits<> {};
template <typename Name>
struct analyze_traits<Name, kpi::grammar::rest_of_line> : analyze_opt_traits<> {};
}  // namespace TAO_PEGTL_NAMESPACE
