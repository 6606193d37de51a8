#include "core/builtins/introspection_builtins.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "core/interp/class_support.h"
#include "core/interp/frame.h"
#include "core/object/args.h"
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

void add_dict_keys(Object* dict, std::vector<Object*>& out) {
  if (dict == nullptr || !type_has_flag(type_of(dict), type_flags::kDictSubclass)) return;
  std::int64_t position = 0;
  Object* key = nullptr;
  Object* value = nullptr;
  while (dict_next_owned(dict, &position, &key, &value)) {
    decref(value);
    if (is_str(key)) out.push_back(key);
    else decref(key);
  }
}

void add_type_names(TypeObject* type, std::vector<Object*>& out) {
  Object* mro = type->mro;
  std::int64_t count = mro != nullptr ? as_tuple(mro)->size : 0;
  for (std::int64_t i = 0; i < count || (mro == nullptr && i == 0); ++i) {
    auto* t = mro != nullptr ? static_cast<TypeObject*>(as_tuple(mro)->items[i]) : type;
    if (type_has_flag(t, type_flags::kHeapType)) add_dict_keys(t->dict, out);
    if (t->methods != nullptr) {
      for (const MethodDef* method = t->methods; method->name != nullptr; ++method) out.push_back(str_intern(method->name));
    }
    if (t->getsets != nullptr) {
      for (const GetSetDef* getset = t->getsets; getset->name != nullptr; ++getset) out.push_back(str_intern(getset->name));
    }
  }
}

// A sorted list of the names (owned) in `names`, duplicates removed.
Object* sorted_name_list(std::vector<Object*>& names) {
  std::sort(names.begin(), names.end(), [](Object* a, Object* b) { return str_view(a) < str_view(b); });
  Ref list = Ref::steal(list_new(static_cast<std::int64_t>(names.size())));
  std::string_view previous;
  bool first = true;
  for (Object* name : names) {
    if (list && (first || str_view(name) != previous) && list_append(list.get(), name) < 0) list = Ref();
    previous = str_view(name);
    first = false;
  }
  for (Object* name : names) decref(name);
  return list.release();
}

// dir(obj) for what Stitch exposes: the object's own __dict__, then every class of its MRO
// (class dicts, native methods and properties); for a class, its own MRO.
Object* builtin_dir(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("dir", kwnames) || !check_argument_range("dir", nargs, 0, 1)) return nullptr;
  std::vector<Object*> names;
  if (nargs == 0) {
    interp::Frame* frame = caller_frame("dir");
    if (frame == nullptr) return nullptr;
    Ref locals = Ref::steal(frame_locals(frame));
    if (!locals) return nullptr;
    add_dict_keys(locals.get(), names);
    return sorted_name_list(names);
  }
  Object* object = args[0];
  Ref own = Ref::steal(object_lookup_attr_text(object, "__dict__"));
  if (has_exception()) return nullptr;
  add_dict_keys(own.get(), names);
  bool is_type = type_has_flag(type_of(object), type_flags::kTypeSubclass);
  add_type_names(is_type ? static_cast<TypeObject*>(object) : type_of(object), names);
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
    if (!function || set(dict, def->name, function.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace stitch::builtins
