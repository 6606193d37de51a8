// set and frozenset: printing order, operators, methods, hashes and messages, checked against
// live CPython 3.11 outputs (each expected string below was printed by python3).
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "core/object/bool.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/protocol.h"
#include "core/object/set.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tests/object_test_support.h"
#include "core/object/tuple.h"

namespace stitch {
namespace {

using SetTest = testing::ObjectTest;

std::string repr_of(Object* object) {
  Ref text = Ref::steal(object_repr(object));
  EXPECT_TRUE(text);
  return text ? std::string(str_view(text.get())) : std::string("<error>");
}

std::string take_error() {
  Ref exception = Ref::steal(take_exception());
  if (!exception) return "<no exception>";
  Ref summary = Ref::steal(exception_summary(exception.get()));
  return summary ? std::string(str_view(summary.get())) : std::string("<summary failed>");
}

Object* small(std::int64_t value) { return int_from_int64(value); }

// A set built by adding the ints in order (expected outputs come from python3 doing
// `s = set(); for x in (...): s.add(x)`: a display of constants is built differently, see below).
Ref set_of(std::initializer_list<std::int64_t> values) {
  Ref set = Ref::steal(set_new(nullptr));
  for (std::int64_t value : values) {
    Ref item = Ref::steal(int_from_int64(value));
    EXPECT_EQ(set_add(set.get(), item.get()), 0);
  }
  return set;
}

Ref tuple_of(std::initializer_list<std::int64_t> values) {
  Ref tuple = Ref::steal(tuple_new_uninitialized(static_cast<std::int64_t>(values.size())));
  std::int64_t i = 0;
  for (std::int64_t value : values) as_tuple(tuple.get())->items[i++] = int_from_int64(value);
  return tuple;
}

Ref range_set(std::int64_t start, std::int64_t stop, std::int64_t step) {
  Ref set = Ref::steal(set_new(nullptr));
  for (std::int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
    Ref item = Ref::steal(int_from_int64(i));
    set_add(set.get(), item.get());
  }
  return set;
}

using Method = Object* (*)(Object*, Object* const*, std::size_t, Object*);
Ref call(Method method, Object* self, std::vector<Object*> args = {}) {
  return Ref::steal(method(self, args.data(), args.size(), nullptr));
}

TEST_F(SetTest, PrintingOrderMatchesPython) {
  EXPECT_EQ(repr_of(set_of({5, 1, 3, 100, 33}).get()), "{1, 33, 3, 100, 5}");
  // Expected values printed by: s = set(); for x in (...): s.add(x)
  EXPECT_EQ(repr_of(set_of({100, 200, 300, 8, 16, 24, 32}).get()), "{32, 100, 200, 8, 300, 16, 24}");
  EXPECT_EQ(repr_of(range_set(20, 0, -3).get()), "{2, 5, 8, 11, 14, 17, 20}");
  EXPECT_EQ(repr_of(set_of({1024, 512, 7, 9, 64, 65, 1000}).get()), "{1024, 512, 64, 65, 7, 1000, 9}");
  EXPECT_EQ(repr_of(set_of({-1, -2, -5, 3}).get()), "{3, -5, -1, -2}");
  EXPECT_EQ(repr_of(range_set(0, 1000, 37).get()),
            "{0, 259, 518, 777, 148, 407, 666, 925, 37, 296, 555, 814, 185, 444, 703, 962, 74, "
            "333, 592, 851, 222, 481, 740, 999, 111, 370, 629, 888}");
}

// A display of 3+ constants, {100, 200, ...}, is compiled by CPython 3.11 to a frozenset constant
// (frozenset(elements), rebuilt from its own iteration order when constants are merged) that
// SET_UPDATE copies into a new empty set. Doing the same steps gives python3's printed order.
Ref compiled_set_display(std::initializer_list<std::int64_t> values) {
  Ref folded = Ref::steal(frozenset_new(tuple_of(values).get()));
  Ref items = Ref::steal(tuple_new_uninitialized(set_size(folded.get())));
  std::int64_t position = 0, i = 0;
  Object* key = nullptr;
  while (set_next(folded.get(), &position, &key)) as_tuple(items.get())->items[i++] = new_ref(key);
  Ref merged = Ref::steal(frozenset_new(items.get()));
  Ref result = Ref::steal(set_new(nullptr));
  EXPECT_EQ(set_update(result.get(), merged.get()), 0);
  return result;
}

TEST_F(SetTest, ConstantSetDisplaysPrintLikePython) {
  EXPECT_EQ(repr_of(compiled_set_display({100, 200, 300, 8, 16, 24, 32}).get()), "{32, 16, 100, 8, 24, 300, 200}");
  EXPECT_EQ(repr_of(compiled_set_display({-1, -2, -5, 3}).get()), "{3, -2, -1, -5}");
  EXPECT_EQ(repr_of(compiled_set_display({5, 1, 3, 100, 33}).get()), "{1, 33, 3, 100, 5}");
  EXPECT_EQ(repr_of(compiled_set_display({7, 15, 23}).get()), "{23, 7, 15}");
}

TEST_F(SetTest, OrderAfterDeletionsReusesDummySlots) {
  // s=set(range(30)); [s.discard(i) for i in range(0,30,2)]; s.add(100); s.add(64)
  Ref set = range_set(0, 30, 1);
  for (int i = 0; i < 30; i += 2) EXPECT_EQ(set_discard(set.get(), small(i)), 1);
  set_add(set.get(), small(100));
  set_add(set.get(), small(64));
  EXPECT_EQ(repr_of(set.get()), "{1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 64, 100}");
  Ref a = set_of({1, 2, 3});
  set_discard(a.get(), small(2));
  set_add(a.get(), small(10));
  EXPECT_EQ(repr_of(a.get()), "{1, 10, 3}");
  Ref b = set_of({8, 16, 1});
  set_discard(b.get(), small(8));
  set_add(b.get(), small(24));
  EXPECT_EQ(repr_of(b.get()), "{24, 16, 1}");
}

TEST_F(SetTest, TuplesAndIntsTogether) {
  Ref items = Ref::steal(tuple_pack({Ref::steal(tuple_pack({small(1), small(2)})).get(),
                                     Ref::steal(tuple_pack({small(3), small(4)})).get(),
                                     Ref::steal(tuple_pack({small(5), small(6)})).get(), small(1)}));
  Ref set = Ref::steal(set_new(items.get()));
  EXPECT_EQ(repr_of(set.get()), "{1, (1, 2), (3, 4), (5, 6)}");
}

TEST_F(SetTest, OperatorsGiveCPythonsOrder) {
  Ref a = set_of({1, 2, 3});
  Ref b = set_of({100, 9, 17});
  EXPECT_EQ(repr_of(Ref::steal(set_type.number.bit_or(a.get(), b.get())).get()), "{1, 2, 3, 100, 17, 9}");
  Ref ten = range_set(1, 11, 1);
  Ref c = set_of({10, 9, 3, 1000});
  EXPECT_EQ(repr_of(Ref::steal(set_type.number.bit_and(ten.get(), c.get())).get()), "{9, 10, 3}");
  Ref d = set_of({10, 9, 3});
  EXPECT_EQ(repr_of(Ref::steal(set_type.number.subtract(ten.get(), d.get())).get()), "{1, 2, 4, 5, 6, 7, 8}");
  Ref e = set_of({1, 2, 3, 40});
  Ref f = set_of({3, 40, 50, 8});
  EXPECT_EQ(repr_of(Ref::steal(set_type.number.bit_xor(e.get(), f.get())).get()), "{1, 2, 8, 50}");
}

TEST_F(SetTest, OperatorsOnlyTakeSets) {
  Ref a = set_of({1});
  Ref tuple = tuple_of({1});
  EXPECT_EQ(Ref::steal(set_type.number.bit_or(a.get(), tuple.get())).get(), not_implemented());
  EXPECT_EQ(Ref::steal(set_type.number.bit_and(a.get(), tuple.get())).get(), not_implemented());
  EXPECT_EQ(Ref::steal(set_type.number.subtract(a.get(), tuple.get())).get(), not_implemented());
  EXPECT_EQ(Ref::steal(set_type.number.bit_xor(a.get(), tuple.get())).get(), not_implemented());
  EXPECT_EQ(Ref::steal(set_type.number.inplace_or(a.get(), tuple.get())).get(), not_implemented());
  EXPECT_EQ(object_rich_compare(a.get(), tuple.get(), CompareOp::kLt), nullptr);
  EXPECT_EQ(take_error(), "TypeError: '<' not supported between instances of 'set' and 'tuple'");
}

TEST_F(SetTest, MethodsTakeSeveralIterables) {
  Ref a = set_of({1, 2, 3});
  Ref t1 = tuple_of({3, 4});
  Ref t2 = tuple_of({5});
  EXPECT_EQ(repr_of(call(set_method_union, a.get(), {t1.get(), t2.get()}).get()), "{1, 2, 3, 4, 5}");
  Ref big = range_set(0, 10, 1);
  Ref t3 = tuple_of({9, 3, 5, 7});
  Ref t4 = tuple_of({7, 5, 100});
  EXPECT_EQ(repr_of(call(set_method_intersection, big.get(), {t3.get(), t4.get()}).get()), "{5, 7}");
  EXPECT_EQ(repr_of(call(set_method_difference, big.get(), {t3.get(), t4.get()}).get()), "{0, 1, 2, 4, 6, 8}");
  EXPECT_EQ(repr_of(call(set_method_symmetric_difference, a.get(), {t1.get()}).get()), "{1, 2, 4}");
  EXPECT_FALSE(call(set_method_symmetric_difference, a.get(), {t1.get(), t2.get()}));
  EXPECT_EQ(take_error(), "TypeError: set.symmetric_difference() takes exactly one argument (2 given)");
  EXPECT_FALSE(call(set_method_union, a.get(), {small(1)}));
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(repr_of(call(set_method_intersection, a.get()).get()), "{1, 2, 3}");
}

TEST_F(SetTest, UpdateMethodsMutateInPlace) {
  Ref a = set_of({1, 2, 3});
  Ref t = tuple_of({3, 4});
  EXPECT_TRUE(call(set_method_update, a.get(), {t.get()}));
  EXPECT_EQ(repr_of(a.get()), "{1, 2, 3, 4}");
  EXPECT_TRUE(call(set_method_difference_update, a.get(), {t.get()}));
  EXPECT_EQ(repr_of(a.get()), "{1, 2}");
  EXPECT_TRUE(call(set_method_symmetric_difference_update, a.get(), {t.get()}));
  EXPECT_EQ(repr_of(a.get()), "{1, 2, 3, 4}");
  // s=set(range(100)); s.intersection_update(<5, 3, 99, 1000 added in order>) -> {3, 99, 5}
  Ref hundred = range_set(0, 100, 1);
  Ref keep = set_of({5, 3, 99, 1000});
  EXPECT_TRUE(call(set_method_intersection_update, hundred.get(), {keep.get()}));
  EXPECT_EQ(repr_of(hundred.get()), "{3, 99, 5}");
  Ref same = Ref::steal(set_type.number.inplace_or(a.get(), keep.get()));
  EXPECT_EQ(same.get(), a.get());
  EXPECT_EQ(set_size(a.get()), 7);
}

TEST_F(SetTest, AddRemoveDiscardAndTheirErrors) {
  Ref a = set_of({1});
  EXPECT_TRUE(call(set_method_remove, a.get(), {small(1)}));
  EXPECT_FALSE(call(set_method_remove, a.get(), {small(5)}));
  EXPECT_EQ(take_error(), "KeyError: 5");
  EXPECT_TRUE(call(set_method_discard, a.get(), {small(5)}));
  EXPECT_FALSE(call(set_method_add, a.get()));
  EXPECT_EQ(take_error(), "TypeError: set.add() takes exactly one argument (0 given)");
  EXPECT_FALSE(call(set_method_add, a.get(), {small(1), small(2)}));
  EXPECT_EQ(take_error(), "TypeError: set.add() takes exactly one argument (2 given)");
  Ref inner = Ref::steal(set_new(nullptr));
  EXPECT_FALSE(call(set_method_add, a.get(), {inner.get()}));
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'set'");
}

TEST_F(SetTest, PopOrderAndEmptyError) {
  // s=set(range(10)); s.pop(), s.pop() -> 0 1 ; then {2, ..., 9}
  Ref s = range_set(0, 10, 1);
  EXPECT_EQ(call(set_method_pop, s.get()).get(), small(0));
  EXPECT_EQ(call(set_method_pop, s.get()).get(), small(1));
  EXPECT_EQ(repr_of(s.get()), "{2, 3, 4, 5, 6, 7, 8, 9}");
  // s = <7, 15, 23 added in order>; s.pop() -> 15, leaving {23, 7}
  Ref t = set_of({7, 15, 23});
  EXPECT_EQ(call(set_method_pop, t.get()).get(), small(15));
  EXPECT_EQ(repr_of(t.get()), "{23, 7}");
  Ref empty = Ref::steal(set_new(nullptr));
  EXPECT_FALSE(call(set_method_pop, empty.get()));
  EXPECT_EQ(take_error(), "KeyError: 'pop from an empty set'");
}

TEST_F(SetTest, ReprOfEmptyAndFrozen) {
  Ref empty = Ref::steal(set_new(nullptr));
  EXPECT_EQ(repr_of(empty.get()), "set()");
  Ref frozen_empty = Ref::steal(frozenset_new(nullptr));
  EXPECT_EQ(repr_of(frozen_empty.get()), "frozenset()");
  Ref pair = set_of({1, 2});
  Ref frozen = Ref::steal(frozenset_new(pair.get()));
  EXPECT_EQ(repr_of(frozen.get()), "frozenset({1, 2})");
  EXPECT_EQ(repr_of(pair.get()), "{1, 2}");
}

TEST_F(SetTest, FrozensetHashMatchesPython) {
  Ref one_two = Ref::steal(frozenset_new(tuple_of({1, 2}).get()));
  EXPECT_EQ(object_hash(one_two.get()), -1826646154956904602);
  Ref empty = Ref::steal(frozenset_new(nullptr));
  EXPECT_EQ(object_hash(empty.get()), 133146708735736);
  Ref inner = tuple_of({4, 5});
  Ref mixed_items = Ref::steal(tuple_pack({small(1), small(2), small(3), inner.get()}));
  Ref mixed = Ref::steal(frozenset_new(mixed_items.get()));
  EXPECT_EQ(object_hash(mixed.get()), 2092784767074222892);
  Ref hundred_set = range_set(0, 100, 1);
  Ref hundred = Ref::steal(frozenset_new(hundred_set.get()));
  EXPECT_EQ(object_hash(hundred.get()), 4411996150312757951);
  Ref set = set_of({1});
  EXPECT_EQ(object_hash(set.get()), -1);
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'set'");
}

TEST_F(SetTest, ComparisonsAreSubsetTests) {
  Ref a = set_of({1, 2});
  Ref b = set_of({1, 2, 3});
  Ref c = set_of({1});
  Ref d = set_of({2});
  Ref frozen = Ref::steal(frozenset_new(tuple_of({2, 1}).get()));
  EXPECT_EQ(object_rich_compare_bool(a.get(), b.get(), CompareOp::kLt), 1);
  EXPECT_EQ(object_rich_compare_bool(a.get(), a.get(), CompareOp::kLe), 1);
  EXPECT_EQ(object_rich_compare_bool(a.get(), c.get(), CompareOp::kGt), 1);
  EXPECT_EQ(object_rich_compare_bool(a.get(), frozen.get(), CompareOp::kEq), 1);
  EXPECT_EQ(object_rich_compare_bool(c.get(), d.get(), CompareOp::kGe), 0);
  EXPECT_EQ(object_rich_compare_bool(a.get(), a.get(), CompareOp::kLt), 0);
  EXPECT_EQ(object_rich_compare_bool(c.get(), d.get(), CompareOp::kNe), 1);
}

TEST_F(SetTest, SubsetSupersetDisjointWithIterables) {
  Ref a = set_of({1, 2});
  Ref t = tuple_of({1, 2, 3});
  Ref u = tuple_of({3, 4});
  EXPECT_EQ(call(set_method_issubset, a.get(), {t.get()}).get(), py_true());
  EXPECT_EQ(call(set_method_issuperset, a.get(), {t.get()}).get(), py_false());
  EXPECT_EQ(call(set_method_issuperset, a.get(), {tuple_of({2}).get()}).get(), py_true());
  EXPECT_EQ(call(set_method_isdisjoint, a.get(), {u.get()}).get(), py_true());
  EXPECT_EQ(call(set_method_isdisjoint, a.get(), {t.get()}).get(), py_false());
  EXPECT_FALSE(call(set_method_issubset, a.get()));
  EXPECT_EQ(take_error(), "TypeError: set.issubset() takes exactly one argument (0 given)");
  EXPECT_FALSE(call(set_method_isdisjoint, a.get(), {small(1)}));
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not iterable");
}

TEST_F(SetTest, SetKeyIsLookedUpAsFrozenset) {
  Ref inner = set_of({1, 2});
  Ref frozen = Ref::steal(frozenset_new(inner.get()));
  Ref outer = Ref::steal(set_new(nullptr));
  ASSERT_EQ(set_add(outer.get(), frozen.get()), 0);
  EXPECT_EQ(set_contains(outer.get(), inner.get()), 1);
  EXPECT_FALSE(has_exception());
  EXPECT_EQ(set_discard(outer.get(), inner.get()), 1);
  EXPECT_EQ(set_size(outer.get()), 0);
}

TEST_F(SetTest, IterationDetectsSizeChange) {
  Ref s = set_of({1});
  Ref iterator = Ref::steal(set_type.iter(s.get()));
  Ref first = Ref::steal(type_of(iterator.get())->iternext(iterator.get()));
  EXPECT_EQ(first.get(), small(1));
  set_add(s.get(), small(2));
  EXPECT_FALSE(Ref::steal(type_of(iterator.get())->iternext(iterator.get())));
  EXPECT_EQ(take_error(), "RuntimeError: Set changed size during iteration");
}

TEST_F(SetTest, BuiltFromDictFollowsDictOrder) {
  // print(set({50:0, 9:0, 2:0})) -> {9, 50, 2};  {3,1} | set(dict.fromkeys([50, 9, 2])) -> {1, 50, 3, 2, 9}
  Ref keys = tuple_of({50, 9, 2});
  Ref dict = Ref::steal(dict_fromkeys(keys.get(), small(0)));
  Ref from_dict = Ref::steal(set_new(dict.get()));
  EXPECT_EQ(repr_of(from_dict.get()), "{9, 50, 2}");
  Ref left = set_of({3, 1});
  EXPECT_EQ(repr_of(Ref::steal(set_type.number.bit_or(left.get(), from_dict.get())).get()), "{1, 50, 3, 2, 9}");
}

TEST_F(SetTest, FrozensetCopyIsIdentityAndOpsKeepTheType) {
  Ref frozen = Ref::steal(frozenset_new(tuple_of({1, 2}).get()));
  EXPECT_EQ(call(set_method_copy, frozen.get()).get(), frozen.get());
  EXPECT_EQ(Ref::steal(frozenset_new(frozen.get())).get(), frozen.get());
  Ref other = set_of({3});
  Ref united = Ref::steal(frozenset_type.number.bit_or(frozen.get(), other.get()));
  EXPECT_EQ(repr_of(united.get()), "frozenset({1, 2, 3})");
  Ref set = set_of({1, 2});
  Ref copy = call(set_method_copy, set.get());
  EXPECT_NE(copy.get(), set.get());
  EXPECT_EQ(repr_of(copy.get()), "{1, 2}");
  EXPECT_TRUE(call(set_method_clear, set.get()));
  EXPECT_EQ(repr_of(set.get()), "set()");
  EXPECT_EQ(repr_of(copy.get()), "{1, 2}");
}

TEST_F(SetTest, LargeSetsKeepEveryElement) {
  Ref s = range_set(0, 20000, 3);
  EXPECT_EQ(set_size(s.get()), 6667);
  for (int i = 0; i < 20000; ++i) {
    Ref item = Ref::steal(int_from_int64(i));
    EXPECT_EQ(set_contains(s.get(), item.get()), i % 3 == 0 ? 1 : 0);
  }
  Ref evens = range_set(0, 20000, 2);
  Ref both = Ref::steal(set_type.number.bit_and(s.get(), evens.get()));
  EXPECT_EQ(set_size(both.get()), 3334);
}

TEST_F(SetTest, ConstructorsCheckTheirArguments) {
  Ref t = tuple_of({3, 1, 3});
  Object* args[] = {t.get(), t.get()};
  Ref made = Ref::steal(set_type.new_instance(&set_type, args, 1, nullptr));
  EXPECT_EQ(repr_of(made.get()), "{1, 3}");
  Ref frozen = Ref::steal(frozenset_type.new_instance(&frozenset_type, args, 1, nullptr));
  EXPECT_EQ(repr_of(frozen.get()), "frozenset({1, 3})");
  Ref empty = Ref::steal(set_type.new_instance(&set_type, args, 0, nullptr));
  EXPECT_EQ(repr_of(empty.get()), "set()");
  EXPECT_FALSE(Ref::steal(set_type.new_instance(&set_type, args, 2, nullptr)));
  EXPECT_EQ(take_error(), "TypeError: set expected at most 1 argument, got 2");
  EXPECT_FALSE(Ref::steal(frozenset_type.new_instance(&frozenset_type, args, 2, nullptr)));
  EXPECT_EQ(take_error(), "TypeError: frozenset expected at most 1 argument, got 2");
  Ref kwnames = Ref::steal(tuple_pack({str_intern("a")}));
  EXPECT_FALSE(Ref::steal(set_type.new_instance(&set_type, args, 0, kwnames.get())));
  EXPECT_EQ(take_error(), "TypeError: set() takes no keyword arguments");
  Object* not_iterable[] = {small(1)};
  EXPECT_FALSE(Ref::steal(set_type.new_instance(&set_type, not_iterable, 1, nullptr)));
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not iterable");
}

}  // namespace
}  // namespace stitch
