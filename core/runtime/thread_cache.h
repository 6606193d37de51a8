// The per-OS-thread cache of thread states, one entry per runtime this OS thread has attached to.
// It makes attach cheap and reusable, and it is how an exiting OS thread finds the states it must
// unregister. Internal to core/runtime.
#pragma once

#include <cstdint>
#include <mutex>
#include <vector>

#include "core/runtime/allocator.h"

namespace stitch::rt {

class Runtime;
class ThreadState;

namespace detail {

struct ThreadBinding {
  Runtime* runtime;
  std::uint64_t runtime_serial;  // a later runtime may reuse the address; the serial may not
  ThreadState* state;
};

struct ThreadCache {
  std::vector<ThreadBinding> bindings;
  ThreadState* attached = nullptr;  // at most one attached state per OS thread
  // The OS thread's heaps, shared by its states in every runtime (one runtime at a time). Per
  // state, each runtime a host created and shut down on this thread left pages behind: a few
  // blocks that outlive their runtime (interned strings, code constants: immortal) pinned them,
  // and a deleted heap's pages go to a heap nobody allocates from.
  Heap* object_heap = nullptr;
  Heap* raw_heap = nullptr;
  ~ThreadCache();                   // unregisters or frees every state of this OS thread, then the heaps
};

ThreadCache& thread_cache();

/// Serializes the link between a ThreadState and its Runtime across OS-thread exit and runtime
/// teardown (both rare), so that neither frees what the other is still using.
std::mutex& runtime_link_mutex();

}  // namespace detail
}  // namespace stitch::rt
