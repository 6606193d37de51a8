// One list shared by 8 threads that append, pop, index, iterate, insert and sort it at the same
// time. Every operation must stay atomic: afterwards the list holds exactly the items that were
// appended and not popped (checked by count and by sum), and no reader ever saw a torn item.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

#include "core/object/builtin_types.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/iterators.h"
#include "core/object/list.h"
#include "core/runtime/runtime.h"

namespace stitch {
namespace {

#ifdef STITCH_SANITIZER_BUILD
constexpr int kIterations = 300;
#else
constexpr int kIterations = 4000;
#endif
constexpr int kThreads = 8;
constexpr std::int64_t kValueBase = 1'000'000;  // values are heap ints (not cached immortals)

NativeMethod list_method(const char* name) {
  for (const MethodDef* def = list_type.methods; def->name != nullptr; ++def) {
    if (std::strcmp(def->name, name) == 0) return def->function;
  }
  return nullptr;
}

class SharedListTest : public ::testing::Test {
 protected:
  void SetUp() override {
    init_object_model();
    rt::RuntimeConfig config;
    config.object_dealloc = &dealloc_object;
    auto created = rt::Runtime::create(config);
    ASSERT_TRUE(created);
    runtime_ = std::move(created.value());
    auto attached = runtime_->attach_current_thread();
    ASSERT_TRUE(attached);
    exec_state().thread = *attached;
  }
  void TearDown() override {
    clear_exception();
    exec_state().thread = nullptr;
    ASSERT_TRUE(runtime_->detach_current_thread().is_ok());
    ASSERT_TRUE(runtime_->shutdown(std::chrono::seconds(5)).is_ok());
  }
  std::unique_ptr<rt::Runtime> runtime_;
};

TEST_F(SharedListTest, ConcurrentAppendPopReadKeepsEveryItem) {
  Ref list = Ref::steal(list_new(0));
  NativeMethod pop = list_method("pop");
  NativeMethod insert = list_method("insert");
  NativeMethod sort = list_method("sort");
  ASSERT_NE(pop, nullptr);
  std::atomic<std::int64_t> added_count{0}, removed_count{0}, added_sum{0}, removed_sum{0};
  std::atomic<int> bad_reads{0};

  auto worker = [&](int thread_index) {
    auto attached = runtime_->attach_current_thread();
    ASSERT_TRUE(attached);
    exec_state().thread = *attached;
    std::int64_t my_added = 0, my_removed = 0, my_added_sum = 0, my_removed_sum = 0;
    for (int i = 0; i < kIterations; ++i) {
      std::int64_t value = kValueBase + thread_index * kIterations + i;
      switch ((i + thread_index) % 6) {
        case 0:
        case 1: {
          Ref item = Ref::steal(int_from_int64(value));
          if (list_append(list.get(), item.get()) == 0) {
            ++my_added;
            my_added_sum += value;
          }
          break;
        }
        case 2: {
          Ref item = Ref::steal(int_from_int64(value));
          Ref index = Ref::steal(int_from_int64(i % 3));
          Object* args[2] = {index.get(), item.get()};
          Ref none_result = Ref::steal(insert(list.get(), args, 2, nullptr));
          if (none_result) {
            ++my_added;
            my_added_sum += value;
          }
          break;
        }
        case 3: {
          Ref popped = Ref::steal(pop(list.get(), nullptr, 0, nullptr));
          if (popped) {
            ++my_removed;
            my_removed_sum += as_int(popped.get())->small;
          } else {
            clear_exception();  // pop from empty list
          }
          break;
        }
        case 4: {
          Ref index = Ref::steal(int_from_int64(i % 7));
          Ref item = Ref::steal(list_type.getitem(list.get(), index.get()));
          if (item) {
            if (!is_int(item.get()) || as_int(item.get())->small < kValueBase) bad_reads.fetch_add(1);
          } else {
            clear_exception();  // index out of range
          }
          break;
        }
        case 5: {
          if (i % 60 == 5 + (6 - thread_index % 6) % 6 && sort != nullptr) {
            // A concurrent sort may legitimately fail with "list modified during sort".
            Ref result = Ref::steal(sort(list.get(), nullptr, 0, nullptr));
            if (!result) clear_exception();
            break;
          }
          Ref iterator = Ref::steal(object_get_iter(list.get()));
          while (Object* item = iter_next(iterator.get())) {
            if (!is_int(item) || as_int(item)->small < kValueBase) bad_reads.fetch_add(1);
            decref(item);
          }
          break;
        }
      }
    }
    added_count.fetch_add(my_added, std::memory_order_relaxed);
    removed_count.fetch_add(my_removed, std::memory_order_relaxed);
    added_sum.fetch_add(my_added_sum, std::memory_order_relaxed);
    removed_sum.fetch_add(my_removed_sum, std::memory_order_relaxed);
    exec_state().thread = nullptr;
    ASSERT_TRUE(runtime_->detach_current_thread().is_ok());
  };

  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) threads.emplace_back(worker, t);
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(bad_reads.load(), 0);
  std::int64_t expected_size = added_count.load() - removed_count.load();
  EXPECT_EQ(list_size(as_list(list.get())), expected_size);
  std::int64_t sum = 0;
  for (std::int64_t i = 0;; ++i) {
    Ref item = Ref::steal(list_item_ref(as_list(list.get()), i));
    if (!item) break;
    sum += as_int(item.get())->small;
  }
  EXPECT_EQ(sum, added_sum.load() - removed_sum.load());
  EXPECT_GT(added_count.load(), 0);
  EXPECT_GT(removed_count.load(), 0);
}

}  // namespace
}  // namespace stitch
