// Native functions (stitch_register_function) and detach regions, on one thread.
#include <gtest/gtest.h>

#include <string>

#include "api_test_support.h"

namespace {

class NativeTest : public AttachedRuntime {};

// add(a, b) -> a + b + *offset
stitch_status native_add(stitch_runtime* runtime, stitch_value* const* args, size_t nargs, stitch_value** result,
                         void* user_data) {
  if (nargs != 2) return stitch_native_raise(runtime, "add() takes 2 arguments");
  int64_t a = 0, b = 0;
  if (stitch_status status = stitch_value_to_int(args[0], &a); status != STITCH_OK) return status;
  if (stitch_status status = stitch_value_to_int(args[1], &b); status != STITCH_OK) return status;
  return stitch_value_from_int(runtime, a + b + *static_cast<int64_t*>(user_data), result);
}

stitch_status native_nothing(stitch_runtime*, stitch_value* const*, size_t, stitch_value**, void* user_data) {
  ++*static_cast<int*>(user_data);
  return STITCH_OK;
}

stitch_status native_identity(stitch_runtime* runtime, stitch_value* const* args, size_t nargs,
                              stitch_value** result, void*) {
  if (nargs != 1) return stitch_native_raise(runtime, "identity() takes 1 argument");
  *result = args[0];  // a borrowed argument as the result: Stitch keeps its own reference
  return STITCH_OK;
}

// Calls back into the script: twice(f_name) -> script.f(21) * 2.
stitch_status native_reenter(stitch_runtime* runtime, stitch_value* const*, size_t, stitch_value** result, void*) {
  stitch_value* arg = nullptr;
  if (stitch_status status = stitch_value_from_int(runtime, 21, &arg); status != STITCH_OK) return status;
  stitch_value* out = nullptr;
  stitch_status status = stitch_call(runtime, "__main__", "half", &arg, 1, &out);
  stitch_value_release(arg);
  if (status != STITCH_OK) return status;
  int64_t n = 0;
  status = stitch_value_to_int(out, &n);
  stitch_value_release(out);
  if (status != STITCH_OK) return status;
  return stitch_value_from_int(runtime, n * 2, result);
}

struct BlockingProbe {
  stitch_status value_call_while_detached = STITCH_OK;
  std::string message;
};

// May block: starts detached, so a value call fails; after stitch_detach_end it works.
stitch_status native_blocking(stitch_runtime* runtime, stitch_value* const* args, size_t nargs, stitch_value** result,
                              void* user_data) {
  auto* probe = static_cast<BlockingProbe*>(user_data);
  int64_t n = 0;
  probe->value_call_while_detached = stitch_value_to_int(args[0], &n);
  probe->message = last_message();
  if (stitch_status status = stitch_detach_end(runtime); status != STITCH_OK) return status;
  if (stitch_status status = stitch_value_to_int(args[0], &n); status != STITCH_OK) return status;
  return stitch_value_from_int(runtime, n + 1, result);
}

stitch_status native_release_argument(stitch_runtime*, stitch_value* const* args, size_t, stitch_value**, void*) {
  return stitch_value_release(args[0]);
}

stitch_status native_detach_thread(stitch_runtime* runtime, stitch_value* const*, size_t, stitch_value**, void*) {
  return stitch_thread_detach(runtime);
}

TEST_F(NativeTest, ScriptsCallRegisteredFunctions) {
  int64_t offset = 100;
  ASSERT_STITCH_OK(stitch_register_function(runtime_, nullptr, "add", native_add, &offset, STITCH_NATIVE_DEFAULT));
  ASSERT_STITCH_OK(stitch_register_function(runtime_, "host", "add", native_add, &offset, STITCH_NATIVE_DEFAULT));
  ASSERT_STITCH_OK(stitch_eval(runtime_, "__main__",
                               "import host\n"
                               "def f(n):\n    return add(n, 1) + host.add(n, 2)\n"
                               "r = repr(add)\n"));
  stitch_value* arg = make_int(5);
  stitch_value* out = nullptr;
  ASSERT_STITCH_OK(stitch_call(runtime_, "__main__", "f", &arg, 1, &out));
  EXPECT_EQ(to_int(out), 106 + 107);
  stitch_value* repr = nullptr;
  ASSERT_STITCH_OK(stitch_get_global(runtime_, "__main__", "r", &repr));
  EXPECT_EQ(to_str(repr), "<built-in function add>");
  for (stitch_value* value : {arg, out, repr}) stitch_value_release(value);
}

TEST_F(NativeTest, NullResultIsNoneAndArgumentsMayBeReturned) {
  int calls = 0;
  ASSERT_STITCH_OK(stitch_register_function(runtime_, nullptr, "nothing", native_nothing, &calls, 0));
  ASSERT_STITCH_OK(stitch_register_function(runtime_, nullptr, "identity", native_identity, nullptr, 0));
  ASSERT_STITCH_OK(stitch_eval(runtime_, "__main__",
                               "a = nothing(1, 2, 3)\nb = identity([1, 2])\nb.append(3)\nok = a is None and b == [1, 2, 3]\n"));
  stitch_value* ok = nullptr;
  ASSERT_STITCH_OK(stitch_get_global(runtime_, "__main__", "ok", &ok));
  int flag = 0;
  ASSERT_STITCH_OK(stitch_value_to_bool(ok, &flag));
  EXPECT_TRUE(flag);
  EXPECT_EQ(calls, 1);
  stitch_value_release(ok);
}

TEST_F(NativeTest, CallbackErrorsBecomeExceptions) {
  int64_t offset = 0;
  ASSERT_STITCH_OK(stitch_register_function(runtime_, nullptr, "add", native_add, &offset, 0));
  // stitch_native_raise: a RuntimeError with the callback's message, catchable by the script.
  ASSERT_STITCH_OK(stitch_eval(runtime_, "__main__",
                               "try:\n    add(1)\n    caught = ''\n"
                               "except RuntimeError as e:\n    caught = str(e)\n"));
  stitch_value* caught = nullptr;
  ASSERT_STITCH_OK(stitch_get_global(runtime_, "__main__", "caught", &caught));
  EXPECT_EQ(to_str(caught), "add() takes 2 arguments");
  stitch_value_release(caught);
  // A failing API call inside the callback: its message, as a TypeError for a type mismatch.
  EXPECT_EQ(stitch_eval(runtime_, "__main__", "add('x', 1)\n"), STITCH_E_SCRIPT);
  EXPECT_NE(last_message().find("TypeError: stitch_value_to_int: expected 'int', got 'str'"), std::string::npos)
      << last_message();
  EXPECT_NE(std::string(stitch_error_traceback(stitch_last_error())).find("Traceback"), std::string::npos);
  // Keyword arguments are refused with the function's name.
  EXPECT_EQ(stitch_eval(runtime_, "__main__", "add(a=1, b=2)\n"), STITCH_E_SCRIPT);
  EXPECT_NE(last_message().find("add() takes no keyword arguments"), std::string::npos) << last_message();
}

TEST_F(NativeTest, CallbacksMayCallBackIntoScripts) {
  ASSERT_STITCH_OK(stitch_register_function(runtime_, nullptr, "reenter", native_reenter, nullptr, 0));
  ASSERT_STITCH_OK(stitch_eval(runtime_, "__main__", "def half(n):\n    return n // 2\nx = reenter() + 1\n"));
  stitch_value* x = nullptr;
  ASSERT_STITCH_OK(stitch_get_global(runtime_, "__main__", "x", &x));
  EXPECT_EQ(to_int(x), 21);
  stitch_value_release(x);
}

TEST_F(NativeTest, MayBlockCallbacksStartDetached) {
  BlockingProbe probe;
  ASSERT_STITCH_OK(
      stitch_register_function(runtime_, nullptr, "blocking", native_blocking, &probe, STITCH_NATIVE_MAY_BLOCK));
  ASSERT_STITCH_OK(stitch_eval(runtime_, "__main__", "y = blocking(41)\n"));
  EXPECT_EQ(probe.value_call_while_detached, STITCH_E_NOT_ATTACHED);
  EXPECT_NE(probe.message.find("stitch_value_to_int: this thread is inside a detach region (call stitch_detach_end"),
            std::string::npos)
      << probe.message;
  stitch_value* y = nullptr;
  ASSERT_STITCH_OK(stitch_get_global(runtime_, "__main__", "y", &y));
  EXPECT_EQ(to_int(y), 42);
  stitch_value_release(y);
}

TEST_F(NativeTest, RegistrationAndCallbackMisuse) {
  EXPECT_EQ(stitch_register_function(runtime_, nullptr, "f", nullptr, nullptr, 0), STITCH_E_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("stitch_register_function: the callback is null"), std::string::npos);
  EXPECT_EQ(stitch_register_function(runtime_, nullptr, "", native_nothing, nullptr, 0), STITCH_E_INVALID_ARGUMENT);
  EXPECT_EQ(stitch_register_function(runtime_, nullptr, "f", native_nothing, nullptr, 8), STITCH_E_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("STITCH_NATIVE_MAY_BLOCK"), std::string::npos);
  EXPECT_EQ(stitch_native_raise(runtime_, "x"), STITCH_E_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("stitch_native_raise: not inside a native callback"), std::string::npos);
  // Releasing a borrowed argument, or detaching the thread the script runs on, is refused.
  ASSERT_STITCH_OK(stitch_register_function(runtime_, nullptr, "release", native_release_argument, nullptr, 0));
  EXPECT_EQ(stitch_eval(runtime_, "__main__", "release(1)\n"), STITCH_E_SCRIPT);
  EXPECT_NE(last_message().find("stitch_value_release: the value is an argument of a native callback"),
            std::string::npos)
      << last_message();
  ASSERT_STITCH_OK(stitch_register_function(runtime_, nullptr, "detach", native_detach_thread, nullptr, 0));
  EXPECT_EQ(stitch_eval(runtime_, "__main__", "detach()\n"), STITCH_E_SCRIPT);
  EXPECT_NE(last_message().find("stitch_thread_detach: this thread is running a native callback"), std::string::npos)
      << last_message();
  // The runtime still works.
  ASSERT_STITCH_OK(stitch_eval(runtime_, "__main__", "z = 1\n"));
}

TEST_F(NativeTest, DetachRegions) {
  ASSERT_STITCH_OK(stitch_detach_begin(runtime_));
  stitch_value* value = nullptr;
  EXPECT_EQ(stitch_value_from_int(runtime_, 1, &value), STITCH_E_NOT_ATTACHED);
  EXPECT_NE(last_message().find("stitch_value_from_int: this thread is inside a detach region"), std::string::npos);
  EXPECT_EQ(stitch_eval(runtime_, "__main__", "x = 1\n"), STITCH_E_NOT_ATTACHED);
  EXPECT_EQ(stitch_detach_begin(runtime_), STITCH_E_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("stitch_detach_begin: this thread is already inside a detach region"),
            std::string::npos);
  EXPECT_EQ(stitch_thread_detach(runtime_), STITCH_E_NOT_ATTACHED);
  EXPECT_NE(last_message().find("stitch_thread_detach: this thread is inside a detach region"), std::string::npos);
  EXPECT_EQ(stitch_thread_attach(runtime_), STITCH_E_NOT_ATTACHED);
  uint64_t id = 0;
  EXPECT_STITCH_OK(stitch_thread_id(runtime_, &id));
  EXPECT_NE(id, 0u);
  ASSERT_STITCH_OK(stitch_detach_end(runtime_));
  EXPECT_EQ(stitch_detach_end(runtime_), STITCH_E_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("stitch_detach_end: this thread is not inside a detach region"), std::string::npos);
  ASSERT_STITCH_OK(stitch_eval(runtime_, "__main__", "x = 1\n"));
}

TEST(DetachRegionMisuseTest, FromAnUnattachedThread) {
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  EXPECT_EQ(stitch_detach_begin(runtime), STITCH_E_NOT_ATTACHED);
  EXPECT_NE(last_message().find("stitch_detach_begin: this thread is not attached to the runtime (call "
                                "stitch_thread_attach first)"),
            std::string::npos)
      << last_message();
  EXPECT_EQ(stitch_detach_end(runtime), STITCH_E_NOT_ATTACHED);
  EXPECT_NE(last_message().find("stitch_detach_end: this thread is not attached"), std::string::npos);
  EXPECT_EQ(stitch_detach_begin(nullptr), STITCH_E_INVALID_ARGUMENT);
  uint64_t id = 0;
  EXPECT_EQ(stitch_thread_id(runtime, &id), STITCH_E_NOT_ATTACHED);
  EXPECT_EQ(stitch_thread_interrupt(runtime, 987654), STITCH_E_NOT_FOUND);
  EXPECT_NE(last_message().find("stitch_thread_interrupt: no thread with id 987654"), std::string::npos);
  EXPECT_STITCH_OK(stitch_runtime_interrupt(runtime));
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 1000));
}

}  // namespace
