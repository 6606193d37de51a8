// globals(), locals() and dir(): the builtins that look at the running frame or at an object's
// attribute names.
#pragma once

#include "core/object/object.h"

namespace stitch::builtins {

/// Stores globals, locals and dir in the builtins dict.
int add_introspection_builtins(Object* dict, int (*set)(Object*, const char*, Object*));

}  // namespace stitch::builtins
