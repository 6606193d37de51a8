// Cross-thread merge queues; the protocol, its invariants and orders are in merge_queue.h.
#include "refcount/merge_queue.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <new>
#include <utility>

#include "refcount/refcount.h"

namespace stitch::rc {
namespace detail {
// Read directly (not through current_record()) by deferred.cpp's hot path.
constinit thread_local ThreadRecord* t_current_record = nullptr;
}  // namespace detail
using detail::t_current_record;

// Every change of the bound record goes through here, so that the inline deferred-count path
// (refcount.h) always uses the bound record's array.
static void set_bound_record(ThreadRecord* record) {
  t_current_record = record;
  DeferredCounts::bind_to_current_thread(record != nullptr ? &record->deferred_counts() : nullptr);
}

namespace {

[[noreturn]] void die_unregistered(const char* what) {
  std::fprintf(stderr,
               "stitch::rc: %s on a thread with no bound ThreadRecord (register the thread with "
               "the runtime's Domain first)\n",
               what);
  std::abort();
}

// Errors as values: growth failure is reported, not thrown.
bool try_push(std::vector<ObjectHeader*>& queue, ObjectHeader* object) noexcept {
  try {
    queue.push_back(object);
    return true;
  } catch (const std::bad_alloc&) {
    return false;
  }
}

void relaxed_add(std::atomic<std::uint64_t>& counter, std::uint64_t amount) {
  counter.fetch_add(amount, std::memory_order_relaxed);  // statistics only
}

}  // namespace

ThreadRecord* current_record() { return t_current_record; }
void bind_current_record(ThreadRecord* record) { set_bound_record(record); }

void queue_for_owner(ObjectHeader* object, DeallocFn dealloc) {
  ThreadRecord* record = t_current_record;
  if (record == nullptr) die_unregistered("a decref had to queue an object for its owner");
  const std::uintptr_t owner_tid = object->owner_tid.load(std::memory_order_relaxed);
  if (owner_tid == 0) {
    // After our CAS set kQueued, the owner's local count reached 0 (it dropped references that
    // were accounted in `shared`) and it is merging: it writes owner_tid = 0 just before its
    // kMerged CAS. Our reference belongs to the shared count either way: decref_shared
    // subtracts (the state is past kMaybeWeakref, so it never queues again), and whichever of
    // the two CASes leaves "count 0, kMerged" frees the object.
    decref_shared(object, dealloc);
    return;
  }
  record->domain()->queue_object(object, owner_tid, dealloc);
}

DeallocFn current_domain_dealloc() {
  ThreadRecord* record = t_current_record;
  if (record == nullptr) die_unregistered("try_incref_compare had to undo an increment");
  return record->domain()->dealloc();
}

Domain::Domain(DeallocFn dealloc) : dealloc_(dealloc) {}

Domain::~Domain() {
  // No thread uses the Domain any more: owners cannot run, so merging for them is safe.
  for (Bucket& bucket : buckets_) {
    for (;;) {
      std::unique_ptr<ThreadRecord> record;
      std::vector<ObjectHeader*> leftovers;
      {
        BucketGuard guard(bucket.lock);
        if (bucket.first_record == nullptr) break;
        record.reset(bucket.first_record);
        record->bucket_->lock.assume_held();  // record->bucket_ == &bucket
        bucket.first_record = record->next_in_bucket_;
        leftovers.swap(record->queued_);
      }
      if (t_current_record == record.get()) set_bound_record(nullptr);
      const std::size_t dead_count = merge_all_keep_dead(leftovers);
      relaxed_add(merged_owner_gone_, leftovers.size());
      dealloc_prefix(leftovers, dead_count);
    }
  }
}

ThreadRecord* Domain::find_record(Bucket& bucket, std::uintptr_t thread_id) {
  for (ThreadRecord* record = bucket.first_record; record != nullptr;) {
    record->bucket_->lock.assume_held();  // every record in a bucket points back at it
    if (record->thread_id_ == thread_id) return record;
    record = record->next_in_bucket_;
  }
  return nullptr;
}

ThreadRecord* Domain::register_current_thread(OwnerHooks hooks) {
  const std::uintptr_t thread_id = current_thread_id();
  Bucket& bucket = bucket_for(thread_id);
  std::unique_ptr<ThreadRecord> record;
  try {
    record = std::make_unique<ThreadRecord>(this, thread_id, hooks, &bucket);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
  {
    // Same bucket lock as the previous holder of this thread id used to unregister: that
    // thread's last writes to its objects' local counts happen-before we own them.
    BucketGuard guard(bucket.lock);
    if (find_record(bucket, thread_id) != nullptr) return nullptr;
    record->bucket_->lock.assume_held();
    record->next_in_bucket_ = bucket.first_record;
    bucket.first_record = record.get();
  }
  set_bound_record(record.get());
  return record.release();  // owned by the bucket list until unregister_current_thread
}

void Domain::unregister_current_thread(ThreadRecord* self) {
  Bucket& bucket = *self->bucket_;
  std::unique_ptr<ThreadRecord> unlinked;
  while (unlinked == nullptr) {
    merge_pending(self);
    BucketGuard guard(bucket.lock);
    self->bucket_->lock.assume_held();
    // Objects may be queued while we merge (other threads, or our own deallocs). Unlink only
    // once the queue is empty *in the same critical section*, so nothing is left behind: after
    // this, foreign decrefs find no record and merge directly.
    if (!self->queued_.empty()) continue;
    // Under the bucket lock, so that release_deferred (which folds under the same lock) never
    // folds these counts twice or misses them.
    self->deferred_counts_.fold_into(deferred_table_);
    ThreadRecord** link = &bucket.first_record;
    while (*link != self) {
      (*link)->bucket_->lock.assume_held();
      link = &(*link)->next_in_bucket_;
    }
    *link = self->next_in_bucket_;
    unlinked.reset(self);
  }
  if (t_current_record == self) set_bound_record(nullptr);
}

std::size_t Domain::merge_pending(ThreadRecord* self) {
  // Swap the queue with the owner's empty spare buffer: no allocation, and a reentrant call
  // (a destructor reaching a safepoint) finds an empty spare buffer and an empty batch.
  std::vector<ObjectHeader*> batch = std::move(self->spare_buffer_);
  batch.clear();
  {
    BucketGuard guard(self->bucket_->lock);
    batch.swap(self->queued_);
  }
  // We are the owner: merging writes our own private fields. No lock held while freeing.
  for (ObjectHeader* object : batch) {
    if (explicit_merge(object, -1) == 0) dealloc_(object);
  }
  const std::size_t merged = batch.size();
  relaxed_add(merged_by_owner_, merged);
  batch.clear();
  self->spare_buffer_ = std::move(batch);
  return merged;
}

std::size_t Domain::merge_all_keep_dead(std::vector<ObjectHeader*>& objects) {
  std::size_t dead_count = 0;
  for (ObjectHeader*& object : objects) {
    if (explicit_merge(object, -1) == 0) std::swap(objects[dead_count++], object);
  }
  return dead_count;
}

void Domain::dealloc_prefix(const std::vector<ObjectHeader*>& objects, std::size_t dead_count) {
  for (std::size_t i = 0; i < dead_count; ++i) dealloc_(objects[i]);
}

void Domain::queue_object(ObjectHeader* object, std::uintptr_t owner_tid, DeallocFn dealloc) {
  Bucket& bucket = bucket_for(owner_tid);
  bool object_is_dead = false;
  std::vector<ObjectHeader*> merged_for_owner;  // the paused owner's queue, dead ones first
  std::size_t dead_count = 0;
  {
    BucketGuard guard(bucket.lock);
    ThreadRecord* owner = find_record(bucket, owner_tid);
    if (owner == nullptr) {
      // Owner exited (or never registered): nobody writes the local count any more. Merge under
      // the lock so that a new thread reusing this id cannot register halfway through.
      object_is_dead = explicit_merge(object, -1) == 0;
      relaxed_add(merged_owner_gone_, 1);
    } else if (owner->hooks_.try_pause_if_detached != nullptr &&
               owner->hooks_.try_pause_if_detached(owner->hooks_.context)) {
      // The owner is suspended and cannot touch its private fields: merge for it, including
      // everything already queued, so a blocked owner does not keep garbage alive (gh-157838).
      owner->bucket_->lock.assume_held();
      merged_for_owner.swap(owner->queued_);
      object_is_dead = explicit_merge(object, -1) == 0;
      dead_count = merge_all_keep_dead(merged_for_owner);
      if (owner->hooks_.resume != nullptr) owner->hooks_.resume(owner->hooks_.context);
      relaxed_add(merged_on_behalf_, merged_for_owner.size() + 1);
    } else {
      owner->bucket_->lock.assume_held();
      if (try_push(owner->queued_, object)) {
        relaxed_add(queued_, 1);
        if (owner->hooks_.request_merge != nullptr) owner->hooks_.request_merge(owner->hooks_.context);
      } else {
        relaxed_add(leaked_out_of_memory_, 1);  // documented leak: the object stays kQueued
      }
    }
  }
  // Destructors run only after the bucket lock is released.
  if (object_is_dead) dealloc(object);
  dealloc_prefix(merged_for_owner, dead_count);
}

void Domain::merge_on_behalf_of_detached_owners() {
  for (Bucket& bucket : buckets_) {
    for (;;) {
      std::vector<ObjectHeader*> batch;
      std::size_t dead_count = 0;
      bool merged_someone = false;
      {
        BucketGuard guard(bucket.lock);
        for (ThreadRecord* record = bucket.first_record; record != nullptr;) {
          record->bucket_->lock.assume_held();
          if (!record->queued_.empty() && record->hooks_.try_pause_if_detached != nullptr &&
              record->hooks_.try_pause_if_detached(record->hooks_.context)) {
            batch.swap(record->queued_);
            dead_count = merge_all_keep_dead(batch);
            if (record->hooks_.resume != nullptr) record->hooks_.resume(record->hooks_.context);
            relaxed_add(merged_on_behalf_, batch.size());
            merged_someone = true;
            break;  // free this owner's dead objects before looking at the next one
          }
          record = record->next_in_bucket_;
        }
      }
      if (!merged_someone) break;
      dealloc_prefix(batch, dead_count);
    }
  }
}

Domain::Stats Domain::stats() const {
  Stats stats;
  stats.queued = queued_.load(std::memory_order_relaxed);
  stats.merged_by_owner = merged_by_owner_.load(std::memory_order_relaxed);
  stats.merged_on_behalf = merged_on_behalf_.load(std::memory_order_relaxed);
  stats.merged_owner_gone = merged_owner_gone_.load(std::memory_order_relaxed);
  stats.leaked_out_of_memory = leaked_out_of_memory_.load(std::memory_order_relaxed);
  stats.deferred_live = deferred_table_.live();
  stats.deferred_released = deferred_released_.load(std::memory_order_relaxed);
  stats.deferred_freed = deferred_freed_.load(std::memory_order_relaxed);
  stats.deferred_miscounted = deferred_miscounted_.load(std::memory_order_relaxed);
  return stats;
}

std::size_t Domain::release_deferred() {
  for (Bucket& bucket : buckets_) {
    BucketGuard guard(bucket.lock);
    for (ThreadRecord* record = bucket.first_record; record != nullptr; record = record->next_in_bucket_) {
      record->bucket_->lock.assume_held();
      record->deferred_counts_.fold_into(deferred_table_);
    }
  }
  // Every count is in `shared` now. Turn them all into ordinary objects first, then free: a
  // freed object's decrefs must reach ordinary objects, not per-thread counts already folded.
  std::vector<ObjectHeader*> dead;
  std::uint64_t released = 0;
  std::uint64_t miscounted = 0;
  const std::uint32_t end = deferred_table_.end();
  for (std::uint32_t uid = 0; uid < end; ++uid) {
    ObjectHeader* object = deferred_table_.at(uid);
    if (object == nullptr) continue;
    deferred_table_.clear(uid);
    ++released;
    const std::intptr_t count = shared_count_of(object->shared.load(std::memory_order_relaxed));
    if (count < 0) {
      ++miscounted;  // more decrefs than references: leave it leaked rather than free it twice
      continue;
    }
    object->gc_bits.fetch_and(static_cast<std::uint8_t>(~gc_bits::kDeferred), std::memory_order_relaxed);
    object->owner_tid.store(0, std::memory_order_relaxed);
    object->local_count.store(0, std::memory_order_relaxed);
    // Release: like every merge, the private-field writes come before the merged state (the
    // count stays what it was, so the state word is rewritten with the same value).
    object->shared.store(make_shared(count, SharedState::kMerged), std::memory_order_release);
    if (count == 0) dead.push_back(object);
  }
  relaxed_add(deferred_released_, released);
  relaxed_add(deferred_miscounted_, miscounted);
  relaxed_add(deferred_freed_, dead.size());
  for (ObjectHeader* object : dead) dealloc_(object);
  return dead.size();
}

}  // namespace stitch::rc
