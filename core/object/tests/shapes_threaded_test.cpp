// Threads racing on instance attributes stored through shapes: writers growing one shared instance
// in different attribute orders while readers read it (and one thread switches it to dict mode, or
// assigns it a new __dict__), and threads building private instances concurrently, which must end
// up sharing one shape per attribute order. Every read sees a value some thread wrote (never a freed or torn one); after the
// join every attribute holds one of its written values. Run under the tsan preset (label `threaded`).
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "core/object/attributes.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/class_type.h"
#include "core/object/dict.h"
#include "core/object/exec_state.h"
#include "core/object/instance_attributes.h"
#include "core/object/int.h"
#include "core/object/shape.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/tests/object_test_support.h"
#include "core/runtime/runtime.h"

namespace stitch {
namespace {

#ifdef STITCH_SANITIZER_BUILD
constexpr int kRounds = 300;
#else
constexpr int kRounds = 3000;
#endif
constexpr int kThreads = 8;
constexpr int kNames = 12;
constexpr std::int64_t kBase = std::int64_t{1} << 40;  // big ints: fresh heap objects

class ShapesThreaded : public testing::ObjectTest {
 protected:
  void SetUp() override {
    ObjectTest::SetUp();
    for (int i = 0; i < kNames; ++i) names_.push_back(str_intern("attr" + std::to_string(i)));
  }
  template <class Body>
  void run_threads(Body body) {
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        attach();
        ready.fetch_add(1, std::memory_order_relaxed);
        while (ready.load(std::memory_order_relaxed) < kThreads) std::this_thread::yield();
        body(t);
        // Quiescent before leaving, so retired blocks of this thread can be reclaimed.
        (void)exec_state().thread->safepoint();
        detach();
      });
    }
    for (auto& thread : threads) thread.join();
  }
  Ref make_class(const char* name) {
    Ref bases = Ref::steal(tuple_new_uninitialized(0));
    Ref dict = Ref::steal(dict_new());
    Ref name_object = Ref::steal(str_from_utf8(name));
    return Ref::steal(type_new_class(name_object.get(), bases.get(), dict.get()));
  }
  // Name `i` in thread t's order: even threads go forwards, odd threads backwards.
  Object* name_for(int t, int i) const { return names_[t % 2 == 0 ? i : kNames - 1 - i]; }
  // Values of name i are kBase + i * 1000000 + anything below 1000000.
  static bool plausible(Object* value, int i) {
    if (value == nullptr || !is_int(value)) return false;
    std::int64_t v = as_int(value)->small;
    return v >= kBase + i * 1000000 && v < kBase + (i + 1) * 1000000;
  }
  int index_of(Object* name) const {
    for (int i = 0; i < kNames; ++i) {
      if (names_[i] == name) return i;
    }
    return -1;
  }

  std::vector<Object*> names_;
};

TEST_F(ShapesThreaded, WritersGrowASharedInstanceWhileReadersRead) {
  // Mode 0: values blocks only; 1: one reader takes __dict__ midway (switch to dict mode); 2: one
  // reader assigns a new __dict__ (holding every name) midway.
  for (int mode : {0, 1, 2}) {
    Ref klass = make_class("Shared");
    Ref instance = Ref::steal(call_object(klass.get(), nullptr, 0, nullptr));
    ASSERT_TRUE(instance);
    std::atomic<int> bad{0};
    run_threads([&](int t) {
      for (int round = 0; round < kRounds; ++round) {
        if (t < kThreads / 2) {
          for (int i = 0; i < kNames; ++i) {
            Object* name = name_for(t, i);
            int index = index_of(name);
            Ref value = Ref::steal(int_from_int64(kBase + index * 1000000 + round * 10 + t));
            if (object_setattr(instance.get(), name, value.get()) < 0) bad.fetch_add(1);
          }
        } else {
          for (int i = 0; i < kNames; ++i) {
            Object* name = name_for(t, i);
            Ref value = Ref::steal(object_lookup_attr(instance.get(), name));
            if (has_exception()) {
              clear_exception();
              bad.fetch_add(1);
            } else if (value && !plausible(value.get(), index_of(name))) {
              bad.fetch_add(1);
            }
          }
          if (mode == 1 && t == kThreads - 1 && round == kRounds / 2) {
            Ref dict = Ref::steal(object_getattr(instance.get(), str_intern("__dict__")));
            if (!dict) bad.fetch_add(1);
          }
          if (mode == 2 && t == kThreads - 1 && round == kRounds / 2) {
            Ref dict = Ref::steal(dict_new());
            for (int i = 0; i < kNames; ++i) {
              Ref value = Ref::steal(int_from_int64(kBase + i * 1000000 + 999999));
              if (dict_set_item(dict.get(), names_[i], value.get()) < 0) bad.fetch_add(1);
            }
            if (object_setattr(instance.get(), str_intern("__dict__"), dict.get()) < 0) bad.fetch_add(1);
          }
        }
        // A safepoint: lets QSBR reclaim the blocks other threads retired.
        if (round % 16 == 0) (void)exec_state().thread->safepoint();
      }
    });
    EXPECT_EQ(bad.load(), 0) << "mode " << mode;
    for (int i = 0; i < kNames; ++i) {
      Ref value = Ref::steal(object_getattr(instance.get(), names_[i]));
      EXPECT_TRUE(plausible(value.get(), i)) << "mode " << mode << ", name " << i;
    }
    Ref dict = Ref::steal(object_getattr(instance.get(), str_intern("__dict__")));
    ASSERT_TRUE(dict);
    EXPECT_EQ(dict_size(dict.get()), kNames);
  }
}

TEST_F(ShapesThreaded, PrivateInstancesShareOneShapePerOrder) {
  Ref klass = make_class("Private");
  std::vector<std::atomic<const Shape*>> shapes(kThreads);
  std::atomic<int> bad{0};
  run_threads([&](int t) {
    for (int round = 0; round < kRounds; ++round) {
      Ref instance = Ref::steal(call_object(klass.get(), nullptr, 0, nullptr));
      if (!instance) {
        bad.fetch_add(1);
        continue;
      }
      for (int i = 0; i < kNames; ++i) {
        Object* name = name_for(t, i);
        Ref value = Ref::steal(int_from_int64(kBase + index_of(name) * 1000000 + round));
        if (object_setattr(instance.get(), name, value.get()) < 0) bad.fetch_add(1);
      }
      for (int i = 0; i < kNames; ++i) {
        Ref value = Ref::steal(object_getattr(instance.get(), names_[i]));
        if (!value || as_int(value.get())->small != kBase + i * 1000000 + round) bad.fetch_add(1);
      }
      const Shape* shape = instance_shape(instance_dict_slot(instance.get()));
      if (shape == nullptr || shape->size != kNames) bad.fetch_add(1);
      if (round == 0) {
        shapes[t].store(shape, std::memory_order_relaxed);
      } else if (shape != shapes[t].load(std::memory_order_relaxed)) {
        bad.fetch_add(1);
      }
    }
  });
  EXPECT_EQ(bad.load(), 0);
  for (int t = 0; t < kThreads; ++t) {
    // One shape per order: every even thread got the forward shape, every odd one the backward one.
    EXPECT_EQ(shapes[t].load(), shapes[t % 2].load()) << t;
  }
  EXPECT_NE(shapes[0].load(), shapes[1].load());
}

}  // namespace
}  // namespace stitch
