// Every call of include/stitch/stitch.h used correctly.
#include <cstdint>
#include <cstring>
#include <string>

#include "api_test_support.h"

namespace {

using ApiTest = AttachedRuntime;

TEST(ApiConfigTest, KnownKeysAreAccepted) {
  stitch_config* config = nullptr;
  ASSERT_STITCH_OK(stitch_config_new(&config));
  EXPECT_STITCH_OK(stitch_config_set_int(config, "recursion_limit", 1000));
  EXPECT_STITCH_OK(stitch_config_set_int(config, "jit", 0));
  EXPECT_STITCH_OK(stitch_config_set_int(config, "jit_threshold", 10));
  EXPECT_STITCH_OK(stitch_config_set_int(config, "stack_size", 1 << 20));
  EXPECT_STITCH_OK(stitch_config_set_int(config, "abort_on_misuse", 0));
  EXPECT_STITCH_OK(stitch_config_set_string(config, "module_path", "/nonexistent/a:/nonexistent/b"));
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(config, &runtime));
  stitch_config_free(config);
  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  ASSERT_STITCH_OK(stitch_eval(runtime, "__main__", "import sys\npath = sys.path[:2]\n"));
  stitch_value* path = nullptr;
  ASSERT_STITCH_OK(stitch_get_global(runtime, "__main__", "path", &path));
  stitch_value* repr = nullptr;
  ASSERT_STITCH_OK(stitch_value_repr(path, &repr));
  const char* text = nullptr;
  ASSERT_STITCH_OK(stitch_value_to_str(repr, &text, nullptr));
  EXPECT_STREQ(text, "['/nonexistent/a', '/nonexistent/b']");
  EXPECT_STITCH_OK(stitch_value_release(repr));
  EXPECT_STITCH_OK(stitch_value_release(path));
  ASSERT_STITCH_OK(stitch_thread_detach(runtime));
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 1000));
}

TEST(ApiConfigTest, UnknownKeysAndBadValuesAreReadableErrors) {
  stitch_config* config = nullptr;
  ASSERT_STITCH_OK(stitch_config_new(&config));
  EXPECT_EQ(stitch_config_set_int(config, "turbo", 1), STITCH_E_CONFIG);
  EXPECT_EQ(last_message(),
            "stitch_config_set_int: unknown key 'turbo' (known keys: abort_on_misuse, jit, jit_threshold, "
            "module_path, recursion_limit, stack_size)");
  EXPECT_STREQ(stitch_error_function(stitch_last_error()), "stitch_config_set_int");
  EXPECT_EQ(stitch_config_set_int(config, "recursion_limit", 0), STITCH_E_CONFIG);
  EXPECT_EQ(last_message(), "stitch_config_set_int: recursion_limit must be between 1 and 2147483647 (got 0)");
  EXPECT_EQ(stitch_config_set_int(config, "jit", 2), STITCH_E_CONFIG);
  EXPECT_EQ(last_message(), "stitch_config_set_int: jit must be 0 or 1 (got 2)");
  EXPECT_EQ(stitch_config_set_int(config, "jit_threshold", -1), STITCH_E_CONFIG);
  EXPECT_EQ(last_message(), "stitch_config_set_int: jit_threshold must be between 0 and 1000000000 (got -1)");
  EXPECT_EQ(stitch_config_set_int(config, "jit_threshold", 1000000001), STITCH_E_CONFIG);
  EXPECT_EQ(stitch_config_set_int(config, "abort_on_misuse", 2), STITCH_E_CONFIG);
  EXPECT_EQ(last_message(), "stitch_config_set_int: abort_on_misuse must be 0 or 1 (got 2)");
  EXPECT_EQ(stitch_config_set_string(config, "stack_size", "1M"), STITCH_E_CONFIG);
  EXPECT_EQ(last_message(), "stitch_config_set_string: key 'stack_size' takes an integer (use stitch_config_set_int)");
  EXPECT_EQ(stitch_config_set_int(config, "module_path", 1), STITCH_E_CONFIG);
  EXPECT_EQ(last_message(), "stitch_config_set_int: key 'module_path' takes a string (use stitch_config_set_string)");
  EXPECT_EQ(stitch_config_set_string(config, "jit", "on"), STITCH_E_CONFIG);
  EXPECT_EQ(last_message(), "stitch_config_set_string: key 'jit' takes an integer (use stitch_config_set_int)");
  EXPECT_EQ(stitch_config_set_string(config, "module_path", nullptr), STITCH_E_CONFIG);
  EXPECT_EQ(stitch_config_set_string(config, nullptr, "x"), STITCH_E_INVALID_ARGUMENT);
  EXPECT_EQ(stitch_config_set_int(nullptr, "jit", 1), STITCH_E_INVALID_ARGUMENT);
  EXPECT_EQ(stitch_config_new(nullptr), STITCH_E_INVALID_ARGUMENT);
  stitch_config_free(config);
  stitch_config_free(nullptr);
}

TEST(ApiConfigTest, StackSizeIsZeroOrFrom64KiBTo1GiB) {
  stitch_config* config = nullptr;
  ASSERT_STITCH_OK(stitch_config_new(&config));
  for (int64_t accepted : {int64_t{0}, int64_t{65536}, int64_t{1} << 20, int64_t{1} << 30}) {
    EXPECT_STITCH_OK(stitch_config_set_int(config, "stack_size", accepted)) << accepted;
  }
  const std::string range =
      "stitch_config_set_int: stack_size must be 0 (the system default) or between 65536 and 1073741824 bytes";
  for (int64_t rejected : {int64_t{-1}, int64_t{1}, int64_t{65535}, (int64_t{1} << 30) + 1, INT64_MAX}) {
    EXPECT_EQ(stitch_config_set_int(config, "stack_size", rejected), STITCH_E_CONFIG) << rejected;
    EXPECT_EQ(last_message(), range + " (got " + std::to_string(rejected) + ")");
  }
  stitch_config_free(config);
}

TEST(ApiErrorTest, SuccessClearsTheErrorAndStatusesHaveNames) {
  stitch_config* config = nullptr;
  EXPECT_EQ(stitch_config_new(nullptr), STITCH_E_INVALID_ARGUMENT);
  EXPECT_EQ(stitch_error_code(stitch_last_error()), STITCH_E_INVALID_ARGUMENT);
  ASSERT_STITCH_OK(stitch_config_new(&config));
  EXPECT_EQ(stitch_error_code(stitch_last_error()), STITCH_OK);
  EXPECT_STREQ(stitch_error_message(stitch_last_error()), "");
  EXPECT_STREQ(stitch_error_traceback(stitch_last_error()), "");
  stitch_config_free(config);
  EXPECT_STREQ(stitch_status_name(STITCH_E_TIMEOUT), "STITCH_E_TIMEOUT");
  EXPECT_STREQ(stitch_status_name(STITCH_OK), "STITCH_OK");
}

TEST_F(ApiTest, EvalThenCallByName) {
  ASSERT_STITCH_OK(stitch_eval(runtime_, "game", "def add(a, b):\n    return a + b\n"));
  stitch_value* args[2] = {make_int(40), make_int(2)};
  stitch_value* result = nullptr;
  ASSERT_STITCH_OK(stitch_call(runtime_, "game", "add", args, 2, &result));
  EXPECT_EQ(to_int(result), 42);
  for (stitch_value* arg : args) EXPECT_STITCH_OK(stitch_value_release(arg));
  EXPECT_STITCH_OK(stitch_value_release(result));
}

TEST_F(ApiTest, EvalKeepsTheModuleNamespaceAcrossCalls) {
  ASSERT_STITCH_OK(stitch_eval(runtime_, "__main__", "counter = 1\n"));
  ASSERT_STITCH_OK(stitch_eval(runtime_, "__main__", "counter += 41\n"));
  stitch_value* counter = nullptr;
  ASSERT_STITCH_OK(stitch_get_global(runtime_, "__main__", "counter", &counter));
  EXPECT_EQ(to_int(counter), 42);
  EXPECT_STITCH_OK(stitch_value_release(counter));
}

TEST_F(ApiTest, CallImportsAModuleNotYetLoaded) {
  stitch_value* arg = nullptr;
  ASSERT_STITCH_OK(stitch_value_from_float(runtime_, 2.25, &arg));
  stitch_value* result = nullptr;
  ASSERT_STITCH_OK(stitch_call(runtime_, "math", "sqrt", &arg, 1, &result));
  double root = 0;
  ASSERT_STITCH_OK(stitch_value_to_float(result, &root));
  EXPECT_EQ(root, 1.5);
  EXPECT_STITCH_OK(stitch_value_release(arg));
  EXPECT_STITCH_OK(stitch_value_release(result));
}

TEST_F(ApiTest, CallValueCallsACallable) {
  ASSERT_STITCH_OK(stitch_eval(runtime_, "m", "def greet(name):\n    return 'hi ' + name\n"));
  stitch_value* greet = nullptr;
  ASSERT_STITCH_OK(stitch_get_global(runtime_, "m", "greet", &greet));
  stitch_value* name = nullptr;
  ASSERT_STITCH_OK(stitch_value_from_str(runtime_, "Ada", 3, &name));
  stitch_value* result = nullptr;
  ASSERT_STITCH_OK(stitch_call_value(greet, &name, 1, &result));
  EXPECT_EQ(to_str(result), "hi Ada");
  for (stitch_value* value : {greet, name, result}) EXPECT_STITCH_OK(stitch_value_release(value));
}

TEST_F(ApiTest, ScriptExceptionsCarryMessageAndTraceback) {
  ASSERT_STITCH_OK(stitch_eval(runtime_, "m", "def divide(a, b):\n    return a / b\n"));
  stitch_value* args[2] = {make_int(1), make_int(0)};
  stitch_value* result = nullptr;
  EXPECT_EQ(stitch_call(runtime_, "m", "divide", args, 2, &result), STITCH_E_SCRIPT);
  const stitch_error* error = stitch_last_error();
  EXPECT_EQ(stitch_error_code(error), STITCH_E_SCRIPT);
  EXPECT_STREQ(stitch_error_message(error), "stitch_call: ZeroDivisionError: division by zero");
  EXPECT_STREQ(stitch_error_function(error), "stitch_call");
  std::string traceback = stitch_error_traceback(error);
  EXPECT_EQ(traceback.rfind("Traceback (most recent call last):\n", 0), 0u) << traceback;
  EXPECT_NE(traceback.find("in divide"), std::string::npos) << traceback;
  EXPECT_NE(traceback.find("ZeroDivisionError: division by zero\n"), std::string::npos) << traceback;
  for (stitch_value* arg : args) EXPECT_STITCH_OK(stitch_value_release(arg));
  // The thread is still usable after a script error.
  ASSERT_STITCH_OK(stitch_eval(runtime_, "m", "x = 1\n"));
}

TEST_F(ApiTest, EvalReportsSyntaxAndRuntimeErrors) {
  EXPECT_EQ(stitch_eval(runtime_, "m", "def f(:\n"), STITCH_E_SYNTAX);
  EXPECT_EQ(last_message(), "stitch_eval: SyntaxError: invalid syntax");
  EXPECT_NE(std::string(stitch_error_traceback(stitch_last_error())).find("<string>"), std::string::npos);
  EXPECT_EQ(stitch_eval(runtime_, "m", "raise ValueError('bad')\n"), STITCH_E_SCRIPT);
  EXPECT_EQ(last_message(), "stitch_eval: ValueError: bad");
}

TEST_F(ApiTest, MissingNamesAreNotFound) {
  ASSERT_STITCH_OK(stitch_eval(runtime_, "m", "x = 1\n"));
  stitch_value* result = nullptr;
  EXPECT_EQ(stitch_call(runtime_, "m", "nothing", nullptr, 0, &result), STITCH_E_NOT_FOUND);
  EXPECT_EQ(last_message(), "stitch_call: module 'm' has no global 'nothing'");
  EXPECT_EQ(stitch_get_global(runtime_, "m", "nothing", &result), STITCH_E_NOT_FOUND);
  EXPECT_EQ(stitch_call(runtime_, "no_such_module", "f", nullptr, 0, &result), STITCH_E_SCRIPT);
  EXPECT_EQ(last_message(), "stitch_call: ModuleNotFoundError: No module named 'no_such_module'");
}

TEST_F(ApiTest, ScalarConversionsRoundTrip) {
  stitch_value* value = nullptr;
  stitch_type type;
  ASSERT_STITCH_OK(stitch_value_none(runtime_, &value));
  ASSERT_STITCH_OK(stitch_value_type(value, &type));
  EXPECT_EQ(type, STITCH_TYPE_NONE);
  EXPECT_STITCH_OK(stitch_value_release(value));

  ASSERT_STITCH_OK(stitch_value_from_bool(runtime_, 1, &value));
  ASSERT_STITCH_OK(stitch_value_type(value, &type));
  EXPECT_EQ(type, STITCH_TYPE_BOOL);
  int flag = 0;
  ASSERT_STITCH_OK(stitch_value_to_bool(value, &flag));
  EXPECT_EQ(flag, 1);
  EXPECT_STITCH_OK(stitch_value_release(value));

  value = make_int(INT64_MIN);
  ASSERT_STITCH_OK(stitch_value_type(value, &type));
  EXPECT_EQ(type, STITCH_TYPE_INT);
  EXPECT_EQ(to_int(value), INT64_MIN);
  double as_double = 0;
  ASSERT_STITCH_OK(stitch_value_to_float(value, &as_double));
  EXPECT_EQ(as_double, -9223372036854775808.0);
  EXPECT_STITCH_OK(stitch_value_release(value));

  ASSERT_STITCH_OK(stitch_value_from_float(runtime_, 0.1, &value));
  ASSERT_STITCH_OK(stitch_value_type(value, &type));
  EXPECT_EQ(type, STITCH_TYPE_FLOAT);
  ASSERT_STITCH_OK(stitch_value_to_float(value, &as_double));
  EXPECT_EQ(as_double, 0.1);
  EXPECT_STITCH_OK(stitch_value_release(value));

  const char text[] = "caf\xc3\xa9\0x";  // an embedded NUL survives
  ASSERT_STITCH_OK(stitch_value_from_str(runtime_, text, sizeof text - 1, &value));
  ASSERT_STITCH_OK(stitch_value_type(value, &type));
  EXPECT_EQ(type, STITCH_TYPE_STR);
  EXPECT_EQ(to_str(value), std::string(text, sizeof text - 1));
  EXPECT_STITCH_OK(stitch_value_release(value));
}

TEST_F(ApiTest, ConversionMismatchesAreTypeErrors) {
  stitch_value* value = nullptr;
  ASSERT_STITCH_OK(stitch_value_from_str(runtime_, "7", 1, &value));
  int64_t n = 0;
  EXPECT_EQ(stitch_value_to_int(value, &n), STITCH_E_TYPE);
  EXPECT_EQ(last_message(), "stitch_value_to_int: expected 'int', got 'str'");
  int flag = 0;
  EXPECT_EQ(stitch_value_to_bool(value, &flag), STITCH_E_TYPE);
  double d = 0;
  EXPECT_EQ(stitch_value_to_float(value, &d), STITCH_E_TYPE);
  EXPECT_EQ(stitch_list_append(value, value), STITCH_E_TYPE);
  EXPECT_EQ(last_message(), "stitch_list_append: expected 'list', got 'str'");
  size_t size = 0;
  EXPECT_EQ(stitch_dict_size(value, &size), STITCH_E_TYPE);
  EXPECT_STITCH_OK(stitch_value_release(value));
  value = make_int(1);
  const char* text = nullptr;
  EXPECT_EQ(stitch_value_to_str(value, &text, nullptr), STITCH_E_TYPE);
  EXPECT_STITCH_OK(stitch_value_release(value));
  EXPECT_EQ(stitch_value_from_str(runtime_, "\xff", 1, &value), STITCH_E_INVALID_ARGUMENT);
  EXPECT_EQ(last_message(), "stitch_value_from_str: the text is not valid UTF-8");
}

TEST_F(ApiTest, BigIntsOverflowInt64) {
  ASSERT_STITCH_OK(stitch_eval(runtime_, "m", "big = 2 ** 70\n"));
  stitch_value* big = nullptr;
  ASSERT_STITCH_OK(stitch_get_global(runtime_, "m", "big", &big));
  int64_t n = 0;
  EXPECT_EQ(stitch_value_to_int(big, &n), STITCH_E_OVERFLOW);
  double d = 0;
  ASSERT_STITCH_OK(stitch_value_to_float(big, &d));
  EXPECT_EQ(d, 1180591620717411303424.0);
  EXPECT_STITCH_OK(stitch_value_release(big));
}

TEST_F(ApiTest, ListsAndDicts) {
  stitch_value* list = nullptr;
  ASSERT_STITCH_OK(stitch_list_new(runtime_, &list));
  for (int i = 0; i < 3; ++i) {
    stitch_value* item = make_int(i * 10);
    ASSERT_STITCH_OK(stitch_list_append(list, item));
    EXPECT_STITCH_OK(stitch_value_release(item));
  }
  size_t size = 0;
  ASSERT_STITCH_OK(stitch_list_size(list, &size));
  EXPECT_EQ(size, 3u);
  stitch_value* item = nullptr;
  ASSERT_STITCH_OK(stitch_list_get(list, 2, &item));
  EXPECT_EQ(to_int(item), 20);
  EXPECT_STITCH_OK(stitch_value_release(item));
  EXPECT_EQ(stitch_list_get(list, 3, &item), STITCH_E_NOT_FOUND);
  EXPECT_EQ(last_message(), "stitch_list_get: index 3 is out of range");

  stitch_value* dict = nullptr;
  ASSERT_STITCH_OK(stitch_dict_new(runtime_, &dict));
  stitch_value* key = nullptr;
  ASSERT_STITCH_OK(stitch_value_from_str(runtime_, "items", 5, &key));
  ASSERT_STITCH_OK(stitch_dict_set(dict, key, list));
  ASSERT_STITCH_OK(stitch_dict_size(dict, &size));
  EXPECT_EQ(size, 1u);
  stitch_value* found = nullptr;
  ASSERT_STITCH_OK(stitch_dict_get(dict, key, &found));
  stitch_type type;
  ASSERT_STITCH_OK(stitch_value_type(found, &type));
  EXPECT_EQ(type, STITCH_TYPE_LIST);
  EXPECT_STITCH_OK(stitch_value_release(found));
  stitch_value* missing = make_int(5);
  EXPECT_EQ(stitch_dict_get(dict, missing, &found), STITCH_E_NOT_FOUND);
  EXPECT_EQ(last_message(), "stitch_dict_get: no item for key 5");
  EXPECT_EQ(stitch_dict_set(dict, list, key), STITCH_E_SCRIPT);  // lists are unhashable
  EXPECT_EQ(last_message(), "stitch_dict_set: TypeError: unhashable type: 'list'");

  // A script sees what the host built.
  ASSERT_STITCH_OK(stitch_eval(runtime_, "m", "def total(d):\n    return sum(d['items'])\n"));
  stitch_value* sum = nullptr;
  ASSERT_STITCH_OK(stitch_call(runtime_, "m", "total", &dict, 1, &sum));
  EXPECT_EQ(to_int(sum), 30);
  for (stitch_value* value : {list, dict, key, missing, sum}) EXPECT_STITCH_OK(stitch_value_release(value));
  EXPECT_STITCH_OK(stitch_value_release(nullptr));
}

TEST(ApiRuntimeTest, AttachNestsAndIsReusable) {
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  for (int round = 0; round < 100; ++round) {
    ASSERT_STITCH_OK(stitch_thread_attach(runtime));
    ASSERT_STITCH_OK(stitch_thread_attach(runtime));
    ASSERT_STITCH_OK(stitch_eval(runtime, "m", "x = 1\n"));
    ASSERT_STITCH_OK(stitch_thread_detach(runtime));
    ASSERT_STITCH_OK(stitch_eval(runtime, "m", "x = 2\n"));  // still attached once
    ASSERT_STITCH_OK(stitch_thread_detach(runtime));
  }
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 1000));
}

TEST(ApiRuntimeTest, SeveralRuntimesAreIndependent) {
  stitch_runtime* first = nullptr;
  stitch_runtime* second = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &first));
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &second));
  ASSERT_STITCH_OK(stitch_thread_attach(first));
  ASSERT_STITCH_OK(stitch_eval(first, "m", "name = 'first'\n"));
  ASSERT_STITCH_OK(stitch_thread_detach(first));
  ASSERT_STITCH_OK(stitch_thread_attach(second));
  ASSERT_STITCH_OK(stitch_eval(second, "m", "name = 'second'\n"));
  stitch_value* name = nullptr;
  ASSERT_STITCH_OK(stitch_get_global(second, "m", "name", &name));
  const char* text = nullptr;
  ASSERT_STITCH_OK(stitch_value_to_str(name, &text, nullptr));
  EXPECT_STREQ(text, "second");
  EXPECT_STITCH_OK(stitch_value_release(name));
  ASSERT_STITCH_OK(stitch_thread_detach(second));
  EXPECT_STITCH_OK(stitch_runtime_shutdown(second, 1000));
  ASSERT_STITCH_OK(stitch_thread_attach(first));
  ASSERT_STITCH_OK(stitch_get_global(first, "m", "name", &name));
  ASSERT_STITCH_OK(stitch_value_to_str(name, &text, nullptr));
  EXPECT_STREQ(text, "first");
  EXPECT_STITCH_OK(stitch_value_release(name));
  ASSERT_STITCH_OK(stitch_thread_detach(first));
  EXPECT_STITCH_OK(stitch_runtime_shutdown(first, 1000));
}

TEST(ApiRuntimeTest, ShutdownFromAnAttachedThread) {
  stitch_runtime* runtime = nullptr;
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  ASSERT_STITCH_OK(stitch_eval(runtime, "m", "data = [1, 2, 3]\n"));
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 1000));
  // The thread can attach to a new runtime afterwards.
  ASSERT_STITCH_OK(stitch_runtime_new(nullptr, &runtime));
  ASSERT_STITCH_OK(stitch_thread_attach(runtime));
  ASSERT_STITCH_OK(stitch_thread_detach(runtime));
  EXPECT_STITCH_OK(stitch_runtime_shutdown(runtime, 1000));
}

}  // namespace
