// Errors as values for the JIT backend: a Result<T> is either a T or a message saying what
// failed. No exceptions cross the backend's interface.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace stitch::jit {

struct BackendError {
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design, like llvm::Expected.
  Result(BackendError error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(state_); }
  const T& value() const { return std::get<T>(state_); }
  T* operator->() { return &value(); }
  T& operator*() { return value(); }
  const std::string& error() const { return std::get<BackendError>(state_).message; }
  BackendError take_error() { return std::get<BackendError>(std::move(state_)); }

 private:
  std::variant<T, BackendError> state_;
};

struct Ok {};
using Status = Result<Ok>;

inline BackendError make_error(std::string message) { return BackendError{std::move(message)}; }

}  // namespace stitch::jit
