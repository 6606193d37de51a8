// list: storage, locking and the sequence protocol. The locking and memory-ordering rules are in
// list.h; sorting is in list_sort.cpp, iteration in iterators.cpp.
#include "core/object/list.h"

#include <algorithm>
#include <limits>
#include <new>
#include <string>
#include <vector>

#include "core/object/alloc.h"
#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/iterators.h"
#include "core/object/lockfree.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/slice.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/sync/critical_section.h"
#include "core/sync/object_lock.h"

namespace stitch {

TypeObject list_type;

namespace {

constexpr std::int64_t kMaxItems =
    static_cast<std::int64_t>((std::numeric_limits<std::int64_t>::max() - sizeof(ListItems)) /
                              sizeof(std::atomic<Object*>));

sync::Mutex& lock_of(ListObject* list) { return sync::object_mutex(&list->header); }

// Lockfree.h, rule 3: a non-owner that touches an unshared list publishes the items to lock-free
// readers and marks the list shared, under the lock, before anything else.
void share_locked(ListObject* list) {
  if (!must_share_locked(list)) return;
  ListItems* items = list->items.load(std::memory_order_relaxed);
  std::int64_t size = list->size.load(std::memory_order_relaxed);
  for (std::int64_t i = 0; i < size; ++i) {
    if (Object* item = items->slots[i].load(std::memory_order_relaxed)) publish_to_readers(item);
  }
  set_shared_bit_locked(list);
}

// The list's critical section, plus share_locked. Every locked operation on one list uses it.
class ListSection {
 public:
  explicit ListSection(ListObject* list) : section_(lock_of(list)) { share_locked(list); }

 private:
  sync::CriticalSection section_;
};

/// Owned references collected while a lock is held and released after it is dropped (a decref may
/// run a finalizer, i.e. arbitrary code).
class RefVector {
 public:
  RefVector() = default;
  RefVector(const RefVector&) = delete;
  RefVector& operator=(const RefVector&) = delete;
  ~RefVector() {
    for (Object* item : items_) xdecref(item);
  }
  void push_owned(Object* item) { items_.push_back(item); }
  std::int64_t size() const { return static_cast<std::int64_t>(items_.size()); }
  Object* const* data() const { return items_.data(); }
  Object* operator[](std::int64_t i) const { return items_[static_cast<std::size_t>(i)]; }
  void reserve(std::int64_t n) { items_.reserve(static_cast<std::size_t>(n)); }

 private:
  std::vector<Object*> items_;
};

ListItems* allocate_items(std::int64_t capacity) {
  if (capacity > kMaxItems) {
    raise_error(&memory_error_type, "");
    return nullptr;
  }
  std::size_t bytes = sizeof(ListItems) +
                      static_cast<std::size_t>(std::max<std::int64_t>(capacity - 1, 0)) *
                          sizeof(std::atomic<Object*>);
  void* memory = exec_state().thread->allocate_raw(bytes);
  if (memory == nullptr) {
    raise_error(&memory_error_type, "");
    return nullptr;
  }
  auto* items = static_cast<ListItems*>(memory);
  items->capacity = capacity;
  for (std::int64_t i = 0; i < capacity; ++i) new (&items->slots[i]) std::atomic<Object*>(nullptr);
  return items;
}

// Reads of the list's fields by the lock holder: it is the only writer, so relaxed suffices.
std::int64_t size_locked(ListObject* list) { return list->size.load(std::memory_order_relaxed); }
ListItems* items_locked(ListObject* list) { return list->items.load(std::memory_order_relaxed); }
Object* slot_locked(ListObject* list, std::int64_t i) {
  return items_locked(list)->slots[i].load(std::memory_order_relaxed);
}
void set_slot_locked(ListObject* list, std::int64_t i, Object* item) {
  // Shared: lock-free readers may load the item (lockfree.h, rule 2). Release: they see it whole.
  if (item != nullptr && is_shared_container(list)) publish_to_readers(item);
  items_locked(list)->slots[i].store(item, std::memory_order_release);
}
void publish_size(ListObject* list, std::int64_t size) {
  // Release: pairs with lock-free readers' acquire load of `size`; the slots stored before are
  // visible to whoever reads the new size.
  list->size.store(size, std::memory_order_release);
}

enum class LockFree { kFound, kOutOfRange, kUseTheLock };

// The item at `index` without the lock (CPython's list_get_item_ref): size and array are loaded
// separately, so the index is checked against both; the slot is re-validated after the reference
// is taken, so the item was at `index` at an instant during the call. No safepoint in between:
// the array and the item stay mapped (lockfree.h, rules 1 and 2).
LockFree item_lock_free(ListObject* list, std::int64_t index, Object** item) {
  // Acquire pairs with publish_size: every slot below the size is stored.
  std::int64_t size = list->size.load(std::memory_order_acquire);
  if (index < 0 || index >= size) return LockFree::kOutOfRange;
  // Acquire pairs with the release store of a new array: its copied slots are visible.
  ListItems* items = list->items.load(std::memory_order_acquire);
  if (items == nullptr || index >= items->capacity) return LockFree::kUseTheLock;
  const std::atomic<Object*>& slot = items->slots[index];
  Object* candidate = slot.load(std::memory_order_acquire);
  if (candidate == nullptr || !try_incref_compare(slot, candidate)) return LockFree::kUseTheLock;
  *item = candidate;
  return LockFree::kFound;
}

/// Grows the array to hold `needed` items (CPython's over-allocation). Lock held.
bool ensure_capacity_locked(ListObject* list, std::int64_t needed) {
  ListItems* old = items_locked(list);
  std::int64_t capacity = old != nullptr ? old->capacity : 0;
  if (needed <= capacity) return true;
  if (needed > kMaxItems) {
    raise_error(&memory_error_type, "");
    return false;
  }
  std::int64_t grown = needed + (needed >> 3) + 6;
  grown = grown > kMaxItems ? needed : (grown & ~std::int64_t{3});
  if (grown < needed) grown = needed;
  ListItems* fresh = allocate_items(grown);
  if (fresh == nullptr) return false;
  std::int64_t size = size_locked(list);
  for (std::int64_t i = 0; i < size; ++i) {
    fresh->slots[i].store(old->slots[i].load(std::memory_order_relaxed), std::memory_order_relaxed);
  }
  // Release: pairs with lock-free readers' acquire load of `items`, so the copied slots are
  // visible through the new array.
  list->items.store(fresh, std::memory_order_release);
  if (old != nullptr) release_items(list, old);
  return true;
}

/// Replaces items [low, high) with `count` new references to `values` (borrowed); the removed
/// references are appended to `removed` (released by the caller after unlocking). Lock held.
bool replace_range_locked(ListObject* list, std::int64_t low, std::int64_t high,
                          Object* const* values, std::int64_t count, RefVector* removed) {
  std::int64_t size = size_locked(list);
  std::int64_t delta = count - (high - low);
  if (delta > 0 && !ensure_capacity_locked(list, size + delta)) return false;
  for (std::int64_t i = low; i < high; ++i) removed->push_owned(slot_locked(list, i));
  if (delta > 0) {
    for (std::int64_t i = size - 1; i >= high; --i) set_slot_locked(list, i + delta, slot_locked(list, i));
  } else if (delta < 0) {
    for (std::int64_t i = high; i < size; ++i) set_slot_locked(list, i + delta, slot_locked(list, i));
    for (std::int64_t i = size + delta; i < size; ++i) set_slot_locked(list, i, nullptr);
  }
  for (std::int64_t i = 0; i < count; ++i) set_slot_locked(list, low + i, new_ref(values[i]));
  publish_size(list, size + delta);
  return true;
}

/// New references to every item, taken under the lock.
void snapshot(ListObject* list, RefVector* out) {
  ListSection section(list);
  std::int64_t size = size_locked(list);
  out->reserve(size);
  for (std::int64_t i = 0; i < size; ++i) out->push_owned(new_ref(slot_locked(list, i)));
}

/// The items of a list or tuple (new references); false if `sequence` is neither.
bool snapshot_sequence(Object* sequence, RefVector* out) {
  if (is_list(sequence)) {
    snapshot(as_list(sequence), out);
    return true;
  }
  if (is_tuple(sequence)) {
    TupleObject* tuple = as_tuple(sequence);
    out->reserve(tuple->size);
    for (std::int64_t i = 0; i < tuple->size; ++i) out->push_owned(new_ref(tuple->items[i]));
    return true;
  }
  return false;
}

/// Every item of an iterable (new references). On failure an exception is set.
bool collect_iterable(Object* iterable, RefVector* out) {
  if (snapshot_sequence(iterable, out)) return true;
  Ref iterator = Ref::steal(object_get_iter(iterable));
  if (!iterator) return false;
  while (Object* item = iter_next(iterator.get())) out->push_owned(item);
  return !has_exception();
}

Object* list_from_refs(Object* const* values, std::int64_t count) {
  Object* result = list_new(count);
  if (result == nullptr) return nullptr;
  ListObject* list = as_list(result);
  for (std::int64_t i = 0; i < count; ++i) set_slot_locked(list, i, new_ref(values[i]));
  publish_size(list, count);  // not shared yet: no lock needed
  return result;
}

// ---- slots ----

void list_dealloc(Object* object) {
  ListObject* list = as_list(object);
  ListItems* items = items_locked(list);  // the last reference: nobody else can see the list
  std::int64_t size = size_locked(list);
  for (std::int64_t i = 0; i < size; ++i) xdecref(items->slots[i].load(std::memory_order_relaxed));
  // At once: a lock-free reader holds a reference to the list it reads, so none is left here.
  if (items != nullptr) rt::ThreadState::deallocate(items);
  free_object_memory(object);
}

std::int64_t list_length(Object* object) { return list_size(as_list(object)); }
int list_is_true(Object* object) { return list_size(as_list(object)) != 0; }

/// Objects whose repr is being computed on this thread: a list met again prints as "[...]".
thread_local std::vector<Object*> repr_in_progress;

Object* list_repr(Object* object) {
  ListObject* list = as_list(object);
  if (std::find(repr_in_progress.begin(), repr_in_progress.end(), object) != repr_in_progress.end()) {
    return str_intern("[...]");
  }
  if (list_size(list) == 0) return str_intern("[]");
  repr_in_progress.push_back(object);
  std::string text = "[";
  bool ok = true;
  for (std::int64_t i = 0;; ++i) {
    Ref item = Ref::steal(list_item_ref(list, i));
    if (!item) break;
    Ref item_text = Ref::steal(object_repr(item.get()));
    if (!item_text) {
      ok = false;
      break;
    }
    if (i > 0) text += ", ";
    text += str_view(item_text.get());
  }
  repr_in_progress.pop_back();
  if (!ok) return nullptr;
  text += "]";
  return str_from_utf8(text);
}

Object* list_rich_compare(Object* left, Object* right, CompareOp op) {
  if (!is_list(right)) return new_ref(not_implemented());
  ListObject* a = as_list(left);
  ListObject* b = as_list(right);
  if ((op == CompareOp::kEq || op == CompareOp::kNe) && list_size(a) != list_size(b)) {
    return bool_from(op == CompareOp::kNe);
  }
  // Find the first index where the items differ; sizes are re-read as the lists may change.
  std::int64_t i = 0;
  for (;; ++i) {
    Ref x = Ref::steal(list_item_ref(a, i));
    Ref y = Ref::steal(list_item_ref(b, i));
    if (!x || !y) break;
    int equal = object_rich_compare_bool(x.get(), y.get(), CompareOp::kEq);
    if (equal < 0) return nullptr;
    if (!equal) {
      if (op == CompareOp::kEq) return bool_from(false);
      if (op == CompareOp::kNe) return bool_from(true);
      return object_rich_compare(x.get(), y.get(), op);
    }
  }
  std::int64_t x = list_size(a), y = list_size(b);
  bool result = false;
  switch (op) {
    case CompareOp::kLt: result = x < y; break;
    case CompareOp::kLe: result = x <= y; break;
    case CompareOp::kEq: result = x == y; break;
    case CompareOp::kNe: result = x != y; break;
    case CompareOp::kGt: result = x > y; break;
    case CompareOp::kGe: result = x >= y; break;
  }
  return bool_from(result);
}

int list_contains(Object* object, Object* value) {
  ListObject* list = as_list(object);
  for (std::int64_t i = 0;; ++i) {
    Ref item = Ref::steal(list_item_ref(list, i));
    if (!item) return 0;
    int equal = object_rich_compare_bool(item.get(), value, CompareOp::kEq);
    if (equal != 0) return equal;
  }
}

Object* list_concat(Object* left, Object* right) {
  if (!is_list(right)) {
    return raise_error(&type_error_type, std::string("can only concatenate list (not \"") +
                                             type_name(right) + "\") to list");
  }
  ListObject* a = as_list(left);
  ListObject* b = as_list(right);
  sync::CriticalSection2 section(lock_of(a), lock_of(b));
  std::int64_t size_a = size_locked(a), size_b = size_locked(b);
  if (size_a > kMaxItems - size_b) return raise_error(&memory_error_type, "");
  Object* result = list_new(size_a + size_b);
  if (result == nullptr) return nullptr;
  ListObject* out = as_list(result);
  for (std::int64_t i = 0; i < size_a; ++i) set_slot_locked(out, i, new_ref(slot_locked(a, i)));
  for (std::int64_t i = 0; i < size_b; ++i) set_slot_locked(out, size_a + i, new_ref(slot_locked(b, i)));
  publish_size(out, size_a + size_b);
  return result;
}

Object* list_repeat(Object* object, std::int64_t count) {
  ListObject* list = as_list(object);
  ListSection section(list);
  std::int64_t size = size_locked(list);
  if (count <= 0 || size == 0) return list_new(0);
  if (size > kMaxItems / count) return raise_error(&memory_error_type, "");
  Object* result = list_new(size * count);
  if (result == nullptr) return nullptr;
  ListObject* out = as_list(result);
  for (std::int64_t r = 0; r < count; ++r) {
    for (std::int64_t i = 0; i < size; ++i) set_slot_locked(out, r * size + i, new_ref(slot_locked(list, i)));
  }
  publish_size(out, size * count);
  return result;
}

Object* list_inplace_concat(Object* left, Object* right) {
  if (list_extend(left, right) < 0) return nullptr;
  return new_ref(left);
}

Object* list_inplace_repeat(Object* object, std::int64_t count) {
  ListObject* list = as_list(object);
  RefVector removed;
  {
    ListSection section(list);
    std::int64_t size = size_locked(list);
    if (count <= 0) {
      if (!replace_range_locked(list, 0, size, nullptr, 0, &removed)) return nullptr;
    } else if (count > 1 && size > 0) {
      if (size > kMaxItems / count) return raise_error(&memory_error_type, "");
      if (!ensure_capacity_locked(list, size * count)) return nullptr;
      for (std::int64_t r = 1; r < count; ++r) {
        for (std::int64_t i = 0; i < size; ++i) set_slot_locked(list, r * size + i, new_ref(slot_locked(list, i)));
      }
      publish_size(list, size * count);
    }
  }
  return new_ref(object);
}

Object* index_type_error(Object* key) {
  return raise_error(&type_error_type, std::string("list indices must be integers or slices, not ") +
                                           type_name(key));
}

Object* list_getitem(Object* object, Object* key) {
  ListObject* list = as_list(object);
  if (is_index_like(key)) {
    std::int64_t index = 0;
    if (!index_to_int64(key, &index)) return nullptr;
    if (index >= 0 && may_read_lock_free(list)) {
      Object* item = nullptr;
      switch (item_lock_free(list, index, &item)) {
        case LockFree::kFound: return item;
        case LockFree::kOutOfRange: return raise_error(&index_error_type, "list index out of range");
        case LockFree::kUseTheLock: break;
      }
    }
    ListSection section(list);
    std::int64_t size = size_locked(list);
    if (index < 0) index += size;
    if (index < 0 || index >= size) return raise_error(&index_error_type, "list index out of range");
    return new_ref(slot_locked(list, index));
  }
  if (is_slice(key)) {
    std::int64_t start = 0, stop = 0, step = 0;
    if (!slice_unpack(key, &start, &stop, &step)) return nullptr;
    ListSection section(list);
    std::int64_t count = slice_adjust_indices(size_locked(list), &start, &stop, step);
    Object* result = list_new(count);
    if (result == nullptr) return nullptr;
    ListObject* out = as_list(result);
    for (std::int64_t i = 0; i < count; ++i) {
      set_slot_locked(out, i, new_ref(slot_locked(list, start + i * step)));
    }
    publish_size(out, count);
    return result;
  }
  return index_type_error(key);
}

int assign_slice(ListObject* list, Object* slice, Object* value) {
  std::int64_t start = 0, stop = 0, step = 0;
  if (!slice_unpack(slice, &start, &stop, &step)) return -1;
  RefVector values;
  if (value != nullptr && !collect_iterable(value, &values)) {
    if (exception_matches(&type_error_type) && !is_list(value) &&
        type_of(value)->iter == nullptr && type_of(value)->getitem == nullptr) {
      clear_exception();
      raise_error(&type_error_type, "can only assign an iterable");
    }
    return -1;
  }
  RefVector removed;
  ListSection section(list);
  std::int64_t size = size_locked(list);
  std::int64_t count = slice_adjust_indices(size, &start, &stop, step);
  if (step == 1) {
    if (stop < start) stop = start;
    return replace_range_locked(list, start, stop, values.data(), values.size(), &removed) ? 0 : -1;
  }
  if (value == nullptr) {
    if (count == 0) return 0;
    if (step < 0) {  // walk the same positions upwards
      start = start + step * (count - 1);
      step = -step;
    }
    std::int64_t write = start;
    std::int64_t taken = 0;
    for (std::int64_t read = start; read < size; ++read) {
      Object* item = slot_locked(list, read);
      if (taken < count && read == start + taken * step) {
        removed.push_owned(item);
        ++taken;
        continue;
      }
      set_slot_locked(list, write++, item);
    }
    for (std::int64_t i = write; i < size; ++i) set_slot_locked(list, i, nullptr);
    publish_size(list, size - count);
    return 0;
  }
  if (values.size() != count) {
    raise_error(&value_error_type, "attempt to assign sequence of size " + std::to_string(values.size()) +
                                       " to extended slice of size " + std::to_string(count));
    return -1;
  }
  for (std::int64_t i = 0; i < count; ++i) {
    std::int64_t position = start + i * step;
    removed.push_owned(slot_locked(list, position));
    set_slot_locked(list, position, new_ref(values[i]));
  }
  return 0;
}

int list_setitem(Object* object, Object* key, Object* value) {
  ListObject* list = as_list(object);
  if (is_index_like(key)) {
    std::int64_t index = 0;
    if (!index_to_int64(key, &index)) return -1;
    RefVector removed;
    ListSection section(list);
    std::int64_t size = size_locked(list);
    if (index < 0) index += size;
    if (index < 0 || index >= size) {
      raise_error(&index_error_type, "list assignment index out of range");
      return -1;
    }
    if (value == nullptr) return replace_range_locked(list, index, index + 1, nullptr, 0, &removed) ? 0 : -1;
    removed.push_owned(slot_locked(list, index));
    set_slot_locked(list, index, new_ref(value));
    return 0;
  }
  if (is_slice(key)) return assign_slice(list, key, value);
  index_type_error(key);
  return -1;
}

Object* list_new_instance(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("list", kwnames)) return nullptr;
  if (!check_argument_range("list", nargs, 0, 1)) return nullptr;
  if (nargs == 0) return list_new(0);
  return list_from_iterable(args[0]);
}

// ---- methods ----

/// A Py_ssize_t argument: __index__, OverflowError beyond int64.
bool ssize_argument(Object* value, std::int64_t* out) {
  Ref index = Ref::steal(number_index(value));
  if (!index) return false;
  if (int_to_int64(index.get(), out)) return true;
  raise_error(&overflow_error_type, "Python int too large to convert to C ssize_t");
  return false;
}

Object* method_append(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("list.append", kwnames)) return nullptr;
  if (!check_exactly_one_argument("list.append", nargs)) return nullptr;
  if (list_append(self, args[0]) < 0) return nullptr;
  return new_ref(none());
}

Object* method_extend(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("list.extend", kwnames)) return nullptr;
  if (!check_exactly_one_argument("list.extend", nargs)) return nullptr;
  if (list_extend(self, args[0]) < 0) return nullptr;
  return new_ref(none());
}

Object* method_insert(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("insert", kwnames)) return nullptr;
  if (nargs != 2) {
    return raise_error(&type_error_type, "insert expected 2 arguments, got " + std::to_string(nargs));
  }
  std::int64_t index = 0;
  if (!ssize_argument(args[0], &index)) return nullptr;
  ListObject* list = as_list(self);
  RefVector removed;
  ListSection section(list);
  std::int64_t size = size_locked(list);
  if (index < 0) index = std::max<std::int64_t>(index + size, 0);
  if (index > size) index = size;
  if (!replace_range_locked(list, index, index, &args[1], 1, &removed)) return nullptr;
  return new_ref(none());
}

Object* method_pop(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("pop", kwnames)) return nullptr;
  if (!check_argument_range("pop", nargs, 0, 1)) return nullptr;
  std::int64_t index = -1;
  if (nargs == 1 && !ssize_argument(args[0], &index)) return nullptr;
  ListObject* list = as_list(self);
  RefVector removed;
  ListSection section(list);
  std::int64_t size = size_locked(list);
  if (size == 0) return raise_error(&index_error_type, "pop from empty list");
  if (index < 0) index += size;
  if (index < 0 || index >= size) return raise_error(&index_error_type, "pop index out of range");
  if (!replace_range_locked(list, index, index + 1, nullptr, 0, &removed)) return nullptr;
  return new_ref(removed[0]);  // `removed` drops the list's reference after the lock is released
}

Object* method_remove(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("list.remove", kwnames)) return nullptr;
  if (!check_exactly_one_argument("list.remove", nargs)) return nullptr;
  ListObject* list = as_list(self);
  for (std::int64_t i = 0;;) {
    Ref item = Ref::steal(list_item_ref(list, i));
    if (!item) return raise_error(&value_error_type, "list.remove(x): x not in list");
    int equal = object_rich_compare_bool(item.get(), args[0], CompareOp::kEq);
    if (equal < 0) return nullptr;
    if (!equal) {
      ++i;
      continue;
    }
    RefVector removed;
    ListSection section(list);
    // The comparison ran unlocked: remove only if position i still holds the item we compared;
    // otherwise look at position i again.
    if (i < size_locked(list) && slot_locked(list, i) == item.get()) {
      if (!replace_range_locked(list, i, i + 1, nullptr, 0, &removed)) return nullptr;
      return new_ref(none());
    }
  }
}

Object* method_index(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("index", kwnames)) return nullptr;
  if (!check_argument_range("index", nargs, 1, 3)) return nullptr;
  constexpr const char* kMessage = "slice indices must be integers or have an __index__ method";
  std::int64_t start = 0, stop = std::numeric_limits<std::int64_t>::max();
  if (nargs >= 2 && !slice_bound_to_int64(args[1], &start, kMessage)) return nullptr;
  if (nargs >= 3 && !slice_bound_to_int64(args[2], &stop, kMessage)) return nullptr;
  ListObject* list = as_list(self);
  std::int64_t size = list_size(list);
  if (start < 0) start = std::max<std::int64_t>(start + size, 0);
  if (stop < 0) stop = std::max<std::int64_t>(stop + size, 0);
  for (std::int64_t i = start; i < stop; ++i) {
    Ref item = Ref::steal(list_item_ref(list, i));
    if (!item) break;
    int equal = object_rich_compare_bool(item.get(), args[0], CompareOp::kEq);
    if (equal < 0) return nullptr;
    if (equal) return int_from_int64(i);
  }
  Ref text = Ref::steal(object_repr(args[0]));
  if (!text) return nullptr;
  return raise_error(&value_error_type, std::string(str_view(text.get())) + " is not in list");
}

Object* method_count(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("list.count", kwnames)) return nullptr;
  if (!check_exactly_one_argument("list.count", nargs)) return nullptr;
  std::int64_t count = 0;
  for (std::int64_t i = 0;; ++i) {
    Ref item = Ref::steal(list_item_ref(as_list(self), i));
    if (!item) break;
    int equal = object_rich_compare_bool(item.get(), args[0], CompareOp::kEq);
    if (equal < 0) return nullptr;
    count += equal;
  }
  return int_from_int64(count);
}

Object* method_clear(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("list.clear", kwnames)) return nullptr;
  if (!check_no_arguments("list.clear", nargs)) return nullptr;
  DetachedItems old = list_detach_items(as_list(self));
  for (std::int64_t i = 0; i < old.size; ++i) decref(old.items->slots[i].load(std::memory_order_relaxed));
  if (old.items != nullptr) release_items(as_list(self), old.items);
  return new_ref(none());
}

Object* method_copy(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("list.copy", kwnames)) return nullptr;
  if (!check_no_arguments("list.copy", nargs)) return nullptr;
  RefVector items;
  snapshot(as_list(self), &items);
  return list_from_refs(items.data(), items.size());
}

Object* method_reverse(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("list.reverse", kwnames)) return nullptr;
  if (!check_no_arguments("list.reverse", nargs)) return nullptr;
  ListObject* list = as_list(self);
  ListSection section(list);
  std::int64_t size = size_locked(list);
  for (std::int64_t i = 0, j = size - 1; i < j; ++i, --j) {
    Object* a = slot_locked(list, i);
    set_slot_locked(list, i, slot_locked(list, j));
    set_slot_locked(list, j, a);
  }
  return new_ref(none());
}

const MethodDef list_methods[] = {
    {"append", method_append},   {"extend", method_extend}, {"insert", method_insert},
    {"pop", method_pop},         {"remove", method_remove}, {"index", method_index},
    {"count", method_count},     {"clear", method_clear},   {"copy", method_copy},
    {"reverse", method_reverse}, {"sort", list_sort_method}, {nullptr, nullptr},
};

}  // namespace

bool is_list(const Object* object) { return type_has_flag(type_of(object), type_flags::kListSubclass); }

void release_items(ListObject* list, ListItems* items) {
  // Shared: lock-free readers may still be reading `items` (lockfree.h, rule 1).
  std::size_t bytes = sizeof(ListItems) + static_cast<std::size_t>(std::max<std::int64_t>(
                                              items->capacity - 1, 0)) * sizeof(std::atomic<Object*>);
  free_table(items, bytes, is_shared_container(list));
}

Object* list_new(std::int64_t size_hint) {
  if (size_hint < 0) size_hint = 0;
  ListItems* items = nullptr;
  if (size_hint > 0) {
    items = allocate_items(size_hint);
    if (items == nullptr) return nullptr;
  }
  auto* list = allocate<ListObject>(&list_type);
  if (list == nullptr) {
    if (items != nullptr) rt::ThreadState::deallocate(items);
    return nullptr;
  }
  new (&list->size) std::atomic<std::int64_t>(0);
  new (&list->items) std::atomic<ListItems*>(items);
  return list;
}

int list_append(Object* object, Object* item) {
  ListObject* list = as_list(object);
  ListSection section(list);
  std::int64_t size = size_locked(list);
  if (!ensure_capacity_locked(list, size + 1)) return -1;
  set_slot_locked(list, size, new_ref(item));
  publish_size(list, size + 1);
  return 0;
}

int list_extend(Object* object, Object* iterable) {
  ListObject* list = as_list(object);
  RefVector values;
  if (snapshot_sequence(iterable, &values)) {
    RefVector removed;
    ListSection section(list);
    std::int64_t size = size_locked(list);
    return replace_range_locked(list, size, size, values.data(), values.size(), &removed) ? 0 : -1;
  }
  Ref iterator = Ref::steal(object_get_iter(iterable));
  if (!iterator) return -1;
  while (Object* item = iter_next(iterator.get())) {
    int status = list_append(object, item);
    decref(item);
    if (status < 0) return -1;
  }
  return has_exception() ? -1 : 0;
}

Object* list_from_iterable(Object* iterable) {
  Ref result = Ref::steal(list_new(0));
  if (!result) return nullptr;
  if (list_extend(result.get(), iterable) < 0) return nullptr;
  return result.release();
}

Object* list_item_ref(ListObject* list, std::int64_t index) {
  if (may_read_lock_free(list)) {
    Object* item = nullptr;
    switch (item_lock_free(list, index, &item)) {
      case LockFree::kFound: return item;
      case LockFree::kOutOfRange: return nullptr;
      case LockFree::kUseTheLock: break;
    }
  }
  ListSection section(list);
  if (index < 0 || index >= size_locked(list)) return nullptr;
  return new_ref(slot_locked(list, index));
}

DetachedItems list_detach_items(ListObject* list) {
  ListSection section(list);
  DetachedItems detached{items_locked(list), size_locked(list)};
  list->items.store(nullptr, std::memory_order_release);  // pairs with readers' acquire load
  publish_size(list, 0);
  return detached;
}

bool list_reattach_items(ListObject* list, DetachedItems detached) {
  DetachedItems intruder;
  {
    ListSection section(list);
    intruder = DetachedItems{items_locked(list), size_locked(list)};
    // The list may have become shared while its items were detached (a key function blocked and
    // another thread came in): publish them before lock-free readers can see them again.
    if (is_shared_container(list)) {
      for (std::int64_t i = 0; i < detached.size; ++i) {
        publish_to_readers(detached.items->slots[i].load(std::memory_order_relaxed));
      }
    }
    // Release: pairs with readers' acquire loads; the sorted slots are visible with the array.
    list->items.store(detached.items, std::memory_order_release);
    publish_size(list, detached.size);
  }
  bool modified = intruder.items != nullptr || intruder.size != 0;
  for (std::int64_t i = 0; i < intruder.size; ++i) {
    decref(intruder.items->slots[i].load(std::memory_order_relaxed));
  }
  if (intruder.items != nullptr) release_items(list, intruder.items);
  return !modified;
}

void init_list_type() {
  init_static_type(list_type, "list", sizeof(ListObject), &object_type,
                   type_flags::kBaseType | type_flags::kListSubclass);
  list_type.hash = nullptr;  // unhashable
  list_type.dealloc = list_dealloc;
  list_type.repr = list_repr;
  list_type.rich_compare = list_rich_compare;
  list_type.new_instance = list_new_instance;
  list_type.length = list_length;
  list_type.number.is_true = list_is_true;
  list_type.contains = list_contains;
  list_type.sequence_concat = list_concat;
  list_type.sequence_repeat = list_repeat;
  list_type.sequence_inplace_concat = list_inplace_concat;
  list_type.sequence_inplace_repeat = list_inplace_repeat;
  list_type.getitem = list_getitem;
  list_type.setitem = list_setitem;
  list_type.iter = list_iter;
  list_type.methods = list_methods;
}

}  // namespace stitch
