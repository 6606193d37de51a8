// The rules behind lock-free container reads (core/object/lockfree.h): publication of stored
// objects, deferred frees of published objects and of shared tables, when a container becomes
// shared, and the conditional increment readers use.
#include <gtest/gtest.h>

#include <memory>
#include <thread>

#include "core/object/builtin_types.h"
#include "core/object/dict.h"
#include "core/object/exec_state.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/lockfree.h"
#include "core/object/str.h"
#include "core/object/tests/object_test_support.h"
#include "core/runtime/runtime.h"

namespace stitch {
namespace {

bool has_bit(Object* object, std::uint8_t bit) {
  return (object->header.gc_bits.load(std::memory_order_relaxed) & bit) != 0;
}
rc::SharedState state_of(Object* object) {
  return rc::shared_state_of(object->header.shared.load(std::memory_order_relaxed));
}

class LockFree : public testing::ObjectTest {
 protected:
  // Runs `body` on another attached thread (a non-owner of everything made here) and waits.
  template <class Body>
  void on_other_thread(Body body) {
    std::thread other([&] {
      attach();
      body();
      detach();
    });
    other.join();
  }
  std::size_t pending() { return exec_state().thread->qsbr_record().pending_items(); }
};

TEST_F(LockFree, PublishSetsTheBitAndMaybeWeakrefOnceAndLeavesImmortalsAlone) {
  Ref number = Ref::steal(float_from_double(1.5));
  EXPECT_FALSE(has_bit(number.get(), rc::gc_bits::kLockFreeReadable));
  EXPECT_EQ(state_of(number.get()), rc::SharedState::kDefault);
  publish_to_readers(number.get());
  EXPECT_TRUE(has_bit(number.get(), rc::gc_bits::kLockFreeReadable));
  EXPECT_EQ(state_of(number.get()), rc::SharedState::kMaybeWeakref);
  publish_to_readers(number.get());  // idempotent
  EXPECT_EQ(number->header.shared.load(std::memory_order_relaxed), rc::kSharedMaybeWeakref);
  Object* small = int_from_int64(7);  // immortal
  publish_to_readers(small);
  EXPECT_FALSE(has_bit(small, rc::gc_bits::kLockFreeReadable));
  EXPECT_EQ(small->header.shared.load(std::memory_order_relaxed), 0);
}

TEST_F(LockFree, APublishedObjectIsFreedAfterAGracePeriodAnOrdinaryOneAtOnce) {
  std::size_t before = pending();
  Object* ordinary = float_from_double(2.5);
  decref(ordinary);
  EXPECT_EQ(pending(), before);
  Object* published = float_from_double(3.5);
  publish_to_readers(published);
  decref(published);  // count 0: dealloc runs, the memory is retired
  EXPECT_EQ(pending(), before + 1);
  for (int round = 0; round < 3; ++round) {  // alone in the domain: quiescent, advance, quiescent
    (void)exec_state().thread->safepoint();
    exec_state().thread->qsbr_record().process();
  }
  EXPECT_EQ(pending(), before);
}

TEST_F(LockFree, CoreTryIncrefCompareTakesAReferenceOnlyIfTheSlotStillHoldsTheObject) {
  Ref first = Ref::steal(float_from_double(1.0));
  Ref second = Ref::steal(float_from_double(2.0));
  std::atomic<Object*> slot{first.get()};
  EXPECT_TRUE(try_incref_compare(slot, first.get()));
  EXPECT_EQ(rc::reference_count(&first->header), 2);
  decref(first.get());
  slot.store(second.get(), std::memory_order_relaxed);
  EXPECT_FALSE(try_incref_compare(slot, first.get()));  // changed: increment undone
  EXPECT_EQ(rc::reference_count(&first->header), 1);
}

TEST_F(LockFree, ADictBecomesSharedOnlyWhenAnotherThreadTouchesIt) {
  Ref dict = Ref::steal(dict_new());
  Ref key = Ref::steal(str_from_utf8("key"));
  Ref value = Ref::steal(float_from_double(4.5));
  ASSERT_EQ(dict_set_item(dict.get(), key.get(), value.get()), 0);
  Ref mine = Ref::steal(dict_get_item(dict.get(), key.get()));  // the owner reads lock-free
  EXPECT_EQ(mine.get(), value.get());
  EXPECT_FALSE(is_shared_container(dict.get()));
  EXPECT_FALSE(has_bit(value.get(), rc::gc_bits::kLockFreeReadable));
  Object* seen = nullptr;
  std::intptr_t count_while_held = 0;
  on_other_thread([&] {
    Object* got = dict_get_item(dict.get(), key.get());  // locked the first time: shares
    seen = got;
    Object* again = dict_get_item(dict.get(), key.get());  // lock-free now
    count_while_held = rc::reference_count(&value->header);
    xdecref(again);
    xdecref(got);
  });
  EXPECT_EQ(seen, value.get());
  EXPECT_EQ(count_while_held, 5);  // `value`, `mine`, the dict's, and the two the thread holds
  EXPECT_TRUE(is_shared_container(dict.get()));
  EXPECT_TRUE(has_bit(value.get(), rc::gc_bits::kLockFreeReadable));
  EXPECT_TRUE(has_bit(key.get(), rc::gc_bits::kLockFreeReadable));
  EXPECT_NE(state_of(value.get()), rc::SharedState::kDefault);
  // Stored into a shared dict: published at once.
  Ref later = Ref::steal(float_from_double(5.5));
  ASSERT_EQ(dict_set_item(dict.get(), key.get(), later.get()), 0);
  EXPECT_TRUE(has_bit(later.get(), rc::gc_bits::kLockFreeReadable));
}

TEST_F(LockFree, ASharedDictRetiresItsOldKeysBlockAnUnsharedOneFreesIt) {
  Ref dict = Ref::steal(dict_new());
  std::size_t before = pending();
  for (int i = 0; i < 100; ++i) {  // several resizes
    Ref key = Ref::steal(int_from_int64(i));
    ASSERT_EQ(dict_set_item(dict.get(), key.get(), key.get()), 0);
  }
  EXPECT_EQ(pending(), before);
  on_other_thread([&] {
    Ref key = Ref::steal(int_from_int64(0));
    Ref got = Ref::steal(dict_get_item(dict.get(), key.get()));
    EXPECT_EQ(got.get(), key.get());
  });
  ASSERT_TRUE(is_shared_container(dict.get()));
  for (int i = 100; i < 400; ++i) {
    Ref key = Ref::steal(int_from_int64(i));
    ASSERT_EQ(dict_set_item(dict.get(), key.get(), key.get()), 0);
  }
  EXPECT_GT(pending(), before);  // the old blocks wait for a grace period
  Ref done = Ref::steal(dict_method_clear(dict.get(), nullptr, 0, nullptr));
  EXPECT_EQ(dict_size(dict.get()), 0);
}

TEST_F(LockFree, LockFreeLookupsFallBackToTheLockForKeysThatNeedAComparison) {
  Ref dict = Ref::steal(dict_new());
  Ref big = Ref::steal(int_from_int64(1'000'000'007));
  Ref value = Ref::steal(float_from_double(6.5));
  ASSERT_EQ(dict_set_item(dict.get(), big.get(), value.get()), 0);
  Ref text = Ref::steal(str_from_utf8("a fairly long key"));
  ASSERT_EQ(dict_set_item(dict.get(), text.get(), big.get()), 0);
  on_other_thread([&] {
    for (int round = 0; round < 2; ++round) {  // locked (shares), then lock-free
      Ref equal_int = Ref::steal(int_from_int64(1'000'000'007));  // equal, not identical
      Ref got = Ref::steal(dict_get_item(dict.get(), equal_int.get()));
      EXPECT_EQ(got.get(), value.get());
      Ref equal_text = Ref::steal(str_from_utf8("a fairly long key"));
      Ref by_text = Ref::steal(dict_get_item(dict.get(), equal_text.get()));
      EXPECT_EQ(by_text.get(), big.get());
      Ref missing = Ref::steal(str_from_utf8("a fairly long kez"));
      EXPECT_EQ(dict_get_item(dict.get(), missing.get()), nullptr);
      EXPECT_FALSE(has_exception());
      EXPECT_EQ(dict_contains(dict.get(), equal_text.get()), 1);
      EXPECT_EQ(dict_contains(dict.get(), missing.get()), 0);
    }
  });
}

TEST_F(LockFree, ASharedListPublishesItsItemsAndRetiresItsOldArrays) {
  Ref list = Ref::steal(list_new(0));
  Ref first = Ref::steal(float_from_double(7.5));
  ASSERT_EQ(list_append(list.get(), first.get()), 0);
  EXPECT_FALSE(is_shared_container(list.get()));
  on_other_thread([&] {
    Ref got = Ref::steal(list_item_ref(as_list(list.get()), 0));  // locked, shares
    EXPECT_EQ(got.get(), first.get());
    Ref again = Ref::steal(list_item_ref(as_list(list.get()), 0));  // lock-free
    EXPECT_EQ(again.get(), first.get());
    EXPECT_EQ(list_item_ref(as_list(list.get()), 1), nullptr);
  });
  EXPECT_TRUE(is_shared_container(list.get()));
  EXPECT_TRUE(has_bit(first.get(), rc::gc_bits::kLockFreeReadable));
  std::size_t before = pending();
  for (int i = 0; i < 50; ++i) {
    Ref item = Ref::steal(float_from_double(i));
    ASSERT_EQ(list_append(list.get(), item.get()), 0);
    EXPECT_TRUE(has_bit(item.get(), rc::gc_bits::kLockFreeReadable));
  }
  EXPECT_GT(pending(), before);  // grown arrays retired
  EXPECT_EQ(list_size(as_list(list.get())), 51);
}

}  // namespace
}  // namespace stitch
