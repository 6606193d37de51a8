// super: attribute lookup that starts after a given class in the MRO of an instance's type.
// super(C, obj) is built here; the zero-argument form needs the calling frame (its first argument
// and its __class__ cell), which only the interpreter knows, so it installs a resolver.
#include <string>

#include "core/object/alloc.h"
#include "core/object/args.h"
#include "core/object/builtin_types.h"
#include "core/object/class_type.h"
#include "core/object/descriptors.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch {

TypeObject super_type;
bool (*super_zero_argument_resolver)(TypeObject** start, Object** self) = nullptr;

Object* type_lookup_own(TypeObject* type, Object* name);

namespace {

SuperObject* as_super(Object* object) { return static_cast<SuperObject*>(object); }

void super_dealloc(Object* object) {
  SuperObject* super = as_super(object);
  decref(super->start);
  xdecref(super->self);
  xdecref(super->self_type);
  free_object_memory(object);
}

Object* super_construct(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("super", kwnames)) return nullptr;
  if (nargs > 2) return raise_error(&type_error_type, "super() takes at most 2 arguments (" + std::to_string(nargs) + " given)");
  if (nargs == 0) {
    TypeObject* start = nullptr;
    Object* self = nullptr;
    if (super_zero_argument_resolver == nullptr || !super_zero_argument_resolver(&start, &self)) {
      if (!has_exception()) raise_error(&runtime_error_type, "super(): no arguments");
      return nullptr;
    }
    return super_new_bound(start, self);
  }
  if (!is_type(args[0])) {
    return raise_error(&type_error_type, std::string("super() argument 1 must be a type, not ") + type_of(args[0])->name);
  }
  if (nargs == 1) return raise_error(&type_error_type, "Stitch: unbound super objects (super(C)) are not supported");
  return super_new_bound(static_cast<TypeObject*>(args[0]), args[1]);
}

Object* super_getattr(Object* object, Object* name) {
  SuperObject* super = as_super(object);
  std::string_view key = str_view(name);
  if (key != "__class__") {
    TypeObject* self_type = super->self_type;
    Ref mro = self_type->mro != nullptr ? Ref::borrow(self_type->mro) : Ref::steal(type_getattr(self_type, str_intern("__mro__")));
    if (!mro) return nullptr;
    TupleObject* tuple = as_tuple(mro.get());
    std::int64_t i = 0;
    while (i < tuple->size && tuple->items[i] != super->start) ++i;
    for (++i; i < tuple->size; ++i) {
      Ref attribute = Ref::steal(type_lookup_own(static_cast<TypeObject*>(tuple->items[i]), name));
      if (!attribute) {
        if (has_exception()) return nullptr;
        continue;
      }
      Object* instance = super->self == self_type ? nullptr : super->self;
      return bind_attribute(attribute.get(), instance, self_type);
    }
  }
  if (key == "__class__") return new_ref(&super_type);
  if (key == "__self__") return new_ref(super->self);
  if (key == "__thisclass__") return new_ref(super->start);
  return raise_error(&attribute_error_type, "'super' object has no attribute '" + std::string(key) + "'");
}

Object* super_repr(Object* object) {
  SuperObject* super = as_super(object);
  return str_from_utf8(std::string("<super: <class '") + super->start->name + "'>, <" + super->self_type->name + " object>>");
}

}  // namespace

Object* super_new_bound(TypeObject* start, Object* self) {
  TypeObject* self_type = nullptr;
  if (is_type(self) && is_subtype(static_cast<TypeObject*>(self), start)) {
    self_type = static_cast<TypeObject*>(self);
  } else if (is_subtype(type_of(self), start)) {
    self_type = type_of(self);
  } else {
    return raise_error(&type_error_type, "super(type, obj): obj must be an instance or subtype of type");
  }
  auto* super = allocate<SuperObject>(&super_type);
  if (super == nullptr) return nullptr;
  super->start = static_cast<TypeObject*>(new_ref(start));
  super->self = new_ref(self);
  super->self_type = static_cast<TypeObject*>(new_ref(self_type));
  return super;
}

void init_super_type() {
  init_static_type(super_type, "super", sizeof(SuperObject), &object_type, type_flags::kBaseType);
  super_type.dealloc = super_dealloc;
  super_type.new_instance = super_construct;
  super_type.getattr = super_getattr;
  super_type.repr = super_repr;
}

}  // namespace stitch
