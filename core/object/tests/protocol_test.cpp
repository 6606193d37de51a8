// Operator dispatch, calls and attribute lookup on builtin types, with Python's exact messages.
#include <gtest/gtest.h>

#include <string>

#include "core/object/attributes.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/operators.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tests/object_test_support.h"
#include "core/object/tuple.h"

namespace stitch {
namespace {

using Protocol = testing::ObjectTest;

std::string take_summary() {
  Ref exception = Ref::steal(take_exception());
  if (!exception) return "<no exception>";
  Ref summary = Ref::steal(exception_summary(exception.get()));
  return std::string(str_view(summary.get()));
}

// A tiny sequence type: repeat returns its count, concat returns the right operand.
Object* test_repeat(Object*, std::int64_t count) { return int_from_int64(count); }
Object* test_concat(Object*, Object* right) { return new_ref(right); }
Object* test_method(Object* self, Object* const* args, std::size_t nargs, Object*) {
  return tuple_pack({self, nargs > 0 ? args[0] : none()});
}
const MethodDef test_methods[] = {{"probe", test_method}, {nullptr, nullptr}};

struct TestSequence {
  TypeObject type{};
  Object instance{};
  TestSequence() {
    init_static_type(type, "seq", sizeof(Object), &object_type, 0);
    type.sequence_repeat = test_repeat;
    type.sequence_concat = test_concat;
    type.methods = test_methods;
    instance.header.type = &type;
    rc::make_immortal(&instance.header);
  }
};

TEST_F(Protocol, UnsupportedBinaryOperandsNameBothTypes) {
  EXPECT_EQ(binary_op(int_from_int64(1), str_intern("a"), BinaryOp::kAdd), nullptr);
  EXPECT_EQ(take_summary(), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  EXPECT_EQ(binary_op(str_intern("a"), int_from_int64(2), BinaryOp::kPower), nullptr);
  EXPECT_EQ(take_summary(), "TypeError: unsupported operand type(s) for ** or pow(): 'str' and 'int'");
  EXPECT_EQ(inplace_op(none(), int_from_int64(2), BinaryOp::kFloorDivide), nullptr);
  EXPECT_EQ(take_summary(), "TypeError: unsupported operand type(s) for //=: 'NoneType' and 'int'");
}

TEST_F(Protocol, SequenceRepeatAndConcatAreTheFallback) {
  TestSequence seq;
  Ref times = Ref::steal(binary_op(&seq.instance, int_from_int64(3), BinaryOp::kMultiply));
  ASSERT_TRUE(times);
  EXPECT_EQ(times.get(), int_from_int64(3));
  Ref reflected = Ref::steal(binary_op(int_from_int64(4), &seq.instance, BinaryOp::kMultiply));
  ASSERT_TRUE(reflected);
  EXPECT_EQ(reflected.get(), int_from_int64(4));
  Ref joined = Ref::steal(binary_op(&seq.instance, str_intern("x"), BinaryOp::kAdd));
  EXPECT_EQ(joined.get(), str_intern("x"));
  EXPECT_EQ(binary_op(&seq.instance, str_intern("x"), BinaryOp::kMultiply), nullptr);
  EXPECT_EQ(take_summary(), "TypeError: can't multiply sequence by non-int of type 'str'");
}

TEST_F(Protocol, UnaryAndContainerMessages) {
  EXPECT_EQ(unary_negative(str_intern("a")), nullptr);
  EXPECT_EQ(take_summary(), "TypeError: bad operand type for unary -: 'str'");
  EXPECT_EQ(object_getitem(int_from_int64(5), int_from_int64(0)), nullptr);
  EXPECT_EQ(take_summary(), "TypeError: 'int' object is not subscriptable");
  EXPECT_EQ(object_setitem(str_intern("a"), int_from_int64(0), none()), -1);
  EXPECT_EQ(take_summary(), "TypeError: 'str' object does not support item assignment");
  EXPECT_EQ(object_delitem(str_intern("a"), int_from_int64(0)), -1);
  EXPECT_EQ(take_summary(), "TypeError: 'str' object doesn't support item deletion");
  EXPECT_EQ(object_length(int_from_int64(5)), -1);
  EXPECT_EQ(take_summary(), "TypeError: object of type 'int' has no len()");
  EXPECT_EQ(object_contains(int_from_int64(5), int_from_int64(1)), -1);
  EXPECT_EQ(take_summary(), "TypeError: argument of type 'int' is not iterable");
  EXPECT_EQ(call_object(int_from_int64(5), nullptr, 0, nullptr), nullptr);
  EXPECT_EQ(take_summary(), "TypeError: 'int' object is not callable");
}

TEST_F(Protocol, MethodsAreFoundBoundAndUnbound) {
  TestSequence seq;
  Ref bound = Ref::steal(object_getattr(&seq.instance, str_intern("probe")));
  ASSERT_TRUE(bound);
  Object* argument = int_from_int64(9);
  Ref result = Ref::steal(call_object(bound.get(), &argument, 1, nullptr));
  ASSERT_TRUE(result);
  EXPECT_EQ(as_tuple(result.get())->items[0], &seq.instance);
  EXPECT_EQ(as_tuple(result.get())->items[1], argument);

  Ref unbound = Ref::steal(object_getattr(&seq.type, str_intern("probe")));
  ASSERT_TRUE(unbound);
  Object* call_args[] = {&seq.instance, argument};
  Ref via_type = Ref::steal(call_object(unbound.get(), call_args, 2, nullptr));
  ASSERT_TRUE(via_type);
  EXPECT_EQ(as_tuple(via_type.get())->items[0], &seq.instance);
  EXPECT_EQ(call_object(unbound.get(), nullptr, 0, nullptr), nullptr);
  EXPECT_EQ(take_summary(), "TypeError: unbound method seq.probe() needs an argument");
  Ref unbound_repr = Ref::steal(object_repr(unbound.get()));
  EXPECT_EQ(str_view(unbound_repr.get()), "<method 'probe' of 'seq' objects>");
}

TEST_F(Protocol, MissingAttributesUsePythonsMessages) {
  EXPECT_EQ(object_getattr(int_from_int64(1), str_intern("foo")), nullptr);
  EXPECT_EQ(take_summary(), "AttributeError: 'int' object has no attribute 'foo'");
  EXPECT_EQ(object_getattr(&int_type, str_intern("foo")), nullptr);
  EXPECT_EQ(take_summary(), "AttributeError: type object 'int' has no attribute 'foo'");
  EXPECT_EQ(object_lookup_attr(int_from_int64(1), str_intern("foo")), nullptr);
  EXPECT_FALSE(has_exception()) << "lookup_attr reports a missing attribute without an exception";
  Ref cls = Ref::steal(object_getattr(int_from_int64(1), str_intern("__class__")));
  EXPECT_EQ(cls.get(), &int_type);
  TestSequence seq;
  EXPECT_EQ(object_setattr(&seq.instance, str_intern("probe"), none()), -1);
  EXPECT_EQ(take_summary(), "AttributeError: 'seq' object attribute 'probe' is read-only");
  EXPECT_EQ(object_setattr(&seq.instance, str_intern("other"), none()), -1);
  EXPECT_EQ(take_summary(), "AttributeError: 'seq' object has no attribute 'other'");
}

}  // namespace
}  // namespace stitch
