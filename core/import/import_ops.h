// What the import opcodes do (installed as core/interp/import_hooks.h's table by
// init_import_system): IMPORT_NAME calls builtins.__import__, IMPORT_FROM reads a name from a
// module (falling back to an already imported submodule), IMPORT_STAR copies public names.
#pragma once

#include "core/interp/import_hooks.h"

namespace stitch::imports {

extern const interp::ImportHooks import_opcode_hooks;

}  // namespace stitch::imports
