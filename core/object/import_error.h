// ImportError and ModuleNotFoundError: exceptions that also carry the module `name` and `path`
// (CPython's ImportError attributes `name`, `path`, `msg`), set by the import system and readable
// from Python (`except ImportError as e: e.name`).
#pragma once

#include <string_view>

#include "core/object/exceptions.h"

namespace stitch {

struct ImportErrorObject : ExceptionObject {
  Object* name;  // owned str, or nullptr (None)
  Object* path;  // owned str, or nullptr (None)
  Object* msg;   // owned: the first argument when there is exactly one, else nullptr (None)
};

extern TypeObject import_error_type;
extern TypeObject module_not_found_error_type;
/// SyntaxError as an exception object: what importing a module that does not compile raises (the
/// main script's syntax errors are reported by the CLI directly). Plain args, no location fields.
extern TypeObject syntax_error_type;

/// Sets `type(message, name=name, path=path)` as the exception in flight (name/path borrowed,
/// either may be nullptr). Returns nullptr.
Object* raise_import_error(TypeObject* type, std::string_view message, Object* name, Object* path);

/// Called by init_object_model() after init_constructors().
void init_import_error_types();

}  // namespace stitch
