// Lexer implementation. The control flow deliberately follows CPython's tok_get() (one character
// read at a time with `next_char`, pushed back with `back_up`), so that every error is detected
// at the same character and reported with the same position as CPython 3.11.
#include "core/compiler/lexer.h"

#include <algorithm>
#include <string>

#include "core/compiler/unicode.h"

namespace stitch::compiler {

namespace {

constexpr int kEndOfInput = -1;
constexpr int kTabSize = 8;

bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_potential_identifier_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
bool is_potential_identifier_char(int c) { return is_potential_identifier_start(c) || is_digit(c); }

}  // namespace

Lexer::Lexer(const SourceFile& source)
    : source_(source),
      text_(source.text().data()),
      position_(0),
      end_(static_cast<uint32_t>(source.text().size())),
      line_(1),
      line_start_(0),
      at_line_start_(true),
      is_fstring_expression_(false),
      base_depth_(0) {}

Lexer::Lexer(const SourceFile& source, uint32_t begin, uint32_t end)
    : source_(source),
      text_(source.text().data()),
      position_(begin),
      end_(end),
      line_(source.line_of(begin)),
      line_start_(source.line_start(line_)),
      at_line_start_(false),
      is_fstring_expression_(true),
      base_depth_(1) {}

// ---------------------------------------------------------------------------------------------
// Character access

int Lexer::next_char() {
  if (position_ >= end_) return kEndOfInput;
  return static_cast<unsigned char>(text_[position_++]);
}

void Lexer::back_up(int c) {
  if (c != kEndOfInput) position_--;
}

void Lexer::start_next_line() {
  line_ += 1;
  line_start_ = position_;
}

int Lexer::column(uint32_t offset) const { return source_.column_of(line_, offset); }

// ---------------------------------------------------------------------------------------------
// Tokens and errors

Token Lexer::make_token(TokenKind kind, uint32_t begin, int begin_line, int begin_col) {
  Token token;
  token.kind = kind;
  token.begin = begin;
  token.end = position_;
  token.line = begin_line;
  token.col = begin_col;
  token.end_line = line_;
  token.end_col = column(position_);
  token.bracket_depth = depth();
  return token;
}

Token Lexer::fail(LexerError error) {
  error_ = std::move(error);
  error_token_ = Token{};
  error_token_.kind = TokenKind::Error;
  error_token_.begin = error_token_.end = position_ < end_ ? position_ : end_;
  error_token_.line = error_token_.end_line = error_->error.line > 0 ? error_->error.line : line_;
  error_token_.col = error_token_.end_col = std::max(0, error_->error.offset - 1);
  error_token_.bracket_depth = depth();
  return error_token_;
}

// An error CPython's tokenizer raises itself (syntaxerror()): the caret goes under the character
// before `caret_end`, on the current line; the text is the line without its newline.
Token Lexer::fail_raised(std::string message, uint32_t caret_end) {
  int offset = column(caret_end);
  return fail_raised_at(std::move(message), line_, offset, offset);
}

Token Lexer::fail_raised_at(std::string message, int line, int offset, int end_offset) {
  LexerError error;
  error.raised_immediately = true;
  error.error.message = std::move(message);
  error.error.filename = source_.filename();
  error.error.line = line;
  error.error.offset = offset;
  error.error.end_line = line;
  error.error.end_offset = end_offset;
  error.error.text = std::string(source_.line_text(line));
  return fail(std::move(error));
}

// A condition CPython's tokenizer only flags; the parser turns it into an exception whose text is
// the whole source line, with byte columns.
Token Lexer::fail_flagged(SyntaxErrorKind kind, std::string message, int line, int offset, int end_offset) {
  LexerError error;
  error.error.kind = kind;
  error.error.message = std::move(message);
  error.error.filename = source_.filename();
  error.error.line = line;
  error.error.offset = offset;
  error.error.end_line = line;
  error.error.end_offset = end_offset;
  error.error.text = std::string(source_.line_text_with_newline(line));
  return fail(std::move(error));
}

Token Lexer::fail_end_of_file() {
  if (depth() > base_depth_) {
    const OpenBracket& open = brackets_.back();
    LexerError error;
    error.end_of_file_in_brackets = true;
    error.unclosed_bracket_line = open.line;
    error.error.message = std::string("'") + open.bracket + "' was never closed";
    error.error.filename = source_.filename();
    error.error.line = open.line;
    error.error.offset = source_.has_encoding_declaration()
                             ? source_.column_of(open.line, open.offset) + 1
                             : static_cast<int>(open.offset - source_.line_start(open.line)) + 1;
    error.error.end_line = open.line;
    error.error.end_offset = 0;
    error.error.text = std::string(source_.line_text_with_newline(open.line));
    return fail(std::move(error));
  }
  // The caret goes after the whole line: CPython uses the tokenizer's position at the end of
  // its buffer.
  int line = line_ > source_.line_count() ? source_.line_count() : line_;
  std::string_view text = source_.line_text_with_newline(line);
  int offset = static_cast<int>(source_.has_encoding_declaration() ? count_code_points(text) : text.size());
  return fail_flagged(SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing", line, offset, -1);
}

// After a backslash: the newline it escapes. False (with `error_token` set) on failure.
bool Lexer::continue_line(Token& error_token) {
  int c = next_char();
  if (c != '\n') {
    int offset = static_cast<int>(position_ - line_start_);  // bytes through the character after the backslash
    if (source_.has_encoding_declaration()) offset = column(position_);
    error_token = fail_flagged(SyntaxErrorKind::SyntaxError,
                               "unexpected character after line continuation character", line_, offset, 0);
    return false;
  }
  start_next_line();
  c = next_char();
  if (c == kEndOfInput) {
    line_ -= 1;  // CPython does not count a line it failed to read
    error_token = fail_end_of_file();
    return false;
  }
  back_up(c);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Indentation

bool Lexer::measure_indentation(bool& blank_line, Token& error_token) {
  at_line_start_ = false;
  int column_width = 0;
  int alt_column = 0;
  int continuation_column = 0;
  int c;
  for (;;) {
    c = next_char();
    if (c == ' ') {
      column_width += 1;
      alt_column += 1;
    } else if (c == '\t') {
      column_width = (column_width / kTabSize + 1) * kTabSize;
      alt_column += 1;
    } else if (c == '\f') {
      column_width = alt_column = 0;
    } else if (c == '\\') {
      // A backslash continues the line; the first one found fixes the indentation.
      continuation_column = continuation_column ? continuation_column : column_width;
      if (!continue_line(error_token)) return false;
    } else {
      break;
    }
  }
  back_up(c);
  if (c == '#' || c == '\n') blank_line = true;
  if (blank_line || depth() > 0) return true;

  if (continuation_column) column_width = alt_column = continuation_column;
  auto tab_error = [&] {
    error_token = fail_flagged(SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation",
                               line_, 1, 0);
    return false;
  };
  if (column_width == indent_columns_.back()) {
    if (alt_column != alt_indent_columns_.back()) return tab_error();
  } else if (column_width > indent_columns_.back()) {
    if (static_cast<int>(indent_columns_.size()) >= kMaxIndentDepth) {
      error_token = fail_flagged(SyntaxErrorKind::IndentationError, "too many levels of indentation", line_, 1, 0);
      return false;
    }
    if (alt_column <= alt_indent_columns_.back()) return tab_error();
    pending_indents_ += 1;
    indent_columns_.push_back(column_width);
    alt_indent_columns_.push_back(alt_column);
  } else {
    while (indent_columns_.size() > 1 && column_width < indent_columns_.back()) {
      pending_indents_ -= 1;
      indent_columns_.pop_back();
      alt_indent_columns_.pop_back();
    }
    if (column_width != indent_columns_.back()) {
      std::string_view text = source_.line_text_with_newline(line_);
      int offset = static_cast<int>(source_.has_encoding_declaration() ? count_code_points(text) : text.size());
      error_token = fail_flagged(SyntaxErrorKind::IndentationError,
                                 "unindent does not match any outer indentation level", line_, offset, -1);
      return false;
    }
    if (alt_column != alt_indent_columns_.back()) return tab_error();
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// The main loop

Token Lexer::next() {
  if (error_) return error_token_;
  for (;;) {  // once per physical line skipped (blank lines, newlines inside brackets)
    bool blank_line = false;
    if (at_line_start_) {
      Token error_token;
      if (!measure_indentation(blank_line, error_token)) return error_token;
    }
    if (pending_indents_ != 0) {
      TokenKind kind = pending_indents_ > 0 ? TokenKind::Indent : TokenKind::Dedent;
      pending_indents_ += pending_indents_ > 0 ? -1 : 1;
      return make_token(kind, position_, line_, column(position_));
    }
    for (;;) {  // once per backslash continuation
      int c;
      do {
        c = next_char();
      } while (c == ' ' || c == '\t' || c == '\f');
      back_up(c);
      uint32_t start = position_;
      if (c == '#') {
        while (c != kEndOfInput && c != '\n') c = next_char();
        back_up(c);
      }
      if (c == kEndOfInput) {
        if (is_fstring_expression_) return make_token(TokenKind::EndOfFile, position_, line_, column(position_));
        if (depth() > 0) return fail_end_of_file();
        return make_token(TokenKind::EndOfFile, position_, line_, 0);
      }
      if (is_potential_identifier_start(c)) return lex_identifier_or_string(start);
      if (c == '\n') {
        uint32_t newline_position = position_;
        next_char();
        Token token;
        token.kind = TokenKind::Newline;
        token.begin = start;
        token.end = newline_position;
        token.line = token.end_line = line_;
        token.col = column(start);
        token.end_col = column(newline_position);
        token.bracket_depth = depth();
        start_next_line();
        at_line_start_ = true;
        if (blank_line || depth() > 0) break;  // next physical line
        return token;
      }
      if (c == '.') {
        int after_dot = start + 1 < end_ ? static_cast<unsigned char>(text_[start + 1]) : kEndOfInput;
        return is_digit(after_dot) ? lex_number(start) : lex_operator(start);
      }
      if (is_digit(c)) return lex_number(start);
      if (c == '"' || c == '\'') return lex_string(start, start);
      if (c == '\\') {
        next_char();
        Token error_token;
        if (!continue_line(error_token)) return error_token;
        continue;  // the token continues on the next line
      }
      return lex_operator(start);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Identifiers and string prefixes

Token Lexer::lex_identifier_or_string(uint32_t start) {
  int begin_col = column(start);
  bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
  for (;;) {
    int c = next_char();
    if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
      saw_b = true;
    } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
      saw_u = true;
    } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
      saw_r = true;
    } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
      saw_f = true;
    } else {
      back_up(c);
      break;
    }
    int quote = next_char();
    back_up(quote);
    if (quote == '"' || quote == '\'') return lex_string(start, position_);
  }
  position_ = start;
  bool non_ascii = false;
  int c;
  do {
    c = next_char();
    non_ascii |= c >= 128;
  } while (is_potential_identifier_char(c));
  back_up(c);
  if (non_ascii) {
    std::string_view word(text_ + start, position_ - start);
    for (size_t i = 0; i < word.size();) {
      size_t length = 1;
      char32_t code_point = decode_utf8_at(word, i, length);
      bool valid = i == 0 ? is_identifier_start(code_point) : is_identifier_continue(code_point);
      if (!valid) {
        position_ = start + static_cast<uint32_t>(i + length);
        std::string hex = code_point_hex(code_point);
        std::string message;
        if (is_printable(code_point)) {
          message = "invalid character '";
          append_utf8(message, code_point);
          message += "' (U+" + hex + ")";
        } else {
          message = "invalid non-printable character U+" + hex;
        }
        return fail_raised(std::move(message), position_);
      }
      i += length;
    }
  }
  TokenKind kind = keyword_kind(std::string_view(text_ + start, position_ - start));
  return make_token(kind, start, line_, begin_col);
}

// ---------------------------------------------------------------------------------------------
// Numbers

// CPython's lookahead(): does the text at `position` spell `rest` followed by a non-identifier
// character? (Used to accept "1if x else y" and friends.)
bool Lexer::lookahead_keyword(uint32_t position, const char* rest) const {
  for (; *rest; ++rest, ++position) {
    if (position >= end_ || text_[position] != *rest) return false;
  }
  int after = position < end_ ? static_cast<unsigned char>(text_[position]) : kEndOfInput;
  return !is_potential_identifier_char(after);
}

// `c` was just read after a number. A number may be directly followed by one of the keywords
// that can legally follow it ("and", "else", "for", "if", "in", "is", "not", "or"); any other
// identifier character makes the literal invalid.
bool Lexer::verify_end_of_number(int c, const char* kind, Token& error_token) {
  bool keyword_follows = false;
  switch (c) {
    case 'a': keyword_follows = lookahead_keyword(position_, "nd"); break;
    case 'e': keyword_follows = lookahead_keyword(position_, "lse"); break;
    case 'f': keyword_follows = lookahead_keyword(position_, "or"); break;
    case 'o': keyword_follows = lookahead_keyword(position_, "r"); break;
    case 'n': keyword_follows = lookahead_keyword(position_, "ot"); break;
    case 'i': {
      int c2 = position_ < end_ ? text_[position_] : kEndOfInput;
      keyword_follows = c2 == 'f' || c2 == 'n' || c2 == 's';
      break;
    }
    default: break;
  }
  if (!keyword_follows && is_potential_identifier_char(c)) {
    back_up(c);
    error_token = fail_raised(std::string("invalid ") + kind + " literal", position_);
    return false;
  }
  return true;
}

// Digits with single underscores between them. Returns the character after them (read), or
// nothing with `error_token` set.
std::optional<int> Lexer::decimal_tail(Token& error_token) {
  int c;
  for (;;) {
    do {
      c = next_char();
    } while (is_digit(c));
    if (c != '_') break;
    c = next_char();
    if (!is_digit(c)) {
      back_up(c);
      error_token = fail_raised("invalid decimal literal", position_);
      return std::nullopt;
    }
  }
  return c;
}

Token Lexer::lex_number(uint32_t start) {
  int begin_col = column(start);
  Token error_token;
  auto finish = [&](int c) {
    back_up(c);
    return make_token(TokenKind::Number, start, line_, begin_col);
  };
  // Reads the digits of a radix-prefixed literal; `is_valid` accepts a digit of the radix.
  auto radix_digits = [&](auto is_valid, const char* kind) -> std::optional<int> {
    int c = next_char();
    do {
      if (c == '_') c = next_char();
      if (!is_valid(c)) {
        if (std::string_view(kind) != "hexadecimal" && is_digit(c)) {
          error_token = fail_raised(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind + " literal",
                                    position_);
          return std::nullopt;
        }
        back_up(c);
        error_token = fail_raised(std::string("invalid ") + kind + " literal", position_);
        return std::nullopt;
      }
      do {
        c = next_char();
      } while (is_valid(c));
    } while (c == '_');
    if (std::string_view(kind) != "hexadecimal" && is_digit(c)) {
      error_token = fail_raised(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind + " literal",
                                position_);
      return std::nullopt;
    }
    if (!verify_end_of_number(c, kind, error_token)) return std::nullopt;
    return c;
  };

  int c = next_char();
  enum class Next { Fraction, Exponent, Imaginary, Decimal } next = Next::Decimal;
  if (c == '.') {
    c = next_char();
    next = Next::Fraction;
  } else if (c == '0') {
    c = next_char();
    if (c == 'x' || c == 'X') {
      auto after = radix_digits(is_hex_digit, "hexadecimal");
      return after ? finish(*after) : error_token;
    }
    if (c == 'o' || c == 'O') {
      auto after = radix_digits([](int d) { return d >= '0' && d <= '7'; }, "octal");
      return after ? finish(*after) : error_token;
    }
    if (c == 'b' || c == 'B') {
      auto after = radix_digits([](int d) { return d == '0' || d == '1'; }, "binary");
      return after ? finish(*after) : error_token;
    }
    // "0", "00", "0_0": zeros; "0123" is an old-style octal literal, now an error.
    bool nonzero = false;
    for (;;) {
      if (c == '_') {
        c = next_char();
        if (!is_digit(c)) {
          back_up(c);
          return fail_raised("invalid decimal literal", position_);
        }
      }
      if (c != '0') break;
      c = next_char();
    }
    uint32_t zeros_end = position_;
    if (is_digit(c)) {
      nonzero = true;
      auto after = decimal_tail(error_token);
      if (!after) return error_token;
      c = *after;
    }
    if (c == '.') {
      c = next_char();
      next = Next::Fraction;
    } else if (c == 'e' || c == 'E') {
      next = Next::Exponent;
    } else if (c == 'j' || c == 'J') {
      next = Next::Imaginary;
    } else if (nonzero) {
      back_up(c);
      // CPython reports this one with byte offsets.
      int offset = static_cast<int>(start - line_start_) + 1;
      int end_offset = static_cast<int>(zeros_end - line_start_);
      return fail_raised_at(
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", line_,
          offset, end_offset);
    } else {
      if (!verify_end_of_number(c, "decimal", error_token)) return error_token;
      return finish(c);
    }
  } else {
    back_up(c);
    auto after = decimal_tail(error_token);
    if (!after) return error_token;
    c = *after;
    if (c == '.') {
      c = next_char();
      next = Next::Fraction;
    } else if (c == 'e' || c == 'E') {
      next = Next::Exponent;
    } else if (c == 'j' || c == 'J') {
      next = Next::Imaginary;
    } else {
      if (!verify_end_of_number(c, "decimal", error_token)) return error_token;
      return finish(c);
    }
  }

  if (next == Next::Fraction) {
    if (is_digit(c)) {
      back_up(c);
      auto after = decimal_tail(error_token);
      if (!after) return error_token;
      c = *after;
    }
    if (c == 'e' || c == 'E') {
      next = Next::Exponent;
    } else if (c == 'j' || c == 'J') {
      next = Next::Imaginary;
    } else {
      if (!verify_end_of_number(c, "decimal", error_token)) return error_token;
      return finish(c);
    }
  }
  if (next == Next::Exponent) {
    int e = c;
    c = next_char();
    if (c == '+' || c == '-') {
      c = next_char();
      if (!is_digit(c)) {
        back_up(c);
        return fail_raised("invalid decimal literal", position_);
      }
    } else if (!is_digit(c)) {
      // "1else": the 'e' starts a keyword, not an exponent.
      back_up(c);
      if (!verify_end_of_number(e, "decimal", error_token)) return error_token;
      back_up(e);
      return make_token(TokenKind::Number, start, line_, begin_col);
    }
    back_up(c);
    auto after = decimal_tail(error_token);
    if (!after) return error_token;
    c = *after;
    if (c == 'j' || c == 'J') {
      next = Next::Imaginary;
    } else {
      if (!verify_end_of_number(c, "decimal", error_token)) return error_token;
      return finish(c);
    }
  }
  // Imaginary: c is the 'j'.
  c = next_char();
  if (!verify_end_of_number(c, "imaginary", error_token)) return error_token;
  return finish(c);
}

// ---------------------------------------------------------------------------------------------
// Strings

Token Lexer::lex_string(uint32_t start, uint32_t quote_position) {
  int first_line = line_;
  int begin_col = column(start);
  position_ = quote_position;
  int quote = next_char();
  int quote_size = 1;
  int end_quote_size = 0;
  int c = next_char();
  if (c == quote) {
    c = next_char();
    if (c == quote) {
      quote_size = 3;
    } else {
      end_quote_size = 1;  // empty string
    }
  }
  if (c != quote) back_up(c);

  while (end_quote_size != quote_size) {
    c = next_char();
    if (c == kEndOfInput || (quote_size == 1 && c == '\n')) {
      int detected_line = line_;
      if (c == kEndOfInput && position_ > 0 && text_[position_ - 1] == '\n') detected_line -= 1;
      std::string message = quote_size == 3 ? "unterminated triple-quoted string literal (detected at line "
                                            : "unterminated string literal (detected at line ";
      message += std::to_string(detected_line) + ")";
      return fail_raised_at(std::move(message), first_line, begin_col + 1, begin_col + 1);
    }
    if (c == quote) {
      end_quote_size += 1;
      continue;
    }
    end_quote_size = 0;
    if (c == '\n') start_next_line();
    if (c == '\\') {
      int escaped = next_char();
      if (escaped == '\n') start_next_line();
    }
  }
  return make_token(TokenKind::String, start, first_line, begin_col);
}

// ---------------------------------------------------------------------------------------------
// Operators and brackets

Token Lexer::lex_operator(uint32_t start) {
  int begin_col = column(start);
  int c = next_char();
  int c2 = next_char();
  int c3 = next_char();
  auto token = [&](TokenKind kind, int length) {
    position_ = start + static_cast<uint32_t>(length);
    return make_token(kind, start, line_, begin_col);
  };
  switch (c) {
    case '+': return c2 == '=' ? token(TokenKind::PlusEqual, 2) : token(TokenKind::Plus, 1);
    case '-':
      if (c2 == '=') return token(TokenKind::MinusEqual, 2);
      if (c2 == '>') return token(TokenKind::Arrow, 2);
      return token(TokenKind::Minus, 1);
    case '*':
      if (c2 == '*') return c3 == '=' ? token(TokenKind::DoubleStarEqual, 3) : token(TokenKind::DoubleStar, 2);
      return c2 == '=' ? token(TokenKind::StarEqual, 2) : token(TokenKind::Star, 1);
    case '/':
      if (c2 == '/') return c3 == '=' ? token(TokenKind::DoubleSlashEqual, 3) : token(TokenKind::DoubleSlash, 2);
      return c2 == '=' ? token(TokenKind::SlashEqual, 2) : token(TokenKind::Slash, 1);
    case '%': return c2 == '=' ? token(TokenKind::PercentEqual, 2) : token(TokenKind::Percent, 1);
    case '&': return c2 == '=' ? token(TokenKind::AmpersandEqual, 2) : token(TokenKind::Ampersand, 1);
    case '|': return c2 == '=' ? token(TokenKind::VerticalBarEqual, 2) : token(TokenKind::VerticalBar, 1);
    case '^': return c2 == '=' ? token(TokenKind::CircumflexEqual, 2) : token(TokenKind::Circumflex, 1);
    case '@': return c2 == '=' ? token(TokenKind::AtEqual, 2) : token(TokenKind::At, 1);
    case '=': return c2 == '=' ? token(TokenKind::EqualEqual, 2) : token(TokenKind::Equal, 1);
    case '!': return c2 == '=' ? token(TokenKind::NotEqual, 2) : token(TokenKind::OtherOperator, 1);
    case ':': return c2 == '=' ? token(TokenKind::ColonEqual, 2) : token(TokenKind::Colon, 1);
    case '<':
      if (c2 == '<') return c3 == '=' ? token(TokenKind::LeftShiftEqual, 3) : token(TokenKind::LeftShift, 2);
      if (c2 == '=') return token(TokenKind::LessEqual, 2);
      if (c2 == '>') return token(TokenKind::OtherOperator, 2);  // Python 2's "<>"
      return token(TokenKind::Less, 1);
    case '>':
      if (c2 == '>') return c3 == '=' ? token(TokenKind::RightShiftEqual, 3) : token(TokenKind::RightShift, 2);
      return c2 == '=' ? token(TokenKind::GreaterEqual, 2) : token(TokenKind::Greater, 1);
    case '.': return (c2 == '.' && c3 == '.') ? token(TokenKind::Ellipsis, 3) : token(TokenKind::Dot, 1);
    case ',': return token(TokenKind::Comma, 1);
    case ';': return token(TokenKind::Semicolon, 1);
    case '~': return token(TokenKind::Tilde, 1);
    default: break;
  }
  position_ = start + 1;
  switch (c) {
    case '(':
    case '[':
    case '{':
      if (depth() >= kMaxBracketDepth) return fail_raised("too many nested parentheses", position_);
      brackets_.push_back(OpenBracket{static_cast<char>(c), line_, start});
      return make_token(c == '(' ? TokenKind::LeftParen : c == '[' ? TokenKind::LeftBracket : TokenKind::LeftBrace,
                        start, line_, begin_col);
    case ')':
    case ']':
    case '}': {
      if (brackets_.empty()) return fail_raised(std::string("unmatched '") + static_cast<char>(c) + "'", position_);
      OpenBracket open = brackets_.back();
      brackets_.pop_back();
      char expected = open.bracket == '(' ? ')' : open.bracket == '[' ? ']' : '}';
      if (c != expected) {
        std::string message = std::string("closing parenthesis '") + static_cast<char>(c) +
                              "' does not match opening parenthesis '" + open.bracket + "'";
        if (open.line != line_) message += " on line " + std::to_string(open.line);
        return fail_raised(std::move(message), position_);
      }
      return make_token(c == ')' ? TokenKind::RightParen : c == ']' ? TokenKind::RightBracket : TokenKind::RightBrace,
                        start, line_, begin_col);
    }
    default: break;
  }
  if (!is_printable(static_cast<char32_t>(c))) {
    return fail_raised("invalid non-printable character U+" + code_point_hex(static_cast<char32_t>(c)), position_);
  }
  return make_token(TokenKind::OtherOperator, start, line_, begin_col);
}

}  // namespace stitch::compiler
