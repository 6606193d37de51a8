#include "jit/executor/jit_runtime.h"

#include <atomic>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <memory>
#include <string>
#include <mutex>
#include <unordered_set>
#include <vector>

#include "core/interp/jit_interface.h"
#include "core/object/exec_state.h"
#include "core/runtime/thread_state.h"
#include "jit/executor/executor.h"
#include "jit/executor/stencil_runtime.h"

namespace stitch::jit {

using interp::Frame;
using interp::JitExit;

namespace {

// Back-edges JIT code takes before it leaves for the interpreter's safepoint (QSBR progress).
constexpr std::uint32_t kBackedgesPerSafepoint = 4096;

// Process-wide: code objects (and so executors) are shared by every runtime's threads. Never
// destroyed, so that no exit-time destructor can unmap code another thread still runs.
CodeArena& arena() {
  static CodeArena* instance = new CodeArena();
  return *instance;
}

std::atomic<std::uint64_t> executors_compiled{0}, executors_discarded{0}, compile_failures{0},
    instructions_compiled{0}, deopt_instructions{0}, code_bytes{0}, compile_nanoseconds{0}, retirements{0};

// The message of the most recent compile failure, for --jit-stats.
std::mutex failure_mutex;
std::string& last_failure() {
  static auto* message = new std::string();
  return *message;
}

// Entry and exit counts are per thread (a shared counter would be a contended cache line on
// every call); the totals are summed when asked for, and a thread folds its counts into
// `exited_*` when it exits, so the registry holds live threads only.
struct ThreadCounters {
  std::atomic<std::uint64_t> entries{0};
  std::atomic<std::uint64_t> error_exits{0};
};
std::mutex counters_mutex;
std::uint64_t exited_entries = 0;      // guarded by counters_mutex
std::uint64_t exited_error_exits = 0;  // guarded by counters_mutex
std::vector<ThreadCounters*>& all_counters() {
  static auto* counters = new std::vector<ThreadCounters*>();
  return *counters;
}
// A constant-initialized thread_local: no initialization guard on the entry path.
thread_local ThreadCounters* this_thread_counters = nullptr;
// Constructed only on a thread's first JIT entry; its destructor runs at thread exit.
struct CountersRegistration {
  ThreadCounters counters;
  CountersRegistration() {
    std::lock_guard<std::mutex> lock(counters_mutex);
    all_counters().push_back(&counters);
  }
  ~CountersRegistration() {
    ThreadCounters* sink = &after_exit_counters();  // for JIT code run by later thread-exit work
    std::lock_guard<std::mutex> lock(counters_mutex);
    exited_entries += counters.entries.load(std::memory_order_relaxed);
    exited_error_exits += counters.error_exits.load(std::memory_order_relaxed);
    std::erase(all_counters(), &counters);
    this_thread_counters = sink;
  }
  static ThreadCounters& after_exit_counters() {
    static auto* counters = [] {
      auto* created = new ThreadCounters();
      std::lock_guard<std::mutex> lock(counters_mutex);
      all_counters().push_back(created);
      return created;
    }();
    return *counters;
  }
};
ThreadCounters* register_thread_counters() {
  thread_local CountersRegistration registration;
  return &registration.counters;
}
ThreadCounters& thread_counters() {
  if (this_thread_counters == nullptr) this_thread_counters = register_thread_counters();
  return *this_thread_counters;
}

// Installed executors, so that jit_reset can find them. Guarded by live_mutex.
std::mutex live_mutex;
std::unordered_set<Executor*>& live_executors() {
  static auto* live = new std::unordered_set<Executor*>();
  return *live;
}

void free_executor(void* pointer, void*) {
  auto* executor = static_cast<Executor*>(pointer);
  arena().release(executor->block);
  delete executor;
}

// After a grace period when the calling thread is attached (any thread may be running the
// executor); at once otherwise (no runtime thread can be).
void retire_executor(Executor* executor) {
  retirements.fetch_add(1, std::memory_order_relaxed);
  rt::ThreadState* thread = exec_state().thread;
  if (thread != nullptr && thread->is_attached()) {
    thread->retire(executor, executor->block.size, free_executor);
  } else {
    free_executor(executor, nullptr);
  }
}

void code_freed(CodeObject*, void* executor_pointer) {
  auto* executor = static_cast<Executor*>(executor_pointer);
  {
    std::lock_guard<std::mutex> lock(live_mutex);
    if (live_executors().erase(executor) == 0) return;  // jit_reset retired it already
  }
  retire_executor(executor);
}

bool hook_compile(CodeObject* code) {
  bool installed = jit_compile_and_install(code);
  if (!installed) {
    // Back off: try again only after many more entries.
    code->jit_warmup.store(-(1 << 20), std::memory_order_relaxed);
  }
  return installed;
}

// Callers of JIT code carry no_sanitize("function") (jit/README.md, invariant 6).
__attribute__((no_sanitize("function"))) JitExit hook_run(void* executor_pointer, Frame* frame,
                                                          rt::ThreadState* thread) {
  auto* executor = static_cast<Executor*>(executor_pointer);
  std::uint32_t code_offset = executor->entries[static_cast<std::size_t>(frame->next_instr - frame->code->bytecode)];
  if (code_offset == 0) {  // not an instruction start: stay in the interpreter
    thread->jit_frame = frame;
    return JitExit::kDeopt;
  }
  using Shim = JitExit (*)(Frame*, rt::ThreadState*, void*);
  auto shim = reinterpret_cast<Shim>(executor->block.address);
  ThreadCounters& counters = thread_counters();
  counters.entries.store(counters.entries.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  thread->enter_native_code();
  thread->jit_backedge_budget = kBackedgesPerSafepoint;
  JitExit exit = shim(frame, thread, executor->block.address + code_offset);
  thread->leave_native_code();
  if (exit == JitExit::kError)
    counters.error_exits.store(counters.error_exits.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  return exit;
}

// Constant: installing the JIT again (a second embedding runtime, another thread) writes nothing
// that a running interpreter reads.
constexpr interp::JitHooks hooks{hook_compile, hook_run};

}  // namespace

void* stencil_resume_address(Frame* frame) {
  if (frame->generator != nullptr) return nullptr;
  const interp::JitHooks* jit = interp::jit_hooks();
  if (jit == nullptr) return nullptr;
  // Only a thread of a runtime with the JIT on runs JIT code; its threshold is the runtime's.
  rt::ThreadState* thread = exec_state().thread;
  // The thread is inside JIT code: it reports no quiescent state, so the executor stays alive.
  auto* executor =
      static_cast<Executor*>(interp::jit_executor_to_enter(jit, thread->jit_threshold(), frame->code));
  if (executor == nullptr) return nullptr;
  std::uint32_t code_offset = executor->entries[static_cast<std::size_t>(frame->next_instr - frame->code->bytecode)];
  return code_offset == 0 ? nullptr : executor->block.address + code_offset;
}

bool jit_compile_and_install(CodeObject* code) {
  if (code->executor.load(std::memory_order_acquire) != nullptr) return true;
  // Generators resume through the interpreter's inline resumption; they are not compiled.
  if (code->flags & code_flags::kGenerator) return false;
  auto start = std::chrono::steady_clock::now();
  Result<Executor*> compiled = compile_executor(arena(), code);
  auto elapsed = std::chrono::steady_clock::now() - start;
  compile_nanoseconds.fetch_add(static_cast<std::uint64_t>(std::chrono::nanoseconds(elapsed).count()),
                                std::memory_order_relaxed);
  if (!compiled) {
    compile_failures.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard<std::mutex> lock(failure_mutex);
    last_failure() = compiled.error();
    return false;
  }
  Executor* executor = *compiled;
  {
    // Under live_mutex so that jit_reset and code_freed see installed executors only.
    std::lock_guard<std::mutex> lock(live_mutex);
    void* expected = nullptr;
    if (!code->executor.compare_exchange_strong(expected, executor, std::memory_order_release,
                                                std::memory_order_acquire)) {
      executors_discarded.fetch_add(1, std::memory_order_relaxed);
      free_executor(executor, nullptr);  // never published: nobody can be running it
      return true;
    }
    live_executors().insert(executor);
  }
  executors_compiled.fetch_add(1, std::memory_order_relaxed);
  instructions_compiled.fetch_add(executor->instruction_count, std::memory_order_relaxed);
  deopt_instructions.fetch_add(executor->deopt_instruction_count, std::memory_order_relaxed);
  code_bytes.fetch_add(executor->block.size, std::memory_order_relaxed);
  return true;
}

void jit_reset() {
  std::vector<Executor*> retired;
  {
    std::lock_guard<std::mutex> lock(live_mutex);
    for (Executor* executor : live_executors()) {
      void* expected = executor;
      executor->code->executor.compare_exchange_strong(expected, nullptr, std::memory_order_acq_rel);
      executor->code->jit_warmup.store(0, std::memory_order_relaxed);
      retired.push_back(executor);
    }
    live_executors().clear();
  }
  for (Executor* executor : retired) retire_executor(executor);
}

void jit_install() {
  set_code_executor_freed_hook(code_freed);
  interp::set_jit_hooks(&hooks);
}

void jit_uninstall() { interp::set_jit_hooks(nullptr); }
bool jit_installed() { return interp::jit_hooks() != nullptr; }

JitStatistics jit_statistics() {
  JitStatistics statistics;
  statistics.executors_compiled = executors_compiled.load(std::memory_order_relaxed);
  statistics.executors_discarded = executors_discarded.load(std::memory_order_relaxed);
  statistics.compile_failures = compile_failures.load(std::memory_order_relaxed);
  statistics.instructions_compiled = instructions_compiled.load(std::memory_order_relaxed);
  statistics.deopt_instructions = deopt_instructions.load(std::memory_order_relaxed);
  statistics.code_bytes = code_bytes.load(std::memory_order_relaxed);
  statistics.compile_nanoseconds = compile_nanoseconds.load(std::memory_order_relaxed);
  statistics.retirements = retirements.load(std::memory_order_relaxed);
  {
    std::lock_guard<std::mutex> lock(counters_mutex);
    statistics.entries = exited_entries;
    statistics.error_exits = exited_error_exits;
    for (const ThreadCounters* counters : all_counters()) {
      statistics.entries += counters->entries.load(std::memory_order_relaxed);
      statistics.error_exits += counters->error_exits.load(std::memory_order_relaxed);
    }
  }
  {
    std::lock_guard<std::mutex> lock(live_mutex);
    statistics.live_executors = live_executors().size();
  }
  {
    std::lock_guard<std::mutex> lock(failure_mutex);
    statistics.last_compile_failure = last_failure();
  }
  return statistics;
}

std::string format_jit_statistics(const JitStatistics& s) {
  char buffer[1024];
  double compile_us = static_cast<double>(s.compile_nanoseconds) / 1000.0;
  std::snprintf(buffer, sizeof buffer,
                "jit: executors compiled   %" PRIu64 " (%" PRIu64 " live, %" PRIu64 " discarded after a lost install race, %" PRIu64 " failed)\n"
                "jit: instructions         %" PRIu64 " (%" PRIu64 " left to the interpreter)\n"
                "jit: code bytes           %" PRIu64 " (%.1f per instruction)\n"
                "jit: compile time         %.1f us (%.3f us per instruction)\n"
                "jit: executor entries     %" PRIu64 " (each ends in one exit; %" PRIu64 " with an exception)\n"
                "jit: retirements          %" PRIu64 "\n",
                s.executors_compiled, s.live_executors, s.executors_discarded, s.compile_failures,
                s.instructions_compiled, s.deopt_instructions, s.code_bytes,
                s.instructions_compiled ? static_cast<double>(s.code_bytes) / static_cast<double>(s.instructions_compiled) : 0.0,
                compile_us, s.instructions_compiled ? compile_us / static_cast<double>(s.instructions_compiled) : 0.0,
                s.entries, s.error_exits, s.retirements);
  std::string report = buffer;
  if (!s.last_compile_failure.empty()) report += "jit: last compile failure " + s.last_compile_failure + "\n";
  return report;
}

}  // namespace stitch::jit
