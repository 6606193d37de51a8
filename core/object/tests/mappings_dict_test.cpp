// dict: the table, the Python-level behaviour and messages, checked against live CPython 3.11
// outputs (each expected string below was printed by python3).
#include <gtest/gtest.h>

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

using DictTest = testing::ObjectTest;

std::string repr_of(Object* object) {
  Ref text = Ref::steal(object_repr(object));
  EXPECT_TRUE(text);
  return text ? std::string(str_view(text.get())) : std::string("<error>");
}

// The pending exception as Python's last traceback line prints it, and clears it.
std::string take_error() {
  Ref exception = Ref::steal(take_exception());
  if (!exception) return "<no exception>";
  Ref summary = Ref::steal(exception_summary(exception.get()));
  return summary ? std::string(str_view(summary.get())) : std::string("<summary failed>");
}

Object* small(std::int64_t value) { return int_from_int64(value); }
Ref text(const char* value) { return Ref::steal(str_from_utf8(value)); }

using Method = Object* (*)(Object*, Object* const*, std::size_t, Object*);
Ref call(Method method, Object* self, std::vector<Object*> args = {}) {
  return Ref::steal(method(self, args.data(), args.size(), nullptr));
}

Ref make_dict(std::vector<std::pair<Object*, Object*>> pairs) {
  Ref dict = Ref::steal(dict_new());
  for (auto& [key, value] : pairs) EXPECT_EQ(dict_set_item(dict.get(), key, value), 0);
  return dict;
}

TEST_F(DictTest, SetGetAndSize) {
  Ref dict = Ref::steal(dict_new());
  Ref a = text("a");
  EXPECT_EQ(dict_size(dict.get()), 0);
  EXPECT_EQ(dict_set_item(dict.get(), a.get(), small(1)), 0);
  EXPECT_EQ(dict_set_item(dict.get(), small(2), small(3)), 0);
  EXPECT_EQ(dict_size(dict.get()), 2);
  Ref value = Ref::steal(dict_get_item(dict.get(), text("a").get()));
  ASSERT_TRUE(value);
  EXPECT_EQ(value.get(), small(1)) << "equal str keys find the entry";
  EXPECT_EQ(dict_set_item(dict.get(), a.get(), small(5)), 0);
  EXPECT_EQ(dict_size(dict.get()), 2) << "replacing a value keeps the size";
  EXPECT_EQ(repr_of(dict.get()), "{'a': 5, 2: 3}");
}

TEST_F(DictTest, MissingKeyIsNullWithoutException) {
  Ref dict = make_dict({{small(1), small(2)}});
  EXPECT_EQ(dict_get_item(dict.get(), small(7)), nullptr);
  EXPECT_FALSE(has_exception());
  EXPECT_EQ(dict_contains(dict.get(), small(7)), 0);
  EXPECT_EQ(dict_contains(dict.get(), small(1)), 1);
}

TEST_F(DictTest, SubscriptRaisesKeyErrorWithTheKey) {
  Ref dict = Ref::steal(dict_new());
  EXPECT_EQ(dict_type.getitem(dict.get(), text("x").get()), nullptr);
  EXPECT_EQ(take_error(), "KeyError: 'x'");
  EXPECT_EQ(dict_del_item(dict.get(), small(3)), -1);
  EXPECT_EQ(take_error(), "KeyError: 3");
}

TEST_F(DictTest, UnhashableKeyIsAnError) {
  Ref dict = Ref::steal(dict_new());
  Ref inner = Ref::steal(dict_new());
  EXPECT_EQ(dict_get_item(dict.get(), inner.get()), nullptr);
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'dict'");
  EXPECT_EQ(dict_set_item(dict.get(), inner.get(), small(1)), -1);
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'dict'");
  EXPECT_EQ(object_hash(dict.get()), -1);
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'dict'");
}

TEST_F(DictTest, ReprKeepsInsertionOrderAcrossDeletes) {
  // d={}; d['b']=1; d['a']=2; del d['b']; d['b']=3; print(d)
  Ref dict = Ref::steal(dict_new());
  Ref a = text("a"), b = text("b");
  dict_set_item(dict.get(), b.get(), small(1));
  dict_set_item(dict.get(), a.get(), small(2));
  ASSERT_EQ(dict_del_item(dict.get(), b.get()), 0);
  dict_set_item(dict.get(), b.get(), small(3));
  EXPECT_EQ(repr_of(dict.get()), "{'a': 2, 'b': 3}");
  Ref empty = Ref::steal(dict_new());
  EXPECT_EQ(repr_of(empty.get()), "{}");
  Ref tuple = Ref::steal(tuple_pack({small(3)}));
  Ref mixed = make_dict({{small(1), small(2)}, {a.get(), tuple.get()}});
  EXPECT_EQ(repr_of(mixed.get()), "{1: 2, 'a': (3,)}");
}

TEST_F(DictTest, RecursiveReprPrintsEllipsis) {
  Ref dict = Ref::steal(dict_new());
  dict_set_item(dict.get(), small(1), dict.get());
  EXPECT_EQ(repr_of(dict.get()), "{1: {...}}");
  ASSERT_EQ(dict_del_item(dict.get(), small(1)), 0);  // break the cycle
}

TEST_F(DictTest, EqualityIgnoresOrder) {
  Ref a = text("a");
  Ref left = make_dict({{a.get(), small(1)}, {small(2), small(3)}});
  Ref right = make_dict({{small(2), small(3)}, {a.get(), small(1)}});
  EXPECT_EQ(object_rich_compare_bool(left.get(), right.get(), CompareOp::kEq), 1);
  dict_set_item(right.get(), small(2), small(4));
  EXPECT_EQ(object_rich_compare_bool(left.get(), right.get(), CompareOp::kEq), 0);
  EXPECT_EQ(object_rich_compare_bool(left.get(), right.get(), CompareOp::kNe), 1);
  EXPECT_EQ(object_rich_compare(left.get(), right.get(), CompareOp::kLt), nullptr);
  EXPECT_EQ(take_error(), "TypeError: '<' not supported between instances of 'dict' and 'dict'");
}

TEST_F(DictTest, TrueAndOneAreTheSameKey) {
  // d = {1: 'a'}; d[True] = 'b'; print(d) -> {1: 'b'}
  Ref dict = make_dict({{small(1), text("a").get()}});
  dict_set_item(dict.get(), py_true(), text("b").get());
  EXPECT_EQ(repr_of(dict.get()), "{1: 'b'}");
}

TEST_F(DictTest, GetAndSetdefault) {
  Ref dict = make_dict({{small(1), small(2)}});
  EXPECT_EQ(call(dict_method_get, dict.get(), {small(1)}).get(), small(2));
  EXPECT_EQ(call(dict_method_get, dict.get(), {small(9)}).get(), none());
  EXPECT_EQ(call(dict_method_get, dict.get(), {small(9), small(0)}).get(), small(0));
  EXPECT_FALSE(call(dict_method_get, dict.get()));
  EXPECT_EQ(take_error(), "TypeError: get expected at least 1 argument, got 0");
  EXPECT_FALSE(call(dict_method_get, dict.get(), {small(1), small(2), small(3)}));
  EXPECT_EQ(take_error(), "TypeError: get expected at most 2 arguments, got 3");
  EXPECT_EQ(call(dict_method_setdefault, dict.get(), {small(1), small(7)}).get(), small(2));
  EXPECT_EQ(call(dict_method_setdefault, dict.get(), {small(5), small(7)}).get(), small(7));
  EXPECT_EQ(call(dict_method_setdefault, dict.get(), {small(6)}).get(), none());
  EXPECT_EQ(repr_of(dict.get()), "{1: 2, 5: 7, 6: None}");
  EXPECT_FALSE(call(dict_method_setdefault, dict.get()));
  EXPECT_EQ(take_error(), "TypeError: setdefault expected at least 1 argument, got 0");
}

TEST_F(DictTest, PopWithDefaultAndKeyError) {
  Ref dict = make_dict({{small(1), small(2)}, {small(3), small(4)}});
  EXPECT_EQ(call(dict_method_pop, dict.get(), {small(1)}).get(), small(2));
  EXPECT_EQ(call(dict_method_pop, dict.get(), {small(1), small(0)}).get(), small(0));
  EXPECT_FALSE(call(dict_method_pop, dict.get(), {small(1)}));
  EXPECT_EQ(take_error(), "KeyError: 1");
  EXPECT_FALSE(call(dict_method_pop, dict.get()));
  EXPECT_EQ(take_error(), "TypeError: pop expected at least 1 argument, got 0");
  EXPECT_EQ(repr_of(dict.get()), "{3: 4}");
}

TEST_F(DictTest, PopitemIsLifoAndFailsWhenEmpty) {
  Ref a = text("a");
  Ref dict = make_dict({{small(1), small(2)}, {a.get(), small(3)}, {small(4), small(5)}});
  ASSERT_EQ(dict_del_item(dict.get(), small(4)), 0);
  EXPECT_EQ(repr_of(call(dict_method_popitem, dict.get()).get()), "('a', 3)");
  EXPECT_EQ(repr_of(call(dict_method_popitem, dict.get()).get()), "(1, 2)");
  EXPECT_FALSE(call(dict_method_popitem, dict.get()));
  EXPECT_EQ(take_error(), "KeyError: 'popitem(): dictionary is empty'");
  EXPECT_FALSE(call(dict_method_popitem, dict.get(), {small(1)}));
  EXPECT_EQ(take_error(), "TypeError: dict.popitem() takes no arguments (1 given)");
  dict_set_item(dict.get(), small(9), small(9));
  EXPECT_EQ(repr_of(dict.get()), "{9: 9}");
}

TEST_F(DictTest, ViewsReprLengthAndContains) {
  Ref a = text("a"), b = text("b");
  Ref dict = make_dict({{a.get(), small(1)}, {b.get(), small(2)}});
  Ref keys = call(dict_method_keys, dict.get());
  Ref values = call(dict_method_values, dict.get());
  Ref items = call(dict_method_items, dict.get());
  EXPECT_EQ(repr_of(keys.get()), "dict_keys(['a', 'b'])");
  EXPECT_EQ(repr_of(values.get()), "dict_values([1, 2])");
  EXPECT_EQ(repr_of(items.get()), "dict_items([('a', 1), ('b', 2)])");
  EXPECT_EQ(type_of(keys.get())->length(keys.get()), 2);
  EXPECT_EQ(type_of(keys.get())->contains(keys.get(), a.get()), 1);
  Ref pair = Ref::steal(tuple_pack({a.get(), small(1)}));
  Ref wrong = Ref::steal(tuple_pack({a.get(), small(2)}));
  EXPECT_EQ(type_of(items.get())->contains(items.get(), pair.get()), 1);
  EXPECT_EQ(type_of(items.get())->contains(items.get(), wrong.get()), 0);
  dict_set_item(dict.get(), small(3), small(3));
  EXPECT_EQ(repr_of(keys.get()), "dict_keys(['a', 'b', 3])") << "views are live";
  EXPECT_FALSE(call(dict_method_keys, dict.get(), {small(1)}));
  EXPECT_EQ(take_error(), "TypeError: dict.keys() takes no arguments (1 given)");
  EXPECT_EQ(object_hash(keys.get()), -1);
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'dict_keys'");
}

TEST_F(DictTest, KeysAndItemsViewsSupportSetOperations) {
  Ref a = text("a"), b = text("b");
  Ref dict = make_dict({{a.get(), small(1)}, {b.get(), small(2)}});
  Ref keys = call(dict_method_keys, dict.get());
  Ref three = Ref::steal(set_new(nullptr));
  set_add(three.get(), small(3));
  // {'a':1}.keys() | {3} -> {3, 'a'} needs str hashes (ours differ): compare sizes and members.
  Ref united = Ref::steal(type_of(keys.get())->number.bit_or(keys.get(), three.get()));
  ASSERT_TRUE(united);
  EXPECT_TRUE(is_set(united.get()));
  EXPECT_EQ(set_size(united.get()), 3);
  Ref candidates = Ref::steal(tuple_pack({b.get(), text("c").get()}));
  Ref common = Ref::steal(type_of(keys.get())->number.bit_and(keys.get(), candidates.get()));
  EXPECT_EQ(repr_of(common.get()), "{'b'}");
  Ref only_a = Ref::steal(tuple_pack({a.get()}));
  Ref rest = Ref::steal(type_of(keys.get())->number.subtract(keys.get(), only_a.get()));
  EXPECT_EQ(repr_of(rest.get()), "{'b'}");
  // {1:2}.items() ^ {(1,2),(3,4)} -> {(3, 4)}
  Ref numbers = make_dict({{small(1), small(2)}});
  Ref items = call(dict_method_items, numbers.get());
  Ref pairs = Ref::steal(set_new(nullptr));
  set_add(pairs.get(), Ref::steal(tuple_pack({small(1), small(2)})).get());
  set_add(pairs.get(), Ref::steal(tuple_pack({small(3), small(4)})).get());
  Ref symmetric = Ref::steal(type_of(items.get())->number.bit_xor(items.get(), pairs.get()));
  EXPECT_EQ(repr_of(symmetric.get()), "{(3, 4)}");
  EXPECT_FALSE(Ref::steal(type_of(keys.get())->number.bit_or(keys.get(), small(1))));
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not iterable");
}

TEST_F(DictTest, UpdateFromDictAndPairs) {
  Ref dict = make_dict({{small(1), small(1)}});
  Ref other = make_dict({{small(2), small(2)}, {small(1), small(9)}});
  EXPECT_EQ(dict_update(dict.get(), other.get()), 0);
  EXPECT_EQ(repr_of(dict.get()), "{1: 9, 2: 2}");
  Ref pair = Ref::steal(tuple_pack({small(5), small(6)}));
  Ref pairs = Ref::steal(tuple_pack({pair.get()}));
  EXPECT_TRUE(call(dict_method_update, dict.get(), {pairs.get()}));
  EXPECT_EQ(repr_of(dict.get()), "{1: 9, 2: 2, 5: 6}");
}

TEST_F(DictTest, UpdateErrorsMatchPython) {
  Ref dict = Ref::steal(dict_new());
  Ref triple = Ref::steal(tuple_pack({small(1), small(2), small(3)}));
  Ref bad_length = Ref::steal(tuple_pack({triple.get()}));
  EXPECT_EQ(dict_update(dict.get(), bad_length.get()), -1);
  EXPECT_EQ(take_error(), "ValueError: dictionary update sequence element #0 has length 3; 2 is required");
  Ref good = Ref::steal(tuple_pack({small(1), small(2)}));
  Ref single = Ref::steal(tuple_pack({small(1)}));
  Ref second_bad = Ref::steal(tuple_pack({good.get(), single.get()}));
  EXPECT_EQ(dict_update(dict.get(), second_bad.get()), -1);
  EXPECT_EQ(take_error(), "ValueError: dictionary update sequence element #1 has length 1; 2 is required");
  Ref not_sequence = Ref::steal(tuple_pack({small(1)}));
  EXPECT_EQ(dict_update(dict.get(), not_sequence.get()), -1);
  EXPECT_EQ(take_error(), "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
  EXPECT_EQ(dict_update(dict.get(), small(1)), -1);
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not iterable");
  EXPECT_FALSE(call(dict_method_update, dict.get(), {small(1), small(2)}));
  EXPECT_EQ(take_error(), "TypeError: update expected at most 1 argument, got 2");
}

TEST_F(DictTest, ClearAndCopyAreIndependent) {
  Ref dict = make_dict({{small(1), small(2)}, {small(3), small(4)}});
  Ref copy = call(dict_method_copy, dict.get());
  ASSERT_TRUE(copy);
  EXPECT_TRUE(call(dict_method_clear, dict.get()));
  EXPECT_EQ(dict_size(dict.get()), 0);
  EXPECT_EQ(repr_of(dict.get()), "{}");
  EXPECT_EQ(repr_of(copy.get()), "{1: 2, 3: 4}");
  dict_set_item(dict.get(), small(5), small(6));
  EXPECT_EQ(repr_of(dict.get()), "{5: 6}");
  EXPECT_FALSE(call(dict_method_copy, dict.get(), {small(1)}));
  EXPECT_EQ(take_error(), "TypeError: dict.copy() takes no arguments (1 given)");
}

TEST_F(DictTest, FromkeysKeepsIterationOrder) {
  Ref keys = Ref::steal(tuple_pack({small(3), small(1), small(3), small(2)}));
  Ref dict = Ref::steal(dict_fromkeys(keys.get(), none()));
  EXPECT_EQ(repr_of(dict.get()), "{3: None, 1: None, 2: None}");
  Ref zeros = Ref::steal(dict_fromkeys(dict.get(), small(0)));
  EXPECT_EQ(repr_of(zeros.get()), "{3: 0, 1: 0, 2: 0}");
}

TEST_F(DictTest, OrAndInplaceOr) {
  Ref left = make_dict({{small(1), small(1)}, {small(2), small(2)}});
  Ref right = make_dict({{small(2), small(20)}, {small(3), small(30)}});
  Ref merged = Ref::steal(dict_type.number.bit_or(left.get(), right.get()));
  EXPECT_EQ(repr_of(merged.get()), "{1: 1, 2: 20, 3: 30}");
  EXPECT_EQ(repr_of(left.get()), "{1: 1, 2: 2}");
  Ref not_supported = Ref::steal(dict_type.number.bit_or(left.get(), small(1)));
  EXPECT_EQ(not_supported.get(), not_implemented()) << "the dispatcher then raises the TypeError";
  Ref same = Ref::steal(dict_type.number.inplace_or(left.get(), right.get()));
  EXPECT_EQ(same.get(), left.get());
  EXPECT_EQ(repr_of(left.get()), "{1: 1, 2: 20, 3: 30}");
}

TEST_F(DictTest, IterationDetectsSizeChange) {
  Ref dict = make_dict({{small(1), small(2)}});
  Ref iterator = Ref::steal(dict_type.iter(dict.get()));
  Ref first = Ref::steal(type_of(iterator.get())->iternext(iterator.get()));
  EXPECT_EQ(first.get(), small(1));
  dict_set_item(dict.get(), small(2), small(0));
  EXPECT_FALSE(Ref::steal(type_of(iterator.get())->iternext(iterator.get())));
  EXPECT_EQ(take_error(), "RuntimeError: dictionary changed size during iteration");
  EXPECT_FALSE(Ref::steal(type_of(iterator.get())->iternext(iterator.get())));
  EXPECT_EQ(take_error(), "RuntimeError: dictionary changed size during iteration") << "keeps raising";
}

TEST_F(DictTest, IterationVisitsKeysInOrderThenStops) {
  Ref dict = make_dict({{small(5), small(0)}, {small(1), small(0)}, {small(3), small(0)}});
  dict_del_item(dict.get(), small(1));
  Ref iterator = Ref::steal(dict_type.iter(dict.get()));
  std::vector<std::int64_t> seen;
  while (Object* key = type_of(iterator.get())->iternext(iterator.get())) {
    seen.push_back(as_int(key)->small);
    decref(key);
  }
  EXPECT_FALSE(has_exception());
  EXPECT_EQ(seen, (std::vector<std::int64_t>{5, 3}));
}

TEST_F(DictTest, GrowsAndShrinksWithManyKeys) {
  Ref dict = Ref::steal(dict_new());
  std::uint64_t version = as_dict(dict.get())->version.load();
  for (int i = 0; i < 5000; ++i) {
    Ref key = Ref::steal(int_from_int64(i * 7919));
    ASSERT_EQ(dict_set_item(dict.get(), key.get(), key.get()), 0);
  }
  EXPECT_GT(as_dict(dict.get())->version.load(), version);
  for (int i = 0; i < 5000; i += 2) {
    Ref key = Ref::steal(int_from_int64(i * 7919));
    ASSERT_EQ(dict_del_item(dict.get(), key.get()), 0);
  }
  EXPECT_EQ(dict_size(dict.get()), 2500);
  for (int i = 0; i < 5000; ++i) {
    Ref key = Ref::steal(int_from_int64(i * 7919));
    Ref value = Ref::steal(dict_get_item(dict.get(), key.get()));
    EXPECT_EQ(static_cast<bool>(value), i % 2 == 1) << i;
  }
  std::int64_t position = 0;
  Object* key = nullptr;
  Object* value = nullptr;
  std::int64_t previous = -1, count = 0;
  while (dict_next(dict.get(), &position, &key, &value)) {
    EXPECT_GT(as_int(key)->small, previous) << "insertion order survives resizes";
    previous = as_int(key)->small;
    ++count;
  }
  EXPECT_EQ(count, 2500);
}

TEST_F(DictTest, StrFastPath) {
  Ref dict = Ref::steal(dict_new());
  EXPECT_EQ(dict_set_item_str(dict.get(), "name", small(4)), 0);
  Ref interned = Ref::borrow(str_intern("name"));
  Ref value = Ref::steal(dict_get_item(dict.get(), interned.get()));
  EXPECT_EQ(value.get(), small(4));
  Ref again = Ref::steal(dict_get_item_str(dict.get(), "name"));
  EXPECT_EQ(again.get(), small(4));
  EXPECT_EQ(dict_get_item_str(dict.get(), "other"), nullptr);
  EXPECT_FALSE(has_exception());
}

TEST_F(DictTest, VersionChangesOnEveryMutation) {
  Ref dict = Ref::steal(dict_new());
  auto version = [&] { return as_dict(dict.get())->version.load(); };
  std::uint64_t v0 = version();
  dict_set_item(dict.get(), small(1), small(1));
  std::uint64_t v1 = version();
  dict_set_item(dict.get(), small(1), small(2));
  std::uint64_t v2 = version();
  dict_del_item(dict.get(), small(1));
  std::uint64_t v3 = version();
  EXPECT_LT(v0, v1);
  EXPECT_LT(v1, v2);
  EXPECT_LT(v2, v3);
  Ref read = call(dict_method_get, dict.get(), {small(1)});
  EXPECT_EQ(version(), v3) << "reads do not bump the version";
}

TEST_F(DictTest, ConstructorAndFromkeysClassmethod) {
  Ref pair = Ref::steal(tuple_pack({small(1), small(2)}));
  Ref pairs = Ref::steal(tuple_pack({pair.get()}));
  Ref a = Ref::borrow(str_intern("a"));
  Ref kwnames = Ref::steal(tuple_pack({a.get()}));
  Object* args[] = {pairs.get(), small(3)};
  // dict([(1,2)], a=3) -> {1: 2, 'a': 3}
  Ref made = Ref::steal(dict_type.new_instance(&dict_type, args, 1, kwnames.get()));
  EXPECT_EQ(repr_of(made.get()), "{1: 2, 'a': 3}");
  EXPECT_FALSE(Ref::steal(dict_type.new_instance(&dict_type, args, 2, nullptr)));
  EXPECT_EQ(take_error(), "TypeError: dict expected at most 1 argument, got 2");
  Ref keys = Ref::steal(tuple_pack({small(1), small(2)}));
  Ref fromkeys = call(dict_method_fromkeys, &dict_type, {keys.get(), small(0)});
  EXPECT_EQ(repr_of(fromkeys.get()), "{1: 0, 2: 0}");
  EXPECT_FALSE(call(dict_method_fromkeys, &dict_type, {keys.get(), small(0), small(3)}));
  EXPECT_EQ(take_error(), "TypeError: fromkeys expected at most 2 arguments, got 3");
  EXPECT_FALSE(call(dict_method_fromkeys, &dict_type, {small(1)}));
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not iterable");
}

}  // namespace
}  // namespace stitch
