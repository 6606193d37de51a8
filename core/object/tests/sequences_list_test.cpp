// list: indexing, slicing, slice assignment, operators, comparison, repr, methods and sort, with
// values and messages taken from python3.11.
#include <gmp.h>
#include <gtest/gtest.h>

#include "core/object/bool.h"
#include "core/object/builtin_types.h"
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
using testing::list_of;
using testing::repr_of;
using testing::take_error;
using testing::text;
using ListTest = testing::ObjectTest;

Ref big_int(const char* decimal) {
  mpz_t value;
  mpz_init_set_str(value, decimal, 10);
  Ref result = Ref::steal(int_from_mpz(value));
  mpz_clear(value);
  return result;
}

Ref range_list(std::int64_t n) {
  Ref stop = integer(n);
  Ref range = Ref::steal(range_new(int_from_int64(0), stop.get(), nullptr));
  return Ref::steal(list_from_iterable(range.get()));
}

Ref slice_of(Object* start, Object* stop, Object* step) { return Ref::steal(slice_new(start, stop, step)); }

std::string getitem_repr(Object* container, Object* key) {
  Ref result = Ref::steal(type_of(container)->getitem(container, key));
  if (!result) return take_error();
  return repr_of(result.get());
}

TEST_F(ListTest, GetitemWithNegativeIndexesAndErrors) {
  Ref list = list_of({1, 2, 3});
  EXPECT_EQ(getitem_repr(list.get(), integer(-1).get()), "3");
  EXPECT_EQ(getitem_repr(list.get(), integer(0).get()), "1");
  EXPECT_EQ(getitem_repr(list.get(), integer(3).get()), "IndexError: list index out of range");
  EXPECT_EQ(getitem_repr(list.get(), integer(-4).get()), "IndexError: list index out of range");
  EXPECT_EQ(getitem_repr(list.get(), big_int("1180591620717411303424").get()),
            "IndexError: cannot fit 'int' into an index-sized integer");
  EXPECT_EQ(getitem_repr(list.get(), text("a").get()),
            "TypeError: list indices must be integers or slices, not str");
  EXPECT_EQ(getitem_repr(list.get(), py_true()), "2") << "bool is an int index";
}

TEST_F(ListTest, SlicesWithAnyStep) {
  Ref list = range_list(10);
  Ref minus_three = integer(-3);
  EXPECT_EQ(getitem_repr(list.get(), slice_of(nullptr, nullptr, minus_three.get()).get()), "[9, 6, 3, 0]");
  EXPECT_EQ(getitem_repr(list.get(), slice_of(integer(2).get(), integer(8).get(), integer(2).get()).get()),
            "[2, 4, 6]");
  EXPECT_EQ(getitem_repr(list.get(), slice_of(minus_three.get(), nullptr, nullptr).get()), "[7, 8, 9]");
  EXPECT_EQ(getitem_repr(list.get(), slice_of(integer(8).get(), integer(2).get(), nullptr).get()), "[]");
  EXPECT_EQ(getitem_repr(list.get(), slice_of(nullptr, nullptr, integer(0).get()).get()),
            "ValueError: slice step cannot be zero");
}

TEST_F(ListTest, SliceAssignmentAndDeletion) {
  auto assign = [](Object* list, Object* slice, Object* value) {
    if (type_of(list)->setitem(list, slice, value) < 0) return take_error();
    return repr_of(list);
  };
  Ref a_only = Ref::steal(tuple_pack({text("a").get()}));
  Ref list = range_list(10);
  EXPECT_EQ(assign(list.get(), slice_of(integer(2).get(), integer(5).get(), nullptr).get(), a_only.get()),
            "[0, 1, 'a', 5, 6, 7, 8, 9]");
  list = range_list(10);
  Ref four_x = Ref::steal(tuple_pack({text("x").get(), text("x").get(), text("x").get(), text("x").get()}));
  EXPECT_EQ(assign(list.get(), slice_of(nullptr, nullptr, integer(3).get()).get(), four_x.get()),
            "['x', 1, 2, 'x', 4, 5, 'x', 7, 8, 'x']");
  list = range_list(10);
  Ref two = list_of({1, 2});
  EXPECT_EQ(assign(list.get(), slice_of(nullptr, nullptr, integer(2).get()).get(), two.get()),
            "ValueError: attempt to assign sequence of size 2 to extended slice of size 5");
  list = range_list(10);
  EXPECT_EQ(assign(list.get(), slice_of(integer(8).get(), integer(2).get(), nullptr).get(), list_of({7, 7}).get()),
            "[0, 1, 2, 3, 4, 5, 6, 7, 7, 7, 8, 9]");
  list = range_list(10);
  EXPECT_EQ(assign(list.get(), slice_of(nullptr, nullptr, integer(2).get()).get(), nullptr), "[1, 3, 5, 7, 9]");
  list = range_list(10);
  EXPECT_EQ(assign(list.get(), slice_of(nullptr, nullptr, integer(-3).get()).get(), nullptr), "[1, 2, 4, 5, 7, 8]");
  list = range_list(3);
  EXPECT_EQ(assign(list.get(), slice_of(integer(0).get(), integer(1).get(), nullptr).get(), integer(1).get()),
            "TypeError: can only assign an iterable");
  EXPECT_EQ(assign(list.get(), integer(5).get(), integer(1).get()), "IndexError: list assignment index out of range");
  EXPECT_EQ(assign(list.get(), integer(5).get(), nullptr), "IndexError: list assignment index out of range");
  EXPECT_EQ(assign(list.get(), integer(-1).get(), text("z").get()), "[0, 1, 'z']");
  EXPECT_EQ(assign(list.get(), integer(0).get(), nullptr), "[1, 'z']");
  // Assigning a list's own contents to a slice of itself (a snapshot is taken first).
  EXPECT_EQ(assign(list.get(), slice_of(integer(1).get(), integer(1).get(), nullptr).get(), list.get()),
            "[1, 1, 'z', 'z']");
}

TEST_F(ListTest, ConcatRepeatAndInPlaceForms) {
  Ref one = list_of({1});
  Ref tuple = Ref::steal(tuple_pack({integer(1).get()}));
  EXPECT_EQ(list_type.sequence_concat(one.get(), tuple.get()), nullptr);
  EXPECT_EQ(take_error(), "TypeError: can only concatenate list (not \"tuple\") to list");
  Ref joined = Ref::steal(list_type.sequence_concat(one.get(), list_of({2, 3}).get()));
  EXPECT_EQ(repr_of(joined.get()), "[1, 2, 3]");
  EXPECT_EQ(repr_of(Ref::steal(list_type.sequence_repeat(list_of({1, 2}).get(), 3)).get()), "[1, 2, 1, 2, 1, 2]");
  EXPECT_EQ(repr_of(Ref::steal(list_type.sequence_repeat(list_of({1, 2}).get(), -1)).get()), "[]");
  Ref list = list_of({1, 2});
  Ref three_four = Ref::steal(tuple_pack({integer(3).get(), integer(4).get()}));
  Ref same = Ref::steal(list_type.sequence_inplace_concat(list.get(), three_four.get()));
  EXPECT_EQ(same.get(), list.get()) << "+= returns the list itself";
  EXPECT_EQ(repr_of(list.get()), "[1, 2, 3, 4]");
  Ref doubled = Ref::steal(list_type.sequence_inplace_repeat(list.get(), 2));
  EXPECT_EQ(repr_of(list.get()), "[1, 2, 3, 4, 1, 2, 3, 4]");
  Ref emptied = Ref::steal(list_type.sequence_inplace_repeat(list.get(), 0));
  EXPECT_EQ(repr_of(list.get()), "[]");
}

TEST_F(ListTest, LexicographicComparison) {
  EXPECT_EQ(object_rich_compare_bool(list_of({1, 2}).get(), list_of({1, 2, 0}).get(), CompareOp::kLt), 1);
  EXPECT_EQ(object_rich_compare_bool(list_of({1, 3}).get(), list_of({1, 2, 9}).get(), CompareOp::kGt), 1);
  EXPECT_EQ(object_rich_compare_bool(list_of({1, 2}).get(), list_of({1, 2}).get(), CompareOp::kEq), 1);
  EXPECT_EQ(object_rich_compare_bool(list_of({1, 2}).get(), list_of({1, 2}).get(), CompareOp::kNe), 0);
  EXPECT_EQ(object_rich_compare_bool(list_of({}).get(), list_of({}).get(), CompareOp::kGe), 1);
  Ref mixed = list_of({1});
  ASSERT_EQ(list_append(mixed.get(), text("a").get()), 0);
  EXPECT_EQ(object_rich_compare_bool(mixed.get(), list_of({1, 2}).get(), CompareOp::kLt), -1);
  EXPECT_EQ(take_error(), "TypeError: '<' not supported between instances of 'str' and 'int'");
  Ref tuple = Ref::steal(tuple_pack({integer(1).get()}));
  EXPECT_EQ(object_rich_compare_bool(list_of({1}).get(), tuple.get(), CompareOp::kEq), 0)
      << "a list never equals a tuple";
}

TEST_F(ListTest, ReprHandlesSelfReference) {
  Ref list = list_of({1});
  ASSERT_EQ(list_append(list.get(), text("a").get()), 0);
  ASSERT_EQ(list_append(list.get(), list.get()), 0);
  EXPECT_EQ(repr_of(list.get()), "[1, 'a', [...]]");
  EXPECT_EQ(repr_of(list_of({}).get()), "[]");
  // Break the cycle so the list is freed (no cycle collector yet).
  Ref popped = call_method(list.get(), "pop");
  EXPECT_EQ(popped.get(), list.get());
}

TEST_F(ListTest, InsertPopRemoveAndErrors) {
  Ref list = list_of({1, 2, 3});
  call_method(list.get(), "insert", {integer(-1).get(), integer(9).get()});
  call_method(list.get(), "insert", {integer(100).get(), integer(8).get()});
  call_method(list.get(), "insert", {integer(-100).get(), integer(7).get()});
  EXPECT_EQ(repr_of(list.get()), "[7, 1, 2, 9, 3, 8]");
  EXPECT_EQ(repr_of(call_method(list.get(), "pop").get()), "8");
  EXPECT_EQ(repr_of(call_method(list.get(), "pop", {integer(0).get()}).get()), "7");
  EXPECT_FALSE(call_method(list.get(), "pop", {integer(10).get()}));
  EXPECT_EQ(take_error(), "IndexError: pop index out of range");
  EXPECT_TRUE(call_method(list.get(), "remove", {integer(9).get()}));
  EXPECT_EQ(repr_of(list.get()), "[1, 2, 3]");
  EXPECT_FALSE(call_method(list.get(), "remove", {integer(9).get()}));
  EXPECT_EQ(take_error(), "ValueError: list.remove(x): x not in list");
  Ref empty = list_of({});
  EXPECT_FALSE(call_method(empty.get(), "pop"));
  EXPECT_EQ(take_error(), "IndexError: pop from empty list");
  EXPECT_FALSE(call_method(empty.get(), "append"));
  EXPECT_EQ(take_error(), "TypeError: list.append() takes exactly one argument (0 given)");
  EXPECT_FALSE(call_method(empty.get(), "insert", {integer(1).get()}));
  EXPECT_EQ(take_error(), "TypeError: insert expected 2 arguments, got 1");
  EXPECT_FALSE(call_method(empty.get(), "pop", {integer(1).get(), integer(2).get()}));
  EXPECT_EQ(take_error(), "TypeError: pop expected at most 1 argument, got 2");
  EXPECT_FALSE(call_method(empty.get(), "clear", {integer(1).get()}));
  EXPECT_EQ(take_error(), "TypeError: list.clear() takes no arguments (1 given)");
}

TEST_F(ListTest, IndexCountClearCopyReverse) {
  Ref list = list_of({5, 1, 4, 1});
  EXPECT_EQ(repr_of(call_method(list.get(), "index", {integer(1).get(), integer(2).get()}).get()), "3");
  EXPECT_EQ(repr_of(call_method(list.get(), "index", {integer(1).get(), integer(-3).get(), integer(-1).get()}).get()),
            "1");
  EXPECT_EQ(repr_of(call_method(list.get(), "count", {integer(1).get()}).get()), "2");
  EXPECT_FALSE(call_method(list.get(), "index", {integer(2).get()}));
  EXPECT_EQ(take_error(), "ValueError: 2 is not in list");
  EXPECT_FALSE(call_method(list.get(), "index", {text("a").get()}));
  EXPECT_EQ(take_error(), "ValueError: 'a' is not in list");
  EXPECT_FALSE(call_method(list.get(), "index", {integer(1).get(), text("a").get()}));
  EXPECT_EQ(take_error(), "TypeError: slice indices must be integers or have an __index__ method");
  Ref copy = call_method(list.get(), "copy");
  EXPECT_NE(copy.get(), list.get());
  call_method(list.get(), "reverse");
  EXPECT_EQ(repr_of(list.get()), "[1, 4, 1, 5]");
  EXPECT_EQ(repr_of(copy.get()), "[5, 1, 4, 1]");
  call_method(list.get(), "clear");
  EXPECT_EQ(repr_of(list.get()), "[]");
  EXPECT_EQ(list_type.contains(copy.get(), integer(4).get()), 1);
  EXPECT_EQ(list_type.contains(copy.get(), integer(7).get()), 0);
  EXPECT_EQ(list_type.length(copy.get()), 4);
  EXPECT_EQ(object_hash(copy.get()), -1);
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'list'");
}

TEST_F(ListTest, ListFromIterables) {
  Ref tuple = Ref::steal(tuple_pack({integer(1).get(), text("b").get()}));
  EXPECT_EQ(repr_of(Ref::steal(list_from_iterable(tuple.get())).get()), "[1, 'b']");
  EXPECT_EQ(repr_of(range_list(5).get()), "[0, 1, 2, 3, 4]");
  EXPECT_EQ(list_from_iterable(integer(1).get()), nullptr);
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not iterable");
  Ref self_extend = list_of({1, 2});
  ASSERT_EQ(list_extend(self_extend.get(), self_extend.get()), 0);
  EXPECT_EQ(repr_of(self_extend.get()), "[1, 2, 1, 2]");
}

// ---- sort ----

TEST_F(ListTest, SortIsStableAndHonoursReverse) {
  Ref list = list_of({3, 1, 2, 5, 4});
  ASSERT_TRUE(call_method(list.get(), "sort"));
  EXPECT_EQ(repr_of(list.get()), "[1, 2, 3, 4, 5]");
  ASSERT_TRUE(call_method(list.get(), "sort", {py_true()}, {"reverse"}));
  EXPECT_EQ(repr_of(list.get()), "[5, 4, 3, 2, 1]");
  // Stability with precomputed keys: sorted(range(40), key=lambda x: x % 3)
  Ref values = range_list(40);
  Ref keys = list_of({});
  for (int i = 0; i < 40; ++i) list_append(keys.get(), integer(i % 3).get());
  ASSERT_EQ(sort_list(as_list(values.get()), keys.get(), false), 0);
  EXPECT_EQ(repr_of(values.get()),
            "[0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, "
            "34, 37, 2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 32, 35, 38]");
  // sorted(range(10), key=lambda x: x % 3, reverse=True): equal keys keep their order.
  Ref ten = range_list(10);
  Ref ten_keys = list_of({0, 1, 2, 0, 1, 2, 0, 1, 2, 0});
  ASSERT_EQ(sort_list(as_list(ten.get()), ten_keys.get(), true), 0);
  EXPECT_EQ(repr_of(ten.get()), "[2, 5, 8, 1, 4, 7, 0, 3, 6, 9]");
  // A larger reversed input exercises the merges: list(range(1000, 0, -1)) sorted.
  Ref big = Ref::steal(range_new(int_from_int64(1000), int_from_int64(0), int_from_int64(-1)));
  Ref big_list = Ref::steal(list_from_iterable(big.get()));
  ASSERT_EQ(sort_list(as_list(big_list.get()), nullptr, false), 0);
  for (std::int64_t i = 0; i < 1000; ++i) {
    Ref item = Ref::steal(list_item_ref(as_list(big_list.get()), i));
    ASSERT_EQ(repr_of(item.get()), std::to_string(i + 1));
  }
}

TEST_F(ListTest, SortErrorsKeepAPermutation) {
  Ref list = list_of({3});
  list_append(list.get(), text("a").get());
  list_append(list.get(), integer(1).get());
  list_append(list.get(), integer(2).get());
  EXPECT_FALSE(call_method(list.get(), "sort"));
  EXPECT_EQ(take_error(), "TypeError: '<' not supported between instances of 'str' and 'int'");
  EXPECT_EQ(list_type.length(list.get()), 4);
  Ref expected[] = {integer(3), text("a"), integer(1), integer(2)};
  for (const Ref& item : expected) EXPECT_EQ(list_type.contains(list.get(), item.get()), 1);
  EXPECT_FALSE(call_method(list.get(), "sort", {integer(1).get()}));
  EXPECT_EQ(take_error(), "TypeError: sort() takes no positional arguments");
  EXPECT_FALSE(call_method(list.get(), "sort", {integer(1).get()}, {"foo"}));
  EXPECT_EQ(take_error(), "TypeError: 'foo' is an invalid keyword argument for sort()");
  EXPECT_FALSE(call_method(list.get(), "sort", {none()}, {"reverse"}));
  EXPECT_EQ(take_error(), "TypeError: 'NoneType' object cannot be interpreted as an integer");
}

// A callable native object for key functions: negates ints, and (when `victim` is set) appends
// to that list on every call, like `key=lambda x: (l.append(0), -x)[1]`.
TypeObject key_function_type;
Object* victim = nullptr;
Object key_function_object;

Object* key_function_call(Object*, Object* const* args, std::size_t nargs, Object*) {
  if (victim != nullptr && list_append(victim, integer(0).get()) < 0) return nullptr;
  std::int64_t value = as_int(args[0])->small;
  return int_from_int64(-value);
}

Object* key_function() {
  static bool ready = [] {
    init_static_type(key_function_type, "key_function", sizeof(Object), &object_type, 0);
    key_function_type.call = key_function_call;
    key_function_object.header.type = &key_function_type;
    rc::make_immortal(&key_function_object.header);
    return true;
  }();
  (void)ready;
  return &key_function_object;
}

TEST_F(ListTest, SortWithKeyFunctionAndModificationDetection) {
  Ref list = list_of({3, 1, 2});
  ASSERT_TRUE(call_method(list.get(), "sort", {key_function()}, {"key"}));
  EXPECT_EQ(repr_of(list.get()), "[3, 2, 1]") << "key=lambda x: -x";
  victim = list.get();
  EXPECT_FALSE(call_method(list.get(), "sort", {key_function()}, {"key"}));
  victim = nullptr;
  EXPECT_EQ(take_error(), "ValueError: list modified during sort");
  EXPECT_EQ(repr_of(list.get()), "[3, 2, 1]") << "the sorted original contents are restored";
  EXPECT_FALSE(call_method(list.get(), "sort", {integer(1).get()}, {"key"}));
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not callable");
  EXPECT_EQ(repr_of(list.get()), "[3, 2, 1]");
}

TEST_F(ListTest, ExtendFromIteratorsAndContainsOfMixedItems) {
  Ref list = list_of({1});
  Ref range = Ref::steal(range_new(int_from_int64(2), int_from_int64(5), nullptr));
  Ref iterator = Ref::steal(object_get_iter(range.get()));
  ASSERT_TRUE(call_method(list.get(), "extend", {iterator.get()}));
  EXPECT_EQ(repr_of(list.get()), "[1, 2, 3, 4]");
  EXPECT_FALSE(call_method(list.get(), "extend", {integer(3).get()}));
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not iterable");
  ASSERT_EQ(list_append(list.get(), text("s").get()), 0);
  EXPECT_EQ(list_type.contains(list.get(), text("s").get()), 1);
  EXPECT_EQ(list_type.contains(list.get(), text("t").get()), 0);
  EXPECT_EQ(list_type.contains(list.get(), py_true()), 1) << "True == 1";
  EXPECT_EQ(object_is_true(list.get()), 1);
  EXPECT_EQ(object_is_true(list_of({}).get()), 0);
}

}  // namespace
}  // namespace stitch
