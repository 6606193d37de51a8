// Micro-benchmarks of the engine's hot calls (single thread; the engine has no synchronization).
#include <benchmark/benchmark.h>
#include <gmp.h>

#include <numeric>
#include <vector>

#include "core/builtins/random/random_engine.h"

namespace stitch::random {
namespace {

void BM_NextWord(benchmark::State& state) {
  MersenneTwister twister;
  for (auto _ : state) benchmark::DoNotOptimize(twister.next_word());
}
BENCHMARK(BM_NextWord);

void BM_Random(benchmark::State& state) {
  RandomEngine engine(1);
  for (auto _ : state) benchmark::DoNotOptimize(engine.random());
}
BENCHMARK(BM_Random);

void BM_Getrandbits32(benchmark::State& state) {
  RandomEngine engine(1);
  for (auto _ : state) benchmark::DoNotOptimize(engine.getrandbits(32));
}
BENCHMARK(BM_Getrandbits32);

void BM_Getrandbits100(benchmark::State& state) {
  RandomEngine engine(1);
  for (auto _ : state) benchmark::DoNotOptimize(engine.getrandbits(100));
}
BENCHMARK(BM_Getrandbits100);

void BM_Randrange10(benchmark::State& state) {
  RandomEngine engine(1);
  for (auto _ : state) benchmark::DoNotOptimize(engine.randrange(10));
}
BENCHMARK(BM_Randrange10);

void BM_RandintBig(benchmark::State& state) {
  RandomEngine engine(1);
  mpz_t low, high;
  mpz_init_set_str(low, "-100000000000000000000", 10);
  mpz_init_set_str(high, "100000000000000000000", 10);
  for (auto _ : state) benchmark::DoNotOptimize(engine.randint(low, high));
  mpz_clear(low);
  mpz_clear(high);
}
BENCHMARK(BM_RandintBig);

void BM_Shuffle1000(benchmark::State& state) {
  RandomEngine engine(1);
  std::vector<int> items(1000);
  std::iota(items.begin(), items.end(), 0);
  for (auto _ : state) {
    engine.shuffle(std::span<int>(items));
    benchmark::DoNotOptimize(items.data());
  }
}
BENCHMARK(BM_Shuffle1000);

void BM_Gauss(benchmark::State& state) {
  RandomEngine engine(1);
  for (auto _ : state) benchmark::DoNotOptimize(engine.gauss(0.0, 1.0));
}
BENCHMARK(BM_Gauss);

void BM_SeedSmallInt(benchmark::State& state) {
  RandomEngine engine;
  int64_t seed = 0;
  for (auto _ : state) {
    engine.seed(++seed);
    benchmark::DoNotOptimize(engine);
  }
}
BENCHMARK(BM_SeedSmallInt);

}  // namespace
}  // namespace stitch::random
