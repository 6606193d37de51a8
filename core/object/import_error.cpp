#include "core/object/import_error.h"

#include <string>

#include "core/object/alloc.h"
#include "core/object/builtin_types.h"
#include "core/object/exec_state.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch {

TypeObject import_error_type;
TypeObject module_not_found_error_type;
TypeObject syntax_error_type;

namespace {

ImportErrorObject* as_import_error(Object* object) { return static_cast<ImportErrorObject*>(object); }

Object* import_error_new(TypeObject* type, Object* args, Object* name, Object* path) {
  auto* error = allocate<ImportErrorObject>(type);
  if (error == nullptr) return nullptr;
  error->args = new_ref(args);
  error->traceback = nullptr;
  error->cause = nullptr;
  error->context = nullptr;
  error->suppress_context = false;
  // The base's "Did you mean" fields (NameError/AttributeError only), shadowed by ImportError's.
  error->ExceptionObject::name = nullptr;
  error->ExceptionObject::obj = nullptr;
  new (&error->dict) std::atomic<Object*>(nullptr);
  error->name = name != nullptr && !is_none(name) ? new_ref(name) : nullptr;
  error->path = path != nullptr && !is_none(path) ? new_ref(path) : nullptr;
  error->msg = as_tuple(args)->size == 1 ? new_ref(as_tuple(args)->items[0]) : nullptr;
  return error;
}

void import_error_dealloc(Object* object) {
  ImportErrorObject* error = as_import_error(object);
  xdecref(error->name);
  xdecref(error->path);
  xdecref(error->msg);
  error->name = error->path = error->msg = nullptr;
  base_exception_type.dealloc(object);  // the ExceptionObject part, then the memory
}

// ImportError(*args, name=None, path=None): any other keyword is CPython's TypeError.
Object* import_error_new_instance(TypeObject* type, Object* const* args, std::size_t nargs,
                                  Object* kwnames) {
  Object* name = nullptr;
  Object* path = nullptr;
  std::int64_t keywords = kwnames != nullptr ? as_tuple(kwnames)->size : 0;
  for (std::int64_t i = 0; i < keywords; ++i) {
    std::string_view keyword = str_view(as_tuple(kwnames)->items[i]);
    if (keyword == "name") {
      name = args[nargs + static_cast<std::size_t>(i)];
    } else if (keyword == "path") {
      path = args[nargs + static_cast<std::size_t>(i)];
    } else {
      return raise_error(&type_error_type, "'" + std::string(keyword) +
                                               "' is an invalid keyword argument for " + type->name + "()");
    }
  }
  Ref tuple = Ref::steal(tuple_new_uninitialized(static_cast<std::int64_t>(nargs)));
  if (!tuple) return nullptr;
  for (std::size_t i = 0; i < nargs; ++i) as_tuple(tuple.get())->items[i] = new_ref(args[i]);
  return import_error_new(type, tuple.get(), name, path);
}

Object* or_none(Object* value) { return new_ref(value != nullptr ? value : none()); }
Object* get_name(Object* self) { return or_none(as_import_error(self)->name); }
Object* get_path(Object* self) { return or_none(as_import_error(self)->path); }
Object* get_msg(Object* self) { return or_none(as_import_error(self)->msg); }

const GetSetDef import_error_getsets[] = {
    {"name", get_name},
    {"path", get_path},
    {"msg", get_msg},
    {nullptr, nullptr},
};

void init_import_error_type(TypeObject& type, const char* name, TypeObject* base) {
  init_static_type(type, name, sizeof(ImportErrorObject), base,
                   type_flags::kBaseType | type_flags::kExceptionSubclass);
  type.dealloc = import_error_dealloc;
  type.str = exception_type.str;
  type.repr = exception_type.repr;
  type.new_instance = import_error_new_instance;
  type.getsets = import_error_getsets;
}

}  // namespace

Object* raise_import_error(TypeObject* type, std::string_view message, Object* name, Object* path) {
  Ref text = Ref::steal(str_from_utf8(message));
  if (!text) return nullptr;
  Ref args = Ref::steal(tuple_pack({text.get()}));
  if (!args) return nullptr;
  Object* error = import_error_new(type, args.get(), name, path);
  if (error != nullptr) set_exception(error);
  return nullptr;
}

void init_import_error_types() {
  init_import_error_type(import_error_type, "ImportError", &exception_type);
  init_import_error_type(module_not_found_error_type, "ModuleNotFoundError", &import_error_type);
  init_static_type(syntax_error_type, "SyntaxError", sizeof(ExceptionObject), &exception_type,
                   type_flags::kBaseType | type_flags::kExceptionSubclass);
  syntax_error_type.dealloc = exception_type.dealloc;
  syntax_error_type.str = exception_type.str;
  syntax_error_type.repr = exception_type.repr;
  syntax_error_type.new_instance = exception_type.new_instance;
}

}  // namespace stitch
