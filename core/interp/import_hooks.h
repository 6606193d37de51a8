// The three import opcodes call up into the import system (core/import, a layer above the
// interpreter) through this table, which the import system installs once at start-up.
//
// IMPORT_NAME  -> import_name(builtins, globals, locals, name, fromlist, level): CPython calls
//                 builtins.__import__; the hook does exactly that (so a replaced __import__ is
//                 honoured) with the frame's builtins.
// IMPORT_FROM  -> import_from(builtins, module, name): the attribute, else the submodule
//                 `module.name` from sys.modules (the one of the runtime whose builtins these
//                 are), else ImportError with CPython's message.
// IMPORT_STAR  -> import_star(module, locals): binds __all__ (or the public names) in `locals`.
#pragma once

#include "core/object/object.h"

namespace stitch::interp {

struct ImportHooks {
  Object* (*import_name)(Object* builtins, Object* globals, Object* locals, Object* name,
                         Object* fromlist, Object* level);
  Object* (*import_from)(Object* builtins, Object* module, Object* name);
  int (*import_star)(Object* module, Object* locals);
};

/// Installs the table (static storage; it must outlive every runtime). Thread-safe.
void set_import_hooks(const ImportHooks* hooks);
/// The installed table, or nullptr (the import opcodes then raise "not implemented").
const ImportHooks* import_hooks();

/// The number of Python frames on the calling thread's stack (what the recursion limit counts).
int current_recursion_depth();

}  // namespace stitch::interp
