// Attribute access for builtin types: getsets and native methods found along the type's base
// chain (methods come back bound to the instance). Classes, instance dicts and descriptors come
// with Tier 2; then type dicts replace the table scan and the specializer caches lookups.
#pragma once

#include "core/object/object.h"

namespace stitch {

/// obj.name, or AttributeError with Python's message.
Object* object_getattr(Object* object, Object* name);
/// Same lookup; nullptr WITHOUT an exception when the attribute is missing (for hasattr/getattr).
Object* object_lookup_attr(Object* object, Object* name);
/// obj.name = value (value nullptr: del obj.name).
int object_setattr(Object* object, Object* name, Object* value);

}  // namespace stitch
