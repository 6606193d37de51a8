// dict views (keys/values/items) and dict iterators.
//
// A view holds a reference to its dict and reads it live. The keys and items views are set-like:
// & | - ^ build a set from the left operand and apply the set operation with the right one
// (CPython's dictviews_* functions), so either operand may be any iterable.
//
// A dict iterator remembers the dict's size when it was created: if the size differs on a later
// step it raises "dictionary changed size during iteration" (and keeps raising); if the size is
// the same but more entries come out than were there, "dictionary keys changed during iteration".
// Each step takes the dict's lock and returns new references, so the iterator never holds a
// borrowed pointer into the table across steps.
#include <cstdint>
#include <string>
#include <vector>

#include "core/object/alloc.h"
#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/iterators.h"
#include "core/object/operators.h"
#include "core/object/exec_state.h"
#include "core/object/protocol.h"
#include "core/object/set.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/sync/critical_section.h"
#include "core/sync/object_lock.h"

namespace stitch {

TypeObject dict_keys_type;
TypeObject dict_values_type;
TypeObject dict_items_type;

namespace {

TypeObject dict_key_iterator_type;
TypeObject dict_value_iterator_type;
TypeObject dict_item_iterator_type;
TypeObject dict_reverse_key_iterator_type;
TypeObject dict_reverse_value_iterator_type;
TypeObject dict_reverse_item_iterator_type;

struct DictViewObject : Object {
  Object* dict;
};

struct DictIterObject : Object {
  Object* dict;  // nullptr once exhausted
  std::int64_t expected_used;
  std::int64_t position;
  std::int64_t remaining;
  int kind;  // 0 keys, 1 values, 2 items
  bool reverse;
};

Object* view_dict(Object* view) { return static_cast<DictViewObject*>(view)->dict; }
bool is_set_like_view(const Object* object) {
  return type_of(object) == &dict_keys_type || type_of(object) == &dict_items_type;
}

void view_dealloc(Object* object) {
  decref(view_dict(object));
  free_object_memory(object);
}

std::int64_t view_length(Object* object) { return dict_size(view_dict(object)); }

Object* view_iter(Object* object) {
  TypeObject* type = type_of(object);
  int kind = type == &dict_keys_type ? 0 : type == &dict_values_type ? 1 : 2;
  return dict_iter_new(view_dict(object), kind);
}

// "dict_keys(['a', 'b'])": the view's name around a list-style repr of what iteration yields.
Object* view_repr(Object* object) {
  if (repr_enter(object) != 0) return str_intern("...");
  std::string text = std::string(type_name(object)) + "([";
  Ref iterator = Ref::steal(view_iter(object));
  bool failed = !iterator;
  bool first = true;
  while (!failed) {
    Ref item = Ref::steal(type_of(iterator.get())->iternext(iterator.get()));
    if (!item) {
      failed = has_exception();
      break;
    }
    Ref item_text = Ref::steal(object_repr(item.get()));
    if (!item_text) {
      failed = true;
      break;
    }
    if (!first) text += ", ";
    first = false;
    text += str_view(item_text.get());
  }
  repr_leave(object);
  if (failed) return nullptr;
  text += "])";
  return str_from_utf8(text);
}

int keys_contains(Object* object, Object* key) { return dict_contains(view_dict(object), key); }

int items_contains(Object* object, Object* item) {
  if (!is_tuple(item) || as_tuple(item)->size != 2) return 0;
  Ref value = Ref::steal(dict_get_item(view_dict(object), as_tuple(item)->items[0]));
  if (!value) return has_exception() ? -1 : 0;
  return object_rich_compare_bool(value.get(), as_tuple(item)->items[1], CompareOp::kEq);
}

// `left OP right` where one of them is a keys/items view: set(left) then the in-place operation.
using SetMethod = Object* (*)(Object*, Object* const*, std::size_t, Object*);
Object* view_set_operation(Object* left, Object* right, SetMethod update) {
  Ref result = Ref::steal(set_new(left));
  if (!result) return nullptr;
  Object* arguments[1] = {right};
  Ref done = Ref::steal(update(result.get(), arguments, 1, nullptr));
  if (!done) return nullptr;
  return result.release();
}

Object* view_or(Object* left, Object* right) {
  return view_set_operation(left, right, set_method_update);
}
Object* view_sub(Object* left, Object* right) {
  return view_set_operation(left, right, set_method_difference_update);
}
Object* view_xor(Object* left, Object* right) {
  return view_set_operation(left, right, set_method_symmetric_difference_update);
}

// CPython's _PyDictView_Intersect: iterate the other operand, keep what the view contains.
Object* view_and(Object* left, Object* right) {
  Object* view = left;
  Object* other = right;
  if (!is_set_like_view(view)) std::swap(view, other);
  if (is_set(other) && view_length(view) <= set_size(other)) {
    Object* arguments[1] = {view};
    return set_method_intersection(other, arguments, 1, nullptr);
  }
  if (is_set_like_view(other) && view_length(other) > view_length(view)) std::swap(view, other);
  Ref result = Ref::steal(set_new(nullptr));
  if (!result) return nullptr;
  bool is_keys = type_of(view) == &dict_keys_type;
  if (iterate_items(other, [&](Object* item) -> int {
        int found = is_keys ? keys_contains(view, item) : items_contains(view, item);
        if (found <= 0) return found;
        return set_add(result.get(), item);
      }) < 0) {
    return nullptr;
  }
  return result.release();
}

// ---- iterators ----

void dict_iterator_dealloc(Object* object) {
  xdecref(static_cast<DictIterObject*>(object)->dict);
  free_object_memory(object);
}

Object* dict_iterator_next(Object* object) {
  auto* iterator = static_cast<DictIterObject*>(object);
  Object* dict = iterator->dict;
  if (dict == nullptr) return nullptr;
  Object* key = nullptr;
  Object* value = nullptr;
  {
    sync::CriticalSection section(sync::object_mutex(&dict->header));
    if (iterator->expected_used != dict_size(dict)) {
      iterator->expected_used = -1;
      return raise_error(&runtime_error_type, "dictionary changed size during iteration");
    }
    Object* borrowed_key = nullptr;
    Object* borrowed_value = nullptr;
    bool found = iterator->reverse ? dict_prev(dict, &iterator->position, &borrowed_key, &borrowed_value)
                                   : dict_next(dict, &iterator->position, &borrowed_key, &borrowed_value);
    if (found) {
      key = new_ref(borrowed_key);
      value = new_ref(borrowed_value);
    }
  }
  if (key == nullptr) {
    iterator->dict = nullptr;
    decref(dict);
    return nullptr;
  }
  if (iterator->remaining == 0) {
    decref(key);
    decref(value);
    iterator->dict = nullptr;
    decref(dict);
    return raise_error(&runtime_error_type, "dictionary keys changed during iteration");
  }
  iterator->remaining--;
  switch (iterator->kind) {
    case 0: decref(value); return key;
    case 1: decref(key); return value;
    default: {
      Object* pair = tuple_new_uninitialized(2);
      if (pair == nullptr) {
        decref(key);
        decref(value);
        return nullptr;
      }
      as_tuple(pair)->items[0] = key;
      as_tuple(pair)->items[1] = value;
      return pair;
    }
  }
}

Object* iterator_self(Object* object) { return new_ref(object); }

}  // namespace

Object* dict_view_new(TypeObject* view_type, Object* dict) {
  auto* view = allocate<DictViewObject>(view_type);
  if (view == nullptr) return nullptr;
  view->dict = new_ref(dict);
  return view;
}

namespace {

Object* make_dict_iterator(TypeObject* type, Object* dict, int kind, bool reverse) {
  auto* iterator = allocate<DictIterObject>(type);
  if (iterator == nullptr) return nullptr;
  sync::CriticalSection section(sync::object_mutex(&dict->header));
  iterator->dict = new_ref(dict);
  iterator->expected_used = dict_size(dict);
  iterator->position = reverse ? INT64_MAX : 0;
  iterator->remaining = iterator->expected_used;
  iterator->kind = kind;
  iterator->reverse = reverse;
  return iterator;
}

}  // namespace

Object* dict_iter_new(Object* dict, int kind) {
  TypeObject* type = kind == 0   ? &dict_key_iterator_type
                     : kind == 1 ? &dict_value_iterator_type
                                 : &dict_item_iterator_type;
  return make_dict_iterator(type, dict, kind, false);
}

Object* dict_reversed_iter_new(Object* dict, int kind) {
  TypeObject* type = kind == 0   ? &dict_reverse_key_iterator_type
                     : kind == 1 ? &dict_reverse_value_iterator_type
                                 : &dict_reverse_item_iterator_type;
  return make_dict_iterator(type, dict, kind, true);
}

Object* dict_view_target(Object* view, int* kind) {
  TypeObject* type = type_of(view);
  if (type != &dict_keys_type && type != &dict_values_type && type != &dict_items_type) return nullptr;
  *kind = type == &dict_keys_type ? 0 : type == &dict_values_type ? 1 : 2;
  return view_dict(view);
}

// 1 when every element of `subset` is in `superset`, 0 when not, -1 on error.
int all_contained_in(Object* subset, Object* superset) {
  Ref iterator = Ref::steal(object_get_iter(subset));
  if (!iterator) return -1;
  while (Object* next = iter_next(iterator.get())) {
    Ref element = Ref::steal(next);
    int found = object_contains(superset, element.get());
    if (found <= 0) return found;
  }
  return has_exception() ? -1 : 1;
}

// Set-like views compare with sets and other set-like views as sets do (CPython's
// dictview_richcompare); anything else is NotImplemented.
Object* view_rich_compare(Object* self, Object* other, CompareOp op) {
  if (!is_any_set(other) && !is_set_like_view(other)) return new_ref(not_implemented());
  std::int64_t own = object_length(self);
  std::int64_t theirs = own < 0 ? -1 : object_length(other);
  if (theirs < 0) return nullptr;
  int result = 0;
  switch (op) {
    case CompareOp::kEq:
    case CompareOp::kNe: result = own == theirs ? all_contained_in(self, other) : 0; break;
    case CompareOp::kLt: result = own < theirs ? all_contained_in(self, other) : 0; break;
    case CompareOp::kLe: result = own <= theirs ? all_contained_in(self, other) : 0; break;
    case CompareOp::kGt: result = own > theirs ? all_contained_in(other, self) : 0; break;
    case CompareOp::kGe: result = own >= theirs ? all_contained_in(other, self) : 0; break;
  }
  if (result < 0) return nullptr;
  if (op == CompareOp::kNe) result = !result;
  return bool_from(result == 1);
}

// isdisjoint(iterable): no element of the iterable is in the view.
Object* view_isdisjoint(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  std::string name = std::string(type_of(self)->name) + ".isdisjoint";
  if (!check_no_keywords(name.c_str(), kwnames) || !check_exactly_one_argument(name.c_str(), nargs)) return nullptr;
  Ref iterator = Ref::steal(object_get_iter(args[0]));
  if (!iterator) return nullptr;
  while (Object* next = iter_next(iterator.get())) {
    Ref element = Ref::steal(next);
    int found = object_contains(self, element.get());
    if (found < 0) return nullptr;
    if (found == 1) return new_ref(py_false());
  }
  return has_exception() ? nullptr : new_ref(py_true());
}

const MethodDef set_like_view_methods[] = {
    {"isdisjoint", view_isdisjoint},
    {nullptr, nullptr},
};

void init_dict_views() {
  init_static_type(dict_keys_type, "dict_keys", sizeof(DictViewObject), &object_type, 0);
  init_static_type(dict_values_type, "dict_values", sizeof(DictViewObject), &object_type, 0);
  init_static_type(dict_items_type, "dict_items", sizeof(DictViewObject), &object_type, 0);
  for (TypeObject* type : {&dict_keys_type, &dict_values_type, &dict_items_type}) {
    type->dealloc = view_dealloc;
    type->length = view_length;
    type->iter = view_iter;
    type->repr = view_repr;
  }
  for (TypeObject* type : {&dict_keys_type, &dict_items_type}) {
    type->hash = nullptr;  // set-like: unhashable, as in CPython
    type->number.bit_or = view_or;
    type->number.bit_and = view_and;
    type->number.subtract = view_sub;
    type->number.bit_xor = view_xor;
    type->rich_compare = view_rich_compare;
    type->methods = set_like_view_methods;
  }
  dict_keys_type.contains = keys_contains;
  dict_items_type.contains = items_contains;
  init_static_type(dict_key_iterator_type, "dict_keyiterator", sizeof(DictIterObject), &object_type, 0);
  init_static_type(dict_value_iterator_type, "dict_valueiterator", sizeof(DictIterObject), &object_type, 0);
  init_static_type(dict_item_iterator_type, "dict_itemiterator", sizeof(DictIterObject), &object_type, 0);
  init_static_type(dict_reverse_key_iterator_type, "dict_reversekeyiterator", sizeof(DictIterObject), &object_type, 0);
  init_static_type(dict_reverse_value_iterator_type, "dict_reversevalueiterator", sizeof(DictIterObject), &object_type, 0);
  init_static_type(dict_reverse_item_iterator_type, "dict_reverseitemiterator", sizeof(DictIterObject), &object_type, 0);
  for (TypeObject* type : {&dict_key_iterator_type, &dict_value_iterator_type, &dict_item_iterator_type,
                           &dict_reverse_key_iterator_type, &dict_reverse_value_iterator_type,
                           &dict_reverse_item_iterator_type}) {
    type->dealloc = dict_iterator_dealloc;
    type->iter = iterator_self;
    type->iternext = dict_iterator_next;
  }
}

}  // namespace stitch
