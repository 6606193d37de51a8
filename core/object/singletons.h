// None, NotImplemented and Ellipsis: immortal singletons, compared by identity.
#pragma once

#include "core/object/object.h"

namespace stitch {

extern Object none_object;
extern Object not_implemented_object;
extern Object ellipsis_object;

inline Object* none() { return &none_object; }
inline Object* not_implemented() { return &not_implemented_object; }
inline Object* ellipsis() { return &ellipsis_object; }
inline bool is_none(const Object* object) { return object == &none_object; }

void init_singletons();

}  // namespace stitch
