// Lock-free dict lookups and list reads racing writers (issue 4). Readers never take the
// container's lock in the common case (lockfree.h); writers insert, overwrite, delete, resize,
// clear and pop. Every value a reader gets must be one that was stored under that key/index, and
// alive (its tag readable); the tables must be consistent at the end. All threads report
// quiescent states regularly, so QSBR really frees retired tables and objects during the race:
// a premature free shows up under ASan as a use after free, and TSan checks the orders.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/object/attributes.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/iterators.h"
#include "core/object/list.h"
#include "core/object/operators.h"
#include "core/object/protocol.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/tests/object_test_support.h"
#include "core/runtime/runtime.h"

namespace stitch {
namespace {

#ifdef STITCH_SANITIZER_BUILD
constexpr int kRounds = 10000;
#else
constexpr int kRounds = 30000;
#endif
constexpr int kReaders = 5;
constexpr int kWriters = 3;
constexpr std::int64_t kStableKeys = 64;
constexpr std::int64_t kTagBase = 1'000'000'000;  // values are big (not immortal, really freed)

class LockFreeThreaded : public testing::ObjectTest {
 protected:
  // Runs readers then writers, all released together; `reader(index)`, `writer(index)`.
  template <class Reader, class Writer>
  void race(Reader reader, Writer writer) {
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    const int total = kReaders + kWriters;
    for (int t = 0; t < total; ++t) {
      threads.emplace_back([&, t] {
        attach();
        ready.fetch_add(1, std::memory_order_relaxed);
        while (ready.load(std::memory_order_relaxed) < total) std::this_thread::yield();
        if (t < kReaders) {
          reader(t);
        } else {
          writer(t - kReaders);
        }
        detach();
      });
    }
    for (auto& thread : threads) thread.join();
  }
  static void safepoint_every(int i, int period) {
    if (i % period == 0) (void)exec_state().thread->safepoint();
  }

};

std::string stable_name(std::int64_t i) { return "stable_key_" + std::to_string(i); }

// A value for stable key `i`: tag * 1000 + i, so a reader can tell whose value it got.
Object* value_for(std::int64_t i, std::int64_t serial) { return int_from_int64(kTagBase + serial * 1000 + i); }
bool is_value_of(Object* value, std::int64_t i) {
  if (type_of(value) != &int_type || !int_is_small(value)) return false;
  std::int64_t number = as_int(value)->small;
  return number >= kTagBase && (number - kTagBase) % 1000 == i;
}

// Readers look up stable keys (by the stored key object and by an equal, distinct str: both
// lock-free paths) and churn keys; writers overwrite stable values with fresh objects and insert
// and delete churn keys, which resizes and fills the table with dummies; one writer also clears
// and rebuilds a second dict that readers probe.
TEST_F(LockFreeThreaded, DictLookupsWhileOthersInsertDeleteOverwriteAndResize) {
  Ref dict = Ref::steal(dict_new());
  Ref cleared = Ref::steal(dict_new());
  std::vector<Ref> keys;
  for (std::int64_t i = 0; i < kStableKeys; ++i) {
    keys.push_back(Ref::steal(str_from_utf8(stable_name(i))));
    Ref value = Ref::steal(value_for(i, 0));
    ASSERT_EQ(dict_set_item(dict.get(), keys.back().get(), value.get()), 0);
  }
  std::atomic<int> failures{0};
  std::atomic<std::int64_t> lookups{0};
  race(
      [&](int r) {
        // Equal copies, made by this thread: lookups by them compare str contents.
        std::vector<Ref> copies;
        for (std::int64_t i = 0; i < kStableKeys; ++i) copies.push_back(Ref::steal(str_from_utf8(stable_name(i))));
        for (int n = 0; n < kRounds; ++n) {
          std::int64_t i = (n * 7 + r) % kStableKeys;
          Object* key = (n & 1) != 0 ? keys[static_cast<std::size_t>(i)].get() : copies[static_cast<std::size_t>(i)].get();
          Ref value = Ref::steal(dict_get_item(dict.get(), key));
          if (!value || !is_value_of(value.get(), i)) failures++;
          if (dict_contains(dict.get(), key) != 1) failures++;
          Ref churn = Ref::steal(int_from_int64(n % 512));  // small ints: immortal, identity hits
          Ref maybe = Ref::steal(dict_get_item(dict.get(), churn.get()));
          if (maybe && !is_int(maybe.get())) failures++;
          if (!maybe && has_exception()) failures++;
          Ref gone = Ref::steal(dict_get_item(cleared.get(), key));
          if (gone && !is_value_of(gone.get(), i)) failures++;
          if (!gone && has_exception()) failures++;
          lookups.fetch_add(1, std::memory_order_relaxed);
          safepoint_every(n, 16);
        }
      },
      [&](int w) {
        for (int n = 0; n < kRounds; ++n) {
          std::int64_t i = (n * 5 + w) % kStableKeys;
          Ref value = Ref::steal(value_for(i, n + 1));
          if (dict_set_item(dict.get(), keys[static_cast<std::size_t>(i)].get(), value.get()) != 0) failures++;
          Ref churn = Ref::steal(int_from_int64((n * 3 + w) % 512));
          if (dict_set_item(dict.get(), churn.get(), churn.get()) != 0) failures++;
          if (n % 3 == 0) {
            Ref other = Ref::steal(int_from_int64((n * 11 + w) % 512));
            if (dict_del_item(dict.get(), other.get()) != 0) clear_exception();  // may be absent
          }
          if (w == 0) {
            if (n % 64 == 0) {
              Ref done = Ref::steal(dict_method_clear(cleared.get(), nullptr, 0, nullptr));
              if (!done) failures++;
            }
            if (dict_set_item(cleared.get(), keys[static_cast<std::size_t>(i)].get(), value.get()) != 0) failures++;
          }
          safepoint_every(n, 16);
        }
      });
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(lookups.load(), std::int64_t{kReaders} * kRounds);
  // Consistency: every stable key maps to one of its values, churn keys to themselves, and the
  // size matches a full walk.
  std::int64_t position = 0;
  Object* key = nullptr;
  Object* value = nullptr;
  std::int64_t walked = 0;
  std::int64_t stable = 0;
  while (dict_next(dict.get(), &position, &key, &value)) {
    ++walked;
    if (type_of(key) == &str_type) {
      ++stable;
    } else {
      EXPECT_EQ(key, value);
    }
  }
  EXPECT_EQ(stable, kStableKeys);
  EXPECT_EQ(walked, dict_size(dict.get()));
  for (std::int64_t i = 0; i < kStableKeys; ++i) {
    Ref got = Ref::steal(dict_get_item(dict.get(), keys[static_cast<std::size_t>(i)].get()));
    ASSERT_TRUE(got);
    EXPECT_TRUE(is_value_of(got.get(), i));
  }
}

// popitem shrinks the entry count, so the next insertion reuses the popped entry for another
// key while lock-free readers may still be looking at it: a reader must never return the new
// key's value for the old key. The popper cycles the last entry between the last stable key and
// a spare key (pop, insert the other), so that entry keeps changing owners under the readers.
TEST_F(LockFreeThreaded, DictLookupsNeverReturnTheValueOfAReusedEntry) {
  Ref dict = Ref::steal(dict_new());
  std::vector<Ref> keys;
  for (std::int64_t i = 0; i < 8; ++i) {
    keys.push_back(Ref::steal(str_from_utf8(stable_name(i))));
    Ref value = Ref::steal(value_for(i, 0));
    ASSERT_EQ(dict_set_item(dict.get(), keys.back().get(), value.get()), 0);
  }
  Ref spare = Ref::steal(str_from_utf8("spare_key"));
  constexpr std::int64_t kSpareTag = 8;
  std::atomic<int> failures{0};
  std::atomic<std::int64_t> found_cycling{0};
  std::atomic<bool> popper_done{false};
  race(
      [&](int r) {
        // Readers outlast the popper (and then look a few more times): on a loaded machine a
        // reader's whole run may otherwise fit in one time slice while the popper is preempted
        // with the cycling key out, and found_cycling below would fail for no lookup bug.
        int after_popper = 0;
        for (int n = 0; n < kRounds || !popper_done.load() || after_popper++ < 8; ++n) {
          // Mostly the cycling key (the last one), sometimes another.
          std::int64_t i = (n % 4 == 0) ? (n / 4 + r) % 7 : 7;
          Ref value = Ref::steal(dict_get_item(dict.get(), keys[static_cast<std::size_t>(i)].get()));
          if (value && !is_value_of(value.get(), i)) failures++;
          if (value && i == 7) found_cycling.fetch_add(1, std::memory_order_relaxed);
          if (!value && (has_exception() || i != 7)) failures++;  // only the cycling key may be absent
          Ref other = Ref::steal(dict_get_item(dict.get(), spare.get()));
          if (other && !is_value_of(other.get(), kSpareTag)) failures++;
          safepoint_every(n, 16);
        }
      },
      [&](int w) {
        if (w != 0) return;  // one popper
        for (int n = 0; n < kRounds; ++n) {
          for (int half = 0; half < 2; ++half) {
            Ref pair = Ref::steal(dict_method_popitem(dict.get(), nullptr, 0, nullptr));
            if (!pair) {
              failures++;
              popper_done.store(true);
              return;
            }
            bool popped_stable = as_tuple(pair.get())->items[0] == keys[7].get();
            Object* next_key = popped_stable ? spare.get() : keys[7].get();
            Ref next_value = Ref::steal(value_for(popped_stable ? kSpareTag : 7, n + 1));
            if (dict_set_item(dict.get(), next_key, next_value.get()) != 0) failures++;
          }
          safepoint_every(n, 16);
        }
        popper_done.store(true);
      });
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(found_cycling.load(), 0);
  EXPECT_EQ(dict_size(dict.get()), 8);
}

// Readers index the list and iterate it while writers append, pop, insert at the front and
// overwrite items (growing and shrinking the array). Every item read must be a live value with
// a valid tag; the length at the end is exact.
TEST_F(LockFreeThreaded, ListIndexingAndIterationWhileOthersAppendPopInsertAndOverwrite) {
  Ref list = Ref::steal(list_new(0));
  for (std::int64_t i = 0; i < 16; ++i) {
    Ref value = Ref::steal(value_for(i % 1000, 0));
    ASSERT_EQ(list_append(list.get(), value.get()), 0);
  }
  std::atomic<int> failures{0};
  std::atomic<std::int64_t> appended{0};
  std::atomic<std::int64_t> popped{0};
  auto valid = [](Object* item) {
    return type_of(item) == &int_type && int_is_small(item) && as_int(item)->small >= kTagBase;
  };
  race(
      [&](int r) {
        for (int n = 0; n < kRounds; ++n) {
          std::int64_t index = (n * 13 + r) % 32;
          Ref item = Ref::steal(list_item_ref(as_list(list.get()), index));
          if (item && !valid(item.get())) failures++;
          Ref key = Ref::steal(int_from_int64(index));
          Ref got = Ref::steal(object_getitem(list.get(), key.get()));
          if (got && !valid(got.get())) failures++;
          if (!got) {
            Ref error = Ref::steal(take_exception());
            if (!error || type_of(error.get()) != &index_error_type) failures++;
          }
          if (n % 64 == 0) {  // a full iteration: items come and go, none is ever bad
            Ref iterator = Ref::steal(object_get_iter(list.get()));
            while (Object* each = iter_next(iterator.get())) {
              if (!valid(each)) failures++;
              decref(each);
            }
            if (has_exception()) failures++;
          }
          safepoint_every(n, 16);
        }
      },
      [&](int w) {
        Ref pop = Ref::steal(object_lookup_attr_text(list.get(), "pop"));
        if (!pop) {
          failures++;
          return;
        }
        for (int n = 0; n < kRounds; ++n) {
          Ref value = Ref::steal(value_for(n % 1000, n + 1));
          switch ((n + w) % 4) {
            case 0:
            case 1:
              if (list_append(list.get(), value.get()) != 0) failures++;
              appended.fetch_add(1, std::memory_order_relaxed);
              break;
            case 2: {
              Ref item = Ref::steal(call_object(pop.get(), nullptr, 0, nullptr));
              if (item) {
                popped.fetch_add(1, std::memory_order_relaxed);
              } else {
                clear_exception();  // empty
              }
              break;
            }
            default: {
              Ref zero = Ref::steal(int_from_int64(0));
              if (object_setitem(list.get(), zero.get(), value.get()) != 0) clear_exception();
              break;
            }
          }
          safepoint_every(n, 16);
        }
      });
  EXPECT_EQ(failures.load(), 0);
  std::int64_t size = list_size(as_list(list.get()));
  EXPECT_EQ(size, 16 + appended.load() - popped.load());
  for (std::int64_t i = 0; i < size; ++i) {
    Ref item = Ref::steal(list_item_ref(as_list(list.get()), i));
    ASSERT_TRUE(item);
    EXPECT_TRUE(valid(item.get()));
  }
}

// Iterating a dict that other threads resize never crashes: each pass either completes or
// raises CPython's "dictionary changed size during iteration" (or "dictionary keys changed
// during iteration" when the size came back to the same value).
TEST_F(LockFreeThreaded, IteratingADictOthersMutateRaisesChangedSizeOrKeysOrCompletes) {
  Ref dict = Ref::steal(dict_new());
  for (std::int64_t i = 0; i < 32; ++i) {
    Ref key = Ref::steal(int_from_int64(i));
    ASSERT_EQ(dict_set_item(dict.get(), key.get(), key.get()), 0);
  }
  std::atomic<int> failures{0};
  std::atomic<int> raised{0};
  race(
      [&](int) {
        for (int n = 0; n < kRounds / 32; ++n) {
          Ref iterator = Ref::steal(object_get_iter(dict.get()));
          while (Object* key = iter_next(iterator.get())) {
            if (!is_int(key)) failures++;
            decref(key);
          }
          if (Object* error = take_exception()) {
            Ref held = Ref::steal(error);
            Ref text = Ref::steal(object_str(error));
            // CPython's two messages: the size differs, or it is the same but more entries
            // came out than the dict had when the iterator was created.
            if (type_of(error) != &runtime_error_type ||
                (str_view(text.get()) != "dictionary changed size during iteration" &&
                 str_view(text.get()) != "dictionary keys changed during iteration")) {
              failures++;
            }
            raised.fetch_add(1, std::memory_order_relaxed);
          }
          safepoint_every(n, 4);
        }
      },
      [&](int w) {
        for (int n = 0; n < kRounds; ++n) {
          Ref key = Ref::steal(int_from_int64(1000 + (n * 3 + w) % 256));
          if (n % 2 == 0) {
            if (dict_set_item(dict.get(), key.get(), key.get()) != 0) failures++;
          } else if (dict_del_item(dict.get(), key.get()) != 0) {
            clear_exception();
          }
          safepoint_every(n, 16);
        }
      });
  EXPECT_EQ(failures.load(), 0);
  // Not asserted: how often a pass raised (it depends on the schedule); reported for the log.
  RecordProperty("passes_that_raised", raised.load());
}

}  // namespace
}  // namespace stitch
