// Parser: the AST of every Tier 1 and Tier 2 construct. The expected dumps were produced by the
// parser and checked node by node (kinds, fields and positions) against CPython 3.11's `ast`
// module; the same comparison passes on the whole CPython standard library (see README).
#include <gtest/gtest.h>

#include "core/compiler/tests/test_support.h"

namespace stitch::compiler {
namespace {

using testing::parse_dump;

TEST(Parser, Assignments) {
  EXPECT_EQ(parse_dump("x = 1\n"
                 "a = b = c\n"
                 "x, *y = z\n"
                 "[a, (b, c)] = d\n"
                 "x.y[0] = 1\n",
                 false),
            "Module\n"
            "  body[0]: Assign\n"
            "    targets[0]: Name x Store\n"
            "    value: Int 1\n"
            "  body[1]: Assign\n"
            "    targets[0]: Name a Store\n"
            "    targets[1]: Name b Store\n"
            "    value: Name c Load\n"
            "  body[2]: Assign\n"
            "    targets[0]: Tuple Store\n"
            "      elts[0]: Name x Store\n"
            "      elts[1]: Starred Store\n"
            "        value: Name y Store\n"
            "    value: Name z Load\n"
            "  body[3]: Assign\n"
            "    targets[0]: List Store\n"
            "      elts[0]: Name a Store\n"
            "      elts[1]: Tuple Store\n"
            "        elts[0]: Name b Store\n"
            "        elts[1]: Name c Store\n"
            "    value: Name d Load\n"
            "  body[4]: Assign\n"
            "    targets[0]: Subscript Store\n"
            "      value: Attribute y Load\n"
            "        value: Name x Load\n"
            "      slice: Int 0\n"
            "    value: Int 1\n");
}

TEST(Parser, AugmentedAndAnnotated) {
  EXPECT_EQ(parse_dump("x += 1\n"
                 "x.y //= 2\n"
                 "x[i] **= 3\n"
                 "x: int\n"
                 "y: list[int] = []\n"
                 "(z): int = 1\n"
                 "a.b: str\n",
                 false),
            "Module\n"
            "  body[0]: AugAssign Add\n"
            "    target: Name x Store\n"
            "    value: Int 1\n"
            "  body[1]: AugAssign FloorDiv\n"
            "    target: Attribute y Store\n"
            "      value: Name x Load\n"
            "    value: Int 2\n"
            "  body[2]: AugAssign Pow\n"
            "    target: Subscript Store\n"
            "      value: Name x Load\n"
            "      slice: Name i Load\n"
            "    value: Int 3\n"
            "  body[3]: AnnAssign simple\n"
            "    target: Name x Store\n"
            "    annotation: Name int Load\n"
            "  body[4]: AnnAssign simple\n"
            "    target: Name y Store\n"
            "    annotation: Subscript Load\n"
            "      value: Name list Load\n"
            "      slice: Name int Load\n"
            "    value: List Load\n"
            "  body[5]: AnnAssign\n"
            "    target: Name z Store\n"
            "    annotation: Name int Load\n"
            "    value: Int 1\n"
            "  body[6]: AnnAssign\n"
            "    target: Attribute b Store\n"
            "      value: Name a Load\n"
            "    annotation: Name str Load\n");
}

TEST(Parser, OperatorPrecedence) {
  EXPECT_EQ(parse_dump("x = -a ** -b * c + d << e & f ^ g | h\n",
                 false),
            "Module\n"
            "  body[0]: Assign\n"
            "    targets[0]: Name x Store\n"
            "    value: BinOp BitOr\n"
            "      left: BinOp BitXor\n"
            "        left: BinOp BitAnd\n"
            "          left: BinOp LShift\n"
            "            left: BinOp Add\n"
            "              left: BinOp Mult\n"
            "                left: UnaryOp USub\n"
            "                  operand: BinOp Pow\n"
            "                    left: Name a Load\n"
            "                    right: UnaryOp USub\n"
            "                      operand: Name b Load\n"
            "                right: Name c Load\n"
            "              right: Name d Load\n"
            "            right: Name e Load\n"
            "          right: Name f Load\n"
            "        right: Name g Load\n"
            "      right: Name h Load\n");
}

TEST(Parser, PowerIsRightAssociative) {
  EXPECT_EQ(parse_dump("x = a ** b ** c\n",
                 false),
            "Module\n"
            "  body[0]: Assign\n"
            "    targets[0]: Name x Store\n"
            "    value: BinOp Pow\n"
            "      left: Name a Load\n"
            "      right: BinOp Pow\n"
            "        left: Name b Load\n"
            "        right: Name c Load\n");
}

TEST(Parser, ComparisonsChain) {
  EXPECT_EQ(parse_dump("x = a < b <= c == d != e > f >= g is h is not i in j not in k\n",
                 false),
            "Module\n"
            "  body[0]: Assign\n"
            "    targets[0]: Name x Store\n"
            "    value: Compare Lt LtE Eq NotEq Gt GtE Is IsNot In NotIn\n"
            "      left: Name a Load\n"
            "      comparators[0]: Name b Load\n"
            "      comparators[1]: Name c Load\n"
            "      comparators[2]: Name d Load\n"
            "      comparators[3]: Name e Load\n"
            "      comparators[4]: Name f Load\n"
            "      comparators[5]: Name g Load\n"
            "      comparators[6]: Name h Load\n"
            "      comparators[7]: Name i Load\n"
            "      comparators[8]: Name j Load\n"
            "      comparators[9]: Name k Load\n");
}

TEST(Parser, BooleanOperators) {
  EXPECT_EQ(parse_dump("x = not a and b or c and not d or e\n",
                 false),
            "Module\n"
            "  body[0]: Assign\n"
            "    targets[0]: Name x Store\n"
            "    value: BoolOp Or\n"
            "      values[0]: BoolOp And\n"
            "        values[0]: UnaryOp Not\n"
            "          operand: Name a Load\n"
            "        values[1]: Name b Load\n"
            "      values[1]: BoolOp And\n"
            "        values[0]: Name c Load\n"
            "        values[1]: UnaryOp Not\n"
            "          operand: Name d Load\n"
            "      values[2]: Name e Load\n");
}

TEST(Parser, ConditionalAndLambda) {
  EXPECT_EQ(parse_dump("f = lambda x, *y, z=1, **k: x if y else z\n"
                 "g = lambda: 0\n",
                 false),
            "Module\n"
            "  body[0]: Assign\n"
            "    targets[0]: Name f Store\n"
            "    value: Lambda\n"
            "      args[0]: arg x\n"
            "      vararg: arg y\n"
            "      kwonlyargs[0]: arg z\n"
            "      kw_defaults[0]: Int 1\n"
            "      kwarg: arg k\n"
            "      body: IfExp\n"
            "        test: Name y Load\n"
            "        body: Name x Load\n"
            "        orelse: Name z Load\n"
            "  body[1]: Assign\n"
            "    targets[0]: Name g Store\n"
            "    value: Lambda\n"
            "      body: Int 0\n");
}

TEST(Parser, Walrus) {
  EXPECT_EQ(parse_dump("if (n := len(a)) > 10:\n"
                 "    pass\n",
                 false),
            "Module\n"
            "  body[0]: If\n"
            "    test: Compare Gt\n"
            "      left: NamedExpr\n"
            "        target: Name n Store\n"
            "        value: Call\n"
            "          func: Name len Load\n"
            "          args[0]: Name a Load\n"
            "      comparators[0]: Int 10\n"
            "    body[0]: Pass\n");
}

TEST(Parser, CallArguments) {
  EXPECT_EQ(parse_dump("f(a, *b, c=1, *d, **e)\n"
                 "g(x for x in y)\n"
                 "h(a)(b)[c].d\n",
                 false),
            "Module\n"
            "  body[0]: ExprStmt\n"
            "    value: Call\n"
            "      func: Name f Load\n"
            "      args[0]: Name a Load\n"
            "      args[1]: Starred Load\n"
            "        value: Name b Load\n"
            "      args[2]: Starred Load\n"
            "        value: Name d Load\n"
            "      keywords[0]: keyword c\n"
            "        value: Int 1\n"
            "      keywords[1]: keyword **\n"
            "        value: Name e Load\n"
            "  body[1]: ExprStmt\n"
            "    value: Call\n"
            "      func: Name g Load\n"
            "      args[0]: GeneratorExp\n"
            "        elt: Name x Load\n"
            "        generators[0]: comprehension\n"
            "          target: Name x Store\n"
            "          iter: Name y Load\n"
            "  body[2]: ExprStmt\n"
            "    value: Attribute d Load\n"
            "      value: Subscript Load\n"
            "        value: Call\n"
            "          func: Call\n"
            "            func: Name h Load\n"
            "            args[0]: Name a Load\n"
            "          args[0]: Name b Load\n"
            "        slice: Name c Load\n");
}

TEST(Parser, Subscripts) {
  EXPECT_EQ(parse_dump("a[1]\n"
                 "a[1:2]\n"
                 "a[::3]\n"
                 "a[1:2, ::3, ...]\n"
                 "a[:, None]\n"
                 "a[*b]\n",
                 false),
            "Module\n"
            "  body[0]: ExprStmt\n"
            "    value: Subscript Load\n"
            "      value: Name a Load\n"
            "      slice: Int 1\n"
            "  body[1]: ExprStmt\n"
            "    value: Subscript Load\n"
            "      value: Name a Load\n"
            "      slice: Slice\n"
            "        lower: Int 1\n"
            "        upper: Int 2\n"
            "  body[2]: ExprStmt\n"
            "    value: Subscript Load\n"
            "      value: Name a Load\n"
            "      slice: Slice\n"
            "        step: Int 3\n"
            "  body[3]: ExprStmt\n"
            "    value: Subscript Load\n"
            "      value: Name a Load\n"
            "      slice: Tuple Load\n"
            "        elts[0]: Slice\n"
            "          lower: Int 1\n"
            "          upper: Int 2\n"
            "        elts[1]: Slice\n"
            "          step: Int 3\n"
            "        elts[2]: Constant Ellipsis\n"
            "  body[4]: ExprStmt\n"
            "    value: Subscript Load\n"
            "      value: Name a Load\n"
            "      slice: Tuple Load\n"
            "        elts[0]: Slice\n"
            "        elts[1]: Constant None\n"
            "  body[5]: ExprStmt\n"
            "    value: Subscript Load\n"
            "      value: Name a Load\n"
            "      slice: Tuple Load\n"
            "        elts[0]: Starred Load\n"
            "          value: Name b Load\n");
}

TEST(Parser, Atoms) {
  EXPECT_EQ(parse_dump("x = (None, True, False, ..., 1, 2.5, 'str', (), [], {}, (1,))\n",
                 false),
            "Module\n"
            "  body[0]: Assign\n"
            "    targets[0]: Name x Store\n"
            "    value: Tuple Load\n"
            "      elts[0]: Constant None\n"
            "      elts[1]: Constant True\n"
            "      elts[2]: Constant False\n"
            "      elts[3]: Constant Ellipsis\n"
            "      elts[4]: Int 1\n"
            "      elts[5]: Float 2.5\n"
            "      elts[6]: Str 'str'\n"
            "      elts[7]: Tuple Load\n"
            "      elts[8]: List Load\n"
            "      elts[9]: Dict\n"
            "      elts[10]: Tuple Load\n"
            "        elts[0]: Int 1\n");
}

TEST(Parser, Displays) {
  EXPECT_EQ(parse_dump("x = [1, *a, 2]\n"
                 "y = {1, *b}\n"
                 "z = {'a': 1, **c, 'b': 2}\n"
                 "t = 1, 2,\n",
                 false),
            "Module\n"
            "  body[0]: Assign\n"
            "    targets[0]: Name x Store\n"
            "    value: List Load\n"
            "      elts[0]: Int 1\n"
            "      elts[1]: Starred Load\n"
            "        value: Name a Load\n"
            "      elts[2]: Int 2\n"
            "  body[1]: Assign\n"
            "    targets[0]: Name y Store\n"
            "    value: Set\n"
            "      elts[0]: Int 1\n"
            "      elts[1]: Starred Load\n"
            "        value: Name b Load\n"
            "  body[2]: Assign\n"
            "    targets[0]: Name z Store\n"
            "    value: Dict\n"
            "      key[0]: Str 'a'\n"
            "      value[0]: Int 1\n"
            "      unpack[1]: Name c Load\n"
            "      key[2]: Str 'b'\n"
            "      value[2]: Int 2\n"
            "  body[3]: Assign\n"
            "    targets[0]: Name t Store\n"
            "    value: Tuple Load\n"
            "      elts[0]: Int 1\n"
            "      elts[1]: Int 2\n");
}

TEST(Parser, Comprehensions) {
  EXPECT_EQ(parse_dump("[x for x in y if x if not x for z in x]\n"
                 "{k: v for k, v in d.items()}\n"
                 "{s for s in t}\n"
                 "(g for g in h)\n",
                 false),
            "Module\n"
            "  body[0]: ExprStmt\n"
            "    value: ListComp\n"
            "      elt: Name x Load\n"
            "      generators[0]: comprehension\n"
            "        target: Name x Store\n"
            "        iter: Name y Load\n"
            "        ifs[0]: Name x Load\n"
            "        ifs[1]: UnaryOp Not\n"
            "          operand: Name x Load\n"
            "      generators[1]: comprehension\n"
            "        target: Name z Store\n"
            "        iter: Name x Load\n"
            "  body[1]: ExprStmt\n"
            "    value: DictComp\n"
            "      key: Name k Load\n"
            "      value: Name v Load\n"
            "      generators[0]: comprehension\n"
            "        target: Tuple Store\n"
            "          elts[0]: Name k Store\n"
            "          elts[1]: Name v Store\n"
            "        iter: Call\n"
            "          func: Attribute items Load\n"
            "            value: Name d Load\n"
            "  body[2]: ExprStmt\n"
            "    value: SetComp\n"
            "      elt: Name s Load\n"
            "      generators[0]: comprehension\n"
            "        target: Name s Store\n"
            "        iter: Name t Load\n"
            "  body[3]: ExprStmt\n"
            "    value: GeneratorExp\n"
            "      elt: Name g Load\n"
            "      generators[0]: comprehension\n"
            "        target: Name g Store\n"
            "        iter: Name h Load\n");
}

TEST(Parser, IntegersKeepTheirDigits) {
  EXPECT_EQ(parse_dump("x = 0x_ff + 0o17 + 0b101 + 000 * 0 + 123456789012345678901234567890\n",
                 false),
            "Module\n"
            "  body[0]: Assign\n"
            "    targets[0]: Name x Store\n"
            "    value: BinOp Add\n"
            "      left: BinOp Add\n"
            "        left: BinOp Add\n"
            "          left: BinOp Add\n"
            "            left: Int 0xff\n"
            "            right: Int 0o17\n"
            "          right: Int 0b101\n"
            "        right: BinOp Mult\n"
            "          left: Int 0\n"
            "          right: Int 0\n"
            "      right: Int 123456789012345678901234567890\n");
}

TEST(Parser, Floats) {
  EXPECT_EQ(parse_dump("x = 1.5 + 1. + .5 + 1e10 + 1_000.000_1 + 1e400\n",
                 false),
            "Module\n"
            "  body[0]: Assign\n"
            "    targets[0]: Name x Store\n"
            "    value: BinOp Add\n"
            "      left: BinOp Add\n"
            "        left: BinOp Add\n"
            "          left: BinOp Add\n"
            "            left: BinOp Add\n"
            "              left: Float 1.5\n"
            "              right: Float 1\n"
            "            right: Float 0.5\n"
            "          right: Float 1e+10\n"
            "        right: Float 1000.0001\n"
            "      right: Float inf\n");
}

TEST(Parser, StringConcatenation) {
  EXPECT_EQ(parse_dump("x = 'a' \"b\" '''c''' r'\\d'\n",
                 false),
            "Module\n"
            "  body[0]: Assign\n"
            "    targets[0]: Name x Store\n"
            "    value: Str 'abc\\\\d'\n");
}

TEST(Parser, StringEscapes) {
  EXPECT_EQ(parse_dump("x = '\\n\\t\\\\\\'\\\"\\x41\\u00e9\\U0001F600\\101\\q\\\n"
                 "!'\n",
                 false),
            "Module\n"
            "  body[0]: Assign\n"
            "    targets[0]: Name x Store\n"
            "    value: Str '\\n\\t\\\\\\'\"Aé😀A\\\\q!'\n");
}

TEST(Parser, IfElifElse) {
  EXPECT_EQ(parse_dump("if a:\n"
                 "    x\n"
                 "elif b:\n"
                 "    y\n"
                 "elif c:\n"
                 "    z\n"
                 "else:\n"
                 "    w\n",
                 false),
            "Module\n"
            "  body[0]: If\n"
            "    test: Name a Load\n"
            "    body[0]: ExprStmt\n"
            "      value: Name x Load\n"
            "    orelse[0]: If\n"
            "      test: Name b Load\n"
            "      body[0]: ExprStmt\n"
            "        value: Name y Load\n"
            "      orelse[0]: If\n"
            "        test: Name c Load\n"
            "        body[0]: ExprStmt\n"
            "          value: Name z Load\n"
            "        orelse[0]: ExprStmt\n"
            "          value: Name w Load\n");
}

TEST(Parser, WhileForElse) {
  EXPECT_EQ(parse_dump("while a:\n"
                 "    break\n"
                 "else:\n"
                 "    pass\n"
                 "for i, (j, k) in z:\n"
                 "    pass\n"
                 "else:\n"
                 "    pass\n",
                 false),
            "Module\n"
            "  body[0]: While\n"
            "    test: Name a Load\n"
            "    body[0]: Break\n"
            "    orelse[0]: Pass\n"
            "  body[1]: For\n"
            "    target: Tuple Store\n"
            "      elts[0]: Name i Store\n"
            "      elts[1]: Tuple Store\n"
            "        elts[0]: Name j Store\n"
            "        elts[1]: Name k Store\n"
            "    iter: Name z Load\n"
            "    body[0]: Pass\n"
            "    orelse[0]: Pass\n");
}

TEST(Parser, TryExceptElseFinally) {
  EXPECT_EQ(parse_dump("try:\n"
                 "    a\n"
                 "except (E, F) as e:\n"
                 "    raise X from e\n"
                 "except G:\n"
                 "    raise\n"
                 "except:\n"
                 "    pass\n"
                 "else:\n"
                 "    b\n"
                 "finally:\n"
                 "    c\n",
                 false),
            "Module\n"
            "  body[0]: Try\n"
            "    body[0]: ExprStmt\n"
            "      value: Name a Load\n"
            "    handlers[0]: ExceptHandler e\n"
            "      type: Tuple Load\n"
            "        elts[0]: Name E Load\n"
            "        elts[1]: Name F Load\n"
            "      body[0]: Raise\n"
            "        exc: Name X Load\n"
            "        cause: Name e Load\n"
            "    handlers[1]: ExceptHandler\n"
            "      type: Name G Load\n"
            "      body[0]: Raise\n"
            "    handlers[2]: ExceptHandler\n"
            "      body[0]: Pass\n"
            "    orelse[0]: ExprStmt\n"
            "      value: Name b Load\n"
            "    finalbody[0]: ExprStmt\n"
            "      value: Name c Load\n");
}

TEST(Parser, With) {
  EXPECT_EQ(parse_dump("with a as b, c as (d, e), f:\n"
                 "    pass\n"
                 "with (a as b,\n"
                 "      c as d):\n"
                 "    pass\n"
                 "with (a, b) as c:\n"
                 "    pass\n",
                 false),
            "Module\n"
            "  body[0]: With\n"
            "    items[0].context_expr: Name a Load\n"
            "    items[0].optional_vars: Name b Store\n"
            "    items[1].context_expr: Name c Load\n"
            "    items[1].optional_vars: Tuple Store\n"
            "      elts[0]: Name d Store\n"
            "      elts[1]: Name e Store\n"
            "    items[2].context_expr: Name f Load\n"
            "    body[0]: Pass\n"
            "  body[1]: With\n"
            "    items[0].context_expr: Name a Load\n"
            "    items[0].optional_vars: Name b Store\n"
            "    items[1].context_expr: Name c Load\n"
            "    items[1].optional_vars: Name d Store\n"
            "    body[0]: Pass\n"
            "  body[2]: With\n"
            "    items[0].context_expr: Tuple Load\n"
            "      elts[0]: Name a Load\n"
            "      elts[1]: Name b Load\n"
            "    items[0].optional_vars: Name c Store\n"
            "    body[0]: Pass\n");
}

TEST(Parser, FunctionDefinitions) {
  EXPECT_EQ(parse_dump("@dec\n"
                 "@dec.call(1)\n"
                 "def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n"
                 "    return a\n",
                 false),
            "Module\n"
            "  body[0]: FunctionDef f\n"
            "    decorator_list[0]: Name dec Load\n"
            "    decorator_list[1]: Call\n"
            "      func: Attribute call Load\n"
            "        value: Name dec Load\n"
            "      args[0]: Int 1\n"
            "    posonlyargs[0]: arg a\n"
            "    posonlyargs[1]: arg b\n"
            "    args[0]: arg c\n"
            "    vararg: arg args\n"
            "    kwonlyargs[0]: arg d\n"
            "    kwonlyargs[1]: arg e\n"
            "    kw_defaults[0]: None\n"
            "    kw_defaults[1]: Int 3\n"
            "    kwarg: arg kw\n"
            "    defaults[0]: Int 1\n"
            "    defaults[1]: Int 2\n"
            "    returns: Name int Load\n"
            "    body[0]: Return\n"
            "      value: Name a Load\n");
}

TEST(Parser, ClassDefinitions) {
  EXPECT_EQ(parse_dump("@d\n"
                 "class C(A, B, metaclass=M, **kw):\n"
                 "    x = 1\n"
                 "    def m(self):\n"
                 "        return super().m()\n",
                 false),
            "Module\n"
            "  body[0]: ClassDef C\n"
            "    decorator_list[0]: Name d Load\n"
            "    bases[0]: Name A Load\n"
            "    bases[1]: Name B Load\n"
            "    keywords[0]: keyword metaclass\n"
            "      value: Name M Load\n"
            "    keywords[1]: keyword **\n"
            "      value: Name kw Load\n"
            "    body[0]: Assign\n"
            "      targets[0]: Name x Store\n"
            "      value: Int 1\n"
            "    body[1]: FunctionDef m\n"
            "      args[0]: arg self\n"
            "      body[0]: Return\n"
            "        value: Call\n"
            "          func: Attribute m Load\n"
            "            value: Call\n"
            "              func: Name super Load\n");
}

TEST(Parser, Generators) {
  EXPECT_EQ(parse_dump("def g():\n"
                 "    yield\n"
                 "    yield 1\n"
                 "    x = yield 2, 3\n"
                 "    yield from h()\n"
                 "    await_ = (yield)\n",
                 false),
            "Module\n"
            "  body[0]: FunctionDef g\n"
            "    body[0]: ExprStmt\n"
            "      value: Yield\n"
            "    body[1]: ExprStmt\n"
            "      value: Yield\n"
            "        value: Int 1\n"
            "    body[2]: Assign\n"
            "      targets[0]: Name x Store\n"
            "      value: Yield\n"
            "        value: Tuple Load\n"
            "          elts[0]: Int 2\n"
            "          elts[1]: Int 3\n"
            "    body[3]: ExprStmt\n"
            "      value: YieldFrom\n"
            "        value: Call\n"
            "          func: Name h Load\n"
            "    body[4]: Assign\n"
            "      targets[0]: Name await_ Store\n"
            "      value: Yield\n");
}

TEST(Parser, SimpleStatements) {
  EXPECT_EQ(parse_dump("pass; del a, b[0], c.d\n"
                 "global g, h\n"
                 "assert x, 'msg'\n"
                 "raise\n"
                 "return\n",
                 false),
            "Module\n"
            "  body[0]: Pass\n"
            "  body[1]: Delete\n"
            "    targets[0]: Name a Del\n"
            "    targets[1]: Subscript Del\n"
            "      value: Name b Load\n"
            "      slice: Int 0\n"
            "    targets[2]: Attribute d Del\n"
            "      value: Name c Load\n"
            "  body[2]: Global g h\n"
            "  body[3]: Assert\n"
            "    test: Name x Load\n"
            "    msg: Str 'msg'\n"
            "  body[4]: Raise\n"
            "  body[5]: Return\n");
}

TEST(Parser, Imports) {
  EXPECT_EQ(parse_dump("import a, b.c as d\n"
                 "from . import x\n"
                 "from ..m import (y as z, w,)\n"
                 "from ...p.q import *\n"
                 "from __future__ import annotations\n",
                 false),
            "Module\n"
            "  body[0]: Import\n"
            "    names[0]: alias a\n"
            "    names[1]: alias b.c as d\n"
            "  body[1]: ImportFrom .\n"
            "    names[0]: alias x\n"
            "  body[2]: ImportFrom ..m\n"
            "    names[0]: alias y as z\n"
            "    names[1]: alias w\n"
            "  body[3]: ImportFrom ...p.q\n"
            "    names[0]: alias *\n"
            "  body[4]: ImportFrom __future__\n"
            "    names[0]: alias annotations\n");
}

TEST(Parser, MatchAsAName) {
  EXPECT_EQ(parse_dump("match = 1\n"
                 "match.x = match[0]\n"
                 "print(match, case, _)\n",
                 false),
            "Module\n"
            "  body[0]: Assign\n"
            "    targets[0]: Name match Store\n"
            "    value: Int 1\n"
            "  body[1]: Assign\n"
            "    targets[0]: Attribute x Store\n"
            "      value: Name match Load\n"
            "    value: Subscript Load\n"
            "      value: Name match Load\n"
            "      slice: Int 0\n"
            "  body[2]: ExprStmt\n"
            "    value: Call\n"
            "      func: Name print Load\n"
            "      args[0]: Name match Load\n"
            "      args[1]: Name case Load\n"
            "      args[2]: Name _ Load\n");
}

TEST(Parser, PositionsOfExpressions) {
  EXPECT_EQ(parse_dump("x = (a +\n"
                 "     b)\n"
                 "y = f(a)[b].c\n",
                 true),
            "Module\n"
            "  body[0]: Assign @1:0-2:7\n"
            "    targets[0]: Name x Store @1:0-1:1\n"
            "    value: BinOp Add @1:5-2:6\n"
            "      left: Name a Load @1:5-1:6\n"
            "      right: Name b Load @2:5-2:6\n"
            "  body[1]: Assign @3:0-3:13\n"
            "    targets[0]: Name y Store @3:0-3:1\n"
            "    value: Attribute c Load @3:4-3:13\n"
            "      value: Subscript Load @3:4-3:11\n"
            "        value: Call @3:4-3:8\n"
            "          func: Name f Load @3:4-3:5\n"
            "          args[0]: Name a Load @3:6-3:7\n"
            "        slice: Name b Load @3:9-3:10\n");
}

TEST(Parser, PositionsOfStatements) {
  EXPECT_EQ(parse_dump("if a:\n"
                 "    pass\n"
                 "else:\n"
                 "    b = 1  # comment\n",
                 true),
            "Module\n"
            "  body[0]: If @1:0-4:9\n"
            "    test: Name a Load @1:3-1:4\n"
            "    body[0]: Pass @2:4-2:8\n"
            "    orelse[0]: Assign @4:4-4:9\n"
            "      targets[0]: Name b Store @4:4-4:5\n"
            "      value: Int 1 @4:8-4:9\n");
}

TEST(Parser, PositionsInCodePoints) {
  EXPECT_EQ(parse_dump("é = 'ü' + ñ\n",
                 true),
            "Module\n"
            "  body[0]: Assign @1:0-1:11\n"
            "    targets[0]: Name é Store @1:0-1:1\n"
            "    value: BinOp Add @1:4-1:11\n"
            "      left: Str 'ü' @1:4-1:7\n"
            "      right: Name ñ Load @1:10-1:11\n");
}

TEST(Parser, PositionsOfParenthesizedOperands) {
  EXPECT_EQ(parse_dump("(a) + (b)\n"
                 "(a, b)\n"
                 "(c)\n",
                 true),
            "Module\n"
            "  body[0]: ExprStmt @1:0-1:9\n"
            "    value: BinOp Add @1:0-1:9\n"
            "      left: Name a Load @1:1-1:2\n"
            "      right: Name b Load @1:7-1:8\n"
            "  body[1]: ExprStmt @2:0-2:6\n"
            "    value: Tuple Load @2:0-2:6\n"
            "      elts[0]: Name a Load @2:1-2:2\n"
            "      elts[1]: Name b Load @2:4-2:5\n"
            "  body[2]: ExprStmt @3:0-3:3\n"
            "    value: Name c Load @3:1-3:2\n");
}

TEST(Parser, UnsupportedConstructsStillParse) {
  SourceFile file("async def f():\n    await g()\nmatch x:\n    case 1:\n        pass\ny = 1j + b'x'\n", "t.py");
  ParseResult parsed = parse_module(file);
  ASSERT_TRUE(parsed.module);
  ASSERT_TRUE(parsed.unsupported);
  EXPECT_EQ(parsed.unsupported->message, "'async def' is not supported by Stitch");
  EXPECT_EQ(parsed.unsupported->line, 1);
  // The match statement is skipped (its body is tokenized but not parsed).
  EXPECT_EQ(parsed.module->body.size(), 2u);
}

TEST(Parser, IdentifiersAreInterned) {
  SourceFile file("abc = abc + abc\n", "t.py");
  ParseResult parsed = parse_module(file);
  ASSERT_TRUE(parsed.module);
  const auto* assign = parsed.module->body[0]->as<Assign>();
  const auto* sum = assign->value->as<BinOp>();
  EXPECT_EQ(assign->targets[0]->as<Name>()->id.data(), sum->left->as<Name>()->id.data());
  EXPECT_EQ(sum->left->as<Name>()->id.data(), sum->right->as<Name>()->id.data());
}

TEST(Parser, IntegerValues) {
  SourceFile file("a = 9223372036854775807\nb = 9223372036854775808\nc = 0xFF\nd = 0\n", "t.py");
  ParseResult parsed = parse_module(file);
  ASSERT_TRUE(parsed.module);
  auto value = [&](size_t i) { return parsed.module->body[i]->as<Assign>()->value->as<Int>(); };
  EXPECT_TRUE(value(0)->fits_int64);
  EXPECT_EQ(value(0)->value, INT64_MAX);
  EXPECT_FALSE(value(1)->fits_int64);
  EXPECT_EQ(value(1)->digits, "9223372036854775808");
  EXPECT_EQ(value(2)->base, 16);
  EXPECT_EQ(value(2)->digits, "FF");
  EXPECT_EQ(value(2)->value, 255);
  EXPECT_EQ(value(3)->digits, "0");
}

TEST(Parser, FloatValuesIgnoreTheLocale) {
  SourceFile file("a = 0.1\nb = 1e400\nc = 4e-320\n", "t.py");
  ParseResult parsed = parse_module(file);
  ASSERT_TRUE(parsed.module);
  auto value = [&](size_t i) { return parsed.module->body[i]->as<Assign>()->value->as<Float>()->value; };
  EXPECT_EQ(value(0), 0.1);
  EXPECT_TRUE(value(1) > 1e308);  // infinity, as in Python
  EXPECT_EQ(value(2), 4e-320);     // a subnormal, not zero
}

}  // namespace
}  // namespace stitch::compiler
