// Lock-free reads of builtin containers (dict lookups, list indexing and iteration): the rules
// that make them memory-safe, in one place.
//
// A reader that does not take a container's lock can hold three kinds of raw pointers for a
// short while: the container's table (a dict's keys block, a list's item array), a key or value
// object loaded from that table, and nothing else. It turns the object pointer into a reference
// with a conditional increment (try_incref_compare below) and then re-validates that the slot
// (and, for dicts, the table and the entry's key) still hold what it read; on any doubt it falls
// back to the locked path, which is always correct. Three rules keep those raw pointers valid:
//
// 1. Tables. A table replaced or dropped while lock-free readers may be probing it is freed
//    through QSBR (ThreadState::retire): the reader is between two safepoints (it reports no
//    quiescent state inside a lookup), so the table outlives the lookup. See free_table().
//
// 2. Objects. Stitch frees an object's memory as soon as its count reaches zero, and memory from
//    mimalloc (or, under the sanitizers, the system allocator) can then be reused for anything or
//    handed back to the OS, so the CPython trick of "the header of a freed object stays a header"
//    (type-stable mimalloc pages whose reuse is QSBR-gated) does not hold for our allocator.
//    Instead, an object that a lock-free reader could load from a container gets the header bit
//    gc_bits::kLockFreeReadable before it is stored there (publish_to_readers), and the final
//    step of its dealloc, free_object_memory(), hands memory with that bit to QSBR instead of
//    freeing it. So for as long as a reader stays between safepoints, any header it loaded from
//    a table is mapped, unreused, and shows either a live count or the dead state (count 0,
//    kMerged): try_incref refuses the dead one, so a reader never resurrects a freed object.
//    publish_to_readers also moves the object to kMaybeWeakref (rc::set_maybe_weakref), because
//    try_incref refuses "kDefault, shared count 0": its owner may free it without any atomic.
//
// 3. Who reads lock-free. Only attached threads (QSBR online; exec_state().thread set), and only
//    when the container is *shared* (gc_bits::kShared) or owned by the reading thread. A thread
//    that is neither takes the lock, and under that lock marks the container shared
//    (share_locked): it publishes every key/value/item already stored (rule 2) and from then on
//    every writer retires tables through QSBR (rule 1) and publishes what it stores. Every
//    mutation by a non-owner also marks the container shared first, under the lock. So while a
//    container is unshared, only its owner touches it and the owner's own frees cannot race its
//    own reads; the cost of rules 1 and 2 is paid only by containers that two threads touched.
//
// Orders: the shared bit is set and read under the container's lock by writers (the lock orders
// it); readers read it relaxed (a stale "unshared" only sends them to the locked path). Header
// bits are atomic RMWs (fetch_or), so they never lose a concurrent update.
#pragma once

#include <atomic>
#include <cstddef>

#include "core/object/exec_state.h"
#include "core/object/object.h"
#include "refcount/try_incref.h"

namespace stitch {

inline bool is_shared_container(const Object* container) {
  return (container->header.gc_bits.load(std::memory_order_relaxed) & rc::gc_bits::kShared) != 0;
}

/// May the calling thread read `container`'s table without its lock (rule 3)?
inline bool may_read_lock_free(const Object* container) {
  return exec_state().thread != nullptr &&
         (is_shared_container(container) || rc::is_owned_by_current_thread(&container->header));
}

/// Must a locked operation by the calling thread mark `container` shared first? (Lock held.)
inline bool must_share_locked(const Object* container) {
  return !is_shared_container(container) && !rc::is_owned_by_current_thread(&container->header);
}

/// Sets the shared bit. Caller holds the container's lock and has published its contents.
inline void set_shared_bit_locked(Object* container) {
  container->header.gc_bits.fetch_or(rc::gc_bits::kShared, std::memory_order_relaxed);
}

/// Rule 2: call before storing `object` into a shared container (and for every object already in
/// a container that becomes shared). Idempotent; no RMW once done.
inline void publish_to_readers(Object* object) {
  if (is_immortal(object)) return;
  if ((object->header.gc_bits.load(std::memory_order_relaxed) & rc::gc_bits::kLockFreeReadable) == 0) {
    object->header.gc_bits.fetch_or(rc::gc_bits::kLockFreeReadable, std::memory_order_relaxed);
  }
  rc::set_maybe_weakref(&object->header);
}

/// A strong reference to `expected` if `slot` still holds it after the conditional increment;
/// false (nothing held) otherwise. `expected` was loaded from `slot` by a lock-free reader.
inline bool try_incref_compare(const std::atomic<Object*>& slot, Object* expected) {
  if (!rc::try_incref(&expected->header)) return false;
  // Acquire pairs with the writer's release store that replaced the slot: if the slot still
  // holds `expected`, the writer's later decref (release) is ordered after our increment.
  if (slot.load(std::memory_order_acquire) != expected) {
    decref(expected);
    return false;
  }
  return true;
}

/// Rule 1: frees a table block now (`shared` false: no lock-free reader can hold it) or after a
/// grace period.
void free_table(void* block, std::size_t bytes, bool shared);

/// Rule 2's other half, called by free_object_memory for objects with kLockFreeReadable.
void retire_object_memory(Object* object);

}  // namespace stitch
