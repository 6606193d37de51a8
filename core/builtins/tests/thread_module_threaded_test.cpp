// _thread: a thread started by start_new_thread that blocks in lock.acquire() is detached, so a
// stop-the-world completes while it waits; a lock acquired by one thread can be released by
// another (Python's Lock has no owner); the started thread detaches before it ends.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>

#include "core/builtins/builtins_module.h"
#include "core/builtins/modules/native_module.h"
#include "core/import/importer.h"
#include "core/interp/interpreter.h"
#include "core/object/attributes.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/dict.h"
#include "core/object/exec_state.h"
#include "core/object/module.h"
#include "core/object/tuple.h"
#include "core/runtime/runtime.h"

namespace stitch::builtins {
namespace {

Ref attribute(Object* module, const char* name) { return Ref::steal(dict_get_item_str(module_dict(module), name)); }

Ref call(Object* callable, std::initializer_list<Object*> arguments) {
  return Ref::steal(call_object(callable, arguments.begin(), arguments.size(), nullptr));
}

TEST(ThreadModuleThreaded, BlockedAcquireDetachesAndOtherThreadsMayRelease) {
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
    Ref thread_module = Ref::steal(imports::import_absolute(static_cast<imports::Importer*>(importer.get()), "_thread"));
    ASSERT_TRUE(thread_module);
    Ref allocate_lock = attribute(thread_module.get(), "allocate_lock");
    Ref start_new_thread = attribute(thread_module.get(), "start_new_thread");
    ASSERT_TRUE(allocate_lock && start_new_thread);

    Ref gate = call(allocate_lock.get(), {});   // held by main: the thread blocks on it
    Ref done = call(allocate_lock.get(), {});   // held until the thread released it
    ASSERT_TRUE(gate && done);
    Ref gate_acquire = Ref::steal(object_lookup_attr_text(gate.get(), "acquire"));
    Ref gate_release = Ref::steal(object_lookup_attr_text(gate.get(), "release"));
    Ref done_acquire = Ref::steal(object_lookup_attr_text(done.get(), "acquire"));
    Ref done_release = Ref::steal(object_lookup_attr_text(done.get(), "release"));
    Ref done_locked = Ref::steal(object_lookup_attr_text(done.get(), "locked"));
    ASSERT_TRUE(call(gate_acquire.get(), {}));
    ASSERT_TRUE(call(done_acquire.get(), {}));
    EXPECT_EQ(running_thread_count(), 0);

    // A Python thread whose whole work is gate.acquire(): it blocks until main releases the gate.
    Ref no_arguments = Ref::steal(tuple_new_uninitialized(0));
    ASSERT_TRUE(call(start_new_thread.get(), {gate_acquire.get(), no_arguments.get()}));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let it block in acquire
    EXPECT_EQ(running_thread_count(), 1);

    auto start = std::chrono::steady_clock::now();
    runtime->stop_the_world(**main_thread);
    runtime->start_the_world(**main_thread);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(500));

    // Main releases the gate; the thread takes it and ends. A second thread releases `done`,
    // which main acquired: Python locks may be released by any thread.
    ASSERT_TRUE(call(gate_release.get(), {}));
    ASSERT_TRUE(call(start_new_thread.get(), {done_release.get(), no_arguments.get()}));
    {
      rt::DetachedScope detached(**main_thread);
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (running_thread_count() > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    }
    EXPECT_EQ(running_thread_count(), 0);
    Ref locked = call(done_locked.get(), {});
    EXPECT_EQ(locked.get(), py_false());
    Ref gate_locked = Ref::steal(object_lookup_attr_text(gate.get(), "locked"));
    EXPECT_EQ(call(gate_locked.get(), {}).get(), py_true());  // the thread acquired it and ended
    imports::importer_shutdown(importer.get());
  }
  exec_state().thread = nullptr;
  ASSERT_TRUE(runtime->detach_current_thread().is_ok());
  ASSERT_TRUE(runtime->shutdown(std::chrono::seconds(5)).is_ok());
}

}  // namespace
}  // namespace stitch::builtins
