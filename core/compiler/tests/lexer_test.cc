// Lexer: token streams, layout (INDENT/DEDENT/NEWLINE), literals as delimited by the lexer,
// positions, and the tokenizer's own errors.
#include <gtest/gtest.h>

#include "core/compiler/lexer.h"
#include "core/compiler/tests/test_support.h"

namespace stitch::compiler {
namespace {

using testing::describe_error;
using testing::tokens;

TEST(Lexer, SimpleStatement) {
  EXPECT_EQ(tokens("x = a + 1\n"), "NAME:x = NAME:a + NUMBER:1 NEWLINE END");
}

TEST(Lexer, MissingFinalNewlineIsAdded) {
  EXPECT_EQ(tokens("x"), "NAME:x NEWLINE END");
  EXPECT_EQ(tokens(""), "END");
  EXPECT_EQ(tokens("# only a comment"), "END");
}

TEST(Lexer, AllOperatorsAndDelimiters) {
  EXPECT_EQ(tokens("( ) [ ] { } : , ; + - * / | & < > = . % == != <= >= ~ ^ << >> ** += -= *= /= %= &= |= ^= "
                   "<<= >>= **= // //= @ @= -> ... :=\n"),
            "( ) [ ] { } : , ; + - * / | & < > = . % == != <= >= ~ ^ << >> ** += -= *= /= %= &= |= ^= <<= >>= "
            "**= // //= @ @= -> ... := NEWLINE END");
  EXPECT_EQ(tokens("a**=b//=c\n"), "NAME:a **= NAME:b //= NAME:c NEWLINE END");
  EXPECT_EQ(tokens("x.y...z\n"), "NAME:x . NAME:y ... NAME:z NEWLINE END");
  EXPECT_EQ(tokens("$ ? ! `\n"), "OP OP OP OP NEWLINE END");
}

TEST(Lexer, KeywordsAndSoftKeywords) {
  EXPECT_EQ(tokens("if not x is None and y in z or True: pass\n"),
            "if not NAME:x is None and NAME:y in NAME:z or True : pass NEWLINE END");
  EXPECT_EQ(tokens("match case _ async await\n"), "NAME:match NAME:case NAME:_ async await NEWLINE END");
}

TEST(Lexer, Numbers) {
  EXPECT_EQ(tokens("0 00 0_0 7 1_000 0x_ff 0XAB 0o17 0O1_7 0b1 0B1_0\n"),
            "NUMBER:0 NUMBER:00 NUMBER:0_0 NUMBER:7 NUMBER:1_000 NUMBER:0x_ff NUMBER:0XAB NUMBER:0o17 NUMBER:0O1_7 "
            "NUMBER:0b1 NUMBER:0B1_0 NEWLINE END");
  EXPECT_EQ(tokens("1.5 1. .5 1e10 1E-3 1.5e+3 0.0 09.5 1_0.2_5 3j 1.5J\n"),
            "NUMBER:1.5 NUMBER:1. NUMBER:.5 NUMBER:1e10 NUMBER:1E-3 NUMBER:1.5e+3 NUMBER:0.0 NUMBER:09.5 "
            "NUMBER:1_0.2_5 NUMBER:3j NUMBER:1.5J NEWLINE END");
  // A keyword may follow a number directly (CPython only warns).
  EXPECT_EQ(tokens("1if x else 2\n"), "NUMBER:1 if NAME:x else NUMBER:2 NEWLINE END");
  EXPECT_EQ(tokens("1else\n"), "NUMBER:1 else NEWLINE END");
}

TEST(Lexer, NumberErrors) {
  EXPECT_EQ(tokens("1abc\n"), "ERROR(SyntaxError: invalid decimal literal)");
  EXPECT_EQ(tokens("0123\n"),
            "ERROR(SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
            "octal integers)");
  EXPECT_EQ(tokens("0x\n"), "ERROR(SyntaxError: invalid hexadecimal literal)");
  EXPECT_EQ(tokens("0o8\n"), "ERROR(SyntaxError: invalid digit '8' in octal literal)");
  EXPECT_EQ(tokens("0b12\n"), "ERROR(SyntaxError: invalid digit '2' in binary literal)");
  EXPECT_EQ(tokens("0b\n"), "ERROR(SyntaxError: invalid binary literal)");
  EXPECT_EQ(tokens("1__0\n"), "ERROR(SyntaxError: invalid decimal literal)");
  EXPECT_EQ(tokens("1_\n"), "ERROR(SyntaxError: invalid decimal literal)");
  EXPECT_EQ(tokens("1e\n"), "ERROR(SyntaxError: invalid decimal literal)");
  EXPECT_EQ(tokens("1e+\n"), "ERROR(SyntaxError: invalid decimal literal)");
  EXPECT_EQ(tokens("1jx\n"), "ERROR(SyntaxError: invalid imaginary literal)");
}

TEST(Lexer, StringPrefixesAndQuotes) {
  EXPECT_EQ(tokens("'a' \"b\" '''c''' \"\"\"d\"\"\" r'e' R\"f\" u'g' U'h' b'i' Br'j' rB'k' f'l' Rf'm' fR'n'\n"),
            "STRING:'a' STRING:\"b\" STRING:'''c''' STRING:\"\"\"d\"\"\" STRING:r'e' STRING:R\"f\" STRING:u'g' "
            "STRING:U'h' STRING:b'i' STRING:Br'j' STRING:rB'k' STRING:f'l' STRING:Rf'm' STRING:fR'n' NEWLINE END");
  // Not prefixes: a name then a string.
  EXPECT_EQ(tokens("ur'x'\n"), "NAME:ur STRING:'x' NEWLINE END");
  EXPECT_EQ(tokens("'it\\'s' \"\" ''\n"), "STRING:'it\\'s' STRING:\"\" STRING:'' NEWLINE END");
  EXPECT_EQ(tokens("'''a\nb''' 'c\\\nd'\n"), "STRING:'''a\nb''' STRING:'c\\\nd' NEWLINE END");
}

TEST(Lexer, StringErrors) {
  EXPECT_EQ(tokens("'abc\n"), "ERROR(SyntaxError: unterminated string literal (detected at line 1))");
  EXPECT_EQ(tokens("x = '''abc\n\ndef\n"),
            "NAME:x = ERROR(SyntaxError: unterminated triple-quoted string literal (detected at line 3))");
  EXPECT_EQ(tokens("'abc\\\ndef\n"), "ERROR(SyntaxError: unterminated string literal (detected at line 2))");
}

TEST(Lexer, IndentationBlocks) {
  EXPECT_EQ(tokens("if a:\n    b\n    if c:\n        d\ne\n"),
            "if NAME:a : NEWLINE INDENT NAME:b NEWLINE if NAME:c : NEWLINE INDENT NAME:d NEWLINE DEDENT DEDENT "
            "NAME:e NEWLINE END");
  // Blank and comment-only lines do not count; DEDENTs are emitted at the end of the file.
  EXPECT_EQ(tokens("if a:\n\n    # comment\n  b\n      # deeper comment\n"),
            "if NAME:a : NEWLINE INDENT NAME:b NEWLINE DEDENT END");
  // A tab moves to the next multiple of 8 columns.
  EXPECT_EQ(tokens("if a:\n\tb\n\tc\n"), "if NAME:a : NEWLINE INDENT NAME:b NEWLINE NAME:c NEWLINE DEDENT END");
}

TEST(Lexer, IndentationErrors) {
  EXPECT_EQ(tokens("if a:\n        b\n    c\n"),
            "if NAME:a : NEWLINE INDENT NAME:b NEWLINE ERROR(IndentationError: unindent does not match any outer "
            "indentation level)");
  EXPECT_EQ(tokens("if a:\n\tb\n        c\n"),
            "if NAME:a : NEWLINE INDENT NAME:b NEWLINE ERROR(TabError: inconsistent use of tabs and spaces in "
            "indentation)");
  // CPython's tokenizer allows 99 indentation levels (MAXINDENT 100): the 100th is an error.
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
  EXPECT_EQ(tokens(deep).find("ERROR"), std::string::npos);
  deep += std::string(100, ' ') + "pass\n";
  EXPECT_NE(tokens(deep).find("ERROR(IndentationError: too many levels of indentation)"), std::string::npos);
  EXPECT_EQ(describe_error(deep), "IndentationError: too many levels of indentation (101, 1, 101, 0)");
}

TEST(Lexer, ImplicitAndExplicitLineJoining) {
  EXPECT_EQ(tokens("x = (1,\n  2,\n\n 3)\n"), "NAME:x = ( NUMBER:1 , NUMBER:2 , NUMBER:3 ) NEWLINE END");
  EXPECT_EQ(tokens("x = 1 + \\\n    2\n"), "NAME:x = NUMBER:1 + NUMBER:2 NEWLINE END");
  EXPECT_EQ(tokens("x = [  # comment\n]\n"), "NAME:x = [ ] NEWLINE END");
  EXPECT_EQ(tokens("x \\ y\n"), "NAME:x ERROR(SyntaxError: unexpected character after line continuation character)");
  EXPECT_EQ(tokens("x = 1 + \\"), "NAME:x = NUMBER:1 + ERROR(SyntaxError: unexpected EOF while parsing)");
}

TEST(Lexer, Brackets) {
  EXPECT_EQ(tokens(")\n"), "ERROR(SyntaxError: unmatched ')')");
  EXPECT_EQ(tokens("(]\n"), "( ERROR(SyntaxError: closing parenthesis ']' does not match opening parenthesis '(')");
  EXPECT_EQ(tokens("(\n]\n"),
            "( ERROR(SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1)");
  EXPECT_EQ(tokens("foo(\n"), "NAME:foo ( ERROR(SyntaxError: '(' was never closed)");
  std::string nested(201, '(');
  EXPECT_NE(tokens(nested).find("ERROR(SyntaxError: too many nested parentheses)"), std::string::npos);
  EXPECT_EQ(tokens(std::string(200, '[') + std::string(200, ']')).find("ERROR"), std::string::npos);
}

TEST(Lexer, IdentifiersAndCharacters) {
  EXPECT_EQ(tokens("café = naïve + Δx + 变量 + _private\n"),
            "NAME:café = NAME:naïve + NAME:Δx + NAME:变量 + NAME:_private NEWLINE END");
  EXPECT_EQ(tokens("x = 1 € 2\n"), "NAME:x = NUMBER:1 ERROR(SyntaxError: invalid character '€' (U+20AC))");
  EXPECT_EQ(tokens("x = “quoted”\n"), "NAME:x = ERROR(SyntaxError: invalid character '“' (U+201C))");
  EXPECT_EQ(tokens("x\u00a0= 1\n"), "ERROR(SyntaxError: invalid non-printable character U+00A0)");
  EXPECT_EQ(tokens("\x01x\n"), "ERROR(SyntaxError: invalid non-printable character U+0001)");
}

TEST(Lexer, PositionsUseCodePointColumns) {
  SourceFile file("é = 'ü' + x  # c\n", "test.py");
  Lexer lexer(file);
  Token name = lexer.next();
  EXPECT_EQ(name.kind, TokenKind::Name);
  EXPECT_EQ(name.line, 1);
  EXPECT_EQ(name.col, 0);
  EXPECT_EQ(name.end_col, 1);
  lexer.next();  // =
  Token string = lexer.next();
  EXPECT_EQ(string.col, 4);
  EXPECT_EQ(string.end_col, 7);
  lexer.next();  // +
  Token x = lexer.next();
  EXPECT_EQ(x.col, 10);
  Token newline = lexer.next();
  EXPECT_EQ(newline.kind, TokenKind::Newline);
  EXPECT_EQ(newline.col, 13);  // CPython's NEWLINE starts at the comment
  EXPECT_EQ(newline.end_col, 16);
  EXPECT_EQ(lexer.next().kind, TokenKind::EndOfFile);
}

TEST(Lexer, MultiLineTokenPositions) {
  SourceFile file("x = '''a\nbc'''\n", "test.py");
  Lexer lexer(file);
  lexer.next();
  lexer.next();
  Token string = lexer.next();
  EXPECT_EQ(string.line, 1);
  EXPECT_EQ(string.col, 4);
  EXPECT_EQ(string.end_line, 2);
  EXPECT_EQ(string.end_col, 5);
}

TEST(Lexer, BracketDepth) {
  SourceFile file("f([1])\n", "test.py");
  Lexer lexer(file);
  std::vector<int> depths;
  for (Token t = lexer.next(); t.kind != TokenKind::EndOfFile; t = lexer.next()) depths.push_back(t.bracket_depth);
  EXPECT_EQ(depths, (std::vector<int>{0, 1, 2, 2, 1, 0, 0}));
}

TEST(Lexer, NewlinesAreNormalized) {
  EXPECT_EQ(tokens("if a:\r\n    b\r\n"), "if NAME:a : NEWLINE INDENT NAME:b NEWLINE DEDENT END");
  EXPECT_EQ(tokens("a\rb\r"), "NAME:a NEWLINE NAME:b NEWLINE END");
  EXPECT_EQ(tokens("\xEF\xBB\xBFx\n"), "NAME:x NEWLINE END");  // byte order mark
}

}  // namespace
}  // namespace stitch::compiler
