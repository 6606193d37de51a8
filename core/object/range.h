// range: an immutable arithmetic progression of ints (any size: start/stop/step are int objects,
// so they may be GMP-sized). The length is computed once at creation. Membership and index of an
// int are O(1) (arithmetic, not a scan); other values are compared item by item, as in CPython.
//
// Iteration has two forms, as in CPython: `range_iterator` for progressions whose bounds and
// length fit in int64 (unsigned wrap-around arithmetic on the position: start + i*step is exact
// whenever the result is in range), and `longrange_iterator` (GMP) for the rest.
//
// Thread safety: range objects are immutable. A range_iterator's position is an atomic (relaxed:
// it orders nothing); a longrange_iterator updates its big-int state under its own lock.
#pragma once

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

struct RangeObject : Object {
  Object* start;   // owned ints
  Object* stop;
  Object* step;    // never zero
  Object* length;  // number of items, >= 0
};

extern TypeObject range_type;
extern TypeObject range_iterator_type;
extern TypeObject long_range_iterator_type;

inline RangeObject* as_range(Object* object) { return static_cast<RangeObject*>(object); }
bool is_range(const Object* object);

/// range(start, stop, step) from ints (borrowed; step nullptr means 1).
/// ValueError "range() arg 3 must not be zero".
Object* range_new(Object* start, Object* stop, Object* step);
/// reversed(range).
Object* range_reversed(Object* range);

void init_range_type();

}  // namespace stitch
