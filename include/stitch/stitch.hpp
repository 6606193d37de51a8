// Stitch embedding API, C++ side: RAII over include/stitch/stitch.h (header only, C++17).
//
// Failures throw stitch::Error, which carries the C status, message, function and traceback.
// Exceptions exist only on this side: the C ABI underneath never throws, and a C++ native function
// that throws has its exception turned into a script exception before it reaches the C ABI.
//
//   stitch::Runtime runtime;                       // stitch_runtime_new
//   stitch::Attached attached(runtime);            // stitch_thread_attach ... detach
//   runtime.eval("def f(x):\n    return x * 2\n");
//   int64_t y = runtime.call("__main__", "f", 21).to_int();
#ifndef STITCH_STITCH_HPP
#define STITCH_STITCH_HPP

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stitch/stitch.h"

namespace stitch {

class Error : public std::runtime_error {
 public:
  Error(stitch_status status, const std::string& message, std::string function, std::string traceback)
      : std::runtime_error(message), status_(status), function_(std::move(function)), traceback_(std::move(traceback)) {}
  stitch_status status() const noexcept { return status_; }
  const std::string& function() const noexcept { return function_; }  // the failing C call
  const std::string& traceback() const noexcept { return traceback_; }

 private:
  stitch_status status_;
  std::string function_;
  std::string traceback_;
};

/// Throws the calling thread's last error when `status` is not STITCH_OK.
inline void check(stitch_status status) {
  if (status == STITCH_OK) return;
  const stitch_error* error = stitch_last_error();
  throw Error(status, stitch_error_message(error), stitch_error_function(error), stitch_error_traceback(error));
}

class Runtime;

/// An owned value (released by the destructor), or a borrowed one (a native function's argument).
class Value {
 public:
  Value() = default;
  /// Takes ownership of a handle from the C API.
  static Value adopt(stitch_value* handle) { return Value(handle, true); }
  /// Refers to a handle owned elsewhere (native function arguments); never released here.
  static Value borrow(stitch_value* handle) { return Value(handle, false); }

  static Value none(stitch_runtime* runtime) { return make(stitch_value_none, runtime); }
  static Value from(stitch_runtime* runtime, bool value) { return make(stitch_value_from_bool, runtime, value ? 1 : 0); }
  static Value from(stitch_runtime* runtime, int value) { return from(runtime, static_cast<std::int64_t>(value)); }
  static Value from(stitch_runtime* runtime, std::int64_t value) { return make(stitch_value_from_int, runtime, value); }
  static Value from(stitch_runtime* runtime, double value) { return make(stitch_value_from_float, runtime, value); }
  static Value from(stitch_runtime* runtime, std::string_view text) {
    return make(stitch_value_from_str, runtime, text.data(), text.size());
  }
  static Value from(stitch_runtime* runtime, const char* text) { return from(runtime, std::string_view(text)); }
  /// An argument that is already a Value: borrowed for the call it is passed to.
  static Value from(stitch_runtime*, const Value& value) { return borrow(value.get()); }
  static Value list(stitch_runtime* runtime) { return make(stitch_list_new, runtime); }
  static Value dict(stitch_runtime* runtime) { return make(stitch_dict_new, runtime); }

  Value(Value&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)), owned_(other.owned_) {}
  Value& operator=(Value&& other) noexcept {
    if (this != &other) {
      reset();
      handle_ = std::exchange(other.handle_, nullptr);
      owned_ = other.owned_;
    }
    return *this;
  }
  Value(const Value&) = delete;
  Value& operator=(const Value&) = delete;
  ~Value() { reset(); }

  stitch_value* get() const noexcept { return handle_; }
  explicit operator bool() const noexcept { return handle_ != nullptr; }
  /// Gives up ownership (the caller releases the handle, or returns it from a native function).
  stitch_value* release() noexcept { return std::exchange(handle_, nullptr); }
  /// Releases now; errors are ignored as in the destructor (a value of a shut-down runtime is fine).
  void reset() noexcept {
    if (handle_ != nullptr && owned_) (void)stitch_value_release(handle_);
    handle_ = nullptr;
  }

  stitch_type type() const { stitch_type out; check(stitch_value_type(handle_, &out)); return out; }
  bool is_none() const { return type() == STITCH_TYPE_NONE; }
  bool to_bool() const { int out = 0; check(stitch_value_to_bool(handle_, &out)); return out != 0; }
  std::int64_t to_int() const { std::int64_t out = 0; check(stitch_value_to_int(handle_, &out)); return out; }
  double to_float() const { double out = 0; check(stitch_value_to_float(handle_, &out)); return out; }
  std::string to_str() const {
    const char* text = nullptr;
    size_t size = 0;
    check(stitch_value_to_str(handle_, &text, &size));
    return std::string(text, size);
  }
  std::string repr() const {
    stitch_value* out = nullptr;
    check(stitch_value_repr(handle_, &out));
    return adopt(out).to_str();
  }

  // Lists and dicts.
  void append(const Value& item) { check(stitch_list_append(handle_, item.get())); }
  std::size_t size() const {
    size_t out = 0;
    stitch_type kind = type();
    check(kind == STITCH_TYPE_DICT ? stitch_dict_size(handle_, &out) : stitch_list_size(handle_, &out));
    return out;
  }
  Value operator[](std::size_t index) const {
    stitch_value* out = nullptr;
    check(stitch_list_get(handle_, index, &out));
    return adopt(out);
  }
  Value get(const Value& key) const {
    stitch_value* out = nullptr;
    check(stitch_dict_get(handle_, key.get(), &out));
    return adopt(out);
  }
  void set(const Value& key, const Value& item) { check(stitch_dict_set(handle_, key.get(), item.get())); }

  /// Calls this value with already-built arguments.
  Value call(const std::vector<Value>& args = {}) const {
    std::vector<stitch_value*> handles;
    handles.reserve(args.size());
    for (const Value& arg : args) handles.push_back(arg.get());
    stitch_value* out = nullptr;
    check(stitch_call_value(handle_, handles.data(), handles.size(), &out));
    return adopt(out);
  }

 private:
  Value(stitch_value* handle, bool owned) : handle_(handle), owned_(owned) {}
  template <class Fn, class... Args>
  static Value make(Fn fn, stitch_runtime* runtime, Args... args) {
    stitch_value* out = nullptr;
    check(fn(runtime, args..., &out));
    return adopt(out);
  }

  stitch_value* handle_ = nullptr;
  bool owned_ = true;
};

/// A C++ native function: borrowed arguments in, a value (or an empty Value for None) out. A thrown
/// exception becomes a RuntimeError in the script (its what() is the message).
using NativeFunction = std::function<Value(stitch_runtime* runtime, std::vector<Value>& args)>;

class Config {
 public:
  Config() { check(stitch_config_new(&config_)); }
  ~Config() { stitch_config_free(config_); }
  Config(const Config&) = delete;
  Config& operator=(const Config&) = delete;
  Config& set(const char* key, std::int64_t value) { check(stitch_config_set_int(config_, key, value)); return *this; }
  Config& set(const char* key, const char* value) { check(stitch_config_set_string(config_, key, value)); return *this; }
  const stitch_config* get() const noexcept { return config_; }

 private:
  stitch_config* config_ = nullptr;
};

class Runtime {
 public:
  Runtime() { check(stitch_runtime_new(nullptr, &runtime_)); }
  explicit Runtime(const Config& config) { check(stitch_runtime_new(config.get(), &runtime_)); }
  /// Shuts down with a 10 s timeout. If threads are still attached then, the runtime (and the
  /// native functions it calls) is left alive rather than freed under them: call shutdown()
  /// yourself to handle that case.
  ~Runtime() {
    if (runtime_ != nullptr && stitch_runtime_shutdown(runtime_, 10000) != STITCH_OK) {
      for (auto& function : functions_) (void)function.release();
    }
  }
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  /// Throws Error (STITCH_E_TIMEOUT lists the threads still attached; the runtime stays usable).
  void shutdown(std::uint32_t timeout_ms = 10000) {
    check(stitch_runtime_shutdown(runtime_, timeout_ms));
    runtime_ = nullptr;
    functions_.clear();
  }
  stitch_runtime* get() const noexcept { return runtime_; }
  operator stitch_runtime*() const noexcept { return runtime_; }  // NOLINT: the C calls take it

  void eval(std::string_view source, const char* module = "__main__") {
    std::string text(source);
    check(stitch_eval(runtime_, module, text.c_str()));
  }
  Value global(const char* module, const char* name) {
    stitch_value* out = nullptr;
    check(stitch_get_global(runtime_, module, name, &out));
    return Value::adopt(out);
  }
  /// module.function(args...): arguments are Values or C++ scalars and strings.
  template <class... Args>
  Value call(const char* module, const char* function, Args&&... args) {
    Value values[] = {Value::from(runtime_, std::forward<Args>(args))..., Value()};
    stitch_value* handles[sizeof...(Args) + 1] = {};
    for (std::size_t i = 0; i < sizeof...(Args); ++i) handles[i] = values[i].get();
    stitch_value* out = nullptr;
    check(stitch_call(runtime_, module, function, handles, sizeof...(Args), &out));
    return Value::adopt(out);
  }

  /// Binds module.name (null module: a builtin) to `function`, kept alive by this Runtime.
  void define(const char* module, const char* name, NativeFunction function,
              std::uint32_t flags = STITCH_NATIVE_DEFAULT) {
    auto owned = std::make_unique<NativeFunction>(std::move(function));
    check(stitch_register_function(runtime_, module, name, &Runtime::trampoline, owned.get(), flags));
    functions_.push_back(std::move(owned));
  }

  std::uint64_t thread_id() const {
    std::uint64_t out = 0;
    check(stitch_thread_id(runtime_, &out));
    return out;
  }
  void interrupt(std::uint64_t thread_id) { check(stitch_thread_interrupt(runtime_, thread_id)); }
  void interrupt_all() { check(stitch_runtime_interrupt(runtime_)); }

 private:
  static stitch_status trampoline(stitch_runtime* runtime, stitch_value* const* args, size_t nargs,
                                  stitch_value** result, void* user_data) noexcept {
    try {
      std::vector<Value> borrowed;
      borrowed.reserve(nargs);
      for (size_t i = 0; i < nargs; ++i) borrowed.push_back(Value::borrow(args[i]));
      Value out = (*static_cast<NativeFunction*>(user_data))(runtime, borrowed);
      *result = out.release();
      return STITCH_OK;
    } catch (const Error& error) {
      // Keep the status (a type error stays a TypeError, an interrupt stays an interrupt).
      if (error.status() == STITCH_E_TYPE || error.status() == STITCH_E_INTERRUPTED) return error.status();
      return stitch_native_raise(runtime, error.what());
    } catch (const std::exception& error) {
      return stitch_native_raise(runtime, error.what());
    } catch (...) {
      return stitch_native_raise(runtime, "a C++ native function threw a non-standard exception");
    }
  }

  stitch_runtime* runtime_ = nullptr;
  std::vector<std::unique_ptr<NativeFunction>> functions_;
};

/// Attaches the calling thread for the guard's lifetime (nestable).
class Attached {
 public:
  explicit Attached(stitch_runtime* runtime) : runtime_(runtime) { check(stitch_thread_attach(runtime_)); }
  ~Attached() { (void)stitch_thread_detach(runtime_); }
  Attached(const Attached&) = delete;
  Attached& operator=(const Attached&) = delete;

 private:
  stitch_runtime* runtime_;
};

/// A detach region for blocking host work (I/O, host locks): no value may be touched inside it.
class Detached {
 public:
  explicit Detached(stitch_runtime* runtime) : runtime_(runtime) { check(stitch_detach_begin(runtime_)); }
  ~Detached() { (void)stitch_detach_end(runtime_); }
  Detached(const Detached&) = delete;
  Detached& operator=(const Detached&) = delete;

 private:
  stitch_runtime* runtime_;
};

}  // namespace stitch

#endif  // STITCH_STITCH_HPP
