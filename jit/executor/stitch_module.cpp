// The `stitch` module: runtime controls a script can reach. stitch.jit_reset() retires every
// executor (each is freed after a grace period; code runs in the interpreter until it is hot
// again); stitch.jit_enabled() says whether the JIT is installed; stitch.jit_executor_count()
// counts installed executors (for tests).
#include "jit/executor/stitch_module.h"

#include "core/builtins/modules/native_module.h"
#include "core/import/importer.h"
#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/int.h"
#include "core/object/singletons.h"
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
  return new_ref(bool_from(jit_installed()));
}

Object* stitch_jit_executor_count(Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("jit_executor_count", kwnames) || !check_no_arguments("stitch.jit_executor_count", nargs))
    return nullptr;
  return int_from_int64(static_cast<std::int64_t>(jit_statistics().live_executors));
}

const MethodDef stitch_functions[] = {
    {"jit_reset", stitch_jit_reset, MethodDef::kStatic},
    {"jit_enabled", stitch_jit_enabled, MethodDef::kStatic},
    {"jit_executor_count", stitch_jit_executor_count, MethodDef::kStatic},
    {nullptr, nullptr},
};

int init_stitch_module(Object* module, Object*) {
  return builtins::add_module_functions(module, stitch_functions, "stitch");
}

}  // namespace

void register_stitch_module() { imports::register_native_module("stitch", init_stitch_module); }

}  // namespace stitch::jit
