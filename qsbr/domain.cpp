// Domain: write sequence, registry of thread records, poll scan, synchronize and orphans.
// The algorithm, its invariant and the memory orderings are described in qsbr.h.
#include <algorithm>
#include <chrono>
#include <new>
#include <thread>
#include <utility>

#include "qsbr/qsbr.h"

namespace stitch::qsbr {

Domain::Domain(RetireLimits limits, Sequence initial_write_sequence)
    : write_sequence_(initial_write_sequence | 1),
      min_read_sequence_cache_(initial_write_sequence | 1),
      limits_(limits) {}

Domain::~Domain() {
  // Gather everything still pending, then run the callbacks with no mutex held.
  RetireQueue remaining;
  {
    ScopedLock lock(orphan_mutex_);
    remaining = std::move(orphans_);
  }
  {
    ScopedLock lock(registry_mutex_);
    assert(free_records_.size() == records_.size() && "~Domain with registered thread records");
    for (const std::unique_ptr<ThreadRecord>& record : records_) {
      remaining.append(std::move(record->queue_));
    }
  }
  // Every record is offline, so every grace period is over.
  while (!remaining.empty()) {
    const RetiredItem item = remaining.pop_front();
    item.callback(item.pointer, item.context);
  }
}

ThreadRecord* Domain::register_thread() {
  ScopedLock lock(registry_mutex_);
  if (!free_records_.empty()) {
    // Reused records are offline with an empty queue (unregister_thread saw to it), and
    // they are still on the registry list.
    ThreadRecord* record = free_records_.back();
    free_records_.pop_back();
    return record;
  }
  std::unique_ptr<ThreadRecord> record(new (std::nothrow) ThreadRecord(*this));
  if (record == nullptr) {
    return nullptr;
  }
  try {
    if (records_.size() == records_.capacity()) {
      records_.reserve(2 * records_.size() + 8);
    }
    // Room for every record on the free list, so unregister_thread never allocates.
    free_records_.reserve(records_.capacity());
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
  ThreadRecord* raw = record.get();
  // Relaxed: pushes are serialized by registry_mutex_; the release store below publishes.
  raw->registry_next_ = registry_head_.load(std::memory_order_relaxed);
  // Release: pairs with the acquire loads of registry_head_ in the scan and in
  // pending_items(): they see the record fully built (offline, link set).
  registry_head_.store(raw, std::memory_order_release);
  records_.push_back(std::move(record));
  return raw;
}

void Domain::unregister_thread(ThreadRecord* record) {
  assert(record != nullptr && record->domain_ == this);
  assert(!record->is_processing_ && "unregister_thread called from a retire callback");
  record->offline();
  record->retirements_since_advance_ = 0;
  if (!record->queue_.empty()) {
    const std::size_t items = record->queue_.item_count();
    const std::size_t bytes = record->queue_.byte_count();
    ScopedLock lock(orphan_mutex_);
    orphans_.append(std::move(record->queue_));
    // Relaxed counters: statistics only; the queue itself is handed over under the mutex,
    // which also orders the owner's writes to the items before any later processor. The
    // record's counts drop to zero before the orphan counts grow, so a concurrent
    // pending_items() (which reads the orphan counts first) may miss them but does not count
    // them twice.
    record->publish_pending_counts();
    orphan_items_.fetch_add(items, std::memory_order_relaxed);
    orphan_bytes_.fetch_add(bytes, std::memory_order_relaxed);
    has_orphans_.store(true, std::memory_order_relaxed);
  }
  ScopedLock lock(registry_mutex_);
  assert(std::find(free_records_.begin(), free_records_.end(), record) == free_records_.end() &&
         "record unregistered twice");
  free_records_.push_back(record);  // capacity reserved in register_thread: cannot throw
}

Sequence Domain::advance() {
  // seq_cst RMW. Release: publishes the caller's unlinks to any thread that acquires this
  // value or a later one (quiescent(), online(), the scan); the RMW chain of later advances
  // continues the release sequence. Being in the single total order S also lets a deferred
  // goal's fence be ordered before it (see qsbr.h, "Deferred advance").
  // fetch_add returns the OLD value; the goal is the new one (PR 135473 off-by-one).
  return write_sequence_.fetch_add(kSequenceIncrement, std::memory_order_seq_cst) +
         kSequenceIncrement;
}

Sequence Domain::write_sequence() const {
  // Relaxed: a snapshot; callers that need ordering use quiescent()/online()/poll().
  return write_sequence_.load(std::memory_order_relaxed);
}

Sequence Domain::deferred_goal() const {
  // seq_cst fence: the caller's unlink (a store before this call) becomes visible to all
  // threads before the load below takes its value. Pairs with the seq_cst RMW of whichever
  // advance() next produces the goal; the argument is in qsbr.h ("Deferred advance").
  std::atomic_thread_fence(std::memory_order_seq_cst);
  // Relaxed: ordering comes from the fence above.
  return write_sequence_.load(std::memory_order_relaxed) + kSequenceIncrement;
}

void Domain::issue_goal(Sequence goal) {
  if (sequence_before(write_sequence(), goal)) {
    advance();
  }
}

Sequence Domain::cached_min_read_sequence() const {
  // Acquire: pairs with the release CAS in scan_min_read_sequence(); the scanner acquired
  // every reader's quiescent store, so those readers' accesses happen-before our callbacks.
  return min_read_sequence_cache_.load(std::memory_order_acquire);
}

bool Domain::poll(Sequence goal) {
  if (sequence_reached(cached_min_read_sequence(), goal)) {
    return true;
  }
  return sequence_reached(scan_min_read_sequence(), goal);
}

Sequence Domain::scan_min_read_sequence() {
  // Acquire: pairs with advance(); unlinks whose advance produced a goal <= `minimum`
  // happen-before the fence below (the Dekker argument for online() needs that).
  Sequence minimum = write_sequence_.load(std::memory_order_acquire);
  // seq_cst fence: pairs with the seq_cst store + fence in ThreadRecord::online(). If this
  // scan reads a record as offline, that record's loads after going online see every unlink
  // that happened before this fence, so it is safe to not wait for it.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  // Acquire: pairs with the release store in register_thread(); links are immutable.
  for (const ThreadRecord* record = registry_head_.load(std::memory_order_acquire);
       record != nullptr; record = record->registry_next_) {
    // Acquire: pairs with the release stores of quiescent() and offline().
    const Sequence observed = record->read_sequence_.load(std::memory_order_acquire);
    if (observed != kOffline && sequence_before(observed, minimum)) {
      minimum = observed;
    }
  }
  // Move the cache forward only (another scanner may have moved it further already).
  // Relaxed initial load / failure: the value is only compared; the successful CAS is a
  // release that pairs with the acquire load in poll().
  Sequence cached = min_read_sequence_cache_.load(std::memory_order_relaxed);
  while (sequence_before(cached, minimum) &&
         !min_read_sequence_cache_.compare_exchange_weak(cached, minimum, std::memory_order_release,
                                                         std::memory_order_relaxed)) {
  }
  return minimum;
}

std::size_t Domain::free_reached_prefix(RetireQueue& queue, PoppedHook on_popped, void* context) {
  // Goals are non-decreasing along a record's queue, so the first unreached one ends the
  // run (for the orphan queue, which concatenates several records' runs, stopping early only
  // delays). One scan at most: the caller tries again at its next safepoint.
  Sequence reached = cached_min_read_sequence();
  bool rescanned = false;
  std::size_t freed = 0;
  while (!queue.empty()) {
    const Sequence goal = queue.front().goal;
    if (!sequence_reached(reached, goal)) {
      if (rescanned) {
        break;
      }
      reached = scan_min_read_sequence();
      rescanned = true;
      if (!sequence_reached(reached, goal)) {
        break;
      }
    }
    const RetiredItem item = queue.pop_front();
    on_popped(item, context);
    item.callback(item.pointer, item.context);  // may retire more: it lands at the tail
    ++freed;
  }
  return freed;
}

void Domain::synchronize(ThreadRecord* self) {
  const bool was_online = self != nullptr && self->is_online();
  if (was_online) {
    self->offline();
  }
  const Sequence goal = advance();
  for (unsigned attempt = 0; !poll(goal); ++attempt) {
    // Other threads must run to report quiescent states: yield first, then sleep briefly so
    // that a long wait does not steal their CPU (this machine may have fewer cores than
    // threads).
    if (attempt < 64) {
      std::this_thread::yield();
    } else {
      std::this_thread::sleep_for(std::chrono::microseconds(50));
    }
  }
  if (was_online) {
    self->online();
  }
}

std::size_t Domain::process_orphans() {
  // Relaxed: a hint. A stale `false` only delays processing; the data is under the mutex.
  if (!has_orphans_.load(std::memory_order_relaxed)) {
    return 0;
  }
  RetireQueue taken;
  if (!orphan_mutex_.try_lock()) {
    return 0;  // someone else is on it
  }
  taken = std::move(orphans_);
  has_orphans_.store(false, std::memory_order_relaxed);
  orphan_mutex_.unlock();

  // Orphans from several records are concatenated, so goals are sorted only within each
  // record's stretch: stopping at the first unready item may delay later ready ones, never
  // free anything early.
  if (!taken.empty()) {
    issue_goal(taken.front().goal);
  }
  const auto count_orphan_freed = [](const RetiredItem& item, void* context) {
    auto* domain = static_cast<Domain*>(context);
    domain->orphan_items_.fetch_sub(1, std::memory_order_relaxed);  // statistics only
    domain->orphan_bytes_.fetch_sub(item.bytes, std::memory_order_relaxed);
  };
  const std::size_t freed = free_reached_prefix(taken, count_orphan_freed, this);
  if (!taken.empty()) {
    ScopedLock lock(orphan_mutex_);
    taken.append(std::move(orphans_));  // keep the older items first
    orphans_ = std::move(taken);
    has_orphans_.store(true, std::memory_order_relaxed);
  }
  return freed;
}

std::size_t Domain::pending_items() const {
  // Relaxed counter loads: a statistic (see the header). Acquire on the list: pairs with
  // register_thread()'s release store.
  std::size_t total = orphan_items_.load(std::memory_order_relaxed);
  for (const ThreadRecord* record = registry_head_.load(std::memory_order_acquire);
       record != nullptr; record = record->registry_next_) {
    total += record->published_pending_items_.load(std::memory_order_relaxed);
  }
  return total;
}

std::size_t Domain::pending_bytes() const {
  std::size_t total = orphan_bytes_.load(std::memory_order_relaxed);
  for (const ThreadRecord* record = registry_head_.load(std::memory_order_acquire);
       record != nullptr; record = record->registry_next_) {
    total += record->published_pending_bytes_.load(std::memory_order_relaxed);
  }
  return total;
}

}  // namespace stitch::qsbr
