// The 32-byte header at the start of every Stitch object.
//
// Layout (64-bit), in this order:
//   owner_tid    8  thread that owns `local_count`; 0 = merged/unowned (also immortals)
//   flags        2  object-model flags (opaque here)
//   mutex        1  the per-object 1-byte lock state; core/sync views this byte as a sync::Mutex
//   gc_bits      1  kTracked / kShared / kDeferred ... (relaxed; written under the object lock
//                   or while the object is still thread-private)
//   local_count  4  the owner's count: only the owner thread writes it, with relaxed load + relaxed
//                   store (never an RMW). kImmortalLocal (UINT32_MAX) marks an immortal object;
//                   kDeferredLocalBase + uid marks a deferred one (deferred.h), whose counts live
//                   in per-thread arrays.
//   shared       8  (count << kSharedShift) | SharedState. Every other thread's references live
//                   here and change by atomic RMW. `count` may go negative (see below).
//   type         8  opaque to this layer; core/object stores its type pointer here
//
// The true reference count is `local_count + (shared >> kSharedShift)`.
//
// SharedState (the low two bits of `shared`) only ever moves upward, and every transition is a
// CAS on `shared`:
//   kDefault       the owner may free the object without any atomic RMW when both counts reach 0.
//   kMaybeWeakref  lock-free readers may try_incref it, so the owner must merge (CAS) before freeing.
//   kQueued        a non-owner dropped a reference that the shared count could not absorb; the
//                  object sits in its owner's merge queue, and that queue entry owns the reference.
//   kMerged        the counts were merged into `shared`: owner_tid = 0, local_count unused (0). The
//                  object dies when the shared count reaches 0.
// While the object is not merged, the shared count may be negative: a non-owner may drop a reference
// that the owner's local count accounted for (after the queue took the object, decrements subtract).
//
// The invariant "owner_tid == 0 implies merged or immortal" holds because every merge writes the
// private fields (owner_tid = 0, local_count = 0) *before* the CAS that publishes kMerged (see
// refcount.h).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace stitch::rc {

enum class SharedState : std::uintptr_t { kDefault = 0, kMaybeWeakref = 1, kQueued = 2, kMerged = 3 };

inline constexpr int kSharedShift = 2;
inline constexpr std::intptr_t kSharedStateMask = (std::intptr_t{1} << kSharedShift) - 1;
/// One reference in the `shared` field.
inline constexpr std::intptr_t kSharedOne = std::intptr_t{1} << kSharedShift;
/// `local_count` value that marks an object immortal: incref and decref are no-ops.
inline constexpr std::uint32_t kImmortalLocal = UINT32_MAX;
/// `local_count` values from here up to kImmortalLocal - 1 mark deferred objects (deferred.h):
/// the value is kDeferredLocalBase + the object's uid. An owner's count never reaches this range
/// (an increment that would reach it makes the object immortal instead).
inline constexpr std::uint32_t kDeferredLocalBase = 0xFF000000u;

namespace gc_bits {
inline constexpr std::uint8_t kTracked = 1;
inline constexpr std::uint8_t kShared = 16;  // container read lock-free by several threads
// Lock-free readers may hold a raw pointer to this object: its memory is freed after a QSBR
// grace period, not at once (core/object/lockfree.h). Set with fetch_or, never cleared.
inline constexpr std::uint8_t kLockFreeReadable = 32;
inline constexpr std::uint8_t kDeferred = 64;
}  // namespace gc_bits

struct ObjectHeader {
  std::atomic<std::uintptr_t> owner_tid{0};
  std::atomic<std::uint16_t> flags{0};
  std::atomic<std::uint8_t> mutex{0};
  std::atomic<std::uint8_t> gc_bits{0};
  std::atomic<std::uint32_t> local_count{0};
  std::atomic<std::intptr_t> shared{0};
  const void* type = nullptr;
};

static_assert(sizeof(ObjectHeader) == 32, "the object header is exactly 32 bytes");
static_assert(std::is_standard_layout_v<ObjectHeader>, "offsetof and first-member casts need this");
static_assert(offsetof(ObjectHeader, owner_tid) == 0);
static_assert(offsetof(ObjectHeader, flags) == 8);
static_assert(offsetof(ObjectHeader, mutex) == 10);
static_assert(offsetof(ObjectHeader, gc_bits) == 11);
static_assert(offsetof(ObjectHeader, local_count) == 12);
static_assert(offsetof(ObjectHeader, shared) == 16);
static_assert(offsetof(ObjectHeader, type) == 24);
static_assert(std::atomic<std::uintptr_t>::is_always_lock_free);
static_assert(std::atomic<std::intptr_t>::is_always_lock_free);
static_assert(std::atomic<std::uint32_t>::is_always_lock_free);
static_assert(std::atomic<std::uint8_t>::is_always_lock_free);

/// Helpers over a value of the `shared` field.
constexpr SharedState shared_state_of(std::intptr_t shared) {
  return static_cast<SharedState>(shared & kSharedStateMask);
}
constexpr std::intptr_t shared_count_of(std::intptr_t shared) { return shared >> kSharedShift; }
constexpr std::intptr_t make_shared(std::intptr_t count, SharedState state) {
  return static_cast<std::intptr_t>(static_cast<std::uintptr_t>(count) << kSharedShift) |
         static_cast<std::intptr_t>(state);
}
inline constexpr std::intptr_t kSharedMerged = make_shared(0, SharedState::kMerged);
inline constexpr std::intptr_t kSharedMaybeWeakref = make_shared(0, SharedState::kMaybeWeakref);
inline constexpr std::intptr_t kSharedQueued = make_shared(0, SharedState::kQueued);

using DeallocFn = void (*)(ObjectHeader*);

}  // namespace stitch::rc
