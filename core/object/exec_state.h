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

struct ExecState {
  rt::ThreadState* thread = nullptr;
  Object* exception = nullptr;  // owned; nullptr when no exception is in flight
  int native_depth = 0;         // nested native calls that may recurse (repr of containers, …)
};

inline ExecState& exec_state() {
  thread_local ExecState state;
  return state;
}

inline bool has_exception() { return exec_state().exception != nullptr; }

/// Takes ownership of `exception` and makes it the one in flight (replacing any other).
void set_exception(Object* exception);
/// Removes the exception in flight and returns it (owned), or nullptr.
Object* take_exception();
void clear_exception();

}  // namespace stitch
