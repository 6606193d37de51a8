// Running code: source text in a module namespace, and calls by name or by value.
#include <string>
#include <vector>

#include "api/api_internal.h"
#include "core/compiler/bytecode/codegen.h"
#include "core/compiler/frontend.h"
#include "core/compiler/syntax_error.h"
#include "core/import/importer.h"
#include "core/interp/interpreter.h"
#include "core/object/call.h"
#include "core/object/dict.h"
#include "core/object/exec_state.h"
#include "core/object/module.h"
#include "core/object/str.h"

using stitch::api::fail;
using stitch::api::guarded;
using stitch::api::succeed;

namespace stitch::api {

// sys.modules[name], or a new empty module registered there (setdefault: two threads creating the
// same module agree on one). New reference, or nullptr with an exception set.
Object* module_for_eval(stitch_runtime* runtime, const char* name) {
  auto* importer = static_cast<imports::Importer*>(runtime->importer);
  Ref existing = Ref::steal(dict_get_item_str(importer->modules, name));
  if (existing) return existing.release();
  if (has_exception()) return nullptr;
  Ref module = Ref::steal(module_new(std::string_view(name)));
  if (!module) return nullptr;
  if (dict_set_item_str(module_dict(module.get()), "__builtins__", runtime->builtins) < 0) return nullptr;
  Ref key = Ref::steal(str_from_utf8(name));
  if (!key) return nullptr;
  Object* args[2] = {key.get(), module.get()};
  return dict_method_setdefault(importer->modules, args, 2, nullptr);
}

}  // namespace stitch::api

namespace {

using namespace stitch;

stitch_status fail_syntax(const char* function, const compiler::SyntaxError& error) {
  std::string report = compiler::format_syntax_error(error);
  std::size_t end = report.find_last_not_of('\n');
  std::size_t start = end == std::string::npos ? 0 : report.rfind('\n', end);
  start = (start == std::string::npos || end == std::string::npos) ? 0 : start + 1;
  std::string last = end == std::string::npos ? report : report.substr(start, end - start + 1);
  return api::fail_with_traceback(function, STITCH_E_SYNTAX, last, report);
}

// sys.modules[name] or the module imported now. New reference, or nullptr with an exception set.
Object* module_for_call(stitch_runtime* runtime, const char* name) {
  auto* importer = static_cast<imports::Importer*>(runtime->importer);
  Ref existing = Ref::steal(dict_get_item_str(importer->modules, name));
  if (existing) return existing.release();
  if (has_exception()) return nullptr;
  return imports::import_absolute(importer, name);
}

stitch_status check_name(const char* function, const char* what, const char* text) {
  if (text == nullptr) return fail(function, STITCH_E_INVALID_ARGUMENT, std::string("the ") + what + " is null");
  return STITCH_OK;
}

// Looks `name` up in `module`'s namespace: a new reference, or the error set.
stitch_status lookup_global(const char* function, stitch_runtime* runtime, const char* module_name,
                            const char* name, Ref& found) {
  Ref module = Ref::steal(module_for_call(runtime, module_name));
  if (!module) return api::fail_from_exception(function);
  if (!is_module(module.get())) {
    return fail(function, STITCH_E_TYPE, std::string("sys.modules['") + module_name + "'] is not a module");
  }
  found = Ref::steal(dict_get_item_str(module_dict(module.get()), name));
  if (found) return STITCH_OK;
  if (has_exception()) return api::fail_from_exception(function);
  return fail(function, STITCH_E_NOT_FOUND,
              std::string("module '") + module_name + "' has no global '" + name + "'");
}

stitch_status call_with(const char* function, stitch_runtime* runtime, Object* callable,
                        stitch_value* const* args, size_t nargs, stitch_value** out) {
  if (nargs > 0 && args == nullptr) return fail(function, STITCH_E_INVALID_ARGUMENT, "args is null but nargs is not 0");
  std::vector<Object*> objects(nargs);
  for (size_t i = 0; i < nargs; ++i) {
    std::string argument = "args[" + std::to_string(i) + "]";
    if (stitch_status status = api::require_value(function, argument.c_str(), args[i], runtime); status != STITCH_OK) {
      return status;
    }
    objects[i] = args[i]->object;
  }
  Object* result = call_object(callable, objects.data(), nargs, nullptr);
  return api::make_value(function, runtime, result, out);
}

}  // namespace

extern "C" {

stitch_status stitch_eval(stitch_runtime* runtime, const char* module, const char* source) {
  constexpr const char* kFunction = "stitch_eval";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_attached(kFunction, runtime); status != STITCH_OK) return status;
    if (stitch_status status = check_name(kFunction, "module name", module); status != STITCH_OK) return status;
    if (stitch_status status = check_name(kFunction, "source", source); status != STITCH_OK) return status;
    compiler::FrontendResult front = compiler::run_frontend(source, "<string>");
    if (!front.ok()) return fail_syntax(kFunction, *front.error);
    auto compiled = bytecode::compile_module(front);
    if (!compiled.code) return fail_syntax(kFunction, *compiled.error);
    Ref code = Ref::steal(compiled.code);
    api::ScriptCall call(api::api_thread());
    Ref target = Ref::steal(api::module_for_eval(runtime, module));
    if (!target) return api::fail_from_exception(kFunction);
    if (!is_module(target.get())) {
      return fail(kFunction, STITCH_E_TYPE, std::string("sys.modules['") + module + "'] is not a module");
    }
    Ref result = Ref::steal(interp::run_module_code(code.get(), module_dict(target.get()), runtime->builtins));
    if (!result) return api::fail_from_exception(kFunction);
    return succeed();
  });
}

stitch_status stitch_get_global(stitch_runtime* runtime, const char* module, const char* name, stitch_value** out) {
  constexpr const char* kFunction = "stitch_get_global";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_attached(kFunction, runtime); status != STITCH_OK) return status;
    if (stitch_status status = check_name(kFunction, "module name", module); status != STITCH_OK) return status;
    if (stitch_status status = check_name(kFunction, "name", name); status != STITCH_OK) return status;
    if (out == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "out is null");
    Ref found;
    if (stitch_status status = lookup_global(kFunction, runtime, module, name, found); status != STITCH_OK) {
      return status;
    }
    return api::make_value(kFunction, runtime, found.release(), out);
  });
}

stitch_status stitch_call(stitch_runtime* runtime, const char* module, const char* function,
                          stitch_value* const* args, size_t nargs, stitch_value** out) {
  constexpr const char* kFunction = "stitch_call";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_attached(kFunction, runtime); status != STITCH_OK) return status;
    if (stitch_status status = check_name(kFunction, "module name", module); status != STITCH_OK) return status;
    if (stitch_status status = check_name(kFunction, "function name", function); status != STITCH_OK) return status;
    if (out == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "out is null");
    if (nargs > 0 && args == nullptr) {
      return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "args is null but nargs is not 0");
    }
    api::ScriptCall call(api::api_thread());
    Ref callable;
    if (stitch_status status = lookup_global(kFunction, runtime, module, function, callable); status != STITCH_OK) {
      return status;
    }
    return call_with(kFunction, runtime, callable.get(), args, nargs, out);
  });
}

stitch_status stitch_call_value(stitch_value* callable, stitch_value* const* args, size_t nargs, stitch_value** out) {
  constexpr const char* kFunction = "stitch_call_value";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_value(kFunction, "callable", callable); status != STITCH_OK) return status;
    if (out == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "out is null");
    api::ScriptCall call(api::api_thread());
    return call_with(kFunction, callable->link->runtime, callable->object, args, nargs, out);
  });
}

}  // extern "C"
