// The library keeps no shared state: conversions running on 8 threads at once give exactly the
// results computed on one thread (round trips included). This guards against a future cache or
// static buffer sneaking in; under TSan it also checks that libstdc++'s to_chars/from_chars and
// GMP calls used here are race-free.
#include <gtest/gtest.h>

#include <atomic>
#include <bit>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/text/float_text.h"
#include "core/text/format.h"
#include "core/text/numeric_hash.h"
#include "core/text/parse_number.h"

namespace stitch::text {
namespace {

#ifdef STITCH_SANITIZER_BUILD
constexpr int kRounds = 20;
#else
constexpr int kRounds = 200;
#endif
constexpr int kThreads = 8;
constexpr int kValues = 256;

struct ReferenceResults {
  double value;
  std::string repr;
  std::string fixed;
  std::string big_decimal;
  int64_t hash;
};

TEST(TextThreaded, ConcurrentConversionsMatchSingleThreadedResults) {
  std::mt19937_64 random(7);
  std::vector<ReferenceResults> table;
  for (int i = 0; i < kValues; ++i) {
    double value = std::bit_cast<double>(random());
    if (!std::isfinite(value)) value = static_cast<double>(i) / 7.0;
    std::string big_decimal = std::to_string(random()) + std::to_string(random()) + std::to_string(i);
    table.push_back({value, float_repr(value), *format_float(value, std::string_view(",.3f")), big_decimal,
                     hash_double(value)});
  }
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        for (int i = 0; i < kValues; ++i) {
          const ReferenceResults& e = table[static_cast<size_t>((i + t * 31) % kValues)];
          bool ok = float_repr(e.value) == e.repr && *format_float(e.value, std::string_view(",.3f")) == e.fixed &&
                    hash_double(e.value) == e.hash;
          Expected<double> parsed = parse_float(e.repr);
          ok = ok && parsed.has_value() && std::bit_cast<uint64_t>(*parsed) == std::bit_cast<uint64_t>(e.value);
          Expected<IntValue> big = parse_int(e.big_decimal, 10);
          ok = ok && big.has_value() && big->to_decimal_string() == e.big_decimal;
          if (!ok) mismatches.fetch_add(1, std::memory_order_relaxed);  // a counter only: read after join
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(std::memory_order_relaxed), 0);
}

}  // namespace
}  // namespace stitch::text
