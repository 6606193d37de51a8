// Errors as values for the random engine: the Python exception class CPython 3.11 raises plus its
// exact message. Nothing in this library throws; the module layer turns a RandomError into a
// raised exception.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace stitch::random {

/// Which Python exception CPython raises for this failure.
enum class ErrorKind : unsigned char {
  kValueError,
  kIndexError,
};

struct RandomError {
  ErrorKind kind = ErrorKind::kValueError;
  std::string message;  // CPython 3.11's message, byte for byte
};

/// A value or the RandomError that explains why there is none.
template <class T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}            // NOLINT: implicit on purpose
  Expected(RandomError error) : state_(std::move(error)) {}  // NOLINT: implicit on purpose

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& value() { return std::get<0>(state_); }
  const T& value() const { return std::get<0>(state_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const RandomError& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, RandomError> state_;
};

inline RandomError value_error(std::string message) {
  return {ErrorKind::kValueError, std::move(message)};
}
inline RandomError index_error(std::string message) {
  return {ErrorKind::kIndexError, std::move(message)};
}

}  // namespace stitch::random
