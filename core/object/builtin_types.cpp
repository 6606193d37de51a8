#include "core/object/builtin_types.h"

#include <mutex>
#include <string>

#include "core/object/bool.h"
#include "core/object/call.h"
#include "core/object/class_type.h"
#include "core/object/code.h"
#include "core/object/function.h"
#include "core/object/import_error.h"
#include "core/object/module.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch {

TypeObject object_type;
TypeObject type_type;

namespace {

Object* type_repr(Object* object) {
  auto* type = static_cast<TypeObject*>(object);
  return str_from_utf8("<class '" + type_qualified_name(type) + "'>");
}

Hash pointer_hash(Object* object) {
  auto bits = reinterpret_cast<std::uintptr_t>(object);
  Hash hash = static_cast<Hash>((bits >> 4) | (bits << (8 * sizeof(bits) - 4)));
  return hash == -1 ? -2 : hash;
}

}  // namespace

void init_static_type(TypeObject& type, const char* name, std::size_t basic_size, TypeObject* base,
                      std::uint32_t flags) {
  type.header.type = &type_type;
  rc::make_immortal(&type.header);
  type.name = name;
  type.basic_size = basic_size;
  type.base = base;
  type.flags = flags | (base != nullptr ? base->flags & ~(type_flags::kBaseType) : 0);
  if (type.hash == nullptr) type.hash = pointer_hash;
}

void init_object_model() {
  static std::once_flag once;
  std::call_once(once, [] {
    init_static_type(object_type, "object", sizeof(Object), nullptr, type_flags::kBaseType);
    init_static_type(type_type, "type", sizeof(TypeObject), &object_type,
                     type_flags::kBaseType | type_flags::kTypeSubclass);
    type_type.repr = type_repr;
    init_singletons();
    init_int_type();
    init_bool_type();
    init_str_type();
    init_tuple_type();
    init_exception_types();
    init_call_types();
    init_code_type();
    init_function_types();
    init_code_attributes();  // after both: it fills code's and cell's getsets
    // Each area initializes its own types (one file per area, see CMakeLists.txt).
    init_number_types();
    init_sequence_types();
    init_mapping_types();
    init_str_methods();
    init_constructors();  // it fills every type's new_instance
    init_import_error_types();  // after the constructors: ImportError has its own
    init_module_type();
    init_class_types();   // last: replaces object's new/init with the class-aware ones
  });
}

}  // namespace stitch
