// The toy machine: a tiny stack machine whose ops are written as stencils.
//
// It exists only to prove the backend end to end before the interpreter's real ops exist.
// State lives in a ToyFrame (locals) plus an explicit operand-stack pointer. Stencils receive
// (frame, stack_pointer) as arguments; with STITCH_STENCIL_CC = preserve_none both stay in
// callee-saved-free registers across the whole chain of tail calls.
#pragma once

#include <cstdint>

namespace stitch::jit::toy {

inline constexpr int kToyLocalCount = 8;
inline constexpr int kToyStackCapacity = 32;

struct ToyFrame {
  int64_t locals[kToyLocalCount];
  int64_t stack[kToyStackCapacity];
  int64_t exit_reason;  // written by the exit stub: the oparg of the exit stencil
};

}  // namespace stitch::jit::toy
