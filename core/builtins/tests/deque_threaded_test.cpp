// One collections.deque shared by 8 threads: producers append and appendleft distinct numbers while
// consumers pop and popleft (retrying on "pop from an empty deque") and a rotating thread turns
// the deque round. Every deque operation is atomic, so every number comes out exactly once and
// nothing is lost or duplicated. TSan-clean.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "core/builtins/builtins_module.h"
#include "core/builtins/modules/native_module.h"
#include "core/import/importer.h"
#include "core/interp/interpreter.h"
#include "core/object/attributes.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/module.h"
#include "core/object/str.h"
#include "core/runtime/runtime.h"

namespace stitch::builtins {
namespace {

#ifdef STITCH_SANITIZER_BUILD
constexpr int kItemsPerProducer = 2000;
#else
constexpr int kItemsPerProducer = 20000;
#endif
constexpr int kProducers = 4;
constexpr int kConsumers = 3;

class DequeThreaded : public ::testing::Test {
 protected:
  void SetUp() override {
    init_object_model();
    interp::init_interpreter();
    imports::init_import_system();
    register_native_modules();
    rt::RuntimeConfig config;
    config.object_dealloc = &dealloc_object;
    auto created = rt::Runtime::create(config);
    ASSERT_TRUE(created);
    runtime_ = std::move(created.value());
    attach();
    builtins_ = Ref::steal(make_builtins_dict());
    ASSERT_TRUE(builtins_);
    importer_ = Ref::steal(imports::importer_new(builtins_.get(), {}));
    ASSERT_TRUE(importer_);
  }
  void TearDown() override {
    EXPECT_EQ(exec_state().exception, nullptr);
    imports::importer_shutdown(importer_.get());
    importer_ = Ref();
    builtins_ = Ref();
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

  std::unique_ptr<rt::Runtime> runtime_;
  Ref builtins_;
  Ref importer_;
};

Ref method(Object* object, const char* name) {
  Ref key = Ref::steal(str_from_utf8(name));
  return Ref::steal(object_getattr(object, key.get()));
}

TEST_F(DequeThreaded, EveryItemComesOutExactlyOnce) {
  Ref module = Ref::steal(imports::import_absolute(static_cast<imports::Importer*>(importer_.get()), "_collections"));
  ASSERT_TRUE(module);
  Ref deque_class = Ref::steal(dict_get_item_str(module_dict(module.get()), "deque"));
  ASSERT_TRUE(deque_class);
  Ref deque = Ref::steal(call_object(deque_class.get(), nullptr, 0, nullptr));
  ASSERT_TRUE(deque);
  Ref append = method(deque.get(), "append");
  Ref appendleft = method(deque.get(), "appendleft");
  Ref pop = method(deque.get(), "pop");
  Ref popleft = method(deque.get(), "popleft");
  Ref rotate = method(deque.get(), "rotate");
  ASSERT_TRUE(append && appendleft && pop && popleft && rotate);

  constexpr int kTotal = kProducers * kItemsPerProducer;
  std::vector<std::atomic<int>> seen(kTotal);
  std::atomic<int> consumed{0};
  std::atomic<int> failures{0};
  std::atomic<bool> done{false};
  std::vector<std::thread> threads;
  detach();
  for (int p = 0; p < kProducers; ++p) {
    threads.emplace_back([&, p] {
      attach();
      Object* target = p % 2 == 0 ? append.get() : appendleft.get();
      for (int i = 0; i < kItemsPerProducer; ++i) {
        Ref value = Ref::steal(int_from_int64(p * kItemsPerProducer + i));
        Object* argument = value.get();
        if (!Ref::steal(call_object(target, &argument, 1, nullptr))) {
          failures++;
          clear_exception();
        }
      }
      detach();
    });
  }
  for (int c = 0; c < kConsumers; ++c) {
    threads.emplace_back([&, c] {
      attach();
      Object* take = c % 2 == 0 ? pop.get() : popleft.get();
      while (consumed.load(std::memory_order_relaxed) < kTotal) {
        Ref item = Ref::steal(call_object(take, nullptr, 0, nullptr));
        if (!item) {
          if (!exception_matches(&index_error_type)) failures++;
          clear_exception();
          std::this_thread::yield();
          continue;
        }
        std::int64_t number = as_int(item.get())->small;
        if (number < 0 || number >= kTotal) {
          failures++;
        } else {
          seen[static_cast<std::size_t>(number)].fetch_add(1, std::memory_order_relaxed);
        }
        consumed.fetch_add(1, std::memory_order_relaxed);
      }
      detach();
    });
  }
  threads.emplace_back([&] {
    attach();
    Ref steps = Ref::steal(int_from_int64(3));
    Object* argument = steps.get();
    while (!done.load(std::memory_order_relaxed)) {
      if (!Ref::steal(call_object(rotate.get(), &argument, 1, nullptr))) {
        failures++;
        clear_exception();
      }
      std::this_thread::yield();
    }
    detach();
  });
  for (int i = 0; i < kProducers + kConsumers; ++i) threads[static_cast<std::size_t>(i)].join();
  done.store(true, std::memory_order_relaxed);
  threads.back().join();
  attach();

  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(consumed.load(), kTotal);
  int wrong = 0;
  for (auto& count : seen) wrong += count.load() != 1;
  EXPECT_EQ(wrong, 0) << "items not seen exactly once";
}

}  // namespace
}  // namespace stitch::builtins
