// RetireQueue: chunked FIFO (see retire_queue.h for the invariants).
#include "qsbr/retire_queue.h"

#include <cassert>
#include <cstdint>
#include <new>
#include <utility>

namespace stitch::qsbr {

namespace {
constexpr std::size_t kChunkBytes = 4096;
constexpr std::size_t kChunkHeaderBytes = sizeof(void*) + 2 * sizeof(std::uint32_t);
constexpr std::size_t kItemsPerChunk = (kChunkBytes - kChunkHeaderBytes) / sizeof(RetiredItem);
}  // namespace

struct RetireQueue::Chunk {
  std::unique_ptr<Chunk> next;
  std::uint32_t read_index = 0;       // next item to pop
  std::uint32_t write_index = 0;      // next free slot
  RetiredItem items[kItemsPerChunk];  // slots [read_index, write_index) hold queued items
};
std::size_t RetireQueue::items_per_chunk() {
  static_assert(sizeof(Chunk) <= kChunkBytes, "a chunk must fit in one page");
  return kItemsPerChunk;
}

RetireQueue::RetireQueue() = default;

RetireQueue::~RetireQueue() {
  assert(empty() && "a RetireQueue was destroyed with items that were never freed");
  release_all_chunks();
}

RetireQueue::RetireQueue(RetireQueue&& other) noexcept
    : head_(std::move(other.head_)),
      tail_(std::exchange(other.tail_, nullptr)),
      spare_(std::move(other.spare_)),
      item_count_(std::exchange(other.item_count_, 0)),
      byte_count_(std::exchange(other.byte_count_, 0)) {}

RetireQueue& RetireQueue::operator=(RetireQueue&& other) noexcept {
  if (this != &other) {
    assert(empty() && "move-assigning over a RetireQueue that still holds items");
    release_all_chunks();
    head_ = std::move(other.head_);
    tail_ = std::exchange(other.tail_, nullptr);
    spare_ = std::move(other.spare_);
    item_count_ = std::exchange(other.item_count_, 0);
    byte_count_ = std::exchange(other.byte_count_, 0);
  }
  return *this;
}

void RetireQueue::release_all_chunks() {
  // Unlink one chunk at a time: destroying a long unique_ptr chain recursively could
  // overflow the stack.
  while (head_ != nullptr) {
    head_ = std::move(head_->next);
  }
  tail_ = nullptr;
  spare_.reset();
}

bool RetireQueue::push(const RetiredItem& item) {
  if (tail_ == nullptr || tail_->write_index == kItemsPerChunk) {
    std::unique_ptr<Chunk> chunk = std::move(spare_);
    if (chunk == nullptr) {
      chunk.reset(new (std::nothrow) Chunk);
      if (chunk == nullptr) {
        return false;
      }
    }
    chunk->next = nullptr;
    chunk->read_index = 0;
    chunk->write_index = 0;
    Chunk* new_tail = chunk.get();
    if (tail_ == nullptr) {
      head_ = std::move(chunk);
    } else {
      tail_->next = std::move(chunk);
    }
    tail_ = new_tail;
  }
  tail_->items[tail_->write_index++] = item;
  ++item_count_;
  byte_count_ += item.bytes;
  return true;
}

const RetiredItem& RetireQueue::front() const {
  assert(!empty());
  return head_->items[head_->read_index];
}

RetiredItem RetireQueue::pop_front() {
  assert(!empty());
  const RetiredItem item = head_->items[head_->read_index++];
  --item_count_;
  byte_count_ -= item.bytes;
  if (head_->read_index == head_->write_index) {
    if (head_.get() == tail_) {
      // The queue is now empty: reuse this chunk in place.
      head_->read_index = 0;
      head_->write_index = 0;
    } else {
      std::unique_ptr<Chunk> exhausted = std::move(head_);
      head_ = std::move(exhausted->next);
      if (spare_ == nullptr) {
        spare_ = std::move(exhausted);
      }
    }
  }
  return item;
}

void RetireQueue::append(RetireQueue&& other) {
  if (this == &other || other.empty()) {
    return;
  }
  if (empty()) {
    // Our only chunk (if any) is an empty head: keep it as the spare, take other's chain.
    if (head_ != nullptr && spare_ == nullptr) {
      head_->next = nullptr;
      spare_ = std::move(head_);
    }
    head_ = std::move(other.head_);
  } else {
    tail_->next = std::move(other.head_);
  }
  tail_ = std::exchange(other.tail_, nullptr);
  item_count_ += std::exchange(other.item_count_, 0);
  byte_count_ += std::exchange(other.byte_count_, 0);
}

}  // namespace stitch::qsbr
