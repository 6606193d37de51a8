// Config keys that change how a runtime runs: `jit` / `jit_threshold` and `recursion_limit` (per
// runtime, even with several runtimes in one process) and `stack_size` (the C stack of the threads
// scripts start).
#include <pthread.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <thread>
#include <utility>

#include "api_test_support.h"

namespace {

using IntKeys = std::initializer_list<std::pair<const char*, int64_t>>;

stitch_runtime* new_runtime(IntKeys keys) {
  stitch_config* config = nullptr;
  EXPECT_STITCH_OK(stitch_config_new(&config));
  for (const auto& [key, value] : keys) EXPECT_STITCH_OK(stitch_config_set_int(config, key, value));
  stitch_runtime* runtime = nullptr;
  EXPECT_STITCH_OK(stitch_runtime_new(config, &runtime));
  stitch_config_free(config);
  return runtime;
}

// Defines a hot loop, runs it `iterations` times round, and records what the JIT did: enabled,
// compiled (this runtime's code object has an executor) and the process-wide executor count
// before and after.
constexpr const char* kHotLoop =
    "import stitch\n"
    "def loop(n):\n"
    "    total = 0\n"
    "    for i in range(n):\n"
    "        total += i\n"
    "    return total\n"
    "before = stitch.jit_executor_count()\n";
struct JitOutcome {
  bool enabled;
  bool compiled;
  int64_t new_executors;
};
JitOutcome run_hot_loop(stitch_runtime* runtime, int iterations) {
  EXPECT_STITCH_OK(stitch_thread_attach(runtime));
  EXPECT_STITCH_OK(stitch_eval(runtime, "__main__", kHotLoop));
  std::string run = "result = loop(" + std::to_string(iterations) + ")\n" +
                    "after = stitch.jit_executor_count()\n"
                    "enabled = stitch.jit_enabled()\n"
                    "compiled = stitch.jit_compiled(loop)\n";
  EXPECT_STITCH_OK(stitch_eval(runtime, "__main__", run.c_str()));
  EXPECT_EQ(global_int(runtime, "result"), int64_t{iterations} * (iterations - 1) / 2);
  JitOutcome outcome{global_int(runtime, "enabled") != 0, global_int(runtime, "compiled") != 0,
                     global_int(runtime, "after") - global_int(runtime, "before")};
  EXPECT_STITCH_OK(stitch_thread_detach(runtime));
  return outcome;
}

TEST(ApiJitConfigTest, EachRuntimeKeepsItsOwnJitSettingAndThreshold) {
  stitch_runtime* hot = new_runtime({{"jit", 1}, {"jit_threshold", 0}});
  stitch_runtime* off = new_runtime({{"jit", 0}});
  stitch_runtime* patient = new_runtime({{"jit", 1}, {"jit_threshold", 1000000}});
  ASSERT_NE(hot, nullptr);
  ASSERT_NE(off, nullptr);
  ASSERT_NE(patient, nullptr);

  JitOutcome in_off = run_hot_loop(off, 20000);
  EXPECT_FALSE(in_off.enabled);
  EXPECT_FALSE(in_off.compiled);
  EXPECT_EQ(in_off.new_executors, 0);

  JitOutcome in_hot = run_hot_loop(hot, 20000);
  EXPECT_TRUE(in_hot.enabled);
  EXPECT_TRUE(in_hot.compiled);
  EXPECT_GT(in_hot.new_executors, 0);

  // 20,000 back-edges stay under this runtime's threshold of 1,000,000.
  JitOutcome in_patient = run_hot_loop(patient, 20000);
  EXPECT_TRUE(in_patient.enabled);
  EXPECT_FALSE(in_patient.compiled);
  EXPECT_EQ(in_patient.new_executors, 0);

  // The JIT is installed for the process now; the runtime with it off still never compiles.
  JitOutcome off_again = run_hot_loop(off, 20000);
  EXPECT_FALSE(off_again.enabled);
  EXPECT_FALSE(off_again.compiled);
  EXPECT_EQ(off_again.new_executors, 0);

  for (stitch_runtime* runtime : {hot, off, patient}) EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 5000));
}

// The two runtimes run at the same time, on two host threads: only the one with the JIT compiles.
TEST(ApiJitConfigTest, RuntimesWithAndWithoutTheJitRunSideBySide) {
  stitch_runtime* hot = new_runtime({{"jit", 1}, {"jit_threshold", 0}});
  stitch_runtime* off = new_runtime({{"jit", 0}});
  ASSERT_NE(hot, nullptr);
  ASSERT_NE(off, nullptr);
  auto worker = [](stitch_runtime* runtime, bool* compiled) {
    EXPECT_STITCH_OK(stitch_thread_attach(runtime));
    EXPECT_STITCH_OK(stitch_eval(runtime, "__main__", kHotLoop));
    EXPECT_STITCH_OK(stitch_eval(runtime, "__main__",
                                 "for _ in range(20):\n    loop(5000)\ncompiled = stitch.jit_compiled(loop)\n"));
    *compiled = global_int(runtime, "compiled") != 0;
    EXPECT_STITCH_OK(stitch_thread_detach(runtime));
  };
  bool hot_compiled = false, off_compiled = true;
  std::thread hot_thread(worker, hot, &hot_compiled);
  std::thread off_thread(worker, off, &off_compiled);
  hot_thread.join();
  off_thread.join();
  EXPECT_TRUE(hot_compiled);
  EXPECT_FALSE(off_compiled);
  for (stitch_runtime* runtime : {hot, off}) EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 5000));
}

// A native function that reports the C stack size of the thread calling it.
stitch_status current_stack_size(stitch_runtime* runtime, stitch_value* const*, size_t, stitch_value** result,
                                 void*) {
  pthread_attr_t attributes;
  if (pthread_getattr_np(pthread_self(), &attributes) != 0) return stitch_native_raise(runtime, "getattr failed");
  size_t size = 0;
  pthread_attr_getstacksize(&attributes, &size);
  pthread_attr_destroy(&attributes);
  return stitch_value_from_int(runtime, static_cast<int64_t>(size), result);
}

// The stack size a threading.Thread of `runtime` sees.
int64_t script_thread_stack_size(stitch_runtime* runtime) {
  EXPECT_STITCH_OK(stitch_thread_attach(runtime));
  EXPECT_STITCH_OK(stitch_register_function(runtime, nullptr, "stack_size", current_stack_size, nullptr,
                                            STITCH_NATIVE_DEFAULT));
  EXPECT_STITCH_OK(stitch_eval(runtime, "__main__",
                               "import threading\n"
                               "sizes = []\n"
                               "t = threading.Thread(target=lambda: sizes.append(stack_size()))\n"
                               "t.start()\n"
                               "t.join()\n"
                               "size = sizes[0]\n"));
  int64_t size = global_int(runtime, "size");
  EXPECT_STITCH_OK(stitch_thread_detach(runtime));
  return size;
}

TEST(ApiStackSizeTest, ScriptThreadsGetTheConfiguredStackSize) {
  constexpr int64_t kSmall = 256 * 1024, kLarge = 64 * 1024 * 1024;
  stitch_runtime* small = new_runtime({{"stack_size", kSmall}});
  stitch_runtime* large = new_runtime({{"stack_size", kLarge}});
  stitch_runtime* system = new_runtime({});
  // glibc reports the usable size: what was asked for, rounded up to whole pages.
  int64_t got_small = script_thread_stack_size(small);
  EXPECT_GE(got_small, kSmall);
  EXPECT_LT(got_small, kSmall + 64 * 1024);
  int64_t got_large = script_thread_stack_size(large);
  EXPECT_GE(got_large, kLarge);
  EXPECT_LT(got_large, kLarge + 64 * 1024);
  // 0 keeps the system default (RLIMIT_STACK, usually 8 MiB): neither of the sizes above.
  int64_t got_default = script_thread_stack_size(system);
  EXPECT_NE(got_default, got_small);
  EXPECT_NE(got_default, got_large);
  for (stitch_runtime* runtime : {small, large, system}) EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 5000));
}

// The limit belongs to the runtime: its own key, then sys.setrecursionlimit, which every thread of
// that runtime sees and no other runtime does.
// (go is a module function, not a closure over itself: that would be a cycle, which only the
// cycle collector could free.)
constexpr const char* kDepthProbe =
    "import sys\n"
    "def go(n, depth):\n"
    "    depth[0] = n\n"
    "    go(n + 1, depth)\n"
    "def deepest():\n"
    "    depth = [0]\n"
    "    try:\n"
    "        go(1, depth)\n"
    "    except RecursionError:\n"
    "        pass\n"
    "    return depth[0]\n";

TEST(ApiRecursionLimitTest, EachRuntimeHasItsOwnLimit) {
  stitch_runtime* shallow = new_runtime({{"recursion_limit", 60}});
  stitch_runtime* deep = new_runtime({{"recursion_limit", 5000}});
  stitch_runtime* plain = new_runtime({});
  ASSERT_NE(shallow, nullptr);
  ASSERT_NE(deep, nullptr);
  ASSERT_NE(plain, nullptr);
  // Both runtimes probe at the same time, each many times, on its own host thread.
  auto probe = [](stitch_runtime* runtime, int64_t* limit, int64_t* depth) {
    EXPECT_STITCH_OK(stitch_thread_attach(runtime));
    EXPECT_STITCH_OK(stitch_eval(runtime, "__main__", kDepthProbe));
    EXPECT_STITCH_OK(stitch_eval(runtime, "__main__",
                                 "limit = sys.getrecursionlimit()\n"
                                 "depths = set(deepest() for _ in range(50))\n"
                                 "depth = depths.pop() if len(depths) == 1 else -1\n"));
    *limit = global_int(runtime, "limit");
    *depth = global_int(runtime, "depth");
    EXPECT_STITCH_OK(stitch_thread_detach(runtime));
  };
  int64_t shallow_limit = 0, shallow_depth = 0, deep_limit = 0, deep_depth = 0;
  std::thread shallow_thread(probe, shallow, &shallow_limit, &shallow_depth);
  std::thread deep_thread(probe, deep, &deep_limit, &deep_depth);
  shallow_thread.join();
  deep_thread.join();
  EXPECT_EQ(shallow_limit, 60);
  EXPECT_EQ(deep_limit, 5000);
  // The frames of deepest() and go(1) count too, so the deepest go() sits a little under the limit.
  EXPECT_GT(shallow_depth, 50);
  EXPECT_LT(shallow_depth, 60);
  EXPECT_GT(deep_depth, 4990);
  EXPECT_LT(deep_depth, 5000);

  int64_t plain_limit = 0, plain_depth = 0;
  probe(plain, &plain_limit, &plain_depth);
  EXPECT_EQ(plain_limit, 1000);

  // sys.setrecursionlimit in one runtime: its other threads see it, the other runtime does not.
  ASSERT_STITCH_OK(stitch_thread_attach(shallow));
  ASSERT_STITCH_OK(stitch_eval(shallow, "__main__",
                               "import threading\n"
                               "sys.setrecursionlimit(200)\n"
                               "seen = []\n"
                               "t = threading.Thread(target=lambda: seen.append((sys.getrecursionlimit(), deepest())))\n"
                               "t.start()\n"
                               "t.join()\n"
                               "thread_limit, thread_depth = seen[0]\n"));
  EXPECT_EQ(global_int(shallow, "thread_limit"), 200);
  EXPECT_GT(global_int(shallow, "thread_depth"), 190);
  EXPECT_LT(global_int(shallow, "thread_depth"), 200);
  ASSERT_STITCH_OK(stitch_thread_detach(shallow));
  probe(deep, &deep_limit, &deep_depth);
  EXPECT_EQ(deep_limit, 5000);
  probe(plain, &plain_limit, &plain_depth);
  EXPECT_EQ(plain_limit, 1000);

  for (stitch_runtime* runtime : {shallow, deep, plain}) EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 5000));
}

// Python calls do not recurse on the C stack, so a small thread stack ends a runaway recursion
// with RecursionError, not a crash.
TEST(ApiStackSizeTest, DeepRecursionInASmallStackThreadIsARecursionError) {
  // Small next to the usual 8 MiB; sanitizer builds need it (TSan fails at 128 KiB, release runs on
  // the minimum of 64 KiB).
  constexpr int64_t kStack = 512 * 1024;
  stitch_runtime* runtime = new_runtime({{"stack_size", kStack}, {"recursion_limit", 1000}});
  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  ASSERT_STITCH_OK(stitch_eval(runtime, "__main__",
                               "import threading\n"
                               "def down(n):\n"
                               "    return down(n + 1) + 1\n"
                               "outcome = []\n"
                               "def work():\n"
                               "    try:\n"
                               "        down(0)\n"
                               "    except RecursionError:\n"
                               "        outcome.append(1)\n"
                               "t = threading.Thread(target=work)\n"
                               "t.start()\n"
                               "t.join()\n"
                               "caught = len(outcome)\n"));
  EXPECT_EQ(global_int(runtime, "caught"), 1);
  ASSERT_STITCH_OK(stitch_thread_detach(runtime));
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 5000));
}

}  // namespace
