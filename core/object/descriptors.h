// Descriptors and the objects that make methods work: bound methods, staticmethod, classmethod,
// property, member descriptors (__slots__), getset descriptors and slot wrappers (builtin types'
// properties and dunders seen from Python, e.g. object.__init__), and super.
//
// A descriptor is an object whose type has `descr_get` (and, for a data descriptor, `descr_set`).
// Attribute lookup calls descr_get(descriptor, instance, owner); instance is nullptr when the
// lookup is on the class itself. Functions are non-data descriptors that bind to the instance.
#pragma once

#include <cstdint>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

/// A Python function bound to an instance (`obj.method`): calling it prepends `self`.
struct MethodObject : Object {
  Object* function;  // owned
  Object* self;      // owned
};

/// staticmethod(f) and classmethod(f): `callable` is what they wrap.
struct WrapperDescriptorObject : Object {
  Object* callable;  // owned
};

struct PropertyObject : Object {
  Object* getter;   // owned or nullptr (each)
  Object* setter;
  Object* deleter;
  Object* doc;
  Object* name;     // str set by __set_name__, or nullptr
};

/// One __slots__ entry: the value lives at `offset` bytes into the instance.
struct MemberDescriptorObject : Object {
  TypeObject* owner;  // borrowed: the class's dict keeps the descriptor, the class outlives it
  Object* name;       // owned str
  std::uint32_t offset;
};

struct GetSetDescriptorObject : Object {
  TypeObject* owner;
  const GetSetDef* definition;
};

/// A builtin type's dunder exposed as a method: list.__init__, object.__repr__, int.__add__ ...
struct SlotWrapperDef;
struct SlotWrapperObject : Object {
  TypeObject* owner;                // the builtin type whose slot runs
  const SlotWrapperDef* definition;
  Object* self;                     // owned when bound, nullptr when looked up on the type
};

struct SuperObject : Object {
  TypeObject* start;   // owned: lookups start after this class in the MRO of `self`'s type
  Object* self;        // owned instance or class, or nullptr (unbound super)
  TypeObject* self_type;  // owned: type(self), or self itself when self is a class
};

extern TypeObject method_type;
extern TypeObject staticmethod_type;
extern TypeObject classmethod_type;
extern TypeObject property_type;
extern TypeObject member_descriptor_type;
extern TypeObject getset_descriptor_type;
extern TypeObject slot_wrapper_type;
extern TypeObject super_type;

inline bool is_method(const Object* object) { return type_of(object) == &method_type; }
inline MethodObject* as_method(Object* object) { return static_cast<MethodObject*>(object); }

Object* method_new(Object* function, Object* self);
Object* member_descriptor_new(TypeObject* owner, Object* name, std::uint32_t offset);
Object* staticmethod_new(Object* callable);
Object* classmethod_new(Object* callable);
/// A descriptor for builtin `type`'s getset / slot named `name`, or nullptr (no exception).
Object* getset_descriptor_new(TypeObject* owner, const GetSetDef* definition);
Object* builtin_slot_wrapper_lookup(TypeObject* owner, std::string_view name);

/// super(type, obj) (the zero-argument form is resolved by the interpreter, which knows the frame).
Object* super_new_bound(TypeObject* start, Object* self);

/// Binds `attribute` found on a type: descr_get(attribute, instance, owner) if it is a descriptor,
/// else a new reference to it.
Object* bind_attribute(Object* attribute, Object* instance, TypeObject* owner);

void init_descriptor_types();

}  // namespace stitch
