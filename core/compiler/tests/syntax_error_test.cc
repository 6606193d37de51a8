// SyntaxError reporting: CPython's printed format, errors about the source file itself, the
// order in which error classes are reported, and unsupported constructs.
#include <gtest/gtest.h>

#include "core/compiler/tests/test_support.h"

namespace stitch::compiler {
namespace {

using testing::describe_error;
using testing::error_of;

struct FormatCase {
  const char* source;
  const char* printed;  // what `python3 x.py` writes to stderr
};

// Each `printed` text is CPython 3.11's own output for the source saved as x.py.
// clang-format off
const FormatCase kFormatCases[] = {
    {"if x\n"
     "    pass\n",
     "  File \"x.py\", line 1\n"
     "    if x\n"
     "        ^\n"
     "SyntaxError: expected ':'\n"},
    {"foo(\n"
     "x = 1\n",
     "  File \"x.py\", line 1\n"
     "    foo(\n"
     "       ^\n"
     "SyntaxError: '(' was never closed\n"},
    {"print(1 2)\n",
     "  File \"x.py\", line 1\n"
     "    print(1 2)\n"
     "          ^^^\n"
     "SyntaxError: invalid syntax. Perhaps you forgot a comma?\n"},
    {"x = )\n",
     "  File \"x.py\", line 1\n"
     "    x = )\n"
     "        ^\n"
     "SyntaxError: unmatched ')'\n"},
    {"x = (1]\n",
     "  File \"x.py\", line 1\n"
     "    x = (1]\n"
     "          ^\n"
     "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('\n"},
    {"s = \"abc\n",
     "  File \"x.py\", line 1\n"
     "    s = \"abc\n"
     "        ^\n"
     "SyntaxError: unterminated string literal (detected at line 1)\n"},
    {"s = \"\"\"abc\n"
     "def\n",
     "  File \"x.py\", line 1\n"
     "    s = \"\"\"abc\n"
     "        ^\n"
     "SyntaxError: unterminated triple-quoted string literal (detected at line 2)\n"},
    {"if x:\n"
     "pass\n",
     "  File \"x.py\", line 2\n"
     "    pass\n"
     "    ^\n"
     "IndentationError: expected an indented block after 'if' statement on line 1\n"},
    {"  x = 1\n",
     "  File \"x.py\", line 1\n"
     "    x = 1\n"
     "IndentationError: unexpected indent\n"},
    {"if x:\n"
     "        a\n"
     "    b\n",
     "  File \"x.py\", line 3\n"
     "    b\n"
     "     ^\n"
     "IndentationError: unindent does not match any outer indentation level\n"},
    {"if x:\n"
     "\tpass\n"
     "        pass\n",
     "  File \"x.py\", line 3\n"
     "    pass\n"
     "TabError: inconsistent use of tabs and spaces in indentation\n"},
    {"f(a for a in b, c)\n",
     "  File \"x.py\", line 1\n"
     "    f(a for a in b, c)\n"
     "      ^^^^^^^^^^^^\n"
     "SyntaxError: Generator expression must be parenthesized\n"},
    {"1 = x\n",
     "  File \"x.py\", line 1\n"
     "    1 = x\n"
     "    ^\n"
     "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n"},
    {"f() = 1\n",
     "  File \"x.py\", line 1\n"
     "    f() = 1\n"
     "    ^^^\n"
     "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n"},
    {"a + 1 = 2\n",
     "  File \"x.py\", line 1\n"
     "    a + 1 = 2\n"
     "    ^^^^^\n"
     "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?\n"},
    {"x = 1abc\n",
     "  File \"x.py\", line 1\n"
     "    x = 1abc\n"
     "        ^\n"
     "SyntaxError: invalid decimal literal\n"},
    {"x = 0123\n",
     "  File \"x.py\", line 1\n"
     "    x = 0123\n"
     "        ^\n"
     "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers\n"},
    {"x = 1 € 2\n",
     "  File \"x.py\", line 1\n"
     "    x = 1 € 2\n"
     "          ^\n"
     "SyntaxError: invalid character '€' (U+20AC)\n"},
    {"def f(a=1, b): pass\n",
     "  File \"x.py\", line 1\n"
     "    def f(a=1, b): pass\n"
     "               ^\n"
     "SyntaxError: non-default argument follows default argument\n"},
    {"f(a=1, b)\n",
     "  File \"x.py\", line 1\n"
     "    f(a=1, b)\n"
     "            ^\n"
     "SyntaxError: positional argument follows keyword argument\n"},
    {"f(x=1, x=2)\n",
     "  File \"x.py\", line 1\n"
     "    f(x=1, x=2)\n"
     "           ^^^\n"
     "SyntaxError: keyword argument repeated: x\n"},
    {"def f(x, x): pass\n",
     "  File \"x.py\", line 1\n"
     "    def f(x, x): pass\n"
     "             ^\n"
     "SyntaxError: duplicate argument 'x' in function definition\n"},
    {"x = f\"{}\"\n",
     "  File \"x.py\", line 1\n"
     "    x = f\"{}\"\n"
     "             ^\n"
     "SyntaxError: f-string: empty expression not allowed\n"},
    {"x = f\"{x\"\n",
     "  File \"x.py\", line 1\n"
     "    x = f\"{x\"\n"
     "             ^\n"
     "SyntaxError: f-string: expecting '}'\n"},
    {"x = f\"}\"\n",
     "  File \"x.py\", line 1\n"
     "    x = f\"}\"\n"
     "            ^\n"
     "SyntaxError: f-string: single '}' is not allowed\n"},
    {"x = f\"{a b}\"\n",
     "  File \"x.py\", line 1\n"
     "    (a b)\n"
     "     ^^^\n"
     "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma?\n"},
    {"return 1\n",
     "  File \"x.py\", line 1\n"
     "    return 1\n"
     "    ^^^^^^^^\n"
     "SyntaxError: 'return' outside function\n"},
    {"break\n",
     "  File \"x.py\", line 1\n"
     "    break\n"
     "    ^^^^^\n"
     "SyntaxError: 'break' outside loop\n"},
    {"continue\n",
     "  File \"x.py\", line 1\n"
     "    continue\n"
     "    ^^^^^^^^\n"
     "SyntaxError: 'continue' not properly in loop\n"},
    {"x = yield = 3\n",
     "  File \"x.py\", line 1\n"
     "    x = yield = 3\n"
     "        ^^^^^\n"
     "SyntaxError: assignment to yield expression not possible\n"},
    {"def f():\n"
     "    nonlocal x\n",
     "  File \"x.py\", line 2\n"
     "    nonlocal x\n"
     "    ^^^^^^^^^^\n"
     "SyntaxError: no binding for nonlocal 'x' found\n"},
    {"def f():\n"
     "    print(x)\n"
     "    global x\n",
     "  File \"x.py\", line 3\n"
     "    global x\n"
     "    ^^^^^^^^\n"
     "SyntaxError: name 'x' is used prior to global declaration\n"},
    {"x = 1 \\ y\n",
     "  File \"x.py\", line 1\n"
     "    x = 1 \\ y\n"
     "           ^\n"
     "SyntaxError: unexpected character after line continuation character\n"},
    {"x = 1 + \\",
     "  File \"x.py\", line 1\n"
     "    x = 1 + \\\n"
     "             ^\n"
     "SyntaxError: unexpected EOF while parsing\n"},
    {"try:\n"
     "    pass\n",
     "  File \"x.py\", line 2\n"
     "    pass\n"
     "SyntaxError: expected 'except' or 'finally' block\n"},
    {"if x:\n",
     "  File \"x.py\", line 1\n"
     "    if x:\n"
     "IndentationError: expected an indented block after 'if' statement on line 1\n"},
    {"é = 1 2\n",
     "  File \"x.py\", line 1\n"
     "    é = 1 2\n"
     "           ^\n"
     "SyntaxError: invalid syntax\n"},
    {"x = (\"éé\" 1 2)\n",
     "  File \"x.py\", line 1\n"
     "    x = (\"éé\" 1 2)\n"
     "         ^^^^^^^^\n"
     "SyntaxError: invalid syntax. Perhaps you forgot a comma?\n"},
    {"x = \"é\\x4\"\n",
     "  File \"x.py\", line 1\n"
     "    x = \"é\\x4\"\n"
     "               ^\n"
     "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape\n"},
    {"print \"hello\"\n",
     "  File \"x.py\", line 1\n"
     "    print \"hello\"\n"
     "    ^^^^^^^^^^^^^\n"
     "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"},
    {"x = [1, 2\n"
     "y = 3\n",
     "  File \"x.py\", line 1\n"
     "    x = [1, 2\n"
     "        ^\n"
     "SyntaxError: '[' was never closed\n"},
    {"\tx\n",
     "  File \"x.py\", line 1\n"
     "    x\n"
     "IndentationError: unexpected indent\n"},
    {"class A:\n"
     "    def f(self):\n"
     "        return\n"
     "      x = 1\n",
     "  File \"x.py\", line 4\n"
     "    x = 1\n"
     "         ^\n"
     "IndentationError: unindent does not match any outer indentation level\n"},
};
// clang-format on

TEST(SyntaxErrorFormat, PrintedExactlyLikeCPython) {
  for (const FormatCase& c : kFormatCases) {
    FrontendResult result = run_frontend(c.source, "x.py");
    ASSERT_FALSE(result.ok()) << c.source;
    EXPECT_EQ(format_syntax_error(*result.error), c.printed) << "source:\n" << c.source;
  }
}

TEST(SyntaxErrorFormat, CaretRules) {
  SyntaxError error;
  error.filename = "f.py";
  error.line = 2;
  error.text = "    foo(bar)\n";
  error.message = "m";
  error.offset = 5;
  error.end_line = 2;
  error.end_offset = 8;
  EXPECT_EQ(format_syntax_error(error), "  File \"f.py\", line 2\n    foo(bar)\n    ^^^\nSyntaxError: m\n");
  error.end_offset = 0;  // unknown end: one caret
  EXPECT_EQ(format_syntax_error(error), "  File \"f.py\", line 2\n    foo(bar)\n    ^\nSyntaxError: m\n");
  error.end_offset = 99;  // clipped to the line
  EXPECT_EQ(format_syntax_error(error), "  File \"f.py\", line 2\n    foo(bar)\n    ^^^^^^^^^\nSyntaxError: m\n");
  error.end_line = 3;  // spans lines: end_offset becomes the line's size (newline included)
  error.end_offset = 2;
  EXPECT_EQ(format_syntax_error(error), "  File \"f.py\", line 2\n    foo(bar)\n    ^^^^^^^^\nSyntaxError: m\n");
  error.kind = SyntaxErrorKind::IndentationError;  // always a single caret
  EXPECT_EQ(format_syntax_error(error), "  File \"f.py\", line 2\n    foo(bar)\n    ^\nIndentationError: m\n");
  error.offset = 2;  // left of the stripped text: no caret line
  EXPECT_EQ(format_syntax_error(error), "  File \"f.py\", line 2\n    foo(bar)\nIndentationError: m\n");
  error.line = 0;  // no location: the message alone
  EXPECT_EQ(format_syntax_error(error), "IndentationError: m\n");
}

TEST(SyntaxErrorFormat, TheListedMessagesAndTheirLastLine) {
  // The last line is what the conformance corpus compares.
  EXPECT_EQ(error_of("if x\n    pass\n").summary(), "SyntaxError: expected ':'");
  EXPECT_EQ(error_of("x = (1,\n").summary(), "SyntaxError: '(' was never closed");
  EXPECT_EQ(error_of("x = 1)\n").summary(), "SyntaxError: unmatched ')'");
  EXPECT_EQ(error_of("x = [1)\n").summary(),
            "SyntaxError: closing parenthesis ')' does not match opening parenthesis '['");
  EXPECT_EQ(error_of("x = 'a\n").summary(), "SyntaxError: unterminated string literal (detected at line 1)");
  EXPECT_EQ(error_of("x = '''a\n\n").summary(),
            "SyntaxError: unterminated triple-quoted string literal (detected at line 2)");
  for (const char* owner : {"if x:", "while x:", "for x in y:", "with x:", "try:", "elif x:"}) {
    std::string source = std::string(std::string_view(owner).starts_with("elif") ? "if y:\n    pass\n" : "") + owner +
                         "\npass\n";
    EXPECT_TRUE(error_of(source).message.starts_with("expected an indented block after '")) << source;
    EXPECT_EQ(error_of(source).kind, SyntaxErrorKind::IndentationError);
  }
  EXPECT_EQ(error_of("def f():\npass\n").message, "expected an indented block after function definition on line 1");
  EXPECT_EQ(error_of("class C:\npass\n").message, "expected an indented block after class definition on line 1");
  EXPECT_EQ(error_of("try:\n    pass\nexcept:\npass\n").message,
            "expected an indented block after 'except' statement on line 3");
  EXPECT_EQ(error_of("try:\n    pass\nfinally:\npass\n").message,
            "expected an indented block after 'finally' statement on line 3");
  EXPECT_EQ(error_of("if x:\n    pass\nelse:\npass\n").message,
            "expected an indented block after 'else' statement on line 3");
  EXPECT_EQ(error_of(" x = 1\n").summary(), "IndentationError: unexpected indent");
  EXPECT_EQ(error_of("if x:\n    a\n  b\n").summary(),
            "IndentationError: unindent does not match any outer indentation level");
  EXPECT_EQ(error_of("f(a b)\n").summary(), "SyntaxError: invalid syntax. Perhaps you forgot a comma?");
  EXPECT_EQ(error_of("1 = x\n").summary(),
            "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?");
  EXPECT_EQ(error_of("f() = x\n").summary(),
            "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?");
  EXPECT_EQ(error_of("x = a + 1 = 2\n").summary(), "SyntaxError: cannot assign to expression");
  EXPECT_EQ(error_of("x = 1a\n").summary(), "SyntaxError: invalid decimal literal");
  EXPECT_EQ(error_of("x = 01\n").summary(),
            "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
            "integers");
  EXPECT_EQ(error_of("x = 1 € 2\n").summary(), "SyntaxError: invalid character '€' (U+20AC)");
  EXPECT_EQ(error_of("def f(a=1, b): pass\n").summary(), "SyntaxError: non-default argument follows default argument");
  EXPECT_EQ(error_of("f(a=1, b)\n").summary(), "SyntaxError: positional argument follows keyword argument");
  EXPECT_EQ(error_of("f(a=1, a=2)\n").summary(), "SyntaxError: keyword argument repeated: a");
  EXPECT_EQ(error_of("def f(a, a): pass\n").summary(), "SyntaxError: duplicate argument 'a' in function definition");
  EXPECT_EQ(error_of("f'{}'\n").summary(), "SyntaxError: f-string: empty expression not allowed");
  EXPECT_EQ(error_of("f'{a'\n").summary(), "SyntaxError: f-string: expecting '}'");
  EXPECT_EQ(error_of("f'}'\n").summary(), "SyntaxError: f-string: single '}' is not allowed");
  EXPECT_EQ(error_of("f(x for x in y, 1)\n").summary(), "SyntaxError: Generator expression must be parenthesized");
  EXPECT_EQ(error_of("return\n").summary(), "SyntaxError: 'return' outside function");
  EXPECT_EQ(error_of("break\n").summary(), "SyntaxError: 'break' outside loop");
  EXPECT_EQ(error_of("continue\n").summary(), "SyntaxError: 'continue' not properly in loop");
  EXPECT_EQ(error_of("def f():\n    x = yield = 1\n").summary(),
            "SyntaxError: assignment to yield expression not possible");
}

TEST(SourceErrors, NullByte) {
  SyntaxError error = error_of(std::string_view("x = 1\ny = \"a\0b\"\n", 16));
  EXPECT_EQ(error.summary(), "SyntaxError: source code cannot contain null bytes");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.text, "y = \"a");
  EXPECT_EQ(format_syntax_error(error),
            "  File \"test.py\", line 2\n    y = \"a\nSyntaxError: source code cannot contain null bytes\n");
}

TEST(SourceErrors, InvalidUtf8) {
  SyntaxError error = error_of("x = 1\ny = '\xff'\n");
  EXPECT_EQ(error.summary(),
            "SyntaxError: Non-UTF-8 code starting with '\\xff' in file test.py on line 2, but no encoding declared; "
            "see https://peps.python.org/pep-0263/ for details");
  EXPECT_EQ(error.line, 0);
  EXPECT_EQ(format_syntax_error(error), error.summary() + "\n");
  // Overlong forms, surrogates and truncated sequences are invalid too.
  EXPECT_EQ(error_of("x = '\xc0\x80'\n").line, 0);
  EXPECT_EQ(error_of("x = '\xed\xa0\x80'\n").line, 0);
  EXPECT_EQ(error_of("x = '\xe2\x82'\n").line, 0);
  EXPECT_EQ(describe_error("x = 'é'\n"), "OK");
}

TEST(SourceErrors, EncodingDeclarations) {
  EXPECT_EQ(describe_error("# -*- coding: utf-8 -*-\nx = 'é'\n"), "OK");
  EXPECT_EQ(describe_error("# coding: latin-1\nx = 'abc'\n"), "OK");  // ASCII content reads the same
  EXPECT_EQ(error_of("# coding: latin-1\nx = '\xe9'\n").summary(),
            "SyntaxError: source encoding 'latin-1' is not supported by Stitch (only UTF-8 is)");
}

TEST(ErrorOrder, SyntaxBeforeScopeBeforeCompileBeforeUnsupported) {
  // A syntax error anywhere wins over everything else, even when it comes later in the file.
  EXPECT_EQ(error_of("async def f(): pass\nreturn 1\nx = (\n").message, "'(' was never closed");
  // Scope analysis (CPython's symtable) runs before compile-time checks.
  EXPECT_EQ(error_of("return 1\ndef f():\n    nonlocal x\n").message, "no binding for nonlocal 'x' found");
  // A compile-time error in an otherwise valid program wins over an unsupported construct.
  EXPECT_EQ(error_of("match x:\n    case 1: pass\nbreak\n").message, "'break' outside loop");
  // A later tokenizer error replaces an earlier parser error, as in CPython.
  EXPECT_EQ(error_of("x = 1 2\ny = 'abc\n").message, "unterminated string literal (detected at line 2)");
  // ... but an earlier unclosed bracket only if it opened on an earlier line than the failure.
  EXPECT_EQ(error_of("x = (1 2\n").message, "'(' was never closed");
  EXPECT_EQ(error_of("x = (1,\ny = 2\nz = 3\n").message, "'(' was never closed");
}

TEST(Unsupported, ConstructsAreNamedAtTheirPosition) {
  EXPECT_EQ(describe_error("async def f():\n    pass\n"),
            "SyntaxError: 'async def' is not supported by Stitch (1, 1, 1, 10)");
  EXPECT_EQ(describe_error("x = 1\nmatch x:\n    case 1:\n        pass\n"),
            "SyntaxError: 'match' statement is not supported by Stitch (2, 1, 2, 6)");
  EXPECT_EQ(describe_error("x = 2 + 3j\n"), "SyntaxError: complex numbers are not supported by Stitch (1, 9, 1, 11)");
  EXPECT_EQ(describe_error("x = b'abc'\n"), "SyntaxError: bytes literals are not supported by Stitch (1, 5, 1, 11)");
  EXPECT_EQ(describe_error("x = '\\N{BULLET}'\n"),
            "SyntaxError: '\\N{...}' escapes are not supported by Stitch (1, 5, 1, 17)");
  EXPECT_EQ(describe_error("async def f():\n    await g()\n"),
            "SyntaxError: 'async def' is not supported by Stitch (1, 1, 1, 10)");
  EXPECT_EQ(describe_error("try:\n    pass\nexcept* E:\n    pass\n"),
            "SyntaxError: 'except*' is not supported by Stitch (3, 1, 3, 8)");
  // `match` as an ordinary name still works.
  EXPECT_EQ(describe_error("match = [1]\nmatch.append(2)\nprint(match[0], match)\n"), "OK");
  // CPython's own errors about these constructs come first.
  EXPECT_EQ(error_of("await x\n").message, "'await' outside function");
  EXPECT_EQ(error_of("def f():\n    await x\n").message, "'await' outside async function");
  EXPECT_EQ(error_of("async with x:\n    pass\n").message, "'async with' outside async function");
  EXPECT_EQ(error_of("x = b'a' 'b'\n").message, "cannot mix bytes and nonbytes literals");
  EXPECT_EQ(error_of("x = '\\N{'\n").message,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape");
}

TEST(Unsupported, ErrorCarriesCodePointColumns) {
  SyntaxError error = error_of("ééé = 1j\n");
  EXPECT_EQ(error.offset, 7);
  EXPECT_EQ(format_syntax_error(error),
            "  File \"test.py\", line 1\n    ééé = 1j\n          ^^\nSyntaxError: complex numbers are not supported by "
            "Stitch\n");
}

}  // namespace
}  // namespace stitch::compiler
