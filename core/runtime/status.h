// Errors as values for the runtime: a status code plus a message that names the function and the fix.
// Nothing in the runtime throws across a layer boundary; the C API (include/stitch) maps these 1:1.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace stitch::rt {

enum class StatusCode : int {
  kOk = 0,
  kNotAttached,       // the calling OS thread is not attached to the runtime
  kAlreadyAttached,   // attach on a thread that is attached already
  kShuttingDown,      // the runtime is shutting down: no new attachments
  kInvalidArgument,   // API misuse: null handle, handle of another runtime, bad config value
  kTimeout,           // a bounded wait ran out
  kOutOfMemory,
  kInterrupted,       // a host or watchdog interrupt reached a safepoint
  kScriptError,       // script code raised an exception
};

const char* status_code_name(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status ok() { return {}; }

  bool is_ok() const { return code_ == StatusCode::kOk; }
  explicit operator bool() const { return is_ok(); }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <class T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}  // NOLINT: implicit on purpose, like llvm::Expected
  Expected(Status error) : state_(std::move(error)) { assert(!std::get<Status>(state_).is_ok()); }

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& value() { return std::get<T>(state_); }
  const T& value() const { return std::get<T>(state_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const Status& error() const { return std::get<Status>(state_); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace stitch::rt
