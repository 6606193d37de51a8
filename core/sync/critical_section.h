// Critical sections: how the runtime locks objects (one, or two at once) without lock-order
// deadlocks.
//
// Data. Each thread has an intrusive stack of SectionRecords (one per live CriticalSection or
// CriticalSection2 object, stored inside it, so on the C++ stack), headed by a thread_local pointer
// that only the owning thread touches (no atomics). A record names up to two mutexes (`first` <
// `second` by address for a two-mutex section) and whether it is active. A mutex slot is set only
// once that mutex is locked on behalf of the section, so a record never claims a lock it lacks.
//
// Entering (CriticalSection(m)):
//   fast: try-lock m, push an active record.
//   slow: if the top-most active section already holds m (either mutex of a two-mutex
//         section), this is a cheap recursion: nothing is pushed or locked. If a deeper active
//         section holds m, the thread would wait for itself: suspend all sections first (exactly
//         what a detach would do). Then push the record *before* locking m, so that if the lock
//         parks (before_block hook -> runtime detaches -> suspend_all_critical_sections) the
//         record is suspended consistently.
// Entering (CriticalSection2(a, b)): the same mutex twice is a single section; otherwise the two
//   are locked in address order (lower first), with the same fast/slow structure; if the
//   top-most active section holds both, it is a recursion.
// Ending: pop and unlock; if the new top is inactive (it was suspended while we ran), resume it.
//
// Suspension. suspend_all_critical_sections() unlocks every active section's mutexes and marks them
// inactive; resume_top_critical_section() re-locks only the top-most one (the others are re-locked
// one by one as the sections above them end). Active sections always form a prefix of the stack.
//
// Deadlock freedom. A lock() in a section runs the blocking hooks before it sleeps, and the
// runtime's before_block detaches, which suspends every section. So a thread never sleeps while
// holding a section's lock, hence no cycle of waits between sections, whatever order threads take
// them in. This needs the hooks (tests install ones that call suspend/resume directly). Without
// hooks, sections are plain nested locks: only CriticalSection2's address ordering prevents
// deadlock.
//
// The price (as in CPython): an outer section's atomicity is broken whenever something inside it
// blocks; an inner section that blocks may find the outer object changed when it resumes.
// Per-object sections make single operations atomic, not multi-step transactions.
#pragma once

#include "core/sync/mutex.h"
#include "support/thread_annotations.h"

namespace stitch::sync {

namespace detail {

struct SectionRecord {
  SectionRecord* previous = nullptr;
  Mutex* first = nullptr;   // set once locked for this section (kept while suspended: to re-lock)
  Mutex* second = nullptr;  // two-mutex sections only; higher address than `first`
  bool is_active = false;

  bool holds(const Mutex* mutex) const { return first == mutex || second == mutex; }
};

/// The calling thread's top-most section record (null when none). Constant-initialised, so accesses
/// need no TLS wrapper call.
extern constinit thread_local SectionRecord* top_section;

inline void push_active(SectionRecord& record, Mutex* first, Mutex* second) {
  record.previous = top_section;
  record.first = first;
  record.second = second;
  record.is_active = true;
  top_section = &record;
}

/// Pops `record` (which must be the top) after its mutexes were unlocked; resumes the new top if it
/// had been suspended.
void pop_and_resume(SectionRecord& record);

}  // namespace detail

/// Locks `mutex` for the scope, participating in suspension on detach (see above).
class STITCH_SCOPED_CAPABILITY CriticalSection {
 public:
  explicit CriticalSection(Mutex& mutex) STITCH_ACQUIRE(mutex) {
    if (mutex.try_lock()) {
      detail::push_active(record_, &mutex, nullptr);
      is_pushed_ = true;
      return;
    }
    begin_slow(mutex);
  }

  ~CriticalSection() STITCH_RELEASE() {
    if (!is_pushed_) {
      return;  // recursion: the enclosing section owns the lock
    }
    record_.first->unlock();
    detail::pop_and_resume(record_);
  }

  CriticalSection(const CriticalSection&) = delete;
  CriticalSection& operator=(const CriticalSection&) = delete;

  /// Whether this section is a recursion into an enclosing one (locked nothing itself).
  bool is_recursive() const { return !is_pushed_; }

 private:
  void begin_slow(Mutex& mutex) STITCH_NO_THREAD_SAFETY_ANALYSIS;

  detail::SectionRecord record_;
  bool is_pushed_ = false;
};

/// Locks two mutexes for the scope, in address order; the same mutex twice is one section.
class STITCH_SCOPED_CAPABILITY CriticalSection2 {
 public:
  CriticalSection2(Mutex& a, Mutex& b) STITCH_ACQUIRE(a, b) STITCH_NO_THREAD_SAFETY_ANALYSIS {
    Mutex* lower = &a < &b ? &a : &b;
    Mutex* upper = &a < &b ? &b : &a;
    if (lower != upper && lower->try_lock()) {
      if (upper->try_lock()) {
        detail::push_active(record_, lower, upper);
        is_pushed_ = true;
        return;
      }
      begin_slow(lower, upper, /*lower_is_locked=*/true);
      return;
    }
    begin_slow(lower, upper, /*lower_is_locked=*/false);
  }

  ~CriticalSection2() STITCH_RELEASE() STITCH_NO_THREAD_SAFETY_ANALYSIS {
    if (!is_pushed_) {
      return;
    }
    if (record_.second != nullptr) {
      record_.second->unlock();
    }
    record_.first->unlock();
    detail::pop_and_resume(record_);
  }

  CriticalSection2(const CriticalSection2&) = delete;
  CriticalSection2& operator=(const CriticalSection2&) = delete;

  bool is_recursive() const { return !is_pushed_; }

 private:
  void begin_slow(Mutex* lower, Mutex* upper,
                  bool lower_is_locked) STITCH_NO_THREAD_SAFETY_ANALYSIS;

  detail::SectionRecord record_;
  bool is_pushed_ = false;
};

/// Unlocks every active section of the calling thread and marks it inactive. Called by the runtime
/// when the thread detaches (so from the before_block hook too).
void suspend_all_critical_sections();

/// Re-locks the calling thread's top-most section if it is inactive. Called by the runtime when the
/// thread attaches (so from the after_block hook too). May park (and so run the hooks, nested).
void resume_top_critical_section();

/// Diagnostics/tests: whether the calling thread has a section on its stack, and how many are
/// active.
bool has_critical_section();
int active_critical_section_count();

}  // namespace stitch::sync
