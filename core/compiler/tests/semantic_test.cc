// Compile-time checks (semantic_checks.h) and the scope errors they share a pass with: CPython
// 3.11's message and position for each rejected snippet, and acceptance of the look-alikes CPython
// accepts (so that no check fires where it should not).
//
// Each expected value was produced by compile(source, "t.py", "exec") under python3 (CPython
// 3.11.7), as "Kind: msg (lineno, offset, end_lineno, end_offset)" or "OK".
#include <gtest/gtest.h>

#include "core/compiler/tests/test_support.h"

namespace stitch::compiler {
namespace {

struct SemanticCase {
  const char* source;
  const char* expected;
};

// clang-format off
const SemanticCase kCases[] = {
    {"return 1\n",
     "SyntaxError: 'return' outside function (1, 1, 1, 9)"},
    {"class C:\n    return 1\n",
     "SyntaxError: 'return' outside function (2, 5, 2, 13)"},
    {"def f():\n    class C:\n        return 1\n",
     "SyntaxError: 'return' outside function (3, 9, 3, 17)"},
    {"def f():\n    return 1\n",
     "OK"},
    {"yield 1\n",
     "SyntaxError: 'yield' outside function (1, 1, 1, 8)"},
    {"class C:\n    yield\n",
     "SyntaxError: 'yield' outside function (2, 5, 2, 10)"},
    {"x = [(yield) for i in y]\n",
     "SyntaxError: 'yield' inside list comprehension (1, 7, 1, 12)"},
    {"def f():\n    x = [(yield) for i in y]\n",
     "SyntaxError: 'yield' inside list comprehension (2, 11, 2, 16)"},
    {"def f():\n    return (yield from g())\n",
     "OK"},
    {"await x\n",
     "SyntaxError: 'await' outside function (1, 1, 1, 8)"},
    {"def f():\n    await x\n",
     "SyntaxError: 'await' outside async function (2, 5, 2, 12)"},
    {"break\n",
     "SyntaxError: 'break' outside loop (1, 1, 1, 6)"},
    {"while x:\n    def f():\n        break\n",
     "SyntaxError: 'break' outside loop (3, 9, 3, 14)"},
    {"for i in x:\n    try:\n        pass\n    finally:\n        continue\n",
     "OK"},
    {"for i in x:\n    class C:\n        continue\n",
     "SyntaxError: 'continue' not properly in loop (3, 9, 3, 17)"},
    {"while x:\n    if y:\n        break\n    else:\n        continue\nelse:\n    pass\n",
     "OK"},
    {"continue\n",
     "SyntaxError: 'continue' not properly in loop (1, 1, 1, 9)"},
    {"nonlocal x\n",
     "SyntaxError: nonlocal declaration not allowed at module level (1, 1, 1, 11)"},
    {"class C:\n    nonlocal x\n",
     "SyntaxError: no binding for nonlocal 'x' found (2, 5, 2, 15)"},
    {"def f():\n    nonlocal x\n",
     "SyntaxError: no binding for nonlocal 'x' found (2, 5, 2, 15)"},
    {"def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
     "SyntaxError: name 'x' is nonlocal and global (4, 9, 4, 17)"},
    {"def f(a, b, a):\n    pass\n",
     "SyntaxError: duplicate argument 'a' in function definition (1, 13, 1, 14)"},
    {"def f(a, *, a):\n    pass\n",
     "SyntaxError: duplicate argument 'a' in function definition (1, 13, 1, 14)"},
    {"lambda a, a: 1\n",
     "SyntaxError: duplicate argument 'a' in function definition (1, 11, 1, 12)"},
    {"def f(*a, **a):\n    pass\n",
     "SyntaxError: duplicate argument 'a' in function definition (1, 13, 1, 14)"},
    {"def f(a):\n    global a\n",
     "SyntaxError: name 'a' is parameter and global (2, 5, 2, 13)"},
    {"def f():\n    x = 1\n    global x\n",
     "SyntaxError: name 'x' is assigned to before global declaration (3, 5, 3, 13)"},
    {"def f():\n    print(x)\n    global x\n",
     "SyntaxError: name 'x' is used prior to global declaration (3, 5, 3, 13)"},
    {"x = 1\nglobal x\n",
     "SyntaxError: name 'x' is assigned to before global declaration (2, 1, 2, 9)"},
    {"def f():\n    import x\n    global x\n",
     "OK"},
    {"def f():\n    x: int\n    global x\n",
     "SyntaxError: annotated name 'x' can't be global (3, 5, 3, 13)"},
    {"def f():\n    from os import *\n",
     "SyntaxError: import * only allowed at module level (2, 20, 2, 21)"},
    {"from os import *\n",
     "OK"},
    {"f(a=1, a=2)\n",
     "SyntaxError: keyword argument repeated: a (1, 8, 1, 11)"},
    {"f(a=1, *b, a=2)\n",
     "SyntaxError: keyword argument repeated: a (1, 12, 1, 15)"},
    {"f(**{}, a=1, a=2)\n",
     "SyntaxError: keyword argument repeated: a (1, 14, 1, 17)"},
    {"*a = b\n",
     "SyntaxError: starred assignment target must be in a list or tuple (1, 1, 1, 3)"},
    {"*a, *b = c\n",
     "SyntaxError: multiple starred expressions in assignment (1, 1, 1, 7)"},
    {"a, *b, c = d\n",
     "OK"},
    {"del *a, b\n",
     "SyntaxError: cannot delete starred (1, 5, 1, 7)"},
    {"print(*a)\n",
     "OK"},
    {"x = *a, *b\n",
     "OK"},
    {"__debug__ = 1\n",
     "SyntaxError: cannot assign to __debug__ (1, 1, 1, 10)"},
    {"def f(__debug__): pass\n",
     "SyntaxError: cannot assign to __debug__ (1, 1, 1, 23)"},
    {"del __debug__\n",
     "SyntaxError: cannot delete __debug__ (1, 5, 1, 14)"},
    {"x.__debug__ = 1\n",
     "SyntaxError: cannot assign to __debug__ (1, 1, 1, 12)"},
    {"import __debug__\n",
     "SyntaxError: cannot assign to __debug__ (1, 1, 1, 17)"},
    {"f(__debug__=1)\n",
     "SyntaxError: cannot assign to __debug__ (1, 1, 1, 15)"},
    {"x = 1\nfrom __future__ import annotations\n",
     "SyntaxError: from __future__ imports must occur at the beginning of the file (2, 1, 2, 35)"},
    {"\"\"\"doc\"\"\"\nfrom __future__ import annotations\n",
     "OK"},
    {"from __future__ import braces\n",
     "SyntaxError: not a chance (1, 1, 1, 0)"},
    {"from __future__ import nested_scopes, generators\n",
     "OK"},
    {"from __future__ import spam\n",
     "SyntaxError: future feature spam is not defined (1, 1, 1, 0)"},
    {"try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
     "SyntaxError: default 'except:' must be last (3, 1, 4, 9)"},
    {"def f():\n    async with x:\n        pass\n",
     "SyntaxError: 'async with' outside async function (2, 5, 3, 13)"},
    {"def f():\n    async for i in x:\n        pass\n",
     "SyntaxError: 'async for' outside async function (2, 5, 3, 13)"},
    {"def f():\n    return [i async for i in x]\n",
     "SyntaxError: asynchronous comprehension outside of an asynchronous function (2, 12, 2, 32)"},
    {"[x := 1 for x in y]\n",
     "SyntaxError: assignment expression cannot rebind comprehension iteration variable 'x' (1, 2, 1, 3)"},
    {"[i for i in (j := y)]\n",
     "SyntaxError: assignment expression cannot be used in a comprehension iterable expression (1, 14, 1, 20)"},
    {"class C:\n    [(z := i) for i in y]\n",
     "SyntaxError: assignment expression within a comprehension cannot be used in a class body (2, 7, 2, 8)"},
    {"def f():\n    [[(x := j) for j in range(2)] for x in range(3)]\n",
     "SyntaxError: assignment expression cannot rebind comprehension iteration variable 'x' (2, 8, 2, 9)"},
    {"def f(x):\n    [(x := i) for i in y]\n    return x\n",
     "OK"},
    {"def f():\n    global x\n    [(x := i) for i in y]\n",
     "OK"},
    {"(a, b) += 1\n",
     "SyntaxError: 'tuple' is an illegal expression for augmented assignment (1, 1, 1, 7)"},
    {"[a, b]: int = 1\n",
     "SyntaxError: only single target (not list) can be annotated (1, 1, 1, 7)"},
    {"f() = 1\n",
     "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? (1, 1, 1, 4)"},
    {"a + 1 = 2\n",
     "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? (1, 1, 1, 6)"},
    {"None = 1\n",
     "SyntaxError: cannot assign to None (1, 1, 1, 5)"},
    {"def f():\n    x = yield\n    return x\n",
     "OK"},
    {"def f():\n    def g():\n        nonlocal x\n    x = 1\n",
     "OK"},
    {"def f():\n    for x in range(3):\n        def g():\n            nonlocal x\n            x = 1\n",
     "OK"},
};
// clang-format on

TEST(Semantic, MatchCPython) {
  for (const SemanticCase& c : kCases) EXPECT_EQ(testing::describe_error(c.source), c.expected) << "source:\n" << c.source;
}

// Where several errors are present, the first in CPython's order is reported: parser errors,
// then symtable errors (in source order), then compiler errors (in source order).
TEST(Semantic, FirstErrorInCPythonOrder) {
  EXPECT_EQ(testing::describe_error("return 1\ndef f(a, a):\n    pass\n"),
            "SyntaxError: duplicate argument 'a' in function definition (2, 10, 2, 11)");
  EXPECT_EQ(testing::describe_error("break\nnonlocal x\n"),
            "SyntaxError: nonlocal declaration not allowed at module level (2, 1, 2, 11)");
  EXPECT_EQ(testing::describe_error("break\ncontinue\n"), "SyntaxError: 'break' outside loop (1, 1, 1, 6)");
  EXPECT_EQ(testing::describe_error("nonlocal x\nx = (\n"), "SyntaxError: '(' was never closed (2, 5, 2, 0)");
}

}  // namespace
}  // namespace stitch::compiler
