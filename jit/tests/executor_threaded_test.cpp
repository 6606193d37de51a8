// Executors across threads: install races, and retirement while other threads run JIT code.
#include <atomic>
#include <thread>
#include <vector>

#include "core/interp/tests/interp_test_support.h"
#include "core/object/function.h"
#include "core/object/int.h"
#include "jit/executor/jit_runtime.h"

namespace stitch::testing {
namespace {

constexpr int kThreads = 8;

class ExecutorThreadedTest : public InterpreterTest {
 protected:
  void SetUp() override {
    InterpreterTest::SetUp();
    jit::jit_install();
  }
  void configure(rt::RuntimeConfig& config) override { config.jit_threshold = 0; }  // compile on first entry
  void TearDown() override {
    jit::jit_reset();
    jit::jit_uninstall();
    InterpreterTest::TearDown();
  }

  // Runs `body` on kThreads attached threads that start together.
  template <class Body>
  void run_threads(int count, Body body) {
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < count; ++t) {
      threads.emplace_back([&, t] {
        auto attached = runtime_->attach_current_thread();
        ASSERT_TRUE(attached);
        exec_state().thread = *attached;
        ready.fetch_add(1);
        // Detached while waiting, so that a pause or a grace period never waits for us.
        while (ready.load() < count) std::this_thread::yield();
        body(t);
        exec_state().thread = nullptr;
        ASSERT_TRUE(runtime_->detach_current_thread().is_ok());
      });
    }
    {
      rt::DetachedScope detached(*exec_state().thread);
      for (std::thread& thread : threads) thread.join();
    }
  }

  static std::int64_t call_int(Object* function, std::int64_t argument) {
    Ref value = Ref::steal(int_from_int64(argument));
    Object* args[] = {value.get()};
    Ref result = Ref::steal(interp::call_function(function, args, 1, nullptr));
    if (!result || !int_is_small(result.get())) return -1;
    return as_int(result.get())->small;
  }
};

TEST_F(ExecutorThreadedTest, ThreadsRacingToInstallLeaveExactlyOneExecutor) {
  ASSERT_TRUE(run("def total(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n"));
  Ref function = global("total");
  CodeObject* code = as_code(as_function(function.get())->code);
  for (int round = 0; round < 20; ++round) {
    jit::JitStatistics before = jit::jit_statistics();
    ASSERT_EQ(code->executor.load(), nullptr);
    std::atomic<int> installed{0};
    run_threads(kThreads, [&](int) {
      if (jit::jit_compile_and_install(code)) installed.fetch_add(1);
    });
    jit::JitStatistics after = jit::jit_statistics();
    EXPECT_EQ(installed.load(), kThreads);  // every caller sees an installed executor
    EXPECT_NE(code->executor.load(), nullptr);
    EXPECT_EQ(after.executors_compiled - before.executors_compiled, 1u) << "round " << round;
    EXPECT_EQ(after.live_executors, 1u);
    // Losers' executors were never published: they went back to the arena right away.
    EXPECT_LE(after.executors_discarded - before.executors_discarded, static_cast<std::uint64_t>(kThreads - 1));
    EXPECT_EQ(call_int(function.get(), 100), 4950);
    jit::jit_reset();
    EXPECT_EQ(code->executor.load(), nullptr);
  }
}

TEST_F(ExecutorThreadedTest, RetiringExecutorsWhileThreadsRunThemKeepsResultsExact) {
  ASSERT_TRUE(run("def total(n):\n    s = 0\n    for i in range(n):\n        s += i * 2\n    return s\n"
                  "def deep(n):\n    if n == 0:\n        return 0\n    return 1 + deep(n - 1)\n"));
  Ref total = global("total");
  Ref deep = global("deep");
  jit::JitStatistics before = jit::jit_statistics();
  std::atomic<bool> running{true};
  std::atomic<int> wrong{0};
  std::atomic<int> resets{0};
  run_threads(kThreads, [&](int t) {
    if (t == 0) {
      // The retirer: unpublish everything again and again while the others run, and (on a
      // loaded machine the workers may not have run yet) until it has retired something.
      for (int i = 0; i < 300 || (jit::jit_statistics().retirements == before.retirements && i < 1000000); ++i) {
        jit::jit_reset();
        resets.fetch_add(1);
        std::this_thread::yield();
        if (!exec_state().thread->safepoint().is_ok()) wrong.fetch_add(1);
      }
      running.store(false);
      return;
    }
    int iterations = 0;
    while (running.load() || iterations < 50) {
      std::int64_t n = 200 + (iterations % 7);
      if (call_int(total.get(), n) != n * (n - 1)) wrong.fetch_add(1);
      if (call_int(deep.get(), 50 + t) != 50 + t) wrong.fetch_add(1);
      ++iterations;
    }
  });
  jit::JitStatistics after = jit::jit_statistics();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_GE(resets.load(), 300);
  EXPECT_GT(after.executors_compiled - before.executors_compiled, 1u);
  EXPECT_GT(after.retirements - before.retirements, 0u);
  EXPECT_GT(after.entries - before.entries, 0u);
}

}  // namespace
}  // namespace stitch::testing
