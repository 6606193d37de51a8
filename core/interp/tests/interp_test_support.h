// A runtime with the calling thread attached, plus a way to run a small module and fetch what
// it defined, for interpreter tests that drive generators (or other objects) from C++.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "core/compiler/bytecode/codegen.h"
#include "core/compiler/frontend.h"
#include "core/interp/interpreter.h"
#include "core/object/builtin_types.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/range.h"
#include "core/object/str.h"
#include "core/runtime/runtime.h"

namespace stitch::testing {

class InterpreterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    init_object_model();
    interp::init_interpreter();
    rt::RuntimeConfig config;
    config.object_dealloc = &dealloc_object;
    configure(config);
    auto created = rt::Runtime::create(config);
    ASSERT_TRUE(created);
    runtime_ = std::move(created.value());
    auto attached = runtime_->attach_current_thread();
    ASSERT_TRUE(attached);
    exec_state().thread = *attached;
    builtins_ = Ref::steal(dict_new());
    globals_ = Ref::steal(dict_new());
    // The few builtins the tests' programs use (core/builtins is a layer above).
    struct Named { const char* name; Object* value; };
    const Named names[] = {
        {"range", &range_type}, {"StopIteration", &stop_iteration_type},
        {"GeneratorExit", &generator_exit_type}, {"KeyError", &key_error_type},
        {"ValueError", &value_error_type}, {"ZeroDivisionError", &zero_division_error_type},
        {"RuntimeError", &runtime_error_type},
    };
    for (const Named& entry : names) ASSERT_EQ(dict_set_item_str(builtins_.get(), entry.name, entry.value), 0);
  }
  /// Lets a fixture adjust the runtime's configuration (e.g. its JIT threshold) before creation.
  virtual void configure(rt::RuntimeConfig&) {}
  void TearDown() override {
    EXPECT_EQ(exec_state().exception, nullptr) << "a test left an exception in flight";
    clear_exception();
    // Module functions and their globals reference each other: break the cycle.
    Ref cleared = Ref::steal(dict_method_clear(globals_.get(), nullptr, 0, nullptr));
    cleared = Ref();
    globals_ = Ref();
    builtins_ = Ref();
    exec_state().thread = nullptr;
    ASSERT_TRUE(runtime_->detach_current_thread().is_ok());
    ASSERT_TRUE(runtime_->shutdown(std::chrono::seconds(5)).is_ok());
  }

  /// Compiles and runs `source` as the module; false (with the failure reported) on error.
  ::testing::AssertionResult run(const std::string& source) {
    compiler::FrontendResult front = compiler::run_frontend(source, "<test>");
    if (!front.ok()) return ::testing::AssertionFailure() << "syntax error";
    auto compiled = bytecode::compile_module(front);
    if (!compiled.code) return ::testing::AssertionFailure() << "compile error";
    Ref code = Ref::steal(compiled.code);
    Ref result = Ref::steal(interp::run_module_code(code.get(), globals_.get(), builtins_.get()));
    if (!result) {
      clear_exception();
      return ::testing::AssertionFailure() << "the module raised";
    }
    return ::testing::AssertionSuccess();
  }

  /// The module global `name` (new reference), or nullptr.
  Ref global(const char* name) { return Ref::steal(dict_get_item_str(globals_.get(), name)); }

  std::unique_ptr<rt::Runtime> runtime_;
  Ref builtins_;
  Ref globals_;
};

}  // namespace stitch::testing
