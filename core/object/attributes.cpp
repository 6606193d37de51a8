#include "core/object/attributes.h"

#include <cstring>
#include <string>

#include "core/object/call.h"
#include "core/object/class_type.h"
#include "core/object/descriptors.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/str.h"
#include "core/object/type.h"

namespace stitch {

namespace {

// Looks `name` up in `type` and its bases. Binds methods to `instance` (nullptr when the lookup is
// on the type itself: the method is then unbound and takes self as its first argument).
Object* find_in_type(TypeObject* type, std::string_view name, Object* instance) {
  for (TypeObject* t = type; t != nullptr; t = t->base) {
    if (t->getsets != nullptr && instance != nullptr) {
      for (const GetSetDef* getset = t->getsets; getset->name != nullptr; ++getset) {
        if (name == getset->name) return getset->get(instance);
      }
    }
    if (t->methods != nullptr) {
      for (const MethodDef* method = t->methods; method->name != nullptr; ++method) {
        if (name != method->name) continue;
        switch (method->kind) {
          case MethodDef::kInstance:
            if (instance == nullptr) return builtin_unbound_method_new(method, t->name);
            return builtin_function_new(method, instance, t->name);
          case MethodDef::kClass: return builtin_function_new(method, type, t->name);
          case MethodDef::kStatic: return builtin_function_new(method, nullptr, t->name);
        }
      }
    }
  }
  return nullptr;
}

// Instances of builtin types: their methods and properties, then the dunders of their slots.
Object* builtin_instance_attribute(Object* object, Object* name) {
  TypeObject* type = type_of(object);
  std::string_view key = str_view(name);
  if (key == "__class__") return new_ref(type);
  Object* found = find_in_type(type, key, object);
  if (found != nullptr || has_exception()) return found;
  Ref attribute = Ref::steal(type_lookup(type, name));
  if (!attribute) return nullptr;
  return bind_attribute(attribute.get(), object, type);
}

bool is_type_object(const Object* object) {
  return type_has_flag(type_of(object), type_flags::kTypeSubclass);
}

// The attribute, or nullptr: with the exception raised while looking (a property's getter, a
// __getattr__ ...), or with none when the attribute simply does not exist.
Object* find_attribute(Object* object, Object* name) {
  TypeObject* type = type_of(object);
  return type->getattr != nullptr ? type->getattr(object, name) : builtin_instance_attribute(object, name);
}

}  // namespace

Object* object_lookup_attr(Object* object, Object* name) {
  Object* result = find_attribute(object, name);
  if (result == nullptr && exception_matches(&attribute_error_type)) clear_exception();
  return result;
}

Object* object_lookup_attr_text(Object* object, std::string_view name) {
  Ref key = Ref::steal(str_intern(name));
  if (!key) return nullptr;
  return object_lookup_attr(object, key.get());
}

Object* object_getattr(Object* object, Object* name) {
  Object* result = find_attribute(object, name);
  if (result != nullptr || has_exception()) return result;
  if (is_type_object(object)) {
    raise_error(&attribute_error_type, std::string("type object '") + static_cast<TypeObject*>(object)->name +
                                           "' has no attribute '" + std::string(str_view(name)) + "'");
  } else {
    raise_error(&attribute_error_type, std::string("'") + type_of(object)->name +
                                           "' object has no attribute '" + std::string(str_view(name)) + "'");
  }
  set_missing_name_details(name, object);
  return nullptr;
}

int object_setattr(Object* object, Object* name, Object* value) {
  TypeObject* type = type_of(object);
  if (type->setattr != nullptr) return type->setattr(object, name, value);
  std::string attribute(str_view(name));
  for (TypeObject* t = type; t != nullptr; t = t->base) {
    if (t->getsets == nullptr) continue;
    for (const GetSetDef* getset = t->getsets; getset->name != nullptr; ++getset) {
      if (attribute != getset->name) continue;
      if (getset->set != nullptr) return getset->set(object, value);
      raise_error(&attribute_error_type, "attribute '" + attribute + "' of '" + type->name +
                                             "' objects is not writable");
      return -1;
    }
  }
  bool exists = Ref::steal(find_in_type(type, attribute, nullptr)).get() != nullptr;
  clear_exception();
  if (exists) {
    raise_error(&attribute_error_type, std::string("'") + type->name + "' object attribute '" +
                                           attribute + "' is read-only");
  } else {
    raise_error(&attribute_error_type, std::string("'") + type->name +
                                           "' object has no attribute '" + attribute + "'");
  }
  return -1;
}

}  // namespace stitch
