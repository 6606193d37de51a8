// The AST utilities: for_each_child (ast_walk.h) reaches every expression and statement, in
// source order, and the parser's bound on tree depth (kMaxChainDepth) that keeps the recursive
// passes after it safe. Node shapes and positions are in parser_test.cc and fstring_test.cc.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "core/compiler/ast_walk.h"
#include "core/compiler/tests/test_support.h"

namespace stitch::compiler {
namespace {

// Expressions and statements reached by for_each_child from the module body, in visit order.
struct Walked {
  int count = 0;
  std::vector<SourceRange> order;
};

void walk_expr(const Expr* e, Walked& walked) {
  walked.count += 1;
  walked.order.push_back(e->range);
  for_each_child(e, [&](const Expr* child) { walk_expr(child, walked); });
}

void walk_stmt(const Stmt* s, Walked& walked) {
  walked.count += 1;
  walked.order.push_back(s->range);
  for_each_child(
      s, [&](const Expr* child) { walk_expr(child, walked); }, [&](const Stmt* child) { walk_stmt(child, walked); });
}

// Nodes in the dump that are expressions or statements (helper nodes have their own labels).
int dumped_nodes(const std::string& dump) {
  std::istringstream lines(dump);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    if (line == "Module" || line.ends_with(": None")) continue;  // a missing keyword-only default
    bool helper = false;
    for (const char* label : {": arg ", ": keyword ", ": alias ", ": comprehension", ": ExceptHandler"}) {
      if (line.find(label) != std::string::npos) helper = true;
    }
    if (!helper) count += 1;
  }
  return count;
}

constexpr const char* kEveryConstruct =
    "import a.b as c\n"
    "from d import e, f as g\n"
    "@dec(1)\n"
    "def func(p: int, /, q=2, *args: str, r, s=3, **kw) -> bool:\n"
    "    global G\n"
    "    x: list[int] = [1, *args]\n"
    "    y = {k: v for k, v in kw.items() if k}\n"
    "    z = {q, *args} | {i for i in range(3)}\n"
    "    w = (i for i in x) if p else lambda m, n=1: m\n"
    "    del x[0], y\n"
    "    assert p, 'message'\n"
    "    return (yield from x)\n"
    "class C(Base, metaclass=M):\n"
    "    attr = f'{a!r:>{width}} {b=}'\n"
    "    def m(self):\n"
    "        nonlocal_free = 1\n"
    "        def inner():\n"
    "            nonlocal nonlocal_free\n"
    "            nonlocal_free += 1\n"
    "        return inner\n"
    "for i, j in pairs:\n"
    "    if i < j <= 3 and not i or j:\n"
    "        continue\n"
    "    elif -i:\n"
    "        break\n"
    "else:\n"
    "    pass\n"
    "while (n := n - 1) > 0:\n"
    "    x = a[1:2, ::3]\n"
    "try:\n"
    "    raise E from cause\n"
    "except (A, B) as err:\n"
    "    pass\n"
    "else:\n"
    "    pass\n"
    "finally:\n"
    "    pass\n"
    "with open(p) as fh, lock:\n"
    "    print(*a, sep='', **kw)\n"
    "x = 1 if y else 2\n"
    "a.b, *c = d\n"
    "a += 1\n";

TEST(AstWalk, ReachesEveryNodeTheDumpShows) {
  FrontendResult result = run_frontend(kEveryConstruct, "t.py");
  ASSERT_TRUE(result.ok()) << result.error->summary();
  Walked walked;
  for (const Stmt* statement : result.module->body) walk_stmt(statement, walked);
  EXPECT_EQ(walked.count, dumped_nodes(dump_ast(*result.module, DumpOptions{false})));
}

TEST(AstWalk, ChildrenComeInSourceOrder) {
  FrontendResult result = run_frontend(
      "f(a, b + c, *d, k=e, **g)[h].i\n"
      "x = [y for y in z if w]\n"
      "def m(p=q, *, r=s) -> t:\n"
      "    u\n",
      "t.py");
  ASSERT_TRUE(result.ok()) << result.error->summary();
  std::string names;
  auto on_expr = [&](auto& self, const Expr* e) -> void {
    if (e->kind == ExprKind::Name) names += std::string(e->as<Name>()->id) + " ";
    for_each_child(e, [&](const Expr* child) { self(self, child); });
  };
  auto on_stmt = [&](auto& self, const Stmt* s) -> void {
    for_each_child(
        s, [&](const Expr* child) { on_expr(on_expr, child); }, [&](const Stmt* child) { self(self, child); });
  };
  for (const Stmt* statement : result.module->body) on_stmt(on_stmt, statement);
  // Source order, except that a comprehension's clauses come before its element (ast_walk.h).
  EXPECT_EQ(names, "f a b c d e g h x y z w y q s t u ");
}

std::string chain(const char* link, int count) {
  std::string source = "x = ";
  for (int i = 0; i < count; ++i) source += link;
  return source + "a\n";
}

TEST(AstDepth, LongChainsAreBoundedByKMaxChainDepth) {
  // A chain builds a left-nested tree in a loop; past kMaxChainDepth levels (counting the
  // statement) the parse fails at the deepest node instead of leaving a tree that the recursive
  // passes could not walk. CPython fails there too ("RecursionError: maximum recursion depth
  // exceeded during compilation").
  EXPECT_EQ(testing::describe_error(chain("a+", kMaxChainDepth - 2)), "OK");
  EXPECT_EQ(testing::describe_error(chain("a+", kMaxChainDepth - 1)),
            "SyntaxError: expression too deeply nested (1, 6002, 1, 6003)");
  EXPECT_EQ(testing::error_of(chain("a.", kMaxChainDepth + 10)).message, "expression too deeply nested");
  EXPECT_EQ(testing::error_of(chain("f()+", kMaxChainDepth)).message, "expression too deeply nested");
}

TEST(AstDepth, RecursiveConstructsAreBoundedByKMaxNestingDepth) {
  EXPECT_EQ(testing::describe_error(chain("-", kMaxNestingDepth - 2)), "OK");
  EXPECT_EQ(testing::describe_error(chain("-", kMaxNestingDepth)),
            "SyntaxError: expression too deeply nested (1, 1003, 1, 1004)");
  EXPECT_EQ(testing::error_of(chain("lambda: ", kMaxNestingDepth)).message, "expression too deeply nested");
}

}  // namespace
}  // namespace stitch::compiler
