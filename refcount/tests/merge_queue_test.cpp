// Merge-queue protocol with real threads, in fixed interleavings (each step joins or waits for
// the previous one), so every branch of queue_for_owner is checked deterministically.
#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <latch>
#include <set>
#include <thread>
#include <vector>

#include "refcount/merge_queue.h"
#include "refcount/refcount.h"
#include "refcount/tests/test_support.h"

namespace stitch::rc {
namespace {

using testing::DeallocTally;
using testing::FakeThreadState;
using testing::ObjectPool;
using testing::ScopedRegistration;

std::intptr_t shared_of(const ObjectHeader* object) {
  return object->shared.load(std::memory_order_relaxed);
}

TEST(ThreadIdThreaded, DiffersAcrossLiveThreads) {
  constexpr int kThreads = 8;
  std::vector<std::uintptr_t> ids(kThreads);
  std::latch all_alive(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      ids[i] = current_thread_id();
      all_alive.arrive_and_wait();  // nobody exits before all ids are taken
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<std::uintptr_t> distinct(ids.begin(), ids.end());
  distinct.insert(current_thread_id());
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kThreads + 1));
  EXPECT_EQ(distinct.count(0), 0u);
}

TEST(MergeQueueThreaded, ForeignSharedReferenceMakesObjectNotUniquelyReferenced) {
  DeallocTally::reset(1);
  Domain domain{DeallocTally::count};
  ScopedRegistration owner{domain};
  ObjectPool pool{1};
  ObjectHeader* object = pool.header(0);
  init_owned(object, nullptr);
  ASSERT_TRUE(is_uniquely_referenced(object));
  std::thread([&] {
    ScopedRegistration other{domain};
    incref(object);
  }).join();
  EXPECT_EQ(shared_of(object), kSharedOne);
  EXPECT_FALSE(is_uniquely_referenced(object));
  std::thread([&] {
    ScopedRegistration other{domain};
    decref(object, DeallocTally::count);
  }).join();
  EXPECT_TRUE(is_uniquely_referenced(object));
  decref(object, DeallocTally::count);
  EXPECT_EQ(DeallocTally::of(0), 1);
}

TEST(MergeQueueThreaded, NonOwnerDropGoesThroughTheQueueAndTheOwnerMergesIt) {
  DeallocTally::reset(1);
  Domain domain{DeallocTally::count};
  FakeThreadState owner_state;
  ScopedRegistration owner{domain, owner_state.hooks()};
  ObjectPool pool{1};
  ObjectHeader* object = pool.header(0);
  init_owned(object, nullptr);
  incref(object);  // a reference for the other thread, accounted in our local count
  std::thread([&] {
    ScopedRegistration other{domain};
    decref(object, DeallocTally::count);
  }).join();
  EXPECT_EQ(shared_of(object), kSharedQueued);
  EXPECT_EQ(domain.stats().queued, 1u);
  EXPECT_EQ(owner_state.merge_requests.load(), 1);
  decref(object, DeallocTally::count);  // local 1: the queue's reference
  EXPECT_EQ(DeallocTally::of(0), 0);
  EXPECT_EQ(domain.merge_pending(owner.record()), 1u);
  EXPECT_EQ(DeallocTally::of(0), 1);
  EXPECT_EQ(domain.merge_pending(owner.record()), 0u);
  EXPECT_EQ(domain.stats().merged_by_owner, 1u);
}

TEST(MergeQueueThreaded, QueuedObjectWhoseOwnerMergedMeanwhileIsFreedByTheQueueMerge) {
  // The owner's local count can reach 0 while the object is queued if the owner drops references
  // that were accounted in the shared count. Then the owner merges first (kMerged, owner_tid 0),
  // and the queue entry's later merge (extra = -1) is what brings the count to zero.
  DeallocTally::reset(1);
  Domain domain{DeallocTally::count};
  ScopedRegistration owner{domain};
  ObjectPool pool{1};
  ObjectHeader* object = pool.header(0);
  init_owned(object, nullptr);  // M: our reference
  incref(object);               // X: given to the other thread
  incref(object);               // X2: given to the other thread; local 3
  std::thread([&] {
    ScopedRegistration other{domain};
    decref(object, DeallocTally::count);  // drops X: count 0 -> queued for us
    incref(object);                       // S1, from X2, handed back to us
    incref(object);                       // S2, likewise
  }).join();
  EXPECT_EQ(shared_of(object), make_shared(2, SharedState::kQueued));
  for (int i = 0; i < 3; ++i) decref(object, DeallocTally::count);  // M, S1, S2: local 0
  EXPECT_EQ(shared_of(object), make_shared(2, SharedState::kMerged));
  EXPECT_EQ(object->owner_tid.load(std::memory_order_relaxed), 0u);
  std::thread([&] {
    ScopedRegistration other{domain};
    decref(object, DeallocTally::count);  // drops X2: merged count 2 -> 1
  }).join();
  EXPECT_EQ(DeallocTally::of(0), 0);
  EXPECT_EQ(domain.merge_pending(owner.record()), 1u);  // the queue's X: 1 -> 0
  EXPECT_EQ(DeallocTally::of(0), 1);
}

TEST(MergeQueueThreaded, DropAfterTheOwnerExitedMergesDirectly) {
  DeallocTally::reset(1);
  Domain domain{DeallocTally::count};
  ScopedRegistration self{domain};
  ObjectPool pool{1};
  ObjectHeader* object = pool.header(0);
  std::thread([&] {
    ScopedRegistration owner{domain};
    init_owned(object, nullptr);
    incref(object);
    incref(object);  // local 3, then drop our own: two references left, both ours to give
    decref(object, DeallocTally::count);
  }).join();  // owner unregistered and exited
  decref(object, DeallocTally::count);
  EXPECT_EQ(domain.stats().merged_owner_gone, 1u);
  EXPECT_EQ(shared_of(object), make_shared(1, SharedState::kMerged));
  EXPECT_EQ(object->owner_tid.load(std::memory_order_relaxed), 0u);
  decref(object, DeallocTally::count);
  EXPECT_EQ(DeallocTally::of(0), 1);
}

TEST(MergeQueueThreaded, UnregisterDrainsTheQueueBeforeUnlinking) {
  constexpr std::size_t kObjects = 64;
  DeallocTally::reset(kObjects);
  Domain domain{DeallocTally::count};
  ScopedRegistration self{domain};
  ObjectPool pool{kObjects};
  std::latch created(1);
  std::latch dropped(1);
  std::thread owner_thread([&] {
    ScopedRegistration owner{domain};
    for (std::size_t id = 0; id < kObjects; ++id) {
      init_owned(pool.header(id), nullptr);  // local 1: the reference main will drop
    }
    created.count_down();
    dropped.wait();
    owner.unregister();  // must merge (and free) everything main queued
    EXPECT_EQ(DeallocTally::mismatches(1), 0u);
  });
  created.wait();
  for (std::size_t id = 0; id < kObjects; ++id) decref(pool.header(id), DeallocTally::count);
  EXPECT_EQ(domain.stats().queued, kObjects);
  EXPECT_EQ(DeallocTally::mismatches(0), 0u);
  dropped.count_down();
  owner_thread.join();
  EXPECT_EQ(domain.stats().merged_by_owner, kObjects);
  EXPECT_EQ(DeallocTally::mismatches(1), 0u);
}

// Coordination for the next test: the dealloc of object 0 (run by the owner inside its
// unregistration drain) lets main drop a reference to object 1 before it returns.
std::latch* g_dealloc_started = nullptr;
std::latch* g_dropped_during_drain = nullptr;

void dealloc_and_wait_for_a_drop(ObjectHeader* object) {
  DeallocTally::count(object);
  if (testing::as_test_object(object)->id == 0) {
    g_dealloc_started->count_down();
    g_dropped_during_drain->wait();
  }
}

TEST(MergeQueueThreaded, UnregisterKeepsDrainingObjectsQueuedDuringTheDrain) {
  DeallocTally::reset(2);
  std::latch dealloc_started(1);
  std::latch dropped_during_drain(1);
  g_dealloc_started = &dealloc_started;
  g_dropped_during_drain = &dropped_during_drain;
  Domain domain{dealloc_and_wait_for_a_drop};
  ScopedRegistration self{domain};
  ObjectPool pool{2};
  std::latch created(1);
  std::latch first_dropped(1);
  std::thread owner_thread([&] {
    ScopedRegistration owner{domain};
    init_owned(pool.header(0), nullptr);  // main's references
    init_owned(pool.header(1), nullptr);
    created.count_down();
    first_dropped.wait();
    owner.unregister();  // drains object 0, whose dealloc waits until object 1 is queued too
  });
  created.wait();
  decref(pool.header(0), dealloc_and_wait_for_a_drop);  // queued
  first_dropped.count_down();
  dealloc_started.wait();                               // the owner is inside its drain
  decref(pool.header(1), dealloc_and_wait_for_a_drop);  // queued while it drains
  dropped_during_drain.count_down();
  owner_thread.join();
  EXPECT_EQ(DeallocTally::of(0), 1);
  EXPECT_EQ(DeallocTally::of(1), 1) << "an object queued during the drain was left behind";
  EXPECT_EQ(domain.stats().queued, 2u);
  EXPECT_EQ(domain.stats().merged_owner_gone, 0u);
}

TEST(MergeQueueThreaded, DetachedOwnerIsMergedOnItsBehalf) {
  constexpr std::size_t kObjects = 64;
  DeallocTally::reset(kObjects);
  Domain domain{DeallocTally::count};
  ScopedRegistration self{domain};
  ObjectPool pool{kObjects};
  FakeThreadState owner_state;
  std::latch detached(1);
  std::latch may_attach(1);
  std::size_t merged_after_attach = 99;
  std::thread owner_thread([&] {
    ScopedRegistration owner{domain, owner_state.hooks()};
    for (std::size_t id = 0; id < kObjects; ++id) init_owned(pool.header(id), nullptr);
    owner_state.detach();  // e.g. blocked in I/O
    detached.count_down();
    may_attach.wait();
    owner_state.attach();
    merged_after_attach = domain.merge_pending(owner.record());
  });
  detached.wait();
  for (std::size_t id = 0; id < kObjects; ++id) decref(pool.header(id), DeallocTally::count);
  // Everything was freed while the owner stayed detached, without waking it.
  EXPECT_EQ(DeallocTally::mismatches(1), 0u);
  EXPECT_EQ(domain.stats().merged_on_behalf, kObjects);
  EXPECT_EQ(domain.stats().queued, 0u);
  EXPECT_EQ(owner_state.merge_requests.load(), 0);
  EXPECT_EQ(owner_state.pauses.load(), static_cast<int>(kObjects));
  may_attach.count_down();
  owner_thread.join();
  EXPECT_EQ(merged_after_attach, 0u);
}

TEST(MergeQueueThreaded, SweepMergesTheQueuesOfOwnersThatDetachedLater) {
  constexpr std::size_t kObjects = 64;
  DeallocTally::reset(kObjects);
  Domain domain{DeallocTally::count};
  ScopedRegistration self{domain};
  ObjectPool pool{kObjects};
  FakeThreadState owner_state;
  std::latch created(1);
  std::latch queued(1);
  std::latch detached(1);
  std::latch swept(1);
  std::size_t merged_after_attach = 99;
  std::thread owner_thread([&] {
    ScopedRegistration owner{domain, owner_state.hooks()};
    for (std::size_t id = 0; id < kObjects; ++id) init_owned(pool.header(id), nullptr);
    created.count_down();
    queued.wait();  // attached meanwhile: main's drops were queued
    owner_state.detach();
    detached.count_down();
    swept.wait();
    owner_state.attach();
    merged_after_attach = domain.merge_pending(owner.record());
  });
  created.wait();
  for (std::size_t id = 0; id < kObjects; ++id) decref(pool.header(id), DeallocTally::count);
  EXPECT_EQ(domain.stats().queued, kObjects);
  EXPECT_GE(owner_state.merge_requests.load(), 1);
  EXPECT_EQ(DeallocTally::mismatches(0), 0u);
  domain.merge_on_behalf_of_detached_owners();  // owner still attached: nothing happens
  EXPECT_EQ(DeallocTally::mismatches(0), 0u);
  queued.count_down();
  detached.wait();
  domain.merge_on_behalf_of_detached_owners();
  EXPECT_EQ(DeallocTally::mismatches(1), 0u);
  EXPECT_EQ(domain.stats().merged_on_behalf, kObjects);
  swept.count_down();
  owner_thread.join();
  EXPECT_EQ(merged_after_attach, 0u);
}

TEST(MergeQueueThreaded, NewThreadReusingAnExitedOwnersIdBecomesTheOwner) {
  constexpr std::size_t kObjects = 64;
  DeallocTally::reset(kObjects);
  Domain domain{DeallocTally::count};
  ScopedRegistration self{domain};
  ObjectPool pool{kObjects};
  std::uintptr_t first_id = 0;
  std::thread([&] {
    ScopedRegistration owner{domain};
    first_id = current_thread_id();
    for (std::size_t id = 0; id < kObjects; ++id) init_owned(pool.header(id), nullptr);
  }).join();  // local 1 each: main's references; the owner is gone

  std::latch registered(1);
  std::latch first_half_dropped(1);
  std::latch successor_done(1);
  std::latch second_half_dropped(1);
  std::uintptr_t second_id = 0;
  std::thread successor([&] {
    ScopedRegistration owner{domain};
    second_id = current_thread_id();
    registered.count_down();
    first_half_dropped.wait();
    domain.merge_pending(owner.record());
    // With a reused id these take the owner path on the exited thread's objects; otherwise the
    // shared path. Main still holds its references to this half.
    for (std::size_t id = kObjects / 2; id < kObjects; ++id) {
      incref(pool.header(id));
      decref(pool.header(id), DeallocTally::count);
    }
    successor_done.count_down();
    second_half_dropped.wait();
  });  // unregistering drains whatever was queued to it
  registered.wait();
  for (std::size_t id = 0; id < kObjects / 2; ++id) decref(pool.header(id), DeallocTally::count);
  first_half_dropped.count_down();
  successor_done.wait();
  for (std::size_t id = kObjects / 2; id < kObjects; ++id) {
    decref(pool.header(id), DeallocTally::count);
  }
  second_half_dropped.count_down();
  successor.join();
  ::testing::Test::RecordProperty("thread_id_reused", first_id == second_id ? "yes" : "no");
  EXPECT_EQ(DeallocTally::mismatches(1), 0u);
  const Domain::Stats stats = domain.stats();
  EXPECT_EQ(stats.merged_by_owner + stats.merged_owner_gone, kObjects);
}

}  // namespace
}  // namespace stitch::rc
