// Lexer: turns a SourceFile into Python 3.11 tokens, one at a time, on demand.
//
// The algorithm is CPython's tokenizer (Parser/tokenizer.c), rewritten:
//  - At the start of each logical line the indentation is measured twice: `column` with tabs to
//    the next multiple of 8, and `alt_column` with tabs as one column. A stack holds the open
//    indentation levels. A deeper line pushes one level and yields INDENT; a shallower one pops
//    levels (one DEDENT each) and must land exactly on an open level ("unindent does not match
//    any outer indentation level"). The two measures must agree on every comparison, or the
//    indentation depends on the tab size ("inconsistent use of tabs and spaces" TabError).
//    Blank and comment-only lines do not count, nor does anything inside brackets.
//  - Inside (), [] and {} newlines are insignificant (implicit line joining); a backslash before
//    a newline joins lines explicitly. Brackets are matched as they are read.
//  - Numbers, strings and identifiers are delimited here and validated as CPython does (digit
//    separators, leading zeros, identifier characters); the parser decodes literal values.
//
// Errors come in two flavours, because CPython orders them differently against parser errors:
// those its tokenizer raises at once (bad literals and characters, unmatched brackets) and
// conditions it only flags (end of file inside brackets, bad dedent, tab/space mix, stray
// continuation character, end of file after a backslash). See LexerError. After an error the
// lexer keeps returning Error tokens.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/compiler/source_file.h"
#include "core/compiler/syntax_error.h"
#include "core/compiler/token.h"

namespace stitch::compiler {

struct LexerError {
  SyntaxError error;
  /// CPython's tokenizer raised it directly; such errors override a parser error reported
  /// earlier in the file (CPython tokenizes the rest of the file after a parser error).
  bool raised_immediately = false;
  /// End of file inside brackets ("'(' was never closed").
  bool end_of_file_in_brackets = false;
  /// Line of the innermost unclosed bracket, for end_of_file_in_brackets.
  int unclosed_bracket_line = 0;
};

class Lexer {
 public:
  /// Lexes a whole module.
  explicit Lexer(const SourceFile& source);

  /// Lexes the expression of an f-string replacement field, text[begin, end), as CPython does:
  /// as if it were wrapped in parentheses (newlines are insignificant, one bracket is open).
  /// The stream ends with EndOfFile at `end`.
  Lexer(const SourceFile& source, uint32_t begin, uint32_t end);

  /// The next token; EndOfFile forever at the end; Error forever after an error.
  Token next();

  const std::optional<LexerError>& error() const { return error_; }

  /// Maximum bracket nesting (CPython's MAXLEVEL) and indentation depth (MAXINDENT).
  static constexpr int kMaxBracketDepth = 200;
  static constexpr int kMaxIndentDepth = 100;

 private:
  struct OpenBracket {
    char bracket;
    int line;
    uint32_t offset;  // byte offset of the bracket
  };

  int next_char();
  void back_up(int c);
  void start_next_line();
  int column(uint32_t offset) const;
  int depth() const { return static_cast<int>(brackets_.size()) + base_depth_; }

  Token make_token(TokenKind kind, uint32_t begin, int begin_line, int begin_col);
  Token fail(LexerError error);
  Token fail_raised(std::string message, uint32_t caret_end);
  Token fail_raised_at(std::string message, int line, int offset, int end_offset);
  Token fail_flagged(SyntaxErrorKind kind, std::string message, int line, int offset, int end_offset);
  Token fail_end_of_file();

  bool continue_line(Token& error_token);
  bool measure_indentation(bool& blank_line, Token& error_token);
  Token lex_identifier_or_string(uint32_t start);
  Token lex_number(uint32_t start);
  Token lex_string(uint32_t start, uint32_t quote_position);
  Token lex_operator(uint32_t start);
  bool verify_end_of_number(int c, const char* kind, Token& error_token);
  std::optional<int> decimal_tail(Token& error_token);
  bool lookahead_keyword(uint32_t position, const char* rest) const;

  const SourceFile& source_;
  const char* text_;
  uint32_t position_;
  uint32_t end_;
  int line_;
  uint32_t line_start_;
  bool at_line_start_;
  bool is_fstring_expression_;
  int base_depth_;
  int pending_indents_ = 0;  // > 0: INDENTs to emit, < 0: DEDENTs to emit
  std::vector<int> indent_columns_{0};
  std::vector<int> alt_indent_columns_{0};
  std::vector<OpenBracket> brackets_;
  std::optional<LexerError> error_;
  Token error_token_;
};

}  // namespace stitch::compiler
