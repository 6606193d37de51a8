// Racing tests: 8 threads, thousands of objects, invariants checked after joining. Objects that
// are really freed (DeallocTally::count_and_free) let ASan catch any use after free; a per-object
// counter catches double or missing frees.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <barrier>
#include <cstddef>
#include <cstdio>
#include <latch>
#include <random>
#include <thread>
#include <vector>

#include "refcount/merge_queue.h"
#include "refcount/refcount.h"
#include "refcount/tests/test_support.h"
#include "refcount/try_incref.h"

namespace stitch::rc {
namespace {

using testing::DeallocTally;
using testing::FakeThreadState;
using testing::kScale;
using testing::make_owned_heap_object;
using testing::ObjectPool;
using testing::ScopedRegistration;

constexpr int kThreads = 8;

TEST(RefcountRace, ManyThreadsShareAndDropReferencesAndEveryObjectDiesExactlyOnce) {
  constexpr std::size_t kObjectsPerThread = 20000 / kScale;
  constexpr int kOperationsPerObject = 8;
  constexpr std::size_t kSlots = 256;
  constexpr std::size_t kTotal = kThreads * kObjectsPerThread;
  DeallocTally::reset(kTotal);
  Domain domain{DeallocTally::count_and_free};
  // Every non-null slot owns one reference. Threads move, duplicate and drop references through
  // the slots, so most drops happen on a thread that does not own the object.
  std::array<std::atomic<ObjectHeader*>, kSlots> slots{};
  std::barrier phase(kThreads);

  auto worker = [&](int index) {
    FakeThreadState state;  // attached throughout: drops are queued, merges happen here
    ScopedRegistration registration{domain, state.hooks()};
    phase.arrive_and_wait();  // start together
    std::minstd_rand random(static_cast<unsigned>(index) + 1);
    auto safepoint = [&] {
      if (state.merge_requests.exchange(0, std::memory_order_relaxed) != 0) {
        domain.merge_pending(registration.record());
      }
    };
    auto put = [&](ObjectHeader* object) {  // gives our reference to a random slot
      // acq_rel: release publishes our writes to the object to the next taker; acquire pairs
      // with the previous putter's release before we drop the evicted reference.
      ObjectHeader* evicted = slots[random() % kSlots].exchange(object, std::memory_order_acq_rel);
      if (evicted != nullptr) decref(evicted, DeallocTally::count_and_free);
    };
    for (std::size_t n = 0; n < kObjectsPerThread; ++n) {
      put(make_owned_heap_object(static_cast<std::size_t>(index) * kObjectsPerThread + n));
      for (int operation = 0; operation < kOperationsPerObject; ++operation) {
        ObjectHeader* taken =
            slots[random() % kSlots].exchange(nullptr, std::memory_order_acq_rel);
        if (taken == nullptr) continue;
        switch (random() % 3) {
          case 0:  // drop
            decref(taken, DeallocTally::count_and_free);
            break;
          case 1:  // duplicate into two slots
            incref(taken);
            put(taken);
            put(taken);
            break;
          default:  // move
            put(taken);
            break;
        }
        safepoint();
      }
    }
    phase.arrive_and_wait();
    for (std::size_t slot = static_cast<std::size_t>(index); slot < kSlots; slot += kThreads) {
      ObjectHeader* object = slots[slot].exchange(nullptr, std::memory_order_acq_rel);
      if (object != nullptr) decref(object, DeallocTally::count_and_free);
    }
    phase.arrive_and_wait();  // no references left but the queue entries
    domain.merge_pending(registration.record());
  };

  std::vector<std::thread> threads;
  for (int index = 0; index < kThreads; ++index) threads.emplace_back(worker, index);
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(DeallocTally::mismatches(1), 0u) << "objects not freed exactly once";
  const Domain::Stats stats = domain.stats();
  EXPECT_GT(stats.queued, 0u) << "the merge-queue path was never exercised";
  EXPECT_EQ(stats.merged_by_owner, stats.queued);
  EXPECT_EQ(stats.leaked_out_of_memory, 0u);
  ::testing::Test::RecordProperty("queued", static_cast<int>(stats.queued));
  std::printf("queued %llu, merged by owner %llu\n", static_cast<unsigned long long>(stats.queued),
              static_cast<unsigned long long>(stats.merged_by_owner));
}

TEST(RefcountRace, AnOwnerThatExitsLeavesNoObjectUnfreed) {
  constexpr int kConsumers = kThreads - 1;
  constexpr int kRounds = 8;
  constexpr std::size_t kObjectsPerRound = 4000 / kScale;
  constexpr std::size_t kTotal = kRounds * kObjectsPerRound;
  DeallocTally::reset(kTotal);
  Domain domain{DeallocTally::count_and_free};
  std::vector<ObjectHeader*> objects(kTotal);
  std::barrier published(kConsumers + 1);   // consumers + this round's owner
  std::barrier owner_gone(kConsumers + 1);  // consumers + main
  std::barrier round_done(kConsumers + 1);  // consumers + main

  auto consumer = [&](int index) {
    ScopedRegistration registration{domain};
    for (int round = 0; round < kRounds; ++round) {
      const std::size_t first = static_cast<std::size_t>(round) * kObjectsPerRound;
      published.arrive_and_wait();
      // First half: races with the owner's unregistration (queued and drained, or merged
      // directly once it is gone). Each consumer starts at a different object.
      for (std::size_t i = 0; i < kObjectsPerRound / 2; ++i) {
        const std::size_t id = first + (i + static_cast<std::size_t>(index) * 31) % (kObjectsPerRound / 2);
        decref(objects[id], DeallocTally::count_and_free);
      }
      owner_gone.arrive_and_wait();
      // Second half: the owner has exited; the first drop of each object merges directly.
      for (std::size_t id = first + kObjectsPerRound / 2; id < first + kObjectsPerRound; ++id) {
        decref(objects[id], DeallocTally::count_and_free);
      }
      round_done.arrive_and_wait();
    }
  };

  std::vector<std::thread> consumers;
  for (int index = 0; index < kConsumers; ++index) consumers.emplace_back(consumer, index);
  for (int round = 0; round < kRounds; ++round) {
    std::thread owner([&] {
      ScopedRegistration registration{domain};
      const std::size_t first = static_cast<std::size_t>(round) * kObjectsPerRound;
      for (std::size_t id = first; id < first + kObjectsPerRound; ++id) {
        ObjectHeader* object = make_owned_heap_object(id);
        for (int i = 0; i < kConsumers; ++i) incref(object);  // one reference per consumer
        decref(object, DeallocTally::count_and_free);         // drop our own
        objects[id] = object;
      }
      published.arrive_and_wait();
      registration.unregister();  // while consumers drop the first half
    });
    owner.join();
    owner_gone.arrive_and_wait();
    round_done.arrive_and_wait();
  }
  for (auto& thread : consumers) thread.join();

  EXPECT_EQ(DeallocTally::mismatches(1), 0u) << "objects not freed exactly once";
  const Domain::Stats stats = domain.stats();
  // Every object is handed to its owner's queue exactly once (its first foreign drop).
  EXPECT_EQ(stats.merged_by_owner + stats.merged_owner_gone + stats.merged_on_behalf, kTotal);
  EXPECT_GE(stats.merged_owner_gone, kRounds * (kObjectsPerRound / 2));
}

TEST(RefcountRace, ADetachedOwnerIsMergedOnItsBehalf) {
  constexpr int kConsumers = kThreads - 1;
  constexpr std::size_t kObjects = 20000 / kScale;
  DeallocTally::reset(kObjects);
  Domain domain{DeallocTally::count_and_free};
  std::vector<ObjectHeader*> objects(kObjects);
  FakeThreadState owner_state;
  std::barrier published(kConsumers + 1);
  std::latch may_attach(1);
  std::size_t merged_after_attach = 99;

  std::thread owner([&] {
    ScopedRegistration registration{domain, owner_state.hooks()};
    for (std::size_t id = 0; id < kObjects; ++id) {
      ObjectHeader* object = make_owned_heap_object(id);
      for (int i = 1; i < kConsumers; ++i) incref(object);  // local = one per consumer
      objects[id] = object;
    }
    owner_state.detach();  // blocked in I/O, say: it will not reach a safepoint
    published.arrive_and_wait();
    may_attach.wait();
    owner_state.attach();
    merged_after_attach = domain.merge_pending(registration.record());
  });
  std::vector<std::thread> consumers;
  for (int index = 0; index < kConsumers; ++index) {
    consumers.emplace_back([&, index] {
      ScopedRegistration registration{domain};
      published.arrive_and_wait();
      for (std::size_t i = 0; i < kObjects; ++i) {
        decref(objects[(i + static_cast<std::size_t>(index) * 97) % kObjects],
               DeallocTally::count_and_free);
      }
      domain.merge_on_behalf_of_detached_owners();
    });
  }
  for (auto& thread : consumers) thread.join();

  // All freed while the owner is still detached.
  EXPECT_EQ(DeallocTally::mismatches(1), 0u) << "objects not freed exactly once";
  const Domain::Stats stats = domain.stats();
  EXPECT_EQ(stats.merged_on_behalf, kObjects);
  EXPECT_EQ(stats.queued, 0u);
  EXPECT_EQ(owner_state.merge_requests.load(), 0);
  may_attach.count_down();
  owner.join();
  EXPECT_EQ(merged_after_attach, 0u);
}

TEST(RefcountRace, LockFreeReadersNeverObtainADeadObject) {
  // Every thread is the writer of its own slot (publish a new object, drop the old one) and a
  // lock-free reader of all slots. Symmetric roles keep readers and writers running at the same
  // time even on 2 cores (the scheduler cannot run "all writers, then all readers").
  constexpr std::size_t kObjectsPerThread = 20000 / kScale;
  constexpr int kReadsPerWrite = 4;
  constexpr std::size_t kTotal = kThreads * kObjectsPerThread;
  DeallocTally::reset(kTotal);
  Domain domain{DeallocTally::count};
  // The graveyard: dead objects stay allocated until the readers are joined (the runtime gets
  // the same type-stable memory from QSBR).
  ObjectPool pool{kTotal};
  std::array<std::atomic<ObjectHeader*>, kThreads> slots{};
  std::atomic<std::size_t> violations{0};
  std::atomic<std::size_t> successful_reads{0};
  std::atomic<std::size_t> failed_compares{0};           // evidence that the race happened:
  std::atomic<std::size_t> reads_outliving_the_slot{0};  // the slot changed under the reader
  std::barrier start(kThreads);

  auto worker = [&](int index) {
    FakeThreadState state;
    ScopedRegistration registration{domain, state.hooks()};
    std::minstd_rand random(static_cast<unsigned>(index) + 1);
    auto publish = [&](ObjectHeader* object) {
      if (object != nullptr) {
        init_owned(object, nullptr);
        set_maybe_weakref(object);  // published to lock-free readers
      }
      // acq_rel: release publishes the initialized header to readers (their acquire loads);
      // acquire pairs with our own previous store.
      ObjectHeader* old = slots[index].exchange(object, std::memory_order_acq_rel);
      if (old != nullptr) decref(old, DeallocTally::count);
    };
    auto read_one = [&](std::size_t reads) -> ObjectHeader* {
      std::atomic<ObjectHeader*>* slot = &slots[random() % kThreads];
      if (reads % 2 == 0) return try_get_ref(slot);
      for (;;) {  // try_get_ref spelled out, counting failed compares
        ObjectHeader* expected = slot->load(std::memory_order_acquire);
        if (expected == nullptr) return nullptr;
        if (try_incref_compare(slot, expected)) return expected;
        failed_compares.fetch_add(1, std::memory_order_relaxed);
      }
    };
    const std::size_t first_id = static_cast<std::size_t>(index) * kObjectsPerThread;
    publish(pool.header(first_id));
    start.arrive_and_wait();
    std::size_t reads = 0;
    for (std::size_t n = 1; n <= kObjectsPerThread; ++n) {
      publish(n < kObjectsPerThread ? pool.header(first_id + n) : nullptr);
      for (int r = 0; r < kReadsPerWrite; ++r) {
        ObjectHeader* object = read_one(reads++);
        if (object == nullptr) continue;
        if (DeallocTally::of(testing::as_test_object(object)->id) != 0 ||
            reference_count(object) < 1) {
          violations.fetch_add(1, std::memory_order_relaxed);
        }
        successful_reads.fetch_add(1, std::memory_order_relaxed);
        bool still_published = false;
        for (const auto& slot : slots) still_published |= slot.load(std::memory_order_relaxed) == object;
        if (!still_published) reads_outliving_the_slot.fetch_add(1, std::memory_order_relaxed);
        decref(object, DeallocTally::count);
      }
      if (state.merge_requests.exchange(0, std::memory_order_relaxed) != 0) {
        domain.merge_pending(registration.record());
      }
    }
  };

  std::vector<std::thread> threads;
  for (int index = 0; index < kThreads; ++index) threads.emplace_back(worker, index);
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(violations.load(), 0u) << "a reader obtained a reference to a dead object";
  EXPECT_GT(successful_reads.load(), 0u);
  EXPECT_EQ(DeallocTally::mismatches(1), 0u) << "objects not freed exactly once";
  std::printf("lock-free reads %zu, failed compares %zu, reads that outlived the slot %zu\n",
              successful_reads.load(), failed_compares.load(), reads_outliving_the_slot.load());
}

}  // namespace
}  // namespace stitch::rc
