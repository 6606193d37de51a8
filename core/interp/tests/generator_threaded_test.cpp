// One generator, created on the main thread, resumed by 8 threads at once. Claiming a generator
// is an atomic state transition: exactly one thread runs it at a time, the others get
// "ValueError: generator already executing" and retry. Every value must come out exactly once
// overall, and the generator must finish exactly once.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

#include "core/interp/generator.h"
#include "core/interp/tests/interp_test_support.h"
#include "core/object/exceptions.h"
#include "core/object/call.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/singletons.h"

namespace stitch::interp {
namespace {

#ifdef STITCH_SANITIZER_BUILD
constexpr int kValues = 2000;
#else
constexpr int kValues = 20000;
#endif
constexpr int kThreads = 8;

using SharedGeneratorTest = testing::InterpreterTest;

TEST_F(SharedGeneratorTest, EveryValueIsProducedExactlyOnceAcrossThreads) {
  ASSERT_TRUE(run("def produce(n):\n"
                  "    total = 0\n"
                  "    for i in range(n):\n"
                  "        for j in range(20):\n"
                  "            total += 1\n"
                  "        total += i - 20\n"
                  "        yield i\n"
                  "    return total\n"
                  "shared = produce(" + std::to_string(kValues) + ")\n"));
  Ref generator = global("shared");
  ASSERT_TRUE(generator);

  std::vector<std::atomic<int>> seen(kValues);
  std::atomic<int> already_executing{0};
  std::atomic<int> finishes{0};
  std::atomic<int> bad{0};
  std::atomic<std::int64_t> returned_total{-1};

  std::atomic<int> ready{0};
  auto worker = [&]() {
    auto attached = runtime_->attach_current_thread();
    ASSERT_TRUE(attached);
    exec_state().thread = *attached;
    // Start together, so that the threads really race for the generator.
    ready.fetch_add(1, std::memory_order_relaxed);
    while (ready.load(std::memory_order_relaxed) < kThreads) std::this_thread::yield();
    for (;;) {
      Object* result = nullptr;
      SendStatus status = generator_send(generator.get(), none(), &result);
      if (status == SendStatus::kYielded) {
        std::int64_t value = as_int(result)->small;
        if (value < 0 || value >= kValues) {
          bad.fetch_add(1, std::memory_order_relaxed);
        } else {
          seen[value].fetch_add(1, std::memory_order_relaxed);
        }
        decref(result);
        continue;
      }
      if (status == SendStatus::kError) {
        if (exception_matches(&value_error_type)) {
          already_executing.fetch_add(1, std::memory_order_relaxed);
        } else {
          bad.fetch_add(1, std::memory_order_relaxed);
        }
        clear_exception();
        std::this_thread::yield();
        continue;
      }
      // kReturned: the one run that finished gets the total, later ones None.
      if (!is_none(result)) {
        finishes.fetch_add(1, std::memory_order_relaxed);
        returned_total.store(as_int(result)->small, std::memory_order_relaxed);
      }
      decref(result);
      break;
    }
    exec_state().thread = nullptr;
    ASSERT_TRUE(runtime_->detach_current_thread().is_ok());
  };

  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) threads.emplace_back(worker);
  for (std::thread& thread : threads) thread.join();

  EXPECT_EQ(bad.load(), 0);
  EXPECT_EQ(finishes.load(), 1);
  EXPECT_EQ(returned_total.load(), static_cast<std::int64_t>(kValues) * (kValues - 1) / 2);
  int missing_or_repeated = 0;
  for (int i = 0; i < kValues; ++i) missing_or_repeated += seen[i].load() != 1;
  EXPECT_EQ(missing_or_repeated, 0);
  // Contention is likely but not guaranteed; report it rather than require it.
  std::printf("%d resumptions lost the race (ValueError)\n", already_executing.load());
}

// The same race through Python code: each thread drains the shared generator with a `for` loop
// (the generator's frame runs inline in the thread's eval loop), retrying after a lost race.
TEST_F(SharedGeneratorTest, ForLoopsOnManyThreadsShareOneGenerator) {
  ASSERT_TRUE(run("def produce(n):\n"
                  "    for i in range(n):\n"
                  "        yield i\n"
                  "def drain(shared, out):\n"
                  "    lost = 0\n"
                  "    while True:\n"
                  "        try:\n"
                  "            for x in shared:\n"
                  "                out.append(x)\n"
                  "                for j in range(10):\n"
                  "                    pass\n"
                  "            return lost\n"
                  "        except ValueError:\n"
                  "            lost += 1\n"
                  "shared = produce(" + std::to_string(kValues) + ")\n"));
  Ref generator = global("shared");
  Ref drain = global("drain");
  ASSERT_TRUE(generator && drain);
  std::vector<Ref> outputs;
  for (int i = 0; i < kThreads; ++i) outputs.push_back(Ref::steal(list_new(0)));
  std::atomic<int> ready{0};
  std::atomic<int> failures{0};
  std::atomic<int> lost_races{0};

  auto worker = [&](int index) {
    auto attached = runtime_->attach_current_thread();
    ASSERT_TRUE(attached);
    exec_state().thread = *attached;
    ready.fetch_add(1, std::memory_order_relaxed);
    while (ready.load(std::memory_order_relaxed) < kThreads) std::this_thread::yield();
    Object* arguments[] = {generator.get(), outputs[index].get()};
    Ref lost = Ref::steal(call_object(drain.get(), arguments, 2, nullptr));
    if (!lost) {
      failures.fetch_add(1, std::memory_order_relaxed);
      clear_exception();
    } else {
      lost_races.fetch_add(static_cast<int>(as_int(lost.get())->small), std::memory_order_relaxed);
    }
    lost = Ref();
    exec_state().thread = nullptr;
    ASSERT_TRUE(runtime_->detach_current_thread().is_ok());
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) threads.emplace_back(worker, i);
  for (std::thread& thread : threads) thread.join();

  EXPECT_EQ(failures.load(), 0);
  std::vector<int> seen(kValues, 0);
  int bad = 0;
  for (const Ref& output : outputs) {
    auto* list = as_list(output.get());
    for (std::int64_t i = 0; i < list_size(list); ++i) {
      Ref item = Ref::steal(list_item_ref(list, i));
      std::int64_t value = as_int(item.get())->small;
      if (value < 0 || value >= kValues) ++bad; else ++seen[value];
    }
  }
  EXPECT_EQ(bad, 0);
  int missing_or_repeated = 0;
  for (int count : seen) missing_or_repeated += count != 1;
  EXPECT_EQ(missing_or_repeated, 0);
  std::printf("%d for loops lost the race (ValueError)\n", lost_races.load());
}

}  // namespace
}  // namespace stitch::interp
