// What the interpreter contributes to classes and `with`: __build_class__ (runs a class body with
// the class namespace as its locals, then calls type(name, bases, namespace)), the zero-argument
// super() resolver (reads the calling frame), method loading without a bound-method allocation,
// and the context-manager protocol of BEFORE_WITH / WITH_EXCEPT_START.
#include "core/interp/class_support.h"

#include <string>
#include <vector>

#include "core/interp/frame.h"
#include "core/interp/interpreter.h"
#include "core/object/args.h"
#include "core/object/attributes.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/class_type.h"
#include "core/object/code.h"
#include "core/object/descriptors.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/function.h"
#include "core/object/instance_attributes.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::interp {

namespace {

// super(cls, cls).__init_subclass__(**keywords): the nearest definition after the new class.
bool init_subclass(TypeObject* klass, const std::vector<Object*>& values, Object* names) {
  TupleObject* mro = as_tuple(klass->mro);
  Ref hook_name = Ref::steal(str_intern("__init_subclass__"));
  for (std::int64_t i = 1; i < mro->size; ++i) {
    auto* base = static_cast<TypeObject*>(mro->items[i]);
    Ref hook = Ref::steal(type_lookup_own(base, hook_name.get()));
    if (!hook) {
      if (has_exception()) return false;
      continue;
    }
    if (type_of(hook.get()) == &slot_wrapper_type) {
      // object.__init_subclass__ takes no keyword arguments.
      if (names == nullptr) return true;
      raise_error(&type_error_type, std::string(klass->name) + ".__init_subclass__() takes no keyword arguments");
      return false;
    }
    Ref bound = Ref::steal(bind_attribute(hook.get(), nullptr, klass));
    if (!bound) return false;
    Ref result = Ref::steal(call_object(bound.get(), values.data(), 0, names));
    return static_cast<bool>(result);
  }
  return true;
}

// __build_class__(func, name, *bases, metaclass=type)
Object* build_class(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (nargs < 2) return raise_error(&type_error_type, "__build_class__: not enough arguments");
  if (!is_function(args[0])) return raise_error(&type_error_type, "__build_class__: func must be a function");
  if (!is_str(args[1])) return raise_error(&type_error_type, "__build_class__: name is not a string");
  // Class keywords other than metaclass= go to the parent's __init_subclass__.
  std::vector<Object*> subclass_values;
  Ref subclass_names;
  TypeObject* explicit_metatype = nullptr;
  Object* metaclass_callable = nullptr;
  if (kwnames != nullptr) {
    std::vector<Object*> names;
    for (std::int64_t i = 0; i < as_tuple(kwnames)->size; ++i) {
      Object* key = as_tuple(kwnames)->items[i];
      Object* value = args[nargs + static_cast<std::size_t>(i)];
      if (str_view(key) == "metaclass") {
        if (is_type(value)) {
          explicit_metatype = static_cast<TypeObject*>(value);
        } else {
          metaclass_callable = value;  // any callable may build the class, as in CPython
        }
        continue;
      }
      names.push_back(key);
      subclass_values.push_back(value);
    }
    if (!names.empty()) {
      subclass_names = Ref::steal(tuple_new_uninitialized(static_cast<std::int64_t>(names.size())));
      if (!subclass_names) return nullptr;
      for (std::size_t i = 0; i < names.size(); ++i) as_tuple(subclass_names.get())->items[i] = new_ref(names[i]);
    }
  }
  Ref bases = Ref::steal(tuple_new_uninitialized(static_cast<std::int64_t>(nargs - 2)));
  if (!bases) return nullptr;
  for (std::size_t i = 2; i < nargs; ++i) as_tuple(bases.get())->items[i - 2] = new_ref(args[i]);
  Ref namespace_dict = Ref::steal(dict_new());
  if (!namespace_dict) return nullptr;
  Ref body_result = Ref::steal(run_class_body(args[0], namespace_dict.get()));
  if (!body_result) return nullptr;
  if (metaclass_callable != nullptr) {
    Object* call_args[3] = {args[1], bases.get(), namespace_dict.get()};
    return call_object(metaclass_callable, call_args, 3, nullptr);
  }
  // Without metaclass=, a base that is not a class makes its own type the
  // "metaclass", as in CPython (class X(1): ... calls int('X', (1,), ns)).
  if (nargs > 2 && !is_type(args[2])) {
    Object* call_args[3] = {args[1], bases.get(), namespace_dict.get()};
    return call_object(type_of(args[2]), call_args, 3, nullptr);
  }
  // A metaclass (explicit, or the type of a base) builds the class by being called.
  TypeObject* metatype = most_derived_metatype(explicit_metatype, bases.get());
  if (metatype == nullptr) return nullptr;
  if (metatype != &type_type) {
    if (subclass_names) {
      return raise_error(&type_error_type, "Stitch: class keyword arguments together with a metaclass are not supported");
    }
    Object* call_args[3] = {args[1], bases.get(), namespace_dict.get()};
    return call_object(metatype, call_args, 3, nullptr);
  }
  Ref klass = Ref::steal(type_new_class(args[1], bases.get(), namespace_dict.get()));
  if (!klass || !init_subclass(static_cast<TypeObject*>(klass.get()), subclass_values, subclass_names.get())) return nullptr;
  return klass.release();
}

const MethodDef build_class_definition{"__build_class__", build_class, MethodDef::kStatic};

// super() inside a method: the class is the __class__ cell, the instance the first argument.
bool resolve_zero_argument_super(TypeObject** start, Object** self) {
  Frame* frame = current_python_frame();
  if (frame == nullptr || frame->code->argcount == 0) {
    raise_error(&runtime_error_type, "super(): no arguments");
    return false;
  }
  CodeObject* code = frame->code;
  Object* first = frame->localsplus[0];
  if (first != nullptr && (code->localsplus_kinds[0] & local_kind::kCell) != 0 && type_of(first) == &cell_type) {
    first = as_cell(first)->value.load(std::memory_order_acquire);
  }
  if (first == nullptr) {
    raise_error(&runtime_error_type, "super(): arg[0] deleted");
    return false;
  }
  TupleObject* names = as_tuple(code->localsplus_names);
  for (std::int32_t i = code->nlocals; i < code->nlocalsplus; ++i) {
    if (str_view(names->items[i]) != "__class__" || (code->localsplus_kinds[i] & local_kind::kFree) == 0) continue;
    Object* cell = frame->localsplus[i];
    Object* klass = cell != nullptr ? as_cell(cell)->value.load(std::memory_order_acquire) : nullptr;
    if (klass == nullptr) {
      raise_error(&runtime_error_type, "super(): empty __class__ cell");
      return false;
    }
    if (!is_type(klass)) {
      raise_error(&runtime_error_type, "super(): __class__ is not a type (" + std::string(type_of(klass)->name) + ")");
      return false;
    }
    *start = static_cast<TypeObject*>(klass);
    *self = first;
    return true;
  }
  raise_error(&runtime_error_type, "super(): __class__ cell not found");
  return false;
}

Object* special_method(Object* object, const char* name) {
  Ref attribute = Ref::steal(type_lookup(type_of(object), str_intern(name)));
  if (!attribute) return nullptr;
  return bind_attribute(attribute.get(), object, type_of(object));
}

}  // namespace

const MethodDef* build_class_builtin() { return &build_class_definition; }

void init_class_support() { super_zero_argument_resolver = resolve_zero_argument_super; }

bool load_method(Object* owner, Object* name, Object** method, Object** self_or_bound) {
  TypeObject* type = type_of(owner);
  if (type->getattr == &generic_getattr) {
    Ref attribute = Ref::steal(type_lookup(type, name));
    if (!attribute && has_exception()) return false;
    if (attribute && is_function(attribute.get())) {
      bool shadowed = false;
      if (std::atomic<Object*>* slot = instance_dict_slot(owner)) {
        int found = instance_attribute_contains(owner, slot, name);
        if (found < 0) return false;
        shadowed = found == 1;
      }
      if (!shadowed) {
        *method = attribute.release();
        *self_or_bound = new_ref(owner);
        return true;
      }
    }
  }
  Object* value = object_getattr(owner, name);
  if (value == nullptr) return false;
  *method = nullptr;
  *self_or_bound = value;
  return true;
}

Object* with_enter(Object* manager, Object** exit_out) {
  Ref enter = Ref::steal(special_method(manager, "__enter__"));
  if (!enter) {
    if (has_exception()) return nullptr;
    return raise_error(&type_error_type, std::string("'") + type_of(manager)->name +
                                             "' object does not support the context manager protocol");
  }
  Ref exit = Ref::steal(special_method(manager, "__exit__"));
  if (!exit) {
    if (has_exception()) return nullptr;
    return raise_error(&type_error_type, std::string("'") + type_of(manager)->name +
                                             "' object does not support the context manager protocol (missed __exit__ method)");
  }
  Object* entered = call_object(enter.get(), nullptr, 0, nullptr);
  if (entered == nullptr) return nullptr;
  *exit_out = exit.release();
  return entered;
}

Object* with_exit_on_exception(Object* exit, Object* exception) {
  // The traceback is the exception's chain of entries (opaque to Python code, but not None).
  Object* traceback = is_exception_instance(exception) ? static_cast<ExceptionObject*>(exception)->traceback : nullptr;
  Object* args[3] = {type_of(exception), exception, traceback != nullptr ? traceback : none()};
  return call_object(exit, args, 3, nullptr);
}

}  // namespace stitch::interp
