// list: a mutable array of owned references, shaped for free threading.
//
// Layout. The object holds the live size and a pointer to a separately allocated item array
// (`ListItems`: capacity + atomic slots) from the thread's raw heap, so that the array can be
// replaced (growth) while readers elsewhere may still hold the old one. `items` is nullptr for a
// list that never held anything (capacity 0).
//
// Locking. Every mutation, and every read that must be consistent (fetching an item together with
// its bounds check, snapshots for concat/repeat/compare), runs inside the list's per-object
// critical section (`sync::object_mutex(&list->header)`). Arbitrary code (comparisons, repr, key
// functions, decref of removed items, which may run finalizers) runs OUTSIDE the section, except
// in list.sort, which (like CPython's free-threaded build) holds the section for the whole sort
// and calls key functions and comparisons inside it; our sections suspend when the thread
// blocks, so that nested locking cannot deadlock (core/sync/critical_section.h). Item-by-item
// algorithms (`in`, index, count, remove, repr, comparison) fetch one item at a time under the
// lock and compare it unlocked, re-checking the size at every step.
//
// Lock-free reads. `list_item_ref` and integer subscripts take no lock (lockfree.h): load `size`
// and `items` with acquire (they pair with the writers' release stores, so every slot below the
// size is initialized), bound-check against both (they may come from different generations),
// and take the item with try_incref_compare; any doubt falls back to the locked read. Writers
// store slots with release order and publish items stored into a shared list to lock-free
// readers; `release_items` retires the arrays of a shared list through QSBR. A list is shared
// once a thread other than its owner touched it (every locked operation checks, ListSection).
#pragma once

#include <atomic>
#include <cstdint>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

struct ListItems {
  std::int64_t capacity;
  std::atomic<Object*> slots[1];  // `capacity` entries (allocated past the struct's end)
};

struct ListObject : Object {
  std::atomic<std::int64_t> size;
  std::atomic<ListItems*> items;
};

extern TypeObject list_type;

inline ListObject* as_list(Object* object) { return static_cast<ListObject*>(object); }
bool is_list(const Object* object);

/// An empty list with room for `size_hint` items.
Object* list_new(std::int64_t size_hint);
/// Appends `item` (borrowed): 0 on success, -1 with an exception set.
int list_append(Object* list, Object* item);
/// list(iterable).
Object* list_from_iterable(Object* iterable);
/// list.extend(iterable): 0 or -1.
int list_extend(Object* list, Object* iterable);
/// The item at `index` (new reference; lock-free when possible, see above), or nullptr WITHOUT
/// an exception when `index` is out of range (negative included): the primitive of iteration.
Object* list_item_ref(ListObject* list, std::int64_t index);
/// Current length (a relaxed read: exact only when nothing mutates the list concurrently).
inline std::int64_t list_size(ListObject* list) { return list->size.load(std::memory_order_relaxed); }

/// Sorts `list` in place, stably. `keys_or_null` is a list or tuple of precomputed keys (one per
/// item, in item order) or nullptr to compare the items themselves. ValueError "list modified
/// during sort" if the list changed while sorting (its sorted original contents are restored, as
/// CPython does). 0 or -1.
int sort_list(ListObject* list, Object* keys_or_null, bool reverse);

/// Where an item array that is no longer the list's current one is released: retired through
/// QSBR when the list is shared (lock-free readers may still hold it), freed at once otherwise.
void release_items(ListObject* list, ListItems* items);

// Used by list_sort.cpp: take the whole contents out of the list (leaving it empty) and put
// sorted contents back. See list_sort.cpp for the protocol.
struct DetachedItems {
  ListItems* items;
  std::int64_t size;
};
DetachedItems list_detach_items(ListObject* list);
/// Puts `detached` back; returns false if the list was modified meanwhile (its new contents are
/// dropped, as CPython does).
bool list_reattach_items(ListObject* list, DetachedItems detached);

/// The list.sort(*, key=None, reverse=False) method (list_sort.cpp).
Object* list_sort_method(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);

void init_list_type();

}  // namespace stitch
