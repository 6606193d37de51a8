// Threaded tests: executors run from many threads at once; many threads build, seal, run and
// release code concurrently while another thread checks /proc/self/maps for W^X.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "toy_jit.h"

namespace stitch::jit::toy {
namespace {

#ifdef STITCH_SANITIZER_BUILD
constexpr int kRounds = 30;
constexpr int kRunsPerThread = 40;
#else
constexpr int kRounds = 300;
constexpr int kRunsPerThread = 400;
#endif
constexpr int kThreads = 8;

TEST(ToyJitThreaded, SharedExecutorsRunFromManyThreadsAtOnce) {
  CodeArena arena;
  CodeWriter writer = arena.writer();
  Result<CodeBlock> sum = compile_toy(writer, sum_program(false));
  Result<CodeBlock> squares = compile_toy(writer, sum_program(true));
  Result<CodeBlock> branchy = compile_toy(writer, divisible_by_3_or_5_program());
  ASSERT_TRUE(sum.ok() && squares.ok() && branchy.ok());
  ASSERT_TRUE(writer.seal().ok());

  std::atomic<int> failures{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      while (!go.load(std::memory_order_acquire)) {  // pairs with the release store below
      }
      for (int i = 0; i < kRunsPerThread; ++i) {
        int64_t n = (t * 131 + i * 17) % 500;
        if (run_toy(*sum, n) != expected_sum(n, false)) failures.fetch_add(1, std::memory_order_relaxed);
        if (run_toy(*squares, n) != expected_sum(n, true)) failures.fetch_add(1, std::memory_order_relaxed);
        if (run_toy(*branchy, n) != expected_divisible_by_3_or_5(n)) failures.fetch_add(1, std::memory_order_relaxed);
      }
    });
  }
  go.store(true, std::memory_order_release);  // pairs with the acquire spin above
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(std::memory_order_relaxed), 0);
  // Released only after every thread that could run them has been joined (the grace period).
  arena.release(*sum);
  arena.release(*squares);
  arena.release(*branchy);
  EXPECT_EQ(arena.statistics().live_blocks, 0u);
  EXPECT_EQ(arena.statistics().pages_sealed, 0u);
}

// Scans /proc/self/maps; returns the first line that is both writable and executable.
std::string find_writable_executable_mapping() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    std::istringstream fields(line);
    std::string range, permissions;
    fields >> range >> permissions;
    if (permissions.size() >= 3 && permissions[1] == 'w' && permissions[2] == 'x') return line;
  }
  return {};
}

TEST(ToyJitThreaded, ConcurrentBuildSealRunReleaseNeverMapsWritableAndExecutable) {
  ASSERT_EQ(find_writable_executable_mapping(), "") << "the process already has a W+X mapping";
  CodeArena arena(64 * 1024);  // small regions: exercises region growth and page reuse
  std::atomic<bool> builders_done{false};
  std::atomic<int> failures{0};
  std::atomic<long> maps_scans{0};
  std::string violation;

  std::thread watcher([&] {
    // Keeps scanning until the builders finish (acquire pairs with their release store).
    while (!builders_done.load(std::memory_order_acquire)) {
      std::string line = find_writable_executable_mapping();
      if (!line.empty() && violation.empty()) violation = line;
      maps_scans.fetch_add(1, std::memory_order_relaxed);
    }
  });

  std::vector<std::thread> builders;
  for (int t = 0; t < kThreads - 1; ++t) {
    builders.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        CodeWriter writer = arena.writer();
        // Several executors per batch, so several per page.
        Result<CodeBlock> a = compile_toy(writer, sum_program(round % 2 == 0));
        Result<CodeBlock> b = compile_toy(writer, divisible_by_3_or_5_program());
        Result<CodeBlock> c = compile_toy(writer, exit_program(static_cast<uint32_t>(t)));
        if (!a.ok() || !b.ok() || !c.ok() || !writer.seal().ok()) {
          failures.fetch_add(1, std::memory_order_relaxed);
          continue;
        }
        int64_t n = round + t;
        if (run_toy(*a, n) != expected_sum(n, round % 2 == 0)) failures.fetch_add(1, std::memory_order_relaxed);
        if (run_toy(*b, n) != expected_divisible_by_3_or_5(n)) failures.fetch_add(1, std::memory_order_relaxed);
        if (run_toy(*c, n) != exit_handler_result(t)) failures.fetch_add(1, std::memory_order_relaxed);
        // Only this thread ever ran them, and it is done: the grace period is over.
        arena.release(*a);
        arena.release(*b);
        if (round % 3 != 0) arena.release(*c);  // leak some on purpose: pages stay partly live
        else {
          // also exercise discarding an unsealed batch
          CodeWriter discarded = arena.writer();
          if (!compile_toy(discarded, sum_program(false)).ok()) failures.fetch_add(1, std::memory_order_relaxed);
        }
      }
    });
  }
  for (std::thread& thread : builders) thread.join();
  builders_done.store(true, std::memory_order_release);  // pairs with the watcher's acquire
  watcher.join();

  EXPECT_EQ(failures.load(std::memory_order_relaxed), 0);
  EXPECT_EQ(violation, "") << "writable+executable mapping seen";
  EXPECT_GT(maps_scans.load(std::memory_order_relaxed), 0);
  CodeArena::Statistics stats = arena.statistics();
  EXPECT_EQ(stats.pages_writing, 0u);
  EXPECT_EQ(stats.live_blocks, static_cast<size_t>((kThreads - 1) * ((kRounds + 2) / 3)));
  EXPECT_LE(stats.pages_sealed, stats.live_blocks);  // freed pages were recycled
}

}  // namespace
}  // namespace stitch::jit::toy
