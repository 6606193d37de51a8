// What the interpreter knows about the JIT (which lives above core/, in jit/): a table of hooks
// the JIT installs, and the exit protocol of its executors.
//
// An executor runs a frame of its code object from any instruction boundary (frame->next_instr,
// frame->stack_pointer). Calls of Python functions and returns stay in JIT code when the other
// frame's code has an executor too (jit_call_python / jit_return do the interpreter's frame work),
// so the frame it stops in may not be the one it started in. It returns to the interpreter with
// that frame in ThreadState::jit_frame and its state written back:
//   kDeopt  frame->next_instr is the instruction the interpreter must execute next (an op the
//           JIT leaves to the interpreter: generators, exception handling, a return from the
//           loop's entry frame, a frame without an executor, or a pending eval-breaker request at
//           a back-edge or call);
//   kError  an exception is set and frame->next_instr is the instruction that raised it.
// The interpreter enters executors at three places: a frame's first instruction (calls), the
// instruction after a CALL when a callee returns, and a JUMP_BACKWARD's target (OSR).
//
// Hotness: CodeObject::jit_warmup counts entries and back-edges with plain relaxed loads and
// stores (a lost count only delays compilation); the thread that takes it past the threshold
// claims the compilation with a CAS (kJitCompiling), so only one thread compiles at a time.
//
// Per runtime: the hooks are process-wide (installed once, by the CLI or by the first embedding
// runtime that wants the JIT), but whether a runtime uses them and its threshold are the runtime's
// (RuntimeConfig::jit_enabled / jit_threshold, read from the ThreadState). A runtime with the JIT
// off never counts, compiles or enters executors: its code objects are its own.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/interp/frame.h"

namespace stitch::rt {
class ThreadState;
}

namespace stitch::interp {

enum class JitExit : std::intptr_t { kDeopt = 0, kError = 1 };

inline constexpr std::int32_t kJitCompiling = INT32_MIN;

struct JitHooks {
  /// Compiles `code` and publishes its executor (release store into code->executor); called by the
  /// thread whose CAS moved jit_warmup to kJitCompiling. Returns whether an executor is installed;
  /// on failure it must reset jit_warmup (a back-off).
  bool (*compile)(CodeObject* code);
  /// Runs `executor` (code->executor, loaded with acquire) on `frame` from frame->next_instr.
  JitExit (*run)(void* executor, Frame* frame, rt::ThreadState* thread);
};

/// For stencils: CALL of a Python function (`frame->next_instr` after the CALL, no KW_NAMES). The
/// callee's linked frame, or nullptr with an exception set; the caller's call slots are dropped
/// and its stack top is in frame->stack_pointer either way.
Frame* jit_call_python(Frame* frame, Object** sp, std::uint32_t oparg);
/// For stencils: RETURN_VALUE of the top of `sp` from a frame that is neither an entry frame nor a
/// generator's. Pops the frame, pushes the value on the caller's stack and returns the caller.
Frame* jit_return(Frame* frame, Object** sp);

/// The installed hooks (acquire), or nullptr when the JIT is off.
const JitHooks* jit_hooks();
/// Installs (or, with nullptr, removes) the JIT. The hooks must outlive every interpreter loop.
void set_jit_hooks(const JitHooks* hooks);

/// Counts one entry or back-edge of `code`; `threshold` is the running thread's runtime's
/// (ThreadState::jit_threshold). Returns the executor the interpreter should run now (loaded once:
/// jit_reset may unpublish it at any moment, but cannot free it before this thread's next quiescent
/// state), or nullptr.
inline void* jit_executor_to_enter(const JitHooks* jit, std::int32_t threshold, CodeObject* code) {
  if (void* executor = code->executor.load(std::memory_order_acquire)) return executor;
  std::int32_t count = code->jit_warmup.load(std::memory_order_relaxed);
  if (count < threshold) {
    if (count != kJitCompiling) code->jit_warmup.store(count + 1, std::memory_order_relaxed);
    return nullptr;
  }
  if (!code->jit_warmup.compare_exchange_strong(count, kJitCompiling, std::memory_order_relaxed)) return nullptr;
  if (!jit->compile(code)) return nullptr;
  return code->executor.load(std::memory_order_acquire);
}

}  // namespace stitch::interp
