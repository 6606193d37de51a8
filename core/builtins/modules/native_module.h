// Helpers shared by the native modules (sys, math, time, random) and their registration with the
// import system. Each module lives in its own file and exposes one `init_*_module` function with
// the imports::NativeModuleInit signature.
#pragma once

#include <chrono>
#include <cstdint>
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
int init_thread_module(Object* module, Object* importer);
int init_threading_module(Object* module, Object* importer);

/// Threads started through `_thread` that have not detached yet (daemon ones included).
std::int64_t running_thread_count();
/// Waits until every non-daemon thread started through `_thread` has detached from the runtime
/// (after threading._shutdown joined them, only their last steps remain). False on time-out.
bool wait_for_non_daemon_threads(std::chrono::milliseconds timeout);

/// Registers sys, math, time, random, __future__ and _collections with the import system (idempotent).
void register_native_modules();

}  // namespace stitch::builtins
