// ThreadRecord: attach, retire and process for one thread.
// The algorithm, its invariant and the memory orderings are described in qsbr.h.
#include "qsbr/qsbr.h"

namespace stitch::qsbr {

ThreadRecord::ThreadRecord(Domain& domain) : domain_(&domain) {}

void ThreadRecord::online() {
  // Acquire: pairs with advance(), as in quiescent().
  const Sequence current = domain_->write_sequence_.load(std::memory_order_acquire);
  // seq_cst store, then a seq_cst fence: pairs with the seq_cst fence of the poll scan
  // (Dekker). Either that scan reads this store and waits for us, or our loads after the
  // fence see every unlink the scanner could have freed. The fence is what orders the store
  // before the caller's next (acquire or relaxed) loads in the C++ model.
  read_sequence_.store(current, std::memory_order_seq_cst);
  std::atomic_thread_fence(std::memory_order_seq_cst);
}

void ThreadRecord::publish_pending_counts() {
  // Relaxed: statistics for other threads; the owner keeps the exact counts in queue_.
  published_pending_items_.store(queue_.item_count(), std::memory_order_relaxed);
  published_pending_bytes_.store(queue_.byte_count(), std::memory_order_relaxed);
}

bool ThreadRecord::should_process() const {
  return queue_.item_count() > domain_->limits_.max_items ||
         queue_.byte_count() > domain_->limits_.max_bytes;
}

std::size_t ThreadRecord::pending_items() const {
  return published_pending_items_.load(std::memory_order_relaxed);
}

std::size_t ThreadRecord::pending_bytes() const {
  return published_pending_bytes_.load(std::memory_order_relaxed);
}

void ThreadRecord::retire(void* ptr, std::size_t bytes, RetireCallback callback, void* context) {
  const RetireLimits& limits = domain_->limits_;
  const bool exceeds_limits =
      queue_.item_count() + 1 > limits.max_items || queue_.byte_count() + bytes > limits.max_bytes;
  ++retirements_since_advance_;
  Sequence goal;
  if (exceeds_limits || retirements_since_advance_ >= kRetirementsPerAdvance) {
    // Our unlink happened before this RMW; its new value is the goal (qsbr.h, step 1).
    goal = domain_->advance();
    retirements_since_advance_ = 0;
  } else {
    goal = domain_->deferred_goal();
  }
  if (!queue_.push(RetiredItem{ptr, bytes, callback, context, goal})) {
    // No memory for a new chunk. Wait out a grace period and free right here: slow, but it
    // keeps retire() infallible without holding memory we cannot account for.
    domain_->synchronize(this);
    callback(ptr, context);
    return;
  }
  publish_pending_counts();
  if (exceeds_limits) {
    // The advance above already issued a goal covering every queued item; free what has
    // passed it (gh-132519: never let the list grow just because the count is low).
    process();
  }
}

std::size_t ThreadRecord::process() {
  if (is_processing_) {
    return 0;  // called from one of our own callbacks: the outer loop will continue
  }
  is_processing_ = true;
  if (!queue_.empty()) {
    // Goals in one record's queue never decrease (the write sequence only grows and one
    // thread's loads of it are coherent), so the oldest item decides. If its goal was
    // deferred and nobody advanced since, advance now so that it can ever be reached.
    domain_->issue_goal(queue_.front().goal);
  }
  const auto publish_counts = [](const RetiredItem&, void* self) {
    static_cast<ThreadRecord*>(self)->publish_pending_counts();
  };
  const std::size_t freed = domain_->free_reached_prefix(queue_, publish_counts, this);
  is_processing_ = false;
  return freed + domain_->process_orphans();
}

}  // namespace stitch::qsbr
