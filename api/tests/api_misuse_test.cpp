// Misuse of the API is a status and a message naming the function and the fix, never a crash.
#include <atomic>
#include <string>
#include <thread>

#include "api_test_support.h"

namespace {

TEST(ApiMisuseTest, CallsFromAnUnattachedThread) {
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  stitch_value* result = nullptr;
  EXPECT_EQ(stitch_call(runtime, "m", "f", nullptr, 0, &result), STITCH_E_NOT_ATTACHED);
  EXPECT_EQ(last_message(), "stitch_call: this thread is not attached to the runtime (call stitch_thread_attach first)");
  EXPECT_STREQ(stitch_error_function(stitch_last_error()), "stitch_call");
  EXPECT_EQ(stitch_eval(runtime, "m", "x = 1\n"), STITCH_E_NOT_ATTACHED);
  EXPECT_EQ(stitch_get_global(runtime, "m", "x", &result), STITCH_E_NOT_ATTACHED);
  EXPECT_EQ(stitch_value_from_int(runtime, 1, &result), STITCH_E_NOT_ATTACHED);
  EXPECT_EQ(last_message(),
            "stitch_value_from_int: this thread is not attached to the runtime (call stitch_thread_attach first)");

  // A value made on an attached thread cannot be used once the thread detached.
  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  stitch_value* value = nullptr;
  ASSERT_STITCH_OK(stitch_value_from_int(runtime, 7, &value));
  ASSERT_STITCH_OK(stitch_thread_detach(runtime));
  int64_t n = 0;
  EXPECT_EQ(stitch_value_to_int(value, &n), STITCH_E_NOT_ATTACHED);
  EXPECT_EQ(last_message(),
            "stitch_value_to_int: this thread is not attached to the value's runtime (call stitch_thread_attach first)");
  EXPECT_EQ(stitch_value_release(value), STITCH_E_NOT_ATTACHED);
  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  EXPECT_STITCH_OK(stitch_value_release(value));
  ASSERT_STITCH_OK(stitch_thread_detach(runtime));
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 1000));
}

TEST(ApiMisuseTest, DetachWithoutAttach) {
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  EXPECT_EQ(stitch_thread_detach(runtime), STITCH_E_NOT_ATTACHED);
  EXPECT_EQ(last_message(),
            "stitch_thread_detach: this thread is not attached to the runtime (every stitch_thread_detach "
            "must follow a stitch_thread_attach on the same thread)");
  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  ASSERT_STITCH_OK(stitch_thread_detach(runtime));
  EXPECT_EQ(stitch_thread_detach(runtime), STITCH_E_NOT_ATTACHED);  // one detach too many
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 1000));
}

TEST(ApiMisuseTest, NullHandlesAndPointers) {
  EXPECT_EQ(stitch_thread_attach(nullptr), STITCH_E_INVALID_ARGUMENT);
  EXPECT_EQ(last_message(), "stitch_thread_attach: the runtime handle is null");
  EXPECT_EQ(stitch_thread_detach(nullptr), STITCH_E_INVALID_ARGUMENT);
  EXPECT_EQ(stitch_runtime_shutdown(nullptr, 0), STITCH_E_INVALID_ARGUMENT);
  EXPECT_EQ(stitch_runtime_new(nullptr, nullptr), STITCH_E_INVALID_ARGUMENT);
  int64_t n = 0;
  EXPECT_EQ(stitch_value_to_int(nullptr, &n), STITCH_E_INVALID_ARGUMENT);
  EXPECT_EQ(last_message(), "stitch_value_to_int: the value 'value' is null");

  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  EXPECT_EQ(stitch_eval(runtime, nullptr, "x = 1"), STITCH_E_INVALID_ARGUMENT);
  EXPECT_EQ(last_message(), "stitch_eval: the module name is null");
  EXPECT_EQ(stitch_eval(runtime, "m", nullptr), STITCH_E_INVALID_ARGUMENT);
  stitch_value* result = nullptr;
  EXPECT_EQ(stitch_call(runtime, "m", "f", nullptr, 1, &result), STITCH_E_INVALID_ARGUMENT);
  EXPECT_EQ(stitch_value_from_int(runtime, 1, nullptr), STITCH_E_INVALID_ARGUMENT);
  ASSERT_STITCH_OK(stitch_thread_detach(runtime));
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 1000));
}

TEST(ApiMisuseTest, AttachDuringShutdownAndShutdownTimeout) {
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  std::atomic<int> phase{0};
  std::thread worker([&] {
    ASSERT_STITCH_OK(stitch_thread_attach(runtime));
    phase.store(1);
    while (phase.load() != 2) std::this_thread::yield();
    ASSERT_STITCH_OK(stitch_thread_detach(runtime));
    phase.store(3);
  });
  while (phase.load() != 1) std::this_thread::yield();
  // The worker stays attached: shutdown reports it and returns instead of hanging.
  EXPECT_EQ(stitch_runtime_shutdown(runtime, 20), STITCH_E_TIMEOUT);
  std::string message = last_message();
  EXPECT_EQ(message.rfind("stitch_runtime_shutdown: threads still attached after 20 ms (thread ids: ", 0), 0u)
      << message;
  EXPECT_NE(message.find("make them call stitch_thread_detach, then call shutdown again"), std::string::npos);
  // New attachments are refused from now on.
  EXPECT_EQ(stitch_thread_attach(runtime), STITCH_E_FINALIZING);
  EXPECT_EQ(last_message(), "stitch_thread_attach: the runtime is shutting down (no new attachments)");
  phase.store(2);
  worker.join();
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 1000));
}

TEST(ApiMisuseTest, HandlesOfAnotherRuntime) {
  stitch_runtime* first = nullptr;
  stitch_runtime* second = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &first));
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &second));
  ASSERT_STITCH_OK(stitch_thread_attach(second));
  stitch_value* foreign = nullptr;
  ASSERT_STITCH_OK(stitch_value_from_int(second, 5, &foreign));
  ASSERT_STITCH_OK(stitch_eval(second, "m", "def f(x):\n    return x\n"));
  // Attached to `second`, the thread cannot use `first`, nor attach to it.
  EXPECT_EQ(stitch_eval(first, "m", "x = 1\n"), STITCH_E_WRONG_RUNTIME);
  EXPECT_EQ(stitch_thread_attach(first), STITCH_E_ALREADY_ATTACHED);
  EXPECT_EQ(last_message(),
            "stitch_thread_attach: this thread is attached to another runtime (call stitch_thread_detach on it first)");
  EXPECT_EQ(stitch_thread_detach(first), STITCH_E_WRONG_RUNTIME);
  stitch_runtime* third = nullptr;
  EXPECT_EQ(stitch_runtime_new(nullptr, &third), STITCH_E_ALREADY_ATTACHED);
  ASSERT_STITCH_OK(stitch_thread_detach(second));

  ASSERT_STITCH_OK(stitch_thread_attach(first));
  ASSERT_STITCH_OK(stitch_eval(first, "m", "def f(x):\n    return x\n"));
  stitch_value* result = nullptr;
  EXPECT_EQ(stitch_call(first, "m", "f", &foreign, 1, &result), STITCH_E_WRONG_RUNTIME);
  EXPECT_EQ(last_message(),
            "stitch_call: the value 'args[0]' belongs to another runtime (values cannot cross runtimes: "
            "convert it to C data and build a new value in this runtime)");
  int64_t n = 0;
  EXPECT_EQ(stitch_value_to_int(foreign, &n), STITCH_E_WRONG_RUNTIME);
  stitch_value* list = nullptr;
  ASSERT_STITCH_OK(stitch_list_new(first, &list));
  EXPECT_EQ(stitch_list_append(list, foreign), STITCH_E_WRONG_RUNTIME);
  EXPECT_STITCH_OK(stitch_value_release(list));
  ASSERT_STITCH_OK(stitch_thread_detach(first));

  ASSERT_STITCH_OK(stitch_thread_attach(second));
  EXPECT_STITCH_OK(stitch_value_release(foreign));
  ASSERT_STITCH_OK(stitch_thread_detach(second));
  EXPECT_STITCH_OK(stitch_runtime_shutdown(second, 1000));
  EXPECT_STITCH_OK(stitch_runtime_shutdown(first, 1000));
}

TEST(ApiMisuseTest, ValueUsedAfterItsRuntimeShutDown) {
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  stitch_value* value = nullptr;
  ASSERT_STITCH_OK(stitch_value_from_str(runtime, "kept", 4, &value));
  ASSERT_STITCH_OK(stitch_thread_detach(runtime));
  ASSERT_STITCH_OK(stitch_runtime_shutdown(runtime, 1000));
  const char* text = nullptr;
  EXPECT_EQ(stitch_value_to_str(value, &text, nullptr), STITCH_E_RUNTIME_GONE);
  EXPECT_EQ(last_message(),
            "stitch_value_to_str: the value 'value' belongs to a runtime that was shut down (values die "
            "with their runtime; only stitch_value_release accepts it)");
  stitch_value* result = nullptr;
  EXPECT_EQ(stitch_call_value(value, nullptr, 0, &result), STITCH_E_RUNTIME_GONE);
  EXPECT_STITCH_OK(stitch_value_release(value));  // frees the handle
}

}  // namespace
