// Errors as values for the text library: the Python exception class to raise plus CPython's exact
// message. Nothing here throws; the object model turns a TextError into a raised exception.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace stitch::text {

/// Which Python exception CPython raises for this failure.
enum class ErrorKind : unsigned char {
  kValueError,
  kOverflowError,
};

struct TextError {
  ErrorKind kind = ErrorKind::kValueError;
  std::string message;  // CPython 3.11's message, byte for byte
};

/// A value or the TextError that explains why there is none.
template <class T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}          // NOLINT: implicit on purpose
  Expected(TextError error) : state_(std::move(error)) {}  // NOLINT: implicit on purpose

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& value() { return std::get<0>(state_); }
  const T& value() const { return std::get<0>(state_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const TextError& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, TextError> state_;
};

inline TextError value_error(std::string message) { return {ErrorKind::kValueError, std::move(message)}; }
inline TextError overflow_error(std::string message) { return {ErrorKind::kOverflowError, std::move(message)}; }

}  // namespace stitch::text
