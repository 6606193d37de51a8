// Domain and ThreadRecord driven from one test thread. Several records on one thread stand
// in for several threads: a record that does not call quiescent() is a reader still inside
// its critical section.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <set>
#include <vector>

#include "qsbr/qsbr.h"

namespace stitch::qsbr {
namespace {

/// Callback that counts how many times each counter was "freed".
void count_free(void* ptr, void*) { ++*static_cast<int*>(ptr); }

/// Unregisters every record it was given before the domain is destroyed.
struct Records {
  explicit Records(Domain& domain) : domain(domain) {}
  ~Records() {
    for (ThreadRecord* record : held) {
      domain.unregister_thread(record);
    }
  }
  ThreadRecord* add() {
    ThreadRecord* record = domain.register_thread();
    EXPECT_NE(record, nullptr);
    held.push_back(record);
    return record;
  }
  Domain& domain;
  std::vector<ThreadRecord*> held;
};

TEST(DomainTest, RetiredMemoryIsFreedOnlyAfterEveryOnlineRecordIsQuiescent) {
  Domain domain;
  Records records(domain);
  ThreadRecord* writer = records.add();
  ThreadRecord* reader = records.add();
  writer->online();
  reader->online();
  int freed = 0;
  writer->retire(&freed, 64, &count_free);
  EXPECT_EQ(writer->process(), 0u);
  writer->quiescent();
  EXPECT_EQ(writer->process(), 0u) << "the reader has not passed a quiescent state yet";
  EXPECT_EQ(freed, 0);
  reader->quiescent();
  EXPECT_EQ(writer->process(), 1u);
  EXPECT_EQ(freed, 1);
  EXPECT_EQ(writer->process(), 0u);
  EXPECT_EQ(freed, 1);
}

// PR 135473: fetch_add returns the old value; a goal equal to it would let a reader that
// reported its quiescent state *before* the retirement (and may still hold the pointer)
// count as having passed.
TEST(DomainTest, GoalIsTheNewSequenceSoEarlierQuiescentStatesDoNotCount) {
  for (const bool advance_on_every_retire : {true, false}) {
    SCOPED_TRACE(advance_on_every_retire ? "advance path" : "deferred path");
    RetireLimits limits;
    if (advance_on_every_retire) {
      limits.max_items = 0;  // every retirement exceeds the limit, so it advances
    }
    Domain domain(limits);
    Records records(domain);
    ThreadRecord* writer = records.add();
    ThreadRecord* reader = records.add();
    writer->online();
    reader->online();
    domain.advance();
    reader->quiescent();  // the reader's last quiescent state is before the retirement
    const Sequence reader_sequence = reader->read_sequence();
    int freed = 0;
    writer->retire(&freed, 8, &count_free);
    for (int i = 0; i < 3; ++i) {
      writer->quiescent();
      EXPECT_EQ(writer->process(), 0u);
    }
    EXPECT_EQ(freed, 0);
    EXPECT_EQ(reader->read_sequence(), reader_sequence);
    EXPECT_FALSE(domain.poll(reader_sequence + 2));
    reader->quiescent();
    EXPECT_EQ(writer->process(), 1u);
    EXPECT_EQ(freed, 1);
  }
}

TEST(DomainTest, OfflineAndNeverOnlineRecordsDoNotBlock) {
  Domain domain;
  Records records(domain);
  ThreadRecord* writer = records.add();
  ThreadRecord* detached = records.add();
  records.add();  // registered, never online
  writer->online();
  detached->online();
  detached->offline();
  EXPECT_FALSE(detached->is_online());
  EXPECT_EQ(detached->read_sequence(), kOffline);
  int first = 0;
  writer->retire(&first, 16, &count_free);
  writer->process();  // issues the deferred goal
  writer->quiescent();
  EXPECT_EQ(writer->process(), 1u);
  EXPECT_EQ(first, 1);

  // Contrast: the same record online and silent does block, until it detaches.
  detached->online();
  int second = 0;
  writer->retire(&second, 16, &count_free);
  writer->process();
  writer->quiescent();
  EXPECT_EQ(writer->process(), 0u);
  detached->offline();
  EXPECT_EQ(writer->process(), 1u);
  EXPECT_EQ(second, 1);
}

TEST(DomainTest, SynchronizeWithNoOtherThreadsReturnsAndRestoresTheCallersState) {
  Domain domain;
  Records records(domain);
  domain.synchronize(nullptr);

  ThreadRecord* self = records.add();
  domain.synchronize(self);  // offline caller stays offline
  EXPECT_FALSE(self->is_online());

  self->online();
  int freed = 0;
  self->retire(&freed, 32, &count_free);
  domain.synchronize(self);  // would deadlock if self were waited for while online
  EXPECT_TRUE(self->is_online());
  EXPECT_EQ(self->read_sequence(), domain.write_sequence());
  EXPECT_EQ(self->process(), 1u) << "a full grace period has passed since the retirement";
  EXPECT_EQ(freed, 1);
}

TEST(DomainTest, ProcessReturnsHowManyCallbacksRanAndCountsAreExact) {
  Domain domain;
  Records records(domain);
  ThreadRecord* self = records.add();
  self->online();
  std::vector<int> freed(5, 0);
  for (int& counter : freed) {
    self->retire(&counter, 100, &count_free);
  }
  EXPECT_EQ(self->pending_items(), 5u);
  EXPECT_EQ(self->pending_bytes(), 500u);
  EXPECT_EQ(domain.pending_items(), 5u);
  EXPECT_EQ(domain.pending_bytes(), 500u);
  EXPECT_EQ(self->process(), 0u);  // self is online and has not passed the goal
  self->quiescent();
  EXPECT_EQ(self->process(), 5u);
  EXPECT_EQ(self->process(), 0u);
  EXPECT_EQ(self->pending_items(), 0u);
  EXPECT_EQ(self->pending_bytes(), 0u);
  EXPECT_EQ(domain.pending_items(), 0u);
  for (int counter : freed) {
    EXPECT_EQ(counter, 1);
  }
}

TEST(DomainTest, UnregisterMovesPendingToOrphansAndDestructorFreesEachOnce) {
  constexpr int kItems = 300;  // more than one chunk
  std::vector<int> freed(kItems, 0);
  {
    Domain domain;
    ThreadRecord* self = domain.register_thread();
    ASSERT_NE(self, nullptr);
    self->online();
    for (int& counter : freed) {
      self->retire(&counter, 10, &count_free);
    }
    // The limit (128 items) forced processing, but self never passed a quiescent state.
    EXPECT_EQ(domain.pending_items(), static_cast<std::size_t>(kItems));
    domain.unregister_thread(self);
    EXPECT_FALSE(self->is_online());
    EXPECT_EQ(self->pending_items(), 0u);
    EXPECT_EQ(domain.pending_items(), static_cast<std::size_t>(kItems)) << "now orphans";
    EXPECT_EQ(domain.pending_bytes(), static_cast<std::size_t>(10 * kItems));
    for (int counter : freed) {
      ASSERT_EQ(counter, 0);
    }
  }
  for (int counter : freed) {
    EXPECT_EQ(counter, 1);
  }
}

TEST(DomainTest, OrphansAreFreedByAnotherRecordsProcessExactlyOnce) {
  std::vector<int> freed(3, 0);
  {
    Domain domain;
    ThreadRecord* leaver = domain.register_thread();
    leaver->online();
    for (int& counter : freed) {
      leaver->retire(&counter, 1, &count_free);
    }
    domain.unregister_thread(leaver);
    ThreadRecord* survivor = domain.register_thread();
    survivor->online();
    EXPECT_EQ(survivor->process(), 0u);  // survivor itself has not passed the goal yet
    survivor->quiescent();
    EXPECT_EQ(survivor->process(), 3u);
    EXPECT_EQ(domain.pending_items(), 0u);
    EXPECT_EQ(domain.process_orphans(), 0u);
    domain.unregister_thread(survivor);
  }
  for (int counter : freed) {
    EXPECT_EQ(counter, 1);
  }
}

// gh-132519: a count-only bound let a handful of huge blocks pile up. Here the item limit is
// far away and only the byte limit can keep retained memory down.
TEST(DomainTest, ByteLimitBoundsRetainedMemoryWhileOthersKeepReportingQuiescence) {
  constexpr std::size_t kBlockBytes = 16 * 1024;
  RetireLimits limits;
  limits.max_items = 100000;
  limits.max_bytes = 64 * 1024;
  constexpr int kBlocks = 400;
  std::vector<int> freed(kBlocks, 0);  // outlives the domain, whose destructor frees the rest
  Domain domain(limits);
  Records records(domain);
  ThreadRecord* writer = records.add();
  ThreadRecord* reader = records.add();
  writer->online();
  reader->online();
  std::size_t max_pending_bytes = 0;
  for (int& counter : freed) {
    writer->retire(&counter, kBlockBytes, &count_free);
    max_pending_bytes = std::max(max_pending_bytes, writer->pending_bytes());
    EXPECT_LE(writer->pending_bytes(), limits.max_bytes + kBlockBytes);
    reader->quiescent();
    writer->quiescent();
  }
  EXPECT_LE(max_pending_bytes, limits.max_bytes + kBlockBytes);
  EXPECT_GT(max_pending_bytes, limits.max_bytes)
      << "the limit was reached, so the bound was tested";
  int total_freed = 0;
  for (int counter : freed) {
    EXPECT_LE(counter, 1);
    total_freed += counter;
  }
  EXPECT_GE(total_freed,
            kBlocks - static_cast<int>((limits.max_bytes + kBlockBytes) / kBlockBytes));
}

TEST(DomainTest, ShouldProcessReportsEitherLimitAndRetireProcessesWhenExceeded) {
  RetireLimits limits;
  limits.max_items = 4;
  limits.max_bytes = 1000;
  std::vector<int> freed(8, 0);  // outlives the domain
  Domain domain(limits);
  Records records(domain);
  ThreadRecord* writer = records.add();
  ThreadRecord* reader = records.add();
  writer->online();
  reader->online();  // blocks reclamation until it reports a quiescent state

  writer->retire(&freed[0], 2000, &count_free);  // one item, but over the byte limit
  EXPECT_TRUE(writer->should_process());
  EXPECT_EQ(writer->pending_items(), 1u);

  reader->quiescent();
  writer->quiescent();
  writer->retire(&freed[1], 10, &count_free);  // still over bytes: advances and processes
  EXPECT_EQ(freed[0], 1) << "retire() processed on its own once over the limit";
  EXPECT_FALSE(writer->should_process());

  for (int i = 2; i < 6; ++i) {
    writer->retire(&freed[i], 1, &count_free);
  }
  EXPECT_TRUE(writer->should_process()) << "5 items > max_items 4";
  reader->quiescent();
  writer->quiescent();
  EXPECT_EQ(writer->process(), 5u);
  EXPECT_FALSE(writer->should_process());
}

TEST(DomainTest, PollAndRetireWorkAcrossTheSequenceWrap) {
  constexpr Sequence kMax = std::numeric_limits<Sequence>::max();
  Domain domain(RetireLimits{}, kMax - 6);
  Records records(domain);
  ThreadRecord* writer = records.add();
  ThreadRecord* reader = records.add();
  writer->online();
  reader->online();
  EXPECT_EQ(reader->read_sequence(), kMax - 6);

  std::vector<Sequence> goals;
  std::vector<int> freed(8, 0);
  for (int& counter : freed) {
    writer->retire(&counter, 1, &count_free);
    writer->process();  // issues the goal: the write sequence crosses UINT64_MAX on the way
    goals.push_back(domain.write_sequence());
    writer->quiescent();
    EXPECT_EQ(writer->process(), 0u) << "reader is behind";
    EXPECT_FALSE(domain.poll(goals.back()));
    EXPECT_EQ(counter, 0);
    reader->quiescent();
    EXPECT_TRUE(domain.poll(goals.back()));
    EXPECT_EQ(writer->process(), 1u);
    EXPECT_EQ(counter, 1);
  }
  EXPECT_EQ(goals.front(), kMax - 4);
  EXPECT_LT(domain.write_sequence(), 100u) << "the write sequence wrapped";
  EXPECT_TRUE(domain.poll(kMax - 4)) << "a pre-wrap goal counts as reached after the wrap";
  EXPECT_FALSE(domain.poll(domain.write_sequence() + 2));
}

TEST(DomainTest, RecordsAreReusedStartOfflineAndSitOnTheirOwnCacheLines) {
  int freed = 0;  // outlives the domain, whose destructor frees the orphan
  Domain domain;
  std::vector<ThreadRecord*> records;
  for (int i = 0; i < 40; ++i) {  // more than any initial capacity: records must not move
    records.push_back(domain.register_thread());
    ASSERT_NE(records.back(), nullptr);
  }
  records[3]->online();
  std::set<std::uintptr_t> lines;
  for (ThreadRecord* record : records) {
    const auto address = reinterpret_cast<std::uintptr_t>(record);
    EXPECT_EQ(address % kCacheLineBytes, 0u);
    EXPECT_TRUE(lines.insert(address / kCacheLineBytes).second);
  }
  EXPECT_TRUE(records[3]->is_online()) << "records stayed where they were";
  records[3]->retire(&freed, 8, &count_free);
  domain.unregister_thread(records[3]);
  ThreadRecord* reused = domain.register_thread();
  EXPECT_EQ(reused, records[3]);
  EXPECT_FALSE(reused->is_online());
  EXPECT_EQ(reused->pending_items(), 0u);
  EXPECT_EQ(domain.pending_items(), 1u);  // the orphan
  for (ThreadRecord* record : records) {
    domain.unregister_thread(record);
  }
}

struct RetireFromCallback {
  ThreadRecord* record;
  int inner_freed = 0;
  int outer_freed = 0;
};

void outer_callback(void*, void* context) {
  auto* state = static_cast<RetireFromCallback*>(context);
  ++state->outer_freed;
  // A callback that releases something else which must itself wait a grace period.
  state->record->retire(&state->inner_freed, 4, &count_free);
  EXPECT_EQ(state->record->process(), 0u) << "process() does not recurse";
}

TEST(DomainTest, CallbacksMayRetireMoreMemory) {
  Domain domain;
  Records records(domain);
  ThreadRecord* self = records.add();
  self->online();
  RetireFromCallback state{self};
  self->retire(nullptr, 4, &outer_callback, &state);
  self->process();
  self->quiescent();
  EXPECT_EQ(self->process(), 1u);
  EXPECT_EQ(state.outer_freed, 1);
  EXPECT_EQ(state.inner_freed, 0) << "retired inside a callback: needs its own grace period";
  EXPECT_EQ(self->pending_items(), 1u);
  self->process();
  self->quiescent();
  EXPECT_EQ(self->process(), 1u);
  EXPECT_EQ(state.inner_freed, 1);
}

TEST(DomainTest, DeferredGoalIsNeverReportedReachedBeforeItIsIssued) {
  Domain domain;
  Records records(domain);
  ThreadRecord* self = records.add();
  self->online();
  int freed = 0;
  const Sequence before = domain.write_sequence();
  self->retire(&freed, 8, &count_free);  // deferred: goal = before + 2, not issued yet
  EXPECT_EQ(domain.write_sequence(), before) << "one retirement does not advance";
  self->quiescent();
  EXPECT_FALSE(domain.poll(before + 2));
  EXPECT_EQ(self->process(), 0u);  // issues the goal, but self is now behind it
  EXPECT_EQ(domain.write_sequence(), before + 2);
  self->quiescent();
  EXPECT_EQ(self->process(), 1u);
  EXPECT_EQ(freed, 1);
}

}  // namespace
}  // namespace stitch::qsbr
