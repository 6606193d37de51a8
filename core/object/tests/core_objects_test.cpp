// The object model's core: ints (small and big), bool, str, tuple, exceptions and the generic
// protocol (repr, str, hash, comparisons, truth), checked against CPython 3.11's results.
#include <gmp.h>
#include <gtest/gtest.h>

#include <string>

#include "core/object/bool.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/tests/object_test_support.h"

namespace stitch {
namespace {

using ObjectCore = testing::ObjectTest;

std::string repr_of(Object* object) {
  Ref text = Ref::steal(object_repr(object));
  EXPECT_TRUE(text);
  return text ? std::string(str_view(text.get())) : std::string();
}

Ref big_int(const char* decimal) {
  mpz_t value;
  mpz_init_set_str(value, decimal, 10);
  Ref result = Ref::steal(int_from_mpz(value));
  mpz_clear(value);
  return result;
}

TEST_F(ObjectCore, SmallIntsAreCachedImmortals) {
  Object* a = int_from_int64(7);
  Object* b = int_from_int64(7);
  EXPECT_EQ(a, b);
  EXPECT_TRUE(is_immortal(a));
  Ref big = Ref::steal(int_from_int64(1'000'000));
  EXPECT_FALSE(is_immortal(big.get()));
  EXPECT_EQ(repr_of(big.get()), "1000000");
  EXPECT_EQ(repr_of(int_from_int64(-5)), "-5");
}

TEST_F(ObjectCore, BigIntsAreNormalized) {
  Ref huge = big_int("1267650600228229401496703205376");  // 2**100
  EXPECT_FALSE(int_is_small(huge.get()));
  EXPECT_EQ(repr_of(huge.get()), "1267650600228229401496703205376");
  Ref fits = big_int("-9223372036854775808");
  EXPECT_TRUE(int_is_small(fits.get())) << "a value that fits in int64 is stored small";
  EXPECT_EQ(repr_of(fits.get()), "-9223372036854775808");
}

TEST_F(ObjectCore, IntHashesMatchPython) {
  EXPECT_EQ(object_hash(int_from_int64(-1)), -2);
  Ref huge = big_int("1267650600228229401496703205376");
  EXPECT_EQ(object_hash(huge.get()), 549755813888);  // hash(2**100)
  Ref negative = big_int("-1180591620717411303424");  // -(2**70)
  EXPECT_EQ(object_hash(negative.get()), -512);
}

TEST_F(ObjectCore, IntComparisonsAcrossSizes) {
  Ref huge = big_int("1267650600228229401496703205376");
  Ref minus_huge = big_int("-1267650600228229401496703205376");
  Object* seven = int_from_int64(7);
  EXPECT_EQ(object_rich_compare_bool(seven, huge.get(), CompareOp::kLt), 1);
  EXPECT_EQ(object_rich_compare_bool(minus_huge.get(), seven, CompareOp::kLt), 1);
  EXPECT_EQ(object_rich_compare_bool(huge.get(), minus_huge.get(), CompareOp::kGt), 1);
  EXPECT_EQ(object_rich_compare_bool(seven, int_from_int64(7), CompareOp::kEq), 1);
  EXPECT_EQ(object_rich_compare_bool(py_true(), int_from_int64(1), CompareOp::kEq), 1)
      << "bool is an int: True == 1";
}

TEST_F(ObjectCore, BoolAndNoneReprAndTruth) {
  EXPECT_EQ(repr_of(py_true()), "True");
  EXPECT_EQ(repr_of(py_false()), "False");
  EXPECT_EQ(repr_of(none()), "None");
  EXPECT_EQ(object_is_true(none()), 0);
  EXPECT_EQ(object_is_true(int_from_int64(0)), 0);
  EXPECT_EQ(object_is_true(int_from_int64(-3)), 1);
  EXPECT_TRUE(is_int(py_true()));
  EXPECT_EQ(object_hash(py_true()), 1);
}

TEST_F(ObjectCore, StrBasics) {
  Ref hello = Ref::steal(str_from_utf8("héllo"));
  auto* str = as_str(hello.get());
  EXPECT_EQ(str->length, 5);
  EXPECT_EQ(str->byte_length, 6);
  EXPECT_FALSE(str->is_ascii);
  EXPECT_EQ(repr_of(hello.get()), "'héllo'");
  Ref quote = Ref::steal(str_from_utf8("it's"));
  EXPECT_EQ(repr_of(quote.get()), "\"it's\"");
  EXPECT_EQ(object_is_true(str_intern("")), 0);
  EXPECT_EQ(str_intern("name"), str_intern("name")) << "interned strings are unique";
  Ref copy = Ref::steal(str_from_utf8("name"));
  EXPECT_NE(copy.get(), str_intern("name"));
  EXPECT_EQ(object_hash(copy.get()), object_hash(str_intern("name")));
  EXPECT_EQ(object_rich_compare_bool(copy.get(), str_intern("name"), CompareOp::kEq), 1);
  EXPECT_EQ(object_rich_compare_bool(str_intern("abc"), str_intern("abd"), CompareOp::kLt), 1);
  EXPECT_EQ(object_rich_compare_bool(str_intern("z"), hello.get(), CompareOp::kGt), 1);
}

TEST_F(ObjectCore, TupleReprHashAndOrder) {
  Ref one = Ref::steal(tuple_pack({int_from_int64(1)}));
  EXPECT_EQ(repr_of(one.get()), "(1,)");
  EXPECT_EQ(repr_of(empty_tuple()), "()");
  Ref pair = Ref::steal(tuple_pack({int_from_int64(1), int_from_int64(2)}));
  EXPECT_EQ(repr_of(pair.get()), "(1, 2)");
  EXPECT_EQ(object_hash(pair.get()), -3550055125485641917);  // hash((1, 2)) in CPython 3.11
  EXPECT_EQ(object_hash(empty_tuple()), 5740354900026072187);
  Ref mixed = Ref::steal(tuple_pack({big_int("1267650600228229401496703205376").get(), int_from_int64(-1)}));
  EXPECT_EQ(object_hash(mixed.get()), -4182983940735665003);
  Ref longer = Ref::steal(tuple_pack({int_from_int64(1), int_from_int64(2), int_from_int64(0)}));
  EXPECT_EQ(object_rich_compare_bool(pair.get(), longer.get(), CompareOp::kLt), 1);
  EXPECT_EQ(object_rich_compare_bool(pair.get(), one.get(), CompareOp::kGt), 1);
  EXPECT_EQ(object_rich_compare_bool(pair.get(), longer.get(), CompareOp::kEq), 0);
}

TEST_F(ObjectCore, ComparingUnrelatedTypesRaisesPythonsTypeError) {
  EXPECT_EQ(object_rich_compare_bool(int_from_int64(1), str_intern("a"), CompareOp::kEq), 0)
      << "== falls back to identity";
  EXPECT_EQ(object_rich_compare_bool(int_from_int64(1), str_intern("a"), CompareOp::kLt), -1);
  ASSERT_TRUE(exception_matches(&type_error_type));
  Ref exception = Ref::steal(take_exception());
  Ref summary = Ref::steal(exception_summary(exception.get()));
  EXPECT_EQ(str_view(summary.get()), "TypeError: '<' not supported between instances of 'int' and 'str'");
}

TEST_F(ObjectCore, ExceptionsFollowPythonsHierarchyAndMessages) {
  EXPECT_EQ(raise_error(&zero_division_error_type, "division by zero"), nullptr);
  EXPECT_TRUE(exception_matches(&arithmetic_error_type));
  EXPECT_TRUE(exception_matches(&exception_type));
  EXPECT_FALSE(exception_matches(&lookup_error_type));
  Ref error = Ref::steal(take_exception());
  EXPECT_EQ(repr_of(error.get()), "ZeroDivisionError('division by zero')");
  Ref summary = Ref::steal(exception_summary(error.get()));
  EXPECT_EQ(str_view(summary.get()), "ZeroDivisionError: division by zero");

  raise_error_with_value(&key_error_type, str_intern("x"));
  Ref key_error = Ref::steal(take_exception());
  Ref key_summary = Ref::steal(exception_summary(key_error.get()));
  EXPECT_EQ(str_view(key_summary.get()), "KeyError: 'x'");

  Ref bare = Ref::steal(exception_new(&stop_iteration_type, empty_tuple()));
  Ref bare_summary = Ref::steal(exception_summary(bare.get()));
  EXPECT_EQ(str_view(bare_summary.get()), "StopIteration");
}

TEST_F(ObjectCore, UnhashableTypesRaise) {
  TypeObject unhashable{};
  init_static_type(unhashable, "list", sizeof(Object), &object_type, 0);
  unhashable.hash = nullptr;
  Object instance{};
  instance.header.type = &unhashable;
  rc::make_immortal(&instance.header);
  EXPECT_EQ(object_hash(&instance), -1);
  Ref exception = Ref::steal(take_exception());
  Ref summary = Ref::steal(exception_summary(exception.get()));
  EXPECT_EQ(str_view(summary.get()), "TypeError: unhashable type: 'list'");
}

}  // namespace
}  // namespace stitch
