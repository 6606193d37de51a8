// Classes: types made at run time by a `class` statement or by type(name, bases, dict).
//
// A class is a HeapTypeObject: a TypeObject whose attribute dict is the class namespace, whose MRO
// is the C3 linearization of its bases, and whose slots are either inherited from its native base
// (the builtin type whose layout its instances extend: object, list, dict, int, float, an
// exception type) or generic dispatchers that look the dunder method up in the MRO and call it
// (class_slots.cpp). Attribute lookup follows Python: data descriptors on the type, then the
// instance __dict__, then other class attributes (class_instance.cpp).
//
// Instance layout: the native base's layout, then (optionally) one pointer to the instance's own
// attributes at `dict_offset` (a values block indexed by a Shape, or a dict: instance_attributes.h),
// then one pointer per __slots__ name. Instances hold a reference to their class (taken in
// allocate_object, dropped by the instance dealloc).
//
// Thread safety: a class's dict is shared and mutable. Writes to it (C.x = v, del C.x) take the
// class's object lock, change the dict and bump `version` (release) while holding it, so a reader
// that sees the new version also sees the new dict entry. Reads go straight to the dict, which is
// itself thread-safe. `bases` and `mro` never change after creation. Instance attributes are
// written under the instance's object lock (instance_attributes.h).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

struct Shape;

struct HeapTypeObject : TypeObject {
  char* name_storage = nullptr;         // NUL-terminated __name__; TypeObject::name points here
  TypeObject* native_base = nullptr;    // the builtin type whose layout instances extend
  std::uint32_t dict_offset = 0;        // byte offset of the instance __dict__ pointer; 0 = none
  std::uint32_t slot_count = 0;         // __slots__ members declared by this class itself
  Shape* shape_root = nullptr;          // root of the instances' shape tree (when dict_offset != 0)
  HeapTypeObject* previous_class = nullptr;  // every live class, for clear_all_classes()
  HeapTypeObject* next_class = nullptr;
  std::uint64_t runtime_serial = 0;     // rt::Runtime::serial() of the runtime that created it
};

inline bool is_heap_type(const TypeObject* type) { return type_has_flag(type, type_flags::kHeapType); }
inline bool is_type(const Object* object) { return type_has_flag(type_of(object), type_flags::kTypeSubclass); }
inline HeapTypeObject* as_heap_type(TypeObject* type) { return static_cast<HeapTypeObject*>(type); }

/// type(name, bases, namespace): a new class. `bases` is a tuple (empty means (object,)).
Object* type_new_class(Object* name, Object* bases, Object* namespace_dict);
/// The same for a metaclass: a class whose type is `metatype` (a subclass of type), as
/// type.__new__(metatype, name, bases, namespace).
Object* type_new_class_of(TypeObject* metatype, Object* name, Object* bases, Object* namespace_dict);
/// The metaclass a class statement uses: the most derived of `explicit_metatype` (may be nullptr)
/// and the types of `bases`; nullptr with CPython's "metaclass conflict" TypeError otherwise.
TypeObject* most_derived_metatype(TypeObject* explicit_metatype, Object* bases);

/// C3 linearization of `type` with `bases` (tuple of types): a new tuple starting with `type`, or
/// nullptr with CPython's TypeError when the bases admit no consistent order.
Object* compute_mro(TypeObject* type, Object* bases);

/// Looks `name` up along type's MRO without binding: a class dict entry, or a descriptor made for a
/// builtin type's method, property or slot. New reference; nullptr WITHOUT an exception if absent.
Object* type_lookup(TypeObject* type, Object* name);
/// True if a class (heap type) on type's MRO, before the first builtin type, defines `name`.
bool heap_type_defines(TypeObject* type, const char* name);

/// The instance __dict__ slot of `object`, or nullptr when its type gives instances no __dict__.
std::atomic<Object*>* instance_dict_slot(Object* object);
/// The instance __dict__ (switching the instance to dict mode). New reference, or nullptr
/// (AttributeError when the instance has none).
Object* instance_dict(Object* object);

/// Default repr of instances: <__main__.C object at 0x7f...>.
Object* object_default_repr(Object* object);
/// Generic attribute access (object.__getattribute__ / __setattr__ semantics for any object).
Object* generic_getattr(Object* object, Object* name);
int generic_setattr(Object* object, Object* name, Object* value);
/// Attributes of type objects (C.x, int.__name__, C.x = v).
Object* type_getattr(Object* type, Object* name);
int type_setattr(Object* type, Object* name, Object* value);

/// The type's __module__ and __qualname__ as Python prints them in reprs ("__main__", "C.D").
std::string type_qualified_name(TypeObject* type);

/// object.__new__ and object.__init__ (with CPython's excess-argument rules).
Object* object_new(TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames);
int object_init(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);

/// Installs the type slots of a class: generic dispatchers for dunders its MRO defines in class
/// dicts, the native base's slots otherwise (class_slots.cpp).
void install_class_slots(HeapTypeObject* type);

/// The attribute one class on an MRO contributes by itself (no inheritance), as type_lookup.
Object* type_lookup_own(TypeObject* type, Object* name);

/// __new__ / __init__ of a builtin base for its subclasses (nullptr: subclassing unsupported).
NewSlot native_subtype_new(TypeObject* native);
InitSlot native_init(TypeObject* native);
void heap_instance_dealloc(Object* object);
/// Where a class's part of an instance starts (after the native base's fields; for str after the text).
std::size_t class_area_offset(Object* object);
/// format(value, spec) when a class defines __format__ (*handled false otherwise).
Object* class_instance_format(Object* value, Object* spec, bool* handled);

/// type(self).<name>(self, *args) when type(self) has such an attribute (*found tells).
Object* call_special_method(Object* self, const char* name, Object* const* args, std::size_t nargs, bool* found);

/// Set by the interpreter: finds the class and first argument of the calling method for super().
extern bool (*super_zero_argument_resolver)(TypeObject** start, Object** self);

/// Breaks the reference cycles of every class (its MRO names itself; its methods' __class__ cells
/// and globals lead back to it) by emptying its dict and dropping its MRO, so that classes and what
/// they hold are freed. For interpreter shutdown, when no other thread runs Python code (until
/// the cycle collector exists).
void clear_all_classes();
/// The same for the classes one runtime created (rt::Runtime::serial()), for a runtime that shuts
/// down while other runtimes of the process go on (the embedding API).
void clear_classes_of_runtime(std::uint64_t runtime_serial);

void init_descriptor_types();
void init_slot_wrapper_type();
void init_super_type();
/// After init_constructors: type's attribute slots, object.__new__/__init__, descriptor types.
void init_class_types();

}  // namespace stitch
