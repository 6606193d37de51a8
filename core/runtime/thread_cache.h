// The per-OS-thread cache of thread states, one entry per runtime this OS thread has attached to.
// It makes attach cheap and reusable, and it is how an exiting OS thread finds the states it must
// unregister. Internal to core/runtime.
#pragma once

#include <cstdint>
#include <mutex>
#include <vector>

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
  ~ThreadCache();                   // unregisters or frees every state of this OS thread
};

ThreadCache& thread_cache();

/// Serializes the link between a ThreadState and its Runtime across OS-thread exit and runtime
/// teardown (both rare), so that neither frees what the other is still using.
std::mutex& runtime_link_mutex();

}  // namespace detail
}  // namespace stitch::rt
