// slice objects and the index conversions every sequence shares.
//
// A slice holds three owned references (start, stop, step; None when omitted). Turning it into
// concrete positions follows CPython exactly, in two steps so that a container can do the second
// under its lock: `slice_unpack` converts the three values (None -> defaults, ints through
// __index__, values beyond int64 clamped, "slice step cannot be zero"); this may run arbitrary
// code (__index__), so it happens before any lock is taken. `slice_adjust_indices` then clamps
// start/stop to a length and returns the number of selected items; it is pure arithmetic.
//
// Thread safety: slices are immutable after creation.
#pragma once

#include <cstdint>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

struct SliceObject : Object {
  Object* start;  // owned; None when omitted
  Object* stop;
  Object* step;
};

extern TypeObject slice_type;

inline SliceObject* as_slice(Object* object) { return static_cast<SliceObject*>(object); }
bool is_slice(const Object* object);

/// slice(start, stop, step); each argument borrowed (nullptr means None).
Object* slice_new(Object* start, Object* stop, Object* step);

/// Step 1 of CPython's PySlice_Unpack: false with an exception set on error.
bool slice_unpack(Object* slice, std::int64_t* start, std::int64_t* stop, std::int64_t* step);
/// Step 2 (PySlice_AdjustIndices): clamps start/stop for `length`; returns the slice length.
std::int64_t slice_adjust_indices(std::int64_t length, std::int64_t* start, std::int64_t* stop,
                                  std::int64_t step);
/// Both steps. False with an exception set on error.
bool slice_unpack_indices(Object* slice, std::int64_t length, std::int64_t* start,
                          std::int64_t* stop, std::int64_t* step, std::int64_t* slice_length);

// ---- Index conversions (CPython's __index__ rules) ----

/// Whether `object` can be used as an integer index (an int, or a type with an index slot).
bool is_index_like(const Object* object);
/// operator.index(object): a new int reference, or TypeError
/// "'float' object cannot be interpreted as an integer".
Object* number_index(Object* object);
/// The value of an int if it fits in int64 (false otherwise; no exception either way).
bool int_to_int64(const Object* int_value, std::int64_t* out);
/// An index for subscripting (`seq[i]`): __index__, and IndexError
/// "cannot fit 'int' into an index-sized integer" beyond int64.
bool index_to_int64(Object* object, std::int64_t* out);
/// A slice bound (`start` of `seq.index(x, start)`), clamped to int64 like CPython's
/// _PyEval_SliceIndex; `message` is the TypeError for non-integers.
bool slice_bound_to_int64(Object* object, std::int64_t* out, const char* message);

void init_slice_type();

}  // namespace stitch
