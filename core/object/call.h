// Calling objects, and the builtin-function object that wraps native functions and methods.
//
// Calls use the vectorcall convention of type.h: `args` holds `nargs` positional arguments
// followed by one value per keyword name in `kwnames` (a tuple of str, or nullptr).
#pragma once

#include <cstddef>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

/// callable(*args, **kwargs); "'int' object is not callable" when the type has no call slot.
Object* call_object(Object* callable, Object* const* args, std::size_t nargs, Object* kwnames);

/// A native function or a native method bound to `self` (self may be nullptr for functions).
struct BuiltinFunctionObject : Object {
  const MethodDef* definition;
  Object* self;         // owned, or nullptr
  const char* owner;    // type name for methods ("list"), module name for functions, or nullptr
  bool is_unbound;      // a method looked up on its type: the first argument is self
};

extern TypeObject builtin_function_type;

/// A callable that runs `definition` with `self` (borrowed; may be nullptr).
Object* builtin_function_new(const MethodDef* definition, Object* self, const char* owner);
/// `list.append` looked up on the type: calling it takes self from the first argument.
Object* builtin_unbound_method_new(const MethodDef* definition, const char* owner);

void init_call_types();

}  // namespace stitch
