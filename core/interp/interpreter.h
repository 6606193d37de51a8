// The interpreter: runs code objects on the calling thread's frame stack.
#pragma once

#include "core/object/object.h"

namespace stitch::interp {

/// Runs module-level `code` with `globals` (a dict, also used as locals). Returns the result
/// (None for a module) or nullptr with the exception set.
Object* run_module_code(Object* code, Object* globals, Object* builtins);

/// Calls a Python function (the function type's call slot).
Object* call_function(Object* function, Object* const* args, std::size_t nargs, Object* kwnames);

/// Installs the interpreter into the object model (the function type's call slot). Once.
void init_interpreter();

/// Python-level recursion limit (sys.getrecursionlimit) of the calling thread's runtime: set by
/// RuntimeConfig::recursion_limit and sys.setrecursionlimit, shared by that runtime's threads only.
int recursion_limit();
void set_recursion_limit(int limit);

}  // namespace stitch::interp
