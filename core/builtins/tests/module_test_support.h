// A runtime with the builtins and the native modules registered, for tests of native modules:
// attach/detach the current thread, import a module, call attributes, read reprs and errors.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <initializer_list>
#include <memory>
#include <string>

#include "core/builtins/builtins_module.h"
#include "core/builtins/modules/native_module.h"
#include "core/import/importer.h"
#include "core/interp/interpreter.h"
#include "core/object/attributes.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/module.h"
#include "core/object/protocol.h"
#include "core/object/str.h"
#include "core/runtime/runtime.h"

namespace stitch::builtins {

class NativeModuleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    init_object_model();
    interp::init_interpreter();
    imports::init_import_system();
    register_native_modules();
    rt::RuntimeConfig config;
    config.object_dealloc = &dealloc_object;
    auto created = rt::Runtime::create(config);
    ASSERT_TRUE(created);
    runtime_ = std::move(created.value());
    attach();
    builtins_ = Ref::steal(make_builtins_dict());
    ASSERT_TRUE(builtins_);
    importer_ = Ref::steal(imports::importer_new(builtins_.get(), {}));
    ASSERT_TRUE(importer_);
  }
  void TearDown() override {
    EXPECT_EQ(exec_state().exception, nullptr);
    imports::importer_shutdown(importer_.get());
    importer_ = Ref();
    builtins_ = Ref();
    detach();
    ASSERT_TRUE(runtime_->shutdown(std::chrono::seconds(5)).is_ok());
  }
  void attach() {
    auto attached = runtime_->attach_current_thread();
    ASSERT_TRUE(attached);
    exec_state().thread = *attached;
  }
  void detach() {
    exec_state().thread = nullptr;
    ASSERT_TRUE(runtime_->detach_current_thread().is_ok());
  }

  // module.name (a new reference), or an empty Ref.
  Ref module_attribute(const char* module, const char* name) {
    Ref imported = Ref::steal(imports::import_absolute(static_cast<imports::Importer*>(importer_.get()), module));
    if (!imported) return Ref();
    return Ref::steal(dict_get_item_str(module_dict(imported.get()), name));
  }

  // object.name(*arguments): a new reference, or an empty Ref with the exception in flight.
  static Ref call_method(Object* object, const char* name, std::initializer_list<Object*> arguments = {}) {
    Ref key = Ref::steal(str_from_utf8(name));
    Ref method = Ref::steal(object_getattr(object, key.get()));
    if (!method) return Ref();
    return Ref::steal(call_object(method.get(), arguments.begin(), arguments.size(), nullptr));
  }

  static std::string repr(Object* object) {
    Ref text = Ref::steal(object_repr(object));
    return text ? std::string(str_view(text.get())) : "<error>";
  }

  // "TypeName: message" of the exception in flight, which is cleared.
  static std::string take_error() {
    Ref exception = Ref::steal(take_exception());
    if (!exception) return "<no exception>";
    Ref summary = Ref::steal(exception_summary(exception.get()));
    return summary ? std::string(str_view(summary.get())) : "<unprintable>";
  }

  std::unique_ptr<rt::Runtime> runtime_;
  Ref builtins_;
  Ref importer_;
};

}  // namespace stitch::builtins
