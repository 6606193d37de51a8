// The sys module: the runtime's sys.modules and sys.path (owned by its Importer), argv (set by the
// embedder: the CLI passes the script arguments), exit, the standard streams, the recursion limit
// and the version/platform constants.
#include <climits>
#include <cstdint>
#include <string>

#include "core/builtins/modules/native_module.h"
#include "core/builtins/modules/std_streams.h"
#include "core/import/importer.h"
#include "core/interp/import_hooks.h"
#include "core/interp/interpreter.h"
#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/module.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::builtins {

namespace {

// sys.exit([status]): raises SystemExit(status); the embedder turns it into the exit status.
Object* sys_exit(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("exit", kwnames) || !check_argument_range("exit", nargs, 0, 1)) return nullptr;
  Ref arguments = Ref::steal(nargs == 0 ? new_ref(empty_tuple()) : tuple_pack({args[0]}));
  if (!arguments) return nullptr;
  Object* exception = exception_new(&system_exit_type, arguments.get());
  if (exception != nullptr) set_exception(exception);
  return nullptr;
}

Object* sys_getrecursionlimit(Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("sys.getrecursionlimit", kwnames) ||
      !check_no_arguments("sys.getrecursionlimit", nargs)) {
    return nullptr;
  }
  return int_from_int64(interp::recursion_limit());
}

Object* sys_setrecursionlimit(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("setrecursionlimit", kwnames) ||
      !check_exactly_one_argument("setrecursionlimit", nargs)) {
    return nullptr;
  }
  Object* value = args[0];
  if (!is_int(value)) {
    return raise_error(&type_error_type, std::string("'") + type_of(value)->name +
                                             "' object cannot be interpreted as an integer");
  }
  if (!int_is_small(value) || as_int(value)->small > INT_MAX || as_int(value)->small < INT_MIN) {
    if (int_is_small(value) || mpz_sgn(&as_int(value)->big) > 0) {
      return raise_error(&overflow_error_type, "Python int too large to convert to C int");
    }
    return raise_error(&value_error_type, "recursion limit must be greater or equal than 1");
  }
  std::int64_t limit = as_int(value)->small;
  if (limit < 1) return raise_error(&value_error_type, "recursion limit must be greater or equal than 1");
  // CPython counts the running native call too: at module level the depth is 2.
  int depth = interp::current_recursion_depth() + 1;
  if (depth >= limit) {
    return raise_error(&recursion_error_type, "cannot set the recursion limit to " + std::to_string(limit) +
                                                  " at the recursion depth " + std::to_string(depth) +
                                                  ": the limit is too low");
  }
  interp::set_recursion_limit(static_cast<int>(limit));
  return new_ref(none());
}

// Stitch has no GIL at all.
Object* sys_is_gil_enabled(Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("_is_gil_enabled", kwnames) || !check_no_arguments("sys._is_gil_enabled", nargs)) {
    return nullptr;
  }
  return new_ref(py_false());
}

const MethodDef sys_functions[] = {
    {"exit", sys_exit, MethodDef::kStatic},
    {"getrecursionlimit", sys_getrecursionlimit, MethodDef::kStatic},
    {"setrecursionlimit", sys_setrecursionlimit, MethodDef::kStatic},
    {"_is_gil_enabled", sys_is_gil_enabled, MethodDef::kStatic},
    {nullptr, nullptr},
};

// sys.implementation: a namespace with `name` and `version` (a module object stands in for
// types.SimpleNamespace until that type exists).
Object* make_implementation(Object* version_info) {
  Ref implementation = Ref::steal(module_new("implementation"));
  if (!implementation) return nullptr;
  if (add_module_value(implementation.get(), "name", str_intern("stitch")) < 0 ||
      add_module_value(implementation.get(), "version", new_ref(version_info)) < 0 ||
      add_module_value(implementation.get(), "cache_tag", new_ref(none())) < 0) {
    return nullptr;
  }
  return implementation.release();
}

}  // namespace

int init_sys_module(Object* module, Object* importer_object) {
  init_std_streams();
  auto* importer = static_cast<imports::Importer*>(importer_object);
  Ref version_info = Ref::steal(tuple_pack({int_from_int64(3), int_from_int64(11), int_from_int64(0),
                                            str_intern("final"), int_from_int64(0)}));
  if (!version_info) return -1;
  if (add_module_functions(module, sys_functions, "sys") < 0 ||
      add_module_value(module, "modules", new_ref(importer->modules)) < 0 ||
      add_module_value(module, "path", new_ref(importer->path)) < 0 ||
      add_module_value(module, "argv", list_new(0)) < 0 ||
      add_module_value(module, "stdout", new_ref(standard_output())) < 0 ||
      add_module_value(module, "stderr", new_ref(standard_error())) < 0 ||
      add_module_value(module, "__stdout__", new_ref(standard_output())) < 0 ||
      add_module_value(module, "__stderr__", new_ref(standard_error())) < 0 ||
      add_module_value(module, "maxsize", int_from_int64(INT64_MAX)) < 0 ||
      add_module_value(module, "version_info", new_ref(version_info.get())) < 0 ||
      add_module_value(module, "version", str_from_utf8("3.11.0 (Stitch 0.1.0)")) < 0 ||
      add_module_value(module, "platform", str_intern("linux")) < 0 ||
      add_module_value(module, "byteorder", str_intern("little")) < 0 ||
      add_module_value(module, "implementation", make_implementation(version_info.get())) < 0) {
    return -1;
  }
  return 0;
}

}  // namespace stitch::builtins
