// Deferred reference counting; the algorithm and its orders are in deferred.h.
#include "refcount/deferred.h"

#include <algorithm>
#include <new>

#include "refcount/merge_queue.h"
#include "refcount/refcount.h"

namespace stitch::rc {
namespace detail {
constinit thread_local DeferredCountsView t_deferred_counts __attribute__((tls_model("initial-exec")));
}  // namespace detail

namespace {

// The calling thread's record (merge_queue.cpp): read here without a call, since every deferred
// incref and decref needs it.
ThreadRecord* bound_record() { return detail::t_current_record; }

// No record, or this thread's counts must grow first.
[[gnu::noinline]] void add_deferred_slow(ThreadRecord* record, ObjectHeader* object, std::uint32_t uid, std::intptr_t delta) {
  // No bound record (a thread outside any Domain): the shared count is just as exact, only slower.
  if (record == nullptr) {
    object->shared.fetch_add(delta * kSharedOne, std::memory_order_relaxed);
    return;
  }
  record->deferred_counts().add(object, uid, delta);
  // The array may have grown: the inline path must see the new one.
  if (record == bound_record()) DeferredCounts::bind_to_current_thread(&record->deferred_counts());
}

}  // namespace

bool set_deferred(ObjectHeader* object) {
  const std::uint32_t local = object->local_count.load(std::memory_order_relaxed);
  if (local >= kDeferredLocalBase) return true;  // immortal or already deferred
  ThreadRecord* record = current_record();
  if (record == nullptr || !is_owned_by_current_thread(object)) return false;
  const std::intptr_t shared = object->shared.load(std::memory_order_relaxed);
  if (shared_state_of(shared) != SharedState::kDefault) return false;  // others may hold it
  const std::uint32_t uid = record->domain()->deferred_table().add(object);
  if (uid == DeferredTable::kNoUid) return false;
  // Private object: relaxed stores; whoever publishes it does so with a release store.
  object->owner_tid.store(0, std::memory_order_relaxed);
  object->shared.store(make_shared(shared_count_of(shared) + local, SharedState::kMerged),
                       std::memory_order_relaxed);
  object->local_count.store(kDeferredLocalBase + uid, std::memory_order_relaxed);
  object->gc_bits.fetch_or(gc_bits::kDeferred, std::memory_order_relaxed);
  return true;
}

void incref_deferred(ObjectHeader* object) {
  const std::uint32_t uid = object->local_count.load(std::memory_order_relaxed) - kDeferredLocalBase;
  ThreadRecord* record = bound_record();
  if (record != nullptr && record->deferred_counts().try_add(uid, 1)) return;
  add_deferred_slow(record, object, uid, 1);
}

void decref_deferred(ObjectHeader* object) {
  const std::uint32_t uid = object->local_count.load(std::memory_order_relaxed) - kDeferredLocalBase;
  ThreadRecord* record = bound_record();
  if (record != nullptr && record->deferred_counts().try_add(uid, -1)) return;
  add_deferred_slow(record, object, uid, -1);
}


// ---- DeferredTable ----

DeferredTable::DeferredTable() : chunks_(new std::atomic<std::atomic<ObjectHeader*>*>[kChunkCount]) {
  for (std::uint32_t i = 0; i < kChunkCount; ++i) chunks_[i].store(nullptr, std::memory_order_relaxed);
}

DeferredTable::~DeferredTable() {
  for (std::uint32_t i = 0; i < kChunkCount; ++i) delete[] chunks_[i].load(std::memory_order_relaxed);
}

std::uint32_t DeferredTable::add(ObjectHeader* object) {
  std::lock_guard<std::mutex> guard(grow_mutex_);
  const std::uint32_t uid = next_.load(std::memory_order_relaxed);
  if (uid >= kMaxDeferredUids) return kNoUid;
  std::atomic<ObjectHeader*>* chunk = chunks_[uid / kChunkSize].load(std::memory_order_relaxed);
  if (chunk == nullptr) {
    chunk = new (std::nothrow) std::atomic<ObjectHeader*>[kChunkSize];
    if (chunk == nullptr) return kNoUid;
    for (std::uint32_t i = 0; i < kChunkSize; ++i) chunk[i].store(nullptr, std::memory_order_relaxed);
    // Release: a reader that finds the chunk finds it initialized.
    chunks_[uid / kChunkSize].store(chunk, std::memory_order_release);
  }
  chunk[uid % kChunkSize].store(object, std::memory_order_release);
  next_.store(uid + 1, std::memory_order_release);
  live_.fetch_add(1, std::memory_order_relaxed);
  return uid;
}

ObjectHeader* DeferredTable::at(std::uint32_t uid) const {
  if (uid >= end()) return nullptr;
  std::atomic<ObjectHeader*>* chunk = chunks_[uid / kChunkSize].load(std::memory_order_acquire);
  return chunk == nullptr ? nullptr : chunk[uid % kChunkSize].load(std::memory_order_acquire);
}

void DeferredTable::clear(std::uint32_t uid) {
  std::atomic<ObjectHeader*>* chunk = chunks_[uid / kChunkSize].load(std::memory_order_acquire);
  if (chunk != nullptr && chunk[uid % kChunkSize].exchange(nullptr, std::memory_order_relaxed) != nullptr) {
    live_.fetch_sub(1, std::memory_order_relaxed);
  }
}

// ---- DeferredCounts ----

void DeferredCounts::add(ObjectHeader* object, std::uint32_t uid, std::intptr_t delta) {
  if (uid >= size_ && !grow(uid)) {
    object->shared.fetch_add(delta * kSharedOne, std::memory_order_relaxed);
    return;
  }
  std::atomic<std::intptr_t>& count = counts_[uid];
  count.store(count.load(std::memory_order_relaxed) + delta, std::memory_order_relaxed);
}

void DeferredCounts::bind_to_current_thread(DeferredCounts* counts) {
  detail::t_deferred_counts = counts != nullptr ? detail::DeferredCountsView{counts->counts_.get(), counts->size_}
                                                : detail::DeferredCountsView{};
}

std::intptr_t DeferredCounts::get(std::uint32_t uid) const {
  return uid < size_ ? counts_[uid].load(std::memory_order_relaxed) : 0;
}

bool DeferredCounts::grow(std::uint32_t uid) {
  const std::uint32_t wanted = std::max<std::uint32_t>({uid + 1, size_ * 2, 64});
  const std::uint32_t size = std::min(wanted, kMaxDeferredUids);
  auto* grown = new (std::nothrow) std::atomic<std::intptr_t>[size];
  if (grown == nullptr) return false;
  for (std::uint32_t i = 0; i < size; ++i) {
    grown[i].store(i < size_ ? counts_[i].load(std::memory_order_relaxed) : 0, std::memory_order_relaxed);
  }
  counts_.reset(grown);
  size_ = size;
  return true;
}

void DeferredCounts::fold_into(const DeferredTable& table) {
  for (std::uint32_t uid = 0; uid < size_; ++uid) {
    const std::intptr_t count = counts_[uid].exchange(0, std::memory_order_relaxed);
    if (count == 0) continue;
    ObjectHeader* object = table.at(uid);
    // A count for a released uid cannot exist: the sweep folds every thread's counts first.
    if (object != nullptr) object->shared.fetch_add(count * kSharedOne, std::memory_order_relaxed);
  }
}

}  // namespace stitch::rc
