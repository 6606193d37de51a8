#include "core/builtins/modules/native_module.h"

#include <mutex>

#include "core/import/importer.h"
#include "core/object/call.h"
#include "core/object/dict.h"
#include "core/object/module.h"
#include "core/object/str.h"

namespace stitch::builtins {

int add_module_functions(Object* module, const MethodDef* functions, const char* owner) {
  for (const MethodDef* definition = functions; definition->name != nullptr; ++definition) {
    Ref function = Ref::steal(builtin_function_new(definition, nullptr, owner));
    if (function) make_deferred(function.get());  // a module's functions are shared by every thread
    if (!function || dict_set_item(module_dict(module), str_intern(definition->name), function.get()) < 0) {
      return -1;
    }
  }
  return 0;
}

int add_module_value(Object* module, std::string_view name, Object* value) {
  Ref owned = Ref::steal(value);
  if (!owned) return -1;
  return dict_set_item(module_dict(module), str_intern(name), owned.get());
}

void register_native_modules() {
  static std::once_flag once;
  std::call_once(once, [] {
    imports::register_native_module("sys", init_sys_module);
    imports::register_native_module("math", init_math_module);
    imports::register_native_module("time", init_time_module);
    imports::register_native_module("random", init_random_module);
    imports::register_native_module("__future__", init_future_module);
    imports::register_native_module("_collections", init_collections_native_module);
    imports::register_native_module("_thread", init_thread_module);
    imports::register_native_module("threading", init_threading_module);
  });
}

}  // namespace stitch::builtins
