// Threads reading a class's and an instance's attributes while other threads rewrite them: every
// read sees one of the values written (never a freed or torn one), and the class version only
// grows. Run under the tsan preset (label `threaded`).
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "core/object/attributes.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/class_type.h"
#include "core/object/dict.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/runtime/runtime.h"

namespace stitch {
namespace {

#ifdef STITCH_SANITIZER_BUILD
constexpr int kRounds = 2000;
#else
constexpr int kRounds = 20000;
#endif
constexpr int kThreads = 8;

class ClassesThreaded : public ::testing::Test {
 protected:
  void SetUp() override {
    init_object_model();
    rt::RuntimeConfig config;
    config.object_dealloc = &dealloc_object;
    auto created = rt::Runtime::create(config);
    ASSERT_TRUE(created);
    runtime_ = std::move(created.value());
    attach();
  }
  void TearDown() override {
    EXPECT_EQ(exec_state().exception, nullptr);
    detach();
    ASSERT_TRUE(runtime_->shutdown(std::chrono::seconds(5)).is_ok());
  }
  void attach() {
    auto attached = runtime_->attach_current_thread();
    ASSERT_TRUE(attached);
    exec_state().thread = *attached;
  }
  void detach() {
    exec_state().thread = nullptr;
    ASSERT_TRUE(runtime_->detach_current_thread().is_ok());
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
        detach();
      });
    }
    for (auto& thread : threads) thread.join();
  }
  std::unique_ptr<rt::Runtime> runtime_;
};

TEST_F(ClassesThreaded, ReadersAndWritersOfClassAndInstanceAttributes) {
  Ref name = Ref::steal(str_from_utf8("C"));
  Ref bases = Ref::steal(tuple_new_uninitialized(0));
  Ref namespace_dict = Ref::steal(dict_new());
  Ref start = Ref::steal(int_from_int64(1000000));
  ASSERT_EQ(dict_set_item_str(namespace_dict.get(), "shared", start.get()), 0);
  Ref klass = Ref::steal(type_new_class(name.get(), bases.get(), namespace_dict.get()));
  ASSERT_TRUE(klass);
  Ref instance = Ref::steal(call_object(klass.get(), nullptr, 0, nullptr));
  ASSERT_TRUE(instance);
  Ref shared = Ref::steal(str_intern("shared"));
  Ref own = Ref::steal(str_intern("own"));
  auto* type = static_cast<TypeObject*>(klass.get());
  std::atomic<int> bad_reads{0};

  run_threads([&](int t) {
    std::uint32_t last_version = 0;
    for (int i = 0; i < kRounds; ++i) {
      if (t % 2 == 0) {
        // Big ints: fresh heap objects, so a use-after-free would show under the sanitizers.
        Ref value = Ref::steal(int_from_int64(1000000 + i));
        if (object_setattr(klass.get(), shared.get(), value.get()) < 0) bad_reads.fetch_add(1);
        if (object_setattr(instance.get(), own.get(), value.get()) < 0) bad_reads.fetch_add(1);
      } else {
        Ref from_class = Ref::steal(object_getattr(instance.get(), shared.get()));
        if (!from_class || !is_int(from_class.get())) bad_reads.fetch_add(1);
        Ref from_instance = Ref::steal(object_lookup_attr(instance.get(), own.get()));
        if (from_instance && !is_int(from_instance.get())) bad_reads.fetch_add(1);
        clear_exception();
        std::uint32_t version = type->version.load(std::memory_order_acquire);
        if (version < last_version) bad_reads.fetch_add(1);
        last_version = version;
      }
    }
  });
  EXPECT_EQ(bad_reads.load(), 0);
}

}  // namespace
}  // namespace stitch
