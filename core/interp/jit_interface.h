// What the interpreter knows about the JIT (which lives above core/, in jit/): a table of hooks
// the JIT installs, and the exit protocol of its executors.
//
// An executor runs one frame of one code object from any instruction boundary (frame->next_instr,
// frame->stack_pointer) and returns to the interpreter with the frame's state written back:
//   kDeopt  frame->next_instr is the instruction the interpreter must execute next (an op the
//           JIT leaves to the interpreter: calls of Python functions, returns, generators,
//           exception handling, or a pending eval-breaker request at a loop back-edge);
//   kError  an exception is set and frame->next_instr is the instruction that raised it.
// The interpreter enters executors at three places: a frame's first instruction (calls), the
// instruction after a CALL when a callee returns, and a JUMP_BACKWARD's target (OSR).
//
// Hotness: CodeObject::jit_warmup counts entries and back-edges with plain relaxed loads and
// stores (a lost count only delays compilation); the thread that takes it past the threshold
// claims the compilation with a CAS (kJitCompiling), so only one thread compiles at a time.
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
  std::int32_t threshold;  // entries + back-edges before a code object is compiled
  /// Compiles `code` and publishes its executor (release store into code->executor); called by the
  /// thread whose CAS moved jit_warmup to kJitCompiling. Returns whether an executor is installed;
  /// on failure it must reset jit_warmup (a back-off).
  bool (*compile)(CodeObject* code);
  /// Runs `executor` (code->executor, loaded with acquire) on `frame` from frame->next_instr.
  JitExit (*run)(void* executor, Frame* frame, rt::ThreadState* thread);
};

/// The installed hooks (acquire), or nullptr when the JIT is off.
const JitHooks* jit_hooks();
/// Installs (or, with nullptr, removes) the JIT. The hooks must outlive every interpreter loop.
void set_jit_hooks(const JitHooks* hooks);

/// Counts one entry or back-edge of `code`. Returns the executor the interpreter should run now
/// (loaded once: jit_reset may unpublish it at any moment, but cannot free it before this thread's
/// next quiescent state), or nullptr.
inline void* jit_executor_to_enter(const JitHooks* jit, CodeObject* code) {
  if (void* executor = code->executor.load(std::memory_order_acquire)) return executor;
  std::int32_t count = code->jit_warmup.load(std::memory_order_relaxed);
  if (count < jit->threshold) {
    if (count != kJitCompiling) code->jit_warmup.store(count + 1, std::memory_order_relaxed);
    return nullptr;
  }
  if (!code->jit_warmup.compare_exchange_strong(count, kJitCompiling, std::memory_order_relaxed)) return nullptr;
  if (!jit->compile(code)) return nullptr;
  return code->executor.load(std::memory_order_acquire);
}

}  // namespace stitch::interp
