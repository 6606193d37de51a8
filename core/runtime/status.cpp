#include "core/runtime/status.h"

namespace stitch::rt {

const char* status_code_name(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kNotAttached: return "not attached";
    case StatusCode::kAlreadyAttached: return "already attached";
    case StatusCode::kShuttingDown: return "shutting down";
    case StatusCode::kInvalidArgument: return "invalid argument";
    case StatusCode::kTimeout: return "timeout";
    case StatusCode::kOutOfMemory: return "out of memory";
    case StatusCode::kInterrupted: return "interrupted";
    case StatusCode::kScriptError: return "script error";
  }
  return "unknown";
}

}  // namespace stitch::rt
