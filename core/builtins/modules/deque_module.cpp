// The _collections module: `deque`, the double-ended queue that `collections` re-exports.
//
// Data structure. A DequeObject owns a ring buffer of `capacity` (a power of two) owned
// references; the items are ring[(head + i) & (capacity - 1)] for 0 <= i < size. `maxlen` is -1
// for an unbounded deque; a bounded one drops items from the opposite end when it is full, as
// CPython's does. `state` counts mutations so that iterators and the item-by-item algorithms
// (`in`, count, index, remove, comparison) notice a deque changed under them and raise CPython's
// "deque mutated during iteration".
//
// Threads. Threads share deques (work queues), so every operation is atomic: it runs inside the
// deque's per-object critical section (sync::object_mutex(&deque->header)), as list's do. Nothing
// reads the ring without the lock, so a replaced ring is freed at once (no QSBR needed). Code that
// may run arbitrary Python (comparisons, repr, decref of removed items, which may run finalizers,
// iterating an argument) runs OUTSIDE the section: removed items are collected and released after
// unlocking, extend() materializes its argument first and then appends all of it in one section.
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <mutex>
#include <string>
#include <vector>

#include "core/builtins/modules/native_module.h"
#include "core/object/alloc.h"
#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/sync/critical_section.h"
#include "core/sync/object_lock.h"

namespace stitch::builtins {

namespace {

TypeObject deque_type;
TypeObject deque_iterator_type;
TypeObject deque_reverse_iterator_type;

struct DequeObject : Object {
  Object** ring;           // `capacity` slots; nullptr while capacity is 0
  std::int64_t capacity;   // 0 or a power of two
  std::int64_t head;       // ring index of item 0
  std::int64_t size;
  std::int64_t maxlen;     // -1: unbounded
  std::uint64_t state;     // bumped by every mutation
};

struct DequeIteratorObject : Object {
  DequeObject* deque;      // owned; nullptr once exhausted
  std::int64_t index;      // items already produced
  std::uint64_t state;     // the deque's state when the iterator was made
};

DequeObject* as_deque(Object* object) { return static_cast<DequeObject*>(object); }
bool is_deque(Object* object) { return is_subtype(type_of(object), &deque_type); }
sync::Mutex& lock_of(DequeObject* deque) { return sync::object_mutex(&deque->header); }

// Items removed under the lock, released (decref'd) after it is dropped.
class Released {
 public:
  Released() = default;
  Released(const Released&) = delete;
  Released& operator=(const Released&) = delete;
  ~Released() {
    for (Object* object : objects_) xdecref(object);
  }
  void add(Object* owned) { objects_.push_back(owned); }

 private:
  std::vector<Object*> objects_;
};

// ---- ring primitives: the caller holds the deque's lock ----

Object*& slot_locked(DequeObject* deque, std::int64_t index) {
  return deque->ring[(deque->head + index) & (deque->capacity - 1)];
}

bool grow_locked(DequeObject* deque) {
  std::int64_t capacity = deque->capacity == 0 ? 8 : deque->capacity * 2;
  auto** ring = static_cast<Object**>(std::malloc(sizeof(Object*) * static_cast<std::size_t>(capacity)));
  if (ring == nullptr) {
    raise_error(&memory_error_type, "");
    return false;
  }
  for (std::int64_t i = 0; i < deque->size; ++i) ring[i] = slot_locked(deque, i);
  std::free(deque->ring);
  deque->ring = ring;
  deque->capacity = capacity;
  deque->head = 0;
  return true;
}

Object* pop_back_locked(DequeObject* deque) {
  Object* item = slot_locked(deque, deque->size - 1);
  --deque->size;
  ++deque->state;
  return item;
}

Object* pop_front_locked(DequeObject* deque) {
  Object* item = slot_locked(deque, 0);
  deque->head = (deque->head + 1) & (deque->capacity - 1);
  --deque->size;
  ++deque->state;
  return item;
}

// Appends `item` (owned). A full bounded deque drops its first item into `released`.
bool push_back_locked(DequeObject* deque, Object* item, Released* released) {
  if (deque->maxlen == 0) {
    released->add(item);
    return true;
  }
  if (deque->size == deque->maxlen) released->add(pop_front_locked(deque));
  if (deque->size == deque->capacity && !grow_locked(deque)) {
    released->add(item);
    return false;
  }
  slot_locked(deque, deque->size) = item;
  ++deque->size;
  ++deque->state;
  return true;
}

bool push_front_locked(DequeObject* deque, Object* item, Released* released) {
  if (deque->maxlen == 0) {
    released->add(item);
    return true;
  }
  if (deque->size == deque->maxlen) released->add(pop_back_locked(deque));
  if (deque->size == deque->capacity && !grow_locked(deque)) {
    released->add(item);
    return false;
  }
  deque->head = (deque->head - 1) & (deque->capacity - 1);
  slot_locked(deque, 0) = item;
  ++deque->size;
  ++deque->state;
  return true;
}

void rotate_locked(DequeObject* deque, std::int64_t steps) {
  if (deque->size <= 1) return;
  steps %= deque->size;
  if (steps < 0) steps += deque->size;
  // Rotating right by k is rotating left by size - k: move the fewer items.
  if (steps <= deque->size / 2) {
    for (std::int64_t i = 0; i < steps; ++i) {
      Object* item = slot_locked(deque, deque->size - 1);
      deque->head = (deque->head - 1) & (deque->capacity - 1);
      slot_locked(deque, 0) = item;
    }
  } else {
    for (std::int64_t i = steps; i < deque->size; ++i) {
      Object* item = slot_locked(deque, 0);
      deque->head = (deque->head + 1) & (deque->capacity - 1);
      slot_locked(deque, deque->size - 1) = item;
    }
  }
  ++deque->state;
}

// New references to every item, taken under the lock.
std::vector<Object*> snapshot(DequeObject* deque) {
  std::vector<Object*> items;
  sync::CriticalSection section(lock_of(deque));
  items.reserve(static_cast<std::size_t>(deque->size));
  for (std::int64_t i = 0; i < deque->size; ++i) items.push_back(new_ref(slot_locked(deque, i)));
  return items;
}

void release_all(std::vector<Object*>& items) {
  for (Object* item : items) decref(item);
  items.clear();
}

// The item at `index` (new reference) if the deque still has the mutation count `state`;
// nullptr with no exception past the end, nullptr with RuntimeError if it was mutated.
Object* item_if_unchanged(DequeObject* deque, std::int64_t index, std::uint64_t state, const char* message) {
  sync::CriticalSection section(lock_of(deque));
  if (deque->state != state) return raise_error(&runtime_error_type, message);
  if (index >= deque->size) return nullptr;
  return new_ref(slot_locked(deque, index));
}

bool index_from(Object* value, std::int64_t* out) {
  if (!is_int(value)) {
    raise_error(&type_error_type, std::string("'") + type_name(value) + "' object cannot be interpreted as an integer");
    return false;
  }
  if (!int_is_small(value)) {
    raise_error(&overflow_error_type, "Python int too large to convert to C ssize_t");
    return false;
  }
  *out = as_int(value)->small;
  return true;
}

// ---- construction ----

DequeObject* deque_allocate(TypeObject* type, std::int64_t maxlen) {
  auto* deque = allocate<DequeObject>(type);
  if (deque == nullptr) return nullptr;
  deque->ring = nullptr;
  deque->capacity = 0;
  deque->head = 0;
  deque->size = 0;
  deque->maxlen = maxlen;
  deque->state = 0;
  return deque;
}

// Collects new references to the items of `iterable` (a snapshot of a deque, list or tuple).
bool collect(Object* iterable, std::vector<Object*>* items) {
  if (is_deque(iterable)) {
    *items = snapshot(as_deque(iterable));
    return true;
  }
  int status = iterate_items(iterable, [&](Object* item) {
    items->push_back(new_ref(item));
    return 0;
  });
  if (status < 0) {
    release_all(*items);
    return false;
  }
  return true;
}

// Appends (or prepends, one at a time, so their order reverses) the owned `items` atomically.
bool extend_with(DequeObject* deque, std::vector<Object*>& items, bool at_front) {
  Released released;
  sync::CriticalSection section(lock_of(deque));
  bool ok = true;
  for (Object* item : items) {
    if (!ok) {
      released.add(item);
      continue;
    }
    ok = at_front ? push_front_locked(deque, item, &released) : push_back_locked(deque, item, &released);
  }
  items.clear();
  return ok;
}

bool parse_maxlen(Object* value, std::int64_t* maxlen) {
  *maxlen = -1;
  if (value == nullptr || is_none(value)) return true;
  if (!is_int(value)) {
    raise_error(&type_error_type, "an integer is required");
    return false;
  }
  if (!index_from(value, maxlen)) return false;
  if (*maxlen < 0) {
    raise_error(&value_error_type, "maxlen must be non-negative");
    return false;
  }
  return true;
}

// deque(iterable=(), maxlen=None)
Object* deque_new_instance(TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* bound[2] = {nullptr, nullptr};
  if (!bind_native_arguments("deque", args, nargs, kwnames, {"iterable", "maxlen"}, bound)) return nullptr;
  std::int64_t maxlen;
  if (!parse_maxlen(bound[1], &maxlen)) return nullptr;
  Ref deque = Ref::steal(deque_allocate(type, maxlen));
  if (!deque) return nullptr;
  if (bound[0] != nullptr) {
    std::vector<Object*> items;
    if (!collect(bound[0], &items) || !extend_with(as_deque(deque.get()), items, false)) return nullptr;
  }
  return deque.release();
}

Object* deque_copy_of(DequeObject* source) {
  std::vector<Object*> items = snapshot(source);
  Ref copy = Ref::steal(deque_allocate(&deque_type, source->maxlen));
  if (!copy) {
    release_all(items);
    return nullptr;
  }
  if (!extend_with(as_deque(copy.get()), items, false)) return nullptr;
  return copy.release();
}

void deque_dealloc(Object* object) {
  DequeObject* deque = as_deque(object);
  // Nobody else can reach a dying object, so its lock is not needed.
  for (std::int64_t i = 0; i < deque->size; ++i) decref(deque->ring[(deque->head + i) & (deque->capacity - 1)]);
  std::free(deque->ring);
  free_object_memory(object);
}

// ---- methods ----

Object* deque_append(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("deque.append", kwnames) || !check_exactly_one_argument("deque.append", nargs)) return nullptr;
  Released released;
  sync::CriticalSection section(lock_of(as_deque(self)));
  if (!push_back_locked(as_deque(self), new_ref(args[0]), &released)) return nullptr;
  return new_ref(none());
}

Object* deque_appendleft(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("deque.appendleft", kwnames) || !check_exactly_one_argument("deque.appendleft", nargs)) return nullptr;
  Released released;
  sync::CriticalSection section(lock_of(as_deque(self)));
  if (!push_front_locked(as_deque(self), new_ref(args[0]), &released)) return nullptr;
  return new_ref(none());
}

Object* deque_pop_end(Object* self, std::size_t nargs, Object* kwnames, bool front) {
  const char* name = front ? "deque.popleft" : "deque.pop";
  if (!check_no_keywords(name, kwnames) || !check_no_arguments(name, nargs)) return nullptr;
  DequeObject* deque = as_deque(self);
  sync::CriticalSection section(lock_of(deque));
  if (deque->size == 0) return raise_error(&index_error_type, "pop from an empty deque");
  return front ? pop_front_locked(deque) : pop_back_locked(deque);
}

Object* deque_pop(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return deque_pop_end(self, nargs, kwnames, false);
}

Object* deque_popleft(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return deque_pop_end(self, nargs, kwnames, true);
}

Object* deque_extend_end(Object* self, Object* const* args, std::size_t nargs, Object* kwnames, bool front) {
  const char* name = front ? "deque.extendleft" : "deque.extend";
  if (!check_no_keywords(name, kwnames) || !check_exactly_one_argument(name, nargs)) return nullptr;
  std::vector<Object*> items;
  if (!collect(args[0], &items) || !extend_with(as_deque(self), items, front)) return nullptr;
  return new_ref(none());
}

Object* deque_extend(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return deque_extend_end(self, args, nargs, kwnames, false);
}

Object* deque_extendleft(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return deque_extend_end(self, args, nargs, kwnames, true);
}

Object* deque_clear(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("deque.clear", kwnames) || !check_no_arguments("deque.clear", nargs)) return nullptr;
  Released released;
  DequeObject* deque = as_deque(self);
  sync::CriticalSection section(lock_of(deque));
  while (deque->size > 0) released.add(pop_back_locked(deque));
  ++deque->state;
  return new_ref(none());
}

Object* deque_copy(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("deque.copy", kwnames) || !check_no_arguments("deque.copy", nargs)) return nullptr;
  return deque_copy_of(as_deque(self));
}

Object* deque_rotate(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("deque.rotate", kwnames) || !check_argument_range("rotate", nargs, 0, 1)) return nullptr;
  std::int64_t steps = 1;
  if (nargs == 1 && !index_from(args[0], &steps)) return nullptr;
  DequeObject* deque = as_deque(self);
  sync::CriticalSection section(lock_of(deque));
  rotate_locked(deque, steps);
  return new_ref(none());
}

Object* deque_reverse(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("deque.reverse", kwnames) || !check_no_arguments("deque.reverse", nargs)) return nullptr;
  DequeObject* deque = as_deque(self);
  sync::CriticalSection section(lock_of(deque));
  for (std::int64_t i = 0, j = deque->size - 1; i < j; ++i, --j) std::swap(slot_locked(deque, i), slot_locked(deque, j));
  ++deque->state;
  return new_ref(none());
}

constexpr std::int64_t kToTheEnd = std::numeric_limits<std::int64_t>::max();

// Index of the first item equal to `value` in [start, stop), -1 if none, -2 on error.
std::int64_t find(DequeObject* deque, Object* value, std::int64_t start, std::int64_t stop) {
  std::uint64_t state;
  {
    sync::CriticalSection section(lock_of(deque));
    state = deque->state;
  }
  for (std::int64_t i = start; i < stop; ++i) {
    Ref item = Ref::steal(item_if_unchanged(deque, i, state, "deque mutated during iteration"));
    if (!item) return has_exception() ? -2 : -1;
    int equal = item.get() == value ? 1 : object_rich_compare_bool(item.get(), value, CompareOp::kEq);
    if (equal < 0) return -2;
    if (equal == 1) return i;
  }
  return -1;
}

Object* deque_count(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("deque.count", kwnames) || !check_exactly_one_argument("deque.count", nargs)) return nullptr;
  DequeObject* deque = as_deque(self);
  std::int64_t count = 0;
  std::int64_t start = 0;
  while (true) {
    std::int64_t found = find(deque, args[0], start, kToTheEnd);
    if (found == -2) return nullptr;
    if (found == -1) break;
    ++count;
    start = found + 1;
  }
  return int_from_int64(count);
}

Object* deque_index(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("deque.index", kwnames) || !check_argument_range("index", nargs, 1, 3)) return nullptr;
  DequeObject* deque = as_deque(self);
  std::int64_t size;
  {
    sync::CriticalSection section(lock_of(deque));
    size = deque->size;
  }
  std::int64_t start = 0, stop = size;
  if (nargs >= 2 && !index_from(args[1], &start)) return nullptr;
  if (nargs >= 3 && !index_from(args[2], &stop)) return nullptr;
  if (start < 0) start = start + size < 0 ? 0 : start + size;
  if (stop < 0) stop = stop + size < 0 ? 0 : stop + size;
  if (stop > size) stop = size;
  std::int64_t found = find(deque, args[0], start, stop);
  if (found == -2) return nullptr;
  if (found == -1) {
    Ref text = Ref::steal(object_repr(args[0]));
    if (!text) return nullptr;
    return raise_error(&value_error_type, std::string(str_view(text.get())) + " is not in deque");
  }
  return int_from_int64(found);
}

Object* deque_remove(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("deque.remove", kwnames) || !check_exactly_one_argument("deque.remove", nargs)) return nullptr;
  DequeObject* deque = as_deque(self);
  std::uint64_t state;
  {
    sync::CriticalSection section(lock_of(deque));
    state = deque->state;
  }
  std::int64_t found = find(deque, args[0], 0, kToTheEnd);
  if (found == -2) return nullptr;
  if (found == -1) {
    Ref text = Ref::steal(object_repr(args[0]));
    if (!text) return nullptr;
    return raise_error(&value_error_type, std::string(str_view(text.get())) + " is not in deque");
  }
  Released released;
  sync::CriticalSection section(lock_of(deque));
  if (deque->state != state) return raise_error(&index_error_type, "deque mutated during remove().");
  released.add(slot_locked(deque, found));
  for (std::int64_t i = found; i + 1 < deque->size; ++i) slot_locked(deque, i) = slot_locked(deque, i + 1);
  --deque->size;
  ++deque->state;
  return new_ref(none());
}

Object* deque_insert(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("deque.insert", kwnames) || !check_argument_range("insert", nargs, 2, 2)) return nullptr;
  std::int64_t index;
  if (!index_from(args[0], &index)) return nullptr;
  DequeObject* deque = as_deque(self);
  Released released;
  sync::CriticalSection section(lock_of(deque));
  if (deque->maxlen >= 0 && deque->size >= deque->maxlen) {
    return raise_error(&index_error_type, "deque already at its maximum size");
  }
  std::int64_t size = deque->size;
  if (index < 0) index = index + size < 0 ? 0 : index + size;
  if (index > size) index = size;
  if (!push_back_locked(deque, new_ref(args[1]), &released)) return nullptr;
  for (std::int64_t i = size; i > index; --i) std::swap(slot_locked(deque, i), slot_locked(deque, i - 1));
  return new_ref(none());
}

Object* make_iterator(Object* self, TypeObject* type);

Object* deque_reversed(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("deque.__reversed__", kwnames) || !check_no_arguments("deque.__reversed__", nargs)) return nullptr;
  return make_iterator(self, &deque_reverse_iterator_type);
}

const MethodDef deque_methods[] = {
    {"append", deque_append},       {"appendleft", deque_appendleft}, {"pop", deque_pop},
    {"popleft", deque_popleft},     {"extend", deque_extend},         {"extendleft", deque_extendleft},
    {"clear", deque_clear},         {"copy", deque_copy},             {"__copy__", deque_copy},
    {"rotate", deque_rotate},       {"reverse", deque_reverse},       {"count", deque_count},
    {"index", deque_index},         {"remove", deque_remove},         {"insert", deque_insert},
    {"__reversed__", deque_reversed},
    {nullptr, nullptr},
};

Object* deque_get_maxlen(Object* self) {
  std::int64_t maxlen = as_deque(self)->maxlen;  // fixed at creation
  return maxlen < 0 ? new_ref(none()) : int_from_int64(maxlen);
}

const GetSetDef deque_getsets[] = {
    {"maxlen", deque_get_maxlen},
    {nullptr, nullptr},
};

// ---- slots ----

std::int64_t deque_length(Object* self) {
  DequeObject* deque = as_deque(self);
  sync::CriticalSection section(lock_of(deque));
  return deque->size;
}

Object* deque_repr(Object* self) {
  DequeObject* deque = as_deque(self);
  int busy = repr_enter(self);
  if (busy < 0) return nullptr;
  if (busy == 1) return str_from_utf8("[...]");
  std::vector<Object*> items = snapshot(deque);
  std::string text = std::string(type_of(self)->name) + "([";
  bool ok = true;
  for (std::size_t i = 0; i < items.size() && ok; ++i) {
    if (i > 0) text += ", ";
    Ref item = Ref::steal(object_repr(items[i]));
    if (!item) {
      ok = false;
      break;
    }
    text += str_view(item.get());
  }
  release_all(items);
  repr_leave(self);
  if (!ok) return nullptr;
  text += "]";
  if (deque->maxlen >= 0) text += ", maxlen=" + std::to_string(deque->maxlen);
  text += ")";
  return str_from_utf8(text);
}

// Locates an item for d[i] / d[i] = v / del d[i]: false with CPython's errors.
bool normalize_index(DequeObject* deque, Object* key, std::int64_t* index) {
  if (!is_int(key)) {
    raise_error(&type_error_type, std::string("sequence index must be integer, not '") + type_name(key) + "'");
    return false;
  }
  if (!int_is_small(key)) {
    raise_error(&index_error_type, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  *index = as_int(key)->small;
  if (*index < 0) *index += deque->size;
  if (*index < 0 || *index >= deque->size) {
    raise_error(&index_error_type, "deque index out of range");
    return false;
  }
  return true;
}

Object* deque_getitem(Object* self, Object* key) {
  DequeObject* deque = as_deque(self);
  sync::CriticalSection section(lock_of(deque));
  std::int64_t index;
  if (!normalize_index(deque, key, &index)) return nullptr;
  return new_ref(slot_locked(deque, index));
}

int deque_setitem(Object* self, Object* key, Object* value) {
  DequeObject* deque = as_deque(self);
  Released released;
  sync::CriticalSection section(lock_of(deque));
  std::int64_t index;
  if (!normalize_index(deque, key, &index)) return -1;
  if (value != nullptr) {
    released.add(slot_locked(deque, index));
    slot_locked(deque, index) = new_ref(value);
    return 0;
  }
  released.add(slot_locked(deque, index));
  for (std::int64_t i = index; i + 1 < deque->size; ++i) slot_locked(deque, i) = slot_locked(deque, i + 1);
  --deque->size;
  ++deque->state;
  return 0;
}

int deque_contains(Object* self, Object* item) {
  std::int64_t found = find(as_deque(self), item, 0, kToTheEnd);
  return found == -2 ? -1 : found >= 0 ? 1 : 0;
}

// Lexicographic comparison over snapshots, as list's.
Object* deque_rich_compare(Object* left, Object* right, CompareOp op) {
  if (!is_deque(left) || !is_deque(right)) return new_ref(not_implemented());
  std::vector<Object*> a = snapshot(as_deque(left));
  std::vector<Object*> b = snapshot(as_deque(right));
  struct Cleanup {
    std::vector<Object*>& a;
    std::vector<Object*>& b;
    ~Cleanup() {
      release_all(a);
      release_all(b);
    }
  } cleanup{a, b};
  if ((op == CompareOp::kEq || op == CompareOp::kNe) && a.size() != b.size()) {
    return bool_from(op == CompareOp::kNe);
  }
  std::size_t i = 0;
  for (; i < a.size() && i < b.size(); ++i) {
    int equal = a[i] == b[i] ? 1 : object_rich_compare_bool(a[i], b[i], CompareOp::kEq);
    if (equal < 0) return nullptr;
    if (equal == 0) break;
  }
  if (i < a.size() && i < b.size()) {
    if (op == CompareOp::kEq) return bool_from(false);
    if (op == CompareOp::kNe) return bool_from(true);
    return object_rich_compare(a[i], b[i], op);
  }
  bool result = false;
  std::size_t m = a.size(), n = b.size();
  switch (op) {
    case CompareOp::kLt: result = m < n; break;
    case CompareOp::kLe: result = m <= n; break;
    case CompareOp::kEq: result = m == n; break;
    case CompareOp::kNe: result = m != n; break;
    case CompareOp::kGt: result = m > n; break;
    case CompareOp::kGe: result = m >= n; break;
  }
  return bool_from(result);
}

Object* deque_concat(Object* left, Object* right) {
  if (!is_deque(right)) {
    return raise_error(&type_error_type, std::string("can only concatenate deque (not \"") + type_name(right) +
                                             "\") to deque");
  }
  Ref result = Ref::steal(deque_copy_of(as_deque(left)));
  if (!result) return nullptr;
  std::vector<Object*> items = snapshot(as_deque(right));
  if (!extend_with(as_deque(result.get()), items, false)) return nullptr;
  return result.release();
}

Object* deque_inplace_concat(Object* left, Object* right) {
  std::vector<Object*> items;
  if (!collect(right, &items) || !extend_with(as_deque(left), items, false)) return nullptr;
  return new_ref(left);
}

Object* deque_inplace_repeat(Object* self, std::int64_t count) {
  DequeObject* deque = as_deque(self);
  std::vector<Object*> items = snapshot(deque);
  Released released;
  {
    sync::CriticalSection section(lock_of(deque));
    while (deque->size > 0) released.add(pop_back_locked(deque));
  }
  std::vector<Object*> repeated;
  for (std::int64_t r = 0; r < count; ++r) {
    for (Object* item : items) repeated.push_back(new_ref(item));
  }
  release_all(items);
  if (!extend_with(deque, repeated, false)) return nullptr;
  return new_ref(self);
}

Object* deque_repeat(Object* self, std::int64_t count) {
  Ref copy = Ref::steal(deque_copy_of(as_deque(self)));
  if (!copy) return nullptr;
  return deque_inplace_repeat(copy.get(), count);
}

// ---- iterators ----

Object* make_iterator(Object* self, TypeObject* type) {
  auto* iterator = allocate<DequeIteratorObject>(type);
  if (iterator == nullptr) return nullptr;
  DequeObject* deque = as_deque(self);
  iterator->deque = static_cast<DequeObject*>(new_ref(self));
  iterator->index = 0;
  sync::CriticalSection section(lock_of(deque));
  iterator->state = deque->state;
  return iterator;
}

Object* deque_iter(Object* self) { return make_iterator(self, &deque_iterator_type); }

Object* iterator_next(Object* self, bool reverse) {
  auto* iterator = static_cast<DequeIteratorObject*>(self);
  DequeObject* deque = iterator->deque;
  if (deque == nullptr) return nullptr;
  Object* item = nullptr;
  {
    sync::CriticalSection section(lock_of(deque));
    if (deque->state != iterator->state) {
      return raise_error(&runtime_error_type, "deque mutated during iteration");
    }
    if (iterator->index < deque->size) {
      std::int64_t position = reverse ? deque->size - 1 - iterator->index : iterator->index;
      item = new_ref(slot_locked(deque, position));
      ++iterator->index;
    }
  }
  if (item == nullptr) {
    iterator->deque = nullptr;
    decref(deque);
  }
  return item;
}

Object* deque_iterator_next(Object* self) { return iterator_next(self, false); }
Object* deque_reverse_iterator_next(Object* self) { return iterator_next(self, true); }
Object* iterator_self(Object* self) { return new_ref(self); }

void deque_iterator_dealloc(Object* self) {
  auto* iterator = static_cast<DequeIteratorObject*>(self);
  if (iterator->deque != nullptr) decref(iterator->deque);
  free_object_memory(self);
}

void init_deque_types() {
  static std::once_flag once;
  std::call_once(once, [] {
    // A base type in CPython; the class machinery cannot extend it yet, and says so.
    init_static_type(deque_type, "deque", sizeof(DequeObject), &object_type, type_flags::kBaseType);
    deque_type.hash = nullptr;  // unhashable, as every mutable container
    deque_type.dealloc = deque_dealloc;
    deque_type.repr = deque_repr;
    deque_type.rich_compare = deque_rich_compare;
    deque_type.new_instance = deque_new_instance;
    deque_type.length = deque_length;
    deque_type.getitem = deque_getitem;
    deque_type.setitem = deque_setitem;
    deque_type.contains = deque_contains;
    deque_type.iter = deque_iter;
    deque_type.sequence_concat = deque_concat;
    deque_type.sequence_repeat = deque_repeat;
    deque_type.sequence_inplace_concat = deque_inplace_concat;
    deque_type.sequence_inplace_repeat = deque_inplace_repeat;
    deque_type.methods = deque_methods;
    deque_type.getsets = deque_getsets;
    deque_type.module_name = str_intern("collections");
    for (TypeObject* type : {&deque_iterator_type, &deque_reverse_iterator_type}) {
      bool reverse = type == &deque_reverse_iterator_type;
      init_static_type(*type, reverse ? "_deque_reverse_iterator" : "_deque_iterator", sizeof(DequeIteratorObject),
                       &object_type, 0);
      type->dealloc = deque_iterator_dealloc;
      type->iter = iterator_self;
      type->iternext = reverse ? deque_reverse_iterator_next : deque_iterator_next;
    }
  });
}

}  // namespace

int init_collections_native_module(Object* module, Object*) {
  init_deque_types();
  return add_module_value(module, "deque", new_ref(&deque_type));
}

}  // namespace stitch::builtins
