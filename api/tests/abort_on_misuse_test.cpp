// abort_on_misuse: a misuse prints the error object's message and aborts (death tests, which the
// issue allows for this mode only); without the mode, and for errors that are not misuse, calls
// still return a status.
#include <cstdint>

#include "api_test_support.h"

namespace {

// Death tests re-run the test binary for each statement: safe with the threads a runtime starts.
class AbortOnMisuseTest : public ::testing::Test {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

stitch_runtime* runtime_with_abort_on_misuse(int64_t on) {
  stitch_config* config = nullptr;
  EXPECT_STITCH_OK(stitch_config_new(&config));
  EXPECT_STITCH_OK(stitch_config_set_int(config, "abort_on_misuse", on));
  stitch_runtime* runtime = nullptr;
  EXPECT_STITCH_OK(stitch_runtime_new(config, &runtime));
  stitch_config_free(config);
  return runtime;
}

TEST_F(AbortOnMisuseTest, CallFromAnUnattachedThreadAborts) {
  EXPECT_DEATH(
      {
        stitch_runtime* runtime = runtime_with_abort_on_misuse(1);
        stitch_value* result = nullptr;
        (void)stitch_call(runtime, "m", "f", nullptr, 0, &result);
      },
      "^stitch_call: this thread is not attached to the runtime \\(call stitch_thread_attach first\\) "
      "\\[STITCH_E_NOT_ATTACHED; abort_on_misuse is on\\]");
}

TEST_F(AbortOnMisuseTest, DetachWithoutAttachAborts) {
  EXPECT_DEATH(
      {
        stitch_runtime* runtime = runtime_with_abort_on_misuse(1);
        (void)stitch_thread_detach(runtime);
      },
      "stitch_thread_detach: this thread is not attached to the runtime \\(every stitch_thread_detach must "
      "follow a stitch_thread_attach on the same thread\\)");
}

TEST_F(AbortOnMisuseTest, ValueAfterItsRuntimeShutDownAborts) {
  EXPECT_DEATH(
      {
        stitch_runtime* runtime = runtime_with_abort_on_misuse(1);
        stitch_value* value = nullptr;
        if (stitch_thread_attach(runtime) != STITCH_OK || stitch_value_from_int(runtime, 7, &value) != STITCH_OK ||
            stitch_thread_detach(runtime) != STITCH_OK || stitch_runtime_shutdown(runtime, 1000) != STITCH_OK) {
          return;  // no abort: the death test fails
        }
        int64_t n = 0;
        (void)stitch_value_to_int(value, &n);
      },
      "stitch_value_to_int: the value 'value' belongs to a runtime that was shut down .*STITCH_E_RUNTIME_GONE");
}

TEST_F(AbortOnMisuseTest, TheProcessWideSwitchCoversCallsWithoutARuntime) {
  EXPECT_DEATH(
      {
        stitch_set_abort_on_misuse(1);
        (void)stitch_thread_attach(nullptr);
      },
      "stitch_thread_attach: the runtime handle is null \\[STITCH_E_INVALID_ARGUMENT; abort_on_misuse is on\\]");
}

// Only misuse aborts, and only where the mode is on.
TEST_F(AbortOnMisuseTest, OtherErrorsAndOtherRuntimesStillReturnAStatus) {
  stitch_runtime* strict = runtime_with_abort_on_misuse(1);
  stitch_runtime* lenient = runtime_with_abort_on_misuse(0);
  ASSERT_NE(strict, nullptr);
  ASSERT_NE(lenient, nullptr);
  // Misuse of the runtime without the key, from a thread attached to no runtime.
  EXPECT_EQ(stitch_eval(lenient, "m", "x = 1\n"), STITCH_E_NOT_ATTACHED);
  EXPECT_EQ(stitch_thread_detach(lenient), STITCH_E_NOT_ATTACHED);
  // Script, lookup and conversion errors in the strict runtime are not misuse.
  ASSERT_STITCH_OK(stitch_thread_attach(strict));
  EXPECT_EQ(stitch_eval(strict, "m", "1 / 0\n"), STITCH_E_SCRIPT);
  EXPECT_EQ(stitch_eval(strict, "m", "def (\n"), STITCH_E_SYNTAX);
  stitch_value* missing = nullptr;
  EXPECT_EQ(stitch_get_global(strict, "m", "nothing", &missing), STITCH_E_NOT_FOUND);
  stitch_value* text = nullptr;
  ASSERT_STITCH_OK(stitch_value_from_str(strict, "x", 1, &text));
  int64_t n = 0;
  EXPECT_EQ(stitch_value_to_int(text, &n), STITCH_E_TYPE);
  ASSERT_STITCH_OK(stitch_thread_detach(strict));
  ASSERT_STITCH_OK(stitch_runtime_shutdown(strict, 1000));
  // Releasing a value whose runtime is gone is allowed (the API's internal check must not abort).
  EXPECT_STITCH_OK(stitch_value_release(text));
  EXPECT_STITCH_OK(stitch_runtime_shutdown(lenient, 1000));
}

}  // namespace
