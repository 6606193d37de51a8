#include "core/builtins/introspection_builtins.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "core/interp/class_support.h"
#include "core/interp/frame.h"
#include "core/object/args.h"
#include "core/object/attribute_names.h"
#include "core/object/attributes.h"
#include "core/object/call.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/function.h"
#include "core/object/list.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/type.h"

namespace stitch::builtins {

namespace {

interp::Frame* caller_frame(const char* name) {
  interp::Frame* frame = interp::current_python_frame();
  if (frame == nullptr) raise_error(&runtime_error_type, std::string(name) + "(): no Python frame is running");
  return frame;
}

// The frame's locals as a dict: module and class bodies have one; a function's fast locals and
// cells are copied into a new dict (a snapshot, as CPython's locals() in a function).
Object* frame_locals(interp::Frame* frame) {
  if (frame->locals != nullptr) return new_ref(frame->locals);
  Ref dict = Ref::steal(dict_new());
  if (!dict) return nullptr;
  CodeObject* code = frame->code;
  auto* names = as_tuple(code->localsplus_names);
  for (std::int32_t i = 0; i < code->nlocalsplus && i < names->size; ++i) {
    Object* value = frame->localsplus[i];
    if (value != nullptr && i >= code->nlocals && type_of(value) == &cell_type) {
      value = as_cell(value)->value.load(std::memory_order_acquire);
    }
    if (value == nullptr) continue;
    if (dict_set_item(dict.get(), names->items[i], value) < 0) return nullptr;
  }
  return dict.release();
}

Object* builtin_globals(Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("globals", kwnames) || !check_no_arguments("globals", nargs)) return nullptr;
  interp::Frame* frame = caller_frame("globals");
  return frame == nullptr ? nullptr : new_ref(frame->globals);
}

Object* builtin_locals(Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("locals", kwnames) || !check_no_arguments("locals", nargs)) return nullptr;
  interp::Frame* frame = caller_frame("locals");
  return frame == nullptr ? nullptr : frame_locals(frame);
}

// dir() and dir(obj) (see collect_attribute_names).
Object* builtin_dir(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("dir", kwnames) || !check_argument_range("dir", nargs, 0, 1)) return nullptr;
  std::vector<Object*> names;
  if (nargs == 0) {
    interp::Frame* frame = caller_frame("dir");
    if (frame == nullptr) return nullptr;
    Ref locals = Ref::steal(frame_locals(frame));
    if (!locals) return nullptr;
    add_dict_key_names(locals.get(), names);
    return sorted_name_list(names);
  }
  if (collect_attribute_names(args[0], names) < 0) return nullptr;
  return sorted_name_list(names);
}

const MethodDef introspection_functions[] = {
    {"globals", builtin_globals, MethodDef::kStatic},
    {"locals", builtin_locals, MethodDef::kStatic},
    {"dir", builtin_dir, MethodDef::kStatic},
    {nullptr, nullptr},
};

}  // namespace

int add_introspection_builtins(Object* dict, int (*set)(Object*, const char*, Object*)) {
  for (const MethodDef* def = introspection_functions; def->name != nullptr; ++def) {
    Ref function = Ref::steal(builtin_function_new(def, nullptr, "builtins"));
    if (function) make_deferred(function.get());
    if (!function || set(dict, def->name, function.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace stitch::builtins
