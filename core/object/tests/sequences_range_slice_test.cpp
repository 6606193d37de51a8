// range, slice and tuple's sequence methods, with values and messages from python3.11.
#include <gmp.h>
#include <gtest/gtest.h>

#include "core/object/bool.h"
#include "core/object/iterators.h"
#include "core/object/list.h"
#include "core/object/range.h"
#include "core/object/singletons.h"
#include "core/object/slice.h"
#include "core/object/tests/object_test_support.h"
#include "core/object/tests/sequences_test_support.h"

namespace stitch {
namespace {

using testing::call_method;
using testing::integer;
using testing::repr_of;
using testing::take_error;
using testing::text;
using RangeSliceTest = testing::ObjectTest;

Ref big_int(const char* decimal) {
  mpz_t value;
  mpz_init_set_str(value, decimal, 10);
  Ref result = Ref::steal(int_from_mpz(value));
  mpz_clear(value);
  return result;
}

Ref make_range(std::vector<Object*> args) {
  return Ref::steal(range_type.new_instance(&range_type, args.data(), args.size(), nullptr));
}

std::string range_result(std::vector<Object*> args) {
  Ref range = make_range(args);
  return range ? repr_of(range.get()) : take_error();
}

std::string getitem_repr(Object* container, Object* key) {
  Ref result = Ref::steal(type_of(container)->getitem(container, key));
  return result ? repr_of(result.get()) : take_error();
}

std::string as_list_repr(Object* iterable) {
  Ref list = Ref::steal(list_from_iterable(iterable));
  return list ? repr_of(list.get()) : take_error();
}

TEST_F(RangeSliceTest, RangeConstructionReprAndErrors) {
  EXPECT_EQ(range_result({integer(5).get()}), "range(0, 5)");
  EXPECT_EQ(range_result({integer(0).get(), integer(10).get(), integer(2).get()}), "range(0, 10, 2)");
  EXPECT_EQ(range_result({integer(1).get(), integer(2).get(), integer(0).get()}),
            "ValueError: range() arg 3 must not be zero");
  EXPECT_EQ(range_result({}), "TypeError: range expected at least 1 argument, got 0");
  EXPECT_EQ(range_result({integer(1).get(), integer(2).get(), integer(3).get(), integer(4).get()}),
            "TypeError: range expected at most 3 arguments, got 4");
  EXPECT_EQ(range_result({text("a").get()}), "TypeError: 'str' object cannot be interpreted as an integer");
  Ref range = make_range({integer(0).get(), integer(10).get(), integer(3).get()});
  EXPECT_EQ(range_type.length(range.get()), 4);
  EXPECT_EQ(as_list_repr(range.get()), "[0, 3, 6, 9]");
  Ref down = make_range({integer(10).get(), integer(0).get(), integer(-3).get()});
  EXPECT_EQ(as_list_repr(down.get()), "[10, 7, 4, 1]");
}

TEST_F(RangeSliceTest, BigRanges) {
  Ref start = big_int("1180591620717411303424");  // 2**70
  Ref stop = big_int("1180591620717411303434");
  Ref range = make_range({start.get(), stop.get(), integer(3).get()});
  EXPECT_EQ(repr_of(range.get()), "range(1180591620717411303424, 1180591620717411303434, 3)");
  EXPECT_EQ(range_type.length(range.get()), 4);
  EXPECT_EQ(getitem_repr(range.get(), integer(-1).get()), "1180591620717411303433");
  EXPECT_EQ(range_type.contains(range.get(), big_int("1180591620717411303427").get()), 1);
  EXPECT_EQ(range_type.contains(range.get(), big_int("1180591620717411303428").get()), 0);
  EXPECT_EQ(as_list_repr(range.get()),
            "[1180591620717411303424, 1180591620717411303427, 1180591620717411303430, 1180591620717411303433]");
  Ref huge = make_range({integer(0).get(), big_int("9223372036854775808").get()});
  EXPECT_EQ(repr_of(huge.get()), "range(0, 9223372036854775808)");
  EXPECT_EQ(range_type.length(huge.get()), -1);
  EXPECT_EQ(take_error(), "OverflowError: Python int too large to convert to C ssize_t");
  Ref just_fits = make_range({integer(0).get(), big_int("9223372036854775807").get()});
  EXPECT_EQ(range_type.length(just_fits.get()), INT64_MAX);
  // Crossing 2**63 while iterating: list(range(2**63-3, 2**63+2)).
  Ref crossing = make_range({big_int("9223372036854775805").get(), big_int("9223372036854775810").get()});
  EXPECT_EQ(as_list_repr(crossing.get()),
            "[9223372036854775805, 9223372036854775806, 9223372036854775807, 9223372036854775808, "
            "9223372036854775809]");
  EXPECT_EQ(getitem_repr(range.get(), big_int("1180591620717411303424").get()),
            "IndexError: range object index out of range");
}

TEST_F(RangeSliceTest, RangeIndexingAndSlicing) {
  Ref ten = make_range({integer(0).get(), integer(10).get()});
  EXPECT_EQ(getitem_repr(ten.get(), integer(10).get()), "IndexError: range object index out of range");
  EXPECT_EQ(getitem_repr(ten.get(), integer(-10).get()), "0");
  EXPECT_EQ(getitem_repr(ten.get(), text("a").get()), "TypeError: range indices must be integers or slices, not str");
  Ref two_eight_three = Ref::steal(slice_new(integer(2).get(), integer(8).get(), integer(3).get()));
  EXPECT_EQ(getitem_repr(ten.get(), two_eight_three.get()), "range(2, 8, 3)");
  Ref reversed = Ref::steal(slice_new(nullptr, nullptr, integer(-1).get()));
  EXPECT_EQ(getitem_repr(ten.get(), reversed.get()), "range(9, -1, -1)");
  Ref odd = make_range({integer(-5).get(), integer(5).get(), integer(3).get()});
  Ref from_one = Ref::steal(slice_new(integer(1).get(), nullptr, nullptr));
  EXPECT_EQ(getitem_repr(odd.get(), from_one.get()), "range(-2, 7, 3)");
  Ref far = Ref::steal(slice_new(big_int("1180591620717411303424").get(), nullptr, nullptr));
  EXPECT_EQ(getitem_repr(ten.get(), far.get()), "range(10, 10)");
}

TEST_F(RangeSliceTest, RangeMembershipEqualityAndHash) {
  Ref range = make_range({integer(1).get(), integer(10).get()});
  EXPECT_FALSE(call_method(range.get(), "index", {integer(20).get()}));
  EXPECT_EQ(take_error(), "ValueError: 20 is not in range");
  EXPECT_EQ(repr_of(call_method(range.get(), "index", {integer(4).get()}).get()), "3");
  EXPECT_EQ(repr_of(call_method(range.get(), "count", {integer(3).get()}).get()), "1");
  EXPECT_EQ(repr_of(call_method(range.get(), "count", {text("3").get()}).get()), "0");
  EXPECT_EQ(range_type.contains(range.get(), py_true()), 1) << "True == 1";
  EXPECT_EQ(range_type.contains(range.get(), text("a").get()), 0);
  EXPECT_FALSE(call_method(range.get(), "index"));
  EXPECT_EQ(take_error(), "TypeError: range.index() takes exactly one argument (0 given)");
  Ref empty_a = make_range({integer(0).get()});
  Ref empty_b = make_range({integer(2).get(), integer(2).get()});
  EXPECT_EQ(object_rich_compare_bool(empty_a.get(), empty_b.get(), CompareOp::kEq), 1);
  Ref evens_a = make_range({integer(0).get(), integer(3).get(), integer(2).get()});
  Ref evens_b = make_range({integer(0).get(), integer(4).get(), integer(2).get()});
  EXPECT_EQ(object_rich_compare_bool(evens_a.get(), evens_b.get(), CompareOp::kEq), 1);
  EXPECT_EQ(object_hash(evens_a.get()), object_hash(evens_b.get()));
  EXPECT_EQ(object_rich_compare_bool(evens_a.get(), range.get(), CompareOp::kNe), 1);
  EXPECT_EQ(object_rich_compare_bool(evens_a.get(), evens_b.get(), CompareOp::kLt), -1);
  EXPECT_EQ(take_error(), "TypeError: '<' not supported between instances of 'range' and 'range'");
  // hash(range(0, 10, 2)) == hash((5, 0, 2))
  Ref key = Ref::steal(tuple_pack({integer(5).get(), integer(0).get(), integer(2).get()}));
  Ref stepped = make_range({integer(0).get(), integer(10).get(), integer(2).get()});
  EXPECT_EQ(object_hash(stepped.get()), object_hash(key.get()));
}

TEST_F(RangeSliceTest, SliceReprIndicesAndErrors) {
  Ref a = Ref::steal(slice_new(integer(1).get(), integer(2).get(), nullptr));
  EXPECT_EQ(repr_of(a.get()), "slice(1, 2, None)");
  Ref none_slice = Ref::steal(slice_new(nullptr, nullptr, nullptr));
  EXPECT_EQ(repr_of(none_slice.get()), "slice(None, None, None)");
  auto indices = [](Object* slice, Object* length) {
    Ref result = call_method(slice, "indices", {length});
    return result ? repr_of(result.get()) : take_error();
  };
  EXPECT_EQ(indices(none_slice.get(), integer(5).get()), "(0, 5, 1)");
  Ref reverse = Ref::steal(slice_new(nullptr, nullptr, integer(-1).get()));
  EXPECT_EQ(indices(reverse.get(), integer(5).get()), "(4, -1, -1)");
  Ref wide = Ref::steal(slice_new(integer(-100).get(), integer(100).get(), integer(2).get()));
  EXPECT_EQ(indices(wide.get(), integer(10).get()), "(0, 10, 2)");
  Ref huge = Ref::steal(slice_new(big_int("1180591620717411303424").get(), big_int("-1180591620717411303424").get(),
                                  integer(-1).get()));
  EXPECT_EQ(indices(huge.get(), integer(10).get()), "(9, -1, -1)");
  Ref zero_step = Ref::steal(slice_new(integer(1).get(), integer(2).get(), integer(0).get()));
  EXPECT_EQ(indices(zero_step.get(), integer(5).get()), "ValueError: slice step cannot be zero");
  EXPECT_EQ(indices(a.get(), integer(-1).get()), "ValueError: length should not be negative");
  Ref bad = Ref::steal(slice_new(nullptr, text("a").get(), nullptr));
  EXPECT_EQ(indices(bad.get(), integer(3).get()),
            "TypeError: slice indices must be integers or None or have an __index__ method");
  EXPECT_EQ(object_hash(a.get()), -1);
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'slice'");
  Ref a_again = Ref::steal(slice_new(integer(1).get(), integer(2).get(), nullptr));
  EXPECT_EQ(object_rich_compare_bool(a.get(), a_again.get(), CompareOp::kEq), 1);
  Ref b = Ref::steal(slice_new(integer(1).get(), integer(3).get(), nullptr));
  EXPECT_EQ(object_rich_compare_bool(a.get(), b.get(), CompareOp::kLt), 1);
  // The C++ helper: slice(-3, None).indices(5) == (2, 5, 1), length 3.
  Ref tail = Ref::steal(slice_new(integer(-3).get(), nullptr, nullptr));
  std::int64_t start = 0, stop = 0, step = 0, length = 0;
  ASSERT_TRUE(slice_unpack_indices(tail.get(), 5, &start, &stop, &step, &length));
  EXPECT_EQ(start, 2);
  EXPECT_EQ(stop, 5);
  EXPECT_EQ(step, 1);
  EXPECT_EQ(length, 3);
}

TEST_F(RangeSliceTest, TupleSequenceMethods) {
  Ref t = Ref::steal(tuple_pack({integer(1).get(), integer(2).get(), integer(3).get(), integer(2).get()}));
  Ref reverse = Ref::steal(slice_new(nullptr, nullptr, integer(-1).get()));
  EXPECT_EQ(getitem_repr(t.get(), reverse.get()), "(2, 3, 2, 1)");
  Ref middle = Ref::steal(slice_new(integer(1).get(), integer(3).get(), nullptr));
  EXPECT_EQ(getitem_repr(t.get(), middle.get()), "(2, 3)");
  EXPECT_EQ(getitem_repr(t.get(), integer(-1).get()), "2");
  EXPECT_EQ(getitem_repr(t.get(), integer(5).get()), "IndexError: tuple index out of range");
  EXPECT_EQ(getitem_repr(t.get(), text("a").get()), "TypeError: tuple indices must be integers or slices, not str");
  Ref all = Ref::steal(slice_new(nullptr, nullptr, nullptr));
  Ref same = Ref::steal(tuple_type.getitem(t.get(), all.get()));
  EXPECT_EQ(same.get(), t.get()) << "t[:] is t";
  EXPECT_EQ(repr_of(Ref::steal(tuple_type.sequence_repeat(t.get(), 2)).get()), "(1, 2, 3, 2, 1, 2, 3, 2)");
  EXPECT_EQ(repr_of(Ref::steal(tuple_type.sequence_repeat(t.get(), -1)).get()), "()");
  Ref list = Ref::steal(list_new(0));
  EXPECT_EQ(tuple_type.sequence_concat(t.get(), list.get()), nullptr);
  EXPECT_EQ(take_error(), "TypeError: can only concatenate tuple (not \"list\") to tuple");
  Ref one = Ref::steal(tuple_pack({text("x").get()}));
  EXPECT_EQ(repr_of(Ref::steal(tuple_type.sequence_concat(one.get(), t.get())).get()), "('x', 1, 2, 3, 2)");
  EXPECT_EQ(repr_of(call_method(t.get(), "index", {integer(2).get()}).get()), "1");
  EXPECT_EQ(repr_of(call_method(t.get(), "index", {integer(2).get(), integer(2).get()}).get()), "3");
  EXPECT_FALSE(call_method(t.get(), "index", {integer(2).get(), integer(4).get()}));
  EXPECT_EQ(take_error(), "ValueError: tuple.index(x): x not in tuple");
  EXPECT_EQ(repr_of(call_method(t.get(), "count", {integer(2).get()}).get()), "2");
  EXPECT_FALSE(call_method(t.get(), "count"));
  EXPECT_EQ(take_error(), "TypeError: tuple.count() takes exactly one argument (0 given)");
  EXPECT_EQ(tuple_type.contains(t.get(), integer(3).get()), 1);
  EXPECT_EQ(tuple_type.contains(t.get(), integer(7).get()), 0);
}

TEST_F(RangeSliceTest, ConstructorsAndAttributes) {
  auto construct = [](TypeObject* type, std::vector<Object*> args, Object* kwnames = nullptr) {
    Ref result = Ref::steal(type->new_instance(type, args.data(), args.size() - (kwnames ? 1 : 0), kwnames));
    return result ? repr_of(result.get()) : take_error();
  };
  EXPECT_EQ(construct(&slice_type, {integer(5).get()}), "slice(None, 5, None)");
  EXPECT_EQ(construct(&slice_type, {}), "TypeError: slice expected at least 1 argument, got 0");
  EXPECT_EQ(construct(&list_type, {}), "[]");
  EXPECT_EQ(construct(&list_type, {integer(1).get(), integer(2).get()}),
            "TypeError: list expected at most 1 argument, got 2");
  Ref names = Ref::steal(tuple_pack({str_intern("x")}));
  EXPECT_EQ(construct(&list_type, {integer(1).get()}, names.get()), "TypeError: list() takes no keyword arguments");
  EXPECT_EQ(construct(&range_type, {integer(1).get()}, names.get()), "TypeError: range() takes no keyword arguments");
  Ref range = make_range({integer(1).get(), integer(9).get(), integer(4).get()});
  Ref slice = Ref::steal(slice_new(integer(1).get(), nullptr, integer(2).get()));
  auto attribute = [](Object* object, const char* name) {
    for (const GetSetDef* def = type_of(object)->getsets; def->name != nullptr; ++def) {
      if (std::string(def->name) == name) return repr_of(Ref::steal(def->get(object)).get());
    }
    return std::string("<missing>");
  };
  EXPECT_EQ(attribute(range.get(), "start") + attribute(range.get(), "stop") + attribute(range.get(), "step"), "194");
  EXPECT_EQ(attribute(slice.get(), "start") + " " + attribute(slice.get(), "stop") + " " + attribute(slice.get(), "step"),
            "1 None 2");
}

}  // namespace
}  // namespace stitch
