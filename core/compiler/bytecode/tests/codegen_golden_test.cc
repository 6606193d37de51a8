#include "core/compiler/bytecode/tests/codegen_test_support.h"

// Golden disassemblies: each snippet's code shape was compared by hand with CPython 3.11's
// `python3 -m dis` output (same instruction sequence apart from RESUME/PRECALL, the word-sized
// offsets and the documented differences in README.md).

namespace stitch::bytecode::testing {
namespace {

using CodegenGoldenTest = stitch::testing::ObjectTest;

TEST_F(CodegenGoldenTest, ModuleAssignmentAndCall) {
  Compiled compiled("x = 1\nprint(x)\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 LOAD_CONST               0 (1)
              1 STORE_NAME               0 (x)

  2           2 PUSH_NULL
              3 LOAD_NAME                1 (print)
              4 LOAD_NAME                0 (x)
              5 CALL                     1
              9 POP_TOP
             10 LOAD_CONST               1 (None)
             11 RETURN_VALUE
)DIS");
}

TEST_F(CodegenGoldenTest, ClosureCellsAndFreeVariables) {
  Compiled compiled("def outer():\n    v = 1\n    def inner():\n        return v\n    return inner\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 LOAD_CONST               0 (<code object outer, file "<test>", line 1>)
              1 MAKE_FUNCTION            0
              2 STORE_NAME               0 (outer)
              3 LOAD_CONST               1 (None)
              4 RETURN_VALUE

Disassembly of <code object outer, file "<test>", line 1>:
  1           0 MAKE_CELL                1 (v)

  2           1 LOAD_CONST               1 (1)
              2 STORE_DEREF              1 (v)

  3           3 LOAD_CLOSURE             1 (v)
              4 BUILD_TUPLE              1
              5 LOAD_CONST               2 (<code object inner, file "<test>", line 3>)
              6 MAKE_FUNCTION            8 (closure)
              7 STORE_FAST               0 (inner)

  5           8 LOAD_FAST                0 (inner)
              9 RETURN_VALUE

Disassembly of <code object inner, file "<test>", line 3>:
  3           0 COPY_FREE_VARS           1

  4           1 LOAD_DEREF               0 (v)
              2 RETURN_VALUE
)DIS");
}

TEST_F(CodegenGoldenTest, ClassBodyProvidesClassCellForSuper) {
  Compiled compiled("class C:\n    def m(self):\n        return super().m()\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 PUSH_NULL
              1 LOAD_BUILD_CLASS
              2 LOAD_CONST               0 (<code object C, file "<test>", line 1>)
              3 MAKE_FUNCTION            0
              4 LOAD_CONST               1 ('C')
              5 CALL                     2
              9 STORE_NAME               0 (C)
             10 LOAD_CONST               2 (None)
             11 RETURN_VALUE

Disassembly of <code object C, file "<test>", line 1>:
  1           0 MAKE_CELL                0 (__class__)
              1 LOAD_NAME                0 (__name__)
              2 STORE_NAME               1 (__module__)
              3 LOAD_CONST               0 ('C')
              4 STORE_NAME               2 (__qualname__)

  2           5 LOAD_CLOSURE             0 (__class__)
              6 BUILD_TUPLE              1
              7 LOAD_CONST               1 (<code object m, file "<test>", line 2>)
              8 MAKE_FUNCTION            8 (closure)
              9 STORE_NAME               3 (m)
             10 LOAD_CLOSURE             0 (__class__)
             11 COPY                     1
             12 STORE_NAME               4 (__classcell__)
             13 RETURN_VALUE

Disassembly of <code object m, file "<test>", line 2>:
  2           0 COPY_FREE_VARS           1

  3           1 LOAD_GLOBAL              1 (NULL + super)
              4 CALL                     0
              8 LOAD_METHOD              1 (m)
             11 CALL                     0
             15 RETURN_VALUE
)DIS");
}

TEST_F(CodegenGoldenTest, ComprehensionAndGeneratorExpression) {
  Compiled compiled("r = [x * 2 for x in y if x]\ng = (x for x in y)\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 LOAD_CONST               0 (<code object <listcomp>, file "<test>", line 1>)
              1 MAKE_FUNCTION            0
              2 LOAD_NAME                0 (y)
              3 GET_ITER
              4 CALL                     0
              8 STORE_NAME               1 (r)

  2           9 LOAD_CONST               1 (<code object <genexpr>, file "<test>", line 2>)
             10 MAKE_FUNCTION            0
             11 LOAD_NAME                0 (y)
             12 GET_ITER
             13 CALL                     0
             17 STORE_NAME               2 (g)
             18 LOAD_CONST               2 (None)
             19 RETURN_VALUE

Disassembly of <code object <listcomp>, file "<test>", line 1>:
  1           0 BUILD_LIST               0
              1 LOAD_FAST                0 (.0)
        >>    2 FOR_ITER                 9 (to 13)
              4 STORE_FAST               1 (x)
              5 LOAD_FAST                1 (x)
              6 POP_JUMP_IF_FALSE        5 (to 12)
              7 LOAD_FAST                1 (x)
              8 LOAD_CONST               0 (2)
              9 BINARY_OP                2 (*)
             11 LIST_APPEND              2
        >>   12 JUMP_BACKWARD           11 (to 2)
        >>   13 RETURN_VALUE

Disassembly of <code object <genexpr>, file "<test>", line 2>:
  2           0 RETURN_GENERATOR
              1 POP_TOP
              2 LOAD_FAST                0 (.0)
        >>    3 FOR_ITER                 5 (to 10)
              5 STORE_FAST               1 (x)
              6 LOAD_FAST                1 (x)
              7 YIELD_VALUE
              8 POP_TOP
              9 JUMP_BACKWARD            7 (to 3)
        >>   10 LOAD_CONST               0 (None)
             11 RETURN_VALUE
)DIS");
}

TEST_F(CodegenGoldenTest, AugmentedSubscriptStarredUnpackAndFString) {
  Compiled compiled("def f(a, *b, **c):\n    x.y[a:b] += 1\n    p, *q, r = c\n    return f\"{a!r:>{b}} and {c}\"\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 LOAD_CONST               0 (<code object f, file "<test>", line 1>)
              1 MAKE_FUNCTION            0
              2 STORE_NAME               0 (f)
              3 LOAD_CONST               1 (None)
              4 RETURN_VALUE

Disassembly of <code object f, file "<test>", line 1>:
  2           0 LOAD_GLOBAL              0 (x)
              3 LOAD_ATTR                1 (y)
              6 LOAD_FAST                0 (a)
              7 LOAD_FAST                1 (b)
              8 BUILD_SLICE              2
              9 COPY                     2
             10 COPY                     2
             11 BINARY_SUBSCR
             13 LOAD_CONST               1 (1)
             14 BINARY_OP              256 (+=)
             16 SWAP                     3
             17 SWAP                     2
             18 STORE_SUBSCR

  3          20 LOAD_FAST                2 (c)
             21 UNPACK_EX              257
             22 STORE_FAST               3 (p)
             23 STORE_FAST               4 (q)
             24 STORE_FAST               5 (r)

  4          25 LOAD_FAST                0 (a)
             26 LOAD_CONST               2 ('>')
             27 LOAD_FAST                1 (b)
             28 FORMAT_VALUE             0
             29 BUILD_STRING             2
             30 FORMAT_VALUE             6 (repr, with format)
             31 LOAD_CONST               3 (' and ')
             32 LOAD_FAST                2 (c)
             33 FORMAT_VALUE             0
             34 BUILD_STRING             3
             35 RETURN_VALUE
)DIS");
}

TEST_F(CodegenGoldenTest, ImportForms) {
  Compiled compiled("import os.path as p\nfrom . import (a as b, c)\nfrom m import *\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 LOAD_CONST               0 (0)
              1 LOAD_CONST               1 (None)
              2 IMPORT_NAME              0 (os.path)
              3 IMPORT_FROM              1 (path)
              4 STORE_NAME               2 (p)
              5 POP_TOP

  2           6 LOAD_CONST               2 (1)
              7 LOAD_CONST               3 (('a', 'c'))
              8 IMPORT_NAME              3
              9 IMPORT_FROM              4 (a)
             10 STORE_NAME               5 (b)
             11 IMPORT_FROM              6 (c)
             12 STORE_NAME               6 (c)
             13 POP_TOP

  3          14 LOAD_CONST               0 (0)
             15 LOAD_CONST               4 (('*',))
             16 IMPORT_NAME              7 (m)
             17 IMPORT_STAR
             18 LOAD_CONST               1 (None)
             19 RETURN_VALUE
)DIS");
}

TEST_F(CodegenGoldenTest, ReturnThroughFinallyInsideLoop) {
  Compiled compiled("def f(x):\n    for i in x:\n        try:\n            return i\n        finally:\n            print(i)\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 LOAD_CONST               0 (<code object f, file "<test>", line 1>)
              1 MAKE_FUNCTION            0
              2 STORE_NAME               0 (f)
              3 LOAD_CONST               1 (None)
              4 RETURN_VALUE

Disassembly of <code object f, file "<test>", line 1>:
  2           0 LOAD_FAST                0 (x)
              1 GET_ITER
              2 FOR_ITER                28 (to 32)
              4 STORE_FAST               1 (i)

  4           5 LOAD_FAST                1 (i)

  6           6 LOAD_GLOBAL              1 (NULL + print)
              9 LOAD_FAST                1 (i)
             10 CALL                     1
             14 POP_TOP

  4          15 SWAP                     2
             16 POP_TOP
             17 RETURN_VALUE
        >>   18 PUSH_EXC_INFO

  6          19 LOAD_GLOBAL              1 (NULL + print)
             22 LOAD_FAST                1 (i)
             23 CALL                     1
             27 POP_TOP
             28 RERAISE                  0
        >>   29 COPY                     3
             30 POP_EXCEPT
             31 RERAISE                  1
        >>   32 LOAD_CONST               0 (None)
             33 RETURN_VALUE
ExceptionTable:
  5 to 5 -> 18 [1]
  18 to 28 -> 29 [2] lasti
)DIS");
}

TEST_F(CodegenGoldenTest, ChainedComparisonDefaultsAndStarCall) {
  Compiled compiled("def f(a, b=2, *args, c, d=4, **kw):\n    z = a if b else c\n    return z < a <= b\nprint(f(1, c=3), *y, **x)\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 LOAD_CONST               0 ((2,))
              1 LOAD_CONST               1 (4)
              2 LOAD_CONST               2 (('d',))
              3 BUILD_CONST_KEY_MAP      1
              4 LOAD_CONST               3 (<code object f, file "<test>", line 1>)
              5 MAKE_FUNCTION            3 (defaults, kwdefaults)
              6 STORE_NAME               0 (f)

  4           7 PUSH_NULL
              8 LOAD_NAME                1 (print)
              9 PUSH_NULL
             10 LOAD_NAME                0 (f)
             11 LOAD_CONST               4 (1)
             12 LOAD_CONST               5 (3)
             13 KW_NAMES                 6 (('c',))
             14 CALL                     2
             18 BUILD_LIST               1
             19 LOAD_NAME                2 (y)
             20 LIST_EXTEND              1
             21 LIST_TO_TUPLE
             22 BUILD_MAP                0
             23 LOAD_NAME                3 (x)
             24 DICT_MERGE               1
             25 CALL_FUNCTION_EX         1
             26 POP_TOP
             27 LOAD_CONST               7 (None)
             28 RETURN_VALUE

Disassembly of <code object f, file "<test>", line 1>:
  2           0 LOAD_FAST                1 (b)
              1 POP_JUMP_IF_FALSE        2 (to 4)
              2 LOAD_FAST                0 (a)
              3 JUMP_FORWARD             1 (to 5)
        >>    4 LOAD_FAST                2 (c)
        >>    5 STORE_FAST               6 (z)

  3           6 LOAD_FAST                6 (z)
              7 LOAD_FAST                0 (a)
              8 SWAP                     2
              9 COPY                     2
             10 COMPARE_OP               0 (<)
             12 JUMP_IF_FALSE_OR_POP     4 (to 17)
             13 LOAD_FAST                1 (b)
             14 COMPARE_OP               1 (<=)
             16 JUMP_FORWARD             2 (to 19)
        >>   17 SWAP                     2
             18 POP_TOP
        >>   19 RETURN_VALUE
)DIS");
}

TEST_F(CodegenGoldenTest, TryExceptAsElseFinally) {
  Compiled compiled("def g(n):\n    try:\n        a = 1\n    except ValueError as e:\n        a = 2\n    except:\n        a = 3\n    else:\n        a = 4\n    finally:\n        n = 5\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 LOAD_CONST               0 (<code object g, file "<test>", line 1>)
              1 MAKE_FUNCTION            0
              2 STORE_NAME               0 (g)
              3 LOAD_CONST               1 (None)
              4 RETURN_VALUE

Disassembly of <code object g, file "<test>", line 1>:
  3           0 LOAD_CONST               1 (1)
              1 STORE_FAST               1 (a)

  9           2 LOAD_CONST               2 (4)
              3 STORE_FAST               1 (a)
              4 JUMP_FORWARD            26 (to 31)
        >>    5 PUSH_EXC_INFO

  4           6 LOAD_GLOBAL              0 (ValueError)
              9 CHECK_EXC_MATCH
             10 POP_JUMP_IF_FALSE       12 (to 23)
             11 STORE_FAST               2 (e)

  5          12 LOAD_CONST               3 (2)
             13 STORE_FAST               1 (a)
             14 POP_EXCEPT
             15 LOAD_CONST               0 (None)
             16 STORE_FAST               2 (e)
             17 DELETE_FAST              2 (e)
             18 JUMP_FORWARD            12 (to 31)
        >>   19 LOAD_CONST               0 (None)
             20 STORE_FAST               2 (e)
             21 DELETE_FAST              2 (e)
             22 RERAISE                  1

  6     >>   23 POP_TOP

  7          24 LOAD_CONST               4 (3)
             25 STORE_FAST               1 (a)
             26 POP_EXCEPT
             27 JUMP_FORWARD             3 (to 31)
        >>   28 COPY                     3
             29 POP_EXCEPT
             30 RERAISE                  1

 11     >>   31 LOAD_CONST               5 (5)
             32 STORE_FAST               0 (n)
             33 JUMP_FORWARD             7 (to 41)
        >>   34 PUSH_EXC_INFO
             35 LOAD_CONST               5 (5)
             36 STORE_FAST               0 (n)
             37 RERAISE                  0
        >>   38 COPY                     3
             39 POP_EXCEPT
             40 RERAISE                  1
        >>   41 LOAD_CONST               0 (None)
             42 RETURN_VALUE
ExceptionTable:
  0 to 1 -> 5 [0]
  2 to 4 -> 34 [0]
  5 to 11 -> 28 [1] lasti
  12 to 13 -> 19 [1] lasti
  14 to 18 -> 34 [0]
  19 to 25 -> 28 [1] lasti
  26 to 30 -> 34 [0]
  34 to 37 -> 38 [1] lasti
)DIS");
}

TEST_F(CodegenGoldenTest, WithBreakContinueReturn) {
  Compiled compiled("def h(n):\n    with open(n) as f:\n        for i in f:\n            if i:\n                break\n            continue\n        return f\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 LOAD_CONST               0 (<code object h, file "<test>", line 1>)
              1 MAKE_FUNCTION            0
              2 STORE_NAME               0 (h)
              3 LOAD_CONST               1 (None)
              4 RETURN_VALUE

Disassembly of <code object h, file "<test>", line 1>:
  2           0 LOAD_GLOBAL              1 (NULL + open)
              3 LOAD_FAST                0 (n)
              4 CALL                     1
              8 BEFORE_WITH
              9 STORE_FAST               1 (f)

  3          10 LOAD_FAST                1 (f)
             11 GET_ITER
        >>   12 FOR_ITER                 6 (to 20)
             14 STORE_FAST               2 (i)

  4          15 LOAD_FAST                2 (i)
             16 POP_JUMP_IF_FALSE        2 (to 19)

  5          17 POP_TOP
             18 JUMP_FORWARD             1 (to 20)

  6     >>   19 JUMP_BACKWARD            8 (to 12)

  7     >>   20 LOAD_FAST                1 (f)

  2          21 SWAP                     2
             22 LOAD_CONST               0 (None)
             23 LOAD_CONST               0 (None)
             24 LOAD_CONST               0 (None)
             25 CALL                     2
             29 POP_TOP

  7          30 RETURN_VALUE

  2     >>   31 PUSH_EXC_INFO
             32 WITH_EXCEPT_START
             33 POP_JUMP_IF_TRUE         4 (to 38)
             34 RERAISE                  2
        >>   35 COPY                     3
             36 POP_EXCEPT
             37 RERAISE                  1
        >>   38 POP_TOP
             39 POP_EXCEPT
             40 POP_TOP
             41 POP_TOP
             42 LOAD_CONST               0 (None)
             43 RETURN_VALUE
ExceptionTable:
  9 to 20 -> 31 [1] lasti
  31 to 34 -> 35 [3] lasti
  38 to 38 -> 35 [3] lasti
)DIS");
}

TEST_F(CodegenGoldenTest, GeneratorYieldFromAndLambda) {
  Compiled compiled("def gen(it):\n    x = yield 1\n    yield from it\nk = lambda a, *, b=1: a + b\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 LOAD_CONST               0 (<code object gen, file "<test>", line 1>)
              1 MAKE_FUNCTION            0
              2 STORE_NAME               0 (gen)

  4           3 LOAD_CONST               1 (1)
              4 LOAD_CONST               2 (('b',))
              5 BUILD_CONST_KEY_MAP      1
              6 LOAD_CONST               3 (<code object <lambda>, file "<test>", line 4>)
              7 MAKE_FUNCTION            2 (kwdefaults)
              8 STORE_NAME               1 (k)
              9 LOAD_CONST               4 (None)
             10 RETURN_VALUE

Disassembly of <code object gen, file "<test>", line 1>:
  1           0 RETURN_GENERATOR
              1 POP_TOP

  2           2 LOAD_CONST               1 (1)
              3 YIELD_VALUE
              4 STORE_FAST               1 (x)

  3           5 LOAD_FAST                0 (it)
              6 GET_YIELD_FROM_ITER
              7 LOAD_CONST               0 (None)
        >>    8 SEND                     2 (to 11)
              9 YIELD_VALUE
             10 JUMP_BACKWARD            3 (to 8)
        >>   11 POP_TOP
             12 LOAD_CONST               0 (None)
             13 RETURN_VALUE

Disassembly of <code object <lambda>, file "<test>", line 4>:
  4           0 LOAD_FAST                0 (a)
              1 LOAD_FAST                1 (b)
              2 BINARY_OP                0 (+)
              4 RETURN_VALUE
)DIS");
}

TEST_F(CodegenGoldenTest, ConstantFoldingOfDisplays) {
  Compiled compiled("a = (1, -2, (3, \"s\"))\nb = [1, 2, 3]\nc = {\"k\": 1, \"j\": 2}\nd = {1, 2, 3}\nwhile True:\n    pass\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 LOAD_CONST               0 ((1, -2, (3, 's')))
              1 STORE_NAME               0 (a)

  2           2 BUILD_LIST               0
              3 LOAD_CONST               1 ((1, 2, 3))
              4 LIST_EXTEND              1
              5 STORE_NAME               1 (b)

  3           6 LOAD_CONST               2 (1)
              7 LOAD_CONST               3 (2)
              8 LOAD_CONST               4 (('k', 'j'))
              9 BUILD_CONST_KEY_MAP      2
             10 STORE_NAME               2 (c)

  4          11 LOAD_CONST               2 (1)
             12 LOAD_CONST               3 (2)
             13 LOAD_CONST               5 (3)
             14 BUILD_SET                3
             15 STORE_NAME               3 (d)

  6     >>   16 NOP
             17 JUMP_BACKWARD            2 (to 16)
)DIS");
}

TEST_F(CodegenGoldenTest, AssertRaiseDeleteAndGlobals) {
  Compiled compiled("def f(x):\n    global G\n    assert x, \"msg\"\n    G = x\n    del x\n    raise ValueError(\"v\") from None\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 LOAD_CONST               0 (<code object f, file "<test>", line 1>)
              1 MAKE_FUNCTION            0
              2 STORE_NAME               0 (f)
              3 LOAD_CONST               1 (None)
              4 RETURN_VALUE

Disassembly of <code object f, file "<test>", line 1>:
  3           0 LOAD_FAST                0 (x)
              1 POP_JUMP_IF_TRUE         7 (to 9)
              2 LOAD_ASSERTION_ERROR
              3 LOAD_CONST               1 ('msg')
              4 CALL                     0
              8 RAISE_VARARGS            1

  4     >>    9 LOAD_FAST                0 (x)
             10 STORE_GLOBAL             0 (G)

  5          11 DELETE_FAST              0 (x)

  6          12 LOAD_GLOBAL              3 (NULL + ValueError)
             15 LOAD_CONST               2 ('v')
             16 CALL                     1
             20 LOAD_CONST               0 (None)
             21 RAISE_VARARGS            2
)DIS");
}

TEST_F(CodegenGoldenTest, AnnotationsAtModuleLevel) {
  Compiled compiled("x: int = 1\ny: str\nz.a: int\ndef f(a: int) -> str: pass\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 SETUP_ANNOTATIONS
              1 LOAD_CONST               0 (1)
              2 STORE_NAME               0 (x)
              3 LOAD_NAME                1 (int)
              4 LOAD_NAME                2 (__annotations__)
              5 LOAD_CONST               1 ('x')
              6 STORE_SUBSCR

  2           8 LOAD_NAME                3 (str)
              9 LOAD_NAME                2 (__annotations__)
             10 LOAD_CONST               2 ('y')
             11 STORE_SUBSCR

  3          13 LOAD_NAME                4 (z)
             14 POP_TOP
             15 LOAD_NAME                1 (int)
             16 POP_TOP

  4          17 LOAD_CONST               3 ('a')
             18 LOAD_NAME                1 (int)
             19 LOAD_CONST               4 ('return')
             20 LOAD_NAME                3 (str)
             21 BUILD_MAP                2
             22 LOAD_CONST               5 (<code object f, file "<test>", line 4>)
             23 MAKE_FUNCTION            4 (annotations)
             24 STORE_NAME               5 (f)
             25 LOAD_CONST               6 (None)
             26 RETURN_VALUE

Disassembly of <code object f, file "<test>", line 4>:
  4           0 NOP
              1 LOAD_CONST               0 (None)
              2 RETURN_VALUE
)DIS");
}

TEST_F(CodegenGoldenTest, ConstantFoldingOfOperations) {
  Compiled compiled("x = 2 * 3 + 1\ny = \"ab\" * 2\nz = 1 / 0\nw = 2 ** 200\nv = not 1\nu = -(-5)\nt = ~7, 1.5 * 2\ns = \"%s\" % 1\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 LOAD_CONST               0 (7)
              1 STORE_NAME               0 (x)

  2           2 LOAD_CONST               1 ('abab')
              3 STORE_NAME               1 (y)

  3           4 LOAD_CONST               2 (1)
              5 LOAD_CONST               3 (0)
              6 BINARY_OP                3 (/)
              8 STORE_NAME               2 (z)

  4           9 LOAD_CONST               4 (2)
             10 LOAD_CONST               5 (200)
             11 BINARY_OP                6 (**)
             13 STORE_NAME               3 (w)

  5          14 LOAD_CONST               6 (False)
             15 STORE_NAME               4 (v)

  6          16 LOAD_CONST               7 (5)
             17 STORE_NAME               5 (u)

  7          18 LOAD_CONST               8 ((-8, 3.0))
             19 STORE_NAME               6 (t)

  8          20 LOAD_CONST               9 ('%s')
             21 LOAD_CONST               2 (1)
             22 BINARY_OP                5 (%)
             24 STORE_NAME               7 (s)
             25 LOAD_CONST              10 (None)
             26 RETURN_VALUE
)DIS");
}

TEST_F(CodegenGoldenTest, ImportedModuleCallKeepsLoadAttr) {
  Compiled compiled("import os\nos.getcwd()\nos.path.join(a)\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 LOAD_CONST               0 (0)
              1 LOAD_CONST               1 (None)
              2 IMPORT_NAME              0 (os)
              3 STORE_NAME               0 (os)

  2           4 PUSH_NULL
              5 LOAD_NAME                0 (os)
              6 LOAD_ATTR                1 (getcwd)
              9 CALL                     0
             13 POP_TOP

  3          14 LOAD_NAME                0 (os)
             15 LOAD_ATTR                2 (path)
             18 LOAD_METHOD              3 (join)
             21 LOAD_NAME                4 (a)
             22 CALL                     1
             26 POP_TOP
             27 LOAD_CONST               1 (None)
             28 RETURN_VALUE
)DIS");
}

TEST_F(CodegenGoldenTest, IsNoneJumpsAndListsIteratedAsTuples) {
  Compiled compiled("def f(x):\n    if x is None:\n        return [y for y in [1, 2, 3] if y in [x, 2]]\n    for z in [x, 1]:\n        pass\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(compiled.dis(), R"DIS(  1           0 LOAD_CONST               0 (<code object f, file "<test>", line 1>)
              1 MAKE_FUNCTION            0
              2 STORE_NAME               0 (f)
              3 LOAD_CONST               1 (None)
              4 RETURN_VALUE

Disassembly of <code object f, file "<test>", line 1>:
  1           0 MAKE_CELL                0 (x)

  2           1 LOAD_DEREF               0 (x)
              2 POP_JUMP_IF_NOT_NONE    11 (to 14)

  3           3 LOAD_CLOSURE             0 (x)
              4 BUILD_TUPLE              1
              5 LOAD_CONST               1 (<code object <listcomp>, file "<test>", line 3>)
              6 MAKE_FUNCTION            8 (closure)
              7 LOAD_CONST               2 ((1, 2, 3))
              8 GET_ITER
              9 CALL                     0
             13 RETURN_VALUE

  4     >>   14 LOAD_DEREF               0 (x)
             15 LOAD_CONST               3 (1)
             16 BUILD_TUPLE              2
             17 GET_ITER
        >>   18 FOR_ITER                 3 (to 23)
             20 STORE_FAST               1 (z)

  5          21 NOP
             22 JUMP_BACKWARD            5 (to 18)
        >>   23 LOAD_CONST               0 (None)
             24 RETURN_VALUE

Disassembly of <code object <listcomp>, file "<test>", line 3>:
  3           0 COPY_FREE_VARS           1
              1 BUILD_LIST               0
              2 LOAD_FAST                0 (.0)
        >>    3 FOR_ITER                10 (to 15)
              5 STORE_FAST               1 (y)
              6 LOAD_FAST                1 (y)
              7 LOAD_DEREF               2 (x)
              8 LOAD_CONST               0 (2)
              9 BUILD_TUPLE              2
             10 CONTAINS_OP              0
             11 POP_JUMP_IF_FALSE        2 (to 14)
             12 LOAD_FAST                1 (y)
             13 LIST_APPEND              2
        >>   14 JUMP_BACKWARD           12 (to 3)
        >>   15 RETURN_VALUE
)DIS");
}

}  // namespace
}  // namespace stitch::bytecode::testing
