// list.sort: a stable merge sort over (key, value) pairs.
//
// Protocol (CPython's free-threaded one): the whole sort runs inside the list's critical section,
// so other threads wait for it; comparisons and key functions run inside it too, which is safe
// because a critical section is suspended whenever its thread blocks (then other threads may get
// in and see the list empty, as in CPython). The contents are detached first (the list reads as
// empty while sorting), so a key function or comparison on this thread that touches the list
// (a recursive section: no lock is taken again) cannot see a half-sorted list. When the sort ends, the sorted array is put back; if the list
// was given new contents meanwhile, those are dropped and ValueError "list modified during sort"
// is raised (list_reattach_items). A failing comparison stops the sort but the array stays a
// permutation of the original items, so nothing is lost or duplicated.
//
// `reverse=True` keeps stability the way CPython does: reverse, sort ascending, reverse back.
// The merge sort is bottom-up: insertion-sorted runs of kRun items, then merges of doubling width
// through a scratch buffer. Only `right < left` moves a right item first, which makes it stable.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "core/object/bool.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/call.h"
#include "core/object/list.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/slice.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/sync/critical_section.h"
#include "core/sync/object_lock.h"

namespace stitch {

namespace {

constexpr std::size_t kRun = 16;

struct Pair {
  Object* key;
  Object* value;
};

/// -1 error, 1 if a < b, 0 otherwise.
int less_than(const Pair& a, const Pair& b) { return object_rich_compare_bool(a.key, b.key, CompareOp::kLt); }

/// Sorts `pairs` stably; false on a comparison error (pairs remain a permutation).
bool merge_sort(std::vector<Pair>& pairs) {
  std::size_t n = pairs.size();
  for (std::size_t base = 0; base < n; base += kRun) {
    std::size_t end = std::min(base + kRun, n);
    for (std::size_t i = base + 1; i < end; ++i) {
      Pair moving = pairs[i];
      std::size_t j = i;
      while (j > base) {
        int lt = less_than(moving, pairs[j - 1]);
        if (lt < 0) {
          pairs[j] = moving;
          return false;
        }
        if (!lt) break;
        pairs[j] = pairs[j - 1];
        --j;
      }
      pairs[j] = moving;
    }
  }
  std::vector<Pair> scratch(n);
  for (std::size_t width = kRun; width < n; width *= 2) {
    for (std::size_t low = 0; low + width < n; low += 2 * width) {
      std::size_t middle = low + width, high = std::min(low + 2 * width, n);
      std::size_t i = low, j = middle, out = low;
      bool failed = false;
      while (i < middle && j < high) {
        int lt = less_than(pairs[j], pairs[i]);
        if (lt < 0) {
          failed = true;
          break;
        }
        scratch[out++] = lt ? pairs[j++] : pairs[i++];
      }
      while (i < middle) scratch[out++] = pairs[i++];
      while (j < high) scratch[out++] = pairs[j++];
      std::copy(scratch.begin() + static_cast<std::ptrdiff_t>(low),
                scratch.begin() + static_cast<std::ptrdiff_t>(high),
                pairs.begin() + static_cast<std::ptrdiff_t>(low));
      if (failed) return false;
    }
  }
  return true;
}

/// Sorts the detached items with the given keys (owned references, parallel to the items; nullptr
/// to compare the items), puts them back, releases the keys. 0 or -1.
int sort_detached(ListObject* list, DetachedItems detached, std::vector<Object*>* keys, bool reverse) {
  std::vector<Pair> pairs(static_cast<std::size_t>(detached.size));
  for (std::int64_t i = 0; i < detached.size; ++i) {
    Object* value = detached.items->slots[i].load(std::memory_order_relaxed);  // detached: ours alone
    pairs[static_cast<std::size_t>(i)] = {keys != nullptr ? (*keys)[static_cast<std::size_t>(i)] : value, value};
  }
  if (reverse) std::reverse(pairs.begin(), pairs.end());
  bool ok = merge_sort(pairs);
  if (reverse) std::reverse(pairs.begin(), pairs.end());
  for (std::int64_t i = 0; i < detached.size; ++i) {
    // Release: a lock-free reader that loaded the array before it was detached may read the slot.
    detached.items->slots[i].store(pairs[static_cast<std::size_t>(i)].value, std::memory_order_release);
  }
  if (keys != nullptr) {
    for (Object* key : *keys) decref(key);
  }
  bool unmodified = list_reattach_items(list, detached);
  if (!ok) return -1;
  if (!unmodified) {
    raise_error(&value_error_type, "list modified during sort");
    return -1;
  }
  return 0;
}

/// Calls `function(item)`: through the type's call slot (call_object, once linked, does the same
/// plus its checks).
Object* call_key(Object* function, Object* item) { return call_object(function, &item, 1, nullptr); }

}  // namespace

int sort_list(ListObject* list, Object* keys_or_null, bool reverse) {
  sync::CriticalSection section(sync::object_mutex(&list->header));
  DetachedItems detached = list_detach_items(list);
  if (keys_or_null == nullptr) return sort_detached(list, detached, nullptr, reverse);
  std::vector<Object*> keys;
  if (is_tuple(keys_or_null)) {
    TupleObject* tuple = as_tuple(keys_or_null);
    for (std::int64_t i = 0; i < tuple->size; ++i) keys.push_back(new_ref(tuple->items[i]));
  } else {
    for (std::int64_t i = 0;; ++i) {
      Object* key = list_item_ref(as_list(keys_or_null), i);
      if (key == nullptr) break;
      keys.push_back(key);
    }
  }
  if (static_cast<std::int64_t>(keys.size()) != detached.size) {
    for (Object* key : keys) decref(key);
    list_reattach_items(list, detached);
    raise_error(&value_error_type, "list modified during sort");
    return -1;
  }
  return sort_detached(list, detached, &keys, reverse);
}

Object* list_sort_method(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (nargs != 0) return raise_error(&type_error_type, "sort() takes no positional arguments");
  Object* key_function = none();
  bool reverse = false;
  std::int64_t keyword_count = kwnames != nullptr ? as_tuple(kwnames)->size : 0;
  for (std::int64_t i = 0; i < keyword_count; ++i) {
    Object* name = as_tuple(kwnames)->items[i];
    Object* value = args[nargs + static_cast<std::size_t>(i)];
    if (str_view(name) == "key") {
      key_function = value;
    } else if (str_view(name) == "reverse") {
      Ref flag = Ref::steal(number_index(value));
      if (!flag) return nullptr;
      reverse = object_is_true(flag.get()) == 1;
    } else {
      return raise_error(&type_error_type, "'" + std::string(str_view(name)) +
                                               "' is an invalid keyword argument for sort()");
    }
  }
  ListObject* list = as_list(self);
  sync::CriticalSection section(sync::object_mutex(&list->header));
  DetachedItems detached = list_detach_items(list);
  if (is_none(key_function)) {
    if (sort_detached(list, detached, nullptr, reverse) < 0) return nullptr;
    return new_ref(none());
  }
  std::vector<Object*> keys;
  keys.reserve(static_cast<std::size_t>(detached.size));
  for (std::int64_t i = 0; i < detached.size; ++i) {
    Object* key = call_key(key_function, detached.items->slots[i].load(std::memory_order_relaxed));
    if (key == nullptr) {
      for (Object* done : keys) decref(done);
      list_reattach_items(list, detached);
      return nullptr;
    }
    keys.push_back(key);
  }
  if (sort_detached(list, detached, &keys, reverse) < 0) return nullptr;
  return new_ref(none());
}

}  // namespace stitch
