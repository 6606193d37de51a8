// include/stitch/stitch.hpp: RAII guards, values, native functions, and statuses as exceptions.
#include "stitch/stitch.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace {

TEST(CppWrapperTest, EvalCallAndValues) {
  stitch::Runtime runtime;
  stitch::Attached attached(runtime);
  runtime.eval("def f(a, b, c):\n    return [a * 2, b + 0.5, c + '!']\ndef size(x):\n    return len(x)\n");
  stitch::Value result = runtime.call("__main__", "f", 21, 1.0, "hi");
  ASSERT_EQ(result.type(), STITCH_TYPE_LIST);
  EXPECT_EQ(result.size(), 3u);
  EXPECT_EQ(result[0].to_int(), 42);
  EXPECT_DOUBLE_EQ(result[1].to_float(), 1.5);
  EXPECT_EQ(result[2].to_str(), "hi!");
  EXPECT_EQ(result.repr(), "[42, 1.5, 'hi!']");

  stitch::Value dict = stitch::Value::dict(runtime);
  dict.set(stitch::Value::from(runtime, "k"), stitch::Value::from(runtime, true));
  EXPECT_TRUE(dict.get(stitch::Value::from(runtime, "k")).to_bool());
  EXPECT_EQ(dict.size(), 1u);
  stitch::Value list = stitch::Value::list(runtime);
  list.append(stitch::Value::from(runtime, std::int64_t{7}));
  EXPECT_EQ(runtime.call("__main__", "size", list).to_int(), 1);  // a Value argument is passed as is
  EXPECT_TRUE(stitch::Value::none(runtime).is_none());

  stitch::Value f = runtime.global("__main__", "f");
  std::vector<stitch::Value> args;
  args.push_back(stitch::Value::from(runtime, 1));
  args.push_back(stitch::Value::from(runtime, 2.0));
  args.push_back(stitch::Value::from(runtime, "x"));
  EXPECT_EQ(f.call(args)[2].to_str(), "x!");
}

TEST(CppWrapperTest, FailuresThrowWithStatusAndTraceback) {
  stitch::Runtime runtime;
  stitch::Attached attached(runtime);
  try {
    runtime.eval("1 / 0\n");
    FAIL() << "no exception";
  } catch (const stitch::Error& error) {
    EXPECT_EQ(error.status(), STITCH_E_SCRIPT);
    EXPECT_EQ(error.function(), "stitch_eval");
    EXPECT_NE(std::string(error.what()).find("ZeroDivisionError"), std::string::npos);
    EXPECT_NE(error.traceback().find("Traceback"), std::string::npos);
  }
  EXPECT_THROW(runtime.global("__main__", "missing"), stitch::Error);
  EXPECT_THROW(stitch::Value::from(runtime, "s").to_int(), stitch::Error);
  EXPECT_THROW(stitch::Config().set("no_such_key", std::int64_t{1}), stitch::Error);
}

TEST(CppWrapperTest, NativeFunctionsAndExceptions) {
  stitch::Runtime runtime;
  stitch::Attached attached(runtime);
  int calls = 0;
  runtime.define(nullptr, "scale", [&](stitch_runtime* rt, std::vector<stitch::Value>& args) {
    ++calls;
    if (args.size() != 2) throw std::invalid_argument("scale() takes 2 arguments");
    return stitch::Value::from(rt, args[0].to_int() * args[1].to_int());
  });
  runtime.define("host", "nothing", [](stitch_runtime*, std::vector<stitch::Value>&) { return stitch::Value(); });
  runtime.eval(
      "import host\n"
      "x = scale(6, 7)\n"
      "n = host.nothing()\n"
      "try:\n    scale(1)\n    msg = ''\nexcept RuntimeError as e:\n    msg = str(e)\n"
      "try:\n    scale('a', 2)\n    kind = ''\nexcept TypeError as e:\n    kind = 'TypeError'\n");
  EXPECT_EQ(runtime.global("__main__", "x").to_int(), 42);
  EXPECT_TRUE(runtime.global("__main__", "n").is_none());
  EXPECT_EQ(runtime.global("__main__", "msg").to_str(), "scale() takes 2 arguments");
  EXPECT_EQ(runtime.global("__main__", "kind").to_str(), "TypeError");
  EXPECT_EQ(calls, 3);
}

TEST(CppWrapperTest, DetachedScopeAndShutdown) {
  stitch::Runtime runtime;
  {
    stitch::Attached attached(runtime);
    {
      stitch::Detached detached(runtime);
      EXPECT_THROW(stitch::Value::from(runtime, 1), stitch::Error);  // no values inside a region
    }
    EXPECT_EQ(stitch::Value::from(runtime, 1).to_int(), 1);
  }
  // An interrupt from another thread, through the wrapper.
  std::atomic<std::uint64_t> id{0};
  std::atomic<bool> done{false};
  stitch_status status = STITCH_OK;
  std::thread script([&] {
    {
      stitch::Attached attached(runtime);
      id = runtime.thread_id();
      try {
        runtime.eval("while True:\n    pass\n");
      } catch (const stitch::Error& error) {
        status = error.status();
      }
    }
    done = true;
  });
  while (id.load() == 0) std::this_thread::yield();
  // Repeated until the call returns: one sent before the call starts is dropped there.
  while (!done.load()) {
    runtime.interrupt(id);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  script.join();
  EXPECT_EQ(status, STITCH_E_INTERRUPTED);
  runtime.shutdown(1000);
  EXPECT_EQ(runtime.get(), nullptr);
}

TEST(CppWrapperTest, ShutdownWithAttachedThreadsThrowsTimeout) {
  stitch::Runtime runtime;
  std::atomic<bool> attached{false};
  std::atomic<bool> release{false};
  std::thread holder([&] {
    stitch::Attached guard(runtime);
    attached = true;
    while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  while (!attached.load()) std::this_thread::yield();
  try {
    runtime.shutdown(20);
    FAIL() << "no timeout";
  } catch (const stitch::Error& error) {
    EXPECT_EQ(error.status(), STITCH_E_TIMEOUT);
  }
  release = true;
  holder.join();
  // The destructor shuts down now that nobody is attached.
}

}  // namespace
