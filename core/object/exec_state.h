// ExecState: what the object model needs to know about the running thread — its runtime thread
// state (heaps, safepoints) and the exception in flight.
//
// One per OS thread (a thread is attached to at most one runtime at a time); the interpreter
// binds `thread` when the thread attaches. Reading it costs one TLS access.
//
// The error convention: a failing function sets `exception` (an owned exception object) and
// returns nullptr / -1 / false. Callers either handle it (clear_exception / take_exception) or
// return failure in turn, so the exception travels up to a try block or to the top level.
#pragma once

#include "core/object/object.h"
#include "core/runtime/thread_state.h"

namespace stitch {

/// One level of the handled-exception stack (CPython's _PyErr_StackItem): the exception an
/// `except`/`finally` block of one frame chain is handling. The thread has a base level; each
/// generator owns one (gi_exc_state) that is linked on top while the generator runs, so an
/// exception handled inside a suspended generator is not visible outside it, and vice versa.
struct HandledExceptionState {
  Object* exception = nullptr;               // owned; nullptr (or None) when nothing is handled
  HandledExceptionState* previous = nullptr;  // the level below (the resumer's), while linked
};

struct ExecState {
  rt::ThreadState* thread = nullptr;
  Object* exception = nullptr;  // owned; nullptr when no exception is in flight
  int native_depth = 0;         // nested native calls that may recurse (repr of containers, …)
  HandledExceptionState base_handled;               // the thread's own level
  HandledExceptionState* handled = &base_handled;   // top of the handled-exception stack
};

#ifdef STITCH_STENCIL_BUILD
// JIT stencils cannot contain thread-local accesses (no TLS relocations), so they reach the
// state through a call (object.cpp defines it).
ExecState& exec_state_out_of_line();
inline ExecState& exec_state() { return exec_state_out_of_line(); }
#else
inline ExecState& exec_state() {
  thread_local ExecState state;
  return state;
}
ExecState& exec_state_out_of_line();
#endif

inline bool has_exception() { return exec_state().exception != nullptr; }

/// Takes ownership of `exception` and makes it the one in flight (replacing any other). Like
/// CPython's _PyErr_SetObject, a new exception raised while another is being handled gets the
/// handled one as its __context__ (implicit chaining, cycles broken).
void set_exception(Object* exception);
/// Makes `exception` (owned) the one in flight unchanged: for re-raising (bare `raise`,
/// RERAISE) and restoring, where no chaining happens.
void restore_exception(Object* exception);
/// The exception being handled (sys.exception()): the topmost non-None level, borrowed, or nullptr.
Object* current_handled_exception();
/// Removes the exception in flight and returns it (owned), or nullptr.
Object* take_exception();
void clear_exception();

}  // namespace stitch
