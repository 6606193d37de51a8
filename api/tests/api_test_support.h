// Helpers for the API tests: status checks that print the thread's error message on failure, and
// an attached runtime fixture.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "stitch/stitch.h"

inline std::string last_message() { return stitch_error_message(stitch_last_error()); }

#define ASSERT_STITCH_OK(call) ASSERT_EQ((call), STITCH_OK) << last_message()
#define EXPECT_STITCH_OK(call) EXPECT_EQ((call), STITCH_OK) << last_message()

// __main__.name as an int (bools count as ints); the thread is attached.
inline int64_t global_int(stitch_runtime* runtime, const char* name) {
  stitch_value* value = nullptr;
  EXPECT_STITCH_OK(stitch_get_global(runtime, "__main__", name, &value));
  int64_t n = -1;
  EXPECT_STITCH_OK(stitch_value_to_int(value, &n)) << name;
  EXPECT_STITCH_OK(stitch_value_release(value));
  return n;
}

// A runtime with the test's thread attached; shut down at the end.
class AttachedRuntime : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime_));
    ASSERT_STITCH_OK(stitch_thread_attach(runtime_));
  }
  void TearDown() override {
    if (runtime_ == nullptr) return;
    EXPECT_STITCH_OK(stitch_thread_detach(runtime_));
    EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime_, 5000));
  }
  stitch_value* make_int(int64_t n) {
    stitch_value* value = nullptr;
    EXPECT_STITCH_OK(stitch_value_from_int(runtime_, n, &value));
    return value;
  }
  int64_t to_int(stitch_value* value) {
    int64_t n = -1;
    EXPECT_STITCH_OK(stitch_value_to_int(value, &n));
    return n;
  }
  std::string to_str(stitch_value* value) {
    const char* text = nullptr;
    size_t size = 0;
    EXPECT_STITCH_OK(stitch_value_to_str(value, &text, &size));
    return text == nullptr ? "" : std::string(text, size);
  }
  stitch_runtime* runtime_ = nullptr;
};
