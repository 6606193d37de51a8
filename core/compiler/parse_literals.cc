// Literals: numbers, and adjacent string literals concatenated into one Str or JoinedStr.
//
// F-strings are split into literal text and replacement fields exactly as CPython 3.11 does it
// (Parser/string_parser.c: fstring_find_literal / fstring_find_expr): `{{` and `}}` are braces,
// a field is `{expression [=] [!conversion] [:format_spec]}`, the format spec may itself contain
// fields (one level deep), and the expression text may not contain a backslash or '#'. The
// expression is parsed by a nested Parser over its own source range, as if it were wrapped in
// parentheses (CPython compiles "(" + text + ")"), so its AST nodes carry real source positions.
// Errors found while scanning an f-string point at the token after the strings, as in CPython.
#include <cerrno>
#include <clocale>
#include <cstdlib>
#include <locale.h>

#include "core/compiler/parser_internal.h"
#include "core/compiler/string_decode.h"

namespace stitch::compiler {

namespace {

// Parses a decimal floating-point literal (underscores already removed) independently of the
// process locale.
double parse_float_literal(const std::string& text) {
  static locale_t c_locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
  return strtod_l(text.c_str(), nullptr, c_locale);
}

}  // namespace

// NUMBER: an Int (any base) or a Float; imaginary literals are unsupported.
Expr* Parser::parse_number(const Token& token) {
  std::string_view text = token_text(token);
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    if (c != '_') clean.push_back(c);
  }
  char last = clean.back();
  if (last == 'j' || last == 'J') {
    note_unsupported(range_of(token), "complex numbers are not supported by Stitch");
    auto* placeholder = new_node<Float>(arena_, range_of(token));
    clean.pop_back();
    placeholder->value = parse_float_literal(clean);
    return placeholder;
  }
  uint8_t base = 10;
  std::string_view digits = clean;
  if (clean.size() > 1 && clean[0] == '0' && clean[1] != '.' && clean[1] != 'e' && clean[1] != 'E') {
    char marker = static_cast<char>(clean[1] | 0x20);
    if (marker == 'x') base = 16;
    if (marker == 'o') base = 8;
    if (marker == 'b') base = 2;
    if (base != 10) digits.remove_prefix(2);
  }
  if (base == 10 && clean.find_first_of(".eE") != std::string::npos) {
    auto* number = new_node<Float>(arena_, range_of(token));
    number->value = parse_float_literal(clean);
    return number;
  }
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  auto* number = new_node<Int>(arena_, range_of(token));
  number->base = base;
  number->digits = arena_.copy_text(digits);
  uint64_t value = 0;
  bool fits = true;
  for (char c : digits) {
    unsigned digit = c <= '9' ? static_cast<unsigned>(c - '0') : static_cast<unsigned>((c | 0x20) - 'a' + 10);
    if (value > (static_cast<uint64_t>(INT64_MAX) - digit) / base) {
      fits = false;
      break;
    }
    value = value * base + digit;
  }
  number->fits_int64 = fits;
  number->value = fits ? static_cast<int64_t>(value) : 0;
  return number;
}

// ---------------------------------------------------------------------------------------------
// strings: STRING+

namespace {

struct StringPrefix {
  bool is_bytes = false;
  bool is_raw = false;
  bool is_fstring = false;
  uint32_t body_begin = 0;  // source offsets of the text between the quotes
  uint32_t body_end = 0;
};

StringPrefix split_string_token(std::string_view token_text, uint32_t token_begin) {
  StringPrefix prefix;
  size_t quote = token_text.find_first_of("'\"");
  for (size_t i = 0; i < quote; ++i) {
    char letter = static_cast<char>(token_text[i] | 0x20);
    prefix.is_bytes |= letter == 'b';
    prefix.is_raw |= letter == 'r';
    prefix.is_fstring |= letter == 'f';
  }
  size_t quote_length = 1;
  if (token_text.size() - quote >= 6 && token_text[quote + 1] == token_text[quote] &&
      token_text[quote + 2] == token_text[quote]) {
    quote_length = 3;
  }
  prefix.body_begin = token_begin + static_cast<uint32_t>(quote + quote_length);
  prefix.body_end = token_begin + static_cast<uint32_t>(token_text.size() - quote_length);
  return prefix;
}

}  // namespace

Expr* Parser::parse_strings() {
  Expr* strings = parse_string_literals();
  if (strings == nullptr && error_) error_from_action_ = true;
  return strings;
}

Expr* Parser::parse_string_literals() {
  std::vector<Token> parts;
  while (at(TokenKind::String)) parts.push_back(advance());
  current();  // CPython reads the token after the strings; errors below point at it
  SourceRange range = join(range_of(parts.front()), range_of(parts.back()));

  FStringBuilder builder;
  builder.range = range;
  builder.string_range = range;
  bool bytes_mode = false;
  for (size_t i = 0; i < parts.size(); ++i) {
    const Token& part = parts[i];
    StringPrefix prefix = split_string_token(token_text(part), part.begin);
    std::string_view body = source_.text().substr(prefix.body_begin, prefix.body_end - prefix.body_begin);
    if (prefix.is_bytes) {
      StringDecodeResult decoded = decode_bytes_literal(body, prefix.is_raw);
      if (decoded.error) {
        if (decoded.error->rfind("bytes can only", 0) == 0) return raise_at_token(part, *decoded.error);
        return raise_at_last_token(*decoded.error);
      }
      if (i != 0 && !bytes_mode) return raise_at_last_token("cannot mix bytes and nonbytes literals");
      bytes_mode = true;
      builder.literal += decoded.value;
      continue;
    }
    std::optional<StringDecodeResult> decoded;
    if (!prefix.is_fstring) {
      decoded = decode_string_literal(body, prefix.is_raw);
      if (decoded->error) return raise_at_last_token(*decoded->error);
      if (decoded->uses_named_escape) {
        note_unsupported(range_of(part), "'\\N{...}' escapes are not supported by Stitch");
      }
    }
    if (i != 0 && bytes_mode) return raise_at_last_token("cannot mix bytes and nonbytes literals");
    if (prefix.is_fstring) {
      builder.is_fstring = true;
      builder.part_range = range_of(part);
      uint32_t cursor = prefix.body_begin;
      if (!parse_fstring_body(builder, cursor, prefix.body_end, prefix.is_raw, 0)) return nullptr;
    } else {
      builder.literal += decoded->value;
    }
  }
  if (bytes_mode) note_unsupported(range, "bytes literals are not supported by Stitch");
  return finish_fstring(builder);
}

// CPython's FstringParser_Finish: a plain Str unless an f-string took part.
Expr* Parser::finish_fstring(FStringBuilder& builder) {
  if (!builder.is_fstring) {
    auto* str = new_node<Str>(arena_, builder.range);
    str->value = std::move(builder.literal);
    return str;
  }
  flush_fstring_literal(builder);
  auto* joined = new_node<JoinedStr>(arena_, builder.range);
  joined->values = arena_.copy_list(builder.values);
  return joined;
}

void Parser::flush_fstring_literal(FStringBuilder& builder) {
  if (builder.literal.empty()) return;
  auto* str = new_node<Str>(arena_, builder.range);
  str->value = std::move(builder.literal);
  builder.literal.clear();
  builder.values.push_back(str);
}

// CPython's _PyPegen_FstringParser_ConcatFstring: literal text and fields from `cursor` up to
// `end` (recursion level 0) or up to the '}' closing a format spec (level 1).
bool Parser::parse_fstring_body(FStringBuilder& builder, uint32_t& cursor, uint32_t end, bool raw, int level) {
  std::string_view text = source_.text();
  for (;;) {
    // fstring_find_literal: text up to an undoubled '{' (or '}' in a format spec).
    uint32_t s = cursor;
    uint32_t literal_start = s;
    bool doubled_brace = false;
    while (s < end) {
      char ch = text[s++];
      if (!raw && ch == '\\' && s < end) {
        ch = text[s++];
        if (ch == 'N') {
          if (s < end && text[s++] == '{') {
            while (s < end && text[s++] != '}') {
            }
          }
          continue;
        }
      }
      if (ch == '{' || ch == '}') {
        if (level == 0) {
          if (s < end && text[s] == ch) {
            cursor = s + 1;
            doubled_brace = true;
            break;
          }
          if (ch == '}') {
            raise_at_last_token("f-string: single '}' is not allowed");
            return false;
          }
        }
        s -= 1;
        break;
      }
    }
    if (!doubled_brace) cursor = s;
    if (literal_start != s) {
      std::string_view literal = text.substr(literal_start, s - literal_start);
      StringDecodeResult decoded = decode_string_literal(literal, raw);
      if (decoded.error) {
        raise_at_last_token(*decoded.error);
        return false;
      }
      if (decoded.uses_named_escape) {
        note_unsupported(builder.range, "'\\N{...}' escapes are not supported by Stitch");
      }
      builder.literal += decoded.value;
    }
    if (doubled_brace) continue;
    if (cursor >= end || text[cursor] == '}') break;
    // A replacement field starts at the '{'.
    if (!parse_fstring_field(builder, cursor, end, raw, level)) return false;
  }
  if (level != 0 && (cursor >= end || text[cursor] != '}')) {
    raise_at_last_token("f-string: expecting '}'");
    return false;
  }
  return true;
}

// CPython's fstring_find_expr: one `{...}` field starting at text[cursor] == '{'.
bool Parser::parse_fstring_field(FStringBuilder& builder, uint32_t& cursor, uint32_t end, bool raw, int level) {
  std::string_view text = source_.text();
  if (level >= 2) {
    raise_at_last_token("f-string: expressions nested too deeply");
    return false;
  }
  cursor += 1;
  uint32_t expression_start = cursor;
  char quote_char = 0;
  int string_type = 0;
  std::vector<char> brackets;
  for (; cursor < end; ++cursor) {
    char ch = text[cursor];
    if (ch == '\\') {
      raise_at_last_token("f-string expression part cannot include a backslash");
      return false;
    }
    if (quote_char) {
      if (ch == quote_char) {
        if (string_type == 3) {
          if (cursor + 2 < end && text[cursor + 1] == ch && text[cursor + 2] == ch) {
            cursor += 2;
            string_type = 0;
            quote_char = 0;
          }
        } else {
          string_type = 0;
          quote_char = 0;
        }
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      if (cursor + 2 < end && text[cursor + 1] == ch && text[cursor + 2] == ch) {
        string_type = 3;
        cursor += 2;
      } else {
        string_type = 1;
      }
      quote_char = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
      if (brackets.size() >= static_cast<size_t>(Lexer::kMaxBracketDepth)) {
        raise_at_last_token("f-string: too many nested parenthesis");
        return false;
      }
      brackets.push_back(ch);
    } else if (ch == '#') {
      raise_at_last_token("f-string expression part cannot include '#'");
      return false;
    } else if (brackets.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
      if (cursor + 1 < end) {
        char next = text[cursor + 1];
        if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') ||
            (ch == '>' && next == '=')) {
          cursor += 1;
          continue;
        }
      }
      if (ch == '>' || ch == '<') continue;
      break;
    } else if (ch == ']' || ch == '}' || ch == ')') {
      if (brackets.empty()) {
        raise_at_last_token(std::string("f-string: unmatched '") + ch + "'");
        return false;
      }
      char opening = brackets.back();
      brackets.pop_back();
      if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}'))) {
        raise_at_last_token(std::string("f-string: closing parenthesis '") + ch +
                            "' does not match opening parenthesis '" + opening + "'");
        return false;
      }
    }
  }
  uint32_t expression_end = cursor;
  if (quote_char) {
    raise_at_last_token("f-string: unterminated string");
    return false;
  }
  if (!brackets.empty()) {
    raise_at_last_token(std::string("f-string: unmatched '") + brackets.back() + "'");
    return false;
  }
  auto expecting_brace = [&] {
    raise_at_last_token("f-string: expecting '}'");
    return false;
  };
  if (cursor >= end) return expecting_brace();

  // fstring_compile_expr: an all-blank expression is an error of its own.
  bool blank = true;
  for (uint32_t i = expression_start; i < expression_end; ++i) {
    char c = text[i];
    if (!(c == ' ' || c == '\t' || c == '\n' || c == '\f')) {
      blank = false;
      break;
    }
  }
  if (blank) {
    char terminator = text[expression_end];
    if (terminator == '!' || terminator == ':' || terminator == '=') {
      raise_at_last_token(std::string("f-string: expression required before '") + terminator + "'");
    } else {
      raise_at_last_token("f-string: empty expression not allowed");
    }
    return false;
  }
  Expr* expression = parse_fstring_field_expression(expression_start, expression_end);
  if (expression == nullptr) return false;

  // "=": the expression's text (and the blanks after '=') becomes literal text.
  bool debug = false;
  if (text[cursor] == '=') {
    cursor += 1;
    while (cursor < end && (text[cursor] == ' ' || text[cursor] == '\t' || text[cursor] == '\n' ||
                            text[cursor] == '\r' || text[cursor] == '\f' || text[cursor] == '\v')) {
      cursor += 1;
    }
    if (cursor >= end) return expecting_brace();
    builder.literal += text.substr(expression_start, cursor - expression_start);
    debug = true;
  }
  int conversion = -1;
  if (text[cursor] == '!') {
    cursor += 1;
    if (cursor >= end) return expecting_brace();
    conversion = static_cast<unsigned char>(text[cursor]);
    cursor += 1;
    if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
      raise_at_last_token("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      return false;
    }
  }
  Expr* format_spec = nullptr;
  if (cursor < end && text[cursor] == ':') {
    cursor += 1;
    if (cursor >= end) return expecting_brace();
    FStringBuilder spec;
    spec.range = builder.part_range;
    spec.part_range = builder.part_range;
    spec.string_range = builder.string_range;
    spec.is_fstring = true;
    if (!parse_fstring_body(spec, cursor, end, raw, level + 1)) return false;
    format_spec = finish_fstring(spec);
  }
  if (cursor >= end || text[cursor] != '}') return expecting_brace();
  cursor += 1;
  if (debug && format_spec == nullptr && conversion == -1) conversion = 'r';

  flush_fstring_literal(builder);
  // CPython 3.11 gives a field the position of the whole (concatenated) string, even inside a
  // format spec: only its expression has exact positions.
  auto* field = new_node<FormattedValue>(arena_, builder.string_range);
  field->value = expression;
  field->conversion = conversion;
  field->format_spec = format_spec;
  builder.values.push_back(field);
  return true;
}

// The expression of a field: parsed by a nested parser over text[begin, end). Its errors are
// reported as CPython reports them: relative to the text "(" + expression + ")".
Expr* Parser::parse_fstring_field_expression(uint32_t begin, uint32_t end) {
  Parser nested(source_, arena_, begin, end, *this);
  Expr* expression = nested.parse_fstring_expression();
  if (expression == nullptr) {
    SyntaxError error = nested.finalize_error();
    if (nested.error_relative_to_field_) {
      // Raised in an f-string nested inside this field: already positioned relative to its own
      // innermost expression, as CPython reports it.
      if (!error_) {
        error_ = std::move(error);
        error_relative_to_field_ = true;
      }
      return nullptr;
    }
    int first_line = source_.line_of(begin);
    int first_col = source_.error_column(first_line, source_.column_of(first_line, begin));
    if (error.line == first_line) {
      if (error.offset > 0) error.offset = error.offset - first_col + 1;
      if (error.end_line == first_line && error.end_offset > 0) error.end_offset = error.end_offset - first_col + 1;
    }
    error.text = "(" + std::string(source_.text().substr(begin, end - begin)) + ")";
    if (!error_) {
      error_ = std::move(error);
      error_relative_to_field_ = true;
    }
    return nullptr;
  }
  if (nested.unsupported_ && !unsupported_) unsupported_ = nested.unsupported_;
  return expression;
}

// The whole input of an f-string expression parser: what may appear between parentheses.
Expr* Parser::parse_fstring_expression() {
  Token open;
  open.kind = TokenKind::LeftParen;
  open.begin = fstring_begin_ - 1;
  open.end = fstring_begin_;
  open.line = open.end_line = source_.line_of(open.begin);
  open.col = source_.column_of(open.line, open.begin);
  open.end_col = open.col + 1;
  Expr* expression = parse_parenthesized_contents(open, TokenKind::EndOfFile);
  if (expression == nullptr) return nullptr;
  if (!at(TokenKind::EndOfFile)) return fail();
  return expression;
}

}  // namespace stitch::compiler
