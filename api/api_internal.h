// The structures behind the opaque handles of include/stitch/stitch.h, and the helpers every entry
// point uses: the per-thread error object, the attachment checks, and the guard that keeps C++
// exceptions from crossing the C ABI.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/object/object.h"
#include "core/runtime/runtime.h"
#include "stitch/stitch.h"

namespace stitch::api {

// Outlives its runtime: values hold it, so a value used after shutdown finds `alive` false instead
// of a dangling runtime. `alive` turns false only after every other API thread detached.
struct RuntimeLink {
  std::atomic<bool> alive{true};
  stitch_runtime* runtime = nullptr;
  /// The runtime's abort_on_misuse key; set before the handle is published, read-only after.
  bool abort_on_misuse = false;
};

// The API's view of the calling OS thread: which runtime it is attached to through the API and how
// deeply (attach nests). Kept apart from the core's thread cache, which it drives.
struct ApiThread {
  stitch_runtime* runtime = nullptr;
  int depth = 0;
  rt::ThreadState* state = nullptr;
  std::uint64_t state_id = 0;
  /// Inside stitch_detach_begin/end (or a may-block native callback): the core thread state is
  /// detached and values are off limits.
  bool in_detach_region = false;
  /// Nesting of script calls (eval/call, and native callbacks): the outermost one drops a stale
  /// interrupt.
  int call_depth = 0;
  /// A native callback may undo only the attaches it made itself: stitch_thread_detach refuses to
  /// go below this depth.
  int callback_floor = 0;
  /// Set by stitch_native_raise inside a callback: the message of the exception the script sees.
  bool has_native_error = false;
  std::string native_error;
  /// A thread that exits while attached leaves the runtime's list, so shutdown does not wait for
  /// it forever (the core unregisters its thread state at exit).
  ~ApiThread();
};
ApiThread& api_thread();
stitch_error& last_error();

/// Sets the thread's error object. A misuse status (is_misuse) also decides whether the entry point
/// must abort (abort_on_misuse): it does when the process-wide switch is on, or `subject` (the
/// runtime the call names, when known) or the runtime this thread is attached to has the key set.
/// guarded() aborts on the way out, so an internal probe that fails and then succeeds never does.
stitch_status fail(const char* function, stitch_status code, const std::string& message,
                   const RuntimeLink* subject = nullptr);
stitch_status fail_with_traceback(const char* function, stitch_status code, const std::string& message,
                                  const std::string& traceback, const RuntimeLink* subject = nullptr);
stitch_status succeed();
/// Statuses that mean the host broke a rule of the API (not a script or data error): not attached,
/// already attached elsewhere, attach during shutdown, invalid argument, wrong runtime, gone runtime.
bool is_misuse(stitch_status code);
/// Prints the thread's error message to stderr and aborts, if its last failure asked for it.
void abort_if_misuse_requested(stitch_status status);
/// Turns the exception in flight into a STITCH_E_SCRIPT error (message: its last report line).
stitch_status fail_from_exception(const char* function);
stitch_status map_core_status(const char* function, const rt::Status& status);

/// STITCH_E_NOT_ATTACHED: the thread is in a detach region.
stitch_status fail_detached(const char* function);
/// STITCH_OK if the calling thread is attached to `runtime` through the API, else the error set.
stitch_status require_attached(const char* function, stitch_runtime* runtime);
/// Checks a value argument: not null, its runtime alive, the thread attached to it and, when
/// `runtime` is given, the same runtime.
stitch_status require_value(const char* function, const char* argument, stitch_value* value,
                            stitch_runtime* runtime = nullptr);

stitch_status make_value(const char* function, stitch_runtime* runtime, Object* owned, stitch_value** out);

/// sys.modules[name], or a new empty module registered there. New reference, or nullptr with an
/// exception set.
Object* module_for_eval(stitch_runtime* runtime, const char* name);

/// Brackets a script call from the host (eval, call): the outermost one drops an interrupt left
/// from before, so only interrupts sent while the call runs stop it.
class ScriptCall {
 public:
  explicit ScriptCall(ApiThread& thread) : thread_(thread) {
    if (thread_.call_depth++ == 0 && thread_.state != nullptr) thread_.state->clear_interrupt();
  }
  ~ScriptCall() { --thread_.call_depth; }
  ScriptCall(const ScriptCall&) = delete;
  ScriptCall& operator=(const ScriptCall&) = delete;

 private:
  ApiThread& thread_;
};

/// The type of native functions (stitch_register_function); initialized once per process.
void init_native_function_type();

/// Runs `body` (returning a stitch_status), turning a C++ exception into an error status.
template <class Body>
stitch_status guarded(const char* function, Body&& body) noexcept {
  try {
    stitch_status status = body();
    if (status != STITCH_OK) abort_if_misuse_requested(status);
    return status;
  } catch (const std::bad_alloc&) {
    return fail(function, STITCH_E_NO_MEMORY, "out of memory");
  } catch (...) {
    return fail(function, STITCH_E_NO_MEMORY, "internal error (an unexpected C++ exception)");
  }
}

}  // namespace stitch::api

// Defaults here are the documented ones (include/stitch/README.md), also for a null config.
struct stitch_config {
  std::int64_t recursion_limit = 0;  // 0: the default (rt::RuntimeConfig::recursion_limit, 1000)
  bool has_module_path = false;
  std::vector<std::string> module_path;
  std::int64_t jit = 1;                // as the CLI
  std::int64_t jit_threshold = 1000;   // as the CLI's -X jit-threshold
  std::int64_t stack_size = 0;         // script threads' C stack; 0: the system default
  std::int64_t abort_on_misuse = 0;
};

namespace stitch::api {
// The runtime's live values, so shutdown can drop the objects of values the host never released
// ("values die with their runtime"). Sharded by address so host threads rarely contend.
struct ValueShard {
  std::mutex mutex;
  stitch_value* head = nullptr;  // intrusive doubly linked list
};
inline constexpr std::size_t kValueShards = 16;
void track_value(stitch_runtime* runtime, stitch_value* value);
void untrack_value(stitch_runtime* runtime, stitch_value* value);
/// Drops the object of every tracked value (the calling thread is attached and alone).
void drop_all_values(stitch_runtime* runtime);
}  // namespace stitch::api

struct stitch_runtime {
  std::unique_ptr<stitch::rt::Runtime> core;
  std::shared_ptr<stitch::api::RuntimeLink> link;
  stitch::Object* builtins = nullptr;  // owned
  stitch::Object* importer = nullptr;  // owned
  std::mutex threads_mutex;            // guards attached_ids and the closing transition
  std::vector<std::uint64_t> attached_ids;  // core thread ids of threads attached through the API
  std::atomic<bool> closing{false};
  stitch::api::ValueShard value_shards[stitch::api::kValueShards];
};

struct stitch_value {
  std::shared_ptr<stitch::api::RuntimeLink> link;
  stitch::Object* object = nullptr;  // owned while link->alive
  stitch_value* previous = nullptr;  // in the runtime's value shard, while tracked
  bool borrowed = false;             // a native callback's argument: Stitch releases it
  stitch_value* next = nullptr;
};

struct stitch_error {
  stitch_status code = STITCH_OK;
  std::string message;
  std::string function;
  std::string traceback;
  bool abort_requested = false;  // a misuse under abort_on_misuse (see stitch::api::fail)
};
