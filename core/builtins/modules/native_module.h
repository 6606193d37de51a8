// Helpers shared by the native modules (sys, math, time, random) and their registration with the
// import system. Each module lives in its own file and exposes one `init_*_module` function with
// the imports::NativeModuleInit signature.
#pragma once

#include <string_view>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch::builtins {

/// Binds each function of the null-terminated `functions` table in `module` (named `owner` in
/// messages). 0 or -1.
int add_module_functions(Object* module, const MethodDef* functions, const char* owner);
/// module.name = value, STEALING `value` (which may be nullptr after a failed call: then -1).
int add_module_value(Object* module, std::string_view name, Object* value);

int init_sys_module(Object* module, Object* importer);
int init_math_module(Object* module, Object* importer);
int init_time_module(Object* module, Object* importer);
int init_random_module(Object* module, Object* importer);
int init_future_module(Object* module, Object* importer);
int init_collections_native_module(Object* module, Object* importer);

/// Registers sys, math, time, random, __future__ and _collections with the import system (idempotent).
void register_native_modules();

}  // namespace stitch::builtins
