// Generators driven from C++: send/return, the just-started rule, close() and destruction running
// finally blocks, throw() forwarded through `yield from`, PEP 479, and the per-generator
// handled-exception state. Messages are python3's.
#include <gtest/gtest.h>

#include "core/interp/generator.h"
#include "core/interp/tests/interp_test_support.h"
#include "core/object/attributes.h"
#include "core/object/call.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/singletons.h"
#include "core/object/str.h"

namespace stitch::interp {
namespace {

using testing::InterpreterTest;

std::string message_of(Object* exception) {
  Ref summary = Ref::steal(exception_summary(exception));
  return summary ? std::string(str_view(summary.get())) : std::string("?");
}

// Calls a method of `object` with no arguments (new reference or nullptr).
Ref call_method(Object* object, const char* name) {
  Ref method = Ref::steal(object_getattr(object, str_intern(name)));
  if (!method) return Ref();
  return Ref::steal(call_object(method.get(), nullptr, 0, nullptr));
}

class GeneratorTest : public InterpreterTest {
 protected:
  // Calls the module function `name` with no arguments.
  Ref call(const char* name) {
    Ref function = global(name);
    if (!function) return Ref();
    return Ref::steal(call_object(function.get(), nullptr, 0, nullptr));
  }
};

TEST_F(GeneratorTest, SendsValuesInAndReturnsAValueOut) {
  ASSERT_TRUE(run("def g():\n    x = yield 1\n    y = yield x + 1\n    return y * 2\n"));
  Ref generator = call("g");
  ASSERT_TRUE(generator);
  ASSERT_TRUE(is_generator(generator.get()));
  Object* result = nullptr;
  ASSERT_EQ(generator_send(generator.get(), none(), &result), SendStatus::kYielded);
  EXPECT_EQ(as_int(result)->small, 1);
  decref(result);
  Ref ten = Ref::steal(int_from_int64(10));
  ASSERT_EQ(generator_send(generator.get(), ten.get(), &result), SendStatus::kYielded);
  EXPECT_EQ(as_int(result)->small, 11);
  decref(result);
  Ref five = Ref::steal(int_from_int64(5));
  ASSERT_EQ(generator_send(generator.get(), five.get(), &result), SendStatus::kReturned);
  EXPECT_EQ(as_int(result)->small, 10);
  decref(result);
  // Exhausted: every later send returns None (next() turns that into StopIteration).
  ASSERT_EQ(generator_send(generator.get(), none(), &result), SendStatus::kReturned);
  EXPECT_TRUE(is_none(result));
  decref(result);
}

TEST_F(GeneratorTest, RejectsANonNoneValueBeforeTheFirstYield) {
  ASSERT_TRUE(run("def g():\n    yield 1\n"));
  Ref generator = call("g");
  Ref one = Ref::steal(int_from_int64(1));
  Object* result = nullptr;
  ASSERT_EQ(generator_send(generator.get(), one.get(), &result), SendStatus::kError);
  Ref error = Ref::steal(take_exception());
  EXPECT_EQ(message_of(error.get()), "TypeError: can't send non-None value to a just-started generator");
  // The generator is still just-started: None starts it.
  ASSERT_EQ(generator_send(generator.get(), none(), &result), SendStatus::kYielded);
  decref(result);
}

TEST_F(GeneratorTest, CloseAndDestructionRunFinallyBlocks) {
  ASSERT_TRUE(run("log = []\n"
                  "def g(name):\n    try:\n        yield 1\n    finally:\n        log.append(name)\n"
                  "a = g('closed')\nb = g('destroyed')\n"));
  Ref a = global("a");
  Ref b = global("b");
  Object* result = nullptr;
  ASSERT_EQ(generator_send(a.get(), none(), &result), SendStatus::kYielded);
  decref(result);
  ASSERT_EQ(generator_send(b.get(), none(), &result), SendStatus::kYielded);
  decref(result);
  ASSERT_TRUE(call_method(a.get(), "close"));
  ASSERT_TRUE(run("del b\n"));
  b = Ref();  // the last reference: the suspended generator is closed as it is destroyed
  ASSERT_TRUE(run("assert log == ['closed', 'destroyed'], log\n"));
}

TEST_F(GeneratorTest, IgnoringGeneratorExitIsARuntimeError) {
  ASSERT_TRUE(run("def g():\n    try:\n        yield 1\n    except GeneratorExit:\n        pass\n    yield 2\n"));
  Ref generator = call("g");
  Object* result = nullptr;
  ASSERT_EQ(generator_send(generator.get(), none(), &result), SendStatus::kYielded);
  decref(result);
  EXPECT_FALSE(call_method(generator.get(), "close"));
  Ref error = Ref::steal(take_exception());
  EXPECT_EQ(message_of(error.get()), "RuntimeError: generator ignored GeneratorExit");
  // Still suspended (at `yield 2`): make it finish so that destroying it is quiet.
  ASSERT_EQ(generator_send(generator.get(), none(), &result), SendStatus::kReturned);
  decref(result);
}

TEST_F(GeneratorTest, StopIterationInsideBecomesRuntimeErrorCausedByIt) {
  ASSERT_TRUE(run("def g():\n    yield 1\n    raise StopIteration(7)\n"));
  Ref generator = call("g");
  Object* result = nullptr;
  ASSERT_EQ(generator_send(generator.get(), none(), &result), SendStatus::kYielded);
  decref(result);
  ASSERT_EQ(generator_send(generator.get(), none(), &result), SendStatus::kError);
  Ref error = Ref::steal(take_exception());
  EXPECT_EQ(message_of(error.get()), "RuntimeError: generator raised StopIteration");
  auto* holder = static_cast<ExceptionObject*>(error.get());
  ASSERT_NE(holder->cause, nullptr);
  EXPECT_EQ(message_of(holder->cause), "StopIteration: 7");
  EXPECT_TRUE(holder->suppress_context);
}

TEST_F(GeneratorTest, AGeneratorHandlingAnExceptionDoesNotLeakItToItsCaller) {
  ASSERT_TRUE(run("def g():\n    try:\n        raise KeyError('inner')\n    except KeyError:\n        yield 1\n        raise\n"));
  Ref generator = call("g");
  Object* result = nullptr;
  ASSERT_EQ(generator_send(generator.get(), none(), &result), SendStatus::kYielded);
  decref(result);
  EXPECT_EQ(current_handled_exception(), nullptr);
  // Resumed, its own handled exception is back: the bare raise re-raises it.
  ASSERT_EQ(generator_send(generator.get(), none(), &result), SendStatus::kError);
  Ref error = Ref::steal(take_exception());
  EXPECT_EQ(message_of(error.get()), "KeyError: 'inner'");
  EXPECT_EQ(current_handled_exception(), nullptr);
}

TEST_F(GeneratorTest, ThrowIsForwardedToTheYieldFromDelegate) {
  ASSERT_TRUE(run("log = []\n"
                  "def inner():\n    try:\n        yield 1\n    except ValueError:\n"
                  "        log.append('inner caught')\n        return 'r'\n"
                  "def outer():\n    r = yield from inner()\n    log.append(r)\n    yield 2\n"
                  "o = outer()\n"));
  Ref outer = global("o");
  Object* result = nullptr;
  ASSERT_EQ(generator_send(outer.get(), none(), &result), SendStatus::kYielded);
  decref(result);
  raise_error(&value_error_type, "thrown");
  ASSERT_EQ(generator_throw(outer.get(), true, &result), SendStatus::kYielded);
  EXPECT_EQ(as_int(result)->small, 2);
  decref(result);
  ASSERT_TRUE(run("assert log == ['inner caught', 'r'], log\n"));
  // close() goes through the finished delegate to the outer generator.
  EXPECT_TRUE(generator_close(outer.get()));
  EXPECT_FALSE(has_exception());
}

TEST_F(GeneratorTest, ImplicitChainingAndBareRaise) {
  ASSERT_TRUE(run("try:\n    try:\n        1 // 0\n    except ZeroDivisionError:\n        raise ValueError('v')\n"
                  "except ValueError as e:\n    chained = e\n"
                  "try:\n    raise\nexcept RuntimeError as e:\n    bare = e\n"));
  Ref chained = global("chained");
  auto* holder = static_cast<ExceptionObject*>(chained.get());
  ASSERT_NE(holder->context, nullptr);
  EXPECT_EQ(message_of(holder->context), "ZeroDivisionError: integer division or modulo by zero");
  EXPECT_FALSE(holder->suppress_context);
  Ref bare = global("bare");
  EXPECT_EQ(message_of(bare.get()), "RuntimeError: No active exception to reraise");
}

}  // namespace
}  // namespace stitch::interp
