// liburcu QSBR flavour through its library calls (no _LGPL_SOURCE): the default for a
// program that links liburcu-qsbr. Same shapes as bench_stitch_qsbr.cpp.
#include <benchmark/benchmark.h>
#include <urcu-qsbr.h>

#include <atomic>
#include <cstdlib>
#include <thread>

namespace {

void BM_UrcuCall_QuiescentState(benchmark::State& state) {
  rcu_register_thread();
  for (auto _ : state) {
    rcu_quiescent_state();
  }
  rcu_unregister_thread();
}
BENCHMARK(BM_UrcuCall_QuiescentState);

// A background thread runs synchronize_rcu() in a loop: each one waits for this thread's
// next quiescent state, so most rcu_quiescent_state() calls take the slow path (barriers,
// publish the counter, wake the waiter).
void BM_UrcuCall_QuiescentStateWhileAnotherThreadSynchronizes(benchmark::State& state) {
  rcu_register_thread();
  std::atomic<bool> stop{false};
  std::atomic<long> grace_periods{0};
  std::thread writer([&] {
    // Relaxed: a stop flag and a statistic, no data rides on them.
    while (!stop.load(std::memory_order_relaxed)) {
      synchronize_rcu();
      grace_periods.fetch_add(1, std::memory_order_relaxed);
    }
  });
  for (auto _ : state) {
    rcu_quiescent_state();
  }
  stop.store(true, std::memory_order_relaxed);
  rcu_thread_offline();  // let the last synchronize_rcu() finish
  writer.join();
  state.counters["grace_periods_per_op"] =
      benchmark::Counter(static_cast<double>(grace_periods.load(std::memory_order_relaxed)) /
                         static_cast<double>(state.iterations()));
  rcu_unregister_thread();
}
BENCHMARK(BM_UrcuCall_QuiescentStateWhileAnotherThreadSynchronizes)->UseRealTime();

void BM_UrcuCall_ThreadOfflineOnline(benchmark::State& state) {
  rcu_register_thread();
  for (auto _ : state) {
    rcu_thread_offline();
    rcu_thread_online();
  }
  rcu_unregister_thread();
}
BENCHMARK(BM_UrcuCall_ThreadOfflineOnline);

void free_block(void* ptr) { std::free(ptr); }

// defer_rcu(): per-thread queue of (function, pointer); when it fills (4096 entries) the
// caller runs synchronize_rcu() and the callbacks itself; a helper thread also drains it.
// The closest equivalent of Stitch's batched retire.
// liburcu 0.13 asserts when a thread registers for defer_rcu() a second time after
// unregistering, and Google Benchmark runs this function several times on one thread; it
// also asserts at exit if a thread is still registered. So: register once per thread, drain
// the queue at the end of every run, unregister when the thread exits.
struct DeferRegistration {
  DeferRegistration() : registered(rcu_defer_register_thread() == 0) {}
  ~DeferRegistration() {
    if (registered) {
      rcu_defer_unregister_thread();
    }
  }
  bool registered;
};

void BM_UrcuCall_DeferRcuQuiescent(benchmark::State& state) {
  static thread_local const DeferRegistration defer_registration;
  if (!defer_registration.registered) {
    state.SkipWithError("rcu_defer_register_thread failed");
    return;
  }
  rcu_register_thread();
  for (auto _ : state) {
    defer_rcu(&free_block, std::malloc(32));
    rcu_quiescent_state();
  }
  rcu_thread_offline();
  rcu_defer_barrier_thread();  // free everything queued before the next benchmark
  rcu_unregister_thread();
}
BENCHMARK(BM_UrcuCall_DeferRcuQuiescent);

struct CallRcuBlock {
  rcu_head head;
  char payload[32];
};

void free_call_rcu_block(rcu_head* head) { std::free(caa_container_of(head, CallRcuBlock, head)); }

// call_rcu(): enqueue on the call_rcu worker thread, which waits for grace periods and runs
// the callbacks there (off this thread; on a 2-core machine it competes for the other core).
void BM_UrcuCall_CallRcuQuiescent(benchmark::State& state) {
  rcu_register_thread();
  for (auto _ : state) {
    auto* block = static_cast<CallRcuBlock*>(std::malloc(sizeof(CallRcuBlock)));
    call_rcu(&block->head, &free_call_rcu_block);
    rcu_quiescent_state();
  }
  rcu_thread_offline();
  rcu_barrier();  // wait for every callback before the next benchmark
  rcu_unregister_thread();
}
BENCHMARK(BM_UrcuCall_CallRcuQuiescent)->UseRealTime();

}  // namespace
