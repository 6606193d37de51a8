// tuple: an immutable array of owned references, stored inline.
#pragma once

#include <cstdint>
#include <initializer_list>

#include "core/object/object.h"

namespace stitch {

struct TupleObject : Object {
  std::int64_t size;
  Object* items[1];  // `size` entries
};

inline TupleObject* as_tuple(Object* object) { return static_cast<TupleObject*>(object); }
bool is_tuple(const Object* object);

/// A tuple of `size` slots, all nullptr: the caller must fill each one before it escapes.
Object* tuple_new_uninitialized(std::int64_t size);
/// A tuple holding new references to `items`.
Object* tuple_pack(std::initializer_list<Object*> items);
/// tuple(iterable): the object itself when it is already an exact tuple.
Object* tuple_from_iterable(Object* iterable);
/// The shared empty tuple (immortal).
Object* empty_tuple();

void init_tuple_type();

}  // namespace stitch
