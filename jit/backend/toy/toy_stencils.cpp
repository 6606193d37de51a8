// Toy stencils: one function per op, compiled by clang-19 at build time (never linked into
// anything). The extractor reads the object file and turns every `stitch_stencil_<name>` into
// bytes plus holes. See jit/README.md for the flags.
//
// Rules for a stencil body:
//   * values that are only known at JIT time are addresses of undefined extern symbols
//     (STITCH_HOLE_OPARG, STITCH_HOLE_OPERAND0...), cast to integers;
//   * the continuation is a guaranteed tail call to STITCH_HOLE_CONTINUE, branches are tail calls
//     to STITCH_HOLE_TARGET, leaving the executor is a tail call to STITCH_HOLE_EXIT;
//   * runtime helpers are ordinary extern "C" calls (resolved by name at patch time);
//   * no mutable globals, no thread-locals, no jump tables (the extractor rejects them).
#include "jit/backend/toy/toy_machine.h"

#ifndef STITCH_STENCIL_CC
#define STITCH_STENCIL_CC __attribute__((preserve_none))
#endif

using stitch::jit::toy::ToyFrame;

extern "C" {
// `char` so that clang may assume nothing about the alignment of the hole "address".
extern char STITCH_HOLE_OPARG;
extern char STITCH_HOLE_OPERAND0;

typedef STITCH_STENCIL_CC int64_t StencilFunction(ToyFrame* frame, int64_t* stack_pointer);
// Hidden: the continuation and jump targets are inside the same executor, so under -fno-plt they
// stay direct `jmp rel32` (R_X86_64_PLT32) instead of going through the GOT.
__attribute__((visibility("hidden"))) StencilFunction STITCH_HOLE_CONTINUE;
__attribute__((visibility("hidden"))) StencilFunction STITCH_HOLE_TARGET;
// Default visibility: the exit handler is in the host binary, maybe > 2 GiB away, so it is
// reached through the executor's GOT (R_X86_64_GOTPCRELX), relaxed when in range.
StencilFunction STITCH_HOLE_EXIT;

// A runtime helper that stencils call (resolved by name when patching).
int64_t stitch_toy_runtime_modulo(int64_t dividend, int64_t divisor);
}

#define OPARG (static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&STITCH_HOLE_OPARG)))
#define OPERAND0 (static_cast<int64_t>(reinterpret_cast<uintptr_t>(&STITCH_HOLE_OPERAND0)))
#define CONTINUE() [[clang::musttail]] return STITCH_HOLE_CONTINUE(frame, stack_pointer)
#define JUMP_TO_TARGET() [[clang::musttail]] return STITCH_HOLE_TARGET(frame, stack_pointer)
#define STENCIL(name) \
  extern "C" STITCH_STENCIL_CC int64_t stitch_stencil_##name(ToyFrame* frame, int64_t* stack_pointer)

// The entry shim: native C ABI, so the host calls it like any function. It is not a tail
// call (calling conventions differ); the op chain returns here when a stencil returns.
extern "C" int64_t stitch_stencil_shim(ToyFrame* frame) {
  return STITCH_HOLE_CONTINUE(frame, frame->stack);
}

STENCIL(push_constant) {
  *stack_pointer++ = OPERAND0;
  CONTINUE();
}

STENCIL(load_local) {
  *stack_pointer++ = frame->locals[OPARG];
  CONTINUE();
}

STENCIL(store_local) {
  frame->locals[OPARG] = *--stack_pointer;
  CONTINUE();
}

STENCIL(add) {
  int64_t right = *--stack_pointer;
  stack_pointer[-1] += right;
  CONTINUE();
}

STENCIL(multiply) {
  int64_t right = *--stack_pointer;
  stack_pointer[-1] *= right;
  CONTINUE();
}

STENCIL(modulo) {
  int64_t right = *--stack_pointer;
  stack_pointer[-1] = stitch_toy_runtime_modulo(stack_pointer[-1], right);
  CONTINUE();
}

// Pops two values; jumps to the target unless left <= right.
STENCIL(jump_unless_less_equal) {
  int64_t right = *--stack_pointer;
  int64_t left = *--stack_pointer;
  if (left <= right) CONTINUE();
  JUMP_TO_TARGET();
}

// Pops one value; jumps to the target when it is zero.
STENCIL(jump_if_zero) {
  int64_t value = *--stack_pointer;
  if (value != 0) CONTINUE();
  JUMP_TO_TARGET();
}

// Loop back-edge.
STENCIL(jump) { JUMP_TO_TARGET(); }

STENCIL(return_top) { return stack_pointer[-1]; }

// Leaves to the host's exit handler, which records why (the oparg).
STENCIL(exit) {
  frame->exit_reason = OPARG;
  [[clang::musttail]] return STITCH_HOLE_EXIT(frame, stack_pointer);
}
