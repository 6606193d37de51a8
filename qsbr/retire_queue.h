// RetireQueue: a FIFO of retired memory waiting for its grace period, stored in chunks.
//
// Each thread record owns one queue and is its only user, so nothing here is atomic. Items
// live in fixed-size chunks (one page each) linked head to tail: push writes at the tail
// chunk, pop reads at the head chunk. A chunk is allocated only when the tail chunk is full,
// and one emptied chunk is kept as a spare, so a thread whose queue stays short never
// allocates after its first retirement.
//
// Invariants:
//  - Items come out in the order they went in.
//  - Every chunk between head and tail holds at least one unread item; the only chunk that
//    may be empty is the head when the whole queue is empty (its indices are then reset to 0
//    so it is reused in place).
//  - item_count() and byte_count() are the number and the summed `bytes` of queued items.
//
// The queue never runs callbacks itself and never frees queued memory: draining is the
// caller's job (ThreadRecord::process, Domain::process_orphans, ~Domain). Destroying a
// queue that still holds items releases its chunks only; that is a caller bug and asserts.
#pragma once

#include <cstddef>
#include <memory>

#include "qsbr/sequence.h"

namespace stitch::qsbr {

/// Called once the grace period of a retirement has passed: frees (or releases) `ptr`.
using RetireCallback = void (*)(void* ptr, void* context);

/// One retirement: what to free, how to free it, and the sequence every online thread
/// must reach before it may be freed.
struct RetiredItem {
  void* pointer;
  std::size_t bytes;
  RetireCallback callback;
  void* context;
  Sequence goal;
};

class RetireQueue {
 public:
  RetireQueue();
  ~RetireQueue();
  RetireQueue(RetireQueue&& other) noexcept;
  RetireQueue& operator=(RetireQueue&& other) noexcept;
  RetireQueue(const RetireQueue&) = delete;
  RetireQueue& operator=(const RetireQueue&) = delete;

  /// Appends at the tail. Returns false (and leaves the queue unchanged) only when a new
  /// chunk was needed and could not be allocated.
  [[nodiscard]] bool push(const RetiredItem& item);

  /// The oldest item. Precondition: !empty().
  [[nodiscard]] const RetiredItem& front() const;

  /// Removes and returns the oldest item. Precondition: !empty().
  RetiredItem pop_front();

  /// Moves every item of `other` after this queue's items (no allocation); `other` ends empty.
  void append(RetireQueue&& other);

  [[nodiscard]] bool empty() const { return item_count_ == 0; }
  [[nodiscard]] std::size_t item_count() const { return item_count_; }
  [[nodiscard]] std::size_t byte_count() const { return byte_count_; }

  /// Items that fit in one chunk (exposed so tests can cross chunk boundaries on purpose).
  static std::size_t items_per_chunk();

 private:
  struct Chunk;
  void release_all_chunks();

  std::unique_ptr<Chunk> head_;
  Chunk* tail_ = nullptr;
  std::unique_ptr<Chunk> spare_;
  std::size_t item_count_ = 0;
  std::size_t byte_count_ = 0;
};

}  // namespace stitch::qsbr
