// The per-thread error object, the checks shared by every entry point, and abort_on_misuse.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "api/api_internal.h"
#include "core/interp/traceback.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"

namespace stitch::api {
stitch_error& last_error() {
  thread_local stitch_error error;
  return error;
}

namespace {

// The last non-empty line of a report: "ZeroDivisionError: division by zero".
std::string last_line(const std::string& report) {
  std::size_t end = report.find_last_not_of('\n');
  if (end == std::string::npos) return report;
  std::size_t start = report.rfind('\n', end);
  start = start == std::string::npos ? 0 : start + 1;
  return report.substr(start, end - start + 1);
}

}  // namespace

ApiThread::~ApiThread() {
  if (depth == 0 || runtime == nullptr) return;
  // Still listed, so the runtime is alive: its shutdown waits for this id.
  std::lock_guard<std::mutex> lock(runtime->threads_mutex);
  auto& ids = runtime->attached_ids;
  for (auto it = ids.begin(); it != ids.end(); ++it) {
    if (*it == state_id) {
      ids.erase(it);
      break;
    }
  }
}

ApiThread& api_thread() {
  thread_local ApiThread thread;
  return thread;
}

bool is_misuse(stitch_status code) {
  switch (code) {
    case STITCH_E_NOT_ATTACHED:
    case STITCH_E_ALREADY_ATTACHED:
    case STITCH_E_FINALIZING:
    case STITCH_E_INVALID_ARGUMENT:
    case STITCH_E_WRONG_RUNTIME:
    case STITCH_E_RUNTIME_GONE: return true;
    default: return false;
  }
}

namespace {

// stitch_set_abort_on_misuse: for misuse that names no runtime (a null handle on an unattached
// thread) and for hosts that want the mode everywhere.
std::atomic<bool> process_aborts_on_misuse{false};

// The runtimes a misuse concerns: the one the call names (when the failing check knows it) and
// the one the thread is attached to. A runtime's flag is fixed before its handle is published.
bool misuse_aborts(const RuntimeLink* subject) {
  if (process_aborts_on_misuse.load(std::memory_order_relaxed)) return true;
  if (subject != nullptr && subject->abort_on_misuse) return true;
  ApiThread& thread = api_thread();
  return thread.depth > 0 && thread.runtime != nullptr && thread.runtime->link->abort_on_misuse;
}

}  // namespace

stitch_status fail_with_traceback(const char* function, stitch_status code, const std::string& message,
                                  const std::string& traceback, const RuntimeLink* subject) {
  stitch_error& error = last_error();
  error.code = code;
  error.function = function;
  error.message = std::string(function) + ": " + message;
  error.traceback = traceback;
  error.abort_requested = is_misuse(code) && misuse_aborts(subject);
  return code;
}

stitch_status fail(const char* function, stitch_status code, const std::string& message,
                   const RuntimeLink* subject) {
  return fail_with_traceback(function, code, message, "", subject);
}

stitch_status succeed() {
  stitch_error& error = last_error();
  error.code = STITCH_OK;
  error.message.clear();
  error.function.clear();
  error.traceback.clear();
  error.abort_requested = false;
  return STITCH_OK;
}

void abort_if_misuse_requested(stitch_status status) {
  const stitch_error& error = last_error();
  if (!error.abort_requested || error.code != status) return;
  // The message the error object holds (function name and fix), then a core dump at the misuse.
  std::fprintf(stderr, "%s [%s; abort_on_misuse is on]\n", error.message.c_str(), stitch_status_name(status));
  std::fflush(stderr);
  std::abort();
}

stitch_status fail_from_exception(const char* function) {
  Ref exception = Ref::steal(take_exception());
  if (!exception) return fail(function, STITCH_E_SCRIPT, "the script failed without an exception");
  std::string report = interp::format_exception_report(exception.get());
  clear_exception();  // formatting may itself have raised
  // The interpreter delivers a host interrupt as KeyboardInterrupt at a safepoint.
  if (is_subtype(type_of(exception.get()), &keyboard_interrupt_type)) {
    return fail_with_traceback(function, STITCH_E_INTERRUPTED,
                               "the script was interrupted (stitch_thread_interrupt or stitch_runtime_interrupt)",
                               report);
  }
  return fail_with_traceback(function, STITCH_E_SCRIPT, last_line(report), report);
}

stitch_status map_core_status(const char* function, const rt::Status& status) {
  stitch_status code = STITCH_E_INVALID_ARGUMENT;
  switch (status.code()) {
    case rt::StatusCode::kOk: return succeed();
    case rt::StatusCode::kNotAttached: code = STITCH_E_NOT_ATTACHED; break;
    case rt::StatusCode::kAlreadyAttached: code = STITCH_E_ALREADY_ATTACHED; break;
    case rt::StatusCode::kShuttingDown: code = STITCH_E_FINALIZING; break;
    case rt::StatusCode::kTimeout: code = STITCH_E_TIMEOUT; break;
    case rt::StatusCode::kOutOfMemory: code = STITCH_E_NO_MEMORY; break;
    case rt::StatusCode::kScriptError: code = STITCH_E_SCRIPT; break;
    case rt::StatusCode::kInterrupted: code = STITCH_E_INTERRUPTED; break;
    case rt::StatusCode::kInvalidArgument: break;
  }
  // The core's message already starts with the caller's name.
  stitch_error& error = last_error();
  error.code = code;
  error.function = function;
  error.message = status.message();
  error.traceback.clear();
  error.abort_requested = is_misuse(code) && misuse_aborts(nullptr);
  return code;
}

stitch_status fail_detached(const char* function) {
  return fail(function, STITCH_E_NOT_ATTACHED,
              "this thread is inside a detach region (call stitch_detach_end before touching the runtime)");
}

stitch_status require_attached(const char* function, stitch_runtime* runtime) {
  if (runtime == nullptr) return fail(function, STITCH_E_INVALID_ARGUMENT, "the runtime handle is null");
  ApiThread& thread = api_thread();
  if (thread.depth > 0 && thread.runtime == runtime) {
    if (thread.in_detach_region) return fail_detached(function);
    return STITCH_OK;
  }
  if (thread.depth > 0) {
    return fail(function, STITCH_E_WRONG_RUNTIME,
                "this thread is attached to another runtime than the one passed (attach to it with "
                "stitch_thread_attach, after detaching from the other)",
                runtime->link.get());
  }
  return fail(function, STITCH_E_NOT_ATTACHED,
              "this thread is not attached to the runtime (call stitch_thread_attach first)", runtime->link.get());
}

stitch_status require_value(const char* function, const char* argument, stitch_value* value,
                            stitch_runtime* runtime) {
  if (value == nullptr) {
    return fail(function, STITCH_E_INVALID_ARGUMENT, std::string("the value '") + argument + "' is null");
  }
  const RuntimeLink* subject = value->link.get();
  auto gone = [&] {
    return fail(function, STITCH_E_RUNTIME_GONE,
                std::string("the value '") + argument +
                    "' belongs to a runtime that was shut down (values die with their runtime; only "
                    "stitch_value_release accepts it)",
                subject);
  };
  if (!value->link->alive.load(std::memory_order_acquire)) return gone();
  if (runtime != nullptr && value->link->runtime != runtime) {
    return fail(function, STITCH_E_WRONG_RUNTIME,
                std::string("the value '") + argument +
                    "' belongs to another runtime (values cannot cross runtimes: convert it to C "
                    "data and build a new value in this runtime)",
                subject);
  }
  ApiThread& thread = api_thread();
  if (thread.depth == 0 || thread.runtime != value->link->runtime) {
    if (thread.depth > 0) {
      return fail(function, STITCH_E_WRONG_RUNTIME,
                  std::string("the value '") + argument +
                      "' belongs to another runtime than the one this thread is attached to",
                  subject);
    }
    return fail(function, STITCH_E_NOT_ATTACHED,
                "this thread is not attached to the value's runtime (call stitch_thread_attach first)", subject);
  }
  if (thread.in_detach_region) return fail_detached(function);
  // Attached: the runtime cannot finish shutting down under us, so this answer is stable.
  if (!value->link->alive.load(std::memory_order_acquire)) return gone();
  return STITCH_OK;
}

namespace {
ValueShard& shard_of(stitch_runtime* runtime, stitch_value* value) {
  auto address = reinterpret_cast<std::uintptr_t>(value);
  return runtime->value_shards[(address >> 5) % kValueShards];
}
}  // namespace

void track_value(stitch_runtime* runtime, stitch_value* value) {
  ValueShard& shard = shard_of(runtime, value);
  std::lock_guard<std::mutex> lock(shard.mutex);
  value->previous = nullptr;
  value->next = shard.head;
  if (shard.head != nullptr) shard.head->previous = value;
  shard.head = value;
}

void untrack_value(stitch_runtime* runtime, stitch_value* value) {
  ValueShard& shard = shard_of(runtime, value);
  std::lock_guard<std::mutex> lock(shard.mutex);
  if (value->previous != nullptr) value->previous->next = value->next;
  else shard.head = value->next;
  if (value->next != nullptr) value->next->previous = value->previous;
  value->previous = value->next = nullptr;
}

void drop_all_values(stitch_runtime* runtime) {
  for (ValueShard& shard : runtime->value_shards) {
    stitch_value* list;
    {
      std::lock_guard<std::mutex> lock(shard.mutex);
      list = shard.head;
      shard.head = nullptr;
    }
    while (list != nullptr) {
      stitch_value* next = list->next;
      list->previous = list->next = nullptr;
      Object* object = std::exchange(list->object, nullptr);
      if (object != nullptr) decref(object);
      list = next;
    }
  }
  clear_exception();
}

stitch_status make_value(const char* function, stitch_runtime* runtime, Object* owned, stitch_value** out) {
  if (owned == nullptr) return fail_from_exception(function);
  auto* value = new (std::nothrow) stitch_value;
  if (value == nullptr) {
    decref(owned);
    return fail(function, STITCH_E_NO_MEMORY, "out of memory");
  }
  value->link = runtime->link;
  value->object = owned;
  track_value(runtime, value);
  *out = value;
  return succeed();
}

}  // namespace stitch::api

extern "C" {

const stitch_error* stitch_last_error(void) { return &stitch::api::last_error(); }

void stitch_set_abort_on_misuse(int on) {
  stitch::api::process_aborts_on_misuse.store(on != 0, std::memory_order_relaxed);
}

stitch_status stitch_error_code(const stitch_error* error) {
  return error == nullptr ? STITCH_E_INVALID_ARGUMENT : error->code;
}
const char* stitch_error_message(const stitch_error* error) {
  return error == nullptr ? "" : error->message.c_str();
}
const char* stitch_error_function(const stitch_error* error) {
  return error == nullptr ? "" : error->function.c_str();
}
const char* stitch_error_traceback(const stitch_error* error) {
  return error == nullptr ? "" : error->traceback.c_str();
}

const char* stitch_status_name(stitch_status status) {
  switch (status) {
    case STITCH_OK: return "STITCH_OK";
    case STITCH_E_NOT_ATTACHED: return "STITCH_E_NOT_ATTACHED";
    case STITCH_E_ALREADY_ATTACHED: return "STITCH_E_ALREADY_ATTACHED";
    case STITCH_E_FINALIZING: return "STITCH_E_FINALIZING";
    case STITCH_E_INVALID_ARGUMENT: return "STITCH_E_INVALID_ARGUMENT";
    case STITCH_E_WRONG_RUNTIME: return "STITCH_E_WRONG_RUNTIME";
    case STITCH_E_RUNTIME_GONE: return "STITCH_E_RUNTIME_GONE";
    case STITCH_E_CONFIG: return "STITCH_E_CONFIG";
    case STITCH_E_TIMEOUT: return "STITCH_E_TIMEOUT";
    case STITCH_E_SCRIPT: return "STITCH_E_SCRIPT";
    case STITCH_E_SYNTAX: return "STITCH_E_SYNTAX";
    case STITCH_E_TYPE: return "STITCH_E_TYPE";
    case STITCH_E_NOT_FOUND: return "STITCH_E_NOT_FOUND";
    case STITCH_E_OVERFLOW: return "STITCH_E_OVERFLOW";
    case STITCH_E_NO_MEMORY: return "STITCH_E_NO_MEMORY";
    case STITCH_E_INTERRUPTED: return "STITCH_E_INTERRUPTED";
  }
  return "STITCH_E_UNKNOWN";
}

}  // extern "C"
