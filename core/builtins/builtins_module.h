// The `builtins` namespace: the functions every program sees without importing anything.
#pragma once

#include "core/object/object.h"

namespace stitch::builtins {

/// A new dict holding the builtin functions and types (one per runtime).
Object* make_builtins_dict();

}  // namespace stitch::builtins
