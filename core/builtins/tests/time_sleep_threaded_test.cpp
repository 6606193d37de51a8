// time.sleep detaches the sleeping thread from the runtime: a stop-the-world requested while
// another thread sleeps for a second completes long before that second is over.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include "core/builtins/builtins_module.h"
#include "core/builtins/modules/native_module.h"
#include "core/import/importer.h"
#include "core/interp/interpreter.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/dict.h"
#include "core/object/exec_state.h"
#include "core/object/float.h"
#include "core/object/module.h"
#include "core/runtime/runtime.h"

namespace stitch::builtins {
namespace {

TEST(TimeSleepThreaded, SleepingThreadDoesNotHoldUpStopTheWorld) {
  init_object_model();
  interp::init_interpreter();
  imports::init_import_system();
  register_native_modules();
  rt::RuntimeConfig config;
  config.object_dealloc = &dealloc_object;
  auto created = rt::Runtime::create(config);
  ASSERT_TRUE(created);
  std::unique_ptr<rt::Runtime> runtime = std::move(created.value());
  auto main_thread = runtime->attach_current_thread();
  ASSERT_TRUE(main_thread);
  exec_state().thread = *main_thread;
  {
    Ref builtins = Ref::steal(make_builtins_dict());
    Ref importer = Ref::steal(imports::importer_new(builtins.get(), {}));
    ASSERT_TRUE(importer);
    Ref time_module = Ref::steal(imports::import_absolute(static_cast<imports::Importer*>(importer.get()), "time"));
    ASSERT_TRUE(time_module);
    Ref sleep = Ref::steal(dict_get_item_str(module_dict(time_module.get()), "sleep"));
    ASSERT_TRUE(sleep);
    Ref one_second = Ref::steal(float_from_double(1.0));

    std::atomic<bool> about_to_sleep{false};
    std::atomic<bool> slept_ok{false};
    std::thread sleeper([&] {
      auto attached = runtime->attach_current_thread();
      if (!attached) return;
      exec_state().thread = *attached;
      Object* argument = one_second.get();
      about_to_sleep.store(true);
      Ref result = Ref::steal(call_object(sleep.get(), &argument, 1, nullptr));
      slept_ok.store(static_cast<bool>(result));
      if (!result) clear_exception();
      exec_state().thread = nullptr;
      (void)runtime->detach_current_thread();
    });
    while (!about_to_sleep.load()) std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let it enter the sleep
    auto start = std::chrono::steady_clock::now();
    runtime->stop_the_world(**main_thread);
    runtime->start_the_world(**main_thread);
    auto paused_for = std::chrono::steady_clock::now() - start;
    EXPECT_LT(paused_for, std::chrono::milliseconds(500));
    // Waiting for the sleeper: detach so its re-attach (after a pause) is never blocked by us.
    exec_state().thread = nullptr;
    ASSERT_TRUE(runtime->detach_current_thread().is_ok());
    sleeper.join();
    main_thread = runtime->attach_current_thread();
    ASSERT_TRUE(main_thread);
    exec_state().thread = *main_thread;
    EXPECT_TRUE(slept_ok.load());
    imports::importer_shutdown(importer.get());
  }
  exec_state().thread = nullptr;
  ASSERT_TRUE(runtime->detach_current_thread().is_ok());
  ASSERT_TRUE(runtime->shutdown(std::chrono::seconds(5)).is_ok());
}

}  // namespace
}  // namespace stitch::builtins
