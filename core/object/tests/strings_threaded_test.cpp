// Threads sharing strings: 8 attached threads race on the first use of the ASCII one-character
// cache (every thread must get the same immortal object for each byte), index and slice shared
// strings, and share one str iterator (which may hand a character to several threads but must
// only ever yield whole, valid characters of the string).
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/object/builtin_types.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/str.h"
#include "core/object/str_index.h"
#include "core/runtime/runtime.h"

namespace stitch {
namespace {

#ifdef STITCH_SANITIZER_BUILD
constexpr int kIterations = 200;
#else
constexpr int kIterations = 5000;
#endif
constexpr int kThreads = 8;

class StrThreaded : public ::testing::Test {
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
    exec_state().thread = nullptr;
    ASSERT_TRUE(runtime_->detach_current_thread().is_ok());
    ASSERT_TRUE(runtime_->shutdown(std::chrono::seconds(5)).is_ok());
  }

  // Runs `body(thread_index)` on kThreads attached threads at once.
  template <class Body>
  void run_threads(Body body) {
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        auto attached = runtime_->attach_current_thread();
        ASSERT_TRUE(attached);
        exec_state().thread = *attached;
        ready.fetch_add(1, std::memory_order_relaxed);
        while (ready.load(std::memory_order_relaxed) < kThreads) std::this_thread::yield();
        body(t);
        exec_state().thread = nullptr;
        EXPECT_TRUE(runtime_->detach_current_thread().is_ok());
      });
    }
    for (std::thread& thread : threads) thread.join();
  }

  std::unique_ptr<rt::Runtime> runtime_;
};

TEST_F(StrThreaded, AsciiCharacterCacheIsUniqueAcrossThreads) {
  std::array<std::array<Object*, 128>, kThreads> seen{};
  run_threads([&](int t) {
    for (int byte = 127; byte >= 0; --byte)
      seen[t][byte] = ascii_char_str(static_cast<unsigned char>(byte));
  });
  for (int byte = 0; byte < 128; ++byte) {
    for (int t = 1; t < kThreads; ++t) EXPECT_EQ(seen[t][byte], seen[0][byte]) << "byte " << byte;
    ASSERT_NE(seen[0][byte], nullptr);
    EXPECT_TRUE(is_immortal(seen[0][byte]));
    EXPECT_EQ(str_view(seen[0][byte]), std::string(1, static_cast<char>(byte)));
  }
}

TEST_F(StrThreaded, SharedStringsIndexAndSliceConsistently) {
  Ref ascii = Ref::steal(str_from_utf8("the quick brown fox"));
  Ref accented = Ref::steal(str_from_utf8("héllo wörld ñ 日本"));
  std::atomic<int> mismatches{0};
  run_threads([&](int t) {
    for (int i = 0; i < kIterations; ++i) {
      std::int64_t index = (i + t) % 17;
      Ref one = Ref::steal(str_char_at(accented.get(), index));
      Ref same = Ref::steal(str_slice(accented.get(), index, index + 1, 1));
      if (!one || !same || str_view(one.get()) != str_view(same.get()))
        mismatches.fetch_add(1, std::memory_order_relaxed);
      Ref reversed = Ref::steal(str_slice(ascii.get(), std::nullopt, std::nullopt, -1));
      if (!reversed || str_view(reversed.get()) != "xof nworb kciuq eht")
        mismatches.fetch_add(1, std::memory_order_relaxed);
    }
  });
  EXPECT_EQ(mismatches.load(), 0);
}

TEST_F(StrThreaded, SharedIteratorYieldsOnlyWholeCharacters) {
  std::string text;
  for (int i = 0; i < kIterations; ++i) text += "aé日";
  Ref str = Ref::steal(str_from_utf8(text));
  Ref iterator = Ref::steal(str_iter(str.get()));
  std::atomic<std::int64_t> yielded{0};
  std::atomic<int> invalid{0};
  run_threads([&](int) {
    UnarySlot next = type_of(iterator.get())->iternext;
    while (Object* item = next(iterator.get())) {
      std::string_view character = str_view(item);
      if (character != "a" && character != "é" && character != "日")
        invalid.fetch_add(1, std::memory_order_relaxed);
      yielded.fetch_add(1, std::memory_order_relaxed);
      decref(item);
    }
  });
  EXPECT_EQ(invalid.load(), 0);
  // Racing threads may each take the same position (no item is skipped, some may repeat).
  EXPECT_GE(yielded.load(), 3 * kIterations);
}

}  // namespace
}  // namespace stitch
