// The module-level random generator shared by 8 threads: every call draws a contiguous run of the
// generator (its lock serializes the engine), so the values all threads got are exactly the first
// N values of the same seed's single-threaded sequence, in some interleaving. TSan-clean.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "core/builtins/builtins_module.h"
#include "core/builtins/modules/native_module.h"
#include "core/import/importer.h"
#include "core/interp/interpreter.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/dict.h"
#include "core/object/exec_state.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/attributes.h"
#include "core/object/module.h"
#include "core/object/str.h"
#include "core/runtime/runtime.h"
#include "core/builtins/tests/module_test_support.h"

namespace stitch::builtins {
namespace {

#ifdef STITCH_SANITIZER_BUILD
constexpr int kCalls = 2000;
#else
constexpr int kCalls = 20000;
#endif
constexpr int kThreads = 8;

// The shared runtime, builtins and importer set-up of module_test_support.h.
class RandomModuleThreaded : public NativeModuleTest {
 protected:
  Ref function(Object* module, const char* name) {
    return Ref::steal(dict_get_item_str(module_dict(module), name));
  }
};

TEST_F(RandomModuleThreaded, SharedGeneratorHandsOutOneSequence) {
  Ref module = Ref::steal(imports::import_absolute(static_cast<imports::Importer*>(importer_.get()), "random"));
  ASSERT_TRUE(module);
  Ref seed = function(module.get(), "seed");
  Ref random = function(module.get(), "random");
  ASSERT_TRUE(seed && random);
  Ref seed_value = Ref::steal(int_from_int64(12345));
  Object* seed_argument = seed_value.get();
  ASSERT_TRUE(Ref::steal(call_object(seed.get(), &seed_argument, 1, nullptr)));

  std::vector<std::vector<double>> drawn(kThreads);
  std::atomic<int> ready{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  detach();
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      attach();
      ready.fetch_add(1, std::memory_order_relaxed);
      while (ready.load(std::memory_order_relaxed) < kThreads) std::this_thread::yield();
      for (int i = 0; i < kCalls; ++i) {
        Ref value = Ref::steal(call_object(random.get(), nullptr, 0, nullptr));
        if (!value) {
          failures++;
          clear_exception();
          continue;
        }
        drawn[t].push_back(float_value(value.get()));
      }
      detach();
    });
  }
  for (auto& thread : threads) thread.join();
  attach();
  EXPECT_EQ(failures.load(), 0);

  // The same seed on a fresh Random object, single-threaded.
  Ref random_class = function(module.get(), "Random");
  Ref reference = Ref::steal(call_object(random_class.get(), &seed_argument, 1, nullptr));
  ASSERT_TRUE(reference);
  std::vector<double> expected;
  std::vector<double> actual;
  for (int i = 0; i < kThreads * kCalls; ++i) {
    Ref method = Ref::steal(object_getattr(reference.get(), str_intern("random")));
    ASSERT_TRUE(method);
    Ref value = Ref::steal(call_object(method.get(), nullptr, 0, nullptr));
    ASSERT_TRUE(value);
    expected.push_back(float_value(value.get()));
  }
  for (const auto& values : drawn) actual.insert(actual.end(), values.begin(), values.end());
  std::sort(expected.begin(), expected.end());
  std::sort(actual.begin(), actual.end());
  EXPECT_EQ(actual, expected);
}

}  // namespace
}  // namespace stitch::builtins
