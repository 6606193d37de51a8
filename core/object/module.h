// Module objects: a named namespace (its `__dict__`) plus what `repr` and the import system need.
//
// A module's dict is created with the module and never replaced, so attribute reads go straight to
// the dict (whose operations are atomic, dict.h) and need no lock of their own. `initializing` is
// true while the module's body runs under the import system: attribute errors then say "partially
// initialized module" (CPython's hint for circular imports). It is an atomic flag because other
// threads may read a module from sys.modules while its importer is still running it.
#pragma once

#include <atomic>
#include <string_view>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

struct ModuleObject : Object {
  Object* dict;                      // owned namespace dict (never replaced)
  std::atomic<bool> initializing;    // its body is running (set by the import system)
  bool is_builtin;                   // made by a native module factory: repr says "(built-in)"
};

extern TypeObject module_type;

inline ModuleObject* as_module(Object* object) { return static_cast<ModuleObject*>(object); }
inline bool is_module(const Object* object) { return type_of(object) == &module_type; }

/// A new module named `name` (borrowed str): its dict holds __name__, __doc__ = None,
/// __package__ = None.
Object* module_new(Object* name);
Object* module_new(std::string_view name);
/// The module's namespace (borrowed).
inline Object* module_dict(Object* module) { return as_module(module)->dict; }
/// The module's __name__ as a new str, or "?" if it was deleted.
Object* module_name(Object* module);

/// Sorted list of the names in the module's namespace (`dir(module)`).
Object* module_dir(Object* module);

void init_module_type();

}  // namespace stitch
