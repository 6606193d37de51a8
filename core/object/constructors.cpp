// Calling a type creates an instance: type(x), int(x), str(x), ValueError("m"), … The type's
// call slot dispatches to `new_instance`; types without one cannot be instantiated.
#include <string>

#include "core/object/alloc.h"
#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/class_type.h"
#include "core/object/exceptions.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/number_convert.h"
#include "core/object/protocol.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch {

namespace {

Object* type_call(Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  auto* type = static_cast<TypeObject*>(callable);
  if (type == &type_type && kwnames == nullptr) {
    if (nargs == 1) return new_ref(type_of(args[0]));
    if (nargs == 3) return type_new_class(args[0], args[1], args[2]);
    return raise_error(&type_error_type, "type() takes 1 or 3 arguments");
  }
  if (type->new_instance == nullptr) {
    return raise_error(&type_error_type, std::string("cannot create '") + type->name + "' instances");
  }
  Object* instance = type->new_instance(type, args, nargs, kwnames);
  // Builtin types construct completely in new_instance; classes (and object) then run __init__,
  // unless __new__ returned something that is not an instance of the class.
  if (instance == nullptr || type->init == nullptr || !is_subtype(type_of(instance), type)) return instance;
  if (type->init(instance, args, nargs, kwnames) < 0) {
    decref(instance);
    return nullptr;
  }
  return instance;
}

Object* int_new_instance(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* bound[2];
  if (!bind_native_arguments("int", args, nargs, kwnames, {"", "base"}, bound)) return nullptr;
  if (bound[0] == nullptr) {
    if (bound[1] != nullptr) return raise_error(&type_error_type, "int() missing string argument");
    return int_from_int64(0);
  }
  return int_from_object(bound[0], bound[1]);
}

Object* float_new_instance(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("float", kwnames) || !check_argument_range("float", nargs, 0, 1)) return nullptr;
  if (nargs == 0) return float_from_double(0.0);
  return float_from_object(args[0]);
}

Object* str_new_instance(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("str", kwnames) || !check_argument_range("str", nargs, 0, 1)) return nullptr;
  if (nargs == 0) return str_intern("");
  return object_str(args[0]);
}

Object* bool_new_instance(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("bool", kwnames) || !check_argument_range("bool", nargs, 0, 1)) return nullptr;
  if (nargs == 0) return py_false();
  int truth = object_is_true(args[0]);
  return truth < 0 ? nullptr : bool_from(truth == 1);
}

Object* tuple_new_instance(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("tuple", kwnames) || !check_argument_range("tuple", nargs, 0, 1)) return nullptr;
  if (nargs == 0) return empty_tuple();
  return tuple_from_iterable(args[0]);
}

Object* object_new_instance(TypeObject* type, Object* const*, std::size_t nargs, Object*) {
  if (nargs != 0) return raise_error(&type_error_type, "object() takes no arguments");
  auto* object = allocate_object(type, sizeof(Object));
  return object;
}

Object* exception_new_instance(TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords(type->name, kwnames)) return nullptr;
  Object* tuple = tuple_new_uninitialized(static_cast<std::int64_t>(nargs));
  if (tuple == nullptr) return nullptr;
  for (std::size_t i = 0; i < nargs; ++i) as_tuple(tuple)->items[i] = new_ref(args[i]);
  Object* exception = exception_new(type, tuple);
  decref(tuple);
  return exception;
}

}  // namespace

void init_constructors() {
  type_type.call = type_call;
  int_type.new_instance = int_new_instance;
  float_type.new_instance = float_new_instance;
  str_type.new_instance = str_new_instance;
  bool_type.new_instance = bool_new_instance;
  tuple_type.new_instance = tuple_new_instance;
  object_type.new_instance = object_new_instance;
  object_type.dealloc = free_object_memory;
  for (TypeObject* type : {&base_exception_type, &exception_type, &arithmetic_error_type,
                           &zero_division_error_type, &overflow_error_type, &type_error_type,
                           &value_error_type, &lookup_error_type, &index_error_type, &key_error_type,
                           &attribute_error_type, &name_error_type, &unbound_local_error_type,
                           &runtime_error_type, &not_implemented_error_type, &recursion_error_type,
                           &stop_iteration_type, &assertion_error_type, &memory_error_type,
                           &keyboard_interrupt_type, &system_exit_type}) {
    type->new_instance = exception_new_instance;
  }
}

}  // namespace stitch
