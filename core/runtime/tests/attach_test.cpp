// Attach/detach: reuse, misuse errors, churn from many threads, thread exit while attached.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "core/runtime/tests/test_support.h"

namespace stitch::rt {
namespace {

using testing::make_runtime;

TEST(Attach, ReattachReusesTheSameThreadState) {
  auto runtime = make_runtime();
  auto first = runtime->attach_current_thread();
  ASSERT_TRUE(first);
  ThreadState* state = *first;
  EXPECT_TRUE(state->is_attached());
  EXPECT_EQ(runtime->current_thread(), state);
  ASSERT_TRUE(runtime->detach_current_thread().is_ok());
  EXPECT_EQ(runtime->current_thread(), nullptr);
  EXPECT_EQ(state->status(), ThreadStatus::kDetached);
  auto second = runtime->attach_current_thread();
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, state);
  EXPECT_EQ(runtime->thread_count(), 1u);
  ASSERT_TRUE(runtime->detach_current_thread().is_ok());
}

TEST(Attach, AttachingTwiceIsAnError) {
  auto runtime = make_runtime();
  ASSERT_TRUE(runtime->attach_current_thread());
  auto again = runtime->attach_current_thread("stitch_thread_attach");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), StatusCode::kAlreadyAttached);
  EXPECT_NE(again.error().message().find("stitch_thread_attach"), std::string::npos);
  ASSERT_TRUE(runtime->detach_current_thread().is_ok());
}

TEST(Attach, DetachWithoutAttachIsAnError) {
  auto runtime = make_runtime();
  Status status = runtime->detach_current_thread("stitch_thread_detach");
  EXPECT_EQ(status.code(), StatusCode::kNotAttached);
  EXPECT_NE(status.message().find("stitch_thread_detach"), std::string::npos);
}

TEST(Attach, CallFromUnattachedThreadReturnsAnErrorNamingTheFunction) {
  auto runtime = make_runtime();
  std::thread([&] {
    auto state = runtime->require_attached("stitch_call");
    ASSERT_FALSE(state);
    EXPECT_EQ(state.error().code(), StatusCode::kNotAttached);
    EXPECT_EQ(state.error().message(),
              "stitch_call: this thread is not attached to the runtime (call stitch_thread_attach first)");
  }).join();
}

TEST(Attach, AttachedToAnotherRuntimeIsAnError) {
  auto first = make_runtime();
  auto second = make_runtime();
  ASSERT_TRUE(first->attach_current_thread());
  auto other = second->attach_current_thread();
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code(), StatusCode::kAlreadyAttached);
  EXPECT_NE(other.error().message().find("another runtime"), std::string::npos);
  EXPECT_EQ(second->require_attached("f").error().code(), StatusCode::kNotAttached);
  ASSERT_TRUE(first->detach_current_thread().is_ok());
  ASSERT_TRUE(second->attach_current_thread());
  ASSERT_TRUE(second->detach_current_thread().is_ok());
}

TEST(Attach, ChurnFromManyThreads) {
  auto runtime = make_runtime();
  constexpr int kThreads = 8;
  const int iterations = 2000 / testing::kScale;
  std::atomic<long> safepoints{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      ThreadState* mine = nullptr;
      for (int i = 0; i < iterations; ++i) {
        auto state = runtime->attach_current_thread();
        ASSERT_TRUE(state);
        if (mine == nullptr) mine = *state;
        ASSERT_EQ(*state, mine) << "attach must reuse the thread's state";
        ASSERT_TRUE((*state)->safepoint().is_ok());
        safepoints.fetch_add(1, std::memory_order_relaxed);
        ASSERT_TRUE(runtime->detach_current_thread().is_ok());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(safepoints.load(), long{kThreads} * iterations);
  EXPECT_EQ(runtime->attached_count(), 0u);
  // Each OS thread's state is removed when the OS thread exits.
  EXPECT_EQ(runtime->thread_count(), 0u);
}

TEST(Attach, ThreadExitWhileAttachedCleansUp) {
  auto runtime = make_runtime();
  std::thread([&] { ASSERT_TRUE(runtime->attach_current_thread()); }).join();
  EXPECT_EQ(runtime->thread_count(), 0u);
  EXPECT_EQ(runtime->attached_count(), 0u);
}

TEST(Attach, InterruptIsReportedAtTheNextSafepoint) {
  auto runtime = make_runtime();
  auto state = runtime->attach_current_thread();
  ASSERT_TRUE(state);
  EXPECT_TRUE((*state)->safepoint().is_ok());
  runtime->interrupt_all();
  Status status = (*state)->safepoint();
  EXPECT_EQ(status.code(), StatusCode::kInterrupted);
  EXPECT_TRUE((*state)->safepoint().is_ok()) << "an interrupt is delivered once";
  ASSERT_TRUE(runtime->detach_current_thread().is_ok());
}

TEST(Attach, InterruptOneThreadByIdAndClearIt) {
  auto runtime = make_runtime();
  auto state = runtime->attach_current_thread();
  ASSERT_TRUE(state);
  EXPECT_FALSE(runtime->interrupt_thread((*state)->id() + 1000)) << "no such thread";
  EXPECT_TRUE((*state)->safepoint().is_ok());
  ASSERT_TRUE(runtime->interrupt_thread((*state)->id()));
  (*state)->clear_interrupt();
  EXPECT_TRUE((*state)->safepoint().is_ok()) << "a cleared interrupt is not delivered";
  ASSERT_TRUE(runtime->interrupt_thread((*state)->id()));
  EXPECT_EQ((*state)->safepoint().code(), StatusCode::kInterrupted);
  ASSERT_TRUE(runtime->detach_current_thread().is_ok());
}

}  // namespace
}  // namespace stitch::rt
