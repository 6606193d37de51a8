// Cross-thread control: a watchdog interrupting runaway scripts, and threads that block in host
// code (detach regions, may-block native callbacks) while others run.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "api_test_support.h"

namespace {

using Clock = std::chrono::steady_clock;

class ControlTest : public AttachedRuntime {};

// Runs `source` on a new attached thread; reports its status, error and id.
struct ScriptThread {
  std::atomic<uint64_t> id{0};
  std::atomic<bool> started{false};
  std::atomic<bool> finished{false};
  stitch_status status = STITCH_OK;
  std::string message;
  Clock::duration elapsed{};
  std::thread thread;

  void start(stitch_runtime* runtime, std::string source) {
    thread = std::thread([this, runtime, source = std::move(source)] {
      if (stitch_thread_attach(runtime) != STITCH_OK) {
        status = STITCH_E_NOT_ATTACHED;
        message = last_message();
        started = true;
        return;
      }
      uint64_t my_id = 0;
      (void)stitch_thread_id(runtime, &my_id);
      id = my_id;
      started = true;
      auto begin = Clock::now();
      status = stitch_eval(runtime, "__main__", source.c_str());
      elapsed = Clock::now() - begin;
      message = last_message();
      (void)stitch_thread_detach(runtime);
      finished = true;
    });
  }
};

void wait_started(ScriptThread& script) {
  while (!script.started.load()) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // let it enter the loop, usually
}

// What a watchdog does: an interrupt that lands before the call starts is dropped there, so repeat
// it until the call returns. Returns the time from the first interrupt to the call's end.
template <class Interrupt>
Clock::duration interrupt_until_finished(const std::vector<ScriptThread*>& scripts, Interrupt interrupt) {
  auto first = Clock::now();
  auto deadline = first + std::chrono::seconds(60);
  for (ScriptThread* script : scripts) {
    while (!script->finished.load() && Clock::now() < deadline) {
      interrupt(*script);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    script->thread.join();
  }
  return Clock::now() - first;
}

Clock::duration interrupt_thread_until_finished(stitch_runtime* runtime, ScriptThread& script) {
  return interrupt_until_finished({&script}, [&](ScriptThread& target) {
    // Not found only once the thread has finished and exited.
    stitch_status status = stitch_thread_interrupt(runtime, target.id.load());
    if (status != STITCH_OK && !target.finished.load()) ADD_FAILURE() << last_message();
  });
}

TEST_F(ControlTest, WatchdogInterruptsAnInfiniteLoop) {
  ScriptThread script;
  script.start(runtime_, "while True:\n    pass\n");
  wait_started(script);
  auto latency = interrupt_thread_until_finished(runtime_, script);
  EXPECT_EQ(script.status, STITCH_E_INTERRUPTED) << script.message;
  EXPECT_NE(script.message.find("stitch_eval: the script was interrupted"), std::string::npos) << script.message;
  EXPECT_LT(latency, std::chrono::seconds(2));
  // The runtime keeps working for everyone afterwards.
  ASSERT_STITCH_OK(stitch_eval(runtime_, "__main__", "x = 1\n"));
}

TEST_F(ControlTest, RuntimeInterruptStopsEveryThread) {
  constexpr int kThreads = 4;
  std::vector<ScriptThread> scripts(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    // Different loop shapes: a plain loop, nested calls, a loop in a function.
    const char* sources[] = {"while True:\n    pass\n",
                             "def f(n):\n    return n + 1\nn = 0\nwhile True:\n    n = f(n)\n",
                             "def spin():\n    while True:\n        pass\nspin()\n",
                             "i = 0\nwhile True:\n    i += 1\n"};
    scripts[i].start(runtime_, sources[i]);
  }
  std::vector<ScriptThread*> targets;
  for (auto& script : scripts) {
    wait_started(script);
    targets.push_back(&script);
  }
  interrupt_until_finished(targets, [&](ScriptThread&) { EXPECT_STITCH_OK(stitch_runtime_interrupt(runtime_)); });
  for (auto& script : scripts) EXPECT_EQ(script.status, STITCH_E_INTERRUPTED) << script.message;
}

TEST_F(ControlTest, AStaleInterruptDoesNotStopTheNextCall) {
  uint64_t id = 0;
  ASSERT_STITCH_OK(stitch_thread_id(runtime_, &id));
  ASSERT_STITCH_OK(stitch_thread_interrupt(runtime_, id));  // sent while no script runs here
  ASSERT_STITCH_OK(stitch_eval(runtime_, "__main__", "n = 0\nfor i in range(1000):\n    n += i\n"));
}

TEST_F(ControlTest, ScriptsCanCatchTheInterruptAsKeyboardInterrupt) {
  ScriptThread script;
  script.start(runtime_,
               "try:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    stopped = True\n");
  wait_started(script);
  interrupt_thread_until_finished(runtime_, script);
  EXPECT_EQ(script.status, STITCH_OK) << script.message;
}

// A native callback that calls back into a looping script function: the interrupt stops the
// inner call, travels out through the callback as KeyboardInterrupt and ends the outer call.
stitch_status native_spin(stitch_runtime* runtime, stitch_value* const*, size_t, stitch_value** result, void*) {
  return stitch_call(runtime, "__main__", "spin", nullptr, 0, result);
}

TEST_F(ControlTest, AnInterruptCrossesANativeCallback) {
  ASSERT_STITCH_OK(stitch_register_function(runtime_, nullptr, "native_spin", native_spin, nullptr, 0));
  ASSERT_STITCH_OK(stitch_eval(runtime_, "__main__", "def spin():\n    while True:\n        pass\n"));
  ScriptThread script;
  script.start(runtime_, "native_spin()\n");
  wait_started(script);
  interrupt_thread_until_finished(runtime_, script);
  EXPECT_EQ(script.status, STITCH_E_INTERRUPTED) << script.message;
}

// A host barrier that native callbacks wait on: it completes only if every caller can block in it
// at once, which with many threads and repeated rounds exercises detaching around the wait.
struct HostBarrier {
  std::mutex mutex;
  std::condition_variable cv;
  int waiting = 0;
  int generation = 0;
  int parties = 0;
  std::atomic<int> rounds{0};
};

stitch_status native_barrier(stitch_runtime* runtime, stitch_value* const*, size_t, stitch_value** result,
                             void* user_data) {
  auto* barrier = static_cast<HostBarrier*>(user_data);
  {
    std::unique_lock<std::mutex> lock(barrier->mutex);
    int generation = barrier->generation;
    if (++barrier->waiting == barrier->parties) {
      barrier->waiting = 0;
      ++barrier->generation;
      barrier->rounds.fetch_add(1);
      barrier->cv.notify_all();
    } else {
      barrier->cv.wait(lock, [&] { return barrier->generation != generation; });
    }
  }
  // Back inside the runtime to build the result.
  if (stitch_status status = stitch_detach_end(runtime); status != STITCH_OK) return status;
  return stitch_value_from_int(runtime, 1, result);
}

TEST(ControlThreadsTest, MayBlockCallbacksAndDetachRegionsLetOthersRun) {
  constexpr int kThreads = 6;
  constexpr int kRounds = 200;
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  HostBarrier barrier;
  barrier.parties = kThreads;
  ASSERT_STITCH_OK(
      stitch_register_function(runtime, nullptr, "host_barrier", native_barrier, &barrier, STITCH_NATIVE_MAY_BLOCK));
  ASSERT_STITCH_OK(stitch_eval(runtime, "__main__",
                               "shared = []\n"
                               "def step(i):\n"
                               "    junk = [str(k) for k in range(50)]\n"  // allocation churn
                               "    shared.append(host_barrier())\n"
                               "    return len(junk)\n"));
  ASSERT_STITCH_OK(stitch_thread_detach(runtime));
  std::vector<std::thread> threads;
  std::vector<std::string> failures(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      if (stitch_thread_attach(runtime) != STITCH_OK) {
        failures[t] = last_message();
        return;
      }
      for (int round = 0; round < kRounds; ++round) {
        stitch_value* arg = nullptr;
        stitch_value* out = nullptr;
        if (stitch_value_from_int(runtime, round, &arg) != STITCH_OK ||
            stitch_call(runtime, "__main__", "step", &arg, 1, &out) != STITCH_OK) {
          failures[t] = last_message();
          break;
        }
        int64_t n = 0;
        if (stitch_value_to_int(out, &n) != STITCH_OK || n != 50) failures[t] = "bad result";
        stitch_value_release(arg);
        stitch_value_release(out);
        // Host work in a detach region between calls.
        if (round % 50 == 0) {
          if (stitch_detach_begin(runtime) != STITCH_OK) failures[t] = last_message();
          std::this_thread::sleep_for(std::chrono::microseconds(200));
          if (stitch_detach_end(runtime) != STITCH_OK) failures[t] = last_message();
        }
      }
      (void)stitch_thread_detach(runtime);
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[t], "") << "thread " << t;
  EXPECT_EQ(barrier.rounds.load(), kRounds);
  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  stitch_value* size = nullptr;
  ASSERT_STITCH_OK(stitch_eval(runtime, "__main__", "count = len(shared)\n"));
  ASSERT_STITCH_OK(stitch_get_global(runtime, "__main__", "count", &size));
  int64_t count = 0;
  ASSERT_STITCH_OK(stitch_value_to_int(size, &count));
  EXPECT_EQ(count, kThreads * kRounds);
  stitch_value_release(size);
  ASSERT_STITCH_OK(stitch_thread_detach(runtime));
  ASSERT_STITCH_OK(stitch_runtime_shutdown(runtime, 5000));
}

TEST(ControlThreadsTest, ShutdownWaitsForAThreadInADetachRegion) {
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  std::atomic<bool> in_region{false};
  std::atomic<bool> release{false};
  std::thread worker([&] {
    ASSERT_STITCH_OK(stitch_thread_attach(runtime));
    ASSERT_STITCH_OK(stitch_detach_begin(runtime));
    in_region = true;
    while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    EXPECT_STITCH_OK(stitch_detach_end(runtime));
    stitch_value* value = nullptr;
    EXPECT_STITCH_OK(stitch_value_from_int(runtime, 7, &value));  // the runtime is still there
    stitch_value_release(value);
    EXPECT_STITCH_OK(stitch_thread_detach(runtime));
  });
  while (!in_region.load()) std::this_thread::yield();
  EXPECT_EQ(stitch_runtime_shutdown(runtime, 50), STITCH_E_TIMEOUT);
  release = true;
  worker.join();
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 5000));
}

stitch_status native_tag(stitch_runtime* runtime, stitch_value* const*, size_t, stitch_value** result,
                         void* user_data) {
  return stitch_value_from_int(runtime, *static_cast<int64_t*>(user_data), result);
}

// Three runtimes at once, two threads each, each runtime with its own native function and module
// state; an interrupt of one runtime leaves the others alone.
TEST(ControlThreadsTest, SeveralRuntimesRunConcurrently) {
  constexpr int kRuntimes = 3;
  constexpr int kThreadsPerRuntime = 2;
  constexpr int kCalls = 500;
  stitch_runtime* runtimes[kRuntimes] = {};
  int64_t tags[kRuntimes] = {1000, 2000, 3000};
  for (int r = 0; r < kRuntimes; ++r) {
    ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtimes[r]));
    ASSERT_STITCH_OK(stitch_thread_attach(runtimes[r]));
    ASSERT_STITCH_OK(stitch_register_function(runtimes[r], nullptr, "tag", native_tag, &tags[r], 0));
    ASSERT_STITCH_OK(stitch_eval(runtimes[r], "__main__", "calls = []\ndef f(i):\n    calls.append(i)\n    return tag() + i\n"));
    ASSERT_STITCH_OK(stitch_thread_detach(runtimes[r]));
  }
  std::vector<std::thread> threads;
  std::vector<std::string> failures(kRuntimes * kThreadsPerRuntime);
  for (int r = 0; r < kRuntimes; ++r) {
    for (int t = 0; t < kThreadsPerRuntime; ++t) {
      threads.emplace_back([&, r, slot = r * kThreadsPerRuntime + t] {
        stitch_runtime* runtime = runtimes[r];
        stitch_runtime* other = runtimes[(r + 1) % kRuntimes];
        if (stitch_thread_attach(runtime) != STITCH_OK) {
          failures[slot] = last_message();
          return;
        }
        for (int i = 0; i < kCalls && failures[slot].empty(); ++i) {
          stitch_value* arg = nullptr;
          stitch_value* out = nullptr;
          int64_t n = 0;
          if (stitch_value_from_int(runtime, i, &arg) != STITCH_OK ||
              stitch_call(runtime, "__main__", "f", &arg, 1, &out) != STITCH_OK ||
              stitch_value_to_int(out, &n) != STITCH_OK) {
            failures[slot] = last_message();
          } else if (n != tags[r] + i) {
            failures[slot] = "result from the wrong runtime: " + std::to_string(n);
          }
          // A value of this runtime is refused by another one.
          if (i % 100 == 0 && stitch_call(other, "__main__", "f", &arg, 1, &out) != STITCH_E_WRONG_RUNTIME) {
            failures[slot] = "a call into another runtime was not refused";
          }
          stitch_value_release(arg);
          stitch_value_release(out);
        }
        (void)stitch_thread_detach(runtime);
      });
    }
  }
  for (auto& thread : threads) thread.join();
  for (const std::string& failure : failures) EXPECT_EQ(failure, "");
  for (int r = 0; r < kRuntimes; ++r) {
    ASSERT_STITCH_OK(stitch_thread_attach(runtimes[r]));
    ASSERT_STITCH_OK(stitch_eval(runtimes[r], "__main__", "n = len(calls)\n"));
    stitch_value* n = nullptr;
    ASSERT_STITCH_OK(stitch_get_global(runtimes[r], "__main__", "n", &n));
    int64_t count = 0;
    ASSERT_STITCH_OK(stitch_value_to_int(n, &count));
    EXPECT_EQ(count, kThreadsPerRuntime * kCalls) << "runtime " << r;
    stitch_value_release(n);
    ASSERT_STITCH_OK(stitch_thread_detach(runtimes[r]));
    EXPECT_STITCH_OK(stitch_runtime_shutdown(runtimes[r], 5000));
  }
}

}  // namespace
