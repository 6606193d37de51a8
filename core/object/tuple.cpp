#include "core/object/tuple.h"

#include <string>

#include "core/object/alloc.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/exec_state.h"
#include "core/object/list.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"

namespace stitch {

TypeObject tuple_type;

namespace {

TupleObject empty_tuple_object;

void tuple_dealloc(Object* object) {
  TupleObject* tuple = as_tuple(object);
  for (std::int64_t i = 0; i < tuple->size; ++i) xdecref(tuple->items[i]);
  free_object_memory(object);
}

Object* tuple_repr(Object* object) {
  TupleObject* tuple = as_tuple(object);
  if (tuple->size == 0) return str_intern("()");
  std::string text = "(";
  for (std::int64_t i = 0; i < tuple->size; ++i) {
    if (i > 0) text += ", ";
    Ref item = Ref::steal(object_repr(tuple->items[i]));
    if (!item) return nullptr;
    text += str_view(item.get());
  }
  text += tuple->size == 1 ? ",)" : ")";
  return str_from_utf8(text);
}

// CPython 3.11's tuple hash (an xxHash-based combination), so that sets and dicts keyed by
// tuples of ints iterate in CPython's order.
Hash tuple_hash(Object* object) {
  constexpr std::uint64_t kPrime1 = 11400714785074694791ull;
  constexpr std::uint64_t kPrime2 = 14029467366897019727ull;
  constexpr std::uint64_t kPrime5 = 2870177450012600261ull;
  TupleObject* tuple = as_tuple(object);
  std::uint64_t acc = kPrime5;
  for (std::int64_t i = 0; i < tuple->size; ++i) {
    Hash lane = object_hash(tuple->items[i]);
    if (lane == -1) return -1;
    acc += static_cast<std::uint64_t>(lane) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += static_cast<std::uint64_t>(tuple->size) ^ (kPrime5 ^ 3527539ull);
  if (acc == static_cast<std::uint64_t>(-1)) return 1546275796;
  return static_cast<Hash>(acc);
}

Object* tuple_rich_compare(Object* left, Object* right, CompareOp op) {
  if (!is_tuple(right)) return new_ref(not_implemented());
  TupleObject* a = as_tuple(left);
  TupleObject* b = as_tuple(right);
  std::int64_t i = 0;
  for (; i < a->size && i < b->size; ++i) {
    int equal = object_rich_compare_bool(a->items[i], b->items[i], CompareOp::kEq);
    if (equal < 0) return nullptr;
    if (!equal) break;
  }
  if (i >= a->size || i >= b->size) {
    std::int64_t x = a->size, y = b->size;
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
  if (op == CompareOp::kEq) return bool_from(false);
  if (op == CompareOp::kNe) return bool_from(true);
  return object_rich_compare(a->items[i], b->items[i], op);
}

std::int64_t tuple_length(Object* object) { return as_tuple(object)->size; }
int tuple_is_true(Object* object) { return as_tuple(object)->size != 0; }

}  // namespace

bool is_tuple(const Object* object) {
  return type_has_flag(type_of(object), type_flags::kTupleSubclass);
}

Object* tuple_new_uninitialized(std::int64_t size) {
  if (size == 0) return empty_tuple();
  auto* tuple = allocate<TupleObject>(&tuple_type, sizeof(Object*) * (size - 1));
  if (tuple == nullptr) return nullptr;
  tuple->size = size;
  for (std::int64_t i = 0; i < size; ++i) tuple->items[i] = nullptr;
  return tuple;
}

Object* tuple_pack(std::initializer_list<Object*> items) {
  Object* result = tuple_new_uninitialized(static_cast<std::int64_t>(items.size()));
  if (result == nullptr) return nullptr;
  std::int64_t i = 0;
  for (Object* item : items) as_tuple(result)->items[i++] = new_ref(item);
  return result;
}

Object* empty_tuple() { return &empty_tuple_object; }

void init_tuple_type() {
  init_static_type(tuple_type, "tuple", sizeof(TupleObject), &object_type,
                   type_flags::kBaseType | type_flags::kTupleSubclass);
  tuple_type.dealloc = tuple_dealloc;
  tuple_type.repr = tuple_repr;
  tuple_type.hash = tuple_hash;
  tuple_type.rich_compare = tuple_rich_compare;
  tuple_type.length = tuple_length;
  tuple_type.number.is_true = tuple_is_true;
  empty_tuple_object.header.type = &tuple_type;
  rc::make_immortal(&empty_tuple_object.header);
  empty_tuple_object.size = 0;
}

Object* tuple_from_iterable(Object* iterable) {
  if (type_of(iterable) == &tuple_type) return new_ref(iterable);
  Ref items = Ref::steal(list_from_iterable(iterable));
  if (!items) return nullptr;
  ListObject* list = as_list(items.get());
  std::int64_t size = list->size.load(std::memory_order_relaxed);
  Object* tuple = tuple_new_uninitialized(size);
  if (tuple == nullptr) return nullptr;
  for (std::int64_t i = 0; i < size; ++i) as_tuple(tuple)->items[i] = list_item_ref(list, i);
  return tuple;
}

}  // namespace stitch
