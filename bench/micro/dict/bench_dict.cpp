// Lookups on ONE dict shared by every benchmark thread, from 1 and 2 threads.
//
// What is measured: one iteration = one dict_get_item (the C++ entry point behind `d[k]`,
// `d.get(k)` and global-name lookups) plus the decref of the returned value. Every thread walks
// the same 1024 keys, starting at a different offset, so the threads mostly probe different
// entries but share the dict object, its table and (sometimes) a value. Threads report a
// quiescent state every 64 lookups, as the interpreter does at loop back-edges.
//
// Keys are interned strs (hits by identity, like global and attribute names). Two value kinds:
//   - small ints: immortal, so taking the reference costs nothing: the dict path alone;
//   - floats: every lookup takes a shared (atomic) reference on the value and drops it, as
//     reading a shared object really does.
// Everything is owned by a separate thread (Builder), so no benchmark thread is the owner.
// Scaling from 1 to 2 threads = items_per_second(2 threads) / items_per_second(1 thread),
// with real (wall) time: run on an otherwise idle machine, it is noisy on a shared one.
#include <benchmark/benchmark.h>

#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/object/builtin_types.h"
#include "core/object/dict.h"
#include "core/object/exec_state.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/str.h"
#include "core/runtime/runtime.h"

namespace {

using namespace stitch;

constexpr int kKeys = 1024;

struct Shared {
  std::unique_ptr<rt::Runtime> runtime;
  std::vector<Object*> keys;  // owned, interned
  Object* int_dict = nullptr;
  Object* float_dict = nullptr;
};
Shared shared_state;

// Attaches the benchmark thread for one run (and detaches it at the end).
class Attached {
 public:
  Attached() {
    auto attached = shared_state.runtime->attach_current_thread();
    if (!attached) std::abort();
    exec_state().thread = *attached;
  }
  ~Attached() {
    exec_state().thread = nullptr;
    if (!shared_state.runtime->detach_current_thread().is_ok()) std::abort();
  }
  Attached(const Attached&) = delete;
  Attached& operator=(const Attached&) = delete;
};

void run_lookups(benchmark::State& state, Object* dict) {
  Attached attached;
  rt::ThreadState* thread = exec_state().thread;
  int position = (state.thread_index() * kKeys / 2) % kKeys;
  int until_safepoint = 64;
  for (auto _ : state) {
    Object* value = dict_get_item(dict, shared_state.keys[static_cast<std::size_t>(position)]);
    if (value == nullptr) {
      state.SkipWithError("missing key");
      break;
    }
    benchmark::DoNotOptimize(value);
    decref(value);
    position = (position + 1) & (kKeys - 1);
    if (--until_safepoint == 0) {
      until_safepoint = 64;
      (void)thread->safepoint();
    }
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_SharedDictLookup_ImmortalValues(benchmark::State& state) { run_lookups(state, shared_state.int_dict); }
void BM_SharedDictLookup_SharedValues(benchmark::State& state) { run_lookups(state, shared_state.float_dict); }

BENCHMARK(BM_SharedDictLookup_ImmortalValues)->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(BM_SharedDictLookup_SharedValues)->Threads(1)->Threads(2)->UseRealTime();

bool build_dicts() {
  shared_state.int_dict = dict_new();
  shared_state.float_dict = dict_new();
  if (shared_state.int_dict == nullptr || shared_state.float_dict == nullptr) return false;
  for (int i = 0; i < kKeys; ++i) {
    Object* key = str_intern("name_" + std::to_string(i));
    Object* small = int_from_int64(i % 1000);
    Object* number = float_from_double(i + 0.5);
    if (key == nullptr || small == nullptr || number == nullptr) return false;
    shared_state.keys.push_back(key);
    if (dict_set_item(shared_state.int_dict, key, small) < 0) return false;
    if (dict_set_item(shared_state.float_dict, key, number) < 0) return false;
    decref(small);
    decref(number);
  }
  return true;
}

// The dicts, keys and values are made by a separate thread that stays alive (detached) for the
// whole run, so that no benchmark thread owns them: every lookup takes the non-owner path, as
// when threads really share a dict (the owner's path is cheaper and would flatter 1 thread).
class Builder {
 public:
  Builder() {
    thread_ = std::thread([this] {
      {
        Attached attached;
        ok_ = build_dicts();
      }
      std::unique_lock lock(mutex_);
      built_ = true;
      changed_.notify_all();
      changed_.wait(lock, [this] { return stopping_; });
      Attached attached;  // drop everything from the owner thread
      decref(shared_state.int_dict);
      decref(shared_state.float_dict);
      for (Object* key : shared_state.keys) decref(key);
    });
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return built_; });
  }
  ~Builder() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
  Builder(const Builder&) = delete;
  Builder& operator=(const Builder&) = delete;
  bool ok() const { return ok_; }

 private:
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool built_ = false;
  bool stopping_ = false;
  bool ok_ = false;
};

}  // namespace

int main(int argc, char** argv) {
  init_object_model();
  rt::RuntimeConfig config;
  config.object_dealloc = &dealloc_object;
  auto created = rt::Runtime::create(config);
  if (!created) return 1;
  shared_state.runtime = std::move(created.value());
  {
    Builder builder;
    if (!builder.ok()) {
      std::fprintf(stderr, "bench_dict: building the dicts failed\n");
      return 1;
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
  }
  return shared_state.runtime->shutdown(std::chrono::seconds(5)).is_ok() ? 0 : 1;
}
