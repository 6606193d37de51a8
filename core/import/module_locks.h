// ModuleLockTable: makes each module's body run once even when threads import it concurrently
// (CPython's _ModuleLock / _ModuleLockManager).
//
// The first thread to claim a name becomes its loader (kLoad) and must call release(name) when
// the load ends, successfully or not. Another thread claiming the same name waits (detached from
// the runtime, so a stop-the-world never waits for it) until the loader releases, then gets
// kWaited and re-checks sys.modules (if the load failed, it may become the loader itself).
//
// A thread that claims a name it is already loading (a circular import on one thread), or whose
// wait would close a cycle of threads waiting for each other's modules (A loads a and waits for
// b while B loads b and waits for a), gets kInProgress at once instead of deadlocking: as in
// CPython it then uses the partially initialized module from sys.modules.
//
// Invariant: `entries_` holds exactly the names being loaded, each with its loader's thread id;
// `waiting_for_` maps each waiting thread to the name it waits for. Both are guarded by `mutex_`,
// a leaf lock (never held while waiting or running user code, taken with kDontDetach).
#pragma once

#include <memory>
#include <string>
#include <thread>
#include <unordered_map>

#include "core/sync/event.h"
#include "core/sync/mutex.h"
#include "support/thread_annotations.h"

namespace stitch::imports {

class ModuleLockTable {
 public:
  enum class Claim {
    kLoad,        ///< this thread is the loader: load, then release(name)
    kWaited,      ///< another thread loaded (or failed to load) it meanwhile: look again
    kInProgress,  ///< this thread (or a cycle including it) is loading it: use the partial module
  };

  Claim claim(const std::string& name);
  /// Ends this thread's load of `name` and wakes its waiters.
  void release(const std::string& name);

 private:
  struct Load {
    explicit Load(std::thread::id loader_thread) : loader(loader_thread) {}
    const std::thread::id loader;
    sync::Event done;
  };
  bool would_deadlock(std::thread::id self, const Load& load) const STITCH_REQUIRES(mutex_);

  sync::Mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<Load>> entries_ STITCH_GUARDED_BY(mutex_);
  std::unordered_map<std::thread::id, std::string> waiting_for_ STITCH_GUARDED_BY(mutex_);
};

}  // namespace stitch::imports
