#include "core/object/singletons.h"

#include <string>

#include "core/object/builtin_types.h"
#include "core/object/exceptions.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch {

Object none_object;
Object not_implemented_object;
Object ellipsis_object;
TypeObject none_type;
TypeObject not_implemented_type;
TypeObject ellipsis_type;

namespace {
Object* none_repr(Object*) { return str_intern("None"); }
Object* not_implemented_repr(Object*) { return str_intern("NotImplemented"); }
Object* ellipsis_repr(Object*) { return str_intern("Ellipsis"); }
int none_is_true(Object*) { return 0; }

// NoneType(), NotImplementedType() and ellipsis() return the singleton, as in CPython.
template <Object* Singleton>
Object* singleton_new(TypeObject* type, Object* const*, std::size_t nargs, Object* kwnames) {
  if (nargs != 0 || (kwnames != nullptr && as_tuple(kwnames)->size != 0)) {
    return raise_error(&type_error_type, std::string(type->name) + " takes no arguments");
  }
  return Singleton;
}
Hash identity_hash(Object* object) {
  // Python hashes these by address (rotated by 4 bits); the value is never printed by tests.
  auto bits = reinterpret_cast<std::uintptr_t>(object);
  Hash hash = static_cast<Hash>((bits >> 4) | (bits << (8 * sizeof(bits) - 4)));
  return hash == -1 ? -2 : hash;
}
}  // namespace

void init_singletons() {
  init_static_type(none_type, "NoneType", sizeof(Object), &object_type, 0);
  none_type.repr = none_repr;
  none_type.number.is_true = none_is_true;
  none_type.hash = identity_hash;
  none_type.new_instance = singleton_new<&none_object>;
  init_static_type(not_implemented_type, "NotImplementedType", sizeof(Object), &object_type, 0);
  not_implemented_type.repr = not_implemented_repr;
  not_implemented_type.hash = identity_hash;
  not_implemented_type.new_instance = singleton_new<&not_implemented_object>;
  init_static_type(ellipsis_type, "ellipsis", sizeof(Object), &object_type, 0);
  ellipsis_type.repr = ellipsis_repr;
  ellipsis_type.hash = identity_hash;
  ellipsis_type.new_instance = singleton_new<&ellipsis_object>;
  for (auto [object, type] : {std::pair{&none_object, &none_type},
                              std::pair{&not_implemented_object, &not_implemented_type},
                              std::pair{&ellipsis_object, &ellipsis_type}}) {
    object->header.type = type;
    rc::make_immortal(&object->header);
  }
}

}  // namespace stitch
