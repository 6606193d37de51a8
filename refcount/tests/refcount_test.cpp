// Single-threaded behaviour of the header and the counting paths. "Owned by another thread" is
// modelled with an owner id that no live thread can have (kNoLiveThread).
#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>

#include "refcount/deferred.h"
#include "refcount/merge_queue.h"
#include "refcount/object_header.h"
#include "refcount/refcount.h"
#include "refcount/tests/test_support.h"
#include "refcount/try_incref.h"

namespace stitch::rc {
namespace {

using testing::DeallocTally;
using testing::ObjectPool;
using testing::ScopedRegistration;

// Thread pointers are TCB addresses, never this small.
constexpr std::uintptr_t kNoLiveThread = 8;

class RefcountTest : public ::testing::Test {
 protected:
  static constexpr std::size_t kObjects = 8;
  RefcountTest() { DeallocTally::reset(kObjects); }

  ObjectHeader* owned(std::size_t id) {
    init_owned(pool_.header(id), &kType);
    return pool_.header(id);
  }
  // An object whose local count belongs to a thread that does not exist (any more).
  ObjectHeader* foreign(std::size_t id, std::uint32_t local) {
    ObjectHeader* object = owned(id);
    object->owner_tid.store(kNoLiveThread, std::memory_order_relaxed);
    object->local_count.store(local, std::memory_order_relaxed);
    return object;
  }
  static std::intptr_t shared_of(const ObjectHeader* object) {
    return object->shared.load(std::memory_order_relaxed);
  }
  static std::uint32_t local_of(const ObjectHeader* object) {
    return object->local_count.load(std::memory_order_relaxed);
  }

  static constexpr int kType = 0;
  Domain domain_{DeallocTally::count};
  ScopedRegistration registration_{domain_};
  ObjectPool pool_{kObjects};
};

TEST(HeaderLayout, IsThirtyTwoBytesInTheDocumentedOrder) {
  EXPECT_EQ(sizeof(ObjectHeader), 32u);
  EXPECT_EQ(offsetof(ObjectHeader, owner_tid), 0u);
  EXPECT_EQ(offsetof(ObjectHeader, flags), 8u);
  EXPECT_EQ(offsetof(ObjectHeader, mutex), 10u);
  EXPECT_EQ(offsetof(ObjectHeader, gc_bits), 11u);
  EXPECT_EQ(offsetof(ObjectHeader, local_count), 12u);
  EXPECT_EQ(offsetof(ObjectHeader, shared), 16u);
  EXPECT_EQ(offsetof(ObjectHeader, type), 24u);
}

TEST(HeaderLayout, SharedWordPacksCountAndStateIncludingNegativeCounts) {
  for (std::intptr_t count : {std::intptr_t{-5}, std::intptr_t{-1}, std::intptr_t{0},
                              std::intptr_t{1}, std::intptr_t{123456}}) {
    for (SharedState state : {SharedState::kDefault, SharedState::kMaybeWeakref,
                              SharedState::kQueued, SharedState::kMerged}) {
      const std::intptr_t shared = make_shared(count, state);
      EXPECT_EQ(shared_count_of(shared), count);
      EXPECT_EQ(shared_state_of(shared), state);
    }
  }
}

TEST(ThreadId, IsNonzeroAndStableWithinAThread) {
  const std::uintptr_t id = current_thread_id();
  EXPECT_NE(id, 0u);
  EXPECT_EQ(current_thread_id(), id);
}

TEST_F(RefcountTest, InitOwnedMakesTheCurrentThreadTheOwnerWithOneLocalReference) {
  ObjectHeader* object = owned(0);
  EXPECT_EQ(object->owner_tid.load(std::memory_order_relaxed), current_thread_id());
  EXPECT_EQ(local_of(object), 1u);
  EXPECT_EQ(shared_of(object), 0);
  EXPECT_EQ(object->type, &kType);
  EXPECT_EQ(reference_count(object), 1);
}

TEST_F(RefcountTest, OwnerIncrefDecrefOnlyTouchTheLocalCount) {
  ObjectHeader* object = owned(0);
  for (int i = 0; i < 3; ++i) incref(object);
  EXPECT_EQ(local_of(object), 4u);
  EXPECT_EQ(shared_of(object), 0);
  for (int i = 0; i < 3; ++i) decref(object, DeallocTally::count);
  EXPECT_EQ(local_of(object), 1u);
  EXPECT_EQ(shared_of(object), 0);
  EXPECT_EQ(DeallocTally::of(0), 0);
}

TEST_F(RefcountTest, OwnerDeallocsExactlyOnceWhenTheCountReachesZero) {
  ObjectHeader* object = owned(0);
  incref(object);
  decref(object, DeallocTally::count);
  EXPECT_EQ(DeallocTally::of(0), 0);
  decref(object, DeallocTally::count);
  EXPECT_EQ(DeallocTally::of(0), 1);
  // The atomic-free path: never merged.
  EXPECT_EQ(object->owner_tid.load(std::memory_order_relaxed), current_thread_id());
}

TEST_F(RefcountTest, OwnerReachingZeroWithMaybeWeakrefMergesBeforeFreeing) {
  ObjectHeader* object = owned(0);
  set_maybe_weakref(object);
  EXPECT_EQ(shared_of(object), kSharedMaybeWeakref);
  decref(object, DeallocTally::count);
  EXPECT_EQ(DeallocTally::of(0), 1);
  EXPECT_EQ(shared_of(object), kSharedMerged);
  EXPECT_EQ(object->owner_tid.load(std::memory_order_relaxed), 0u);
}

TEST_F(RefcountTest, OwnerReachingZeroWithForeignReferencesHandsTheObjectToTheSharedCount) {
  ObjectHeader* object = owned(0);
  object->shared.fetch_add(2 * kSharedOne, std::memory_order_relaxed);  // two foreign refs
  decref(object, DeallocTally::count);
  EXPECT_EQ(DeallocTally::of(0), 0);
  EXPECT_EQ(shared_of(object), make_shared(2, SharedState::kMerged));
  EXPECT_EQ(object->owner_tid.load(std::memory_order_relaxed), 0u);
  // Now nobody owns it: decrefs subtract, the last one frees.
  decref(object, DeallocTally::count);
  EXPECT_EQ(DeallocTally::of(0), 0);
  decref(object, DeallocTally::count);
  EXPECT_EQ(DeallocTally::of(0), 1);
}

TEST_F(RefcountTest, ImmortalObjectsIgnoreCountingAndAreNeverFreed) {
  ObjectHeader* object = owned(0);
  make_immortal(object);
  EXPECT_TRUE(is_immortal(object));
  for (int i = 0; i < 100; ++i) decref(object, DeallocTally::count);
  for (int i = 0; i < 10; ++i) incref(object);
  EXPECT_EQ(DeallocTally::of(0), 0);
  EXPECT_TRUE(is_immortal(object));
  EXPECT_EQ(shared_of(object), 0);
  EXPECT_EQ(reference_count(object), static_cast<std::intptr_t>(kImmortalLocal));
  // Foreign threads' paths are no-ops too.
  ObjectHeader* foreign_immortal = foreign(1, kImmortalLocal);
  decref(foreign_immortal, DeallocTally::count);
  incref(foreign_immortal);
  EXPECT_EQ(shared_of(foreign_immortal), 0);
  EXPECT_EQ(DeallocTally::of(1), 0);
}

TEST_F(RefcountTest, LocalCountOverflowMakesTheObjectImmortal) {
  ObjectHeader* object = owned(0);
  // The owner's count stops below the deferred range: one more makes it immortal.
  object->local_count.store(kDeferredLocalBase - 2, std::memory_order_relaxed);
  incref(object);
  EXPECT_FALSE(is_immortal(object));
  EXPECT_EQ(local_of(object), kDeferredLocalBase - 1);
  incref(object);
  EXPECT_TRUE(is_immortal(object));
  EXPECT_FALSE(is_deferred(object));
  for (int i = 0; i < 10; ++i) decref(object, DeallocTally::count);
  EXPECT_TRUE(is_immortal(object));
  EXPECT_EQ(DeallocTally::of(0), 0);
}

TEST_F(RefcountTest, UniquelyReferencedOnlyWhenOwnerHoldsTheSoleReference) {
  ObjectHeader* object = owned(0);
  EXPECT_TRUE(is_uniquely_referenced(object));
  incref(object);
  EXPECT_FALSE(is_uniquely_referenced(object));
  decref(object, DeallocTally::count);
  EXPECT_TRUE(is_uniquely_referenced(object));
  set_maybe_weakref(object);  // readers may take references: not unique any more
  EXPECT_FALSE(is_uniquely_referenced(object));
  EXPECT_FALSE(is_uniquely_referenced(foreign(1, 1)));  // not the owner
}

TEST_F(RefcountTest, ExplicitMergeWritesPrivateFieldsAndFoldsTheCounts) {
  ObjectHeader* object = owned(0);
  incref(object);
  incref(object);                                                      // local 3
  object->shared.fetch_add(2 * kSharedOne, std::memory_order_relaxed);  // shared 2
  EXPECT_EQ(reference_count(object), 5);
  EXPECT_EQ(explicit_merge(object, -1), 4);
  EXPECT_EQ(object->owner_tid.load(std::memory_order_relaxed), 0u);
  EXPECT_EQ(local_of(object), 0u);
  EXPECT_EQ(shared_of(object), make_shared(4, SharedState::kMerged));
  EXPECT_EQ(reference_count(object), 4);
}

TEST_F(RefcountTest, NonOwnerDecrefOfAnOwnerlessObjectMergesDirectly) {
  ObjectHeader* object = foreign(0, 2);  // both references accounted in the local count
  decref(object, DeallocTally::count);   // shared count 0 -> queue -> no owner record -> merge
  EXPECT_EQ(shared_of(object), make_shared(1, SharedState::kMerged));
  EXPECT_EQ(object->owner_tid.load(std::memory_order_relaxed), 0u);
  EXPECT_EQ(domain_.stats().merged_owner_gone, 1u);
  EXPECT_EQ(DeallocTally::of(0), 0);
  decref(object, DeallocTally::count);
  EXPECT_EQ(DeallocTally::of(0), 1);
}

TEST_F(RefcountTest, NonOwnerIncrefDecrefUseTheSharedCount) {
  ObjectHeader* object = foreign(0, 1);
  incref(object);
  EXPECT_EQ(shared_of(object), kSharedOne);
  EXPECT_EQ(local_of(object), 1u);
  decref(object, DeallocTally::count);
  EXPECT_EQ(shared_of(object), 0);
  EXPECT_EQ(domain_.stats().merged_owner_gone, 0u);
}

TEST_F(RefcountTest, TryIncrefCompareSucceedsOnMaybeWeakrefObjects) {
  ObjectHeader* object = foreign(0, 1);
  set_maybe_weakref(object);
  std::atomic<ObjectHeader*> slot{object};
  ASSERT_TRUE(try_incref_compare(&slot, object));
  EXPECT_EQ(shared_of(object), make_shared(1, SharedState::kMaybeWeakref));
  EXPECT_EQ(try_get_ref(&slot), object);
  EXPECT_EQ(reference_count(object), 3);
}

TEST_F(RefcountTest, TryIncrefCompareFailsAndUndoesWhenTheSlotChanged) {
  ObjectHeader* object = foreign(0, 1);
  set_maybe_weakref(object);
  std::atomic<ObjectHeader*> slot{foreign(1, 1)};
  EXPECT_FALSE(try_incref_compare(&slot, object));
  EXPECT_EQ(shared_of(object), kSharedMaybeWeakref);  // increment undone
  EXPECT_EQ(DeallocTally::of(0), 0);
}

TEST_F(RefcountTest, TryIncrefCompareRefusesSharedZeroAndDeadObjects) {
  ObjectHeader* object = foreign(0, 1);  // kDefault, count 0: the owner may free it any time
  std::atomic<ObjectHeader*> slot{object};
  EXPECT_FALSE(try_incref_compare(&slot, object));
  EXPECT_EQ(shared_of(object), 0);
  ObjectHeader* dead = foreign(1, 0);
  dead->owner_tid.store(0, std::memory_order_relaxed);
  dead->shared.store(kSharedMerged, std::memory_order_relaxed);
  slot.store(dead, std::memory_order_relaxed);
  EXPECT_FALSE(try_incref_compare(&slot, dead));
  EXPECT_EQ(shared_of(dead), kSharedMerged);
}

TEST_F(RefcountTest, TryIncrefCompareAlwaysSucceedsForOwnerAndImmortal) {
  ObjectHeader* mine = owned(0);  // kDefault, shared 0 but ours
  std::atomic<ObjectHeader*> slot{mine};
  EXPECT_TRUE(try_incref_compare(&slot, mine));
  EXPECT_EQ(local_of(mine), 2u);
  ObjectHeader* immortal = foreign(1, kImmortalLocal);
  slot.store(immortal, std::memory_order_relaxed);
  EXPECT_TRUE(try_incref_compare(&slot, immortal));
  EXPECT_EQ(shared_of(immortal), 0);
}

TEST_F(RefcountTest, TryIncrefWithoutSlotFollowsTheSameRules) {
  ObjectHeader* published = foreign(0, 1);
  set_maybe_weakref(published);
  EXPECT_TRUE(try_incref(published));  // shared CAS: count 1, still kMaybeWeakref
  EXPECT_EQ(shared_of(published), make_shared(1, SharedState::kMaybeWeakref));
  ObjectHeader* unpublished = foreign(1, 1);  // kDefault, shared 0: its owner may free it
  EXPECT_FALSE(try_incref(unpublished));
  EXPECT_EQ(shared_of(unpublished), 0);
  ObjectHeader* dead = foreign(2, 0);
  dead->owner_tid.store(0, std::memory_order_relaxed);
  dead->shared.store(kSharedMerged, std::memory_order_relaxed);
  EXPECT_FALSE(try_incref(dead));
  EXPECT_EQ(shared_of(dead), kSharedMerged);
  ObjectHeader* mine = owned(3);
  EXPECT_TRUE(try_incref(mine));  // owner: plain local increment even in kDefault
  EXPECT_EQ(local_of(mine), 2u);
  EXPECT_EQ(shared_of(mine), 0);
  ObjectHeader* immortal = foreign(4, kImmortalLocal);
  EXPECT_TRUE(try_incref(immortal));
  EXPECT_EQ(shared_of(immortal), 0);
  EXPECT_EQ(local_of(immortal), kImmortalLocal);
}

TEST_F(RefcountTest, TryGetRefOfAnEmptySlotIsNull) {
  std::atomic<ObjectHeader*> slot{nullptr};
  EXPECT_EQ(try_get_ref(&slot), nullptr);
}

TEST_F(RefcountTest, IncrefWithLockSetsMaybeWeakrefSoLaterLockFreeReadsSucceed) {
  ObjectHeader* object = foreign(0, 1);
  std::atomic<ObjectHeader*> slot{object};
  EXPECT_FALSE(try_incref_compare(&slot, object));  // the lock-free read fails...
  incref_with_lock(object);                          // ...so the reader takes the lock
  EXPECT_EQ(shared_of(object), make_shared(1, SharedState::kMaybeWeakref));
  EXPECT_TRUE(try_incref_compare(&slot, object));  // and the next lock-free read succeeds
  EXPECT_EQ(shared_count_of(shared_of(object)), 2);
}

TEST_F(RefcountTest, SetMaybeWeakrefOnlyMovesUpFromDefault) {
  ObjectHeader* object = owned(0);
  object->shared.store(make_shared(3, SharedState::kQueued), std::memory_order_relaxed);
  set_maybe_weakref(object);
  EXPECT_EQ(shared_of(object), make_shared(3, SharedState::kQueued));
  ObjectHeader* immortal = owned(1);
  make_immortal(immortal);
  set_maybe_weakref(immortal);
  EXPECT_EQ(shared_of(immortal), 0);
}

TEST(DomainTest, RegisteringTwiceFromOneThreadIsRefused) {
  Domain domain{DeallocTally::count};
  ThreadRecord* record = domain.register_current_thread({});
  ASSERT_NE(record, nullptr);
  EXPECT_EQ(current_record(), record);
  EXPECT_EQ(record->thread_id(), current_thread_id());
  EXPECT_EQ(domain.register_current_thread({}), nullptr);
  domain.unregister_current_thread(record);
  EXPECT_EQ(current_record(), nullptr);
}

}  // namespace
}  // namespace stitch::rc
