// The `stitch` module: runtime controls a script can reach. stitch.jit_reset() retires every
// executor (each is freed after a grace period; code runs in the interpreter until it is hot
// again); stitch.jit_enabled() says whether the calling runtime runs the JIT (installed for the
// process and on for this runtime); stitch.jit_executor_count() counts installed executors in the
// whole process and stitch.jit_compiled(f) whether f's code has one (for tests).
#include "jit/executor/stitch_module.h"

#include "core/builtins/modules/native_module.h"
#include "core/import/importer.h"
#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/function.h"
#include "core/object/int.h"
#include "core/object/singletons.h"
#include "core/runtime/thread_state.h"
#include "jit/executor/jit_runtime.h"

namespace stitch::jit {

namespace {

Object* stitch_jit_reset(Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("jit_reset", kwnames) || !check_no_arguments("stitch.jit_reset", nargs)) return nullptr;
  jit_reset();
  return new_ref(none());
}

Object* stitch_jit_enabled(Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("jit_enabled", kwnames) || !check_no_arguments("stitch.jit_enabled", nargs)) return nullptr;
  // Per runtime: installed for the process and switched on for the calling thread's runtime.
  rt::ThreadState* thread = exec_state().thread;
  return new_ref(bool_from(jit_installed() && thread != nullptr && thread->jit_enabled()));
}

Object* stitch_jit_executor_count(Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("jit_executor_count", kwnames) || !check_no_arguments("stitch.jit_executor_count", nargs))
    return nullptr;
  return int_from_int64(static_cast<std::int64_t>(jit_statistics().live_executors));
}

// jit_compiled(function): whether the function's code object has an executor installed. Tests use
// it to see which runtime's code the JIT compiled (jit_executor_count is process-wide).
Object* stitch_jit_compiled(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("jit_compiled", kwnames)) return nullptr;
  if (nargs != 1) return raise_error(&type_error_type, "stitch.jit_compiled() takes exactly one argument");
  if (!is_function(args[0])) return raise_error(&type_error_type, "stitch.jit_compiled() takes a Python function");
  auto* code = as_code(as_function(args[0])->code);
  return new_ref(bool_from(code->executor.load(std::memory_order_acquire) != nullptr));
}

const MethodDef stitch_functions[] = {
    {"jit_reset", stitch_jit_reset, MethodDef::kStatic},
    {"jit_enabled", stitch_jit_enabled, MethodDef::kStatic},
    {"jit_executor_count", stitch_jit_executor_count, MethodDef::kStatic},
    {"jit_compiled", stitch_jit_compiled, MethodDef::kStatic},
    {nullptr, nullptr},
};

int init_stitch_module(Object* module, Object*) {
  return builtins::add_module_functions(module, stitch_functions, "stitch");
}

}  // namespace

void register_stitch_module() { imports::register_native_module("stitch", init_stitch_module); }

}  // namespace stitch::jit
