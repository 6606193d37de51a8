// Shared helpers for the refcount tests: a test object type, a per-object dealloc tally, and
// RAII registration of the calling thread with a Domain.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "refcount/merge_queue.h"
#include "refcount/refcount.h"

namespace stitch::rc::testing {

/// Iteration scale: sanitizer builds run the same tests with fewer iterations.
#if defined(STITCH_SANITIZER_BUILD)
inline constexpr int kScale = 4;
#else
inline constexpr int kScale = 1;
#endif

/// Header first (standard layout), so an ObjectHeader* converts back to the TestObject.
struct TestObject {
  ObjectHeader header;
  std::size_t id = 0;
};
static_assert(std::is_standard_layout_v<TestObject>);

inline TestObject* as_test_object(ObjectHeader* header) {
  return reinterpret_cast<TestObject*>(header);
}

/// Counts dealloc calls per object id. DeallocFns must be plain function pointers, so the
/// counters live in a global that each test resets.
class DeallocTally {
 public:
  static void reset(std::size_t object_count) {
    counts_ = std::make_unique<std::atomic<int>[]>(object_count);
    size_ = object_count;
  }
  /// DeallocFn for objects whose memory the test keeps (a graveyard): only counts.
  static void count(ObjectHeader* header) {
    counts_[as_test_object(header)->id].fetch_add(1, std::memory_order_relaxed);
  }
  /// DeallocFn for heap objects created with make_owned_heap_object: counts, then frees.
  static void count_and_free(ObjectHeader* header) {
    TestObject* object = as_test_object(header);
    counts_[object->id].fetch_add(1, std::memory_order_relaxed);
    std::unique_ptr<TestObject> doomed(object);
  }
  static int of(std::size_t id) { return counts_[id].load(std::memory_order_relaxed); }
  /// Number of ids whose count is not exactly `expected`.
  static std::size_t mismatches(int expected) {
    std::size_t bad = 0;
    for (std::size_t id = 0; id < size_; ++id) bad += of(id) != expected;
    return bad;
  }

 private:
  static inline std::unique_ptr<std::atomic<int>[]> counts_;
  static inline std::size_t size_ = 0;
};

/// A heap object owned by the calling thread (local = 1); freed by DeallocTally::count_and_free.
inline ObjectHeader* make_owned_heap_object(std::size_t id) {
  auto object = std::make_unique<TestObject>();
  object->id = id;
  init_owned(&object->header, nullptr);
  return &object.release()->header;
}

/// Objects that live for the whole test; deallocation only counts (type-stable memory).
class ObjectPool {
 public:
  explicit ObjectPool(std::size_t count) : objects_(count) {
    for (std::size_t id = 0; id < count; ++id) objects_[id].id = id;
  }
  ObjectHeader* header(std::size_t id) { return &objects_[id].header; }
  std::size_t size() const { return objects_.size(); }

 private:
  std::vector<TestObject> objects_;
};

/// Registers the calling thread for its lifetime.
class ScopedRegistration {
 public:
  explicit ScopedRegistration(Domain& domain, OwnerHooks hooks = {})
      : domain_(domain), record_(domain.register_current_thread(hooks)) {}
  ~ScopedRegistration() {
    if (record_ != nullptr) domain_.unregister_current_thread(record_);
  }
  ScopedRegistration(const ScopedRegistration&) = delete;
  ScopedRegistration& operator=(const ScopedRegistration&) = delete;
  ThreadRecord* record() const { return record_; }
  /// Unregisters early (e.g. to model a thread that exits before others drop references).
  void unregister() {
    domain_.unregister_current_thread(record_);
    record_ = nullptr;
  }

 private:
  Domain& domain_;
  ThreadRecord* record_;
};

/// Thread-state model for OwnerHooks: ATTACHED / DETACHED / SUSPENDED, as core/runtime has it.
struct FakeThreadState {
  enum : int { kAttached = 0, kDetached = 1, kSuspended = 2 };
  std::atomic<int> state{kAttached};
  std::atomic<int> merge_requests{0};
  std::atomic<int> pauses{0};

  void detach() {
    // Release: our writes (local counts) happen-before a merger that pauses us (acquire CAS).
    state.store(kDetached, std::memory_order_release);
  }
  void attach() {
    int expected = kDetached;
    // Acquire: pairs with resume's release, so merges done on our behalf are visible to us.
    while (!state.compare_exchange_weak(expected, kAttached, std::memory_order_acquire,
                                        std::memory_order_relaxed)) {
      expected = kDetached;
      std::this_thread::yield();
    }
  }
  OwnerHooks hooks() {
    OwnerHooks hooks;
    hooks.context = this;
    hooks.request_merge = [](void* context) {
      static_cast<FakeThreadState*>(context)->merge_requests.fetch_add(1, std::memory_order_relaxed);
    };
    hooks.try_pause_if_detached = [](void* context) {
      auto* self = static_cast<FakeThreadState*>(context);
      int expected = kDetached;
      // Acquire: pairs with detach()'s release.
      const bool paused = self->state.compare_exchange_strong(
          expected, kSuspended, std::memory_order_acquire, std::memory_order_relaxed);
      if (paused) self->pauses.fetch_add(1, std::memory_order_relaxed);
      return paused;
    };
    hooks.resume = [](void* context) {
      // Release: pairs with attach()'s acquire.
      static_cast<FakeThreadState*>(context)->state.store(kDetached, std::memory_order_release);
    };
    return hooks;
  }
};

}  // namespace stitch::rc::testing
