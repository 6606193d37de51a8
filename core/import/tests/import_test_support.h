// A runtime with one attached thread, an Importer searching a fresh temporary directory, and
// helpers to write modules there. Module bodies run with a tiny builtins dict (range, len), since
// the builtins library sits above the import system.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/import/importer.h"
#include "core/interp/interpreter.h"
#include "core/object/builtin_types.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/module.h"
#include "core/object/protocol.h"
#include "core/object/range.h"
#include "core/object/str.h"
#include "core/runtime/runtime.h"

namespace stitch::imports {

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    init_object_model();
    interp::init_interpreter();
    init_import_system();
    rt::RuntimeConfig config;
    config.object_dealloc = &dealloc_object;
    auto created = rt::Runtime::create(config);
    ASSERT_TRUE(created);
    runtime_ = std::move(created.value());
    attach();
    directory_ = std::filesystem::temp_directory_path() /
                 ("stitch_import_test_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
    builtins_ = Ref::steal(dict_new());
    ASSERT_EQ(dict_set_item_str(builtins_.get(), "range", &range_type), 0);
    importer_ = Ref::steal(importer_new(builtins_.get(), {directory_.string()}));
    ASSERT_TRUE(importer_);
  }

  void TearDown() override {
    EXPECT_EQ(exec_state().exception, nullptr) << describe_exception();
    importer_shutdown(importer_.get());
    importer_ = Ref();
    builtins_ = Ref();
    detach();
    ASSERT_TRUE(runtime_->shutdown(std::chrono::seconds(5)).is_ok());
    std::filesystem::remove_all(directory_);
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

  void write(const std::string& relative_path, const std::string& text) {
    std::filesystem::path path = directory_ / relative_path;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }

  Importer* importer() { return static_cast<Importer*>(importer_.get()); }

  Ref import(const std::string& name) { return Ref::steal(import_absolute(importer(), name)); }

  // "TypeName: message" of the exception in flight, which is cleared.
  std::string take_error() {
    Ref exception = Ref::steal(take_exception());
    if (!exception) return "<no exception>";
    Ref summary = Ref::steal(exception_summary(exception.get()));
    return summary ? std::string(str_view(summary.get())) : "<unprintable>";
  }
  std::string describe_exception() {
    return has_exception() ? take_error() : "";
  }

  // str(module.name), or "<missing>".
  std::string attribute_text(Object* module, const char* name) {
    Ref value = Ref::steal(dict_get_item_str(module_dict(module), name));
    if (!value) return "<missing>";
    Ref text = Ref::steal(object_str(value.get()));
    return text ? std::string(str_view(text.get())) : "<error>";
  }

  std::unique_ptr<rt::Runtime> runtime_;
  std::filesystem::path directory_;
  Ref builtins_;
  Ref importer_;
};

}  // namespace stitch::imports
