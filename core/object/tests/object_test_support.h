// A runtime with the calling thread attached and bound to the object model, for object tests.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>

#include "core/object/builtin_types.h"
#include "core/object/exec_state.h"
#include "core/runtime/runtime.h"

namespace stitch::testing {

class ObjectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    init_object_model();
    rt::RuntimeConfig config;
    config.object_dealloc = &dealloc_object;
    auto created = rt::Runtime::create(config);
    ASSERT_TRUE(created);
    runtime_ = std::move(created.value());
    attach();
  }
  void TearDown() override {
    EXPECT_EQ(exec_state().exception, nullptr) << "a test left an exception in flight";
    clear_exception();
    detach();
    ASSERT_TRUE(runtime_->shutdown(std::chrono::seconds(5)).is_ok());
  }
  /// Attaches the calling thread (threaded tests call it on each of their threads).
  void attach() {
    auto attached = runtime_->attach_current_thread();
    ASSERT_TRUE(attached);
    exec_state().thread = *attached;
  }
  void detach() {
    exec_state().thread = nullptr;
    ASSERT_TRUE(runtime_->detach_current_thread().is_ok());
  }

  std::unique_ptr<rt::Runtime> runtime_;
};

}  // namespace stitch::testing
