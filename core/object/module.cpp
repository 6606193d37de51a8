#include "core/object/module.h"

#include <string>

#include "core/object/alloc.h"
#include "core/object/builtin_types.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/list.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"

namespace stitch {

TypeObject module_type;

namespace {

void module_dealloc(Object* object) {
  xdecref(as_module(object)->dict);
  free_object_memory(object);
}

std::string name_of(Object* module) {
  Ref name = Ref::steal(dict_get_item_str(module_dict(module), "__name__"));
  if (!name || !is_str(name.get())) {
    clear_exception();
    return "?";
  }
  return std::string(str_view(name.get()));
}

// <module 'math' (built-in)>, <module 'x' from '/abs/x.py'>, <module 'x'> (CPython's forms).
Object* module_repr(Object* object) {
  std::string text = "<module '" + name_of(object) + "'";
  Ref file = Ref::steal(dict_get_item_str(module_dict(object), "__file__"));
  clear_exception();
  if (file && is_str(file.get())) {
    text += " from '" + std::string(str_view(file.get())) + "'";
  } else if (as_module(object)->is_builtin) {
    text += " (built-in)";
  }
  return str_from_utf8(text + ">");
}

Object* raise_missing(Object* module, std::string_view attribute) {
  std::string name = name_of(module);
  if (as_module(module)->initializing.load(std::memory_order_acquire)) {
    return raise_error(&attribute_error_type,
                       "partially initialized module '" + name + "' has no attribute '" +
                           std::string(attribute) + "' (most likely due to a circular import)");
  }
  return raise_error(&attribute_error_type,
                     "module '" + name + "' has no attribute '" + std::string(attribute) + "'");
}

Object* module_getattr(Object* object, Object* name) {
  Object* value = dict_get_item(module_dict(object), name);
  if (value != nullptr || has_exception()) return value;
  std::string_view key = str_view(name);
  if (key == "__dict__") return new_ref(module_dict(object));
  if (key == "__class__") return new_ref(&module_type);
  return raise_missing(object, key);
}

int module_setattr(Object* object, Object* name, Object* value) {
  if (value != nullptr) return dict_set_item(module_dict(object), name, value);
  if (dict_del_item(module_dict(object), name) == 0) return 0;
  if (!exception_matches(&key_error_type)) return -1;
  clear_exception();
  raise_missing(object, str_view(name));
  return -1;
}

Object* module_method_dir(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (nargs != 0 || kwnames != nullptr) return raise_error(&type_error_type, "__dir__() takes no arguments");
  return module_dir(self);
}

const MethodDef module_methods[] = {
    {"__dir__", module_method_dir},
    {nullptr, nullptr},
};

}  // namespace

Object* module_new(Object* name) {
  Ref dict = Ref::steal(dict_new());
  if (!dict) return nullptr;
  // A module and its namespace are referenced by every function defined in it and every thread
  // that imports it: counted per thread (refcount/deferred.h).
  make_deferred(dict.get());
  if (dict_set_item_str(dict.get(), "__name__", name) < 0 ||
      dict_set_item_str(dict.get(), "__doc__", none()) < 0 ||
      dict_set_item_str(dict.get(), "__package__", none()) < 0) {
    return nullptr;
  }
  auto* module = allocate<ModuleObject>(&module_type);
  if (module == nullptr) return nullptr;
  make_deferred(module);
  module->dict = dict.release();
  new (&module->initializing) std::atomic<bool>(false);
  module->is_builtin = false;
  return module;
}

Object* module_new(std::string_view name) {
  Ref text = Ref::steal(str_from_utf8(name));
  return text ? module_new(text.get()) : nullptr;
}

Object* module_name(Object* module) { return str_from_utf8(name_of(module)); }

Object* module_dir(Object* module) {
  Ref names = Ref::steal(list_new(0));
  if (!names) return nullptr;
  std::int64_t position = 0;
  Object* key = nullptr;
  Object* value = nullptr;
  while (dict_next_owned(module_dict(module), &position, &key, &value)) {
    Ref owned_key = Ref::steal(key);
    Ref owned_value = Ref::steal(value);
    if (list_append(names.get(), key) < 0) return nullptr;
  }
  if (sort_list(as_list(names.get()), nullptr, false) < 0) return nullptr;
  return names.release();
}

void init_module_type() {
  init_static_type(module_type, "module", sizeof(ModuleObject), &object_type, type_flags::kBaseType);
  module_type.dealloc = module_dealloc;
  module_type.repr = module_repr;
  module_type.getattr = module_getattr;
  module_type.setattr = module_setattr;
  module_type.methods = module_methods;
}

}  // namespace stitch
