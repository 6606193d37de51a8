#include "core/object/iterators.h"

#include <atomic>
#include <string>

#include "core/object/alloc.h"
#include "core/object/builtin_types.h"
#include "core/object/class_type.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/protocol.h"
#include "core/object/range.h"
#include "core/object/tuple.h"

namespace stitch {

TypeObject list_iterator_type;
TypeObject list_reverse_iterator_type;
TypeObject tuple_iterator_type;
TypeObject sequence_iterator_type;
TypeObject reversed_type;

namespace {

constexpr std::int64_t kExhausted = -1;

/// One layout serves every iterator here: the sequence (owned) and the next position.
struct IndexIteratorObject : Object {
  Object* sequence;
  std::atomic<std::int64_t> position;
};

IndexIteratorObject* as_index_iterator(Object* object) { return static_cast<IndexIteratorObject*>(object); }

Object* index_iterator_new(TypeObject* type, Object* sequence, std::int64_t position) {
  auto* iterator = allocate<IndexIteratorObject>(type);
  if (iterator == nullptr) return nullptr;
  iterator->sequence = new_ref(sequence);
  new (&iterator->position) std::atomic<std::int64_t>(position);
  return iterator;
}

void index_iterator_dealloc(Object* object) {
  decref(as_index_iterator(object)->sequence);
  free_object_memory(object);
}

Object* iterator_self(Object* object) { return new_ref(object); }

// Positions are relaxed: they publish nothing (see the header comment).
std::int64_t load_position(IndexIteratorObject* iterator) {
  return iterator->position.load(std::memory_order_relaxed);
}
void store_position(IndexIteratorObject* iterator, std::int64_t position) {
  iterator->position.store(position, std::memory_order_relaxed);
}

Object* list_iterator_next(Object* object) {
  IndexIteratorObject* iterator = as_index_iterator(object);
  std::int64_t position = load_position(iterator);
  if (position == kExhausted) return nullptr;
  Object* item = list_item_ref(as_list(iterator->sequence), position);
  store_position(iterator, item != nullptr ? position + 1 : kExhausted);
  return item;
}

Object* list_reverse_iterator_next(Object* object) {
  IndexIteratorObject* iterator = as_index_iterator(object);
  std::int64_t position = load_position(iterator);
  if (position < 0) return nullptr;
  Object* item = list_item_ref(as_list(iterator->sequence), position);
  store_position(iterator, item != nullptr ? position - 1 : kExhausted);
  return item;
}

Object* tuple_iterator_next(Object* object) {
  IndexIteratorObject* iterator = as_index_iterator(object);
  std::int64_t position = load_position(iterator);
  TupleObject* tuple = as_tuple(iterator->sequence);
  if (position == kExhausted || position >= tuple->size) {
    store_position(iterator, kExhausted);
    return nullptr;
  }
  store_position(iterator, position + 1);
  return new_ref(tuple->items[position]);
}

/// x[position] through the getitem slot; IndexError/StopIteration end the iteration.
Object* getitem_at(IndexIteratorObject* iterator, std::int64_t position) {
  Ref index = Ref::steal(int_from_int64(position));
  if (!index) return nullptr;
  Object* item = type_of(iterator->sequence)->getitem(iterator->sequence, index.get());
  if (item == nullptr && (exception_matches(&index_error_type) || exception_matches(&stop_iteration_type))) {
    clear_exception();
  }
  return item;
}

Object* sequence_iterator_next(Object* object) {
  IndexIteratorObject* iterator = as_index_iterator(object);
  std::int64_t position = load_position(iterator);
  if (position == kExhausted) return nullptr;
  Object* item = getitem_at(iterator, position);
  if (item == nullptr && !has_exception()) {
    store_position(iterator, kExhausted);
    return nullptr;
  }
  if (item != nullptr) store_position(iterator, position + 1);
  return item;
}

Object* reversed_next(Object* object) {
  IndexIteratorObject* iterator = as_index_iterator(object);
  std::int64_t position = load_position(iterator);
  if (position < 0) return nullptr;
  Object* item = getitem_at(iterator, position);
  if (item == nullptr && !has_exception()) {
    store_position(iterator, kExhausted);
    return nullptr;
  }
  if (item != nullptr) store_position(iterator, position - 1);
  return item;
}

void init_iterator_type(TypeObject& type, const char* name, UnarySlot next) {
  init_static_type(type, name, sizeof(IndexIteratorObject), &object_type, 0);
  type.dealloc = index_iterator_dealloc;
  type.iter = iterator_self;
  type.iternext = next;
}

}  // namespace

Object* object_get_iter(Object* object) {
  TypeObject* type = type_of(object);
  if (type->iter != nullptr) {
    Object* iterator = type->iter(object);
    if (iterator != nullptr && type_of(iterator)->iternext == nullptr) {
      std::string message = std::string("iter() returned non-iterator of type '") + type_name(iterator) + "'";
      decref(iterator);
      return raise_error(&type_error_type, message);
    }
    return iterator;
  }
  if (type->getitem != nullptr) return index_iterator_new(&sequence_iterator_type, object, 0);
  return raise_error(&type_error_type, std::string("'") + type->name + "' object is not iterable");
}

Object* iter_next(Object* iterator) {
  TypeObject* type = type_of(iterator);
  if (type->iternext == nullptr) {
    return raise_error(&type_error_type, std::string("'") + type->name + "' object is not an iterator");
  }
  Object* item = type->iternext(iterator);
  // Exhaustion is nullptr without an exception; a StopIteration from the slot (a generator's
  // return value) means the same to every caller but next(), which calls the slot itself.
  if (item == nullptr && exception_matches(&stop_iteration_type)) clear_exception();
  return item;
}

Object* object_reversed(Object* object) {
  if (type_has_flag(type_of(object), type_flags::kHeapType)) {
    bool found = false;
    Object* reversed = call_special_method(object, "__reversed__", nullptr, 0, &found);
    if (found || has_exception()) return reversed;
  }
  if (is_list(object)) return list_reversed(object);
  if (is_range(object)) return range_reversed(object);
  if (type_has_flag(type_of(object), type_flags::kDictSubclass)) return dict_reversed_iter_new(object, 0);
  int view_kind = 0;
  if (Object* dict = dict_view_target(object, &view_kind)) return dict_reversed_iter_new(dict, view_kind);
  TypeObject* type = type_of(object);
  if (type->getitem != nullptr && type->length != nullptr) {
    std::int64_t length = type->length(object);
    if (length < 0) return nullptr;
    return index_iterator_new(&reversed_type, object, length - 1);
  }
  return raise_error(&type_error_type, std::string("'") + type->name + "' object is not reversible");
}

Object* list_iter(Object* list) { return index_iterator_new(&list_iterator_type, list, 0); }

Object* list_reversed(Object* list) {
  return index_iterator_new(&list_reverse_iterator_type, list, list_size(as_list(list)) - 1);
}

Object* tuple_iter(Object* tuple) { return index_iterator_new(&tuple_iterator_type, tuple, 0); }

void init_iterator_types() {
  init_iterator_type(list_iterator_type, "list_iterator", list_iterator_next);
  init_iterator_type(list_reverse_iterator_type, "list_reverseiterator", list_reverse_iterator_next);
  init_iterator_type(tuple_iterator_type, "tuple_iterator", tuple_iterator_next);
  init_iterator_type(sequence_iterator_type, "iterator", sequence_iterator_next);
  init_iterator_type(reversed_type, "reversed", reversed_next);
}

}  // namespace stitch
