// Native functions: host C callbacks that script code calls (stitch_register_function).
//
// The trampoline gives the callback API handles for its arguments and takes the object out of its
// result handle. Inside the callback the thread counts as attached through the API even when the
// script runs on a thread the host never attached (a `_thread` thread), so the callback can use
// every value call. Failures become Python exceptions; nothing the callback does unwinds through
// the interpreter.
#include <string>
#include <vector>

#include "api/api_internal.h"
#include "core/object/alloc.h"
#include "core/object/builtin_types.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/module.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

using stitch::api::fail;
using stitch::api::guarded;
using stitch::api::succeed;

namespace stitch::api {
namespace {

// Host data, kept apart from the object so the object stays a plain header plus a pointer.
struct NativeRecord {
  stitch_runtime* runtime;
  std::string name;
  stitch_native_fn function;
  void* user_data;
  std::uint32_t flags;
};

struct NativeFunctionObject : Object {
  NativeRecord* record;  // owned
};

TypeObject native_function_type;

NativeRecord* record_of(Object* object) { return static_cast<NativeFunctionObject*>(object)->record; }

void native_dealloc(Object* object) {
  delete record_of(object);
  free_object_memory(object);
}

Object* native_repr(Object* object) {
  return str_from_utf8("<built-in function " + record_of(object)->name + ">");
}

// Makes the thread count as attached through the API for the callback's duration, and undoes
// exactly that afterwards.
class CallbackScope {
 public:
  CallbackScope(ApiThread& thread, stitch_runtime* runtime)
      : thread_(thread), saved_floor_(thread.callback_floor), saved_depth_(thread.depth) {
    borrowed_ = thread_.depth == 0;
    if (borrowed_) {  // a script thread the host did not attach: lend it the API's attachment
      thread_.runtime = runtime;
      thread_.depth = 1;
      thread_.state = exec_state().thread;
      thread_.state_id = thread_.state->id();
    }
    thread_.callback_floor = thread_.depth;
    ++thread_.call_depth;
    thread_.has_native_error = false;
  }
  ~CallbackScope() {
    --thread_.call_depth;
    thread_.callback_floor = saved_floor_;
    thread_.depth = saved_depth_;  // an attach the callback forgot to undo is undone here
    thread_.has_native_error = false;
    if (borrowed_) {
      thread_.runtime = nullptr;
      thread_.depth = 0;
      thread_.state = nullptr;
      thread_.state_id = 0;
    }
  }
  CallbackScope(const CallbackScope&) = delete;
  CallbackScope& operator=(const CallbackScope&) = delete;

 private:
  ApiThread& thread_;
  int saved_floor_;
  int saved_depth_;
  bool borrowed_ = false;
};

// Runs the callback, inside a detach region when it may block.
stitch_status run_callback(ApiThread& thread, NativeRecord* record, std::vector<stitch_value*>& args,
                           stitch_value** result) {
  bool detach = (record->flags & STITCH_NATIVE_MAY_BLOCK) != 0;
  if (detach) {
    thread.state->detach();
    thread.in_detach_region = true;
  }
  stitch_status status;
  try {
    status = record->function(record->runtime, args.data(), args.size(), result, record->user_data);
  } catch (...) {
    status = fail(record->name.c_str(), STITCH_E_SCRIPT, "the native function threw a C++ exception");
  }
  if (thread.in_detach_region) {  // ours, or one the callback reopened
    thread.state->attach();
    thread.in_detach_region = false;
  }
  return status;
}

Object* raise_failure(ApiThread& thread, NativeRecord* record, stitch_status status) {
  std::string message;
  if (thread.has_native_error) {
    message = thread.native_error;
  } else if (last_error().code != STITCH_OK) {
    message = last_error().message;
  } else {
    message = "native function '" + record->name + "' failed with " + stitch_status_name(status);
  }
  if (status == STITCH_E_INTERRUPTED) return raise_error(&keyboard_interrupt_type, "");
  if (status == STITCH_E_TYPE) return raise_error(&type_error_type, message);
  if (status == STITCH_E_NO_MEMORY) return raise_error(&memory_error_type, message);
  return raise_error(&runtime_error_type, message);
}

Object* call_native(Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  NativeRecord* record = record_of(callable);
  if (kwnames != nullptr && as_tuple(kwnames)->size > 0) {
    return raise_error(&type_error_type, record->name + "() takes no keyword arguments");
  }
  rt::ThreadState* state = exec_state().thread;
  if (state == nullptr || &state->runtime() != record->runtime->core.get()) {
    return raise_error(&runtime_error_type,
                       "native function '" + record->name + "' belongs to another runtime than the caller's");
  }
  ApiThread& thread = api_thread();
  CallbackScope scope(thread, record->runtime);
  std::vector<stitch_value*> handles;
  handles.reserve(nargs);
  auto release_handles = [&] {
    for (stitch_value* handle : handles) {
      untrack_value(record->runtime, handle);
      decref(handle->object);
      delete handle;
    }
  };
  for (std::size_t i = 0; i < nargs; ++i) {
    stitch_value* handle = nullptr;
    incref(args[i]);
    if (make_value(record->name.c_str(), record->runtime, args[i], &handle) != STITCH_OK) {
      release_handles();
      return raise_error(&memory_error_type, "out of memory");
    }
    handle->borrowed = true;
    handles.push_back(handle);
  }
  stitch_value* result = nullptr;
  stitch_status status = run_callback(thread, record, handles, &result);
  Object* returned = nullptr;
  if (status != STITCH_OK) {
    returned = raise_failure(thread, record, status);
    if (result != nullptr && !result->borrowed) (void)stitch_value_release(result);  // set, then failed
  } else if (result == nullptr) {
    returned = new_ref(none());
  } else if (require_value(record->name.c_str(), "result", result, record->runtime) != STITCH_OK) {
    returned = raise_error(&type_error_type, "native function '" + record->name +
                                                 "' returned an unusable value: " + last_error().message);
  } else {
    returned = new_ref(result->object);
    if (!result->borrowed) {
      untrack_value(record->runtime, result);
      decref(result->object);
      delete result;
    }
  }
  release_handles();
  return returned;
}

// The call slot: no C++ exception may unwind into the interpreter.
Object* native_call(Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  try {
    return call_native(callable, args, nargs, kwnames);
  } catch (...) {
    return raise_error(&memory_error_type, "out of memory in a native function call");
  }
}

}  // namespace

void init_native_function_type() {
  init_static_type(native_function_type, "builtin_function_or_method", sizeof(NativeFunctionObject),
                   &object_type, 0);
  native_function_type.dealloc = native_dealloc;
  native_function_type.repr = native_repr;
  native_function_type.call = native_call;
}

}  // namespace stitch::api

extern "C" {

stitch_status stitch_register_function(stitch_runtime* runtime, const char* module, const char* name,
                                       stitch_native_fn fn, void* user_data, uint32_t flags) {
  constexpr const char* kFunction = "stitch_register_function";
  return guarded(kFunction, [&]() -> stitch_status {
    using namespace stitch;
    if (stitch_status status = api::require_attached(kFunction, runtime); status != STITCH_OK) return status;
    if (name == nullptr || *name == '\0') return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "the name is null or empty");
    if (fn == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "the callback is null");
    if ((flags & ~static_cast<uint32_t>(STITCH_NATIVE_MAY_BLOCK)) != 0) {
      return fail(kFunction, STITCH_E_INVALID_ARGUMENT,
                  "unknown flags " + std::to_string(flags) + " (use STITCH_NATIVE_DEFAULT or STITCH_NATIVE_MAY_BLOCK)");
    }
    auto* object = allocate<api::NativeFunctionObject>(&api::native_function_type);
    if (object == nullptr) return api::fail_from_exception(kFunction);
    object->record = new api::NativeRecord{runtime, name, fn, user_data, flags};
    Ref function = Ref::steal(object);
    Object* target_dict = runtime->builtins;
    Ref target;
    if (module != nullptr) {
      target = Ref::steal(api::module_for_eval(runtime, module));
      if (!target) return api::fail_from_exception(kFunction);
      if (!is_module(target.get())) {
        return fail(kFunction, STITCH_E_TYPE, std::string("sys.modules['") + module + "'] is not a module");
      }
      target_dict = module_dict(target.get());
    }
    if (dict_set_item_str(target_dict, name, function.get()) < 0) return api::fail_from_exception(kFunction);
    return succeed();
  });
}

stitch_status stitch_native_raise(stitch_runtime* runtime, const char* message) {
  constexpr const char* kFunction = "stitch_native_raise";
  return guarded(kFunction, [&]() -> stitch_status {
    stitch::api::ApiThread& thread = stitch::api::api_thread();
    if (runtime == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "the runtime handle is null");
    if (thread.callback_floor == 0 || thread.runtime != runtime) {
      return fail(kFunction, STITCH_E_INVALID_ARGUMENT,
                  "not inside a native callback of this runtime (use it only in a stitch_native_fn)");
    }
    thread.has_native_error = true;
    thread.native_error = message == nullptr ? "native function failed" : message;
    return fail(kFunction, STITCH_E_SCRIPT, thread.native_error);
  });
}

}  // extern "C"
