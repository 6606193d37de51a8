// Threads racing on one dict and one set: 8 threads insert, delete and look up keys at the same
// time; the per-object critical sections must keep the tables consistent (checked at the end) and
// ThreadSanitizer must see no data race.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <thread>
#include <vector>

#include "core/object/builtin_types.h"
#include "core/object/dict.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/set.h"
#include "core/runtime/runtime.h"

namespace stitch {
namespace {

#ifdef STITCH_SANITIZER_BUILD
constexpr int kRounds = 2000;
#else
constexpr int kRounds = 20000;
#endif
constexpr int kThreads = 8;
constexpr std::int64_t kSharedKeys = 64;

class MappingsThreaded : public ::testing::Test {
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
  // Runs `body(thread_index)` on kThreads attached threads at once.
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

// Each thread owns keys t*1e6 + i (inserted, then every other one deleted) and also hammers a
// shared key range that everyone sets, reads and deletes.
TEST_F(MappingsThreaded, DictInsertDeleteLookup) {
  Ref dict = Ref::steal(dict_new());
  std::atomic<int> failures{0};
  run_threads([&](int t) {
    for (int i = 0; i < kRounds; ++i) {
      Ref own = Ref::steal(int_from_int64(t * 1'000'000 + i));
      if (dict_set_item(dict.get(), own.get(), own.get()) != 0) failures++;
      Ref shared = Ref::steal(int_from_int64(2'000'000'000 + (i % kSharedKeys)));
      if (dict_set_item(dict.get(), shared.get(), own.get()) != 0) failures++;
      Ref seen = Ref::steal(dict_get_item(dict.get(), own.get()));
      if (seen.get() != own.get()) failures++;  // our own key is never deleted by others
      if (i % 2 == 0 && dict_del_item(dict.get(), own.get()) != 0) failures++;
      if (i % 3 == 0) {
        if (dict_del_item(dict.get(), shared.get()) != 0) clear_exception();  // may be gone already
      }
      Ref maybe = Ref::steal(dict_get_item(dict.get(), shared.get()));
      if (!maybe && has_exception()) failures++;
    }
  });
  EXPECT_EQ(failures.load(), 0);
  // Every thread's odd keys are present with themselves as value; even ones are gone.
  std::int64_t own_keys = 0;
  std::int64_t position = 0;
  Object* key = nullptr;
  Object* value = nullptr;
  while (dict_next(dict.get(), &position, &key, &value)) {
    std::int64_t number = as_int(key)->small;
    if (number >= 2'000'000'000) continue;
    EXPECT_EQ(number % 2, 1);
    EXPECT_EQ(key, value);
    ++own_keys;
  }
  EXPECT_EQ(own_keys, kThreads * (kRounds / 2));
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 1; i < kRounds; i += 2) {
      Ref own = Ref::steal(int_from_int64(t * 1'000'000 + i));
      EXPECT_EQ(dict_contains(dict.get(), own.get()), 1);
    }
  }
  EXPECT_LE(dict_size(dict.get()), own_keys + kSharedKeys);
  EXPECT_GE(dict_size(dict.get()), own_keys);
}

TEST_F(MappingsThreaded, SetAddDiscardContains) {
  Ref set = Ref::steal(set_new(nullptr));
  std::atomic<int> failures{0};
  run_threads([&](int t) {
    for (int i = 0; i < kRounds; ++i) {
      Ref own = Ref::steal(int_from_int64(t * 1'000'000 + i));
      if (set_add(set.get(), own.get()) != 0) failures++;
      if (set_contains(set.get(), own.get()) != 1) failures++;
      if (i % 2 == 0 && set_discard(set.get(), own.get()) != 1) failures++;
    }
  });
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(set_size(set.get()), kThreads * (kRounds / 2));
  std::int64_t position = 0;
  Object* key = nullptr;
  std::int64_t count = 0;
  while (set_next(set.get(), &position, &key)) {
    EXPECT_EQ(as_int(key)->small % 2, 1);
    ++count;
  }
  EXPECT_EQ(count, kThreads * (kRounds / 2));
}

}  // namespace
}  // namespace stitch
