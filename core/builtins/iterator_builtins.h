// enumerate, zip, map and filter (lazy iterator types).
#pragma once

#include "core/object/object.h"

namespace stitch::builtins {

/// Initializes the four types (first call only matters) and stores them in the builtins dict.
void add_iterator_builtins(Object* dict, int (*set)(Object*, const char*, Object*));

}  // namespace stitch::builtins
