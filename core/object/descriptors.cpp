#include "core/object/descriptors.h"

#include <string>
#include <vector>

#include "core/object/alloc.h"
#include "core/object/args.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/class_type.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/function.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/bool.h"
#include "core/object/attributes.h"
#include "core/sync/critical_section.h"
#include "core/sync/object_lock.h"

namespace stitch {

TypeObject method_type;
TypeObject staticmethod_type;
TypeObject classmethod_type;
TypeObject property_type;
TypeObject member_descriptor_type;
TypeObject getset_descriptor_type;

namespace {

std::string name_text(Object* name) { return std::string(str_view(name)); }

// ---- bound methods ----

void method_dealloc(Object* object) {
  decref(as_method(object)->function);
  decref(as_method(object)->self);
  free_object_memory(object);
}

Object* method_call(Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  MethodObject* method = as_method(callable);
  std::size_t keywords = kwnames != nullptr ? static_cast<std::size_t>(as_tuple(kwnames)->size) : 0;
  std::vector<Object*> arguments;
  arguments.reserve(nargs + keywords + 1);
  arguments.push_back(method->self);
  arguments.insert(arguments.end(), args, args + nargs + keywords);
  return call_object(method->function, arguments.data(), nargs + 1, kwnames);
}

Object* method_repr(Object* object) {
  MethodObject* method = as_method(object);
  Ref name = is_function(method->function) ? Ref::borrow(as_function(method->function)->qualname)
                                           : Ref::steal(object_lookup_attr_text(method->function, "__qualname__"));
  if (!name && has_exception()) return nullptr;
  Ref self = Ref::steal(object_repr(method->self));
  if (!self) return nullptr;
  std::string text = "<bound method ";
  text += name && is_str(name.get()) ? str_view(name.get()) : std::string_view("?");
  text += " of ";
  text += str_view(self.get());
  text += ">";
  return str_from_utf8(text);
}

Object* method_getattr(Object* object, Object* name) {
  std::string_view key = str_view(name);
  if (key == "__self__") return new_ref(as_method(object)->self);
  if (key == "__func__") return new_ref(as_method(object)->function);
  if (key == "__class__") return new_ref(&method_type);
  return object_getattr(as_method(object)->function, name);
}

Object* method_compare(Object* left, Object* right, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || !is_method(right)) return new_ref(not_implemented());
  bool same = as_method(left)->function == as_method(right)->function &&
              as_method(left)->self == as_method(right)->self;
  return bool_from(same == (op == CompareOp::kEq));
}

// ---- staticmethod / classmethod ----

WrapperDescriptorObject* as_wrapper(Object* object) { return static_cast<WrapperDescriptorObject*>(object); }

void wrapper_dealloc(Object* object) {
  decref(as_wrapper(object)->callable);
  free_object_memory(object);
}

Object* wrapper_new(TypeObject* type, Object* callable) {
  auto* wrapper = allocate<WrapperDescriptorObject>(type);
  if (wrapper == nullptr) return nullptr;
  wrapper->callable = new_ref(callable);
  return wrapper;
}

Object* staticmethod_get(Object* descriptor, Object*, Object*) { return new_ref(as_wrapper(descriptor)->callable); }

Object* classmethod_get(Object* descriptor, Object* instance, Object* owner) {
  Object* bound_to = owner != nullptr ? owner : type_of(instance);
  return method_new(as_wrapper(descriptor)->callable, bound_to);
}

Object* staticmethod_call(Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  return call_object(as_wrapper(callable)->callable, args, nargs, kwnames);
}

Object* wrapper_construct(TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords(type->name, kwnames)) return nullptr;
  if (nargs != 1) {
    return raise_error(&type_error_type, std::string(type->name) + " expected 1 argument, got " +
                                             std::to_string(nargs));
  }
  return wrapper_new(type, args[0]);
}

Object* wrapper_func(Object* self) { return new_ref(as_wrapper(self)->callable); }

const GetSetDef wrapper_getsets[] = {{"__func__", wrapper_func}, {"__wrapped__", wrapper_func}, {nullptr, nullptr}};

// ---- property ----

PropertyObject* as_property(Object* object) { return static_cast<PropertyObject*>(object); }

void property_dealloc(Object* object) {
  PropertyObject* property = as_property(object);
  xdecref(property->getter);
  xdecref(property->setter);
  xdecref(property->deleter);
  xdecref(property->doc);
  xdecref(property->name);
  free_object_memory(object);
}

Object* none_to_null(Object* value) { return value == nullptr || is_none(value) ? nullptr : value; }

Object* property_make(Object* getter, Object* setter, Object* deleter, Object* doc, Object* name) {
  auto* property = allocate<PropertyObject>(&property_type);
  if (property == nullptr) return nullptr;
  property->getter = none_to_null(getter);
  property->setter = none_to_null(setter);
  property->deleter = none_to_null(deleter);
  property->doc = none_to_null(doc);
  property->name = name;
  xincref(property->getter);
  xincref(property->setter);
  xincref(property->deleter);
  xincref(property->doc);
  xincref(property->name);
  return property;
}

// The name CPython 3.11 puts in "property 'x' of 'C' object has no setter": the name given by
// __set_name__, else the getter's __name__.
std::string property_name(PropertyObject* property) {
  if (property->name != nullptr) return name_text(property->name);
  if (property->getter != nullptr) {
    Ref name = Ref::steal(object_lookup_attr_text(property->getter, "__name__"));
    if (name && is_str(name.get())) return name_text(name.get());
    clear_exception();
  }
  return "";
}

Object* property_missing(PropertyObject* property, Object* instance, const char* what) {
  return raise_error(&attribute_error_type, "property '" + property_name(property) + "' of '" +
                                                type_name(instance) + "' object has no " + what);
}

Object* property_get(Object* descriptor, Object* instance, Object*) {
  PropertyObject* property = as_property(descriptor);
  if (instance == nullptr) return new_ref(descriptor);
  if (property->getter == nullptr) return property_missing(property, instance, "getter");
  return call_object(property->getter, &instance, 1, nullptr);
}

int property_set(Object* descriptor, Object* instance, Object* value) {
  PropertyObject* property = as_property(descriptor);
  Object* function = value == nullptr ? property->deleter : property->setter;
  if (function == nullptr) {
    property_missing(property, instance, value == nullptr ? "deleter" : "setter");
    return -1;
  }
  Object* args[2] = {instance, value};
  Ref result = Ref::steal(call_object(function, args, value == nullptr ? 1 : 2, nullptr));
  return result ? 0 : -1;
}

Object* property_construct(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* values[4] = {nullptr, nullptr, nullptr, nullptr};
  static const char* const names[4] = {"fget", "fset", "fdel", "doc"};
  if (nargs > 4) return raise_error(&type_error_type, "property() takes at most 4 arguments (" + std::to_string(nargs) + " given)");
  for (std::size_t i = 0; i < nargs; ++i) values[i] = args[i];
  if (kwnames != nullptr) {
    for (std::int64_t k = 0; k < as_tuple(kwnames)->size; ++k) {
      std::string_view key = str_view(as_tuple(kwnames)->items[k]);
      bool known = false;
      for (int i = 0; i < 4; ++i) {
        if (key == names[i]) {
          values[i] = args[nargs + static_cast<std::size_t>(k)];
          known = true;
        }
      }
      if (!known) {
        return raise_error(&type_error_type, "property() got an unexpected keyword argument '" + std::string(key) + "'");
      }
    }
  }
  return property_make(values[0], values[1], values[2], values[3], nullptr);
}

Object* property_with(Object* self, std::size_t which, Object* const* args, std::size_t nargs, const char* name) {
  if (!check_exactly_one_argument(name, nargs)) return nullptr;
  PropertyObject* property = as_property(self);
  Object* parts[3] = {property->getter, property->setter, property->deleter};
  parts[which] = args[0];
  return property_make(parts[0], parts[1], parts[2], property->doc, property->name);
}

Object* property_getter(Object* self, Object* const* args, std::size_t nargs, Object*) {
  return property_with(self, 0, args, nargs, "getter");
}
Object* property_setter(Object* self, Object* const* args, std::size_t nargs, Object*) {
  return property_with(self, 1, args, nargs, "setter");
}
Object* property_deleter(Object* self, Object* const* args, std::size_t nargs, Object*) {
  return property_with(self, 2, args, nargs, "deleter");
}

Object* or_none(Object* value) { return new_ref(value != nullptr ? value : none()); }
Object* property_fget(Object* self) { return or_none(as_property(self)->getter); }
Object* property_fset(Object* self) { return or_none(as_property(self)->setter); }
Object* property_fdel(Object* self) { return or_none(as_property(self)->deleter); }
Object* property_doc(Object* self) {
  PropertyObject* property = as_property(self);
  if (property->doc == nullptr && property->getter != nullptr) {
    Object* doc = object_lookup_attr_text(property->getter, "__doc__");
    if (doc != nullptr) return doc;
    clear_exception();
  }
  return or_none(property->doc);
}
Object* property_set_name(Object* self, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 2) return raise_error(&type_error_type, "__set_name__() takes 2 positional arguments");
  PropertyObject* property = as_property(self);
  Object* old = property->name;
  property->name = new_ref(args[1]);
  xdecref(old);
  return new_ref(none());
}

const MethodDef property_methods[] = {
    {"getter", property_getter}, {"setter", property_setter}, {"deleter", property_deleter},
    {"__set_name__", property_set_name}, {nullptr, nullptr}};
const GetSetDef property_getsets[] = {
    {"fget", property_fget}, {"fset", property_fset}, {"fdel", property_fdel}, {"__doc__", property_doc},
    {nullptr, nullptr}};

// ---- member descriptors (__slots__) ----

MemberDescriptorObject* as_member(Object* object) { return static_cast<MemberDescriptorObject*>(object); }

void member_dealloc(Object* object) {
  decref(as_member(object)->name);
  free_object_memory(object);
}

Object** member_slot(MemberDescriptorObject* member, Object* instance) {
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(instance) + member->offset);
}

Object* member_missing(MemberDescriptorObject* member, Object* instance) {
  return raise_error(&attribute_error_type, std::string("'") + type_name(instance) +
                                                "' object has no attribute '" + name_text(member->name) + "'");
}

bool member_applies(MemberDescriptorObject* member, Object* instance) {
  if (is_subtype(type_of(instance), member->owner)) return true;
  raise_error(&type_error_type, "descriptor '" + name_text(member->name) + "' for '" + member->owner->name +
                                    "' objects doesn't apply to a '" + type_name(instance) + "' object");
  return false;
}

Object* member_get(Object* descriptor, Object* instance, Object*) {
  MemberDescriptorObject* member = as_member(descriptor);
  if (instance == nullptr) return new_ref(descriptor);
  if (!member_applies(member, instance)) return nullptr;
  Object* value = nullptr;
  {
    // The lock orders this read with a concurrent store that drops the old value.
    sync::CriticalSection section(sync::object_mutex(&instance->header));
    value = *member_slot(member, instance);
    xincref(value);
  }
  return value != nullptr ? value : member_missing(member, instance);
}

int member_set(Object* descriptor, Object* instance, Object* value) {
  MemberDescriptorObject* member = as_member(descriptor);
  if (!member_applies(member, instance)) return -1;
  Object* old = nullptr;
  {
    sync::CriticalSection section(sync::object_mutex(&instance->header));
    Object** slot = member_slot(member, instance);
    old = *slot;
    if (value == nullptr && old == nullptr) {
      // fall through to the error below, outside the lock
    } else {
      xincref(value);
      *slot = value;
    }
  }
  if (value == nullptr && old == nullptr) {
    raise_error_with_value(&attribute_error_type, member->name);  // CPython 3.11: AttributeError: z
    return -1;
  }
  xdecref(old);  // outside the lock: a destructor may run user code
  return 0;
}

Object* member_repr(Object* object) {
  MemberDescriptorObject* member = as_member(object);
  return str_from_utf8("<member '" + name_text(member->name) + "' of '" + member->owner->name + "' objects>");
}

// ---- getset descriptors (builtin properties such as __class__) ----

GetSetDescriptorObject* as_getset(Object* object) { return static_cast<GetSetDescriptorObject*>(object); }

Object* getset_get(Object* descriptor, Object* instance, Object*) {
  if (instance == nullptr) return new_ref(descriptor);
  return as_getset(descriptor)->definition->get(instance);
}

int getset_set(Object* descriptor, Object* instance, Object* value) {
  GetSetDescriptorObject* getset = as_getset(descriptor);
  if (getset->definition->set == nullptr || value == nullptr) {
    raise_error(&attribute_error_type, std::string("attribute '") + getset->definition->name + "' of '" +
                                           getset->owner->name + "' objects is not writable");
    return -1;
  }
  return getset->definition->set(instance, value);
}

Object* getset_repr(Object* object) {
  GetSetDescriptorObject* getset = as_getset(object);
  return str_from_utf8(std::string("<attribute '") + getset->definition->name + "' of '" +
                       getset->owner->name + "' objects>");
}

// ---- functions are descriptors: obj.f binds ----

Object* function_get(Object* function, Object* instance, Object*) {
  if (instance == nullptr) return new_ref(function);
  return method_new(function, instance);
}

Object* builtin_method_get(Object* function, Object* instance, Object*) {
  auto* builtin = static_cast<BuiltinFunctionObject*>(function);
  if (instance == nullptr || !builtin->is_unbound) return new_ref(function);
  return builtin_function_new(builtin->definition, instance, builtin->owner);
}

void init_descriptor_type(TypeObject& type, const char* name, std::size_t size, DeallocSlot dealloc) {
  init_static_type(type, name, size, &object_type, 0);
  type.dealloc = dealloc;
}

}  // namespace

Object* method_new(Object* function, Object* self) {
  auto* method = allocate<MethodObject>(&method_type);
  if (method == nullptr) return nullptr;
  method->function = new_ref(function);
  method->self = new_ref(self);
  return method;
}

Object* staticmethod_new(Object* callable) { return wrapper_new(&staticmethod_type, callable); }
Object* classmethod_new(Object* callable) { return wrapper_new(&classmethod_type, callable); }

Object* member_descriptor_new(TypeObject* owner, Object* name, std::uint32_t offset) {
  auto* member = allocate<MemberDescriptorObject>(&member_descriptor_type);
  if (member == nullptr) return nullptr;
  member->owner = owner;
  member->name = new_ref(name);
  member->offset = offset;
  return member;
}

Object* getset_descriptor_new(TypeObject* owner, const GetSetDef* definition) {
  auto* getset = allocate<GetSetDescriptorObject>(&getset_descriptor_type);
  if (getset == nullptr) return nullptr;
  getset->owner = owner;
  getset->definition = definition;
  return getset;
}

Object* bind_attribute(Object* attribute, Object* instance, TypeObject* owner) {
  DescrGetSlot get = type_of(attribute)->descr_get;
  if (get == nullptr) return new_ref(attribute);
  return get(attribute, instance, owner);
}

void init_descriptor_types() {
  init_descriptor_type(method_type, "method", sizeof(MethodObject), method_dealloc);
  method_type.call = method_call;
  method_type.repr = method_repr;
  method_type.getattr = method_getattr;
  method_type.rich_compare = method_compare;

  init_descriptor_type(staticmethod_type, "staticmethod", sizeof(WrapperDescriptorObject), wrapper_dealloc);
  staticmethod_type.flags |= type_flags::kBaseType;
  staticmethod_type.descr_get = staticmethod_get;
  staticmethod_type.call = staticmethod_call;
  staticmethod_type.new_instance = wrapper_construct;
  staticmethod_type.getsets = wrapper_getsets;
  init_descriptor_type(classmethod_type, "classmethod", sizeof(WrapperDescriptorObject), wrapper_dealloc);
  classmethod_type.flags |= type_flags::kBaseType;
  classmethod_type.descr_get = classmethod_get;
  classmethod_type.new_instance = wrapper_construct;
  classmethod_type.getsets = wrapper_getsets;

  init_descriptor_type(property_type, "property", sizeof(PropertyObject), property_dealloc);
  property_type.flags |= type_flags::kBaseType;
  property_type.descr_get = property_get;
  property_type.descr_set = property_set;
  property_type.new_instance = property_construct;
  property_type.methods = property_methods;
  property_type.getsets = property_getsets;

  init_descriptor_type(member_descriptor_type, "member_descriptor", sizeof(MemberDescriptorObject), member_dealloc);
  member_descriptor_type.descr_get = member_get;
  member_descriptor_type.descr_set = member_set;
  member_descriptor_type.repr = member_repr;

  init_descriptor_type(getset_descriptor_type, "getset_descriptor", sizeof(GetSetDescriptorObject), free_object_memory);
  getset_descriptor_type.descr_get = getset_get;
  getset_descriptor_type.descr_set = getset_set;
  getset_descriptor_type.repr = getset_repr;

  function_type.descr_get = function_get;
  builtin_function_type.descr_get = builtin_method_get;
}

}  // namespace stitch
