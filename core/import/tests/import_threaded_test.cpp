// Many threads import the same slow module at once: its body runs exactly once, and every thread
// gets the fully initialized module (the others wait for the loader). Threads importing the two
// halves of a circular import at once finish instead of deadlocking.
#include "core/import/tests/import_test_support.h"

#include "core/object/call.h"
#include "core/object/int.h"
#include "core/object/singletons.h"

namespace stitch::imports {
namespace {

constexpr int kThreads = 8;

std::atomic<int> body_runs{0};

Object* record_run(Object*, Object* const*, std::size_t, Object*) {
  body_runs.fetch_add(1, std::memory_order_relaxed);
  return new_ref(none());
}
const MethodDef probe_functions[] = {{"ran", record_run, MethodDef::kStatic}, {nullptr, nullptr}};

int init_probe(Object* module, Object*) {
  Ref function = Ref::steal(builtin_function_new(&probe_functions[0], nullptr, "probe"));
  return function ? dict_set_item_str(module_dict(module), "ran", function.get()) : -1;
}

class ImportThreaded : public ImportTest {
 protected:
  template <class Body>
  void run_threads(Body body) {
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    detach();  // the main thread only waits: it must not hold up stop-the-world requests
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        attach();
        ready.fetch_add(1, std::memory_order_relaxed);
        while (ready.load(std::memory_order_relaxed) < kThreads) std::this_thread::yield();
        body(t);
        detach();
      });
    }
    for (auto& thread : threads) thread.join();
    attach();
  }
};

TEST_F(ImportThreaded, SlowModuleRunsOnce) {
  register_native_module("probe", init_probe);
  body_runs.store(0);
  write("slow.py",
        "import probe\n"
        "probe.ran()\n"
        "total = 0\n"
        "for i in range(200000):\n"
        "    total += i\n"
        "done = True\n");
  std::atomic<int> failures{0};
  std::vector<Object*> seen(kThreads, nullptr);
  run_threads([&](int t) {
    Ref module = import("slow");
    if (!module) {
      clear_exception();
      failures++;
      return;
    }
    seen[t] = module.get();
    if (attribute_text(module.get(), "done") != "True" || attribute_text(module.get(), "total") != "19999900000") {
      failures++;
    }
  });
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(body_runs.load(), 1);
  for (Object* module : seen) EXPECT_EQ(module, seen[0]);
}

TEST_F(ImportThreaded, CircularImportsFromTwoThreadsDoNotDeadlock) {
  write("left.py", "total = 0\nfor i in range(20000):\n    total += i\nimport right\nLEFT = 1\n");
  write("right.py", "total = 0\nfor i in range(20000):\n    total += i\nimport left\nRIGHT = 1\n");
  std::atomic<int> failures{0};
  run_threads([&](int t) {
    Ref module = import(t % 2 == 0 ? "left" : "right");
    if (!module) {
      clear_exception();
      failures++;
    }
  });
  EXPECT_EQ(failures.load(), 0);
  Ref left = import("left");
  Ref right = import("right");
  ASSERT_TRUE(left && right);
  EXPECT_EQ(attribute_text(left.get(), "LEFT"), "1");
  EXPECT_EQ(attribute_text(right.get(), "RIGHT"), "1");
}

}  // namespace
}  // namespace stitch::imports
