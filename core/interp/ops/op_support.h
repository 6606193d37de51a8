// What every op definition needs: the Frame, the object headers, the out-of-line error helpers,
// and STITCH_OP.
//
// An op is defined once, as an always-inline function in ops/*.h. The interpreter's dispatch loop
// (eval.cpp) calls it for every instruction, and the JIT's stencil template
// (jit/stencils/op_stencils.cpp) calls the same function in the stencil of that op, so both run
// one definition. The convention:
//
//   bool op_name(Frame* frame, Object**& sp, std::uint32_t oparg[, extra]);
//     true: done, continue with the next instruction. false: an exception is set.
//   Branch op_name(...)  for ops that may jump: kError, kFallThrough or kJump.
//
// Ops read and write only `frame` and the value stack through `sp`; they never change which frame
// runs (calls to Python functions, returns, generator resumption stay in eval.cpp, and the JIT
// leaves them to the interpreter). Anything an op calls out of line is an ordinary function with
// external linkage, so a stencil reaches it through its GOT; nothing here may touch a
// thread_local directly (stencils cannot have TLS relocations): exec_state() is out of line in
// the stencil build (see core/object/exec_state.h).
#pragma once

#include <cstdint>

#include "core/interp/frame.h"
#include "core/object/object.h"
#include "core/object/tuple.h"

#define STITCH_OP [[gnu::always_inline]] inline

namespace stitch::interp::ops {

enum class Branch : int { kError = -1, kFallThrough = 0, kJump = 1 };

inline Object* name_at(const CodeObject* code, std::uint32_t index) { return as_tuple(code->names)->items[index]; }
inline Object* const_at(const CodeObject* code, std::uint32_t index) { return as_tuple(code->consts)->items[index]; }

// Out of line (op_helpers.cpp): error paths and lookups that are too big to inline everywhere.
void raise_unbound_local(CodeObject* code, std::uint32_t index);
void raise_unbound_free(CodeObject* code, std::uint32_t index);
/// NameError, remembering where the name was looked up for the "Did you mean" hint.
void raise_name_error(Object* name, CodeObject* code, Object* globals, Object* builtins);
/// globals, then builtins. New reference, or nullptr (NameError set when missing).
Object* load_global(CodeObject* code, Object* globals, Object* builtins, Object* name);

}  // namespace stitch::interp::ops
