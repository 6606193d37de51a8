// The import system: one Importer per runtime owns `sys.modules`, `sys.path` and the builtins
// every module runs with, finds modules (native modules by name, then `.py` files and packages on
// the search path), runs each module's body exactly once and caches it.
//
// The Importer is reached through the builtins dict: `builtins.__import__` is a native function
// bound to it, so the import opcodes (which get the frame's builtins) find their runtime's
// sys.modules without any global state, and a program that replaces __import__ is honoured.
//
// Loading a module (load_module): claim its name in the ModuleLockTable (one loader per name;
// other threads wait), create the module, put it in sys.modules with `initializing` set, run its
// body with the module's dict as globals, clear `initializing`. On failure the module is removed
// from sys.modules again (CPython's behaviour) and the exception propagates. A partially
// initialized module is visible in sys.modules, which is what makes circular imports work.
//
// Native modules are registered process-wide (register_native_module, before any import) with a
// function that fills a fresh module's namespace; each runtime creates its own module object.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/import/module_locks.h"
#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch::imports {

/// Fills `module`'s namespace; `importer` is the runtime's Importer (sys uses its modules/path).
/// Returns 0, or -1 with an exception set.
using NativeModuleInit = int (*)(Object* module, Object* importer);

/// Registers a native module under `name` (static storage). Call during start-up, before any
/// runtime imports; later registrations of the same name replace earlier ones.
void register_native_module(const char* name, NativeModuleInit init);

struct Importer : Object {
  Object* modules;   // dict: sys.modules
  Object* path;      // list of directory strs: sys.path ('' means the current directory)
  Object* builtins;  // dict every module runs with (holds __import__ bound to this importer)
  Object* failed;    // list of modules whose body raised: their namespaces are cleared at shutdown
  ModuleLockTable locks;
};

extern TypeObject importer_type;

/// A new importer for `builtins` (it installs `__import__` there) searching `search_path`.
Object* importer_new(Object* builtins, const std::vector<std::string>& search_path);
/// End of the runtime: clears every module's namespace (those in sys.modules and those that
/// failed to import) and sys.modules, and removes __import__, breaking the module/function/globals
/// cycles (as CPython does at shutdown; there is no cycle collector yet).
void importer_shutdown(Object* importer);
/// The importer bound to `builtins.__import__`, or nullptr (borrowed).
Importer* importer_from_builtins(Object* builtins);

/// `import fullname` for an absolute dotted name: imports the parents first, binds the module as
/// an attribute of its parent. Returns the module itself (new reference).
Object* import_absolute(Importer* importer, std::string_view fullname);

/// builtins.__import__(name, globals, locals, fromlist, level) (CPython's
/// importlib.__import__ semantics: relative names, the top package unless fromlist is given,
/// submodules named in fromlist).
Object* import_module_level(Importer* importer, Object* name, Object* globals, Object* fromlist,
                            std::int64_t level);

/// Installs the IMPORT_* opcode hooks (core/interp/import_hooks.h) and the importer type. Once.
void init_import_system();

}  // namespace stitch::imports
