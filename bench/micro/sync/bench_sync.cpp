// Micro-benchmarks for core/sync. Run with
//   bench_sync --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
// Compare each Stitch row with the std:: row of the same shape.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <semaphore>
#include <thread>

#include "core/sync/critical_section.h"
#include "core/sync/mutex.h"
#include "core/sync/waiter_semaphore.h"
#include "support/thread_annotations.h"

namespace {

using stitch::sync::CriticalSection;
using stitch::sync::CriticalSection2;
using stitch::sync::Mutex;

// ---- Uncontended lock + unlock ----

void BM_StitchMutex_Uncontended(benchmark::State& state) {
  Mutex mutex;
  std::int64_t counter = 0;
  for (auto _ : state) {
    mutex.lock();
    ++counter;
    mutex.unlock();
  }
  benchmark::DoNotOptimize(counter);
}
BENCHMARK(BM_StitchMutex_Uncontended);

void BM_StdMutex_Uncontended(benchmark::State& state) {
  std::mutex mutex;
  std::int64_t counter = 0;
  for (auto _ : state) {
    mutex.lock();
    ++counter;
    mutex.unlock();
  }
  benchmark::DoNotOptimize(counter);
}
BENCHMARK(BM_StdMutex_Uncontended);

// ---- Contended: every thread increments one shared counter under one lock ----

Mutex contended_stitch_mutex;
std::mutex contended_std_mutex;
std::int64_t contended_counter = 0;

void BM_StitchMutex_Contended(benchmark::State& state) {
  for (auto _ : state) {
    contended_stitch_mutex.lock();
    ++contended_counter;
    contended_stitch_mutex.unlock();
  }
}
BENCHMARK(BM_StitchMutex_Contended)->Threads(2)->UseRealTime();

void BM_StdMutex_Contended(benchmark::State& state) {
  for (auto _ : state) {
    contended_std_mutex.lock();
    ++contended_counter;
    contended_std_mutex.unlock();
  }
}
BENCHMARK(BM_StdMutex_Contended)->Threads(2)->UseRealTime();

// ---- Critical sections (no contention) ----

void BM_CriticalSection_EnterExit(benchmark::State& state) {
  Mutex mutex;
  std::int64_t counter = 0;
  for (auto _ : state) {
    CriticalSection section(mutex);
    ++counter;
  }
  benchmark::DoNotOptimize(counter);
}
BENCHMARK(BM_CriticalSection_EnterExit);

// Deliberate recursion: clang's analysis treats capabilities as non-reentrant.
void BM_CriticalSection_Recursive(benchmark::State& state) STITCH_NO_THREAD_SAFETY_ANALYSIS {
  Mutex mutex;
  std::int64_t counter = 0;
  CriticalSection outer(mutex);
  for (auto _ : state) {
    CriticalSection section(mutex);  // recursion into the top-most section
    ++counter;
  }
  benchmark::DoNotOptimize(counter);
}
BENCHMARK(BM_CriticalSection_Recursive);

void BM_CriticalSection2_EnterExit(benchmark::State& state) {
  Mutex a;
  Mutex b;
  std::int64_t counter = 0;
  for (auto _ : state) {
    CriticalSection2 section(a, b);
    ++counter;
  }
  benchmark::DoNotOptimize(counter);
}
BENCHMARK(BM_CriticalSection2_EnterExit);

// ---- Critical sections, 2 threads on one object ----

Mutex contended_section_mutex;

void BM_CriticalSection_Contended(benchmark::State& state) {
  for (auto _ : state) {
    CriticalSection section(contended_section_mutex);
    ++contended_counter;
  }
}
BENCHMARK(BM_CriticalSection_Contended)->Threads(2)->UseRealTime();

// ---- Per-waiter semaphore: ping-pong between two threads (one post + one wake per half trip) ----
// This is the measurement behind the parking lot's choice of WaiterSemaphore.

template <class Semaphore, class Post, class Wait>
void ping_pong(benchmark::State& state, Post post, Wait wait) {
  Semaphore ping;
  Semaphore pong;
  std::atomic<bool> stop{false};
  std::thread partner([&] {
    for (;;) {
      wait(ping);
      if (stop.load(std::memory_order_relaxed)) {
        return;
      }
      post(pong);
    }
  });
  for (auto _ : state) {
    post(ping);
    wait(pong);
  }
  stop.store(true, std::memory_order_relaxed);
  post(ping);
  partner.join();
}

void BM_WaiterSemaphorePingPong_Futex(benchmark::State& state) {
  using stitch::sync::Deadline;
  using stitch::sync::detail::WaiterSemaphore;
  ping_pong<WaiterSemaphore>(
      state, [](WaiterSemaphore& s) { s.post(); },
      [](WaiterSemaphore& s) { s.wait(Deadline::never()); });
}
BENCHMARK(BM_WaiterSemaphorePingPong_Futex)->UseRealTime();

void BM_WaiterSemaphorePingPong_StdBinarySemaphore(benchmark::State& state) {
  struct Semaphore {
    std::binary_semaphore semaphore{0};
  };
  ping_pong<Semaphore>(
      state, [](Semaphore& s) { s.semaphore.release(); },
      [](Semaphore& s) { s.semaphore.acquire(); });
}
BENCHMARK(BM_WaiterSemaphorePingPong_StdBinarySemaphore)->UseRealTime();

}  // namespace
