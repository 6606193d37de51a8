#include "core/object/call.h"

#include <string>

#include "core/object/alloc.h"
#include "core/object/builtin_types.h"
#include "core/object/exceptions.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"

namespace stitch {

TypeObject builtin_function_type;

Object* call_object(Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  TypeObject* type = type_of(callable);
  if (type->call == nullptr) {
    return raise_error(&type_error_type, std::string("'") + type->name + "' object is not callable");
  }
  return type->call(callable, args, nargs, kwnames);
}

namespace {

BuiltinFunctionObject* as_builtin(Object* object) { return static_cast<BuiltinFunctionObject*>(object); }

Object* builtin_call(Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  BuiltinFunctionObject* function = as_builtin(callable);
  if (function->is_unbound) {
    if (nargs == 0) {
      return raise_error(&type_error_type, std::string("unbound method ") + function->owner + "." +
                                               function->definition->name + "() needs an argument");
    }
    return function->definition->function(args[0], args + 1, nargs - 1, kwnames);
  }
  return function->definition->function(function->self, args, nargs, kwnames);
}

void builtin_dealloc(Object* object) {
  xdecref(as_builtin(object)->self);
  free_object_memory(object);
}

// Python shows "<built-in function len>" and "<built-in method append of list object at 0x…>";
// the address can never match, so methods omit it.
Object* builtin_repr(Object* object) {
  BuiltinFunctionObject* function = as_builtin(object);
  if (function->is_unbound) {
    return str_from_utf8(std::string("<method '") + function->definition->name + "' of '" +
                         function->owner + "' objects>");
  }
  if (function->self == nullptr) {
    return str_from_utf8(std::string("<built-in function ") + function->definition->name + ">");
  }
  return str_from_utf8(std::string("<built-in method ") + function->definition->name + " of " +
                       type_name(function->self) + " object>");
}

bool is_plain_function(BuiltinFunctionObject* function) {
  return function->self == nullptr && !function->is_unbound;
}

Object* builtin_get_name(Object* object) { return str_from_utf8(as_builtin(object)->definition->name); }

// Functions: their name; methods: "list.append" (owner is the type's name).
Object* builtin_get_qualname(Object* object) {
  BuiltinFunctionObject* function = as_builtin(object);
  if (is_plain_function(function) || function->owner == nullptr) return builtin_get_name(object);
  return str_from_utf8(std::string(function->owner) + "." + function->definition->name);
}

Object* builtin_get_module(Object* object) {
  BuiltinFunctionObject* function = as_builtin(object);
  if (is_plain_function(function) && function->owner != nullptr) return str_from_utf8(function->owner);
  return new_ref(none());
}

Object* builtin_get_self(Object* object) {
  Object* self = as_builtin(object)->self;
  return new_ref(self != nullptr ? self : none());
}

const GetSetDef builtin_getsets[] = {
    {"__name__", builtin_get_name},
    {"__qualname__", builtin_get_qualname},
    {"__module__", builtin_get_module},
    {"__self__", builtin_get_self},
    {nullptr, nullptr},
};

}  // namespace

Object* builtin_function_new(const MethodDef* definition, Object* self, const char* owner) {
  auto* function = allocate<BuiltinFunctionObject>(&builtin_function_type);
  if (function == nullptr) return nullptr;
  function->definition = definition;
  function->self = self;
  xincref(self);
  function->owner = owner;
  function->is_unbound = false;
  return function;
}

Object* builtin_unbound_method_new(const MethodDef* definition, const char* owner) {
  Object* function = builtin_function_new(definition, nullptr, owner);
  if (function != nullptr) as_builtin(function)->is_unbound = true;
  return function;
}

void init_call_types() {
  init_static_type(builtin_function_type, "builtin_function_or_method",
                   sizeof(BuiltinFunctionObject), &object_type, 0);
  builtin_function_type.dealloc = builtin_dealloc;
  builtin_function_type.repr = builtin_repr;
  builtin_function_type.call = builtin_call;
  builtin_function_type.getsets = builtin_getsets;
}

}  // namespace stitch
