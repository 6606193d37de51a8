// Binding call arguments to a function's parameters (CPython's initialize_locals), with Python's
// exact error messages ("f() missing 1 required positional argument: 'b'", …).
#pragma once

#include <cstddef>

#include "core/object/object.h"

namespace stitch::interp {

/// Fills `locals` (the first slots of a new frame, all nullptr on entry) from the call's
/// arguments: positional, keyword (values after the positionals, names in `kwnames`), defaults,
/// *args and **kwargs. On failure sets TypeError, returns false; the caller clears `locals`.
bool bind_arguments(Object* function, Object* const* args, std::size_t nargs, Object* kwnames,
                    Object** locals);

}  // namespace stitch::interp
