// The Parser class, shared by the parser's source files (not a public header).
//
// Design: a recursive-descent parser with one function per rule of CPython's PEG grammar
// (Grammar/python.gram), reading tokens lazily from the Lexer into a buffer so that it can look
// ahead and, at a few points, backtrack (`speculate`).
//
// Error model, emulating CPython 3.11's two-pass PEG parser:
//  - A rule that cannot continue calls `fail()`: a generic, not-yet-located failure (CPython's
//    first pass returning NULL). Speculative parses discard such failures.
//  - CPython's second pass runs extra `invalid_*` rules that recognise common mistakes and raise
//    precise messages. Here those checks run inline, at the point where the mistake is detected
//    (always in code that cannot parse), and `raise_*()` records a committed error that ends the
//    parse; speculation never discards it.
//  - Lexer errors are committed as soon as the bad token is read, as in CPython.
//  - At the end, a generic failure becomes "invalid syntax" at the furthest token the first pass
//    had read ("unexpected indent" for an INDENT). Then, for any parser error, the rest of the
//    file is tokenized: an error CPython's tokenizer raises there wins, and an unclosed bracket
//    opened on an earlier line becomes "'(' was never closed".
// Every parse function returns nullptr (or false) once the parse has failed; callers propagate.
//
// Recursion is bounded by `NestingGuard` (kMaxNestingDepth), and the lexer bounds brackets.
#pragma once

#include <cstdint>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/compiler/ast.h"
#include "core/compiler/lexer.h"
#include "core/compiler/parser.h"
#include "core/compiler/source_file.h"
#include "core/compiler/syntax_error.h"

namespace stitch::compiler {

// Where the elements of a statement-level `star_expressions` start and end (token indexes), when
// it is a tuple without parentheses; used to emulate CPython's per-element error rules.
struct StatementShape {
  bool is_bare_tuple = false;
  std::vector<size_t> element_starts;
  std::vector<size_t> element_ends;
};

// targets[0] = targets[1] = ... = value, as read by parse_assignment.
struct AssignmentChain {
  std::vector<Expr*> targets;
  std::vector<bool> is_bare_yield;  // the target is an unparenthesized yield expression
  Expr* value = nullptr;
  size_t first_index = 0;      // first token of the statement
  size_t right_index = 0;      // first token after the first '='
  size_t right_end_index = 0;  // one past the last token of that right-hand side
};

// Pieces of an f-string (or of concatenated strings) being assembled.
struct FStringBuilder {
  // CPython 3.11's positions: every FormattedValue spans the whole concatenated string
  // (`string_range`), and so do the top-level JoinedStr and its literal parts; a format spec and its
  // literal parts span only the string token that contains it (`part_range`).
  SourceRange range;  // of the JoinedStr or Str being built and of its literal parts
  SourceRange string_range;
  SourceRange part_range;
  std::string literal;  // literal text not yet flushed into `values`
  std::vector<Expr*> values;
  bool is_fstring = false;
};

class Parser {
 public:
  /// Parser for a whole module.
  Parser(const SourceFile& source, Arena& arena);
  /// Parser for the expression of an f-string replacement field, source text [begin, end).
  Parser(const SourceFile& source, Arena& arena, uint32_t begin, uint32_t end, const Parser& parent);

  /// Parses the module; the result carries the body or the error.
  ParseResult parse_file();

 private:
  friend class NestingGuard;
  friend class DiagnosticScope;

  // -------------------------------------------------------------------------------------------
  // Tokens (parser_core.cc)
  const Token& peek(size_t ahead = 0);
  const Token& peek_diagnostic(size_t ahead);  // lookahead CPython's first pass would not do
  const Token& current() { return peek(0); }
  bool at(TokenKind kind) { return peek().kind == kind; }
  bool at_name(std::string_view text);
  /// At `for` or `async for`: the start of comprehension clauses.
  bool at_comprehension() { return at(TokenKind::For) || (at(TokenKind::Async) && peek(1).kind == TokenKind::For); }
  Token advance();
  bool accept(TokenKind kind);
  std::string_view token_text(const Token& token) const;
  size_t mark() const { return position_; }
  void reset(size_t position) { position_ = position; }
  /// From `start` to the end of the last token consumed that is not NEWLINE/INDENT/DEDENT.
  SourceRange range_from(const Token& start) const;
  bool invalid_checks_enabled() const { return suppress_invalid_checks_ == 0; }

  // Errors (parser_core.cc)
  bool failed() const { return error_.has_value() || no_match_; }
  std::nullptr_t fail();
  std::nullptr_t raise_error(SyntaxErrorKind kind, std::string message, int line, int offset, int end_line,
                             int end_offset);
  std::nullptr_t raise_at(const SourceRange& range, std::string message);
  std::nullptr_t raise_at_token(const Token& token, std::string message);
  std::nullptr_t raise_range(const SourceRange& from, const SourceRange& to, std::string message);
  std::nullptr_t raise_starting_from(const SourceRange& from, std::string message);
  std::nullptr_t raise_at_last_token(std::string message, SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError);
  std::nullptr_t raise_as_last_token(const Token& token, std::string message, SyntaxErrorKind kind);
  std::nullptr_t raise_generic_error();
  std::nullptr_t fail_expected(TokenKind kind);
  void note_unsupported(const SourceRange& range, std::string message);
  void check_rest_of_file_for_lexer_errors();
  SyntaxError finalize_error();
  void apply_second_pass_rules();

  // Runs `parse`; on a generic failure rewinds and returns nullptr (a committed error stays).
  // A diagnostic speculation does not count towards the furthest token read.
  template <typename T, typename F>
  T* speculate(F&& parse, bool diagnostic) {
    size_t start = mark();
    size_t saved_furthest = furthest_read_;
    if (diagnostic) diagnostic_depth_ += 1;
    T* result = parse();
    if (diagnostic) diagnostic_depth_ -= 1;
    if (diagnostic) furthest_read_ = saved_furthest;
    if (error_) return nullptr;
    if (no_match_ || result == nullptr) {
      no_match_ = false;
      reset(start);
      return nullptr;
    }
    return result;
  }

  // -------------------------------------------------------------------------------------------
  // Statements (parse_statements.cc)
  bool parse_statement(std::vector<Stmt*>& out);
  bool parse_simple_statements(std::vector<Stmt*>& out);
  Stmt* parse_simple_statement();
  Stmt* parse_expression_statement();
  Stmt* parse_annotated_assignment(Expr* target, Token first, bool simple);
  Stmt* parse_assignment(Expr* first_target, Token first, size_t first_index, const StatementShape& shape);
  Stmt* parse_return();
  Stmt* parse_raise();
  Stmt* parse_global_or_nonlocal();
  Stmt* parse_del();
  Stmt* parse_assert();
  Stmt* parse_import();
  Stmt* parse_from_import();
  Stmt* parse_compound_statement();
  NodeList<Stmt> parse_block(const char* owner, int owner_line);
  Stmt* parse_if(bool is_elif);
  NodeList<Stmt> parse_else_block();
  Stmt* parse_while();
  Stmt* parse_for(const Token* async_token);
  Stmt* parse_with(const Token* async_token);
  WithItem* parse_with_item();
  Stmt* parse_try();
  ExceptHandler* parse_except_handler(std::optional<bool>& star_handlers);
  Stmt* parse_function_def(std::vector<Expr*> decorators, const Token* async_token, Token first);
  Stmt* parse_class_def(std::vector<Expr*> decorators, Token first);
  Stmt* parse_decorated();
  bool try_skip_match_statement();

  // Expressions (parse_expressions.cc)
  bool starts_expression(const Token& token) const;
  Expr* parse_star_expressions(StatementShape* shape = nullptr);
  Expr* parse_star_expression();
  Expr* parse_star_named_expression();
  bool parse_star_named_expressions(std::vector<Expr*>& out, TokenKind closing);
  Expr* parse_named_expression();
  void check_named_expression_mistake(Expr* expression, Token first, size_t first_index);
  Expr* parse_expression();
  Expr* parse_expression_unmemoized();
  Expr* parse_expression_without_invalid();
  void check_comma_or_legacy_mistake(Expr* left, Token first, size_t first_index);
  bool replay_legacy_expression(size_t name_index);
  Expr* parse_yield_expression();
  Expr* parse_disjunction();
  Expr* parse_conjunction();
  Expr* parse_inversion();
  Expr* parse_comparison();
  Expr* parse_binary_chain(Expr* (Parser::*operand)(), std::optional<BinaryOperator> (*operator_of)(TokenKind));
  Expr* parse_bitwise_or();
  Expr* parse_bitwise_xor();
  Expr* parse_bitwise_and();
  Expr* parse_shift();
  Expr* parse_sum();
  Expr* parse_term();
  Expr* parse_factor();
  Expr* parse_power();
  Expr* parse_await_primary();
  Expr* parse_primary();
  Expr* parse_primary_trailers(Expr* expression, Token first);
  Expr* parse_slices();
  Expr* parse_slice();
  Expr* parse_atom();
  Expr* parse_parenthesized();
  Expr* parse_parenthesized_contents(Token open, TokenKind closing);
  Expr* parse_list_display();
  Expr* parse_brace_display();
  void report_unparenthesized_comprehension_target(const std::vector<Expr*>& elements, Token last);
  Expr* parse_lambda();
  bool parse_comprehension_clauses(std::vector<Comprehension*>& out);

  // Calls and parameters (parse_calls_and_params.cc)
  Expr* parse_call(Expr* function, Token first, bool allow_generator);
  Arg* parse_parameter(bool is_lambda, bool allow_star_annotation = false);
  Arguments* parse_parameters(TokenKind closing, bool is_lambda);

  // Targets (parse_targets.cc)
  bool is_valid_star_target(const Expr* expr) const;
  bool is_valid_del_target(const Expr* expr) const;
  const Expr* find_invalid_target(const Expr* expr, int targets_type) const;
  void set_store_context(Expr* expr, ExprContext context);
  Expr* parse_star_targets();
  Expr* parse_star_target();
  Expr* parse_for_target();
  size_t matching_close_index(size_t open_index) const;
  bool is_bitwise_or_level(const Expr* expr, size_t start_index, size_t end_index) const;
  bool starts_with_display_or_singleton(const Expr* expr, size_t start_index) const;
  bool report_invalid_assignment(const AssignmentChain& chain, const StatementShape& shape);

  // Literals (parse_literals.cc)
  Expr* parse_number(const Token& token);
  Expr* parse_strings();
  Expr* parse_string_literals();
  Expr* finish_fstring(FStringBuilder& builder);
  void flush_fstring_literal(FStringBuilder& builder);
  bool parse_fstring_body(FStringBuilder& builder, uint32_t& cursor, uint32_t end, bool raw, int level);
  bool parse_fstring_field(FStringBuilder& builder, uint32_t& cursor, uint32_t end, bool raw, int level);
  Expr* parse_fstring_field_expression(uint32_t begin, uint32_t end);
  Expr* parse_fstring_expression();

  // -------------------------------------------------------------------------------------------
  const SourceFile& source_;
  Arena& arena_;
  Lexer lexer_;
  std::vector<Token> tokens_;
  size_t position_ = 0;
  // Index of the furthest token read by the "first pass" (not by diagnostic lookahead).
  size_t furthest_read_ = 0;
  int diagnostic_depth_ = 0;
  int suppress_invalid_checks_ = 0;
  // CPython's expression_without_invalid: the next parse_expression skips its own invalid_*
  // alternatives (nested expressions keep theirs).
  bool skip_expression_checks_ = false;
  int nesting_depth_ = 0;
  bool no_match_ = false;
  bool lexer_failed_ = false;
  bool error_from_action_ = false;         // raised while building a literal (CPython's first pass)
  // CPython's second pass tries some invalid_* rules on code that parsed fine in the first pass;
  // they fire when the file has a syntax error further on. The spots are remembered here, in
  // source order (see apply_second_pass_rules):
  //  - invalid_match_stmt: a statement `match <subject>` followed by NEWLINE;
  //  - invalid_legacy_expression: an expression starting with NAME !'(' whose remainder parses
  //    as star_expressions (with the second pass's checks, which may fire inside it).
  struct SecondPassCandidate {
    enum class Kind { MatchStatement, NameThenExpression } kind;
    size_t token_index;  // the `match` keyword / the NAME
  };
  std::vector<SecondPassCandidate> second_pass_candidates_;
  bool recording_candidates_ = true;
  bool replaying_second_pass_ = false;  // inside apply_second_pass_rules
  size_t replay_budget_ = 0;            // legacy checks left for the replay
  size_t tokens_read_before_replay_ = SIZE_MAX;
  bool error_from_replay_ = false;      // the error was raised by a replayed rule
  // Packrat memo of parse_expression during the replay (CPython memoizes `expression`): token
  // index -> (result, index after it); a null result is a failure.
  std::unordered_map<size_t, std::pair<Expr*, size_t>> replay_memo_;
  std::optional<SyntaxError> error_;
  std::optional<SyntaxError> unsupported_;
  // f-string expression parsers
  bool is_fstring_parser_ = false;
  uint32_t fstring_begin_ = 0;
  // error_ came from an f-string field's parser: positioned relative to "(" + field + ")".
  bool error_relative_to_field_ = false;
  uint32_t fstring_end_ = 0;
};

/// Counts one level of syntactic nesting for the lifetime of a parse function; past
/// kMaxNestingDepth the parse fails with "<what> too deeply nested".
class NestingGuard {
 public:
  NestingGuard(Parser& parser, const char* what);
  ~NestingGuard() { parser_.nesting_depth_ -= 1; }
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;
  bool too_deep() const { return too_deep_; }

 private:
  Parser& parser_;
  bool too_deep_ = false;
};

/// Marks a diagnostic lookahead (CPython's second pass): it does not move the furthest token read
/// by the first pass.
class DiagnosticScope {
 public:
  explicit DiagnosticScope(Parser& parser) : parser_(parser), saved_furthest_(parser.furthest_read_) {
    parser_.diagnostic_depth_ += 1;
  }
  ~DiagnosticScope() {
    parser_.diagnostic_depth_ -= 1;
    parser_.furthest_read_ = saved_furthest_;
  }
  DiagnosticScope(const DiagnosticScope&) = delete;
  DiagnosticScope& operator=(const DiagnosticScope&) = delete;

 private:
  Parser& parser_;
  size_t saved_furthest_;
};

// Target kinds for find_invalid_target (CPython's TARGETS_TYPE).
inline constexpr int kStarTargets = 0;
inline constexpr int kDelTargets = 1;
inline constexpr int kForTargets = 2;

SourceRange range_of(const Token& token);
SourceRange join(const SourceRange& from, const SourceRange& to);

}  // namespace stitch::compiler
