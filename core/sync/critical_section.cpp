#include "core/sync/critical_section.h"

#include <cstdio>
#include <cstdlib>

namespace stitch::sync {
namespace detail {

constinit thread_local SectionRecord* top_section = nullptr;

void pop_and_resume(SectionRecord& record) {
  if (top_section != &record) {
    std::fprintf(stderr,
                 "stitch::sync: critical sections must end in the reverse order they began\n");
    std::abort();
  }
  top_section = record.previous;
  if (top_section != nullptr && !top_section->is_active) {
    resume_top_critical_section();
  }
}

}  // namespace detail

namespace {

using detail::SectionRecord;
using detail::top_section;

// Active sections form a prefix of the stack (suspension deactivates all; resumption reactivates
// the top only; new sections are pushed active), so the walk stops at the first inactive record.
bool is_held_by_active_section(const Mutex* mutex) {
  for (const SectionRecord* record = top_section; record != nullptr && record->is_active;
       record = record->previous) {
    if (record->holds(mutex)) {
      return true;
    }
  }
  return false;
}

bool is_held_by_top_section(const Mutex* mutex) {
  return top_section != nullptr && top_section->is_active && top_section->holds(mutex);
}

// Locks `mutex` on behalf of `record`, which is the top of the stack, and records it in `slot`.
// The lock may park; the blocking hooks then suspend `record` (unlocking what it recorded so far)
// and resume it (re-locking that) around the sleep. The slot is written only once the lock is
// owned.
void lock_for_section(Mutex*& slot, Mutex& mutex) STITCH_NO_THREAD_SAFETY_ANALYSIS {
  mutex.lock(LockMode::kDetach);
  slot = &mutex;
}

// The single-mutex slow path, shared by CriticalSection and CriticalSection2(m, m). Returns whether
// `record` was pushed (false: recursion into the top-most section).
bool begin_single_slow(SectionRecord& record, Mutex& mutex) {
  if (is_held_by_top_section(&mutex)) {
    return false;  // cheap recursion: the enclosing section keeps the lock
  }
  if (is_held_by_active_section(&mutex)) {
    // A deeper section holds it: waiting would wait for ourselves. Release everything, as a detach
    // would; the sections below are re-locked one by one as the ones above them end.
    suspend_all_critical_sections();
  }
  // Push before locking: if the lock parks, the hooks suspend and resume this record consistently.
  detail::push_active(record, nullptr, nullptr);
  lock_for_section(record.first, mutex);
  return true;
}

}  // namespace

void CriticalSection::begin_slow(Mutex& mutex) { is_pushed_ = begin_single_slow(record_, mutex); }

void CriticalSection2::begin_slow(Mutex* lower, Mutex* upper, bool lower_is_locked) {
  if (lower == upper) {
    if (lower->try_lock()) {
      detail::push_active(record_, lower, nullptr);
      is_pushed_ = true;
      return;
    }
    is_pushed_ = begin_single_slow(record_, *lower);
    return;
  }
  if (!lower_is_locked && is_held_by_top_section(lower) && is_held_by_top_section(upper)) {
    return;  // cheap recursion
  }
  if ((!lower_is_locked && is_held_by_active_section(lower)) || is_held_by_active_section(upper)) {
    suspend_all_critical_sections();  // see begin_single_slow
  }
  // A lower mutex locked on the fast path is recorded at once: if locking the upper one parks, the
  // suspension releases it too, so the thread sleeps holding no section lock at all.
  detail::push_active(record_, lower_is_locked ? lower : nullptr, nullptr);
  is_pushed_ = true;
  if (!lower_is_locked) {
    lock_for_section(record_.first, *lower);
  }
  lock_for_section(record_.second, *upper);
}

void suspend_all_critical_sections() STITCH_NO_THREAD_SAFETY_ANALYSIS {
  for (SectionRecord* record = top_section; record != nullptr && record->is_active;
       record = record->previous) {
    if (record->second != nullptr) {
      record->second->unlock();
    }
    if (record->first != nullptr) {
      record->first->unlock();
    }
    record->is_active = false;  // slots kept: they say what to re-lock on resume
  }
}

void resume_top_critical_section() STITCH_NO_THREAD_SAFETY_ANALYSIS {
  SectionRecord* top = top_section;
  if (top == nullptr || top->is_active) {
    return;
  }
  // Clear the slots first and refill each once its mutex is owned again: if a re-lock parks, the
  // nested hooks then see a record that claims only what it really holds.
  Mutex* first = top->first;
  Mutex* second = top->second;
  top->first = nullptr;
  top->second = nullptr;
  if (first != nullptr) {
    lock_for_section(top->first, *first);
  }
  if (second != nullptr) {
    lock_for_section(top->second, *second);
  }
  top->is_active = true;
}

bool has_critical_section() { return top_section != nullptr; }

int active_critical_section_count() {
  int count = 0;
  for (const SectionRecord* record = top_section; record != nullptr && record->is_active;
       record = record->previous) {
    ++count;
  }
  return count;
}

}  // namespace stitch::sync
