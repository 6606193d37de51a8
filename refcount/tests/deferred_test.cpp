// Deferred objects: per-thread counts, the fold at thread exit, and the release sweep.
#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

#include "refcount/deferred.h"
#include "refcount/merge_queue.h"
#include "refcount/refcount.h"
#include "refcount/tests/test_support.h"
#include "refcount/try_incref.h"

namespace stitch::rc {
namespace {

using testing::DeallocTally;
using testing::ObjectPool;
using testing::ScopedRegistration;

constexpr std::size_t kObjects = 16;

class DeferredTest : public ::testing::Test {
 protected:
  DeferredTest() { DeallocTally::reset(kObjects); }

  ObjectHeader* deferred(std::size_t id) {
    ObjectHeader* object = pool_.header(id);
    init_owned(object, nullptr);
    EXPECT_TRUE(set_deferred(object));
    return object;
  }
  static std::intptr_t shared_count(const ObjectHeader* object) {
    return shared_count_of(object->shared.load(std::memory_order_relaxed));
  }

  Domain domain_{DeallocTally::count};
  ScopedRegistration registration_{domain_};
  ObjectPool pool_{kObjects};
};

TEST_F(DeferredTest, CountsGoToThisThreadAndNeverFreeTheObject) {
  ObjectHeader* object = deferred(0);
  EXPECT_TRUE(is_deferred(object));
  EXPECT_FALSE(is_immortal(object));
  EXPECT_FALSE(is_uniquely_referenced(object));
  EXPECT_EQ(object->owner_tid.load(), 0u);
  EXPECT_EQ(shared_count(object), 1);  // the creator's reference moved to the shared count
  incref(object);
  incref(object);
  EXPECT_EQ(registration_.record()->deferred_counts().get(object->local_count.load() - kDeferredLocalBase), 2);
  EXPECT_EQ(shared_count(object), 1);  // untouched by counting
  EXPECT_EQ(reference_count(object), 3);
  for (int i = 0; i < 3; ++i) decref(object, DeallocTally::count);
  EXPECT_EQ(reference_count(object), 0);
  EXPECT_EQ(DeallocTally::of(0), 0);  // counting alone never frees a deferred object
  EXPECT_EQ(domain_.release_deferred(), 1u);
  EXPECT_EQ(DeallocTally::of(0), 1);
  EXPECT_FALSE(is_deferred(object));
}

TEST_F(DeferredTest, ReleaseTurnsReferencedObjectsIntoOrdinaryOnes) {
  ObjectHeader* kept = deferred(0);
  ObjectHeader* dropped = deferred(1);
  incref(kept);
  decref(dropped, DeallocTally::count);
  EXPECT_EQ(domain_.stats().deferred_live, 2u);
  EXPECT_EQ(domain_.release_deferred(), 1u);
  EXPECT_EQ(DeallocTally::of(1), 1);
  EXPECT_EQ(DeallocTally::of(0), 0);
  EXPECT_FALSE(is_deferred(kept));
  EXPECT_EQ(kept->shared.load(), make_shared(2, SharedState::kMerged));
  decref(kept, DeallocTally::count);  // ordinary counting from here on
  EXPECT_EQ(DeallocTally::of(0), 0);
  decref(kept, DeallocTally::count);
  EXPECT_EQ(DeallocTally::of(0), 1);
  const Domain::Stats stats = domain_.stats();
  EXPECT_EQ(stats.deferred_live, 0u);
  EXPECT_EQ(stats.deferred_released, 2u);
  EXPECT_EQ(stats.deferred_freed, 1u);
  EXPECT_EQ(stats.deferred_miscounted, 0u);
}

TEST_F(DeferredTest, OverReleasedObjectsAreReportedAndLeakedNotFreed) {
  ObjectHeader* object = deferred(0);
  decref(object, DeallocTally::count);
  decref(object, DeallocTally::count);  // one more than it had
  EXPECT_EQ(domain_.release_deferred(), 0u);
  EXPECT_EQ(DeallocTally::of(0), 0);
  EXPECT_EQ(domain_.stats().deferred_miscounted, 1u);
}

TEST_F(DeferredTest, OnlyPrivateOwnedObjectsBecomeDeferred) {
  ObjectHeader* immortal = pool_.header(0);
  init_owned(immortal, nullptr);
  make_immortal(immortal);
  EXPECT_TRUE(set_deferred(immortal));  // already never freed: nothing to do
  EXPECT_TRUE(is_immortal(immortal));
  EXPECT_FALSE(is_deferred(immortal));

  ObjectHeader* published = pool_.header(1);
  init_owned(published, nullptr);
  set_maybe_weakref(published);  // readers may hold it: too late to change how it is counted
  EXPECT_FALSE(set_deferred(published));
  EXPECT_FALSE(is_deferred(published));
  decref(published, DeallocTally::count);
  EXPECT_EQ(DeallocTally::of(1), 1);
}

TEST_F(DeferredTest, TryIncrefAlwaysSucceedsOnDeferredObjects) {
  ObjectHeader* object = deferred(0);
  std::atomic<ObjectHeader*> slot{object};
  EXPECT_TRUE(try_incref(object));
  EXPECT_TRUE(try_incref_compare(&slot, object));
  EXPECT_EQ(try_get_ref(&slot), object);
  EXPECT_EQ(reference_count(object), 4);
  for (int i = 0; i < 4; ++i) decref(object, DeallocTally::count);
  EXPECT_EQ(domain_.release_deferred(), 1u);
}

TEST_F(DeferredTest, ThreadWithoutRecordCountsInTheSharedWord) {
  ObjectHeader* object = deferred(0);
  std::thread outsider([&] {
    incref(object);  // no record bound on this thread
    incref(object);
    decref(object, DeallocTally::count);
  });
  outsider.join();
  EXPECT_EQ(shared_count(object), 2);
  decref(object, DeallocTally::count);
  decref(object, DeallocTally::count);
  EXPECT_EQ(domain_.release_deferred(), 1u);
}

// Many threads count the same objects at once; each exits holding a different net count (some
// positive, some negative), which only balances once every thread's counts are folded. The
// sweep must then free exactly the objects whose references were all dropped.
TEST_F(DeferredTest, ThreadsCountWithoutContentionAndTheSweepSeesTheExactTotals) {
  constexpr int kThreads = 8;
  const int iterations = 200000 / testing::kScale;
  std::vector<ObjectHeader*> objects;
  for (std::size_t id = 0; id < kObjects; ++id) objects.push_back(deferred(id));
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ScopedRegistration registration(domain_);
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      for (int i = 0; i < iterations; ++i) {
        for (ObjectHeader* object : objects) {
          incref(object);
          decref(object, DeallocTally::count);
        }
      }
      // Even threads take one reference to every object; odd threads drop one: the pairs
      // balance across threads, not within any thread.
      for (ObjectHeader* object : objects) {
        if (t % 2 == 0) incref(object);
        else decref(object, DeallocTally::count);
      }
    });
  }
  // Balance: the creator's reference on odd ids is dropped here; even ids keep theirs.
  for (std::size_t id = 1; id < kObjects; id += 2) decref(objects[id], DeallocTally::count);
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(DeallocTally::mismatches(0), 0u);  // nothing freed while counting
  EXPECT_EQ(domain_.release_deferred(), kObjects / 2);
  for (std::size_t id = 0; id < kObjects; ++id) {
    EXPECT_EQ(DeallocTally::of(id), id % 2 == 1 ? 1 : 0) << "object " << id;
    if (id % 2 == 0) EXPECT_EQ(objects[id]->shared.load(), make_shared(1, SharedState::kMerged));
  }
  EXPECT_EQ(domain_.stats().deferred_miscounted, 0u);
}

}  // namespace
}  // namespace stitch::rc
