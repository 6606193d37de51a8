// Example: a std::thread host. 8 threads each call a script function N times (default 10,000),
// on shared data (a dict updated under a script lock, a read-only table) and on private data (a
// list per thread). The host checks every result and the shared totals at the end.
//
// Usage: stitch_example_thread_host [calls_per_thread]
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "stitch/stitch.hpp"

namespace {

constexpr int kThreads = 8;

constexpr const char* kScript = R"(
import threading

table = [n * 3 for n in range(64)]   # shared, read-only
totals = {}                           # shared, updated under a lock
totals_lock = threading.Lock()

def step(worker, private, i):
    value = table[i % 64]
    private.append(value)             # private: only this worker's list
    with totals_lock:
        totals[worker] = totals.get(worker, 0) + value
    return len(private)

def total(worker):
    return totals.get(worker, 0)
)";

// Runs one worker; returns the sum of the table values it used (the host's own bookkeeping).
long long work(stitch::Runtime& runtime, int worker, int calls, std::string& failure) {
  long long expected = 0;
  try {
    stitch::Attached attached(runtime);  // attach once per thread, for the whole loop
    stitch::Value private_list = stitch::Value::list(runtime);
    for (int i = 0; i < calls; ++i) {
      std::int64_t length = runtime.call("__main__", "step", worker, private_list, i).to_int();
      if (length != i + 1) throw std::runtime_error("private list has the wrong length");
      expected += (i % 64) * 3;
    }
    if (private_list.size() != static_cast<std::size_t>(calls)) throw std::runtime_error("private list size");
    if (private_list[calls - 1].to_int() != ((calls - 1) % 64) * 3) throw std::runtime_error("private list content");
  } catch (const std::exception& error) {
    failure = "worker " + std::to_string(worker) + ": " + error.what();
  }
  return expected;
}

}  // namespace

int main(int argc, char** argv) {
  int calls = argc > 1 ? std::atoi(argv[1]) : 10000;
  try {
    stitch::Runtime runtime;
    {
      stitch::Attached attached(runtime);
      runtime.eval(kScript);
    }
    std::vector<std::thread> threads;
    std::vector<long long> expected(kThreads);
    std::vector<std::string> failures(kThreads);
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] { expected[t] = work(runtime, t, calls, failures[t]); });
    }
    for (std::thread& thread : threads) thread.join();
    stitch::Attached attached(runtime);
    for (int t = 0; t < kThreads; ++t) {
      if (!failures[t].empty()) {
        std::fprintf(stderr, "%s\n", failures[t].c_str());
        return 1;
      }
      std::int64_t total = runtime.call("__main__", "total", t).to_int();
      if (total != expected[t]) {
        std::fprintf(stderr, "worker %d: shared total %lld, expected %lld\n", t, static_cast<long long>(total),
                     expected[t]);
        return 1;
      }
    }
    std::printf("thread_host: %d threads x %d calls, totals match\n", kThreads, calls);
  } catch (const stitch::Error& error) {
    std::fprintf(stderr, "%s\n%s", error.what(), error.traceback().c_str());
    return 1;
  }
  return 0;
}
