// The time module: wall clock, monotonic and CPU clocks, and sleep. sleep() detaches the thread
// from the runtime while it sleeps, so a stop-the-world never waits for a sleeping thread.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <ctime>
#include <string>
#include <thread>

#include "core/builtins/modules/native_module.h"
#include "core/object/args.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/singletons.h"
#include "core/runtime/runtime.h"

namespace stitch::builtins {

namespace {

std::int64_t clock_nanoseconds(clockid_t clock) {
  timespec now{};
  clock_gettime(clock, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Qualified names for the "time.time() takes no arguments (1 given)" messages.
constexpr char kTime[] = "time.time";
constexpr char kTimeNs[] = "time.time_ns";
constexpr char kPerfCounter[] = "time.perf_counter";
constexpr char kPerfCounterNs[] = "time.perf_counter_ns";
constexpr char kMonotonic[] = "time.monotonic";
constexpr char kMonotonicNs[] = "time.monotonic_ns";
constexpr char kProcessTime[] = "time.process_time";
constexpr char kProcessTimeNs[] = "time.process_time_ns";
constexpr char kThreadTime[] = "time.thread_time";

template <const char* Name, clockid_t Clock>
Object* clock_seconds(Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords(Name, kwnames) || !check_no_arguments(Name, nargs)) return nullptr;
  timespec now{};
  clock_gettime(Clock, &now);
  return float_from_double(static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9);
}

template <const char* Name, clockid_t Clock>
Object* clock_ns(Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords(Name, kwnames) || !check_no_arguments(Name, nargs)) return nullptr;
  return int_from_int64(clock_nanoseconds(Clock));
}

Object* time_sleep(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("sleep", kwnames) || !check_exactly_one_argument("time.sleep", nargs)) return nullptr;
  double seconds = 0;
  if (is_float(args[0])) {
    seconds = float_value(args[0]);
  } else if (is_int(args[0]) && int_is_small(args[0])) {
    seconds = static_cast<double>(as_int(args[0])->small);
  } else if (is_int(args[0])) {
    return raise_error(&overflow_error_type, "timestamp too large to convert to C _PyTime_t");
  } else {
    return raise_error(&type_error_type, std::string("'") + type_of(args[0])->name +
                                             "' object cannot be interpreted as an integer");
  }
  if (std::isnan(seconds)) return raise_error(&value_error_type, "Invalid value NaN (not a number)");
  if (seconds < 0) return raise_error(&value_error_type, "sleep length must be non-negative");
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
  rt::ThreadState* thread = exec_state().thread;
  if (thread == nullptr) {
    std::this_thread::sleep_until(deadline);
    return new_ref(none());
  }
  // In slices, so that an interrupt (SIGINT, a host's stitch_interrupt) ends the sleep with
  // KeyboardInterrupt as in CPython, where the signal interrupts the sleep.
  constexpr auto kSlice = std::chrono::milliseconds(20);
  for (;;) {
    auto now = std::chrono::steady_clock::now();
    if (now >= deadline) break;
    {
      rt::DetachedScope detached(*thread);  // offline while asleep: pauses and QSBR go on without us
      std::this_thread::sleep_until(std::min(deadline, now + kSlice));
    }
    if (thread->pending_requests() & rt::eval_breaker::kInterrupt) {
      if (!thread->safepoint().is_ok()) return raise_error(&keyboard_interrupt_type, "");
    }
  }
  return new_ref(none());
}

const MethodDef time_functions[] = {
    {"time", clock_seconds<kTime, CLOCK_REALTIME>, MethodDef::kStatic},
    {"time_ns", clock_ns<kTimeNs, CLOCK_REALTIME>, MethodDef::kStatic},
    {"perf_counter", clock_seconds<kPerfCounter, CLOCK_MONOTONIC>, MethodDef::kStatic},
    {"perf_counter_ns", clock_ns<kPerfCounterNs, CLOCK_MONOTONIC>, MethodDef::kStatic},
    {"monotonic", clock_seconds<kMonotonic, CLOCK_MONOTONIC>, MethodDef::kStatic},
    {"monotonic_ns", clock_ns<kMonotonicNs, CLOCK_MONOTONIC>, MethodDef::kStatic},
    {"process_time", clock_seconds<kProcessTime, CLOCK_PROCESS_CPUTIME_ID>, MethodDef::kStatic},
    {"process_time_ns", clock_ns<kProcessTimeNs, CLOCK_PROCESS_CPUTIME_ID>, MethodDef::kStatic},
    {"thread_time", clock_seconds<kThreadTime, CLOCK_THREAD_CPUTIME_ID>, MethodDef::kStatic},
    {"sleep", time_sleep, MethodDef::kStatic},
    {nullptr, nullptr},
};

}  // namespace

int init_time_module(Object* module, Object*) { return add_module_functions(module, time_functions, "time"); }

}  // namespace stitch::builtins
