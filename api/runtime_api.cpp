// Runtime lifetime and thread attachment.
//
// Attachment is tracked twice: the core runtime's (which OS threads run code, for stop-the-world
// and QSBR) and the API's own list of threads inside an attach/detach pair. Shutdown waits on the
// API's list, because a thread blocked in a script call (time.sleep, a lock) is detached in the
// core's sense but will come back to the runtime's objects.
#include <algorithm>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>

#include "api/api_internal.h"
#include "core/builtins/builtins_module.h"
#include "core/builtins/modules/native_module.h"
#include "core/import/importer.h"
#include "core/import/standard_library.h"
#include "core/interp/interpreter.h"
#include "core/object/builtin_types.h"
#include "core/object/class_type.h"
#include "core/object/exec_state.h"
#include "jit/executor/jit_runtime.h"
#include "jit/executor/stitch_module.h"

using stitch::api::api_thread;
using stitch::api::fail;
using stitch::api::guarded;
using stitch::api::map_core_status;
using stitch::api::succeed;

namespace {

using namespace stitch;

void init_process_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    init_object_model();
    interp::init_interpreter();
    imports::init_import_system();
    builtins::register_native_modules();
    jit::register_stitch_module();  // `import stitch`: jit_enabled(), jit_executor_count(), jit_reset()
    api::init_native_function_type();
  });
}

// Builds the runtime's builtins and importer on the calling thread, attached for the purpose.
stitch_status build_namespaces(stitch_runtime* runtime, const stitch_config* config) {
  constexpr const char* kFunction = "stitch_runtime_new";
  std::vector<std::string> path = config->module_path;
  std::string library = imports::standard_library_dir();
  if (!library.empty()) path.push_back(library);
  Ref builtins_dict = Ref::steal(builtins::make_builtins_dict());
  if (!builtins_dict) return api::fail_from_exception(kFunction);
  Ref importer = Ref::steal(imports::importer_new(builtins_dict.get(), path));
  if (!importer) return api::fail_from_exception(kFunction);
  runtime->builtins = builtins_dict.release();
  runtime->importer = importer.release();
  return STITCH_OK;
}

// Drops the runtime's Python state; the calling thread is attached and alone.
void clear_namespaces(stitch_runtime* runtime) {
  clear_exception();
  if (runtime->importer != nullptr) {
    imports::importer_shutdown(runtime->importer);  // clears every module's namespace
    clear_exception();
    decref(runtime->importer);
    runtime->importer = nullptr;
  }
  // Classes are cycles (their MRO names them, their methods lead back): break this runtime's,
  // or everything they hold leaks with each runtime (until the cycle collector exists).
  clear_classes_of_runtime(runtime->core->serial());
  clear_exception();
  if (runtime->builtins != nullptr) {
    decref(runtime->builtins);
    runtime->builtins = nullptr;
  }
  clear_exception();
}

// Attaches the core thread state for internal work (runtime creation and teardown).
rt::Expected<rt::ThreadState*> attach_core(stitch_runtime* runtime, const char* function) {
  auto attached = runtime->core->attach_current_thread(function);
  if (attached) exec_state().thread = *attached;
  return attached;
}

void detach_core(stitch_runtime* runtime, const char* function) {
  clear_exception();
  exec_state().thread = nullptr;
  (void)runtime->core->detach_current_thread(function);
}

}  // namespace

extern "C" {

stitch_status stitch_runtime_new(const stitch_config* config, stitch_runtime** out) {
  constexpr const char* kFunction = "stitch_runtime_new";
  return guarded(kFunction, [&]() -> stitch_status {
    if (out == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "out is null");
    *out = nullptr;
    if (api_thread().depth > 0 || exec_state().thread != nullptr) {
      return fail(kFunction, STITCH_E_ALREADY_ATTACHED,
                  "this thread is attached to another runtime (call stitch_thread_detach on it first)");
    }
    init_process_once();
    const stitch_config defaults;
    if (config == nullptr) config = &defaults;
    // The JIT's hooks are process-wide and installed once any runtime wants them; whether a
    // runtime uses them, and its threshold, is its own (rt::RuntimeConfig, read per thread state).
    if (config->jit != 0) jit::jit_install();
    rt::RuntimeConfig core_config;
    core_config.object_dealloc = &dealloc_object;
    core_config.jit_enabled = config->jit != 0;
    core_config.jit_threshold = static_cast<std::int32_t>(config->jit_threshold);
    core_config.thread_stack_size = static_cast<std::size_t>(config->stack_size);
    if (config->recursion_limit > 0) core_config.recursion_limit = static_cast<std::int32_t>(config->recursion_limit);
    auto core = rt::Runtime::create(core_config);
    if (!core) return map_core_status(kFunction, core.error());
    auto runtime = std::make_unique<stitch_runtime>();
    runtime->core = std::move(*core);
    runtime->link = std::make_shared<api::RuntimeLink>();
    runtime->link->runtime = runtime.get();
    runtime->link->abort_on_misuse = config->abort_on_misuse != 0;
    auto attached = attach_core(runtime.get(), kFunction);
    if (!attached) return map_core_status(kFunction, attached.error());
    stitch_status status = build_namespaces(runtime.get(), config);
    if (status != STITCH_OK) clear_namespaces(runtime.get());
    detach_core(runtime.get(), kFunction);
    if (status != STITCH_OK) {
      (void)runtime->core->shutdown(std::chrono::milliseconds(0));
      return status;
    }
    *out = runtime.release();
    return succeed();
  });
}

stitch_status stitch_runtime_shutdown(stitch_runtime* runtime, uint32_t timeout_ms) {
  constexpr const char* kFunction = "stitch_runtime_shutdown";
  return guarded(kFunction, [&]() -> stitch_status {
    if (runtime == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "the runtime handle is null");
    api::ApiThread& self = api_thread();
    bool self_attached = self.depth > 0 && self.runtime == runtime;
    if (self.depth > 0 && !self_attached) {
      return fail(kFunction, STITCH_E_ALREADY_ATTACHED,
                  "this thread is attached to another runtime (call stitch_thread_detach on it first)",
                  runtime->link.get());
    }
    if (self_attached && (self.in_detach_region || self.call_depth > 0)) {
      return fail(kFunction, STITCH_E_INVALID_ARGUMENT,
                  self.in_detach_region
                      ? "this thread is inside a detach region (call stitch_detach_end first)"
                      : "called from inside a script call (a native callback cannot shut its runtime down)",
                      runtime->link.get());
    }
    std::uint64_t self_id = self_attached ? self.state_id : 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      std::string others;
      {
        std::lock_guard<std::mutex> lock(runtime->threads_mutex);
        runtime->closing.store(true, std::memory_order_seq_cst);
        bool skipped_self = false;
        for (std::uint64_t id : runtime->attached_ids) {
          if (self_attached && id == self_id && !skipped_self) {
            skipped_self = true;
            continue;
          }
          others += (others.empty() ? "" : ", ") + std::to_string(id);
        }
      }
      if (others.empty()) break;
      if (std::chrono::steady_clock::now() >= deadline) {
        return fail(kFunction, STITCH_E_TIMEOUT,
                    "threads still attached after " + std::to_string(timeout_ms) + " ms (thread ids: " +
                        others + "); make them call stitch_thread_detach, then call shutdown again",
                        runtime->link.get());
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (!self_attached) {
      auto attached = attach_core(runtime, kFunction);
      if (!attached) return map_core_status(kFunction, attached.error());
    }
    api::drop_all_values(runtime);  // values the host kept: their handles outlive the objects
    clear_namespaces(runtime);
    runtime->link->alive.store(false, std::memory_order_release);
    detach_core(runtime, kFunction);
    if (self_attached) self = api::ApiThread{};
    rt::Status status = runtime->core->shutdown(std::chrono::milliseconds(timeout_ms));
    if (!status) return map_core_status(kFunction, status);
    delete runtime;
    return succeed();
  });
}

stitch_status stitch_thread_attach(stitch_runtime* runtime) {
  constexpr const char* kFunction = "stitch_thread_attach";
  return guarded(kFunction, [&]() -> stitch_status {
    if (runtime == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "the runtime handle is null");
    api::ApiThread& self = api_thread();
    if (self.depth > 0) {
      if (self.runtime != runtime) {
        return fail(kFunction, STITCH_E_ALREADY_ATTACHED,
                    "this thread is attached to another runtime (call stitch_thread_detach on it first)",
                    runtime->link.get());
      }
      if (self.in_detach_region) return api::fail_detached(kFunction);
      ++self.depth;  // nested attach: the outer one holds the thread state
      return succeed();
    }
    if (exec_state().thread != nullptr) {
      return fail(kFunction, STITCH_E_ALREADY_ATTACHED,
                  "this thread already runs Stitch code outside the API (a Stitch-created thread)",
                  runtime->link.get());
    }
    constexpr const char* kFinalizing = "the runtime is shutting down (no new attachments)";
    {
      std::lock_guard<std::mutex> lock(runtime->threads_mutex);
      if (runtime->closing.load(std::memory_order_seq_cst)) return fail(kFunction, STITCH_E_FINALIZING, kFinalizing,
                                                                        runtime->link.get());
    }
    auto attached = attach_core(runtime, kFunction);
    if (!attached) return map_core_status(kFunction, attached.error());
    {
      std::lock_guard<std::mutex> lock(runtime->threads_mutex);
      if (runtime->closing.load(std::memory_order_seq_cst)) {
        detach_core(runtime, kFunction);
        return fail(kFunction, STITCH_E_FINALIZING, kFinalizing, runtime->link.get());
      }
      runtime->attached_ids.push_back((*attached)->id());
    }
    self.runtime = runtime;
    self.depth = 1;
    self.state = *attached;
    self.state_id = (*attached)->id();
    return succeed();
  });
}

stitch_status stitch_thread_detach(stitch_runtime* runtime) {
  constexpr const char* kFunction = "stitch_thread_detach";
  return guarded(kFunction, [&]() -> stitch_status {
    if (runtime == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "the runtime handle is null");
    api::ApiThread& self = api_thread();
    if (self.depth == 0) {
      return fail(kFunction, STITCH_E_NOT_ATTACHED,
                  "this thread is not attached to the runtime (every stitch_thread_detach must follow a "
                  "stitch_thread_attach on the same thread)", runtime->link.get());
    }
    if (self.runtime != runtime) {
      return fail(kFunction, STITCH_E_WRONG_RUNTIME,
                  "this thread is attached to another runtime than the one passed (detach from that one)",
                  runtime->link.get());
    }
    if (self.in_detach_region) return api::fail_detached(kFunction);
    if (self.depth <= self.callback_floor) {
      return fail(kFunction, STITCH_E_INVALID_ARGUMENT,
                  "this thread is running a native callback: it may only undo the stitch_thread_attach "
                  "calls the callback made itself", runtime->link.get());
    }
    if (--self.depth > 0) return succeed();
    std::uint64_t id = self.state_id;
    detach_core(runtime, kFunction);
    {
      std::lock_guard<std::mutex> lock(runtime->threads_mutex);
      auto& ids = runtime->attached_ids;
      auto it = std::find(ids.begin(), ids.end(), id);
      if (it != ids.end()) ids.erase(it);
    }
    self = api::ApiThread{};
    return succeed();
  });
}

}  // extern "C"
