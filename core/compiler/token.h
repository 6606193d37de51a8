// Tokens: what the lexer hands the parser.
//
// Every token records its byte range in the SourceFile text and its (line, col) .. (end_line,
// end_col) position, with code-point columns. Positions of the layout tokens follow CPython's
// tokenizer, because error messages point at them:
//  - NEWLINE starts at the '\n' (or at the comment before it) and is empty;
//  - INDENT and DEDENT sit at the first non-blank character of their line and are empty;
//  - END_OF_FILE sits at column 0 of the line after the last one.
// `bracket_depth` is the number of brackets open after the token (CPython's token level).
// Keywords get their own kinds; soft keywords (`match`, `case`, `_`) stay NAMEs.
#pragma once

#include <cstdint>
#include <string_view>

namespace stitch::compiler {

#define STITCH_TOKEN_KINDS(X)                      \
  X(EndOfFile, "end of file")                      \
  X(Newline, "NEWLINE")                            \
  X(Indent, "INDENT")                              \
  X(Dedent, "DEDENT")                              \
  X(Name, "NAME")                                  \
  X(Number, "NUMBER")                              \
  X(String, "STRING")                              \
  X(Error, "ERRORTOKEN")                           \
  /* operators and delimiters */                   \
  X(LeftParen, "(")                                \
  X(RightParen, ")")                               \
  X(LeftBracket, "[")                              \
  X(RightBracket, "]")                             \
  X(LeftBrace, "{")                                \
  X(RightBrace, "}")                               \
  X(Colon, ":")                                    \
  X(Comma, ",")                                    \
  X(Semicolon, ";")                                \
  X(Plus, "+")                                     \
  X(Minus, "-")                                    \
  X(Star, "*")                                     \
  X(Slash, "/")                                    \
  X(VerticalBar, "|")                              \
  X(Ampersand, "&")                                \
  X(Less, "<")                                     \
  X(Greater, ">")                                  \
  X(Equal, "=")                                    \
  X(Dot, ".")                                      \
  X(Percent, "%")                                  \
  X(EqualEqual, "==")                              \
  X(NotEqual, "!=")                                \
  X(LessEqual, "<=")                               \
  X(GreaterEqual, ">=")                            \
  X(Tilde, "~")                                    \
  X(Circumflex, "^")                               \
  X(LeftShift, "<<")                               \
  X(RightShift, ">>")                              \
  X(DoubleStar, "**")                              \
  X(PlusEqual, "+=")                               \
  X(MinusEqual, "-=")                              \
  X(StarEqual, "*=")                               \
  X(SlashEqual, "/=")                              \
  X(PercentEqual, "%=")                            \
  X(AmpersandEqual, "&=")                          \
  X(VerticalBarEqual, "|=")                        \
  X(CircumflexEqual, "^=")                         \
  X(LeftShiftEqual, "<<=")                         \
  X(RightShiftEqual, ">>=")                        \
  X(DoubleStarEqual, "**=")                        \
  X(DoubleSlash, "//")                             \
  X(DoubleSlashEqual, "//=")                       \
  X(At, "@")                                       \
  X(AtEqual, "@=")                                 \
  X(Arrow, "->")                                   \
  X(Ellipsis, "...")                               \
  X(ColonEqual, ":=")                              \
  X(OtherOperator, "OP") /* '$', '?', '!', '`' */ \
  /* keywords */                                   \
  X(False, "False")                                \
  X(None, "None")                                  \
  X(True, "True")                                  \
  X(And, "and")                                    \
  X(As, "as")                                      \
  X(Assert, "assert")                              \
  X(Async, "async")                                \
  X(Await, "await")                                \
  X(Break, "break")                                \
  X(Class, "class")                                \
  X(Continue, "continue")                          \
  X(Def, "def")                                    \
  X(Del, "del")                                    \
  X(Elif, "elif")                                  \
  X(Else, "else")                                  \
  X(Except, "except")                              \
  X(Finally, "finally")                            \
  X(For, "for")                                    \
  X(From, "from")                                  \
  X(Global, "global")                              \
  X(If, "if")                                      \
  X(Import, "import")                              \
  X(In, "in")                                      \
  X(Is, "is")                                      \
  X(Lambda, "lambda")                              \
  X(Nonlocal, "nonlocal")                          \
  X(Not, "not")                                    \
  X(Or, "or")                                      \
  X(Pass, "pass")                                  \
  X(Raise, "raise")                                \
  X(Return, "return")                              \
  X(Try, "try")                                    \
  X(While, "while")                                \
  X(With, "with")                                  \
  X(Yield, "yield")

enum class TokenKind : uint8_t {
#define STITCH_TOKEN_ENUM(name, spelling) name,
  STITCH_TOKEN_KINDS(STITCH_TOKEN_ENUM)
#undef STITCH_TOKEN_ENUM
};

/// The token's spelling for operators and keywords, a description for the others.
std::string_view token_kind_spelling(TokenKind kind);
/// Keyword kind for `word`, or TokenKind::Name when it is not a (hard) keyword.
TokenKind keyword_kind(std::string_view word);
bool is_keyword(TokenKind kind);
/// Augmented assignment operators ("+=", ..., "//=").
bool is_augmented_assignment(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::EndOfFile;
  uint32_t begin = 0;  ///< byte offset of the first byte in SourceFile::text()
  uint32_t end = 0;    ///< byte offset one past the last byte
  int32_t line = 0;
  int32_t col = 0;
  int32_t end_line = 0;
  int32_t end_col = 0;
  int32_t bracket_depth = 0;

  bool is(TokenKind k) const { return kind == k; }
};

}  // namespace stitch::compiler
