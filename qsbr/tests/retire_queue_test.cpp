// RetireQueue: FIFO order and counts across chunk boundaries, and splicing.
#include "qsbr/retire_queue.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace stitch::qsbr {
namespace {

void never_called(void*, void*) { FAIL() << "the queue must not run callbacks"; }

RetiredItem make_item(std::uintptr_t id) {
  return RetiredItem{reinterpret_cast<void*>(id), static_cast<std::size_t>(id % 7 + 1),
                     &never_called, nullptr, static_cast<Sequence>(2 * id + 1)};
}

TEST(RetireQueueTest, IsFifoAcrossChunkBoundariesWithExactCounts) {
  RetireQueue queue;
  const std::size_t total = 3 * RetireQueue::items_per_chunk() + 5;
  std::size_t expected_bytes = 0;
  for (std::uintptr_t id = 1; id <= total; ++id) {
    ASSERT_TRUE(queue.push(make_item(id)));
    expected_bytes += make_item(id).bytes;
  }
  EXPECT_EQ(queue.item_count(), total);
  EXPECT_EQ(queue.byte_count(), expected_bytes);
  for (std::uintptr_t id = 1; id <= total; ++id) {
    ASSERT_FALSE(queue.empty());
    EXPECT_EQ(queue.front().pointer, reinterpret_cast<void*>(id));
    const RetiredItem item = queue.pop_front();
    EXPECT_EQ(item.pointer, reinterpret_cast<void*>(id));
    EXPECT_EQ(item.goal, 2 * id + 1);
    expected_bytes -= item.bytes;
    EXPECT_EQ(queue.byte_count(), expected_bytes);
  }
  EXPECT_TRUE(queue.empty());
  EXPECT_EQ(queue.item_count(), 0u);
  EXPECT_EQ(queue.byte_count(), 0u);
}

TEST(RetireQueueTest, InterleavedPushAndPopKeepOrder) {
  RetireQueue queue;
  std::uintptr_t next_push = 1;
  std::uintptr_t next_pop = 1;
  // A sliding window that keeps crossing chunk boundaries and emptying the queue.
  for (int round = 0; round < 50; ++round) {
    const std::size_t pushes = (round * 37) % (2 * RetireQueue::items_per_chunk()) + 1;
    for (std::size_t i = 0; i < pushes; ++i) {
      ASSERT_TRUE(queue.push(make_item(next_push++)));
    }
    const std::size_t pops = round % 3 == 0 ? queue.item_count() : queue.item_count() / 2;
    for (std::size_t i = 0; i < pops; ++i) {
      ASSERT_EQ(queue.pop_front().pointer, reinterpret_cast<void*>(next_pop++));
    }
    ASSERT_EQ(queue.item_count(), next_push - next_pop);
  }
  while (!queue.empty()) {
    ASSERT_EQ(queue.pop_front().pointer, reinterpret_cast<void*>(next_pop++));
  }
  EXPECT_EQ(next_pop, next_push);
}

TEST(RetireQueueTest, AppendMovesItemsAfterOursAndEmptiesTheOther) {
  RetireQueue first;
  RetireQueue second;
  const std::size_t per_queue = RetireQueue::items_per_chunk() + 3;
  for (std::uintptr_t id = 1; id <= per_queue; ++id) {
    ASSERT_TRUE(first.push(make_item(id)));
    ASSERT_TRUE(second.push(make_item(per_queue + id)));
  }
  const std::size_t bytes = first.byte_count() + second.byte_count();
  first.append(std::move(second));
  EXPECT_TRUE(second.empty());
  EXPECT_EQ(second.byte_count(), 0u);
  EXPECT_EQ(first.item_count(), 2 * per_queue);
  EXPECT_EQ(first.byte_count(), bytes);
  // Still usable at both ends after the splice.
  ASSERT_TRUE(first.push(make_item(2 * per_queue + 1)));
  ASSERT_TRUE(second.push(make_item(999)));
  EXPECT_EQ(second.pop_front().pointer, reinterpret_cast<void*>(999));
  for (std::uintptr_t id = 1; id <= 2 * per_queue + 1; ++id) {
    ASSERT_EQ(first.pop_front().pointer, reinterpret_cast<void*>(id));
  }
  EXPECT_TRUE(first.empty());

  // Appending into an empty queue (which still owns a chunk) takes the other's items.
  RetireQueue third;
  ASSERT_TRUE(third.push(make_item(1)));
  ASSERT_TRUE(first.push(make_item(2)));
  first.pop_front();
  first.append(std::move(third));
  EXPECT_EQ(first.item_count(), 1u);
  EXPECT_EQ(first.pop_front().pointer, reinterpret_cast<void*>(1));
}

}  // namespace
}  // namespace stitch::qsbr
