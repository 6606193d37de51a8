// The generic object protocol: what `repr(x)`, `str(x)`, `hash(x)`, `x == y` and `bool(x)` mean
// for any object, dispatching on type slots with Python's fallbacks (e.g. == falls back to
// identity, a reflected comparison is tried when the first returns NotImplemented, and a subclass
// on the right side gets the first try).
#pragma once

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

Object* object_repr(Object* object);
Object* object_str(Object* object);
Hash object_hash(Object* object);  // -1 on error (TypeError: unhashable type: 'list')
Object* object_rich_compare(Object* left, Object* right, CompareOp op);
/// -1 on error, else 0 or 1. Identity implies equality for kEq (and not for kNe), as in Python.
int object_rich_compare_bool(Object* left, Object* right, CompareOp op);
int object_is_true(Object* object);  // -1 on error

/// The type's name as Python prints it in messages ('int', 'MyClass').
const char* type_name(const Object* object);

}  // namespace stitch
