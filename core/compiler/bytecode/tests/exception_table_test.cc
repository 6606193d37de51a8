// Exception tables, stack sizes, line numbers, compile-time errors and code object metadata.
#include <optional>
#include <vector>

#include "core/compiler/bytecode/opcodes.h"
#include "core/compiler/bytecode/tests/codegen_test_support.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::bytecode::testing {
namespace {

using CodegenTableTest = stitch::testing::ObjectTest;

struct Entry {
  std::uint32_t start, end, handler;
  std::uint16_t depth;
  bool lasti;
  bool operator==(const Entry&) const = default;
};

std::vector<Entry> table_of(const CodeObject* code) {
  std::vector<Entry> entries;
  for (const ExceptionTableEntry& e : *code->exception_table) {
    entries.push_back({e.start, e.end, e.handler, e.depth, e.push_lasti});
  }
  return entries;
}

void PrintTo(const Entry& e, std::ostream* os) {
  *os << "{" << e.start << ", " << e.end << ", " << e.handler << ", " << e.depth << ", " << e.lasti << "}";
}

/// Offset of the first instruction with opcode `op` (and oparg `arg` when given), or -1.
int find_op(const CodeObject* code, Opcode op, int arg = -1) {
  for (std::int64_t offset = 0; offset < code->bytecode_words;) {
    std::uint32_t word = code->bytecode[offset];
    if (word_opcode(word) == op && (arg < 0 || word_oparg(word) == static_cast<std::uint32_t>(arg))) {
      return static_cast<int>(offset);
    }
    offset += 1 + opcode_cache_words(word_opcode(word));
  }
  return -1;
}

// The tables below were checked against CPython 3.11's for the same functions (offsets differ:
// ours count words and skip RESUME/PRECALL; the ranges, handlers, depths and lasti agree).
TEST_F(CodegenTableTest, TryExceptHandlersAndCleanup) {
  Compiled compiled("def g():\n    try:\n        a()\n    except ValueError as e:\n        b()\n    except:\n        c()\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  const CodeObject* g = compiled.nested("g");
  ASSERT_NE(g, nullptr);
  std::vector<Entry> entries = table_of(g);
  ASSERT_EQ(entries.size(), 4u) << compiled.dis();
  // The body goes to the PUSH_EXC_INFO handler with nothing on the stack.
  EXPECT_EQ(entries[0].start, 0u);
  EXPECT_EQ(entries[0].depth, 0);
  EXPECT_FALSE(entries[0].lasti);
  int push_exc_info = find_op(g, Opcode::PUSH_EXC_INFO);
  EXPECT_EQ(entries[0].handler, static_cast<std::uint32_t>(push_exc_info));
  // Inside the handlers the previous exception is on the stack (depth 1) and lasti is pushed.
  for (size_t i = 1; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].depth, 1) << i;
    EXPECT_TRUE(entries[i].lasti) << i;
  }
  // `except ... as e` has its own cleanup handler that deletes e and re-raises.
  int reraise_one = find_op(g, Opcode::RERAISE, 1);
  EXPECT_EQ(entries[2].handler + 3, static_cast<std::uint32_t>(reraise_one)) << compiled.dis();
}

TEST_F(CodegenTableTest, TryFinallyAndWithTables) {
  Compiled finally("def g(n):\n    try:\n        a = 1\n    finally:\n        n = 5\n");
  ASSERT_TRUE(finally.ok()) << finally.error();
  EXPECT_EQ(table_of(finally.nested("g")), (std::vector<Entry>{{0, 2, 5, 0, false}, {5, 9, 9, 1, true}}))
      << finally.dis();

  Compiled with("def h(n):\n    with open(n) as f:\n        for i in f:\n            if i:\n                break\n"
                "            continue\n        return f\n");
  ASSERT_TRUE(with.ok()) << with.error();
  EXPECT_EQ(table_of(with.nested("h")),
            (std::vector<Entry>{{9, 21, 31, 1, true}, {31, 35, 35, 3, true}, {38, 39, 35, 3, true}}))
      << with.dis();
}

TEST_F(CodegenTableTest, ForLoopBodyHandlerKeepsTheIterator) {
  Compiled compiled("def f(x):\n    for i in x:\n        try:\n            g(i)\n        except E:\n            pass\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  std::vector<Entry> entries = table_of(compiled.nested("f"));
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0].depth, 1) << compiled.dis();  // the iterator stays below
  EXPECT_FALSE(entries[0].lasti);
}

TEST_F(CodegenTableTest, NoTableWithoutTry) {
  Compiled compiled("def f(x):\n    return [y for y in x]\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_TRUE(compiled.code()->exception_table->empty());
  EXPECT_TRUE(compiled.nested("f")->exception_table->empty());
}

// co_stacksize of CPython 3.11 for the same snippets.
TEST_F(CodegenTableTest, StackSizesMatchCPython) {
  struct Case {
    const char* source;
    const char* function;  // nullptr: the module
    int expected;
  };
  const Case cases[] = {
      {"x = 1\n", nullptr, 1},
      {"f(a, b, c)\n", nullptr, 5},
      {"o.m(1, 2, k=3)\n", nullptr, 5},
      {"x = [1, a, *b, c]\n", nullptr, 2},
      {"a, b = c, d = e\n", nullptr, 3},
      {"def f():\n    for i in x:\n        with a as b:\n            try:\n                pass\n"
       "            except E as e:\n                pass\n",
       "f", 7},
      {"x = a < b < c < d\n", nullptr, 3},
      {"x = {a: b, **c, d: e}\n", nullptr, 3},
      {"x[a:b:c] = y\n", nullptr, 5},
  };
  for (const Case& c : cases) {
    Compiled compiled(c.source);
    ASSERT_TRUE(compiled.ok()) << compiled.error();
    const CodeObject* code = c.function != nullptr ? compiled.nested(c.function) : compiled.code();
    ASSERT_NE(code, nullptr);
    EXPECT_EQ(code->stacksize, c.expected) << c.source << compiled.dis();
  }
}

TEST_F(CodegenTableTest, LineNumbersOfMultiLineExpressions) {
  Compiled compiled("a = 1\nb = foo(\n  a,\n  undefined)\nc = (1 +\n     y)\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  const CodeObject* code = compiled.code();
  auto line_of = [&](Opcode op, int arg = -1) {
    int offset = find_op(code, op, arg);
    EXPECT_GE(offset, 0);
    return code_line_for_offset(code, static_cast<std::uint32_t>(offset));
  };
  EXPECT_EQ(line_of(Opcode::STORE_NAME, 0), 1);
  EXPECT_EQ(line_of(Opcode::LOAD_NAME, 1), 2);  // foo
  EXPECT_EQ(line_of(Opcode::LOAD_NAME, 0), 3);  // a
  EXPECT_EQ(line_of(Opcode::LOAD_NAME, 2), 4);  // undefined
  EXPECT_EQ(line_of(Opcode::CALL), 2);          // the call reports its first line, as CPython
  EXPECT_EQ(line_of(Opcode::LOAD_NAME, 4), 6);  // y
  EXPECT_EQ(line_of(Opcode::BINARY_OP), 5);
  // Every instruction of straight-line code has a line.
  for (std::int64_t offset = 0; offset < code->bytecode_words; ++offset) {
    EXPECT_GE(code_line_for_offset(code, static_cast<std::uint32_t>(offset)), 1) << offset;
  }
}

TEST_F(CodegenTableTest, CodeObjectMetadata) {
  Compiled compiled(
      "def outer():\n    def f(a, /, b, *c, d, **e):\n        yield a\n    class K:\n        def m(self): pass\n"
      "    return f, K\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  const CodeObject* f = compiled.nested("f");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->argcount, 2);
  EXPECT_EQ(f->posonlyargcount, 1);
  EXPECT_EQ(f->kwonlyargcount, 1);
  EXPECT_EQ(f->flags & code_flags::kGenerator, code_flags::kGenerator);
  EXPECT_EQ(f->flags & code_flags::kVarargs, code_flags::kVarargs);
  EXPECT_EQ(f->flags & code_flags::kVarkeywords, code_flags::kVarkeywords);
  EXPECT_EQ(f->flags & code_flags::kNested, code_flags::kNested);
  EXPECT_EQ(str_view(f->qualname), "outer.<locals>.f");
  EXPECT_EQ(word_opcode(f->bytecode[0]), Opcode::RETURN_GENERATOR);
  EXPECT_EQ(word_opcode(f->bytecode[1]), Opcode::POP_TOP);
  EXPECT_EQ(str_view(compiled.nested("m")->qualname), "outer.<locals>.K.m");
  EXPECT_EQ(str_view(compiled.nested("K")->qualname), "outer.<locals>.K");
  // Parameters come first in localsplus, in CPython's order: positional, keyword-only, *, **.
  auto* names = as_tuple(f->localsplus_names);
  ASSERT_GE(names->size, 5);
  EXPECT_EQ(str_view(names->items[0]), "a");
  EXPECT_EQ(str_view(names->items[1]), "b");
  EXPECT_EQ(str_view(names->items[2]), "d");
  EXPECT_EQ(str_view(names->items[3]), "c");
  EXPECT_EQ(str_view(names->items[4]), "e");
}

TEST_F(CodegenTableTest, GlobalDeclaredFunctionHasPlainQualname) {
  Compiled compiled("def outer():\n    global g\n    def g(): pass\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  EXPECT_EQ(str_view(compiled.nested("g")->qualname), "g");
}

// CPython's limit of 20 frame blocks. The front end already rejects deep statement nesting; the
// compiler's own check (which also counts except handlers) reports the same error.
TEST_F(CodegenTableTest, TooManyStaticallyNestedBlocks) {
  std::string source;
  for (int depth = 0; depth < 21; ++depth) source += std::string(static_cast<size_t>(depth), ' ') + "for x in y:\n";
  source += std::string(21, ' ') + "pass\n";
  compiler::FrontendResult frontend = compiler::run_frontend(source, "deep.py");
  std::optional<compiler::SyntaxError> error = frontend.error;
  if (frontend.ok()) error = compile_module(frontend).error;
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->summary(), "SyntaxError: too many statically nested blocks");
  EXPECT_EQ(error->line, 21);

  // Ten nested try/except handlers are 20 frame blocks (handler + cleanup each) plus the try
  // bodies popped before the handlers: CPython accepts them, and so do we.
  std::string handlers;
  for (int depth = 0; depth < 10; ++depth) {
    std::string indent(static_cast<size_t>(2 * depth), ' ');
    handlers += indent + "try:\n" + indent + " pass\n" + indent + "except:\n";
  }
  handlers += std::string(20, ' ') + "pass\n";
  Compiled ten(handlers);
  EXPECT_TRUE(ten.ok()) << ten.error();

  std::string twenty;
  for (int depth = 0; depth < 20; ++depth) twenty += std::string(static_cast<size_t>(depth), ' ') + "for x in y:\n";
  twenty += std::string(20, ' ') + "pass\n";
  Compiled ok(twenty);
  EXPECT_TRUE(ok.ok()) << ok.error();
}

TEST_F(CodegenTableTest, ConstantsAreDeduplicatedByTypeAndValue) {
  Compiled compiled("a = 1\nb = 1\nc = True\nd = 'x'\ne = 'x'\nf = 1.0\ng = 0x1\n");
  ASSERT_TRUE(compiled.ok()) << compiled.error();
  auto* consts = as_tuple(compiled.code()->consts);
  // 1 (also 0x1), True, 'x', 1.0, None.
  EXPECT_EQ(consts->size, 5) << compiled.dis();
}

// Constants and nested code objects are owned by their parent: dropping the module code object
// releases them (nested code objects at the runtime's shutdown sweep; the ASan build checks the
// memory side).
TEST_F(CodegenTableTest, CodeConstantsAreImmortalNestedCodeIsDeferredTheModuleCodeIsOrdinary) {
  // Every thread running a function loads its constants: they are immortal (no shared count to
  // contend on), tuple items included. Nested code objects are deferred instead (counted per
  // thread, freed with their runtime, not kept for the life of the process per compile). The
  // module's own code object is not a constant and stays an ordinary object, and so do the
  // constants tuples (only their code object references them).
  compiler::FrontendResult frontend = compiler::run_frontend(
      "def f():\n    x = 'hello, world!'\n    return x, 123456789012345678901234567890, (1.5, 'in a tuple')\n",
      "own.py");
  ASSERT_TRUE(frontend.ok());
  CompileResult result = compile_module(frontend);
  ASSERT_TRUE(result.ok());
  Object* module = result.code;
  EXPECT_FALSE(is_immortal(module));
  Object* nested = nullptr;
  auto* consts = as_tuple(as_code(module)->consts);
  for (std::int64_t i = 0; i < consts->size; ++i) {
    if (type_of(consts->items[i]) == &code_type) nested = consts->items[i];
  }
  ASSERT_NE(nested, nullptr);
  EXPECT_FALSE(is_immortal(nested));
  EXPECT_TRUE(is_deferred(nested));
  EXPECT_FALSE(is_immortal(as_code(module)->consts));
  EXPECT_FALSE(is_immortal(as_code(nested)->consts));
  // Names, filename and qualname are interned: one immortal object however often it is compiled.
  EXPECT_TRUE(is_immortal(as_code(nested)->qualname));
  EXPECT_TRUE(is_immortal(as_code(nested)->filename));
  EXPECT_EQ(as_code(nested)->filename, as_code(module)->filename);
  int checked = 0;
  auto* nested_consts = as_tuple(as_code(nested)->consts);
  for (std::int64_t i = 0; i < nested_consts->size; ++i) {
    Object* constant = nested_consts->items[i];
    EXPECT_TRUE(is_immortal(constant)) << type_of(constant)->name;
    if (is_tuple(constant)) {
      for (std::int64_t j = 0; j < as_tuple(constant)->size; ++j) EXPECT_TRUE(is_immortal(as_tuple(constant)->items[j]));
    }
    ++checked;
  }
  EXPECT_GE(checked, 3);
  // Dropping the module frees its code object; the nested one waits for the runtime's sweep.
  decref(module);
  EXPECT_TRUE(is_deferred(nested));
}

}  // namespace
}  // namespace stitch::bytecode::testing
