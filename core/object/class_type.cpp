// Creating classes (type(name, bases, dict)), looking attributes up along the MRO, and the
// attributes of type objects. See class_type.h for the layout and locking rules.
#include "core/object/class_type.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/object/alloc.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/descriptors.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/function.h"
#include "core/object/int.h"
#include "core/object/iterators.h"
#include "core/object/list.h"
#include "core/object/shape.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/runtime/runtime.h"
#include "core/sync/critical_section.h"
#include "core/sync/mutex.h"
#include "core/sync/object_lock.h"

namespace stitch {

namespace {

TypeObject* native_base_of(TypeObject* type) {
  return is_heap_type(type) ? as_heap_type(type)->native_base : type;
}

std::uint32_t dict_offset_of(TypeObject* type) {
  return is_heap_type(type) ? as_heap_type(type)->dict_offset : 0;
}

// A builtin type's own method, property or dunder named `name`, as a descriptor.
Object* builtin_type_type_lookup_own(TypeObject* type, std::string_view name) {
  if (type->methods != nullptr) {
    for (const MethodDef* method = type->methods; method->name != nullptr; ++method) {
      if (name != method->name) continue;
      switch (method->kind) {
        case MethodDef::kInstance: return builtin_unbound_method_new(method, type->name);
        case MethodDef::kClass: return builtin_function_new(method, type, type->name);
        case MethodDef::kStatic: return builtin_function_new(method, nullptr, type->name);
      }
    }
  }
  if (type->getsets != nullptr) {
    for (const GetSetDef* getset = type->getsets; getset->name != nullptr; ++getset) {
      if (name == getset->name) return getset_descriptor_new(type, getset);
    }
  }
  return builtin_slot_wrapper_lookup(type, name);
}


// Every live class, so that shutdown can break their cycles (clear_all_classes).
sync::Mutex live_classes_lock;
HeapTypeObject* live_classes STITCH_GUARDED_BY(live_classes_lock) = nullptr;

void register_class(HeapTypeObject* type) {
  sync::CriticalSection guard(live_classes_lock);
  type->next_class = live_classes;
  if (live_classes != nullptr) live_classes->previous_class = type;
  live_classes = type;
}

void unregister_class(HeapTypeObject* type) {
  sync::CriticalSection guard(live_classes_lock);
  if (type->previous_class != nullptr) type->previous_class->next_class = type->next_class;
  if (type->next_class != nullptr) type->next_class->previous_class = type->previous_class;
  if (live_classes == type) live_classes = type->next_class;
}

// After `C.__dunder__ = value`: classes that inherit from C re-derive their slots too.
void reinstall_subclass_slots(TypeObject* changed) {
  std::vector<Ref> subclasses;
  {
    sync::CriticalSection guard(live_classes_lock);
    for (HeapTypeObject* type = live_classes; type != nullptr; type = type->next_class) {
      if (type != changed && type->mro != nullptr && is_subtype(type, changed)) subclasses.push_back(Ref::borrow(type));
    }
  }
  for (Ref& subclass : subclasses) {
    auto* type = as_heap_type(static_cast<TypeObject*>(subclass.get()));
    sync::CriticalSection section(sync::object_mutex(&type->header));
    install_class_slots(type);
    type->version.fetch_add(1, std::memory_order_release);
  }
}

void type_dealloc(Object* object) {
  auto* type = as_heap_type(static_cast<TypeObject*>(object));
  unregister_class(type);
  xdecref(type->bases);
  xdecref(type->mro);
  xdecref(type->dict);
  xdecref(type->qualname);
  xdecref(type->module_name);
  std::free(type->name_storage);
  shape_tree_free(type->shape_root);  // no instance is left: they hold a reference to the class
  type->~HeapTypeObject();
  free_object_memory(object);
}

Object* attribute_error_on_type(TypeObject* type, Object* name) {
  return raise_error(&attribute_error_type, std::string("type object '") + type->name +
                                                "' has no attribute '" + std::string(str_view(name)) + "'");
}

Object* builtin_mro_tuple(TypeObject* type) {
  std::int64_t count = 0;
  for (TypeObject* t = type; t != nullptr; t = t->base) ++count;
  Object* tuple = tuple_new_uninitialized(count);
  if (tuple == nullptr) return nullptr;
  std::int64_t i = 0;
  for (TypeObject* t = type; t != nullptr; t = t->base) as_tuple(tuple)->items[i++] = new_ref(t);
  return tuple;
}

// C.__dict__: CPython returns a read-only mappingproxy; Stitch returns a copy of the class dict.
Object* type_dict_view(TypeObject* type) {
  if (type->dict != nullptr) return dict_copy(type->dict);
  return dict_new();
}

// The special attributes every type has (the getsets of `type` in CPython).
Object* type_special_attribute(TypeObject* type, std::string_view key, bool* found) {
  *found = true;
  if (key == "__name__") return str_from_utf8(type->name);
  if (key == "__qualname__") {
    return type->qualname != nullptr ? new_ref(type->qualname) : str_from_utf8(type->name);
  }
  if (key == "__mro__") return type->mro != nullptr ? new_ref(type->mro) : builtin_mro_tuple(type);
  if (key == "__bases__") {
    if (type->bases != nullptr) return new_ref(type->bases);
    return type->base != nullptr ? tuple_pack({type->base}) : new_ref(empty_tuple());
  }
  if (key == "__base__") return new_ref(type->base != nullptr ? static_cast<Object*>(type->base) : none());
  if (key == "__dict__") return type_dict_view(type);
  if (key == "__class__") return new_ref(type_of(type));
  if (!is_heap_type(type)) {
    if (key == "__module__") return type->module_name != nullptr ? new_ref(type->module_name) : str_intern("builtins");
    if (key == "__doc__") return new_ref(none());
  }
  *found = false;
  return nullptr;
}

// C.mro(): the MRO as a list.
Object* type_mro(Object* self, Object* const*, std::size_t nargs, Object*) {
  if (nargs != 0) return raise_error(&type_error_type, "type.mro() takes no arguments (" + std::to_string(nargs) + " given)");
  auto* type = static_cast<TypeObject*>(self);
  Ref mro = type->mro != nullptr ? Ref::borrow(type->mro) : Ref::steal(builtin_mro_tuple(type));
  if (!mro) return nullptr;
  return list_from_iterable(mro.get());
}

const MethodDef type_mro_method{"mro", type_mro, MethodDef::kInstance};

bool is_dunder(std::string_view name) {
  return name.size() > 4 && name.substr(0, 2) == "__" && name.substr(name.size() - 2) == "__";
}

// __slots__ as a list of names ('a' alone means ('a',)).
Object* slot_names(Object* slots) {
  if (is_str(slots)) return tuple_pack({slots});
  Object* list = list_from_iterable(slots);
  if (list == nullptr) return nullptr;
  ListObject* items = as_list(list);
  for (std::int64_t i = 0; i < items->size.load(std::memory_order_relaxed); ++i) {
    Ref item = Ref::steal(list_item_ref(items, i));
    if (!is_str(item.get())) {
      decref(list);
      return raise_error(&type_error_type, std::string("__slots__ items must be strings, not '") +
                                               type_of(item.get())->name + "'");
    }
  }
  return list;
}

// The nearest class on `type`'s base chain that added __slots__ members, or its native base.
TypeObject* solid_base(TypeObject* type) {
  while (is_heap_type(type) && as_heap_type(type)->slot_count == 0) type = type->base;
  return type;
}

// Chooses the builtin layout the new class's instances extend, and the base that provides it.
TypeObject* choose_layout_base(Object* bases, TypeObject** native) {
  TypeObject* best = nullptr;
  *native = &object_type;
  TupleObject* tuple = as_tuple(bases);
  TypeObject* solid = &object_type;
  for (std::int64_t i = 0; i < tuple->size; ++i) {
    auto* base = static_cast<TypeObject*>(tuple->items[i]);
    // Two bases that both lay out __slots__ members at the same offsets cannot be combined.
    TypeObject* base_solid = solid_base(base);
    if (is_subtype(base_solid, solid)) {
      solid = base_solid;
    } else if (!is_subtype(solid, base_solid)) {
      raise_error(&type_error_type, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
    TypeObject* candidate = native_base_of(base);
    if (is_subtype(candidate, *native)) {
      if (candidate != *native || best == nullptr || base->basic_size > best->basic_size) best = base;
      *native = candidate;
    } else if (!is_subtype(*native, candidate)) {
      raise_error(&type_error_type, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return best != nullptr ? best : &object_type;
}

bool check_bases(Object* bases) {
  TupleObject* tuple = as_tuple(bases);
  for (std::int64_t i = 0; i < tuple->size; ++i) {
    Object* base = tuple->items[i];
    if (!is_type(base)) {
      raise_error(&type_error_type, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                                    "subclass of the metaclasses of all its bases");
      return false;
    }
    TypeObject* native = native_base_of(static_cast<TypeObject*>(base));
    if (type_has_flag(native, type_flags::kBaseType) && native_subtype_new(native) == nullptr) {
      raise_error(&type_error_type, std::string("Stitch: subclassing '") + native->name + "' is not supported yet");
      return false;
    }
    if (!type_has_flag(static_cast<TypeObject*>(base), type_flags::kBaseType)) {
      raise_error(&type_error_type, std::string("type '") + static_cast<TypeObject*>(base)->name +
                                        "' is not an acceptable base type");
      return false;
    }
  }
  return true;
}

// __new__ is an implicit staticmethod; __init_subclass__ and __class_getitem__ implicit classmethods.
bool wrap_implicit_methods(Object* dict) {
  static const struct { const char* name; Object* (*wrap)(Object*); } implicit[] = {
      {"__new__", staticmethod_new}, {"__init_subclass__", classmethod_new}, {"__class_getitem__", classmethod_new}};
  for (const auto& entry : implicit) {
    Ref value = Ref::steal(dict_get_item_str(dict, entry.name));
    if (!value || !is_function(value.get())) continue;
    Ref wrapped = Ref::steal(entry.wrap(value.get()));
    if (!wrapped || dict_set_item_str(dict, entry.name, wrapped.get()) < 0) return false;
  }
  return true;
}

// Lays out __slots__ members and the instance dict; fills dict_offset, basic_size, members.
bool lay_out_instances(HeapTypeObject* type, TypeObject* layout_base) {
  std::size_t size = layout_base->basic_size;
  type->dict_offset = dict_offset_of(layout_base);
  bool wants_dict = true;
  Ref slots = Ref::steal(dict_get_item_str(type->dict, "__slots__"));
  if (type->native_base == &type_type) {
    // A metaclass: its instances are classes, whose attributes live in their own namespace dict.
    if (slots) {
      Ref names = Ref::steal(slot_names(slots.get()));
      Ref iterator = names ? Ref::steal(object_get_iter(names.get())) : Ref();
      Ref first = iterator ? Ref::steal(iter_next(iterator.get())) : Ref();
      if (first) {
        raise_error(&type_error_type, "Stitch: nonempty __slots__ in a metaclass are not supported");
        return false;
      }
      if (has_exception()) return false;
    }
    type->basic_size = size;
    return true;
  }
  if (slots) {
    wants_dict = false;
    if (type->native_base == &str_type || type->native_base == &int_type || type->native_base == &tuple_type) {
      Ref names = Ref::steal(slot_names(slots.get()));
      if (!names) return false;
      Ref count = Ref::steal(object_get_iter(names.get()));
      Ref first = count ? Ref::steal(iter_next(count.get())) : Ref();
      if (first) {
        raise_error(&type_error_type, std::string("nonempty __slots__ not supported for subtype of '") +
                                          type->native_base->name + "'");
        return false;
      }
      if (has_exception()) return false;
    }
    Ref names = Ref::steal(slot_names(slots.get()));
    if (!names) return false;
    Ref iterator = Ref::steal(object_get_iter(names.get()));
    if (!iterator) return false;
    while (Ref name = Ref::steal(iter_next(iterator.get()))) {
      if (str_view(name.get()) == "__dict__") {
        wants_dict = true;
        continue;
      }
      if (str_view(name.get()) == "__weakref__") continue;  // Stitch has no weak references yet
      Ref member = Ref::steal(member_descriptor_new(type, name.get(), static_cast<std::uint32_t>(size)));
      if (!member || dict_set_item(type->dict, name.get(), member.get()) < 0) return false;
      size += sizeof(Object*);
      ++type->slot_count;
    }
    if (has_exception()) return false;
  } else if (has_exception()) {
    return false;
  }
  if (wants_dict && type->dict_offset == 0) {
    type->dict_offset = static_cast<std::uint32_t>(size);
    size += sizeof(Object*);
  }
  if (type->dict_offset != 0) {
    type->flags |= type_flags::kHasInstanceDict;
    type->shape_root = shape_new_root();
    if (type->shape_root == nullptr) {
      raise_error(&memory_error_type, "");
      return false;
    }
  }
  type->basic_size = size;
  return true;
}

// Calls __set_name__ on the new class's attributes that define it (property names itself).
bool notify_set_name(TypeObject* type) {
  std::int64_t position = 0;
  Object* key = nullptr;
  Object* value = nullptr;
  Ref snapshot = Ref::steal(dict_copy(type->dict));
  if (!snapshot) return false;
  while (dict_next(snapshot.get(), &position, &key, &value)) {
    TypeObject* value_type = type_of(value);
    if (value_type != &property_type && !is_heap_type(value_type)) continue;
    Ref hook = Ref::steal(type_lookup(value_type, str_intern("__set_name__")));
    if (!hook) continue;
    Ref bound = Ref::steal(bind_attribute(hook.get(), value, value_type));
    if (!bound) return false;
    Object* args[2] = {type, key};
    Ref result = Ref::steal(call_object(bound.get(), args, 2, nullptr));
    if (!result) return false;
  }
  return true;
}

// A class object whose type is `metatype` (type, or a metaclass deriving from it). A class holds
// a reference to a metaclass other than type, dropped by the metaclass's heap_instance_dealloc.
HeapTypeObject* allocate_heap_type(TypeObject* metatype) {
  void* memory = exec_state().thread->allocate_object(sizeof(HeapTypeObject));
  if (memory == nullptr) {
    raise_error(&memory_error_type, "");
    return nullptr;
  }
  auto* type = new (memory) HeapTypeObject();
  rc::init_owned(&type->header, metatype);
  // Every instance references its class, and every thread that uses it: counted per thread
  // (refcount/deferred.h). Classes are cycles (their MRO names them), so counting alone never
  // freed them anyway.
  make_deferred(type);
  if (metatype != &type_type) incref(metatype);
  if (rt::ThreadState* thread = exec_state().thread; thread != nullptr) type->runtime_serial = thread->runtime().serial();
  register_class(type);
  return type;
}

}  // namespace

Object* type_lookup_own(TypeObject* type, Object* name) {
  if (is_heap_type(type)) return dict_get_item(type->dict, name);
  return builtin_type_type_lookup_own(type, str_view(name));
}

std::atomic<Object*>* instance_dict_slot(Object* object) {
  TypeObject* type = type_of(object);
  if (!type_has_flag(type, type_flags::kHasInstanceDict)) {
    // Builtin exceptions have a __dict__ of their own (BaseException's), in the object.
    if (!is_heap_type(type) && type_has_flag(type, type_flags::kExceptionSubclass)) {
      return &static_cast<ExceptionObject*>(object)->dict;
    }
    return nullptr;
  }
  HeapTypeObject* heap = as_heap_type(type);
  // A str or tuple subclass keeps its class area after the inline text or items, so the __dict__
  // offset is relative to where that area starts.
  TypeObject* native = heap->native_base;
  std::size_t offset = native == &str_type || native == &tuple_type
                           ? class_area_offset(object) + (heap->dict_offset - native->basic_size)
                           : heap->dict_offset;
  return reinterpret_cast<std::atomic<Object*>*>(reinterpret_cast<char*>(object) + offset);
}

Object* type_lookup(TypeObject* type, Object* name) {
  if (type->mro == nullptr) {
    for (TypeObject* t = type; t != nullptr; t = t->base) {
      Object* found = type_lookup_own(t, name);
      if (found != nullptr || has_exception()) return found;
    }
    return nullptr;
  }
  // clear_all_classes (shutdown) may drop the MRO meanwhile, so an ordinary one is held; a
  // deferred one (every class's, normally) is freed only by the runtime's shutdown sweep, when
  // no other thread runs, so reading it needs no reference (and no per-thread count update).
  Object* mro = type->mro;
  const bool hold = !is_deferred(mro);
  if (hold) incref(mro);
  TupleObject* tuple = as_tuple(mro);
  Object* found = nullptr;
  for (std::int64_t i = 0; i < tuple->size; ++i) {
    found = type_lookup_own(static_cast<TypeObject*>(tuple->items[i]), name);
    if (found != nullptr || has_exception()) break;
  }
  if (hold) decref(mro);
  return found;
}

bool heap_type_defines(TypeObject* type, const char* name) {
  if (type->mro == nullptr) return false;
  // Callers ask while an exception may be in flight (slot_getattr after __getattribute__ raised):
  // it must survive the lookups, and a failing lookup here means "not defined".
  Object* pending = take_exception();
  bool defined = false;
  TupleObject* tuple = as_tuple(type->mro);
  for (std::int64_t i = 0; i < tuple->size && !defined; ++i) {
    auto* t = static_cast<TypeObject*>(tuple->items[i]);
    if (!is_heap_type(t)) break;
    Ref value = Ref::steal(dict_get_item_str(t->dict, name));
    defined = static_cast<bool>(value);
    clear_exception();
  }
  if (pending != nullptr) restore_exception(pending);
  return defined;
}

std::string type_qualified_name(TypeObject* type) {
  std::string qualname = type->qualname != nullptr ? std::string(str_view(type->qualname)) : type->name;
  if (!is_heap_type(type)) {
    // A native module's type (collections.deque) names its module, as CPython's tp_name does.
    return type->module_name != nullptr ? std::string(str_view(type->module_name)) + "." + qualname : qualname;
  }
  Ref module = Ref::steal(dict_get_item_str(type->dict, "__module__"));
  if (!module || !is_str(module.get())) {
    clear_exception();
    return qualname;
  }
  std::string_view module_name = str_view(module.get());
  if (module_name == "builtins") return qualname;
  return std::string(module_name) + "." + qualname;
}

Object* type_getattr(Object* object, Object* name) {
  auto* type = static_cast<TypeObject*>(object);
  std::string_view key = str_view(name);
  if (key.size() > 4 && key[0] == '_' && key[1] == '_') {
    bool found = false;
    Object* special = type_special_attribute(type, key, &found);
    if (found) return special;
  }
  // A metaclass's data descriptors (a property on it) win over the class's own attributes; its
  // other attributes (methods) come after them, bound to the class, as in CPython.
  TypeObject* metatype = type_of(object);
  Ref meta_attribute;
  if (metatype != &type_type) {
    meta_attribute = Ref::steal(type_lookup(metatype, name));
    if (!meta_attribute && has_exception()) return nullptr;
    if (meta_attribute && type_of(meta_attribute.get())->descr_set != nullptr) {
      return bind_attribute(meta_attribute.get(), object, metatype);
    }
  }
  Ref attribute = Ref::steal(type_lookup(type, name));
  if (!attribute) {
    if (has_exception()) return nullptr;
    if (meta_attribute) return bind_attribute(meta_attribute.get(), object, metatype);
    if (key == "mro") return builtin_function_new(&type_mro_method, type, "type");
    return nullptr;  // object_getattr raises "type object 'C' has no attribute 'x'"
  }
  return bind_attribute(attribute.get(), nullptr, type);
}

int type_setattr(Object* object, Object* name, Object* value) {
  auto* type = static_cast<TypeObject*>(object);
  if (!is_heap_type(type)) {
    raise_error(&type_error_type, "cannot set '" + std::string(str_view(name)) +
                                      "' attribute of immutable type '" + type->name + "'");
    return -1;
  }
  bool missing = false;
  {
    // The class lock serializes writers, so the version bump and the dict change appear together.
    sync::CriticalSection section(sync::object_mutex(&type->header));
    int status = value != nullptr ? dict_set_item(type->dict, name, value) : dict_del_item(type->dict, name);
    if (status < 0) {
      if (value != nullptr || !exception_matches(&key_error_type)) return -1;
      clear_exception();
      missing = true;
    } else {
      // Release: pairs with the acquire load of specialized code that guards on the version.
      type->version.fetch_add(1, std::memory_order_release);
      if (is_dunder(str_view(name))) install_class_slots(as_heap_type(type));
    }
  }
  if (missing) {
    attribute_error_on_type(type, name);
    return -1;
  }
  if (is_dunder(str_view(name))) reinstall_subclass_slots(type);
  return 0;
}

TypeObject* most_derived_metatype(TypeObject* explicit_metatype, Object* bases) {
  TypeObject* winner = explicit_metatype;
  TupleObject* tuple = as_tuple(bases);
  for (std::int64_t i = 0; i < tuple->size; ++i) {
    TypeObject* candidate = type_of(tuple->items[i]);
    if (winner == nullptr || is_subtype(candidate, winner)) {
      winner = candidate;
    } else if (!is_subtype(winner, candidate)) {
      raise_error(&type_error_type, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                                    "subclass of the metaclasses of all its bases");
      return nullptr;
    }
  }
  return winner != nullptr ? winner : &type_type;
}

Object* type_new_class(Object* name, Object* bases, Object* namespace_dict) {
  return type_new_class_of(&type_type, name, bases, namespace_dict);
}

Object* type_new_class_of(TypeObject* metatype, Object* name, Object* bases, Object* namespace_dict) {
  if (!is_str(name)) return raise_error(&type_error_type, "type.__new__() argument 1 must be str");
  if (!is_tuple(bases)) return raise_error(&type_error_type, "type.__new__() argument 2 must be tuple");
  if (!is_dict(namespace_dict)) return raise_error(&type_error_type, "type.__new__() argument 3 must be dict");
  Ref base_tuple = as_tuple(bases)->size == 0 ? Ref::steal(tuple_pack({&object_type})) : Ref::borrow(bases);
  if (!base_tuple || !check_bases(base_tuple.get())) return nullptr;
  TypeObject* native = nullptr;
  TypeObject* layout_base = choose_layout_base(base_tuple.get(), &native);
  if (layout_base == nullptr) return nullptr;

  HeapTypeObject* type = allocate_heap_type(metatype);
  if (type == nullptr) return nullptr;
  Ref owner = Ref::steal(type);
  std::string_view text = str_view(name);
  type->name_storage = static_cast<char*>(std::malloc(text.size() + 1));
  if (type->name_storage == nullptr) return raise_error(&memory_error_type, "");
  std::memcpy(type->name_storage, text.data(), text.size());
  type->name_storage[text.size()] = '\0';
  type->name = type->name_storage;
  type->native_base = native;
  type->base = layout_base;
  std::uint32_t inherited = 0;
  for (std::int64_t i = 0; i < as_tuple(base_tuple.get())->size; ++i) {
    inherited |= static_cast<TypeObject*>(as_tuple(base_tuple.get())->items[i])->flags;
  }
  type->flags = type_flags::kHeapType | type_flags::kBaseType |
                (inherited & ~(type_flags::kHeapType | type_flags::kHasInstanceDict));
  type->bases = base_tuple.release();
  type->dict = dict_copy(namespace_dict);
  if (type->dict == nullptr) return nullptr;
  make_deferred(type->dict);
  type->mro = compute_mro(type, type->bases);
  if (type->mro == nullptr) return nullptr;
  make_deferred(type->mro);  // every attribute lookup walks it

  Ref qualname = Ref::steal(dict_get_item_str(type->dict, "__qualname__"));
  if (qualname) {
    if (!is_str(qualname.get())) {
      return raise_error(&type_error_type, std::string("type __qualname__ must be a str, not ") +
                                               type_of(qualname.get())->name);
    }
    if (dict_del_item(type->dict, str_intern("__qualname__")) < 0) return nullptr;
    type->qualname = qualname.release();
  } else {
    type->qualname = new_ref(name);
  }
  Ref cell = Ref::steal(dict_get_item_str(type->dict, "__classcell__"));
  if (cell && dict_del_item(type->dict, str_intern("__classcell__")) < 0) return nullptr;
  Ref doc = Ref::steal(dict_get_item_str(type->dict, "__doc__"));
  if (!doc && dict_set_item_str(type->dict, "__doc__", none()) < 0) return nullptr;
  if (has_exception() || !wrap_implicit_methods(type->dict)) return nullptr;
  if (!lay_out_instances(type, layout_base)) return nullptr;
  // A class that defines __eq__ but not __hash__ is unhashable (its __hash__ is None).
  Ref own_eq = Ref::steal(dict_get_item_str(type->dict, "__eq__"));
  Ref own_hash = Ref::steal(dict_get_item_str(type->dict, "__hash__"));
  if (own_eq && !own_hash && dict_set_item_str(type->dict, "__hash__", none()) < 0) return nullptr;
  if (has_exception()) return nullptr;
  install_class_slots(type);
  if (cell) {
    if (type_of(cell.get()) != &cell_type) {
      return raise_error(&type_error_type, std::string("__classcell__ must be a nonlocal cell, not ") +
                                               std::string("<class '") + type_of(cell.get())->name + "'>");
    }
    Object* old = as_cell(cell.get())->value.exchange(new_ref(type), std::memory_order_acq_rel);
    xdecref(old);
  }
  if (!notify_set_name(type)) return nullptr;
  return owner.release();
}

namespace {

// All classes, or (runtime_serial != 0) those one runtime created.
void clear_classes(std::uint64_t runtime_serial) {
  std::vector<Ref> classes;
  {
    sync::CriticalSection guard(live_classes_lock);
    for (HeapTypeObject* type = live_classes; type != nullptr; type = type->next_class) {
      if (runtime_serial == 0 || type->runtime_serial == runtime_serial) classes.push_back(Ref::borrow(type));
    }
  }
  for (Ref& holder : classes) {
    auto* type = static_cast<TypeObject*>(holder.get());
    Object* dict = nullptr;
    Object* mro = nullptr;
    Object* empty = dict_new();
    if (empty == nullptr) {
      clear_exception();
      continue;
    }
    {
      sync::CriticalSection section(sync::object_mutex(&type->header));
      dict = std::exchange(type->dict, empty);
      mro = std::exchange(type->mro, nullptr);  // lookups fall back to the base chain
      type->version.fetch_add(1, std::memory_order_release);
    }
    xdecref(dict);  // outside the lock: freeing methods may free other classes
    xdecref(mro);
  }
}

}  // namespace

void clear_all_classes() { clear_classes(0); }

void clear_classes_of_runtime(std::uint64_t runtime_serial) {
  if (runtime_serial != 0) clear_classes(runtime_serial);
}

namespace {

// type.__new__(type, x) and type.__new__(metatype, name, bases, namespace) (the latter is what a
// metaclass's __new__ reaches through super().__new__).
Object* type_new_instance(TypeObject* metatype, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames == nullptr && nargs == 3) return type_new_class_of(metatype, args[0], args[1], args[2]);
  if (kwnames == nullptr && nargs == 1 && metatype == &type_type) return new_ref(type_of(args[0]));
  return raise_error(&type_error_type, "type() takes 1 or 3 arguments");
}

}  // namespace

void init_class_types() {
  init_descriptor_types();
  init_slot_wrapper_type();
  init_super_type();
  object_type.new_instance = object_new;
  object_type.init = object_init;
  object_type.repr = object_default_repr;  // <object object at 0x...>
  type_type.dealloc = type_dealloc;
  type_type.new_instance = type_new_instance;
  type_type.getattr = type_getattr;
  type_type.setattr = type_setattr;
}

}  // namespace stitch
