// A std::mutex that clang's -Wthread-safety can reason about.
//
// The QSBR layer sits below core/sync, so it cannot use Stitch's own mutex. It needs a lock
// only on rare paths (registering and unregistering thread records, handing over orphaned
// retirements), never on quiescent(), online(), offline() or poll(). A plain std::mutex is
// the right tool there; this wrapper only adds the capability annotations.
#pragma once

#include <mutex>

#include "support/thread_annotations.h"

namespace stitch::qsbr {

class STITCH_CAPABILITY("mutex") AnnotatedMutex {
 public:
  AnnotatedMutex() = default;
  AnnotatedMutex(const AnnotatedMutex&) = delete;
  AnnotatedMutex& operator=(const AnnotatedMutex&) = delete;

  void lock() STITCH_ACQUIRE() { mutex_.lock(); }
  void unlock() STITCH_RELEASE() { mutex_.unlock(); }
  [[nodiscard]] bool try_lock() STITCH_TRY_ACQUIRE(true) { return mutex_.try_lock(); }

 private:
  std::mutex mutex_;
};

/// Holds an AnnotatedMutex for the lifetime of the scope.
class STITCH_SCOPED_CAPABILITY ScopedLock {
 public:
  explicit ScopedLock(AnnotatedMutex& mutex) STITCH_ACQUIRE(mutex) : mutex_(mutex) {
    mutex_.lock();
  }
  ~ScopedLock() STITCH_RELEASE() { mutex_.unlock(); }
  ScopedLock(const ScopedLock&) = delete;
  ScopedLock& operator=(const ScopedLock&) = delete;

 private:
  AnnotatedMutex& mutex_;
};

}  // namespace stitch::qsbr
