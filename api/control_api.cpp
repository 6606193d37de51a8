// Detach regions around blocking host work, thread ids, and interrupts from a watchdog.
#include <string>

#include "api/api_internal.h"

using stitch::api::api_thread;
using stitch::api::fail;
using stitch::api::guarded;
using stitch::api::succeed;

extern "C" {

stitch_status stitch_thread_id(stitch_runtime* runtime, uint64_t* out) {
  constexpr const char* kFunction = "stitch_thread_id";
  return guarded(kFunction, [&]() -> stitch_status {
    if (out == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "out is null");
    // The id stays valid inside a detach region (a watchdog may be told it while we block).
    stitch::api::ApiThread& self = api_thread();
    if (runtime == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "the runtime handle is null");
    if (self.depth == 0 || self.runtime != runtime) {
      return stitch::api::require_attached(kFunction, runtime);
    }
    *out = self.state_id;
    return succeed();
  });
}

stitch_status stitch_detach_begin(stitch_runtime* runtime) {
  constexpr const char* kFunction = "stitch_detach_begin";
  return guarded(kFunction, [&]() -> stitch_status {
    stitch::api::ApiThread& self = api_thread();
    if (self.in_detach_region && self.runtime == runtime) {
      return fail(kFunction, STITCH_E_INVALID_ARGUMENT,
                  "this thread is already inside a detach region (regions do not nest: call "
                  "stitch_detach_end first)");
    }
    if (stitch_status status = stitch::api::require_attached(kFunction, runtime); status != STITCH_OK) {
      return status;
    }
    // The API's attachment stays (shutdown waits for us: we will come back to the objects); only
    // the core's ends, so pauses and reclamation need not wait while we block.
    self.state->detach();
    self.in_detach_region = true;
    return succeed();
  });
}

stitch_status stitch_detach_end(stitch_runtime* runtime) {
  constexpr const char* kFunction = "stitch_detach_end";
  return guarded(kFunction, [&]() -> stitch_status {
    if (runtime == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "the runtime handle is null");
    stitch::api::ApiThread& self = api_thread();
    if (self.depth == 0) {
      return fail(kFunction, STITCH_E_NOT_ATTACHED,
                  "this thread is not attached to the runtime (stitch_detach_end pairs with a "
                  "stitch_detach_begin made while attached)", runtime->link.get());
    }
    if (self.runtime != runtime) {
      return fail(kFunction, STITCH_E_WRONG_RUNTIME,
                  "this thread is attached to another runtime than the one passed (end the region on that one)",
                  runtime->link.get());
    }
    if (!self.in_detach_region) {
      return fail(kFunction, STITCH_E_INVALID_ARGUMENT,
                  "this thread is not inside a detach region (every stitch_detach_end must follow a "
                  "stitch_detach_begin on the same thread)", runtime->link.get());
    }
    self.state->attach();  // waits out a stop-the-world in progress
    self.in_detach_region = false;
    return succeed();
  });
}

stitch_status stitch_thread_interrupt(stitch_runtime* runtime, uint64_t thread_id) {
  constexpr const char* kFunction = "stitch_thread_interrupt";
  return guarded(kFunction, [&]() -> stitch_status {
    if (runtime == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "the runtime handle is null");
    if (!runtime->core->interrupt_thread(thread_id)) {
      return fail(kFunction, STITCH_E_NOT_FOUND,
                  "no thread with id " + std::to_string(thread_id) +
                      " in this runtime (take the id from stitch_thread_id on the thread itself)");
    }
    return succeed();
  });
}

stitch_status stitch_runtime_interrupt(stitch_runtime* runtime) {
  constexpr const char* kFunction = "stitch_runtime_interrupt";
  return guarded(kFunction, [&]() -> stitch_status {
    if (runtime == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "the runtime handle is null");
    runtime->core->interrupt_all();
    return succeed();
  });
}

}  // extern "C"
