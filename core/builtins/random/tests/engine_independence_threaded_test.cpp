// Engines share no hidden state: 8 threads, each with its own engine (some with the same seed),
// draw mixed calls concurrently; every thread's stream must equal the single-threaded reference
// for its seed. Any global or static mutable state would show up here as a mismatch (or as a
// ThreadSanitizer report under the tsan preset).
#include <gtest/gtest.h>

#include <barrier>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "core/builtins/random/random_engine.h"

namespace stitch::random {
namespace {

#ifdef STITCH_SANITIZER_BUILD
constexpr int kDrawsPerThread = 10000;
#else
constexpr int kDrawsPerThread = 50000;
#endif
constexpr int kThreadCount = 8;

// A digest of a long mixed stream: every call kind, big ints included.
std::vector<std::string> draw_stream(RandomEngine& engine) {
  std::vector<std::string> stream;
  stream.reserve(kDrawsPerThread);
  std::vector<int> deck(52);
  for (int i = 0; i < kDrawsPerThread; ++i) {
    switch (i % 6) {
      case 0: stream.push_back(std::to_string(engine.random())); break;
      case 1: stream.push_back(engine.getrandbits(97)->to_decimal()); break;
      case 2: stream.push_back(engine.randrange(-1000, 1000, 7)->to_decimal()); break;
      case 3: stream.push_back(std::to_string(engine.gauss(0.0, 1.0))); break;
      case 4: stream.push_back(std::to_string(*engine.choice_index(17))); break;
      default:
        engine.shuffle(std::span<int>(deck));
        stream.push_back(std::to_string(deck[0] * 100 + deck[51]));
        break;
    }
  }
  return stream;
}

int64_t seed_for_thread(int thread_index) { return thread_index % 3; }  // repeated seeds on purpose

TEST(EngineIndependenceThreadedTest, ConcurrentEnginesMatchSerialReferences) {
  std::vector<std::vector<std::string>> references;
  for (int seed = 0; seed < 3; ++seed) {
    RandomEngine engine(seed);
    references.push_back(draw_stream(engine));
  }

  std::vector<std::vector<std::string>> results(kThreadCount);
  std::barrier start_line(kThreadCount);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreadCount; ++t) {
    threads.emplace_back([&, t] {
      RandomEngine engine(seed_for_thread(t));
      start_line.arrive_and_wait();  // maximize overlap between the threads' draws
      results[t] = draw_stream(engine);
    });
  }
  for (std::thread& thread : threads) thread.join();

  for (int t = 0; t < kThreadCount; ++t) {
    ASSERT_EQ(results[t].size(), references[seed_for_thread(t)].size());
    EXPECT_TRUE(results[t] == references[seed_for_thread(t)]) << "thread " << t << " diverged";
  }
}

}  // namespace
}  // namespace stitch::random
