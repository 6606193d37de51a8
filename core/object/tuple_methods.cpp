// tuple's sequence behaviour (tuple.h/.cpp hold the type's core): indexing with ints and slices,
// + and *, `in`, and the index/count methods. Tuples are immutable, so nothing here locks.
#include <limits>
#include <string>

#include "core/object/args.h"
#include "core/object/builtin_types.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/iterators.h"
#include "core/object/protocol.h"
#include "core/object/slice.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch {

namespace {

bool is_exact_tuple(const Object* object) { return type_of(object) == &tuple_type; }

Object* tuple_getitem(Object* object, Object* key) {
  TupleObject* tuple = as_tuple(object);
  if (is_index_like(key)) {
    std::int64_t index = 0;
    if (!index_to_int64(key, &index)) return nullptr;
    if (index < 0) index += tuple->size;
    if (index < 0 || index >= tuple->size) return raise_error(&index_error_type, "tuple index out of range");
    return new_ref(tuple->items[index]);
  }
  if (is_slice(key)) {
    std::int64_t start = 0, stop = 0, step = 0, count = 0;
    if (!slice_unpack_indices(key, tuple->size, &start, &stop, &step, &count)) return nullptr;
    if (count == tuple->size && step == 1 && is_exact_tuple(object)) return new_ref(object);
    Object* result = tuple_new_uninitialized(count);
    if (result == nullptr) return nullptr;
    for (std::int64_t i = 0; i < count; ++i) as_tuple(result)->items[i] = new_ref(tuple->items[start + i * step]);
    return result;
  }
  return raise_error(&type_error_type, std::string("tuple indices must be integers or slices, not ") +
                                           type_name(key));
}

Object* tuple_concat(Object* left, Object* right) {
  if (!is_tuple(right)) {
    return raise_error(&type_error_type, std::string("can only concatenate tuple (not \"") +
                                             type_name(right) + "\") to tuple");
  }
  TupleObject* a = as_tuple(left);
  TupleObject* b = as_tuple(right);
  if (b->size == 0 && is_exact_tuple(left)) return new_ref(left);
  if (a->size == 0 && is_exact_tuple(right)) return new_ref(right);
  if (a->size > std::numeric_limits<std::int64_t>::max() / 16 - b->size) {
    return raise_error(&memory_error_type, "");
  }
  Object* result = tuple_new_uninitialized(a->size + b->size);
  if (result == nullptr) return nullptr;
  for (std::int64_t i = 0; i < a->size; ++i) as_tuple(result)->items[i] = new_ref(a->items[i]);
  for (std::int64_t i = 0; i < b->size; ++i) as_tuple(result)->items[a->size + i] = new_ref(b->items[i]);
  return result;
}

Object* tuple_repeat(Object* object, std::int64_t count) {
  TupleObject* tuple = as_tuple(object);
  if (count <= 0 || tuple->size == 0) return empty_tuple();
  if (count == 1 && is_exact_tuple(object)) return new_ref(object);
  if (tuple->size > std::numeric_limits<std::int64_t>::max() / 16 / count) {
    return raise_error(&memory_error_type, "");
  }
  Object* result = tuple_new_uninitialized(tuple->size * count);
  if (result == nullptr) return nullptr;
  for (std::int64_t r = 0; r < count; ++r) {
    for (std::int64_t i = 0; i < tuple->size; ++i) {
      as_tuple(result)->items[r * tuple->size + i] = new_ref(tuple->items[i]);
    }
  }
  return result;
}

int tuple_contains(Object* object, Object* value) {
  TupleObject* tuple = as_tuple(object);
  for (std::int64_t i = 0; i < tuple->size; ++i) {
    int equal = object_rich_compare_bool(tuple->items[i], value, CompareOp::kEq);
    if (equal != 0) return equal;
  }
  return 0;
}

Object* method_index(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("index", kwnames)) return nullptr;
  if (!check_argument_range("index", nargs, 1, 3)) return nullptr;
  constexpr const char* kMessage = "slice indices must be integers or have an __index__ method";
  TupleObject* tuple = as_tuple(self);
  std::int64_t start = 0, stop = std::numeric_limits<std::int64_t>::max();
  if (nargs >= 2 && !slice_bound_to_int64(args[1], &start, kMessage)) return nullptr;
  if (nargs >= 3 && !slice_bound_to_int64(args[2], &stop, kMessage)) return nullptr;
  if (start < 0) start = std::max<std::int64_t>(start + tuple->size, 0);
  if (stop < 0) stop = std::max<std::int64_t>(stop + tuple->size, 0);
  for (std::int64_t i = start; i < stop && i < tuple->size; ++i) {
    int equal = object_rich_compare_bool(tuple->items[i], args[0], CompareOp::kEq);
    if (equal < 0) return nullptr;
    if (equal) return int_from_int64(i);
  }
  return raise_error(&value_error_type, "tuple.index(x): x not in tuple");
}

Object* method_count(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("tuple.count", kwnames)) return nullptr;
  if (!check_exactly_one_argument("tuple.count", nargs)) return nullptr;
  TupleObject* tuple = as_tuple(self);
  std::int64_t count = 0;
  for (std::int64_t i = 0; i < tuple->size; ++i) {
    int equal = object_rich_compare_bool(tuple->items[i], args[0], CompareOp::kEq);
    if (equal < 0) return nullptr;
    count += equal;
  }
  return int_from_int64(count);
}

const MethodDef tuple_methods[] = {
    {"index", method_index},
    {"count", method_count},
    {nullptr, nullptr},
};

}  // namespace

/// Installs tuple's sequence slots and methods (called from init_sequence_types).
void init_tuple_methods() {
  tuple_type.getitem = tuple_getitem;
  tuple_type.sequence_concat = tuple_concat;
  tuple_type.sequence_repeat = tuple_repeat;
  tuple_type.contains = tuple_contains;
  tuple_type.iter = tuple_iter;
  tuple_type.methods = tuple_methods;
}

}  // namespace stitch
