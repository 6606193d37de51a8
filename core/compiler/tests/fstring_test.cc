// f-strings: the AST CPython 3.11 builds for them (nesting, format specs, conversions, `=`), with
// its positions, and its f-string error messages and positions.
//
// The AST shapes were generated with python3's `ast` module (CPython 3.11.7): one line per node,
// "Kind @line:col-end_line:end_col" in field order (ExprStmt is CPython's Expr; Str, Int, Float
// are its Constant). In 3.11 every literal part and every FormattedValue carries the position of
// the whole concatenated string; only the field expressions have their own. The errors were
// produced by compile(source, "t.py", "exec"): f-string expression errors are positioned as
// CPython positions them, relative to the text "(" + expression + ")".
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "core/compiler/tests/test_support.h"

namespace stitch::compiler {
namespace {

// Stitch's dump_ast reduced to the oracle's shape: field labels and node attributes dropped.
std::string node_kinds_and_positions(std::string_view source) {
  std::string dumped = testing::parse_dump(source, true);
  if (dumped.starts_with("ERROR")) return dumped;
  static const std::regex line_shape(R"(^( *)(?:[A-Za-z_]+(?:\[\d+\])?: )?([A-Za-z]+).*?( @\d+:\d+-\d+:\d+)?$)");
  std::istringstream lines(dumped);
  std::string line;
  std::string out;
  while (std::getline(lines, line)) {
    std::smatch match;
    if (!std::regex_match(line, match, line_shape)) return "UNEXPECTED DUMP LINE " + line;
    out += match[1].str() + match[2].str() + match[3].str() + "\n";
  }
  return out;
}

struct ShapeCase {
  const char* source;
  const char* expected;
};

// clang-format off
const ShapeCase kShapes[] = {
    {"f\"a{x!r:>{w}.{p}}b{y=}{z=!s:^5} {{c}} {f'{q}'}\"\n",
     "Module\n"
     "  ExprStmt @1:0-1:47\n"
     "    JoinedStr @1:0-1:47\n"
     "      Str @1:0-1:47\n"
     "      FormattedValue @1:0-1:47\n"
     "        Name @1:4-1:5\n"
     "        JoinedStr @1:0-1:47\n"
     "          Str @1:0-1:47\n"
     "          FormattedValue @1:0-1:47\n"
     "            Name @1:10-1:11\n"
     "          Str @1:0-1:47\n"
     "          FormattedValue @1:0-1:47\n"
     "            Name @1:14-1:15\n"
     "      Str @1:0-1:47\n"
     "      FormattedValue @1:0-1:47\n"
     "        Name @1:19-1:20\n"
     "      Str @1:0-1:47\n"
     "      FormattedValue @1:0-1:47\n"
     "        Name @1:23-1:24\n"
     "        JoinedStr @1:0-1:47\n"
     "          Str @1:0-1:47\n"
     "      Str @1:0-1:47\n"
     "      FormattedValue @1:0-1:47\n"
     "        JoinedStr @1:39-1:45\n"
     "          FormattedValue @1:39-1:45\n"
     "            Name @1:42-1:43\n"},
    {"x = f'{a.b + g(1)[0]!a} {3.5:{w}} {x if y else \"s\"} {(lambda: 1)}'\n",
     "Module\n"
     "  Assign @1:0-1:66\n"
     "    Name @1:0-1:1\n"
     "    JoinedStr @1:4-1:66\n"
     "      FormattedValue @1:4-1:66\n"
     "        BinOp @1:7-1:20\n"
     "          Attribute @1:7-1:10\n"
     "            Name @1:7-1:8\n"
     "          Subscript @1:13-1:20\n"
     "            Call @1:13-1:17\n"
     "              Name @1:13-1:14\n"
     "              Int @1:15-1:16\n"
     "            Int @1:18-1:19\n"
     "      Str @1:4-1:66\n"
     "      FormattedValue @1:4-1:66\n"
     "        Float @1:25-1:28\n"
     "        JoinedStr @1:4-1:66\n"
     "          FormattedValue @1:4-1:66\n"
     "            Name @1:30-1:31\n"
     "      Str @1:4-1:66\n"
     "      FormattedValue @1:4-1:66\n"
     "        IfExp @1:35-1:50\n"
     "          Name @1:40-1:41\n"
     "          Name @1:35-1:36\n"
     "          Str @1:47-1:50\n"
     "      Str @1:4-1:66\n"
     "      FormattedValue @1:4-1:66\n"
     "        Lambda @1:54-1:63\n"
     "          Int @1:62-1:63\n"},
    {"f\"\"\"{\na\n}\ntext {b:{c}{d}}\"\"\"\n",
     "Module\n"
     "  ExprStmt @1:0-4:18\n"
     "    JoinedStr @1:0-4:18\n"
     "      FormattedValue @1:0-4:18\n"
     "        Name @2:0-2:1\n"
     "      Str @1:0-4:18\n"
     "      FormattedValue @1:0-4:18\n"
     "        Name @4:6-4:7\n"
     "        JoinedStr @1:0-4:18\n"
     "          FormattedValue @1:0-4:18\n"
     "            Name @4:9-4:10\n"
     "          FormattedValue @1:0-4:18\n"
     "            Name @4:12-4:13\n"},
    {"f'{x=:>10}' f\"{y!r}\" 'plain' f'{z}'\n",
     "Module\n"
     "  ExprStmt @1:0-1:35\n"
     "    JoinedStr @1:0-1:35\n"
     "      Str @1:0-1:35\n"
     "      FormattedValue @1:0-1:35\n"
     "        Name @1:3-1:4\n"
     "        JoinedStr @1:0-1:11\n"
     "          Str @1:0-1:11\n"
     "      FormattedValue @1:0-1:35\n"
     "        Name @1:15-1:16\n"
     "      Str @1:0-1:35\n"
     "      FormattedValue @1:0-1:35\n"
     "        Name @1:32-1:33\n"},
    {"x = 'abc' f'{1+2=}' \"def\"\n",
     "Module\n"
     "  Assign @1:0-1:25\n"
     "    Name @1:0-1:1\n"
     "    JoinedStr @1:4-1:25\n"
     "      Str @1:4-1:25\n"
     "      FormattedValue @1:4-1:25\n"
     "        BinOp @1:13-1:16\n"
     "          Int @1:13-1:14\n"
     "          Int @1:15-1:16\n"
     "      Str @1:4-1:25\n"},
    {"f'{ x = }'\n",
     "Module\n"
     "  ExprStmt @1:0-1:10\n"
     "    JoinedStr @1:0-1:10\n"
     "      Str @1:0-1:10\n"
     "      FormattedValue @1:0-1:10\n"
     "        Name @1:4-1:5\n"},
    {"rf'\\d{x}\\n'\n",
     "Module\n"
     "  ExprStmt @1:0-1:11\n"
     "    JoinedStr @1:0-1:11\n"
     "      Str @1:0-1:11\n"
     "      FormattedValue @1:0-1:11\n"
     "        Name @1:6-1:7\n"
     "      Str @1:0-1:11\n"},
    {"f'''{\"nested\" + f\"{a + f'{b}'}\"}'''\n",
     "Module\n"
     "  ExprStmt @1:0-1:35\n"
     "    JoinedStr @1:0-1:35\n"
     "      FormattedValue @1:0-1:35\n"
     "        BinOp @1:5-1:31\n"
     "          Str @1:5-1:13\n"
     "          JoinedStr @1:16-1:31\n"
     "            FormattedValue @1:16-1:31\n"
     "              BinOp @1:19-1:29\n"
     "                Name @1:19-1:20\n"
     "                JoinedStr @1:23-1:29\n"
     "                  FormattedValue @1:23-1:29\n"
     "                    Name @1:26-1:27\n"},
    {"f'{[1, 2][0]}{ {\"k\": v}[\"k\"] }'\n",
     "Module\n"
     "  ExprStmt @1:0-1:31\n"
     "    JoinedStr @1:0-1:31\n"
     "      FormattedValue @1:0-1:31\n"
     "        Subscript @1:3-1:12\n"
     "          List @1:3-1:9\n"
     "            Int @1:4-1:5\n"
     "            Int @1:7-1:8\n"
     "          Int @1:10-1:11\n"
     "      FormattedValue @1:0-1:31\n"
     "        Subscript @1:15-1:28\n"
     "          Dict @1:15-1:23\n"
     "            Str @1:16-1:19\n"
     "            Name @1:21-1:22\n"
     "          Str @1:24-1:27\n"},
    {"f'{x:{y}}' if 0 else 0\n",
     "Module\n"
     "  ExprStmt @1:0-1:22\n"
     "    IfExp @1:0-1:22\n"
     "      Int @1:14-1:15\n"
     "      JoinedStr @1:0-1:10\n"
     "        FormattedValue @1:0-1:10\n"
     "          Name @1:3-1:4\n"
     "          JoinedStr @1:0-1:10\n"
     "            FormattedValue @1:0-1:10\n"
     "              Name @1:6-1:7\n"
     "      Int @1:21-1:22\n"},
    {"f''\n",
     "Module\n"
     "  ExprStmt @1:0-1:3\n"
     "    JoinedStr @1:0-1:3\n"},
    {"f'{x!s:}'\n",
     "Module\n"
     "  ExprStmt @1:0-1:9\n"
     "    JoinedStr @1:0-1:9\n"
     "      FormattedValue @1:0-1:9\n"
     "        Name @1:3-1:4\n"
     "        JoinedStr @1:0-1:9\n"},
    {"print(f\"{a},{b}\",\n      f'{c}')\n",
     "Module\n"
     "  ExprStmt @1:0-2:13\n"
     "    Call @1:0-2:13\n"
     "      Name @1:0-1:5\n"
     "      JoinedStr @1:6-1:16\n"
     "        FormattedValue @1:6-1:16\n"
     "          Name @1:9-1:10\n"
     "        Str @1:6-1:16\n"
     "        FormattedValue @1:6-1:16\n"
     "          Name @1:13-1:14\n"
     "      JoinedStr @2:6-2:12\n"
     "        FormattedValue @2:6-2:12\n"
     "          Name @2:9-2:10\n"},
    {"f'{x:{w}a}' 'abc' f'{y:{z}}'\n",
     "Module\n"
     "  ExprStmt @1:0-1:28\n"
     "    JoinedStr @1:0-1:28\n"
     "      FormattedValue @1:0-1:28\n"
     "        Name @1:3-1:4\n"
     "        JoinedStr @1:0-1:11\n"
     "          FormattedValue @1:0-1:28\n"
     "            Name @1:6-1:7\n"
     "          Str @1:0-1:11\n"
     "      Str @1:0-1:28\n"
     "      FormattedValue @1:0-1:28\n"
     "        Name @1:21-1:22\n"
     "        JoinedStr @1:18-1:28\n"
     "          FormattedValue @1:0-1:28\n"
     "            Name @1:24-1:25\n"},
    {"(f'{a}'\n f'''{b:{c}}\n''')\n",
     "Module\n"
     "  ExprStmt @1:0-3:4\n"
     "    JoinedStr @1:1-3:3\n"
     "      FormattedValue @1:1-3:3\n"
     "        Name @1:4-1:5\n"
     "      FormattedValue @1:1-3:3\n"
     "        Name @2:6-2:7\n"
     "        JoinedStr @2:1-3:3\n"
     "          FormattedValue @1:1-3:3\n"
     "            Name @2:9-2:10\n"
     "      Str @1:1-3:3\n"},
};

struct ErrorCase {
  const char* source;
  const char* expected;
};

const ErrorCase kErrors[] = {
    {"f'{}'\n",
     "SyntaxError: f-string: empty expression not allowed (1, 6, 1, 6)"},
    {"f'{ }'\n",
     "SyntaxError: f-string: empty expression not allowed (1, 7, 1, 7)"},
    {"f'{x'\n",
     "SyntaxError: f-string: expecting '}' (1, 6, 1, 6)"},
    {"f'{x!}'\n",
     "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' (1, 8, 1, 8)"},
    {"f'{x!z}'\n",
     "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' (1, 9, 1, 9)"},
    {"f'{x!r'\n",
     "SyntaxError: f-string: expecting '}' (1, 8, 1, 8)"},
    {"f'{!r}'\n",
     "SyntaxError: f-string: expression required before '!' (1, 8, 1, 8)"},
    {"f'{=}'\n",
     "SyntaxError: f-string: expression required before '=' (1, 7, 1, 7)"},
    {"f'{:x}'\n",
     "SyntaxError: f-string: expression required before ':' (1, 8, 1, 8)"},
    {"f'}'\n",
     "SyntaxError: f-string: single '}' is not allowed (1, 5, 1, 5)"},
    {"f'{x}}'\n",
     "SyntaxError: f-string: single '}' is not allowed (1, 8, 1, 8)"},
    {"f'{x:{y:{z}}}'\n",
     "SyntaxError: f-string: expressions nested too deeply (1, 15, 1, 15)"},
    {"f'{#}'\n",
     "SyntaxError: f-string expression part cannot include '#' (1, 7, 1, 7)"},
    {"f'{a#b}'\n",
     "SyntaxError: f-string expression part cannot include '#' (1, 9, 1, 9)"},
    {"f'{\"\\n\"}'\n",
     "SyntaxError: f-string expression part cannot include a backslash (1, 10, 1, 10)"},
    {"f'{x)}'\n",
     "SyntaxError: f-string: unmatched ')' (1, 8, 1, 8)"},
    {"f'{(x}'\n",
     "SyntaxError: f-string: closing parenthesis '}' does not match opening parenthesis '(' (1, 8, 1, 8)"},
    {"f'{[x)]}'\n",
     "SyntaxError: f-string: closing parenthesis ')' does not match opening parenthesis '[' (1, 10, 1, 10)"},
    {"f'{x y}'\n",
     "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma? (1, 2, 1, 5)"},
    {"f'{x:{'\n",
     "SyntaxError: f-string: expecting '}' (1, 8, 1, 8)"},
    {"f'{lambda x: 1}'\n",
     "SyntaxError: f-string: invalid syntax (1, 10, 1, 11)"},
    {"f'{yield}'\n",
     "SyntaxError: 'yield' outside function (1, 4, 1, 9)"},
    {"f'{*x}'\n",
     "SyntaxError: f-string: cannot use starred expression here (1, 2, 1, 4)"},
    {"f'{x:=1}'\n",
     "OK"},
    {"f'{(x:=1)}'\n",
     "OK"},
    {"f'{a!r=}'\n",
     "SyntaxError: f-string: expecting '}' (1, 10, 1, 10)"},
    {"f'{x=!r:>4}'\n",
     "OK"},
    {"x = 1\ny = f\"\"\"\n{x +\n}\"\"\"\n",
     "SyntaxError: f-string: invalid syntax (4, 1, 4, 2)"},
    {"f'{x!s:{y!r}}'\n",
     "OK"},
    {"f'{1 if x}'\n",
     "SyntaxError: f-string: expected 'else' after 'if' expression (1, 2, 1, 8)"},
    {"f'{x =  }'\n",
     "OK"},
    {"f'{print(1, 2 3)}'\n",
     "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma? (1, 11, 1, 14)"},
    // An error inside an f-string nested in a field is positioned relative to the innermost
    // field only (found by the robustness test: it used to be shifted twice, to a negative column).
    {"print(f\"{'nested ' + f'{na;me}'}\")\n",
     "SyntaxError: f-string: invalid syntax (1, 4, 1, 5)"},
    {"x = f\"{f'{a b}'}\"\n",
     "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma? (1, 2, 1, 5)"},
    {"x = f\"\"\"{f'{x!z}'}\"\"\"\n",
     "SyntaxError: f-string: f-string: invalid conversion character: expected 's', 'r', or 'a' (1, 10, 1, 11)"},
    {"x = f\"{1 + f'{}'}\"\n",
     "SyntaxError: f-string: f-string: empty expression not allowed (1, 11, 1, 12)"},
    {"x = f\"{f'{na;me}' + $}\"\n",
     "SyntaxError: f-string: invalid syntax (1, 4, 1, 5)"},
};
// clang-format on

TEST(FString, ShapesAndPositionsMatchCPython) {
  for (const ShapeCase& c : kShapes) EXPECT_EQ(node_kinds_and_positions(c.source), c.expected) << "source:\n" << c.source;
}

TEST(FString, ErrorsMatchCPython) {
  for (const ErrorCase& c : kErrors) EXPECT_EQ(testing::describe_error(c.source), c.expected) << "source:\n" << c.source;
}

// The values CPython's ast.dump shows: literal parts merged and unescaped ('{{' is '{'), `=`
// adding the expression text and defaulting to !r unless a format spec is given, conversions,
// nested format specs, and an f-string nested in a field.
TEST(FString, PartsConversionsAndSpecs) {
  EXPECT_EQ(testing::dump_expression("f\"a{x!r:>{w}.{p}}b{y=}{z=!s:^5} {{c}} {f'{q}'}\"\n"),
            "expr: JoinedStr\n"
            "  values[0]: Str 'a'\n"
            "  values[1]: FormattedValue !r\n"
            "    value: Name x Load\n"
            "    format_spec: JoinedStr\n"
            "      values[0]: Str '>'\n"
            "      values[1]: FormattedValue\n"
            "        value: Name w Load\n"
            "      values[2]: Str '.'\n"
            "      values[3]: FormattedValue\n"
            "        value: Name p Load\n"
            "  values[2]: Str 'by='\n"
            "  values[3]: FormattedValue !r\n"
            "    value: Name y Load\n"
            "  values[4]: Str 'z='\n"
            "  values[5]: FormattedValue !s\n"
            "    value: Name z Load\n"
            "    format_spec: JoinedStr\n"
            "      values[0]: Str '^5'\n"
            "  values[6]: Str ' {c} '\n"
            "  values[7]: FormattedValue\n"
            "    value: JoinedStr\n"
            "      values[0]: FormattedValue\n"
            "        value: Name q Load\n");
  // `=` with a format spec and no conversion: no implicit !r (CPython formats with format()).
  EXPECT_EQ(testing::dump_expression("f'{x=:>4}'\n"),
            "expr: JoinedStr\n"
            "  values[0]: Str 'x='\n"
            "  values[1]: FormattedValue\n"
            "    value: Name x Load\n"
            "    format_spec: JoinedStr\n"
            "      values[0]: Str '>4'\n");
  // Blanks around `=` are kept in the text; an f-string without fields is still a JoinedStr.
  EXPECT_EQ(testing::dump_expression("f'{ x = }'\n"),
            "expr: JoinedStr\n"
            "  values[0]: Str ' x = '\n"
            "  values[1]: FormattedValue !r\n"
            "    value: Name x Load\n");
  EXPECT_EQ(testing::dump_expression("f'a' 'b'\n"), "expr: JoinedStr\n  values[0]: Str 'ab'\n");
  EXPECT_EQ(testing::dump_expression("f''\n"), "expr: JoinedStr\n");
  // A raw f-string keeps its backslashes; the fields still work.
  EXPECT_EQ(testing::dump_expression("rf'\\d{x}'\n"),
            "expr: JoinedStr\n"
            "  values[0]: Str '\\\\d'\n"
            "  values[1]: FormattedValue\n"
            "    value: Name x Load\n");
}

}  // namespace
}  // namespace stitch::compiler
