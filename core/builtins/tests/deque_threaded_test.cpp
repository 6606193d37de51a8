// One collections.deque shared by 8 threads: producers append and appendleft distinct numbers while
// consumers pop and popleft (retrying on "pop from an empty deque") and a rotating thread turns
// the deque round. Every deque operation is atomic, so every number comes out exactly once and
// nothing is lost or duplicated. TSan-clean.
#include <atomic>
#include <thread>
#include <vector>

#include "core/builtins/tests/module_test_support.h"
#include "core/object/int.h"

namespace stitch::builtins {
namespace {

#ifdef STITCH_SANITIZER_BUILD
constexpr int kItemsPerProducer = 2000;
#else
constexpr int kItemsPerProducer = 20000;
#endif
constexpr int kProducers = 4;
constexpr int kConsumers = 3;

using DequeThreaded = NativeModuleTest;

Ref method(Object* object, const char* name) {
  Ref key = Ref::steal(str_from_utf8(name));
  return Ref::steal(object_getattr(object, key.get()));
}

TEST_F(DequeThreaded, EveryItemComesOutExactlyOnce) {
  Ref deque_class = module_attribute("_collections", "deque");
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
