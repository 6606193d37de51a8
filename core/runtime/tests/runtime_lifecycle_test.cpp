// Runtime lifecycle: several runtimes per process, shutdown with attached threads, merge of
// refcounts on behalf of a detached owner, QSBR retirement through the thread state.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/runtime/tests/test_support.h"

namespace stitch::rt {
namespace {

using testing::make_runtime;
using testing::new_test_object;

TEST(Lifecycle, CreateRequiresADeallocator) {
  auto runtime = Runtime::create(RuntimeConfig{});
  ASSERT_FALSE(runtime);
  EXPECT_EQ(runtime.error().code(), StatusCode::kInvalidArgument);
}

TEST(Lifecycle, RecursionLimitIsPerRuntimeAndMustBePositive) {
  RuntimeConfig config;
  config.object_dealloc = &testing::dealloc_test_object;
  config.recursion_limit = 0;
  auto refused = Runtime::create(config);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.error().message().find("recursion_limit must be at least 1 (got 0)"), std::string::npos);

  config.recursion_limit = 50;
  auto small = Runtime::create(config);
  ASSERT_TRUE(small);
  auto other = make_runtime();
  EXPECT_EQ((*small)->recursion_limit(), 50);
  EXPECT_EQ(other->recursion_limit(), 1000);
  (*small)->set_recursion_limit(70);
  EXPECT_EQ((*small)->recursion_limit(), 70);
  EXPECT_EQ(other->recursion_limit(), 1000);
  EXPECT_EQ((*small)->config().recursion_limit, 50);  // the starting value stays readable
}

TEST(Lifecycle, SeveralRuntimesInOneProcess) {
  auto a = make_runtime();
  auto b = make_runtime();
  EXPECT_NE(a->serial(), b->serial());
  for (int i = 0; i < 100; ++i) {
    auto& runtime = (i % 2) ? a : b;
    ASSERT_TRUE(runtime->attach_current_thread());
    ASSERT_TRUE(runtime->detach_current_thread().is_ok());
  }
  EXPECT_EQ(a->thread_count(), 1u);
  EXPECT_EQ(b->thread_count(), 1u);
}

TEST(Lifecycle, ShutdownWithAnAttachedThreadTimesOutAndReportsIt) {
  auto runtime = make_runtime();
  std::atomic<bool> release{false};
  std::atomic<bool> ready{false};
  std::thread holder([&] {
    ASSERT_TRUE(runtime->attach_current_thread());
    ready = true;
    while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ASSERT_TRUE(runtime->detach_current_thread().is_ok());
  });
  while (!ready.load()) std::this_thread::yield();
  Status status = runtime->shutdown(std::chrono::milliseconds(30));
  EXPECT_EQ(status.code(), StatusCode::kTimeout);
  EXPECT_NE(status.message().find("still attached"), std::string::npos);
  // New attachments are refused once shutdown has begun.
  std::thread([&] {
    auto attached = runtime->attach_current_thread("stitch_thread_attach");
    ASSERT_FALSE(attached);
    EXPECT_EQ(attached.error().code(), StatusCode::kShuttingDown);
  }).join();
  release = true;
  holder.join();
  EXPECT_TRUE(runtime->shutdown(std::chrono::seconds(10)).is_ok());
}

TEST(Lifecycle, ShutdownOrphansStatesOfLiveDetachedThreads) {
  auto runtime = make_runtime();
  std::atomic<int> phase{0};
  std::thread other([&] {
    ASSERT_TRUE(runtime->attach_current_thread());
    ASSERT_TRUE(runtime->detach_current_thread().is_ok());
    phase = 1;
    while (phase.load() != 2) std::this_thread::yield();
  });  // exits after the runtime is gone: frees its orphaned state then
  while (phase.load() != 1) std::this_thread::yield();
  EXPECT_TRUE(runtime->shutdown(std::chrono::seconds(10)).is_ok());
  runtime.reset();
  phase = 2;
  other.join();
}

TEST(Lifecycle, DroppingTheLastReferenceOfADetachedOwnersObjectFreesIt) {
  auto runtime = make_runtime();
  std::atomic<testing::TestObject*> shared{nullptr};
  std::atomic<int> phase{0};
  long before = testing::deallocated_objects.load();
  std::thread owner([&] {
    auto state = runtime->attach_current_thread();
    ASSERT_TRUE(state);
    testing::TestObject* object = new_test_object(**state, 7);
    rc::incref(&object->header);  // the reference handed to the other thread
    shared = object;
    rc::decref(&object->header, &testing::dealloc_test_object);  // drop ours: the other holds the last
    ASSERT_TRUE(runtime->detach_current_thread().is_ok());
    phase = 1;
    while (phase.load() != 2) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  while (phase.load() != 1) std::this_thread::yield();
  ASSERT_TRUE(runtime->attach_current_thread());
  rc::decref(&shared.load()->header, &testing::dealloc_test_object);
  // The owner is detached (blocked): the merge happens on its behalf, right now.
  EXPECT_EQ(testing::deallocated_objects.load(), before + 1);
  ASSERT_TRUE(runtime->detach_current_thread().is_ok());
  phase = 2;
  owner.join();
}

TEST(Lifecycle, RetiredMemoryIsFreedAfterOtherThreadsPassQuiescentStates) {
  auto runtime = make_runtime();
  auto state = runtime->attach_current_thread();
  ASSERT_TRUE(state);
  std::atomic<int> phase{0};
  std::thread reader([&] {
    auto mine = runtime->attach_current_thread();
    ASSERT_TRUE(mine);
    phase = 1;
    while (phase.load() != 2) std::this_thread::yield();
    ASSERT_TRUE((*mine)->safepoint().is_ok());  // quiescent
    phase = 3;
    while (phase.load() != 4) std::this_thread::yield();
    ASSERT_TRUE(runtime->detach_current_thread().is_ok());
  });
  while (phase.load() != 1) std::this_thread::yield();
  static std::atomic<int> freed{0};
  freed = 0;
  void* block = (*state)->allocate_raw(64);
  (*state)->retire(block, 64, [](void* p, void*) { ThreadState::deallocate(p); freed.fetch_add(1); });
  (*state)->qsbr_record().process();
  EXPECT_EQ(freed.load(), 0) << "freed before the reader passed a quiescent state";
  phase = 2;
  while (phase.load() != 3) std::this_thread::yield();
  ASSERT_TRUE((*state)->safepoint().is_ok());
  (*state)->qsbr_record().process();
  EXPECT_EQ(freed.load(), 1);
  phase = 4;
  reader.join();
  ASSERT_TRUE(runtime->detach_current_thread().is_ok());
}

}  // namespace
}  // namespace stitch::rt
