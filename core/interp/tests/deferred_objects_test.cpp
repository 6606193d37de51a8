// Which objects the runtime counts per thread (refcount/deferred.h), and that their counts stay
// exact when many threads call the same function and instantiate the same class at once.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "core/interp/class_support.h"
#include "core/interp/tests/interp_test_support.h"
#include "core/object/call.h"
#include "core/object/class_type.h"
#include "core/object/function.h"
#include "core/object/int.h"
#include "core/object/list.h"

namespace stitch::interp {
namespace {

#ifdef STITCH_SANITIZER_BUILD
constexpr int kCalls = 2000;
#else
constexpr int kCalls = 20000;
#endif
constexpr int kThreads = 8;

// The fixture's builtins, plus __build_class__ for class statements.
class DeferredObjectsTest : public testing::InterpreterTest {
 protected:
  void SetUp() override {
    testing::InterpreterTest::SetUp();
    Ref build_class = Ref::steal(builtin_function_new(build_class_builtin(), nullptr, "builtins"));
    ASSERT_TRUE(build_class);
    ASSERT_EQ(dict_set_item_str(builtins_.get(), "__build_class__", build_class.get()), 0);
    Ref name = Ref::steal(str_from_utf8("deferred_test"));  // classes take __module__ from it
    ASSERT_EQ(dict_set_item_str(globals_.get(), "__name__", name.get()), 0);
  }
};

TEST_F(DeferredObjectsTest, TopLevelFunctionsAndClassesAreDeferredClosuresAndLambdasAreNot) {
  ASSERT_TRUE(run("def make():\n"
                  "    def inner():\n"
                  "        return 1\n"
                  "    return inner\n"
                  "short = lambda: 2\n"
                  "class Point:\n"
                  "    def norm(self):\n"
                  "        return 3\n"
                  "inner = make()\n"
                  "point = Point()\n"));
  Ref make = global("make");
  Ref point_class = global("Point");
  ASSERT_TRUE(make && point_class);
  EXPECT_TRUE(is_deferred(make.get()));
  EXPECT_TRUE(is_deferred(point_class.get()));
  auto* type = static_cast<TypeObject*>(point_class.get());
  EXPECT_TRUE(is_deferred(type->dict));
  EXPECT_TRUE(is_deferred(type->mro));
  Ref norm = Ref::steal(dict_get_item_str(type->dict, "norm"));
  ASSERT_TRUE(norm);
  EXPECT_TRUE(is_deferred(norm.get()));  // a method defined in a top-level class

  // Made per call or per evaluation: these must die when dropped, so they stay ordinary.
  EXPECT_FALSE(is_deferred(global("inner").get()));
  EXPECT_FALSE(is_deferred(global("short").get()));
  EXPECT_FALSE(is_deferred(global("point").get()));
}

// 8 threads call one module function and instantiate one class 20 000 times each (every call
// and instance increments and decrements the function's and the class's counts on that thread),
// and keep some instances that the main thread drops later (counts that balance only across
// threads). Afterwards the sweep must find exact totals: nothing over-released, the function and
// the class still referenced by the module (not freed), and both still usable.
TEST_F(DeferredObjectsTest, CountsStayExactWhenThreadsShareFunctionsAndClasses) {
  ASSERT_TRUE(run("class Pair:\n"
                  "    def __init__(self, a, b):\n"
                  "        self.a = a\n"
                  "        self.b = b\n"
                  "kept = []\n"
                  "def step(value):\n"
                  "    pair = Pair(value, 1)\n"
                  "    if value % 100 == 0:\n"
                  "        kept.append(Pair(value, 0))\n"
                  "    return pair.a + pair.b\n"));
  Ref step = global("step");
  ASSERT_TRUE(step);
  ASSERT_TRUE(is_deferred(step.get()));
  const rc::Domain::Stats before = runtime_->refcount_domain().stats();
  EXPECT_GT(before.deferred_live, 0u);

  std::atomic<int> ready{0};
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      auto attached = runtime_->attach_current_thread();
      ASSERT_TRUE(attached);
      exec_state().thread = *attached;
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      for (int i = 0; i < kCalls; ++i) {
        Ref argument = Ref::steal(int_from_int64(i));
        Object* args[1] = {argument.get()};
        Ref result = Ref::steal(call_object(step.get(), args, 1, nullptr));
        if (!result || !int_is_small(result.get()) || as_int(result.get())->small != i + 1) wrong.fetch_add(1);
        if (!result) clear_exception();
      }
      exec_state().thread = nullptr;
      ASSERT_TRUE(runtime_->detach_current_thread().is_ok());
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
  // The kept instances were made (class count +1) on the workers and die here (-1 on this
  // thread): only folding every thread's counts balances the class's total.
  EXPECT_EQ(list_size(as_list(global("kept").get())), kThreads * ((kCalls + 99) / 100));
  ASSERT_TRUE(run("kept.clear()\n"));

  // The workers have exited (their counts are folded); this thread is the only one attached.
  runtime_->refcount_domain().release_deferred();
  const rc::Domain::Stats after = runtime_->refcount_domain().stats();
  EXPECT_EQ(after.deferred_miscounted, 0u);
  EXPECT_EQ(after.deferred_live, 0u);
  EXPECT_FALSE(is_deferred(step.get()));  // an ordinary object now, with its exact count
  Ref argument = Ref::steal(int_from_int64(41));
  Object* args[1] = {argument.get()};
  Ref result = Ref::steal(call_object(step.get(), args, 1, nullptr));
  ASSERT_TRUE(result);
  EXPECT_EQ(as_int(result.get())->small, 42);
}

}  // namespace
}  // namespace stitch::interp
