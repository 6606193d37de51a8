#include "core/object/exceptions.h"

#include <cstring>
#include <string>

#include "core/object/alloc.h"
#include "core/object/builtin_types.h"
#include "core/object/class_type.h"
#include "core/object/exec_state.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/singletons.h"
#include "core/object/tuple.h"

namespace stitch {

TypeObject base_exception_type;
TypeObject exception_type;
TypeObject arithmetic_error_type;
TypeObject zero_division_error_type;
TypeObject overflow_error_type;
TypeObject type_error_type;
TypeObject value_error_type;
TypeObject lookup_error_type;
TypeObject index_error_type;
TypeObject key_error_type;
TypeObject attribute_error_type;
TypeObject name_error_type;
TypeObject unbound_local_error_type;
TypeObject runtime_error_type;
TypeObject not_implemented_error_type;
TypeObject recursion_error_type;
TypeObject stop_iteration_type;
TypeObject assertion_error_type;
TypeObject memory_error_type;
TypeObject keyboard_interrupt_type;
TypeObject system_exit_type;
TypeObject generator_exit_type;

namespace {

ExceptionObject* as_exception(Object* object) { return static_cast<ExceptionObject*>(object); }

void exception_dealloc(Object* object) {
  ExceptionObject* exception = as_exception(object);
  xdecref(exception->args);
  xdecref(exception->traceback);
  xdecref(exception->cause);
  xdecref(exception->context);
  xdecref(exception->name);
  xdecref(exception->obj);
  xdecref(exception->dict.load(std::memory_order_relaxed));
  free_object_memory(object);
}

// str(e): '' for no args, str(arg) for one, str(args) for several.
Object* exception_str(Object* object) {
  TupleObject* args = as_tuple(as_exception(object)->args);
  if (args->size == 0) return str_intern("");
  if (args->size == 1) return object_str(args->items[0]);
  return object_str(args);
}

// KeyError's str is the repr of its key: KeyError: 'x'.
Object* key_error_str(Object* object) {
  TupleObject* args = as_tuple(as_exception(object)->args);
  if (args->size == 1) return object_repr(args->items[0]);
  return exception_str(object);
}

Object* exception_repr(Object* object) {
  TupleObject* args = as_tuple(as_exception(object)->args);
  std::string text = type_name(object);
  if (args->size == 1) {
    Ref item = Ref::steal(object_repr(args->items[0]));
    if (!item) return nullptr;
    text += "(";
    text += str_view(item.get());
    text += ")";
  } else {
    Ref items = Ref::steal(object_repr(args));
    if (!items) return nullptr;
    text += str_view(items.get());
  }
  return str_from_utf8(text);
}

// NameError.name / AttributeError.name / AttributeError.obj (None when unknown).
Object* exception_get_name(Object* object) {
  Object* name = as_exception(object)->name;
  return new_ref(name != nullptr ? name : none());
}
Object* attribute_error_get_obj(Object* object) {
  Object* obj = as_exception(object)->obj;
  return new_ref(obj != nullptr ? obj : none());
}

const GetSetDef name_error_getsets[] = {
    {"name", exception_get_name},
    {nullptr, nullptr},
};
const GetSetDef attribute_error_getsets[] = {
    {"name", exception_get_name},
    {"obj", attribute_error_get_obj},
    {nullptr, nullptr},
};


// SystemExit.code: None without arguments, the argument itself for one, else the args tuple.
Object* system_exit_get_code(Object* object) {
  TupleObject* args = as_tuple(as_exception(object)->args);
  if (args->size == 0) return new_ref(none());
  if (args->size == 1) return new_ref(args->items[0]);
  return new_ref(args);
}

const GetSetDef system_exit_getsets[] = {
    {"code", system_exit_get_code},
    {nullptr, nullptr},
};

void init_exception_type(TypeObject& type, const char* name, TypeObject* base) {
  init_static_type(type, name, sizeof(ExceptionObject), base,
                   type_flags::kBaseType | type_flags::kExceptionSubclass);
  type.dealloc = exception_dealloc;
  type.str = exception_str;
  type.repr = exception_repr;
  // Instances carry a __dict__, so attributes go through the generic (class-aware) lookup.
  type.getattr = generic_getattr;
  type.setattr = generic_setattr;
}

}  // namespace

bool is_exception_instance(const Object* object) {
  return type_has_flag(type_of(object), type_flags::kExceptionSubclass);
}

Object* exception_new(TypeObject* type, Object* args) {
  // basic_size: subtypes (ImportError's name/path) extend the layout; their fields start null.
  std::size_t size = type->basic_size > sizeof(ExceptionObject) ? type->basic_size : sizeof(ExceptionObject);
  auto* exception = static_cast<ExceptionObject*>(allocate_object(type, size));
  if (exception == nullptr) return nullptr;
  if (size > sizeof(ExceptionObject)) {
    std::memset(reinterpret_cast<char*>(exception) + sizeof(ExceptionObject), 0, size - sizeof(ExceptionObject));
  }
  exception->args = new_ref(args);
  exception->traceback = nullptr;
  exception->cause = nullptr;
  exception->context = nullptr;
  exception->suppress_context = false;
  exception->name = nullptr;
  exception->obj = nullptr;
  new (&exception->dict) std::atomic<Object*>(nullptr);
  return exception;
}

Object* raise_error_with_value(TypeObject* type, Object* value) {
  Ref args = Ref::steal(tuple_pack({value}));
  if (!args) return nullptr;
  Object* exception = exception_new(type, args.get());
  if (exception != nullptr) set_exception(exception);
  return nullptr;
}

Object* raise_error(TypeObject* type, std::string_view message) {
  if (type == &memory_error_type) {
    // Allocating a message could fail again: MemoryError carries no args.
    Object* exception = exception_new(type, empty_tuple());
    if (exception != nullptr) set_exception(exception);
    return nullptr;
  }
  Ref text = Ref::steal(str_from_utf8(message));
  if (!text) return nullptr;
  return raise_error_with_value(type, text.get());
}

bool exception_matches(TypeObject* type) {
  Object* exception = exec_state().exception;
  return exception != nullptr && is_subtype(type_of(exception), type);
}

void set_missing_name_details(Object* name, Object* obj) {
  Object* exception = exec_state().exception;
  if (exception == nullptr) return;
  if (!is_subtype(type_of(exception), &name_error_type) && !is_subtype(type_of(exception), &attribute_error_type)) {
    return;
  }
  ExceptionObject* holder = as_exception(exception);
  xincref(name);
  xincref(obj);
  xdecref(holder->name);
  xdecref(holder->obj);
  holder->name = name;
  holder->obj = obj;
}

Object* exception_summary(Object* exception) {
  Ref text = Ref::steal(object_str(exception));
  if (!text) return nullptr;
  // CPython prints the class's qualified name, with its module unless that is __main__ or builtins.
  std::string line = type_qualified_name(type_of(exception));
  if (line.rfind("__main__.", 0) == 0) line.erase(0, 9);
  if (!str_view(text.get()).empty()) {
    line += ": ";
    line += str_view(text.get());
  }
  return str_from_utf8(line);
}

void init_exception_types() {
  init_exception_type(base_exception_type, "BaseException", &object_type);
  init_exception_type(exception_type, "Exception", &base_exception_type);
  init_exception_type(arithmetic_error_type, "ArithmeticError", &exception_type);
  init_exception_type(zero_division_error_type, "ZeroDivisionError", &arithmetic_error_type);
  init_exception_type(overflow_error_type, "OverflowError", &arithmetic_error_type);
  init_exception_type(type_error_type, "TypeError", &exception_type);
  init_exception_type(value_error_type, "ValueError", &exception_type);
  init_exception_type(lookup_error_type, "LookupError", &exception_type);
  init_exception_type(index_error_type, "IndexError", &lookup_error_type);
  init_exception_type(key_error_type, "KeyError", &lookup_error_type);
  key_error_type.str = key_error_str;
  init_exception_type(attribute_error_type, "AttributeError", &exception_type);
  attribute_error_type.getsets = attribute_error_getsets;
  init_exception_type(name_error_type, "NameError", &exception_type);
  name_error_type.getsets = name_error_getsets;
  init_exception_type(unbound_local_error_type, "UnboundLocalError", &name_error_type);
  init_exception_type(runtime_error_type, "RuntimeError", &exception_type);
  init_exception_type(not_implemented_error_type, "NotImplementedError", &runtime_error_type);
  init_exception_type(recursion_error_type, "RecursionError", &runtime_error_type);
  init_exception_type(stop_iteration_type, "StopIteration", &exception_type);
  init_exception_type(assertion_error_type, "AssertionError", &exception_type);
  init_exception_type(memory_error_type, "MemoryError", &exception_type);
  init_exception_type(keyboard_interrupt_type, "KeyboardInterrupt", &base_exception_type);
  init_exception_type(system_exit_type, "SystemExit", &base_exception_type);
  init_exception_type(generator_exit_type, "GeneratorExit", &base_exception_type);
  init_exception_chain_attributes();
  system_exit_type.getsets = system_exit_getsets;
}

}  // namespace stitch
