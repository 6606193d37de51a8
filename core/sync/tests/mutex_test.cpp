// Single-threaded Mutex behaviour: layout, try_lock, lock_for time-outs, misuse detection.
#include "core/sync/mutex.h"

#include <gtest/gtest.h>

#include <chrono>

namespace stitch::sync {
namespace {

using namespace std::chrono_literals;

constinit Mutex statically_initialised_mutex;  // must compile: constexpr zero-initialisation

TEST(Mutex, IsOneZeroInitialisedByte) {
  EXPECT_EQ(sizeof(Mutex), 1u);
  EXPECT_FALSE(statically_initialised_mutex.is_locked());
  EXPECT_FALSE(statically_initialised_mutex.has_parked_waiters());
  Mutex mutex;
  EXPECT_EQ(*reinterpret_cast<const unsigned char*>(&mutex), 0u);
  mutex.lock();
  EXPECT_EQ(*reinterpret_cast<const unsigned char*>(&mutex), Mutex::kLocked);
  mutex.unlock();
  EXPECT_EQ(*reinterpret_cast<const unsigned char*>(&mutex), 0u);
}

// Exercises the primitive's own success/failure results (and misuse), which the static analysis
// cannot follow through gtest assertions: switched off for the body.
void TryLockSucceedsOnlyWhenFree_body() STITCH_NO_THREAD_SAFETY_ANALYSIS {
  Mutex mutex;
  ASSERT_TRUE(mutex.try_lock());
  EXPECT_TRUE(mutex.is_locked());
  EXPECT_FALSE(mutex.try_lock());  // not recursive
  mutex.unlock();
  EXPECT_FALSE(mutex.is_locked());
  ASSERT_TRUE(mutex.try_lock());
  mutex.unlock();
}

TEST(Mutex, TryLockSucceedsOnlyWhenFree) { TryLockSucceedsOnlyWhenFree_body(); }

// Exercises the primitive's own success/failure results (and misuse), which the static analysis
// cannot follow through gtest assertions: switched off for the body.
void LockForTimesOutWhileHeldAndSucceedsWhenFree_body() STITCH_NO_THREAD_SAFETY_ANALYSIS {
  Mutex mutex;
  mutex.lock();
  EXPECT_FALSE(mutex.lock_for(0ns));
  // Parks (nobody will unpark it) and gives up when the time-out passes.
  EXPECT_FALSE(mutex.lock_for(2ms));
  EXPECT_FALSE(mutex.lock_for(1ms, LockMode::kDontDetach));
  EXPECT_TRUE(mutex.is_locked());
  // The timed-out waiters left kHasParked behind: unlock finds nobody and clears it.
  mutex.unlock();
  EXPECT_FALSE(mutex.is_locked());
  EXPECT_FALSE(mutex.has_parked_waiters());
  EXPECT_TRUE(mutex.lock_for(1s));
  mutex.unlock();
}

TEST(Mutex, LockForTimesOutWhileHeldAndSucceedsWhenFree) {
  LockForTimesOutWhileHeldAndSucceedsWhenFree_body();
}

// Exercises the primitive's own success/failure results (and misuse), which the static analysis
// cannot follow through gtest assertions: switched off for the body.
void UnlockingAnUnlockedMutexAborts_body() STITCH_NO_THREAD_SAFETY_ANALYSIS {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  Mutex mutex;
  EXPECT_DEATH(mutex.unlock(), "is not locked");
}

TEST(MutexDeathTest, UnlockingAnUnlockedMutexAborts) { UnlockingAnUnlockedMutexAborts_body(); }

}  // namespace
}  // namespace stitch::sync
