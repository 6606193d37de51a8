#include "core/import/module_locks.h"

#include <chrono>

namespace stitch::imports {

ModuleLockTable::Claim ModuleLockTable::claim(const std::string& name) {
  const std::thread::id self = std::this_thread::get_id();
  std::shared_ptr<Load> load;
  mutex_.lock(sync::LockMode::kDontDetach);
  auto found = entries_.find(name);
  if (found == entries_.end()) {
    entries_.emplace(name, std::make_shared<Load>(self));
    mutex_.unlock();
    return Claim::kLoad;
  }
  load = found->second;
  if (load->loader == self || would_deadlock(self, *load)) {
    mutex_.unlock();
    return Claim::kInProgress;
  }
  waiting_for_[self] = name;
  mutex_.unlock();
  // Detaches while waiting (LockMode::kDetach): the loader may need a stop-the-world meanwhile.
  load->done.wait(std::chrono::nanoseconds(-1), sync::LockMode::kDetach);
  mutex_.lock(sync::LockMode::kDontDetach);
  waiting_for_.erase(self);
  mutex_.unlock();
  return Claim::kWaited;
}

void ModuleLockTable::release(const std::string& name) {
  std::shared_ptr<Load> load;
  mutex_.lock(sync::LockMode::kDontDetach);
  auto found = entries_.find(name);
  if (found != entries_.end()) {
    load = std::move(found->second);
    entries_.erase(found);
  }
  mutex_.unlock();
  // Release (inside set): what the loader wrote (sys.modules, the module) is visible to waiters.
  if (load) load->done.set();
}

// Follows "the loader of what I want waits for X, whose loader waits for Y, …": reaching this
// thread again means waiting would never end.
bool ModuleLockTable::would_deadlock(std::thread::id self, const Load& load) const {
  std::thread::id thread = load.loader;
  for (std::size_t hops = 0; hops <= waiting_for_.size(); ++hops) {
    auto waits = waiting_for_.find(thread);
    if (waits == waiting_for_.end()) return false;
    auto next = entries_.find(waits->second);
    if (next == entries_.end()) return false;
    thread = next->second->loader;
    if (thread == self) return true;
  }
  return false;
}

}  // namespace stitch::imports
