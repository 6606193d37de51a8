// The iterator protocol: iter()/next() over lists, tuples, ranges and __getitem__ sequences,
// reversed(), and the errors python3.11 gives for what is not iterable.
#include <gtest/gtest.h>

#include "core/object/builtin_types.h"
#include "core/object/exceptions.h"
#include "core/object/iterators.h"
#include "core/object/list.h"
#include "core/object/range.h"
#include "core/object/slice.h"
#include "core/object/tests/object_test_support.h"
#include "core/object/tests/sequences_test_support.h"

namespace stitch {
namespace {

using testing::integer;
using testing::list_of;
using testing::repr_of;
using testing::take_error;
using IteratorTest = testing::ObjectTest;

std::string drain(Object* iterator) {
  Ref list = Ref::steal(list_new(0));
  while (Object* item = iter_next(iterator)) {
    list_append(list.get(), item);
    decref(item);
  }
  if (has_exception()) return take_error();
  return repr_of(list.get());
}

std::string iterate(Object* iterable) {
  Ref iterator = Ref::steal(object_get_iter(iterable));
  if (!iterator) return take_error();
  return drain(iterator.get());
}

Ref make_range(std::int64_t start, std::int64_t stop, std::int64_t step) {
  Ref a = integer(start), b = integer(stop), c = integer(step);
  return Ref::steal(range_new(a.get(), b.get(), c.get()));
}

TEST_F(IteratorTest, ListIteratorStaysExhausted) {
  Ref list = list_of({1, 2, 3});
  Ref iterator = Ref::steal(object_get_iter(list.get()));
  ASSERT_TRUE(iterator);
  EXPECT_STREQ(type_name(iterator.get()), "list_iterator");
  EXPECT_EQ(drain(iterator.get()), "[1, 2, 3]");
  ASSERT_EQ(list_append(list.get(), integer(4).get()), 0);
  EXPECT_EQ(iter_next(iterator.get()), nullptr) << "an exhausted list iterator stays exhausted";
  EXPECT_FALSE(has_exception());
  // An iterator sees items appended before it reaches the end.
  Ref fresh = Ref::steal(object_get_iter(list.get()));
  Ref first = Ref::steal(iter_next(fresh.get()));
  ASSERT_EQ(list_append(list.get(), integer(5).get()), 0);
  EXPECT_EQ(drain(fresh.get()), "[2, 3, 4, 5]");
  Ref self = Ref::steal(object_get_iter(iterator.get()));
  EXPECT_EQ(self.get(), iterator.get()) << "iter(iterator) is the iterator";
}

TEST_F(IteratorTest, NotIterableAndNotAnIterator) {
  EXPECT_EQ(object_get_iter(integer(1).get()), nullptr);
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(iter_next(integer(1).get()), nullptr);
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not an iterator");
  EXPECT_EQ(object_reversed(integer(1).get()), nullptr);
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not reversible");
}

TEST_F(IteratorTest, TupleAndRangeIterators) {
  Ref tuple = Ref::steal(tuple_pack({integer(7).get(), integer(8).get()}));
  Ref tuple_iterator = Ref::steal(object_get_iter(tuple.get()));
  EXPECT_STREQ(type_name(tuple_iterator.get()), "tuple_iterator");
  EXPECT_EQ(drain(tuple_iterator.get()), "[7, 8]");
  Ref range = make_range(1, 10, 3);
  Ref range_iterator = Ref::steal(object_get_iter(range.get()));
  EXPECT_STREQ(type_name(range_iterator.get()), "range_iterator");
  EXPECT_EQ(drain(range_iterator.get()), "[1, 4, 7]");
  EXPECT_EQ(iterate(make_range(10, 0, -3).get()), "[10, 7, 4, 1]");
  EXPECT_EQ(iterate(make_range(5, 5, 1).get()), "[]");
  // Near the int64 limits the small iterator must not overflow: list(range(2**63-3, 2**63-1)).
  EXPECT_EQ(iterate(make_range(INT64_MAX - 2, INT64_MAX, 1).get()), "[9223372036854775805, 9223372036854775806]");
  EXPECT_EQ(iterate(make_range(INT64_MIN, INT64_MAX, INT64_MAX).get()),
            "[-9223372036854775808, -1, 9223372036854775806]");
}

TEST_F(IteratorTest, ReversedListsAndRanges) {
  Ref list = list_of({1, 2, 3});
  Ref reversed = Ref::steal(object_reversed(list.get()));
  EXPECT_STREQ(type_name(reversed.get()), "list_reverseiterator");
  EXPECT_EQ(drain(reversed.get()), "[3, 2, 1]");
  Ref range_reversed = Ref::steal(object_reversed(make_range(1, 10, 3).get()));
  EXPECT_STREQ(type_name(range_reversed.get()), "range_iterator");
  EXPECT_EQ(drain(range_reversed.get()), "[7, 4, 1]");
  // list(reversed(range(-2**63, -2**63+3)))
  Ref low = Ref::steal(object_reversed(make_range(INT64_MIN, INT64_MIN + 3, 1).get()));
  EXPECT_EQ(drain(low.get()), "[-9223372036854775806, -9223372036854775807, -9223372036854775808]");
  Ref empty = Ref::steal(object_reversed(make_range(0, 0, 1).get()));
  EXPECT_EQ(drain(empty.get()), "[]");
  // Shrinking a list under a reverse iterator ends it instead of reading past the end.
  Ref shrinking = list_of({1, 2, 3, 4});
  Ref backwards = Ref::steal(object_reversed(shrinking.get()));
  Ref sliced = Ref::steal(slice_new(integer(1).get(), nullptr, nullptr));
  ASSERT_EQ(list_type.setitem(shrinking.get(), sliced.get(), nullptr), 0);
  EXPECT_EQ(drain(backwards.get()), "[]");
}

// A sequence known only through __getitem__: s[i] = i * 10 for i < 3, IndexError after.
TypeObject tens_type;
Object tens_object;

Object* tens_getitem(Object*, Object* key) {
  std::int64_t i = as_int(key)->small;
  if (i >= 3) return raise_error(&index_error_type, "");
  return int_from_int64(i * 10);
}
std::int64_t tens_length(Object*) { return 3; }

Object* tens() {
  static bool ready = [] {
    init_static_type(tens_type, "Tens", sizeof(Object), &object_type, 0);
    tens_type.getitem = tens_getitem;
    tens_type.length = tens_length;
    tens_object.header.type = &tens_type;
    rc::make_immortal(&tens_object.header);
    return true;
  }();
  (void)ready;
  return &tens_object;
}

TEST_F(IteratorTest, SequenceIteratorThroughGetitem) {
  Ref iterator = Ref::steal(object_get_iter(tens()));
  ASSERT_TRUE(iterator);
  EXPECT_STREQ(type_name(iterator.get()), "iterator");
  EXPECT_EQ(drain(iterator.get()), "[0, 10, 20]");
  EXPECT_EQ(iter_next(iterator.get()), nullptr);
  EXPECT_FALSE(has_exception());
  Ref list = Ref::steal(list_from_iterable(tens()));
  EXPECT_EQ(repr_of(list.get()), "[0, 10, 20]");
  Ref reversed = Ref::steal(object_reversed(tens()));
  EXPECT_STREQ(type_name(reversed.get()), "reversed");
  EXPECT_EQ(drain(reversed.get()), "[20, 10, 0]");
}

}  // namespace
}  // namespace stitch
