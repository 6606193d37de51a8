// Attributes of Python functions: the special ones (__name__, __defaults__, ...) and the
// arbitrary ones users attach (`f.calls = 0`), kept in the function's __dict__.
//
// Thread safety: the attribute dict is created on first write and published with a CAS, so
// readers see either nullptr or a complete dict; the dict itself is thread-safe. Fields that calls
// read without a reference (__defaults__, __kwdefaults__, __code__) are swapped atomically, the
// function's version is bumped, and the old value is released after a QSBR grace period.
#include <atomic>
#include <string>

#include "core/object/builtin_types.h"
#include "core/object/class_type.h"
#include "core/object/code.h"
#include "core/object/deferred_release.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/function.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch {

namespace {

std::atomic_ref<Object*> field(Object*& slot) { return std::atomic_ref<Object*>(slot); }

Object* load_field(Object*& slot) { return field(slot).load(std::memory_order_acquire); }

// Stores a new reference (or nullptr) and releases the old one after a grace period.
void swap_field(FunctionObject* function, Object*& slot, Object* value) {
  xincref(value);
  Object* old = field(slot).exchange(value, std::memory_order_acq_rel);
  function->version.fetch_add(1, std::memory_order_release);
  release_after_grace_period(old);
}

Object* attribute_dict(FunctionObject* function, bool create) {
  Object* dict = load_field(function->dict);
  if (dict != nullptr || !create) return dict;
  Object* fresh = dict_new();
  if (fresh == nullptr) return nullptr;
  Object* expected = nullptr;
  if (field(function->dict).compare_exchange_strong(expected, fresh, std::memory_order_acq_rel)) return fresh;
  decref(fresh);  // another thread published one first
  return expected;
}

Object* or_none(Object* value) { return new_ref(value != nullptr ? value : none()); }

Object* get_name(Object* self) { return new_ref(load_field(as_function(self)->name)); }
Object* get_qualname(Object* self) { return new_ref(load_field(as_function(self)->qualname)); }
Object* get_doc(Object* self) { return or_none(load_field(as_function(self)->doc)); }
Object* get_defaults(Object* self) { return or_none(load_field(as_function(self)->defaults)); }
Object* get_kwdefaults(Object* self) { return or_none(load_field(as_function(self)->kwdefaults)); }
Object* get_closure(Object* self) { return or_none(as_function(self)->closure); }
Object* get_globals(Object* self) { return new_ref(as_function(self)->globals); }
Object* get_code(Object* self) { return new_ref(load_field(as_function(self)->code)); }

// __module__ is globals['__name__'] when the function was made (CPython); read lazily.
Object* get_module(Object* self) {
  FunctionObject* function = as_function(self);
  if (Object* module = load_field(function->module)) return new_ref(module);
  Object* name = dict_get_item_str(function->globals, "__name__");
  if (name == nullptr && has_exception()) return nullptr;
  return name != nullptr ? name : new_ref(none());
}

Object* get_dict(Object* self) {
  Object* dict = attribute_dict(as_function(self), true);
  return dict == nullptr ? nullptr : new_ref(dict);
}

Object* get_annotations(Object* self) {
  FunctionObject* function = as_function(self);
  if (Object* annotations = load_field(function->annotations)) return new_ref(annotations);
  Object* fresh = dict_new();
  if (fresh == nullptr) return nullptr;
  Object* expected = nullptr;
  if (!field(function->annotations).compare_exchange_strong(expected, fresh, std::memory_order_acq_rel)) {
    decref(fresh);
    return new_ref(expected);
  }
  return new_ref(fresh);
}

int fail_type(const char* what) {
  raise_error(&type_error_type, what);
  return -1;
}

int set_str_field(Object* self, Object* value, Object*& slot, const char* attribute) {
  if (value == nullptr || !is_str(value)) {
    return fail_type((std::string(attribute) + " must be set to a string object").c_str());
  }
  swap_field(as_function(self), slot, value);
  return 0;
}

int set_name(Object* self, Object* value) { return set_str_field(self, value, as_function(self)->name, "__name__"); }
int set_qualname(Object* self, Object* value) {
  return set_str_field(self, value, as_function(self)->qualname, "__qualname__");
}

int set_doc(Object* self, Object* value) {
  swap_field(as_function(self), as_function(self)->doc, value == nullptr || value == none() ? nullptr : value);
  return 0;
}

int set_module(Object* self, Object* value) {
  swap_field(as_function(self), as_function(self)->module, value);
  return 0;
}

int set_defaults(Object* self, Object* value) {
  if (value == none()) value = nullptr;
  if (value != nullptr && !is_tuple(value)) return fail_type("__defaults__ must be set to a tuple object");
  if (value != nullptr && as_tuple(value)->size == 0) value = nullptr;
  swap_field(as_function(self), as_function(self)->defaults, value);
  return 0;
}

int set_kwdefaults(Object* self, Object* value) {
  if (value == none()) value = nullptr;
  if (value != nullptr && type_of(value) != &dict_type) {
    return fail_type("__kwdefaults__ must be set to a dict object");
  }
  swap_field(as_function(self), as_function(self)->kwdefaults, value);
  return 0;
}

int set_annotations(Object* self, Object* value) {
  if (value == none()) value = nullptr;
  if (value != nullptr && type_of(value) != &dict_type) {
    return fail_type("__annotations__ must be set to a dict object");
  }
  swap_field(as_function(self), as_function(self)->annotations, value);
  return 0;
}

const GetSetDef function_getsets[] = {
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualname, set_qualname},
    {"__doc__", get_doc, set_doc},
    {"__module__", get_module, set_module},
    {"__defaults__", get_defaults, set_defaults},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults},
    {"__annotations__", get_annotations, set_annotations},
    {"__closure__", get_closure},
    {"__globals__", get_globals},
    {"__code__", get_code},
    {"__dict__", get_dict},
    {nullptr, nullptr},
};

const GetSetDef* find_getset(std::string_view name) {
  for (const GetSetDef* getset = function_getsets; getset->name != nullptr; ++getset) {
    if (name == getset->name) return getset;
  }
  return nullptr;
}

Object* missing(Object* self, Object* name) {
  raise_error(&attribute_error_type, "'function' object has no attribute '" + std::string(str_view(name)) + "'");
  set_missing_name_details(name, self);
  return nullptr;
}

// Data descriptors (the getsets) first, then the function's own dict, as for any instance.
Object* function_getattr(Object* self, Object* name) {
  std::string_view key = str_view(name);
  if (const GetSetDef* getset = find_getset(key)) return getset->get(self);
  if (Object* dict = attribute_dict(as_function(self), false)) {
    if (Object* value = dict_get_item(dict, name)) return value;
    if (has_exception()) return nullptr;
  }
  // Then the type: __class__, __call__, __get__ and the other slot wrappers.
  if (Object* value = generic_getattr(self, name)) return value;
  if (has_exception()) return nullptr;
  return missing(self, name);
}

int function_setattr(Object* self, Object* name, Object* value) {
  std::string_view key = str_view(name);
  if (const GetSetDef* getset = find_getset(key)) {
    if (getset->set != nullptr) return getset->set(self, value);
    raise_error(&attribute_error_type, key == "__dict__" ? "Stitch: function.__dict__ cannot be replaced"
                                                           : "readonly attribute");
    return -1;
  }
  Object* dict = attribute_dict(as_function(self), value != nullptr);
  if (value != nullptr) return dict == nullptr ? -1 : dict_set_item(dict, name, value);
  if (dict == nullptr || dict_del_item(dict, name) < 0) {
    clear_exception();
    missing(self, name);
    return -1;
  }
  return 0;
}

}  // namespace

void init_function_attributes() {
  function_type.getattr = function_getattr;
  function_type.setattr = function_setattr;
}

}  // namespace stitch
