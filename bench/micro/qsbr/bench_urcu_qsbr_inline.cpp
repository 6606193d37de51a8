// liburcu QSBR flavour with _LGPL_SOURCE: rcu_quiescent_state(), rcu_thread_online() and
// rcu_thread_offline() are inlined into the caller, as Stitch's quiescent() is. This is the
// fairest anchor for the fast paths.
#define _LGPL_SOURCE 1

#include <benchmark/benchmark.h>
#include <urcu-qsbr.h>

namespace {

void BM_UrcuInline_QuiescentState(benchmark::State& state) {
  rcu_register_thread();
  for (auto _ : state) {
    rcu_quiescent_state();
  }
  rcu_unregister_thread();
}
BENCHMARK(BM_UrcuInline_QuiescentState);

void BM_UrcuInline_ThreadOfflineOnline(benchmark::State& state) {
  rcu_register_thread();
  for (auto _ : state) {
    rcu_thread_offline();
    rcu_thread_online();
  }
  rcu_unregister_thread();
}
BENCHMARK(BM_UrcuInline_ThreadOfflineOnline);

}  // namespace
