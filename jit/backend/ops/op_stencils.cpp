// The stencil template of the real op set: one function per bytecode op (or op variant), each
// calling the op's one definition from core/interp/ops/*.h. Compiled by clang-19 at build time
// (jit/CMakeLists.txt, with STITCH_STENCIL_BUILD) and never linked: the extractor turns each
// `stitch_stencil_<name>` into bytes and holes (jit/README.md has the rules and the flags).
//
// Stencil ABI: preserve_none functions (frame, sp, thread) that continue with a guaranteed tail
// call to the next instruction (CONTINUE) or the jump target (JUMP), and leave the executor by
// returning a JitExit after writing the frame's state back (core/interp/jit_interface.h).
// Per-instruction holes: OPARG; OPERAND0 = the address of this instruction's word in the code
// object's bytecode; OPERAND1 = the address of the next instruction's word.
#include "core/interp/generator.h"
#include "core/interp/jit_interface.h"
#include "core/interp/ops/ops.h"
#include "core/runtime/thread_state.h"
#include "jit/executor/stencil_runtime.h"

using stitch::Object;
using stitch::interp::Frame;
using stitch::interp::JitExit;
using stitch::rt::ThreadState;
namespace ops = stitch::interp::ops;

extern "C" {
extern char STITCH_HOLE_OPARG;
extern char STITCH_HOLE_OPERAND0;
extern char STITCH_HOLE_OPERAND1;

typedef __attribute__((preserve_none)) JitExit StencilFunction(Frame* frame, Object** sp, ThreadState* thread);
__attribute__((visibility("hidden"))) StencilFunction STITCH_HOLE_CONTINUE;
__attribute__((visibility("hidden"))) StencilFunction STITCH_HOLE_TARGET;
}

#define OPARG (static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(&STITCH_HOLE_OPARG)))
#define THIS_INSTR (reinterpret_cast<const std::uint32_t*>(&STITCH_HOLE_OPERAND0))
#define NEXT_INSTR (reinterpret_cast<const std::uint32_t*>(&STITCH_HOLE_OPERAND1))
#define CONTINUE() [[clang::musttail]] return STITCH_HOLE_CONTINUE(frame, sp, thread)
#define JUMP() [[clang::musttail]] return STITCH_HOLE_TARGET(frame, sp, thread)
#define LEAVE(exit_kind, at)     \
  do {                           \
    frame->next_instr = (at);    \
    frame->stack_pointer = sp;   \
    thread->jit_frame = frame;   \
    return (exit_kind);          \
  } while (0)
#define DEOPT() LEAVE(JitExit::kDeopt, THIS_INSTR)
#define ERROR() LEAVE(JitExit::kError, THIS_INSTR)
#define STENCIL(name)                                                                                  \
  extern "C" __attribute__((preserve_none)) JitExit stitch_stencil_##name(Frame* frame, Object** sp, \
                                                                          ThreadState* thread)
// An op that either fails or goes on to the next instruction.
#define SIMPLE(name, op_call) \
  STENCIL(name) {             \
    if (!(op_call)) ERROR();  \
    CONTINUE();               \
  }
#define BRANCHING(name, op_call)                           \
  STENCIL(name) {                                          \
    ops::Branch taken = (op_call);                         \
    if (taken == ops::Branch::kError) ERROR();             \
    if (taken == ops::Branch::kJump) JUMP();               \
    CONTINUE();                                            \
  }

// The entry from the interpreter: native ABI, runs the chain from `start`, returns its exit.
extern "C" JitExit stitch_stencil_shim(Frame* frame, ThreadState* thread, StencilFunction* start) {
  return start(frame, frame->stack_pointer, thread);
}

// Every op the JIT leaves to the interpreter.
STENCIL(deopt) { DEOPT(); }

STENCIL(NOP) { CONTINUE(); }
SIMPLE(POP_TOP, ops::pop_top(frame, sp, OPARG))
SIMPLE(PUSH_NULL, ops::push_null(frame, sp, OPARG))
SIMPLE(COPY, ops::copy(frame, sp, OPARG))
SIMPLE(SWAP, ops::swap(frame, sp, OPARG))
SIMPLE(LOAD_CONST, ops::load_const(frame, sp, OPARG))
SIMPLE(LOAD_FAST, ops::load_fast(frame, sp, OPARG))
SIMPLE(STORE_FAST, ops::store_fast(frame, sp, OPARG))
SIMPLE(DELETE_FAST, ops::delete_fast(frame, sp, OPARG))
SIMPLE(MAKE_CELL, ops::make_cell(frame, sp, OPARG))
SIMPLE(COPY_FREE_VARS, ops::copy_free_vars(frame, sp, OPARG))
SIMPLE(LOAD_CLOSURE, ops::load_closure(frame, sp, OPARG))
SIMPLE(LOAD_DEREF, ops::load_deref(frame, sp, OPARG))
SIMPLE(STORE_DEREF, ops::store_deref(frame, sp, OPARG))
SIMPLE(DELETE_DEREF, ops::delete_deref(frame, sp, OPARG))
SIMPLE(LOAD_GLOBAL, ops::load_global(frame, sp, OPARG))
SIMPLE(STORE_GLOBAL, ops::store_global(frame, sp, OPARG))
SIMPLE(LOAD_NAME, ops::load_name(frame, sp, OPARG))
SIMPLE(STORE_NAME, ops::store_name(frame, sp, OPARG))
SIMPLE(LOAD_ATTR, ops::load_attr(frame, sp, OPARG))
SIMPLE(LOAD_METHOD, ops::load_method(frame, sp, OPARG))
SIMPLE(STORE_ATTR, ops::store_attr(frame, sp, OPARG))
SIMPLE(DELETE_ATTR, ops::delete_attr(frame, sp, OPARG))
SIMPLE(BINARY_SUBSCR, ops::binary_subscr(frame, sp, OPARG))
SIMPLE(STORE_SUBSCR, ops::store_subscr(frame, sp, OPARG))
SIMPLE(DELETE_SUBSCR, ops::delete_subscr(frame, sp, OPARG))
SIMPLE(BUILD_SLICE, ops::build_slice(frame, sp, OPARG))
SIMPLE(BINARY_OP, ops::binary_op(frame, sp, OPARG, *NEXT_INSTR))
SIMPLE(UNARY_NEGATIVE, ops::unary<stitch::unary_negative>(frame, sp, OPARG))
SIMPLE(UNARY_POSITIVE, ops::unary<stitch::unary_positive>(frame, sp, OPARG))
SIMPLE(UNARY_INVERT, ops::unary<stitch::unary_invert>(frame, sp, OPARG))
SIMPLE(UNARY_NOT, ops::unary_not(frame, sp, OPARG))
SIMPLE(COMPARE_OP, ops::compare_op(frame, sp, OPARG))
SIMPLE(IS_OP, ops::is_op(frame, sp, OPARG))
SIMPLE(CONTAINS_OP, ops::contains_op(frame, sp, OPARG))
STENCIL(JUMP_FORWARD) { JUMP(); }
// A back-edge is a safepoint: with a request pending, or every so many iterations (so that the
// thread reports QSBR quiescent states, which it never does inside JIT code), leave through the
// interpreter's JUMP_BACKWARD, which handles it and comes back in at the loop header.
STENCIL(JUMP_BACKWARD) {
  if (thread->pending_requests() != 0 || thread->jit_backedge_budget == 0) DEOPT();
  --thread->jit_backedge_budget;
  JUMP();
}
BRANCHING(POP_JUMP_IF_FALSE, ops::pop_jump_if(frame, sp, false))
BRANCHING(POP_JUMP_IF_TRUE, ops::pop_jump_if(frame, sp, true))
BRANCHING(POP_JUMP_IF_NONE, ops::pop_jump_if_none(frame, sp, true))
BRANCHING(POP_JUMP_IF_NOT_NONE, ops::pop_jump_if_none(frame, sp, false))
BRANCHING(JUMP_IF_FALSE_OR_POP, ops::jump_if_or_pop(frame, sp, false))
BRANCHING(JUMP_IF_TRUE_OR_POP, ops::jump_if_or_pop(frame, sp, true))
SIMPLE(GET_ITER, ops::get_iter(frame, sp, OPARG))
// A generator runs in its own frame: the interpreter resumes it.
STENCIL(FOR_ITER) {
  if (stitch::interp::is_generator(sp[-1])) DEOPT();
  ops::Branch taken = ops::for_iter(frame, sp);
  if (taken == ops::Branch::kError) ERROR();
  if (taken == ops::Branch::kJump) JUMP();
  CONTINUE();
}
SIMPLE(BUILD_TUPLE, ops::build_tuple(frame, sp, OPARG))
SIMPLE(BUILD_LIST, ops::build_list(frame, sp, OPARG))
SIMPLE(BUILD_SET, ops::build_set(frame, sp, OPARG))
SIMPLE(BUILD_MAP, ops::build_map(frame, sp, OPARG))
SIMPLE(BUILD_CONST_KEY_MAP, ops::build_const_key_map(frame, sp, OPARG))
SIMPLE(LIST_APPEND, ops::add_to_container<stitch::list_append>(frame, sp, OPARG))
SIMPLE(SET_ADD, ops::add_to_container<stitch::set_add>(frame, sp, OPARG))
SIMPLE(MAP_ADD, ops::map_add(frame, sp, OPARG))
SIMPLE(LIST_EXTEND, ops::add_to_container<stitch::list_extend>(frame, sp, OPARG))
SIMPLE(SET_UPDATE, ops::add_to_container<stitch::set_update>(frame, sp, OPARG))
SIMPLE(DICT_UPDATE, ops::add_to_container<stitch::dict_update>(frame, sp, OPARG))
SIMPLE(DICT_MERGE, ops::add_to_container<stitch::dict_update>(frame, sp, OPARG))
SIMPLE(LIST_TO_TUPLE, ops::list_to_tuple(frame, sp, OPARG))
SIMPLE(UNPACK_SEQUENCE, ops::unpack_sequence(frame, sp, OPARG))
SIMPLE(UNPACK_EX, ops::unpack_ex(frame, sp, OPARG))
SIMPLE(FORMAT_VALUE, ops::format_value(frame, sp, OPARG))
SIMPLE(MAKE_FUNCTION, ops::make_function(frame, sp, OPARG))
SIMPLE(LOAD_ASSERTION_ERROR, ops::load_assertion_error(frame, sp, OPARG))
// A Python function gets a frame of its own, pushed as the interpreter does, and runs in its
// executor when it has one (a tail call into another executor: no native stack grows); otherwise
// the interpreter runs it. Anything else is called here, with the frame's state saved as the
// interpreter saves it (callees may inspect it). A call is a safepoint for the interpreter, so
// with a request pending, or the budget spent, the interpreter makes the call.
STENCIL(CALL) {
  Object* callable = ops::call_target(sp, OPARG);
  frame->next_instr = NEXT_INSTR;
  frame->stack_pointer = sp;
  if (stitch::is_function(callable)) {
    if (thread->pending_requests() != 0 || thread->jit_backedge_budget == 0) DEOPT();
    --thread->jit_backedge_budget;
    Frame* callee = stitch::interp::jit_call_python(frame, sp, OPARG);
    if (callee == nullptr) {
      sp = frame->stack_pointer;
      ERROR();
    }
    auto* entry = reinterpret_cast<StencilFunction*>(stitch::jit::stencil_resume_address(callee));
    if (entry == nullptr) {
      thread->jit_frame = callee;  // the interpreter starts it (next_instr is its first instruction)
      return JitExit::kDeopt;
    }
    [[clang::musttail]] return entry(callee, callee->stack_pointer, thread);
  }
  if (!ops::call_object_on_stack(sp, OPARG, nullptr)) ERROR();
  CONTINUE();
}

// Returning into the caller's executor, when it has one, stays in JIT code. A return from the
// loop's entry frame (back to native code) or from a generator is the interpreter's.
STENCIL(RETURN_VALUE) {
  if (frame->is_entry || frame->generator != nullptr) DEOPT();
  Frame* caller = stitch::interp::jit_return(frame, sp);
  auto* entry = reinterpret_cast<StencilFunction*>(stitch::jit::stencil_resume_address(caller));
  if (entry == nullptr) {
    thread->jit_frame = caller;  // resumes after its CALL, the returned value pushed
    return JitExit::kDeopt;
  }
  [[clang::musttail]] return entry(caller, caller->stack_pointer, thread);
}
