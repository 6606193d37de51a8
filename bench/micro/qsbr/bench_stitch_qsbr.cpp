// Stitch QSBR micro-benchmarks. The liburcu anchors with the same shapes are in
// bench_urcu_qsbr_calls.cpp and bench_urcu_qsbr_inline.cpp; qsbr/README.md has the table.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <thread>

#include "qsbr/qsbr.h"

namespace {

using stitch::qsbr::Domain;
using stitch::qsbr::ThreadRecord;

void free_block(void* ptr, void*) { std::free(ptr); }

// Report a quiescent state with no grace period in flight: the safepoint fast path.
void BM_Stitch_Quiescent(benchmark::State& state) {
  Domain domain;
  ThreadRecord* record = domain.register_thread();
  record->online();
  for (auto _ : state) {
    record->quiescent();
  }
  record->offline();
  domain.unregister_thread(record);
}
BENCHMARK(BM_Stitch_Quiescent);

// Same, while another thread keeps advancing the write sequence, so every quiescent state
// reads a line another core just wrote and publishes a new value.
void BM_Stitch_QuiescentWhileAnotherThreadAdvances(benchmark::State& state) {
  Domain domain;
  ThreadRecord* record = domain.register_thread();
  record->online();
  std::atomic<bool> stop{false};
  const stitch::qsbr::Sequence first = domain.write_sequence();
  std::thread writer([&] {
    // Relaxed: a stop flag, no data rides on it.
    while (!stop.load(std::memory_order_relaxed)) {
      domain.advance();
    }
  });
  for (auto _ : state) {
    record->quiescent();
  }
  stop.store(true, std::memory_order_relaxed);
  writer.join();
  // How much the writer really overlapped with the loop (low on a loaded machine).
  state.counters["advances_per_op"] =
      benchmark::Counter(static_cast<double>((domain.write_sequence() - first) / 2) /
                         static_cast<double>(state.iterations()));
  record->offline();
  domain.unregister_thread(record);
}
BENCHMARK(BM_Stitch_QuiescentWhileAnotherThreadAdvances)->UseRealTime();

// Detach + attach, as around a blocking call.
void BM_Stitch_OfflineOnline(benchmark::State& state) {
  Domain domain;
  ThreadRecord* record = domain.register_thread();
  record->online();
  for (auto _ : state) {
    record->offline();
    record->online();
  }
  record->offline();
  domain.unregister_thread(record);
}
BENCHMARK(BM_Stitch_OfflineOnline);

// Retire one 32-byte block, report a quiescent state, process: the block retired in the
// previous iteration is freed now (one grace period = one iteration on one thread).
void BM_Stitch_RetireQuiescentProcess(benchmark::State& state) {
  Domain domain;
  ThreadRecord* record = domain.register_thread();
  record->online();
  for (auto _ : state) {
    record->retire(std::malloc(32), 32, &free_block);
    record->quiescent();
    benchmark::DoNotOptimize(record->process());
  }
  record->offline();
  domain.unregister_thread(record);  // leftovers become orphans, freed by ~Domain
}
BENCHMARK(BM_Stitch_RetireQuiescentProcess);

// Retire one 32-byte block and report a quiescent state; processing happens only when the
// default limits (128 items) are exceeded, inside retire(): the batched steady state, which
// is what liburcu's defer_rcu() does with its per-thread queue.
void BM_Stitch_RetireQuiescentBatched(benchmark::State& state) {
  Domain domain;
  ThreadRecord* record = domain.register_thread();
  record->online();
  for (auto _ : state) {
    record->retire(std::malloc(32), 32, &free_block);
    record->quiescent();
  }
  record->offline();
  domain.unregister_thread(record);
}
BENCHMARK(BM_Stitch_RetireQuiescentBatched);

// poll() for a goal the cached minimum already covers: one acquire load and a compare.
void BM_Stitch_PollCachedGoal(benchmark::State& state) {
  Domain domain;
  const stitch::qsbr::Sequence goal = domain.advance();
  benchmark::DoNotOptimize(domain.poll(goal));  // fills the cache
  for (auto _ : state) {
    benchmark::DoNotOptimize(domain.poll(goal));
  }
}
BENCHMARK(BM_Stitch_PollCachedGoal);

}  // namespace
