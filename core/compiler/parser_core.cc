// Parser core: the token buffer, error reporting (CPython's RAISE_* macros and the final
// "invalid syntax" logic of _PyPegen_set_syntax_error), speculation, and the entry points.
#include <algorithm>

#include "core/compiler/ast_walk.h"
#include "core/compiler/parser_internal.h"
#include "core/compiler/unicode.h"

namespace stitch::compiler {

SourceRange range_of(const Token& token) { return {token.line, token.col, token.end_line, token.end_col}; }

SourceRange join(const SourceRange& from, const SourceRange& to) {
  return {from.line, from.col, to.end_line, to.end_col};
}

NestingGuard::NestingGuard(Parser& parser, const char* what) : parser_(parser) {
  parser_.nesting_depth_ += 1;
  if (parser_.nesting_depth_ > kMaxNestingDepth) {
    too_deep_ = true;
    if (!parser_.failed()) parser_.raise_at_token(parser_.current(), std::string(what) + " too deeply nested");
  }
}

Parser::Parser(const SourceFile& source, Arena& arena) : source_(source), arena_(arena), lexer_(source) {}

Parser::Parser(const SourceFile& source, Arena& arena, uint32_t begin, uint32_t end, const Parser& parent)
    : source_(source),
      arena_(arena),
      lexer_(source, begin, end),
      nesting_depth_(parent.nesting_depth_),
      is_fstring_parser_(true),
      fstring_begin_(begin),
      fstring_end_(end) {}

// ---------------------------------------------------------------------------------------------
// Tokens

const Token& Parser::peek(size_t ahead) {
  size_t index = position_ + ahead;
  while (tokens_.size() <= index) {
    if (!tokens_.empty() && (tokens_.back().kind == TokenKind::Error ||
                             tokens_.back().kind == TokenKind::EndOfFile)) {
      index = tokens_.size() - 1;  // nothing after the end
      break;
    }
    Token token = lexer_.next();
    if (is_fstring_parser_ && token.kind == TokenKind::EndOfFile) token.end_col = token.col + 1;  // the ')'
    tokens_.push_back(token);
    if (token.kind == TokenKind::Error && !error_) {
      lexer_failed_ = true;
      error_ = lexer_.error()->error;
      if (is_fstring_parser_ && !lexer_.error()->raised_immediately) {
        error_->message = "f-string: " + error_->message;
      }
    }
  }
  if (diagnostic_depth_ == 0) furthest_read_ = std::max(furthest_read_, index);
  return tokens_[index];
}

const Token& Parser::peek_diagnostic(size_t ahead) {
  diagnostic_depth_ += 1;
  const Token& token = peek(ahead);
  diagnostic_depth_ -= 1;
  return token;
}

SourceRange Parser::range_from(const Token& start) const {
  size_t index = position_;
  while (index > 0) {
    const Token& token = tokens_[index - 1];
    if (token.kind != TokenKind::Newline && token.kind != TokenKind::Indent && token.kind != TokenKind::Dedent &&
        token.kind != TokenKind::EndOfFile) {
      return {start.line, start.col, token.end_line, token.end_col};
    }
    index -= 1;
  }
  return range_of(start);
}

bool Parser::at_name(std::string_view text) {
  const Token& token = peek();
  return token.kind == TokenKind::Name && token_text(token) == text;
}

Token Parser::advance() {
  Token token = peek();
  if (token.kind != TokenKind::EndOfFile && token.kind != TokenKind::Error) position_ += 1;
  return token;
}

bool Parser::accept(TokenKind kind) {
  if (!at(kind)) return false;
  advance();
  return true;
}

std::string_view Parser::token_text(const Token& token) const {
  return source_.text().substr(token.begin, token.end - token.begin);
}

// ---------------------------------------------------------------------------------------------
// Errors

std::nullptr_t Parser::fail() {
  no_match_ = true;
  return nullptr;
}

std::nullptr_t Parser::raise_error(SyntaxErrorKind kind, std::string message, int line, int offset, int end_line,
                                   int end_offset) {
  if (error_) return nullptr;
  SyntaxError error;
  error.kind = kind;
  error.message = std::move(message);
  error.filename = source_.filename();
  // CPython reports parser errors in a script with UTF-8 byte columns.
  error.line = line;
  error.offset = offset > 0 ? source_.error_column(line, offset - 1) + 1 : offset;
  error.end_line = end_line;
  error.end_offset = end_offset > 0 ? source_.error_column(end_line, end_offset - 1) + 1 : end_offset;
  error.text = std::string(source_.line_text_with_newline(line));
  if (is_fstring_parser_) error.message = "f-string: " + error.message;
  error_ = std::move(error);
  return nullptr;
}

std::nullptr_t Parser::raise_at(const SourceRange& range, std::string message) {
  return raise_error(SyntaxErrorKind::SyntaxError, std::move(message), range.line, range.col + 1, range.end_line,
                     range.end_col + 1);
}

namespace {

// Tokens without a column in CPython (INDENT, DEDENT, ENDMARKER): an error raised at them is
// placed at the tokenizer's current position instead.
bool has_no_column(const Token& token) {
  return token.kind == TokenKind::Indent || token.kind == TokenKind::Dedent || token.kind == TokenKind::EndOfFile;
}

}  // namespace

std::nullptr_t Parser::raise_at_token(const Token& token, std::string message) {
  if (has_no_column(token) && !is_fstring_parser_) {
    // RAISE_SYNTAX_ERROR_KNOWN_LOCATION on a column-less token: column -1 + 1.
    return raise_error(SyntaxErrorKind::SyntaxError, std::move(message), std::min(token.line, source_.line_count()),
                       0, std::min(token.end_line, source_.line_count()), 0);
  }
  return raise_at(range_of(token), std::move(message));
}

std::nullptr_t Parser::raise_range(const SourceRange& from, const SourceRange& to, std::string message) {
  return raise_at(join(from, to), std::move(message));
}

std::nullptr_t Parser::raise_starting_from(const SourceRange& from, std::string message) {
  const Token& last = tokens_.back();
  return raise_error(SyntaxErrorKind::SyntaxError, std::move(message), from.line, from.col + 1, last.end_line,
                     last.end_col);
}

// CPython's RAISE_SYNTAX_ERROR: at the last token read so far.
std::nullptr_t Parser::raise_at_last_token(std::string message, SyntaxErrorKind kind) {
  return raise_as_last_token(tokens_.back(), std::move(message), kind);
}

std::nullptr_t Parser::raise_as_last_token(const Token& token, std::string message, SyntaxErrorKind kind) {
  if (has_no_column(token) && !is_fstring_parser_) {
    int line = token.line;
    int offset = token.col;
    if (line > source_.line_count()) {
      // At the end of a file CPython's tokenizer has emptied its line buffer: no column.
      line = std::max(1, source_.line_count());
      offset = 0;
    }
    return raise_error(kind, std::move(message), line, offset, line, -1);
  }
  return raise_error(kind, std::move(message), token.line, token.col + 1, token.end_line, token.end_col + 1);
}

// The first pass failed: "invalid syntax" at the furthest token it read.
std::nullptr_t Parser::raise_generic_error() {
  const Token& token = tokens_[std::min(furthest_read_, tokens_.size() - 1)];
  if (token.kind == TokenKind::Indent || token.kind == TokenKind::Dedent) {
    return raise_at_last_token(token.kind == TokenKind::Indent ? "unexpected indent" : "unexpected unindent",
                               SyntaxErrorKind::IndentationError);
  }
  return raise_at_token(token, "invalid syntax");
}

std::nullptr_t Parser::fail_expected(TokenKind kind) {
  // CPython's forced tokens (&&':'): "expected ':'" at the token found instead.
  return raise_at_token(current(), "expected '" + std::string(token_kind_spelling(kind)) + "'");
}

void Parser::note_unsupported(const SourceRange& range, std::string message) {
  if (unsupported_) return;
  SyntaxError error;
  error.message = std::move(message);
  error.filename = source_.filename();
  error.line = range.line;
  error.offset = range.col + 1;
  error.end_line = range.end_line;
  error.end_offset = range.end_col + 1;
  error.text = std::string(source_.line_text_with_newline(range.line));
  unsupported_ = std::move(error);
}

// After a parser error CPython tokenizes the rest of the file: a tokenizer error found there is
// reported instead, and so is a bracket left open on a line before the failing token's.
void Parser::check_rest_of_file_for_lexer_errors() {
  if (lexer_failed_) return;
  // CPython compares with the line of the last token its parser read (p->fill - 1). When the
  // error came from a replayed second-pass rule, the tokens that rule read count, as they do in
  // CPython's second pass; otherwise only those of the first pass (a replay that raised nothing
  // may have read further than CPython's second pass does).
  size_t last_index = (error_from_replay_ ? tokens_.size() : std::min(tokens_read_before_replay_, tokens_.size())) - 1;
  int failing_line = tokens_.empty() ? 0 : tokens_[last_index].line;
  for (;;) {
    Token token = lexer_.next();
    if (token.kind == TokenKind::EndOfFile) return;
    if (token.kind != TokenKind::Error) continue;
    const LexerError& lexer_error = *lexer_.error();
    if (lexer_error.raised_immediately ||
        (lexer_error.end_of_file_in_brackets && failing_line > lexer_error.unclosed_bracket_line)) {
      error_ = lexer_error.error;
      error_relative_to_field_ = false;
    }
    return;
  }
}

// The error of a failed parse, decided as CPython's _PyPegen_run_parser does: lexer errors and
// errors raised while building literals (first pass) stand; otherwise the second pass's rules run
// in source order (the inline checks, and the replayed candidates before them); with no rule
// firing, the error is "invalid syntax" at the furthest token (or "unexpected indent", which is
// final). Then the rest of the file is tokenized for lexer errors that take precedence.
SyntaxError Parser::finalize_error() {
  if (!lexer_failed_ && !error_from_action_ && !second_pass_candidates_.empty()) apply_second_pass_rules();
  if (!error_) {
    raise_generic_error();
    if (error_->kind == SyntaxErrorKind::IndentationError) return *error_;
  }
  if (!lexer_failed_) check_rest_of_file_for_lexer_errors();
  return *error_;
}

// CPython's second pass re-parses the file from the start with its invalid_* rules enabled, and
// the first rule that raises wins. A few of those rules match code that parsed fine (see
// SecondPassCandidate); they are replayed here, in source order, before the error found:
//   invalid_match_stmt:        "match" subject_expr NEWLINE -> "expected ':'" at the last token read
//   invalid_legacy_expression: NAME !'(' star_expressions   -> "Missing parentheses in call to
//       'print'" for print/exec; for any name, errors the checks find inside the star_expressions.
// Each region is replayed once, which keeps this linear in the size of the file.
void Parser::apply_second_pass_rules() {
  tokens_read_before_replay_ = tokens_.size();
  const Token last_read = tokens_[std::min(furthest_read_, tokens_.size() - 1)];
  std::optional<SyntaxError> original = std::move(error_);
  error_.reset();
  recording_candidates_ = false;
  replaying_second_pass_ = true;
  replay_budget_ = 20 * tokens_.size() + 10000;  // the replay is quadratic at worst: bound it
  size_t covered_until = 0;
  for (const SecondPassCandidate& candidate : second_pass_candidates_) {
    if (candidate.kind == SecondPassCandidate::Kind::MatchStatement) {
      raise_as_last_token(last_read, "expected ':'", SyntaxErrorKind::SyntaxError);
      return;
    }
    if (candidate.token_index < covered_until) continue;
    if (replay_budget_ == 0) break;
    // The expression rule tries invalid_expression, then invalid_legacy_expression (done inside
    // parse_expression while replaying, for nested expressions too).
    reset(candidate.token_index);
    no_match_ = false;
    Expr* expression = speculate<Expr>([&] { return parse_expression(); }, true);
    if (error_) {
      error_from_replay_ = true;
      return;
    }
    if (expression != nullptr) covered_until = mark();
  }
  error_ = std::move(original);
}

// invalid_legacy_expression at the NAME token `name_index`: NAME !'(' b=star_expressions, parsed
// with the second pass's checks. True when an error was raised (inside b, or for print/exec).
bool Parser::replay_legacy_expression(size_t name_index) {
  size_t start = mark();
  reset(name_index + 1);
  Expr* arguments = speculate<Expr>([&] { return parse_star_expressions(); }, true);
  if (error_) return true;
  reset(start);
  if (arguments == nullptr) return false;
  const Token name = tokens_[name_index];
  std::string text(token_text(name));
  if (text != "print" && text != "exec") return false;
  raise_range(range_of(name), arguments->range,
              "Missing parentheses in call to '" + text + "'. Did you mean " + text + "(...)?");
  return true;
}

// ---------------------------------------------------------------------------------------------
// Entry points

namespace {

// The range of the first node found more than `limit` levels deep, or nullptr. Iterative, so it
// is safe on any tree; the passes after parsing recurse and rely on this bound.
const SourceRange* find_node_deeper_than(const Module& module, int limit) {
  struct Pending {
    const Stmt* stmt;
    const Expr* expr;
    int depth;
  };
  std::vector<Pending> stack;
  for (const Stmt* statement : module.body) stack.push_back({statement, nullptr, 1});
  while (!stack.empty()) {
    Pending item = stack.back();
    stack.pop_back();
    if (item.depth > limit) return item.stmt ? &item.stmt->range : &item.expr->range;
    auto push_expr = [&](const Expr* child) { stack.push_back({nullptr, child, item.depth + 1}); };
    if (item.stmt) {
      for_each_child(item.stmt, push_expr, [&](const Stmt* child) { stack.push_back({child, nullptr, item.depth + 1}); });
    } else {
      for_each_child(item.expr, push_expr);
    }
  }
  return nullptr;
}

}  // namespace

ParseResult Parser::parse_file() {
  ParseResult result;
  auto module = std::make_unique<Module>();
  std::vector<Stmt*> body;
  while (!failed() && !at(TokenKind::EndOfFile)) {
    if (!parse_statement(body)) break;
  }
  if (failed()) {
    result.error = finalize_error();
    return result;
  }
  module->body = arena_.copy_list(body);
  if (const SourceRange* deepest = find_node_deeper_than(*module, kMaxChainDepth)) {
    raise_at(*deepest, "expression too deeply nested");
    error_from_action_ = true;
    result.error = finalize_error();
    return result;
  }
  module->filename = source_.filename();
  result.module = std::move(module);
  result.unsupported = unsupported_;
  return result;
}

ParseResult parse_module(const SourceFile& source) {
  auto arena = std::make_unique<Arena>();
  Parser parser(source, *arena);
  ParseResult result = parser.parse_file();
  if (result.module) result.module->arena = std::move(arena);
  return result;
}

}  // namespace stitch::compiler
