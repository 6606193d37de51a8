// Cost of one incref+decref pair on each path of biased reference counting, next to a plain
// std::atomic fetch_add+fetch_sub pair (seq_cst and relaxed), with 1 and 2 threads.
//
// What is measured: each iteration does exactly one incref and one decref (or one fetch_add and
// one fetch_sub). The count never reaches zero (every object keeps one extra reference), so no
// dealloc or merge runs: this is the steady-state fast path. DoNotOptimize on the object pointer
// and ClobberMemory after each pair stop the compiler from keeping the count in a register or
// merging iterations; the atomics themselves are never folded by clang.
//
// Thread counts: the "owner" benchmark gives every benchmark thread its own object (the owner
// path has no sharing by definition); the non-owner and atomic benchmarks make all threads
// hammer the *same* object / counter, owned by a separate parked thread.
#include <benchmark/benchmark.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "refcount/merge_queue.h"
#include "refcount/refcount.h"

namespace {

using stitch::rc::ObjectHeader;

void never_called(ObjectHeader*) { std::abort(); }

stitch::rc::Domain& domain() {
  static stitch::rc::Domain instance{never_called};
  return instance;
}

// Registers the benchmark thread for one run (a non-owner slow path would need a record).
class Registration {
 public:
  Registration() : record_(domain().register_current_thread({})) {}
  ~Registration() {
    if (record_ != nullptr) domain().unregister_current_thread(record_);
  }
  Registration(const Registration&) = delete;
  Registration& operator=(const Registration&) = delete;

 private:
  stitch::rc::ThreadRecord* record_;
};

// An object owned by a thread that stays alive (parked) for the whole run, so no benchmark
// thread can ever own it, even if the C library reuses thread ids.
class ForeignOwnedObject {
 public:
  ForeignOwnedObject() {
    owner_ = std::thread([this] {
      stitch::rc::ThreadRecord* record = domain().register_current_thread({});
      stitch::rc::init_owned(&object_, nullptr);  // local 1, kept until exit: never dies
      std::unique_lock lock(mutex_);
      ready_ = true;
      changed_.notify_all();
      changed_.wait(lock, [this] { return stopping_; });
      lock.unlock();
      domain().unregister_current_thread(record);
    });
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return ready_; });
  }
  ~ForeignOwnedObject() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    owner_.join();
  }
  ObjectHeader* get() { return &object_; }

 private:
  ObjectHeader object_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool ready_ = false;
  bool stopping_ = false;
  std::thread owner_;
};

ForeignOwnedObject& foreign_object() {
  static ForeignOwnedObject instance;
  return instance;
}

void BM_OwnerIncrefDecref(benchmark::State& state) {
  Registration registration;
  ObjectHeader object;
  stitch::rc::init_owned(&object, nullptr);  // local 1: the pair below never reaches zero
  ObjectHeader* pointer = &object;
  for (auto _ : state) {
    benchmark::DoNotOptimize(pointer);
    stitch::rc::incref(pointer);
    stitch::rc::decref(pointer, never_called);
    benchmark::ClobberMemory();
  }
  if (object.local_count.load(std::memory_order_relaxed) != 1) state.SkipWithError("count drift");
}
BENCHMARK(BM_OwnerIncrefDecref)->Threads(1)->Threads(2);

void BM_NonOwnerIncrefDecref(benchmark::State& state) {
  Registration registration;
  ObjectHeader* pointer = foreign_object().get();
  if (stitch::rc::is_owned_by_current_thread(pointer)) state.SkipWithError("owned by us");
  for (auto _ : state) {
    benchmark::DoNotOptimize(pointer);
    stitch::rc::incref(pointer);                // atomic fetch_add on shared
    stitch::rc::decref(pointer, never_called);  // CAS loop on shared (count >= 1: subtract)
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_NonOwnerIncrefDecref)->Threads(1)->Threads(2);

std::atomic<std::intptr_t> g_counter{1};

void BM_AtomicFetchAddSubSeqCst(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(g_counter.fetch_add(1, std::memory_order_seq_cst));
    benchmark::DoNotOptimize(g_counter.fetch_sub(1, std::memory_order_seq_cst));
  }
}
BENCHMARK(BM_AtomicFetchAddSubSeqCst)->Threads(1)->Threads(2);

void BM_AtomicFetchAddSubRelaxed(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(g_counter.fetch_add(1, std::memory_order_relaxed));
    benchmark::DoNotOptimize(g_counter.fetch_sub(1, std::memory_order_relaxed));
  }
}
BENCHMARK(BM_AtomicFetchAddSubRelaxed)->Threads(1)->Threads(2);

}  // namespace
