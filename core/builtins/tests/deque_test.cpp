// collections.deque on one thread: both ends, maxlen eviction, rotate, indexing, insert/remove,
// iteration invalidation, and CPython 3.11's messages and reprs.
#include "core/builtins/tests/module_test_support.h"
#include "core/object/int.h"
#include "core/object/iterators.h"
#include "core/object/list.h"
#include "core/object/operators.h"
#include "core/object/singletons.h"

namespace stitch::builtins {
namespace {

class DequeTest : public NativeModuleTest {
 protected:
  // deque(range(count)) with the given maxlen (negative: unbounded).
  Ref make(std::int64_t count, std::int64_t maxlen = -1) {
    Ref deque_class = module_attribute("_collections", "deque");
    if (!deque_class) return Ref();
    Ref items = Ref::steal(list_new(0));
    for (std::int64_t i = 0; i < count; ++i) {
      Ref value = Ref::steal(int_from_int64(i));
      if (list_append(items.get(), value.get()) < 0) return Ref();
    }
    Ref limit = maxlen < 0 ? Ref::borrow(none()) : Ref::steal(int_from_int64(maxlen));
    Object* arguments[2] = {items.get(), limit.get()};
    return Ref::steal(call_object(deque_class.get(), arguments, 2, nullptr));
  }
  static Ref number(std::int64_t value) { return Ref::steal(int_from_int64(value)); }
};

TEST_F(DequeTest, BothEnds) {
  Ref deque = make(3);
  ASSERT_TRUE(deque);
  Ref minus_one = number(-1);
  ASSERT_TRUE(call_method(deque.get(), "appendleft", {minus_one.get()}));
  EXPECT_EQ(repr(deque.get()), "deque([-1, 0, 1, 2])");
  EXPECT_EQ(repr(call_method(deque.get(), "pop").get()), "2");
  EXPECT_EQ(repr(call_method(deque.get(), "popleft").get()), "-1");
  EXPECT_EQ(repr(deque.get()), "deque([0, 1])");
  ASSERT_TRUE(call_method(deque.get(), "clear"));
  EXPECT_FALSE(call_method(deque.get(), "pop"));
  EXPECT_EQ(take_error(), "IndexError: pop from an empty deque");
  EXPECT_FALSE(call_method(deque.get(), "popleft"));
  EXPECT_EQ(take_error(), "IndexError: pop from an empty deque");
}

TEST_F(DequeTest, MaxlenDropsFromTheOtherEnd) {
  Ref deque = make(5, 3);
  ASSERT_TRUE(deque);
  EXPECT_EQ(repr(deque.get()), "deque([2, 3, 4], maxlen=3)");
  Ref hundred = number(100);
  ASSERT_TRUE(call_method(deque.get(), "appendleft", {hundred.get()}));
  EXPECT_EQ(repr(deque.get()), "deque([100, 2, 3], maxlen=3)");
  Ref seven = number(7);
  EXPECT_FALSE(call_method(deque.get(), "insert", {seven.get(), seven.get()}));
  EXPECT_EQ(take_error(), "IndexError: deque already at its maximum size");
  Ref zero_capacity = make(3, 0);
  EXPECT_EQ(repr(zero_capacity.get()), "deque([], maxlen=0)");
}

TEST_F(DequeTest, RotateAndIndexing) {
  Ref deque = make(5);
  Ref two = number(2), minus_three = number(-3), big = number(13);
  ASSERT_TRUE(call_method(deque.get(), "rotate", {two.get()}));
  EXPECT_EQ(repr(deque.get()), "deque([3, 4, 0, 1, 2])");
  ASSERT_TRUE(call_method(deque.get(), "rotate", {minus_three.get()}));
  EXPECT_EQ(repr(deque.get()), "deque([1, 2, 3, 4, 0])");
  ASSERT_TRUE(call_method(deque.get(), "rotate", {big.get()}));
  EXPECT_EQ(repr(deque.get()), "deque([3, 4, 0, 1, 2])");
  Ref last = Ref::steal(object_getitem(deque.get(), number(-1).get()));
  EXPECT_EQ(repr(last.get()), "2");
  EXPECT_FALSE(Ref::steal(object_getitem(deque.get(), number(5).get())));
  EXPECT_EQ(take_error(), "IndexError: deque index out of range");
  EXPECT_FALSE(Ref::steal(object_getitem(deque.get(), str_intern("x"))));
  EXPECT_EQ(take_error(), "TypeError: sequence index must be integer, not 'str'");
}

TEST_F(DequeTest, SearchAndRemove) {
  Ref deque = make(4);
  Ref three = number(3), nine = number(9);
  EXPECT_EQ(repr(call_method(deque.get(), "index", {three.get()}).get()), "3");
  EXPECT_FALSE(call_method(deque.get(), "index", {nine.get()}));
  EXPECT_EQ(take_error(), "ValueError: 9 is not in deque");
  ASSERT_TRUE(call_method(deque.get(), "remove", {three.get()}));
  EXPECT_EQ(repr(deque.get()), "deque([0, 1, 2])");
  EXPECT_FALSE(call_method(deque.get(), "remove", {nine.get()}));
  EXPECT_EQ(take_error(), "ValueError: 9 is not in deque");
  EXPECT_EQ(object_contains(deque.get(), number(2).get()), 1);
  EXPECT_EQ(object_contains(deque.get(), nine.get()), 0);
}

TEST_F(DequeTest, IteratorNoticesMutation) {
  Ref deque = make(3);
  Ref iterator = Ref::steal(object_get_iter(deque.get()));
  ASSERT_TRUE(iterator);
  Ref first = Ref::steal(iter_next(iterator.get()));
  EXPECT_EQ(repr(first.get()), "0");
  ASSERT_TRUE(call_method(deque.get(), "append", {first.get()}));
  EXPECT_FALSE(Ref::steal(iter_next(iterator.get())));
  EXPECT_EQ(take_error(), "RuntimeError: deque mutated during iteration");
}

}  // namespace
}  // namespace stitch::builtins
