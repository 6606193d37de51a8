// A std::thread host: 8 threads attach to one runtime and call a script function many times, on
// shared data (a dict under a script lock, a read-only table) and on private data (a list per
// thread), re-attaching now and then. The results must be exact.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>

#include <string>
#include <thread>
#include <vector>

#include "api_test_support.h"

namespace {

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define STITCH_UNDER_TSAN 1
#endif
#endif

#ifdef STITCH_UNDER_TSAN
constexpr int kCallsPerThread = 2000;
#else
constexpr int kCallsPerThread = 10000;
#endif
constexpr int kThreads = 8;
constexpr int kReattachEvery = 1000;

constexpr const char* kScript = R"(
import threading

table = [n * n for n in range(100)]
counts = {k: 0 for k in range(8)}
counts_lock = threading.Lock()

def work(private, i):
    value = table[i % 100]
    private.append(value)
    with counts_lock:
        counts[i % 8] += 1
    return value + len(private)

def total_count():
    return sum(counts.values())
)";

constexpr int kSharedEvery = 10;  // every 10th call also appends to a host-made list shared by all

void run_worker(stitch_runtime* runtime, stitch_value* shared_list, int worker, std::string* failure) {
  auto fail = [&](const std::string& what) {
    if (failure->empty()) *failure = "worker " + std::to_string(worker) + ": " + what + ": " + last_message();
  };
  if (stitch_thread_attach(runtime) != STITCH_OK) return fail("attach");
  stitch_value* private_list = nullptr;
  if (stitch_list_new(runtime, &private_list) != STITCH_OK) return fail("list_new");
  int64_t expected_sum = 0;
  for (int i = 0; i < kCallsPerThread; ++i) {
    if (i > 0 && i % kReattachEvery == 0) {
      // Detach and come back: the thread state is reused, and held values stay valid.
      if (stitch_thread_detach(runtime) != STITCH_OK) return fail("detach");
      if (stitch_thread_attach(runtime) != STITCH_OK) return fail("re-attach");
    }
    stitch_value* index = nullptr;
    if (stitch_value_from_int(runtime, i, &index) != STITCH_OK) return fail("from_int");
    stitch_value* args[2] = {private_list, index};
    stitch_value* result = nullptr;
    if (stitch_call(runtime, "__main__", "work", args, 2, &result) != STITCH_OK) return fail("call");
    int64_t got = 0;
    if (stitch_value_to_int(result, &got) != STITCH_OK) return fail("to_int");
    int64_t square = static_cast<int64_t>(i % 100) * (i % 100);
    if (got != square + i + 1) return fail("wrong result at call " + std::to_string(i));
    expected_sum += square;
    if (i % kSharedEvery == 0 && stitch_list_append(shared_list, index) != STITCH_OK) return fail("shared append");
    (void)stitch_value_release(result);
    (void)stitch_value_release(index);
  }
  size_t size = 0;
  if (stitch_list_size(private_list, &size) != STITCH_OK) return fail("list_size");
  if (size != static_cast<size_t>(kCallsPerThread)) return fail("private list size " + std::to_string(size));
  int64_t sum = 0;
  for (size_t i = 0; i < size; i += 97) {
    stitch_value* item = nullptr;
    if (stitch_list_get(private_list, i, &item) != STITCH_OK) return fail("list_get");
    int64_t n = 0;
    if (stitch_value_to_int(item, &n) != STITCH_OK) return fail("item to_int");
    if (n != static_cast<int64_t>(i % 100) * static_cast<int64_t>(i % 100)) return fail("private item");
    sum += n;
    (void)stitch_value_release(item);
  }
  (void)sum;
  (void)expected_sum;
  (void)stitch_value_release(private_list);
  if (stitch_thread_detach(runtime) != STITCH_OK) return fail("final detach");
}

TEST(ThreadedHostTest, EightThreadsCallAScriptFunction) {
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  ASSERT_STITCH_OK(stitch_eval(runtime, "__main__", kScript));
  stitch_value* shared_list = nullptr;
  ASSERT_STITCH_OK(stitch_list_new(runtime, &shared_list));
  ASSERT_STITCH_OK(stitch_thread_detach(runtime));

  std::vector<std::string> failures(kThreads);
  std::vector<std::thread> threads;
  for (int worker = 0; worker < kThreads; ++worker) {
    threads.emplace_back(run_worker, runtime, shared_list, worker, &failures[worker]);
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& failure : failures) EXPECT_EQ(failure, "");

  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  stitch_value* total = nullptr;
  ASSERT_STITCH_OK(stitch_call(runtime, "__main__", "total_count", nullptr, 0, &total));
  int64_t count = 0;
  ASSERT_STITCH_OK(stitch_value_to_int(total, &count));
  EXPECT_EQ(count, static_cast<int64_t>(kThreads) * kCallsPerThread);
  EXPECT_STITCH_OK(stitch_value_release(total));
  size_t shared_size = 0;
  ASSERT_STITCH_OK(stitch_list_size(shared_list, &shared_size));
  EXPECT_EQ(shared_size, static_cast<size_t>(kThreads * ((kCallsPerThread + kSharedEvery - 1) / kSharedEvery)));
  EXPECT_STITCH_OK(stitch_value_release(shared_list));
  ASSERT_STITCH_OK(stitch_thread_detach(runtime));
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 5000));
}

TEST(ThreadedHostTest, ShutdownWhileThreadsStayAttachedReportsThem) {
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  std::atomic<int> attached{0};
  std::atomic<bool> release{false};
  std::vector<std::thread> threads;
  for (int worker = 0; worker < 3; ++worker) {
    threads.emplace_back([&] {
      if (stitch_thread_attach(runtime) != STITCH_OK) return;
      attached.fetch_add(1);
      while (!release.load()) std::this_thread::yield();
      (void)stitch_thread_detach(runtime);
    });
  }
  while (attached.load() != 3) std::this_thread::yield();
  EXPECT_EQ(stitch_runtime_shutdown(runtime, 10), STITCH_E_TIMEOUT);
  std::string message = last_message();
  std::size_t ids = message.find("(thread ids: ");
  ASSERT_NE(ids, std::string::npos) << message;
  std::string listed = message.substr(ids, message.find(')', ids) - ids);
  EXPECT_EQ(std::count(listed.begin(), listed.end(), ','), 2) << message;  // three ids listed
  release.store(true);
  for (std::thread& thread : threads) thread.join();
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 5000));
}

TEST(ThreadedHostTest, ShutdownWaitsForAThreadBlockedInAScriptCall) {
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  ASSERT_STITCH_OK(stitch_eval(runtime, "m", "import time\ndef nap():\n    time.sleep(0.1)\n    return [1, 2, 3]\n"));
  ASSERT_STITCH_OK(stitch_thread_detach(runtime));
  std::atomic<bool> calling{false};
  std::string failure;
  std::thread sleeper([&] {
    if (stitch_thread_attach(runtime) != STITCH_OK) return void(failure = last_message());
    calling.store(true);
    stitch_value* result = nullptr;
    // time.sleep detaches from the core runtime while it waits: shutdown must still wait for us.
    if (stitch_call(runtime, "m", "nap", nullptr, 0, &result) != STITCH_OK) return void(failure = last_message());
    size_t size = 0;
    if (stitch_list_size(result, &size) != STITCH_OK || size != 3) failure = "bad result: " + last_message();
    (void)stitch_value_release(result);
    if (stitch_thread_detach(runtime) != STITCH_OK) failure = last_message();
  });
  while (!calling.load()) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 5000));
  sleeper.join();
  EXPECT_EQ(failure, "");
}

TEST(ThreadedHostTest, AThreadExitingWhileAttachedDoesNotBlockShutdown) {
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  std::string failure;
  std::thread forgetful([&] {
    if (stitch_thread_attach(runtime) != STITCH_OK) return void(failure = last_message());
    if (stitch_eval(runtime, "m", "x = [1, 2]\n") != STITCH_OK) failure = last_message();
    // exits without stitch_thread_detach
  });
  forgetful.join();
  EXPECT_EQ(failure, "");
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 5000));
}

TEST(ThreadedHostTest, ThreadsCreatingTheSameModuleShareIt) {
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  std::vector<std::string> failures(4);
  std::vector<std::thread> threads;
  for (int worker = 0; worker < 4; ++worker) {
    threads.emplace_back([&, worker] {
      if (stitch_thread_attach(runtime) != STITCH_OK) return void(failures[worker] = last_message());
      // Each thread may find the module missing and create it: one must win, and every thread's
      // global must land in that one.
      std::string source = "y" + std::to_string(worker) + " = " + std::to_string(worker) + "\n";
      if (stitch_eval(runtime, "shared_mod", source.c_str()) != STITCH_OK) failures[worker] = last_message();
      if (stitch_thread_detach(runtime) != STITCH_OK) failures[worker] = last_message();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& failure : failures) EXPECT_EQ(failure, "");
  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  ASSERT_STITCH_OK(stitch_eval(runtime, "check", "import shared_mod\nx = shared_mod.y0 + shared_mod.y1 + shared_mod.y2 + shared_mod.y3\n"));
  stitch_value* x = nullptr;
  ASSERT_STITCH_OK(stitch_get_global(runtime, "check", "x", &x));
  int64_t n = 0;
  ASSERT_STITCH_OK(stitch_value_to_int(x, &n));
  EXPECT_EQ(n, 6);
  EXPECT_STITCH_OK(stitch_value_release(x));
  ASSERT_STITCH_OK(stitch_thread_detach(runtime));
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 5000));
}

}  // namespace
