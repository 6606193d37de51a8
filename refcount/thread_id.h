// Thread identity for biased reference counting.
//
// Every object header records the thread that owns its local count (`owner_tid`). The
// ownership test runs on every incref/decref, so the id must cost about one instruction.
// We read the thread-pointer register, which the C library points at each thread's own
// control block:
//   x86-64   `mov %fs:0, reg`   (glibc/musl store the TCB's self pointer at %fs:0)
//   aarch64  `mrs reg, tpidr_el0`
// Elsewhere we fall back to the address of a thread_local byte. All three are nonzero and
// unique among *live* threads; an exited thread's id may be reused by a later thread
// (see merge_queue.h for why that is safe).
//
// The asm is deliberately not `volatile`: the value never changes within one thread, so
// the compiler may hoist or merge repeated reads in a function.
#pragma once

#include <cstdint>

namespace stitch::rc {

namespace detail {
inline thread_local char thread_identity_anchor = 0;
}  // namespace detail

/// Nonzero id of the calling thread, unique among live threads. Cheap: one register read.
inline std::uintptr_t current_thread_id() {
#if defined(__x86_64__)
  std::uintptr_t thread_pointer;
  __asm__("movq %%fs:0, %0" : "=r"(thread_pointer));
  return thread_pointer;
#elif defined(__aarch64__)
  std::uintptr_t thread_pointer;
  __asm__("mrs %0, tpidr_el0" : "=r"(thread_pointer));
  return thread_pointer;
#else
  return reinterpret_cast<std::uintptr_t>(&detail::thread_identity_anchor);
#endif
}

}  // namespace stitch::rc
