// Code objects: the compiler's output for one module, function, class body, lambda or
// comprehension. Immutable after creation, except the bytecode words the specializer rewrites
// (atomic 32-bit stores: every variant of an op has the same oparg and cache layout) and the
// JIT executor pointer (published with a release store once complete).
//
// localsplus: the frame's slots, in order: parameters and other fast locals, then cells (names
// bound here and captured by inner functions; a parameter that is captured is both, see
// kLocalKind* flags), then free variables (cells passed in through the function's closure).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

namespace code_flags {
inline constexpr std::uint32_t kOptimized = 0x0001;   // fast locals (functions, comprehensions)
inline constexpr std::uint32_t kNewLocals = 0x0002;
inline constexpr std::uint32_t kVarargs = 0x0004;     // *args
inline constexpr std::uint32_t kVarkeywords = 0x0008; // **kwargs
inline constexpr std::uint32_t kNested = 0x0010;
inline constexpr std::uint32_t kGenerator = 0x0020;
}  // namespace code_flags

namespace local_kind {
inline constexpr std::uint8_t kLocal = 0x20;
inline constexpr std::uint8_t kCell = 0x40;
inline constexpr std::uint8_t kFree = 0x80;
inline constexpr std::uint8_t kArgument = 0x01;  // also a parameter
}  // namespace local_kind

/// Instruction offset (in words) -> source position, for tracebacks.
struct LineTableEntry {
  std::uint32_t start;      // first instruction word of the range
  std::int32_t line;        // -1: no line (artificial instructions)
  std::int32_t end_line;
  std::int32_t column;      // 0-based code-point columns, -1 unknown
  std::int32_t end_column;
};

/// A try block: instructions [start, end) are covered by `handler`.
struct ExceptionTableEntry {
  std::uint32_t start;
  std::uint32_t end;
  std::uint32_t handler;
  std::uint16_t depth;      // value stack depth to pop to before pushing the exception
  bool push_lasti;          // push the raising instruction's offset (for RERAISE 1)
};

/// Everything the compiler produces for one code object; code_new() takes it over.
struct CodeSpec {
  std::int32_t argcount = 0;          // positional parameters, positional-only included
  std::int32_t posonlyargcount = 0;
  std::int32_t kwonlyargcount = 0;
  std::uint32_t flags = 0;
  std::int32_t stacksize = 0;
  std::int32_t firstlineno = 1;
  std::vector<Object*> consts;        // owned references
  std::vector<std::string> names;     // globals, attributes, imported names
  std::vector<std::string> localsplus_names;
  std::vector<std::uint8_t> localsplus_kinds;
  std::vector<std::uint32_t> bytecode;
  std::vector<LineTableEntry> lines;
  std::vector<ExceptionTableEntry> exception_table;
  std::string filename;
  std::string name;
  std::string qualname;
};

struct CodeObject : Object {
  std::int32_t argcount;
  std::int32_t posonlyargcount;
  std::int32_t kwonlyargcount;
  std::uint32_t flags;
  std::int32_t stacksize;
  std::int32_t firstlineno;
  std::int32_t nlocalsplus;
  std::int32_t nlocals;   // slots before the cells
  std::int32_t ncells;
  std::int32_t nfrees;
  Object* consts;          // tuple
  Object* names;           // tuple of interned str
  Object* localsplus_names;  // tuple of interned str
  Object* filename;        // str
  Object* name;            // str
  Object* qualname;        // str
  std::uint8_t* localsplus_kinds;
  std::uint32_t* bytecode;  // the words; specializable in place (atomic word stores)
  std::int64_t bytecode_words;
  std::vector<LineTableEntry>* lines;
  std::vector<ExceptionTableEntry>* exception_table;
  std::atomic<void*> executor;          // JIT executor, or nullptr (core/interp/jit_interface.h)
  std::atomic<std::int32_t> jit_warmup;  // entries + back-edges counted towards JIT compilation
};

/// Called when a code object that has a JIT executor is freed (installed by the JIT).
using CodeExecutorFreedHook = void (*)(CodeObject* code, void* executor);
void set_code_executor_freed_hook(CodeExecutorFreedHook hook);

extern TypeObject code_type;

inline CodeObject* as_code(Object* object) { return static_cast<CodeObject*>(object); }

/// Builds a code object from `spec` (its consts' references move into the code object).
Object* code_new(CodeSpec&& spec);
/// The source line of the instruction at word `offset`, or -1.
std::int32_t code_line_for_offset(const CodeObject* code, std::uint32_t offset);

void init_code_type();
/// co_* attributes of code objects and cell_contents of cells (code_attributes.cpp).
void init_code_attributes();

}  // namespace stitch
