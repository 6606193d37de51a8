// Conditional increments for lock-free readers; the algorithm and its orders are in try_incref.h.
#include "refcount/try_incref.h"

#include "refcount/merge_queue.h"
#include "refcount/refcount.h"

namespace stitch::rc {
namespace {

// Immortal, or owned by this thread: a plain increment is always safe.
bool try_incref_fast(ObjectHeader* object) {
  const std::uint32_t local = object->local_count.load(std::memory_order_relaxed);
  if (local >= kDeferredLocalBase) {
    // Counting never frees a deferred object (deferred.h): a reference can always be taken.
    if (local != kImmortalLocal) incref_deferred(object);
    return true;
  }
  if (!is_owned_by_current_thread(object)) return false;
  object->local_count.store(local + 1 == kDeferredLocalBase ? kImmortalLocal : local + 1,
                            std::memory_order_relaxed);
  return true;
}

bool try_incref_shared(ObjectHeader* object) {
  std::intptr_t shared = object->shared.load(std::memory_order_relaxed);
  do {
    if (shared == 0 || shared == kSharedMerged) return false;  // may be freed / is dead
    // Acquire on success: see try_incref.h ("Orders"); pairs with the writer's release decref.
  } while (!object->shared.compare_exchange_weak(shared, shared + kSharedOne,
                                                 std::memory_order_acquire,
                                                 std::memory_order_relaxed));
  return true;
}

}  // namespace

bool try_incref(ObjectHeader* object) { return try_incref_fast(object) || try_incref_shared(object); }

bool try_incref_compare(const std::atomic<ObjectHeader*>* source, ObjectHeader* expected) {
  if (try_incref_fast(expected)) return true;
  if (!try_incref_shared(expected)) return false;
  // Acquire pairs with the writer's release store of the slot (and of the new object's fields).
  if (source->load(std::memory_order_acquire) != expected) {
    decref(expected, current_domain_dealloc());
    return false;
  }
  return true;
}

ObjectHeader* try_get_ref(const std::atomic<ObjectHeader*>* source) {
  for (;;) {
    // Acquire pairs with the writer's release store that published the object.
    ObjectHeader* object = source->load(std::memory_order_acquire);
    if (object == nullptr) return nullptr;
    if (try_incref_compare(source, object)) return object;
  }
}

void incref_with_lock(ObjectHeader* object) {
  if (try_incref_fast(object)) return;
  std::intptr_t shared = object->shared.load(std::memory_order_relaxed);
  std::intptr_t desired;
  do {
    desired = shared + kSharedOne;
    if (shared_state_of(shared) == SharedState::kDefault) {
      desired |= static_cast<std::intptr_t>(SharedState::kMaybeWeakref);
    }
    // Relaxed: like any incref, the caller already holds the object alive (through the lock).
  } while (!object->shared.compare_exchange_weak(shared, desired, std::memory_order_relaxed,
                                                 std::memory_order_relaxed));
}

void set_maybe_weakref(ObjectHeader* object) {
  if (is_immortal(object)) return;
  std::intptr_t shared = object->shared.load(std::memory_order_relaxed);
  while (shared_state_of(shared) == SharedState::kDefault) {
    // Relaxed: the writer publishes the object afterwards with a release store of the slot,
    // which orders this state change before any reader can see the object.
    if (object->shared.compare_exchange_weak(
            shared, shared | static_cast<std::intptr_t>(SharedState::kMaybeWeakref),
            std::memory_order_relaxed, std::memory_order_relaxed)) {
      return;
    }
  }
}

}  // namespace stitch::rc
