// Attribute access on any object. A type with a getattr/setattr slot (classes, type objects,
// super, bound methods) handles its own; instances of builtin types find getsets and native
// methods along the type's base chain (methods come back bound), then the slot wrappers of their
// dunders. Classes and descriptors: class_type.h, descriptors.h.
#pragma once

#include <string_view>

#include "core/object/object.h"

namespace stitch {

/// obj.name, or AttributeError with Python's message.
Object* object_getattr(Object* object, Object* name);
/// Same lookup; nullptr WITHOUT an exception when the attribute is missing (for hasattr/getattr).
Object* object_lookup_attr(Object* object, Object* name);
/// object_lookup_attr with a name given as text (interned).
Object* object_lookup_attr_text(Object* object, std::string_view name);
/// obj.name = value (value nullptr: del obj.name).
int object_setattr(Object* object, Object* name, Object* value);

}  // namespace stitch
