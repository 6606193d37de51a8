// Example: a oneTBB host. A task_scheduler_observer attaches every thread that enters the default
// task arena to the runtime and detaches it when it leaves, so tasks can call scripts directly. A
// parallel_for then calls a script function for every index and the host checks each result.
//
// Usage: stitch_example_tbb_host [items]
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_scheduler_observer.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <vector>

#include "stitch/stitch.hpp"

namespace {

// Attaches arena threads on entry and detaches them on exit. Attaching is cheap after the first
// time (the per-thread state is kept), so workers that come and go cost little.
class AttachObserver : public tbb::task_scheduler_observer {
 public:
  explicit AttachObserver(stitch_runtime* runtime) : runtime_(runtime) {
    observe(true);
  }
  ~AttachObserver() override { observe(false); }
  void on_scheduler_entry(bool) override {
    if (stitch_thread_attach(runtime_) != STITCH_OK) failures_.fetch_add(1);
    entries_.fetch_add(1);
  }
  void on_scheduler_exit(bool) override {
    if (stitch_thread_detach(runtime_) != STITCH_OK) failures_.fetch_add(1);
    exits_.fetch_add(1);
  }
  int failures() const { return failures_.load(); }
  /// Attaches not undone yet: 0 once every thread left the arena.
  int still_attached() const { return entries_.load() - exits_.load(); }

 private:
  stitch_runtime* runtime_;
  std::atomic<int> failures_{0};
  std::atomic<int> entries_{0};
  std::atomic<int> exits_{0};
};

}  // namespace

int main(int argc, char** argv) {
  int items = argc > 1 ? std::atoi(argv[1]) : 20000;
  // Joins the worker threads before the runtime shuts down, so every on_scheduler_exit has run.
  tbb::task_scheduler_handle workers{tbb::attach{}};
  int bad = 0;
  int observer_failures = 0;
  try {
    stitch::Runtime runtime;
    {
      stitch::Attached attached(runtime);
      runtime.eval("def square_plus(n, k):\n    return n * n + k\n");
    }
    std::vector<std::int64_t> results(items, -1);
    {
      tbb::global_control threads(tbb::global_control::max_allowed_parallelism, 2);  // a small machine
      AttachObserver observer(runtime);  // observes the default arena: every thread running tasks
      tbb::parallel_for(0, items, [&](int i) {
        results[i] = runtime.call("__main__", "square_plus", i, 7).to_int();
      });
      // Workers may linger in the arena after the work is done. finalize() waits for them to
      // leave and exit, while the observer still sees them go (on_scheduler_exit detaches them).
      if (!tbb::finalize(workers, std::nothrow)) {
        std::fprintf(stderr, "tbb_host: tbb::finalize failed\n");
        return 1;
      }
      observer_failures = observer.failures() + observer.still_attached();
    }
    for (int i = 0; i < items; ++i) {
      if (results[i] != static_cast<std::int64_t>(i) * i + 7) ++bad;
    }
    runtime.shutdown(5000);  // nobody is attached any more: returns at once
  } catch (const std::exception& error) {
    std::fprintf(stderr, "tbb_host: %s\n", error.what());
    return 1;
  }
  if (bad != 0 || observer_failures != 0) {
    std::fprintf(stderr, "tbb_host: %d wrong results, %d attach/detach failures or threads left attached\n", bad, observer_failures);
    return 1;
  }
  std::printf("tbb_host: %d script calls over a TBB arena, all correct\n", items);
  return 0;
}
