// Instances of classes: creation (object.__new__ and the builtin bases' __new__ for subclasses),
// object.__init__, the instance __dict__ (stored by instance_attributes.cpp), generic attribute
// access with Python's lookup order, the default repr and the dealloc that releases the class's
// part of the layout.
#include <cstdio>
#include <cstring>
#include <string>

#include "core/object/alloc.h"
#include "core/object/args.h"
#include "core/object/builtin_types.h"
#include "core/object/class_type.h"
#include "core/object/descriptors.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/float.h"
#include "core/object/instance_attributes.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch {

namespace {

std::string text_of(Object* name) { return std::string(str_view(name)); }

Object* no_attribute(Object* object, Object* name) {
  return raise_error(&attribute_error_type, std::string("'") + type_of(object)->name +
                                                "' object has no attribute '" + text_of(name) + "'");
}

bool has_excess_arguments(std::size_t nargs, Object* kwnames) {
  return nargs != 0 || (kwnames != nullptr && as_tuple(kwnames)->size != 0);
}

// ---- builtin bases' __new__ for subclasses: an empty or copied native value of the subclass ----

Object* list_subtype_new(TypeObject* type, Object* const*, std::size_t, Object*) {
  auto* list = allocate<ListObject>(type);
  if (list == nullptr) return nullptr;
  new (&list->size) std::atomic<std::int64_t>(0);
  new (&list->items) std::atomic<ListItems*>(nullptr);
  return list;
}

Object* dict_subtype_new(TypeObject* type, Object* const*, std::size_t, Object*) {
  auto* dict = allocate<DictObject>(type);
  if (dict == nullptr) return nullptr;
  std::construct_at(&dict->used, 0);
  std::construct_at(&dict->keys, nullptr);
  std::construct_at(&dict->version, 1);
  return dict;
}

Object* int_subtype_new(TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  Ref value = Ref::steal(int_type.new_instance(&int_type, args, nargs, kwnames));
  if (!value) return nullptr;
  auto* result = allocate<IntObject>(type);
  if (result == nullptr) return nullptr;
  IntObject* source = as_int(value.get());
  result->small = source->small;
  if (source->big._mp_d != nullptr) {
    mpz_init_set(&result->big, &source->big);
  } else {
    result->big._mp_d = nullptr;
  }
  return result;
}

Object* float_subtype_new(TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  Ref value = Ref::steal(float_type.new_instance(&float_type, args, nargs, kwnames));
  if (!value) return nullptr;
  auto* result = allocate<FloatObject>(type);
  if (result == nullptr) return nullptr;
  result->value = static_cast<FloatObject*>(value.get())->value;
  return result;
}

// Bytes from the start of a str to the end of its NUL-terminated text.
std::size_t str_text_end(StrObject* str) {
  return static_cast<std::size_t>(str->data - reinterpret_cast<char*>(str)) + static_cast<std::size_t>(str->byte_length) + 1;
}

// A str subclass instance: the text inline as in every str, then the class's __dict__ pointer
// after it (so its offset depends on the length; see class_area_offset).
Object* str_subtype_new(TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  Ref value = Ref::steal(str_type.new_instance(&str_type, args, nargs, kwnames));
  if (!value) return nullptr;
  StrObject* source = as_str(value.get());
  std::size_t text_end = str_text_end(source);
  std::size_t area = (text_end + sizeof(Object*) - 1) & ~(sizeof(Object*) - 1);
  auto* result = static_cast<StrObject*>(allocate_object(type, area + (type->basic_size - str_type.basic_size)));
  if (result == nullptr) return nullptr;
  result->length = source->length;
  result->byte_length = source->byte_length;
  new (&result->hash) std::atomic<Hash>(-1);
  result->is_ascii = source->is_ascii;
  result->is_interned = false;
  std::memcpy(result->data, source->data, static_cast<std::size_t>(source->byte_length) + 1);
  return result;
}

// Bytes from the start of a tuple to the end of its items (the one inline item always counts).
std::size_t tuple_items_end(TupleObject* tuple) {
  std::int64_t extra_items = tuple->size > 1 ? tuple->size - 1 : 0;
  return sizeof(TupleObject) + sizeof(Object*) * static_cast<std::size_t>(extra_items);
}

// A tuple subclass instance (namedtuple): the items inline as in every tuple, then the class's
// __dict__ pointer after them, so, as for str, its offset depends on the length.
Object* tuple_subtype_new(TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  Ref value = Ref::steal(tuple_type.new_instance(&tuple_type, args, nargs, kwnames));
  if (!value) return nullptr;
  TupleObject* source = as_tuple(value.get());
  std::size_t area = tuple_items_end(source);
  auto* result = static_cast<TupleObject*>(allocate_object(type, area + (type->basic_size - tuple_type.basic_size)));
  if (result == nullptr) return nullptr;
  result->size = source->size;
  for (std::int64_t i = 0; i < source->size; ++i) result->items[i] = new_ref(source->items[i]);
  return result;
}

// type.__new__(metaclass, name, bases, namespace): a class whose type is the metaclass.
Object* type_subtype_new(TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames != nullptr || nargs != 3) return raise_error(&type_error_type, "type.__new__() takes exactly 3 arguments");
  return type_new_class_of(type, args[0], args[1], args[2]);
}

// type.__init__(cls, name, bases, namespace): the class is complete already; only the arity counts.
int type_init(Object*, Object* const*, std::size_t nargs, Object*) {
  if (nargs != 1 && nargs != 3) {
    raise_error(&type_error_type, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

// BaseException.__new__: args = the positional arguments; keywords are left to __init__.
Object* exception_subtype_new(TypeObject* type, Object* const* args, std::size_t nargs, Object*) {
  Object* tuple = tuple_new_uninitialized(static_cast<std::int64_t>(nargs));
  if (tuple == nullptr) return nullptr;
  for (std::size_t i = 0; i < nargs; ++i) as_tuple(tuple)->items[i] = new_ref(args[i]);
  Object* exception = exception_new(type, tuple);
  decref(tuple);
  return exception;
}

int list_init(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("list", kwnames) || !check_argument_range("list", nargs, 0, 1)) return -1;
  // list.__init__ replaces the contents: run the native clear() (a subclass may override clear).
  for (const MethodDef* method = list_type.methods; method != nullptr && method->name != nullptr; ++method) {
    if (std::string_view(method->name) != "clear") continue;
    Ref cleared = Ref::steal(method->function(self, nullptr, 0, nullptr));
    if (!cleared) return -1;
  }
  return nargs == 1 ? list_extend(self, args[0]) : 0;
}

int dict_init(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_argument_range("dict", nargs, 0, 1)) return -1;
  Ref done = Ref::steal(dict_method_update(self, args, nargs, kwnames));
  return done ? 0 : -1;
}

int exception_init(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords(type_of(self)->name, kwnames)) return -1;
  Object* tuple = tuple_new_uninitialized(static_cast<std::int64_t>(nargs));
  if (tuple == nullptr) return -1;
  for (std::size_t i = 0; i < nargs; ++i) as_tuple(tuple)->items[i] = new_ref(args[i]);
  auto* exception = static_cast<ExceptionObject*>(self);
  Object* old = exception->args;
  exception->args = tuple;
  xdecref(old);
  return 0;
}

}  // namespace

NewSlot native_subtype_new(TypeObject* native) {
  if (native == &object_type) return object_new;
  if (native == &list_type) return list_subtype_new;
  if (native == &dict_type) return dict_subtype_new;
  if (native == &int_type) return int_subtype_new;
  if (native == &float_type) return float_subtype_new;
  if (native == &str_type) return str_subtype_new;
  if (native == &tuple_type) return tuple_subtype_new;
  if (native == &type_type) return type_subtype_new;
  if (type_has_flag(native, type_flags::kExceptionSubclass)) return exception_subtype_new;
  return nullptr;
}

InitSlot native_init(TypeObject* native) {
  if (native == &list_type) return list_init;
  if (native == &dict_type) return dict_init;
  if (native == &type_type) return type_init;
  if (type_has_flag(native, type_flags::kExceptionSubclass)) return exception_init;
  return object_init;
}

Object* object_new(TypeObject* type, Object* const*, std::size_t nargs, Object* kwnames) {
  if (has_excess_arguments(nargs, kwnames)) {
    if (type->new_instance != object_new) {
      return raise_error(&type_error_type, "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    if (type->init == object_init || type->init == nullptr) {
      return raise_error(&type_error_type, std::string(type->name) + "() takes no arguments");
    }
  }
  return allocate_object(type, type->basic_size);
}

int object_init(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  TypeObject* type = type_of(self);
  if (has_excess_arguments(nargs, kwnames)) {
    if (type->init != object_init) {
      raise_error(&type_error_type, "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->new_instance == object_new) {
      raise_error(&type_error_type, std::string(type->name) +
                                        ".__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
  }
  return 0;
}

std::size_t class_area_offset(Object* object) {
  auto* type = as_heap_type(type_of(object));
  if (type->native_base == &tuple_type) return tuple_items_end(as_tuple(object));
  if (type->native_base != &str_type) return type->native_base->basic_size;
  std::size_t text_end = str_text_end(as_str(object));
  return (text_end + sizeof(Object*) - 1) & ~(sizeof(Object*) - 1);
}

void heap_instance_dealloc(Object* object) {
  auto* type = as_heap_type(type_of(object));
  // Everything a class adds to its native base's layout is an owned pointer (__slots__), except the
  // instance attributes, which may be a values block rather than an object.
  std::atomic<Object*>* attributes = type->dict_offset != 0 ? instance_dict_slot(object) : nullptr;
  if (attributes != nullptr) instance_attributes_clear(attributes);
  std::size_t start = class_area_offset(object);
  std::size_t end = start + (type->basic_size - type->native_base->basic_size);
  for (std::size_t offset = start; offset < end; offset += sizeof(Object*)) {
    auto** slot = reinterpret_cast<Object**>(reinterpret_cast<char*>(object) + offset);
    if (reinterpret_cast<void*>(slot) == static_cast<void*>(attributes)) continue;
    xdecref(*slot);
    *slot = nullptr;
  }
  type->native_base->dealloc(object);
  decref(type);  // instances keep their class alive (allocate_object took the reference)
}

Object* instance_dict(Object* object) {
  std::atomic<Object*>* slot = instance_dict_slot(object);
  if (slot == nullptr) {
    return raise_error(&attribute_error_type, std::string("'") + type_of(object)->name +
                                                  "' object has no attribute '__dict__'");
  }
  return instance_attribute_dict(object, slot);
}

Object* object_default_repr(Object* object) {
  char address[32];
  std::snprintf(address, sizeof(address), "%p", static_cast<void*>(object));
  return str_from_utf8("<" + type_qualified_name(type_of(object)) + " object at " + address + ">");
}

Object* generic_getattr(Object* object, Object* name) {
  TypeObject* type = type_of(object);
  std::string_view key = str_view(name);
  if (key == "__class__") return new_ref(type);
  if (key == "__dict__" && instance_dict_slot(object) != nullptr) return instance_dict(object);
  Ref descriptor = Ref::steal(type_lookup(type, name));
  if (!descriptor && has_exception()) return nullptr;
  DescrGetSlot get = descriptor ? type_of(descriptor.get())->descr_get : nullptr;
  if (get != nullptr && type_of(descriptor.get())->descr_set != nullptr) return get(descriptor.get(), object, type);
  if (std::atomic<Object*>* slot = instance_dict_slot(object)) {
    Object* value = instance_attribute_get(object, slot, name);
    if (value != nullptr || has_exception()) return value;
  }
  if (get != nullptr) return get(descriptor.get(), object, type);
  if (descriptor) return descriptor.release();
  return nullptr;  // missing: the caller raises AttributeError (or tries __getattr__)
}

int generic_setattr(Object* object, Object* name, Object* value) {
  TypeObject* type = type_of(object);
  std::string_view key = str_view(name);
  if (key == "__dict__") {
    std::atomic<Object*>* slot = instance_dict_slot(object);
    if (slot == nullptr) {
      no_attribute(object, name);
      return -1;
    }
    if (value != nullptr && !is_dict(value)) {
      raise_error(&type_error_type, std::string("__dict__ must be set to a dictionary, not a '") +
                                        type_of(value)->name + "'");
      return -1;
    }
    return instance_attribute_replace_dict(object, slot, value);
  }
  if (key == "__class__") {
    raise_error(&type_error_type, "Stitch: assigning or deleting __class__ is not supported");
    return -1;
  }
  Ref descriptor = Ref::steal(type_lookup(type, name));
  if (!descriptor && has_exception()) return -1;
  if (descriptor && type_of(descriptor.get())->descr_set != nullptr) {
    return type_of(descriptor.get())->descr_set(descriptor.get(), object, value);
  }
  std::atomic<Object*>* slot = instance_dict_slot(object);
  if (slot == nullptr) {
    if (descriptor) {
      raise_error(&attribute_error_type, std::string("'") + type->name + "' object attribute '" +
                                             text_of(name) + "' is read-only");
    } else {
      no_attribute(object, name);
    }
    return -1;
  }
  int status = instance_attribute_set(object, slot, name, value);
  if (status == 1) {
    no_attribute(object, name);
    return -1;
  }
  return status;
}

}  // namespace stitch
