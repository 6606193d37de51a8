// Single-threaded critical-section behaviour: recursion, two-mutex sections, suspend/resume,
// and the object-header view of the lock.
#include "core/sync/critical_section.h"

#include <gtest/gtest.h>

#include "core/sync/object_lock.h"
#include "core/sync/tests/sync_test_support.h"

namespace stitch::sync {
namespace {

TEST(CriticalSection, LocksForItsScope) {
  Mutex mutex;
  {
    CriticalSection section(mutex);
    EXPECT_TRUE(mutex.is_locked());
    EXPECT_FALSE(section.is_recursive());
    EXPECT_EQ(active_critical_section_count(), 1);
  }
  EXPECT_FALSE(mutex.is_locked());
  EXPECT_FALSE(has_critical_section());
}

// Re-entering a held lock is what this test is about; clang's analysis treats capabilities as
// non-reentrant, so it is switched off for the body.
void RecursionOnTheSameMutexIsANoOp_body() STITCH_NO_THREAD_SAFETY_ANALYSIS {
  Mutex mutex;
  {
    CriticalSection outer(mutex);
    {
      CriticalSection inner(mutex);  // would self-deadlock if it locked again
      EXPECT_TRUE(inner.is_recursive());
      EXPECT_EQ(active_critical_section_count(), 1);  // nothing pushed
    }
    EXPECT_TRUE(mutex.is_locked());  // the inner end did not unlock the outer's lock
  }
  EXPECT_FALSE(mutex.is_locked());
}

TEST(CriticalSection, RecursionOnTheSameMutexIsANoOp) { RecursionOnTheSameMutexIsANoOp_body(); }

// Re-entering a held lock is what this test is about; clang's analysis treats capabilities as
// non-reentrant, so it is switched off for the body.
void TwoMutexSectionsRecurseAndCollapse_body() STITCH_NO_THREAD_SAFETY_ANALYSIS {
  Mutex a;
  Mutex b;
  {
    CriticalSection2 both(b, a);  // order of arguments does not matter
    EXPECT_TRUE(a.is_locked());
    EXPECT_TRUE(b.is_locked());
    {
      CriticalSection only_b(b);  // either mutex of the top two-mutex section: recursion
      EXPECT_TRUE(only_b.is_recursive());
      CriticalSection2 again(a, b);  // both held by the top section: recursion
      EXPECT_TRUE(again.is_recursive());
    }
    EXPECT_TRUE(a.is_locked());
    EXPECT_TRUE(b.is_locked());
  }
  EXPECT_FALSE(a.is_locked());
  EXPECT_FALSE(b.is_locked());
  {
    CriticalSection2 same(a, a);  // the same mutex twice is a single section
    EXPECT_TRUE(a.is_locked());
    EXPECT_FALSE(same.is_recursive());
    EXPECT_EQ(active_critical_section_count(), 1);
  }
  EXPECT_FALSE(a.is_locked());
}

TEST(CriticalSection, TwoMutexSectionsRecurseAndCollapse) {
  TwoMutexSectionsRecurseAndCollapse_body();
}

TEST(CriticalSection, SuspendAllUnlocksAndResumeTopRelocksOnlyTheTop) {
  Mutex outer_mutex;
  Mutex inner_a;
  Mutex inner_b;
  {
    CriticalSection outer(outer_mutex);
    {
      CriticalSection2 inner(inner_a, inner_b);
      EXPECT_EQ(active_critical_section_count(), 2);

      suspend_all_critical_sections();
      EXPECT_FALSE(outer_mutex.is_locked());
      EXPECT_FALSE(inner_a.is_locked());
      EXPECT_FALSE(inner_b.is_locked());
      EXPECT_EQ(active_critical_section_count(), 0);
      EXPECT_TRUE(has_critical_section());

      resume_top_critical_section();
      EXPECT_TRUE(inner_a.is_locked());
      EXPECT_TRUE(inner_b.is_locked());
      EXPECT_FALSE(outer_mutex.is_locked());  // only the top-most section is resumed
      EXPECT_EQ(active_critical_section_count(), 1);

      resume_top_critical_section();  // already active: no effect
      EXPECT_EQ(active_critical_section_count(), 1);
    }
    // Ending the inner section resumed the suspended outer one.
    EXPECT_TRUE(outer_mutex.is_locked());
    EXPECT_FALSE(inner_a.is_locked());
    EXPECT_EQ(active_critical_section_count(), 1);
  }
  EXPECT_FALSE(outer_mutex.is_locked());
  suspend_all_critical_sections();  // no sections: no effect
  resume_top_critical_section();
}

// Re-entering a held lock is what this test is about; clang's analysis treats capabilities as
// non-reentrant, so it is switched off for the body.
void ReenteringAMutexHeldByADeeperSectionDoesNotSelfDeadlock_body()
    STITCH_NO_THREAD_SAFETY_ANALYSIS {
  Mutex a;
  Mutex b;
  {
    CriticalSection section_a(a);
    {
      CriticalSection section_b(b);
      {
        // `a` is held by a deeper section, not the top one: no recursion shortcut, and locking it
        // again would wait for ourselves. The sections below are suspended first, as on detach.
        CriticalSection section_a_again(a);
        EXPECT_FALSE(section_a_again.is_recursive());
        EXPECT_TRUE(a.is_locked());
        EXPECT_FALSE(b.is_locked());
        EXPECT_EQ(active_critical_section_count(), 1);
      }
      EXPECT_TRUE(b.is_locked());  // resumed
      EXPECT_FALSE(a.is_locked());
    }
    EXPECT_TRUE(a.is_locked());  // resumed
  }
  EXPECT_FALSE(a.is_locked());
  EXPECT_FALSE(has_critical_section());
}

TEST(CriticalSection, ReenteringAMutexHeldByADeeperSectionDoesNotSelfDeadlock) {
  ReenteringAMutexHeldByADeeperSectionDoesNotSelfDeadlock_body();
}

// Re-entering a held lock is what this test is about; clang's analysis treats capabilities as
// non-reentrant, so it is switched off for the body.
void TwoMutexSectionOverADeeperHeldMutexDoesNotSelfDeadlock_body()
    STITCH_NO_THREAD_SAFETY_ANALYSIS {
  Mutex a;
  Mutex b;
  {
    CriticalSection section_a(a);
    {
      CriticalSection2 both(a, b);  // top holds only `a`: not a recursion
      EXPECT_FALSE(both.is_recursive());
      EXPECT_TRUE(a.is_locked());
      EXPECT_TRUE(b.is_locked());
      EXPECT_EQ(active_critical_section_count(), 1);
    }
    EXPECT_TRUE(a.is_locked());
    EXPECT_FALSE(b.is_locked());
    EXPECT_EQ(active_critical_section_count(), 1);
  }
  EXPECT_FALSE(a.is_locked());
}

TEST(CriticalSection, TwoMutexSectionOverADeeperHeldMutexDoesNotSelfDeadlock) {
  TwoMutexSectionOverADeeperHeldMutexDoesNotSelfDeadlock_body();
}

TEST(ObjectLock, ViewsTheHeaderMutexByte) {
  rc::ObjectHeader header;
  Mutex& mutex = object_mutex(&header);
  EXPECT_EQ(static_cast<void*>(&mutex), static_cast<void*>(&header.mutex));
  {
    CriticalSection section(mutex);
    EXPECT_EQ(header.mutex.load(std::memory_order_relaxed), Mutex::kLocked);
    EXPECT_EQ(header.gc_bits.load(std::memory_order_relaxed), 0u);  // neighbours untouched
    EXPECT_EQ(header.flags.load(std::memory_order_relaxed), 0u);
  }
  EXPECT_EQ(header.mutex.load(std::memory_order_relaxed), 0u);
}

}  // namespace
}  // namespace stitch::sync
