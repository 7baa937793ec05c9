// Rule packs in the same language: `pack "…" { title …  param …  table …  rule …  test … }`.
// Expressions, from lowest to highest precedence:
//   range (a .. b)  <  or  <  and  <  not  <  comparison, in, contains, matches  <  + -  <  * /
//   <  unary -  <  postfix (.field, where cond)  <  primary.
// Expression whitespace may include line breaks: a statement ends where no operator continues it.
#pragma once

#include "grammar/grammar.hpp"

namespace kpi::grammar {

struct kw_pack : key<TAO_PEGTL_STRING("pack")> {};
struct kw_rule : key<TAO_PEGTL_STRING("rule")> {};
struct kw_test : key<TAO_PEGTL_STRING("test")> {};
struct kw_param : key<TAO_PEGTL_STRING("param")> {};
struct kw_table : key<TAO_PEGTL_STRING("table")> {};
struct kw_title : key<TAO_PEGTL_STRING("title")> {};
struct kw_version : key<TAO_PEGTL_STRING("version")> {};
struct kw_extends : key<TAO_PEGTL_STRING("extends")> {};
struct kw_kind : key<TAO_PEGTL_STRING("kind")> {};
struct kw_severity : key<TAO_PEGTL_STRING("severity")> {};
struct kw_disable : key<TAO_PEGTL_STRING("disable")> {};
struct kw_each : key<TAO_PEGTL_STRING("each")> {};
struct kw_where : key<TAO_PEGTL_STRING("where")> {};
struct kw_let : key<TAO_PEGTL_STRING("let")> {};
struct kw_require : key<TAO_PEGTL_STRING("require")> {};
struct kw_message : key<TAO_PEGTL_STRING("message")> {};
struct kw_cite : key<TAO_PEGTL_STRING("cite")> {};
struct kw_given : key<TAO_PEGTL_STRING("given")> {};
struct kw_expect : key<TAO_PEGTL_STRING("expect")> {};
struct kw_none : key<TAO_PEGTL_STRING("none")> {};
struct kw_no : key<TAO_PEGTL_STRING("no")> {};
struct kw_on : key<TAO_PEGTL_STRING("on")> {};
struct kw_and : key<TAO_PEGTL_STRING("and")> {};
struct kw_or : key<TAO_PEGTL_STRING("or")> {};
struct kw_not : key<TAO_PEGTL_STRING("not")> {};
struct kw_in : key<TAO_PEGTL_STRING("in")> {};
struct kw_contains : key<TAO_PEGTL_STRING("contains")> {};
struct kw_starts_with : key<TAO_PEGTL_STRING("starts_with")> {};
struct kw_ends_with : key<TAO_PEGTL_STRING("ends_with")> {};
struct kw_matches : key<TAO_PEGTL_STRING("matches")> {};

// Words that continue or structure an expression, never a name or a unit inside one.
struct expr_keyword : sor<kw_and, kw_or, kw_not, kw_in, kw_where, kw_contains, kw_starts_with,
                          kw_ends_with, kw_matches> {};

// ---- expressions
// ---------------------------------------------------------------------------------

struct expr;
// `weight` is a field name (the 分值), never a unit.
struct e_unit : seq<not_at<sor<expr_keyword, clause_keyword>>, unit> {};
struct e_number : seq<number, opt<sp, e_unit>> {};
struct e_string : string_lit {};
struct e_date : date {};
struct e_op : cmp_op {};
struct e_ident : seq<not_at<expr_keyword>, ident> {};
struct e_comma : one<','> {};
struct e_list_close : one<']'> {};
struct e_list_open : one<'['> {};
struct e_list
    : seq<e_list_open, ws, opt<expr, star<ws, e_comma, ws, expr>>, ws, must<e_list_close>> {};
struct e_call_name : ident {};
struct e_call_open : one<'('> {};
struct e_call_close : one<')'> {};
struct e_call : seq<e_call_name, e_call_open, ws, opt<expr, star<ws, e_comma, ws, expr>>, ws,
                    must<e_call_close>> {};
struct e_paren_close : one<')'> {};
struct e_paren : seq<one<'('>, ws, must<expr>, ws, must<e_paren_close>> {};
struct e_primary : sor<e_paren, e_list, e_date, e_number, e_string, e_call, e_op, e_ident> {};

struct e_member_name : ident {};
struct e_member : seq<one<'.'>, not_at<one<'.'>>, must<e_member_name>> {};
struct e_where : seq<ws, kw_where, ws, must<expr>> {};
struct e_postfix : seq<e_primary, star<sor<e_member, e_where>>> {};

struct e_unary;
struct e_neg : seq<one<'-'>, ws, must<e_unary>> {};
struct e_unary : sor<e_postfix, e_neg> {};

struct e_mul_op : one<'*', '/'> {};
struct e_mul_tail : seq<e_mul_op, ws, must<e_unary>> {};
struct e_mul : seq<e_unary, star<ws, e_mul_tail>> {};
struct e_add_op : sor<one<'+'>, seq<one<'-'>, not_at<one<'-'>>>> {};
struct e_add_tail : seq<e_add_op, ws, must<e_mul>> {};
struct e_add : seq<e_mul, star<ws, e_add_tail>> {};

struct e_ne : sor<string<'!', '='>, pegtl::utf8::one<0x2260>> {};
struct e_eq : sor<string<'=', '='>, one<'='>> {};
struct e_not_in : seq<kw_not, ws, kw_in> {};
struct e_cmp_op : sor<e_ne, op_le, op_ge, e_eq, op_lt, op_gt, e_not_in, kw_in, kw_contains,
                      kw_starts_with, kw_ends_with, kw_matches> {};
struct e_cmp_tail : seq<e_cmp_op, ws, must<e_add>> {};
struct e_cmp : seq<e_add, opt<ws, e_cmp_tail>> {};
struct e_not;
struct e_not_prefix : seq<kw_not, ws, must<e_not>> {};
struct e_not : sor<e_not_prefix, e_cmp> {};
struct e_and_tail : seq<kw_and, ws, must<e_not>> {};
struct e_and : seq<e_not, star<ws, e_and_tail>> {};
struct e_or_tail : seq<kw_or, ws, must<e_and>> {};
struct e_or : seq<e_and, star<ws, e_or_tail>> {};
struct e_dots : dots {};
struct e_range_tail : seq<e_dots, ws, must<e_or>> {};
struct expr : seq<e_or, opt<ws, e_range_tail>> {};

// An expression alone, for `{…}` interpolations in messages.
struct expr_only : seq<ws, expr, ws, must<end_of_file>> {};

// ---- rules
// -------------------------------------------------------------------------------------------

// `cost.upper-bound`, `funds.balance`: words joined by '.' and '-'.
struct rule_id : seq<ident, star<sor<one<'.', '-', '_'>, ident_char, ascii::digit>>> {};
struct severity_value : ident {};
struct severity_stmt : if_must<kw_severity, sp, severity_value> {};
struct scope_value : ident {};
struct scope_filter : seq<kw_where, ws, must<expr>> {};
struct each_stmt : if_must<kw_each, sp, scope_value, opt<ws, scope_filter>> {};
struct let_name : ident {};
struct let_eq : one<'='> {};
struct let_value : expr {};
struct let_stmt : if_must<kw_let, ws, let_name, ws, let_eq, ws, let_value> {};
struct require_value : expr {};
struct require_stmt : if_must<kw_require, ws, require_value> {};
struct message_text : quoted {};
struct message_stmt : if_must<kw_message, ws, message_text> {};
struct cite_text : quoted {};
struct cite_stmt : if_must<kw_cite, ws, cite_text> {};
struct rule_stmt : sor<severity_stmt, each_stmt, let_stmt, require_stmt, message_stmt, cite_stmt> {
};
struct rule_name : rule_id {};
struct rule_open : open_brace {};
struct rule_close : close_brace {};
struct rule_decl
    : if_must<kw_rule, ws, rule_name, ws, rule_open, ws, star<rule_stmt, ws>, rule_close> {};

// ---- params, tables, settings, overrides
// --------------------------------------------------------------

struct param_name : ident {};
struct param_eq : one<'='> {};
struct param_value : expr {};
struct param_decl : if_must<kw_param, ws, param_name, ws, param_eq, ws, param_value> {};

struct row_key : ident {};
struct row_colon : sor<one<':'>, pegtl::utf8::one<0xFF1A>> {};
struct row_value : expr {};
struct table_row
    : seq<row_key, sp, row_colon, ws, must<row_value>, star<ws, e_comma, ws, must<row_value>>> {};
struct table_name : ident {};
struct table_open : open_brace {};
struct table_close : close_brace {};
struct table_decl
    : if_must<kw_table, ws, table_name, ws, table_open, ws, star<table_row, ws>, table_close> {};

struct setting_key : sor<kw_title, kw_version, kw_extends, kw_kind> {};
struct setting_value : sor<quoted, ident> {};
struct pack_setting : if_must<setting_key, sp, setting_value> {};

struct override_rule : rule_id {};
struct override_value : ident {};
struct severity_override : if_must<kw_severity, ws, override_rule, ws, override_value> {};
struct disable_override : if_must<kw_disable, ws, override_rule> {};

// ---- tests
// -------------------------------------------------------------------------------------------

struct given_item : sor<project, actuals> {};
struct given_stmt : if_must<kw_given, ws, given_item> {};
struct expect_rule : rule_id {};
struct expect_on : quoted {};
// `expect none`, `expect no RULE`, `expect RULE`, `expect RULE on "indicator"`.
struct expect_target
    : sor<kw_none, seq<opt<kw_no, ws>, expect_rule, opt<ws, kw_on, ws, must<expect_on>>>> {};
struct expect_stmt : if_must<kw_expect, ws, expect_target> {};
struct test_item : sor<given_stmt, expect_stmt> {};
struct test_name : quoted {};
struct test_open : open_brace {};
struct test_close : close_brace {};
struct test_decl
    : if_must<kw_test, ws, test_name, ws, test_open, ws, star<test_item, ws>, test_close> {};

// ---- pack
// ----------------------------------------------------------------------------------------------

struct pack_item : sor<pack_setting, param_decl, table_decl, rule_decl, test_decl,
                       severity_override, disable_override> {};
struct pack_name : quoted {};
struct pack_open : open_brace {};
struct pack_close : close_brace {};
struct pack : if_must<kw_pack, ws, pack_name, ws, pack_open, ws, star<pack_item, ws>, pack_close> {
};

// ---- file
// ------------------------------------------------------------------------------------------------

struct top_item : sor<project, actuals, pack, dimension_decl, unit_decl, scale_decl, terms_decl> {};
struct file : seq<ws, star<top_item, ws>, must<end_of_file>> {};

}  // namespace kpi::grammar
