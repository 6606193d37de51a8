#include "core/sync/parking_lot.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "core/sync/bucket_lock.h"
#include "core/sync/deadline.h"
#include "core/sync/waiter_semaphore.h"

namespace stitch::sync {
namespace {

using detail::BucketLock;
using detail::BucketLockGuard;
using detail::WaiterSemaphore;

constexpr std::size_t kBucketCount = 257;  // prime: aligned addresses spread over all buckets

// One parked thread. Lives on that thread's stack for the duration of park(). Every field but the
// semaphore is guarded by its bucket's lock (not expressible as an annotation: the entry does not
// know its bucket).
struct WaitEntry {
  const void* address = nullptr;
  void* park_arg = nullptr;
  WaitEntry* previous = nullptr;
  WaitEntry* next = nullptr;
  bool is_unparking = false;  // dequeued by an unparker that will post the semaphore
  WaiterSemaphore semaphore;
};

// A bucket: its lock and the FIFO of entries parked on addresses that hash here. Cache-line aligned
// so that unrelated buckets do not share a line.
struct alignas(64) Bucket {
  BucketLock lock;
  WaitEntry* head STITCH_GUARDED_BY(lock) = nullptr;
  WaitEntry* tail STITCH_GUARDED_BY(lock) = nullptr;

  void enqueue(WaitEntry* entry) STITCH_REQUIRES(lock) {
    entry->previous = tail;
    entry->next = nullptr;
    if (tail != nullptr) {
      tail->next = entry;
    } else {
      head = entry;
    }
    tail = entry;
  }

  void remove(WaitEntry* entry) STITCH_REQUIRES(lock) {
    if (entry->previous != nullptr) {
      entry->previous->next = entry->next;
    } else {
      head = entry->next;
    }
    if (entry->next != nullptr) {
      entry->next->previous = entry->previous;
    } else {
      tail = entry->previous;
    }
    entry->previous = nullptr;
    entry->next = nullptr;
  }

  WaitEntry* first_waiting_on(const void* address, WaitEntry* start) STITCH_REQUIRES(lock) {
    for (WaitEntry* entry = start; entry != nullptr; entry = entry->next) {
      if (entry->address == address) {
        return entry;
      }
    }
    return nullptr;
  }

  WaitEntry* first_waiting_on(const void* address) STITCH_REQUIRES(lock) {
    return first_waiting_on(address, head);
  }
};

// Zero-initialised, constexpr-constructible: usable from static initialisers of other translation
// units without an initialisation-order problem.
constinit std::array<Bucket, kBucketCount> buckets{};

Bucket& bucket_for(const void* address) {
  return buckets[reinterpret_cast<std::uintptr_t>(address) % kBucketCount];
}

template <class Word>
bool holds_value(const void* address, const void* expected) {
  // relaxed: ordered by the bucket lock held by the caller (see the header: no lost wake-ups).
  // atomic_ref on a const_cast: the word is only read, and every writer accesses it atomically.
  const Word current = std::atomic_ref<Word>(*const_cast<Word*>(static_cast<const Word*>(address)))
                           .load(std::memory_order_relaxed);
  return current == *static_cast<const Word*>(expected);
}

bool address_holds(const void* address, const void* expected, std::size_t size) {
  switch (size) {
    case 1:
      return holds_value<std::uint8_t>(address, expected);
    case 2:
      return holds_value<std::uint16_t>(address, expected);
    case 4:
      return holds_value<std::uint32_t>(address, expected);
    case 8:
      return holds_value<std::uint64_t>(address, expected);
    default:
      std::fprintf(stderr, "stitch::sync::park: unsupported value size %zu (use 1, 2, 4 or 8)\n",
                   size);
      std::abort();
  }
}

}  // namespace

ParkResult park(const void* address, const void* expected, std::size_t size,
                std::chrono::nanoseconds timeout, void* park_arg, LockMode mode) {
  Bucket& bucket = bucket_for(address);
  WaitEntry entry;
  entry.address = address;
  entry.park_arg = park_arg;
  {
    BucketLockGuard guard(bucket.lock);
    if (!address_holds(address, expected, size)) {
      return ParkResult::kValueChanged;
    }
    if (timeout == std::chrono::nanoseconds::zero()) {
      return ParkResult::kTimedOut;
    }
    bucket.enqueue(&entry);
  }

  const Deadline deadline = Deadline::after(timeout);
  bool was_posted = false;
  {
    // The hooks run after the enqueue, outside the bucket lock: an unpark issued meanwhile just
    // posts the semaphore early, and the hooks may lock and unlock mutexes (which unpark through
    // buckets).
    detail::BlockingScope blocking(mode);
    was_posted = entry.semaphore.wait(deadline);
  }
  if (was_posted) {
    return ParkResult::kUnparked;
  }

  bool is_being_unparked = false;
  {
    BucketLockGuard guard(bucket.lock);
    is_being_unparked = entry.is_unparking;
    if (!is_being_unparked) {
      bucket.remove(&entry);
    }
  }
  if (is_being_unparked) {
    // The unparker has dequeued us and ran its callback (which may have handed us ownership of
    // something); it posts right after releasing the bucket lock. Wait for that post: the entry
    // must outlive it, and the caller must learn it was unparked. The wait is short and never
    // detaches.
    entry.semaphore.wait(Deadline::never());
    return ParkResult::kUnparked;
  }
  return ParkResult::kTimedOut;
}

void unpark_one(const void* address,
                void (*callback)(void* arg, void* park_arg, bool has_more_waiters), void* arg) {
  Bucket& bucket = bucket_for(address);
  WaitEntry* woken = nullptr;
  {
    BucketLockGuard guard(bucket.lock);
    woken = bucket.first_waiting_on(address);
    bool has_more_waiters = false;
    if (woken != nullptr) {
      has_more_waiters = bucket.first_waiting_on(address, woken->next) != nullptr;
      bucket.remove(woken);
      woken->is_unparking = true;
    }
    if (callback != nullptr) {
      callback(arg, woken != nullptr ? woken->park_arg : nullptr, has_more_waiters);
    }
  }
  if (woken != nullptr) {
    woken->semaphore.post();  // last touch of the entry: its owner may return right after
  }
}

void unpark_all(const void* address) {
  Bucket& bucket = bucket_for(address);
  // Collect the dequeued entries, in FIFO order, into a private singly-linked list through their
  // `next` fields; once marked is_unparking no other thread touches those fields.
  WaitEntry* woken_list = nullptr;
  WaitEntry* woken_tail = nullptr;
  {
    BucketLockGuard guard(bucket.lock);
    WaitEntry* entry = bucket.first_waiting_on(address);
    while (entry != nullptr) {
      WaitEntry* following = bucket.first_waiting_on(address, entry->next);
      bucket.remove(entry);  // also clears entry->next
      entry->is_unparking = true;
      if (woken_tail != nullptr) {
        woken_tail->next = entry;
      } else {
        woken_list = entry;
      }
      woken_tail = entry;
      entry = following;
    }
  }
  while (woken_list != nullptr) {
    WaitEntry* entry = woken_list;
    woken_list =
        entry->next;  // read before the post: the owner may return (and free it) right after
    entry->semaphore.post();
  }
}

std::size_t parked_waiter_count(const void* address) {
  Bucket& bucket = bucket_for(address);
  BucketLockGuard guard(bucket.lock);
  std::size_t count = 0;
  for (WaitEntry* entry = bucket.first_waiting_on(address); entry != nullptr;
       entry = bucket.first_waiting_on(address, entry->next)) {
    ++count;
  }
  return count;
}

}  // namespace stitch::sync
