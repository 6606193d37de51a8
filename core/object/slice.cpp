#include "core/object/slice.h"

#include <limits>
#include <string>

#include "core/object/alloc.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch {

TypeObject slice_type;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

const char* kSliceIndexMessage = "slice indices must be integers or None or have an __index__ method";

void slice_dealloc(Object* object) {
  SliceObject* slice = as_slice(object);
  decref(slice->start);
  decref(slice->stop);
  decref(slice->step);
  free_object_memory(object);
}

Object* slice_repr(Object* object) {
  SliceObject* slice = as_slice(object);
  std::string text = "slice(";
  Object* parts[3] = {slice->start, slice->stop, slice->step};
  for (int i = 0; i < 3; ++i) {
    Ref part = Ref::steal(object_repr(parts[i]));
    if (!part) return nullptr;
    if (i > 0) text += ", ";
    text += str_view(part.get());
  }
  text += ")";
  return str_from_utf8(text);
}

// Slices order like the tuples (start, stop, step).
Object* slice_rich_compare(Object* left, Object* right, CompareOp op) {
  if (!is_slice(right)) return new_ref(not_implemented());
  SliceObject* a = as_slice(left);
  SliceObject* b = as_slice(right);
  Ref left_tuple = Ref::steal(tuple_pack({a->start, a->stop, a->step}));
  if (!left_tuple) return nullptr;
  Ref right_tuple = Ref::steal(tuple_pack({b->start, b->stop, b->step}));
  if (!right_tuple) return nullptr;
  return object_rich_compare(left_tuple.get(), right_tuple.get(), op);
}

Object* slice_get_start(Object* self) { return new_ref(as_slice(self)->start); }
Object* slice_get_stop(Object* self) { return new_ref(as_slice(self)->stop); }
Object* slice_get_step(Object* self) { return new_ref(as_slice(self)->step); }

// slice.indices(length) -> (start, stop, step). Lengths beyond int64 are not supported (CPython
// computes with big ints there).
Object* slice_indices_method(Object* self, Object* const* args, std::size_t nargs,
                             Object* kwnames) {
  if (kwnames != nullptr && as_tuple(kwnames)->size != 0) {
    return raise_error(&type_error_type, "slice.indices() takes no keyword arguments");
  }
  if (nargs != 1) {
    return raise_error(&type_error_type, "slice.indices() takes exactly one argument (" +
                                             std::to_string(nargs) + " given)");
  }
  Ref length_object = Ref::steal(number_index(args[0]));
  if (!length_object) return nullptr;
  std::int64_t length = 0;
  if (!int_to_int64(length_object.get(), &length)) {
    return raise_error(&overflow_error_type, "Python int too large to convert to C ssize_t");
  }
  if (length < 0) return raise_error(&value_error_type, "length should not be negative");
  std::int64_t start = 0, stop = 0, step = 0, slice_length = 0;
  if (!slice_unpack_indices(self, length, &start, &stop, &step, &slice_length)) return nullptr;
  Ref a = Ref::steal(int_from_int64(start));
  Ref b = Ref::steal(int_from_int64(stop));
  Ref c = Ref::steal(int_from_int64(step));
  if (!a || !b || !c) return nullptr;
  return tuple_pack({a.get(), b.get(), c.get()});
}

Object* slice_new_instance(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames != nullptr && as_tuple(kwnames)->size != 0) {
    return raise_error(&type_error_type, "slice() takes no keyword arguments");
  }
  if (nargs == 0) return raise_error(&type_error_type, "slice expected at least 1 argument, got 0");
  if (nargs > 3) {
    return raise_error(&type_error_type,
                       "slice expected at most 3 arguments, got " + std::to_string(nargs));
  }
  if (nargs == 1) return slice_new(nullptr, args[0], nullptr);
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : nullptr);
}

const MethodDef slice_methods[] = {
    {"indices", slice_indices_method},
    {nullptr, nullptr},
};

const GetSetDef slice_getsets[] = {
    {"start", slice_get_start},
    {"stop", slice_get_stop},
    {"step", slice_get_step},
    {nullptr, nullptr},
};

}  // namespace

bool is_slice(const Object* object) { return type_of(object) == &slice_type; }

Object* slice_new(Object* start, Object* stop, Object* step) {
  auto* slice = allocate<SliceObject>(&slice_type);
  if (slice == nullptr) return nullptr;
  slice->start = new_ref(start != nullptr ? start : none());
  slice->stop = new_ref(stop != nullptr ? stop : none());
  slice->step = new_ref(step != nullptr ? step : none());
  return slice;
}

bool is_index_like(const Object* object) {
  return is_int(object) || type_of(object)->number.index != nullptr;
}

Object* number_index(Object* object) {
  if (is_int(object)) return new_ref(object);
  TypeObject* type = type_of(object);
  if (type->number.index == nullptr) {
    return raise_error(&type_error_type, std::string("'") + type->name +
                                             "' object cannot be interpreted as an integer");
  }
  Object* result = type->number.index(object);
  if (result == nullptr) return nullptr;
  if (!is_int(result)) {
    std::string message = std::string("__index__ returned non-int (type ") + type_name(result) + ")";
    decref(result);
    return raise_error(&type_error_type, message);
  }
  return result;
}

bool int_to_int64(const Object* int_value, std::int64_t* out) {
  const auto* value = static_cast<const IntObject*>(int_value);
  if (value->big._mp_d == nullptr) {
    *out = value->small;
    return true;
  }
  return false;  // normalized: a big value never fits in int64
}

bool index_to_int64(Object* object, std::int64_t* out) {
  Ref value = Ref::steal(number_index(object));
  if (!value) return false;
  if (int_to_int64(value.get(), out)) return true;
  raise_error(&index_error_type, "cannot fit 'int' into an index-sized integer");
  return false;
}

bool slice_bound_to_int64(Object* object, std::int64_t* out, const char* message) {
  if (!is_index_like(object)) {
    raise_error(&type_error_type, message);
    return false;
  }
  Ref value = Ref::steal(number_index(object));
  if (!value) return false;
  if (!int_to_int64(value.get(), out)) {
    *out = mpz_sgn(&as_int(value.get())->big) < 0 ? kMin : kMax;  // clamped, as CPython does
  }
  return true;
}

bool slice_unpack(Object* object, std::int64_t* start, std::int64_t* stop, std::int64_t* step) {
  SliceObject* slice = as_slice(object);
  if (is_none(slice->step)) {
    *step = 1;
  } else {
    if (!slice_bound_to_int64(slice->step, step, kSliceIndexMessage)) return false;
    if (*step == 0) {
      raise_error(&value_error_type, "slice step cannot be zero");
      return false;
    }
    // -step must be representable: CPython clamps the step to [-max, max].
    if (*step < -kMax) *step = -kMax;
  }
  if (is_none(slice->start)) {
    *start = *step < 0 ? kMax : 0;
  } else if (!slice_bound_to_int64(slice->start, start, kSliceIndexMessage)) {
    return false;
  }
  if (is_none(slice->stop)) {
    *stop = *step < 0 ? kMin : kMax;
  } else if (!slice_bound_to_int64(slice->stop, stop, kSliceIndexMessage)) {
    return false;
  }
  return true;
}

std::int64_t slice_adjust_indices(std::int64_t length, std::int64_t* start, std::int64_t* stop,
                                  std::int64_t step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

bool slice_unpack_indices(Object* slice, std::int64_t length, std::int64_t* start,
                          std::int64_t* stop, std::int64_t* step, std::int64_t* slice_length) {
  if (!slice_unpack(slice, start, stop, step)) return false;
  *slice_length = slice_adjust_indices(length, start, stop, *step);
  return true;
}

void init_slice_type() {
  init_static_type(slice_type, "slice", sizeof(SliceObject), &object_type, 0);
  slice_type.hash = nullptr;  // unhashable in Python 3.11
  slice_type.dealloc = slice_dealloc;
  slice_type.repr = slice_repr;
  slice_type.rich_compare = slice_rich_compare;
  slice_type.new_instance = slice_new_instance;
  slice_type.methods = slice_methods;
  slice_type.getsets = slice_getsets;
}

}  // namespace stitch
