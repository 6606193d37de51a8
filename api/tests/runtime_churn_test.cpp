// A host that creates and shuts down runtimes again and again (one per job, per test, per plugin
// reload) must not grow: everything a runtime made goes with it. Measured as the process's live
// heap bytes where a sanitizer counts them (the system allocator: exact), else as its resident
// memory (mimalloc builds; the heaps are reused, so a leak shows as growth there too).
#include <cstddef>
#include <cstdio>
#include <string>

#include "api_test_support.h"

extern "C" std::size_t __sanitizer_get_current_allocated_bytes() __attribute__((weak));

namespace {

std::size_t memory_in_use() {
  if (__sanitizer_get_current_allocated_bytes != nullptr) return __sanitizer_get_current_allocated_bytes();
  std::FILE* status = std::fopen("/proc/self/status", "r");
  if (status == nullptr) return 0;
  char line[256];
  long kilobytes = 0;
  while (std::fgets(line, sizeof line, status) != nullptr) {
    if (std::sscanf(line, "VmRSS: %ld", &kilobytes) == 1) break;
  }
  std::fclose(status);
  return static_cast<std::size_t>(kilobytes) * 1024;
}

// Classes (cycles: their MRO names them) holding a 160 KB list, instances, a function with a
// nested function and a comprehension (nested code objects), a closure, module globals.
constexpr const char* kProgram =
    "class Base:\n"
    "    def f(self):\n"
    "        return 1\n"
    "class Derived(Base):\n"
    "    big = [0] * 20000\n"
    "    def g(self):\n"
    "        return [i * 2 for i in range(3)]\n"
    "def outer(n):\n"
    "    def inner():\n"
    "        return n\n"
    "    return inner\n"
    "objects = [Derived() for _ in range(100)]\n"
    "total = sum(o.f() + len(o.g()) for o in objects) + outer(5)()\n";

void run_one_runtime() {
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  ASSERT_STITCH_OK(stitch_eval(runtime, "__main__", kProgram));
  EXPECT_EQ(global_int(runtime, "total"), 405);
  ASSERT_STITCH_OK(stitch_thread_detach(runtime));
  ASSERT_STITCH_OK(stitch_runtime_shutdown(runtime, 5000));
}

TEST(ApiRuntimeChurnTest, RuntimesCreatedAndShutDownOneAfterAnotherDoNotGrowTheProcess) {
  // Warm-up: the process-wide parts (interned names, the JIT's hooks, allocator segments).
  for (int i = 0; i < 10; ++i) run_one_runtime();
  const std::size_t before = memory_in_use();
  constexpr int kRuntimes = 100;
  for (int i = 0; i < kRuntimes; ++i) run_one_runtime();
  const std::size_t after = memory_in_use();
  // Each runtime's classes alone hold more than 160 KB: leaking them would add 16 MB. What is
  // allowed is noise: 2 MB in all, 20 KB per runtime.
  const long growth = static_cast<long>(after) - static_cast<long>(before);
  EXPECT_LT(growth, 2L * 1024 * 1024) << "grew by " << growth << " bytes over " << kRuntimes << " runtimes";
}

}  // namespace
