// The `_thread` module: OS threads that attach to the runtime, the lock and RLock types, thread
// identities. `threading` (threading_module.cpp, written in Python) builds everything else on it.
//
// A started thread attaches its own ThreadState, calls the function, reports an uncaught exception
// the way CPython's _thread does, drops its references and detaches before the OS thread ends.
// Every wait (acquire with blocking) goes through sync::Mutex with LockMode::kDetach, so a blocked
// thread is detached: stop-the-world and QSBR never wait for it.
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <new>
#include <string>
#include <thread>
#include <vector>

#include "core/builtins/modules/native_module.h"
#include "core/interp/traceback.h"
#include "core/object/alloc.h"
#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/number_convert.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/runtime/runtime.h"
#include "core/sync/mutex.h"

namespace stitch::builtins {

namespace {

// CPython's PY_TIMEOUT_MAX / 1e6 on Linux (what _thread.TIMEOUT_MAX prints).
constexpr double kTimeoutMax = 9223372036.0;

std::atomic<std::int64_t> live_threads{0};      // started and not yet detached
std::atomic<std::int64_t> live_daemon_threads{0};
std::atomic<std::uint64_t> next_thread_key{1};

std::uint64_t current_thread_key() {
  thread_local std::uint64_t key = next_thread_key.fetch_add(1, std::memory_order_relaxed);
  return key;
}

std::uint64_t current_ident() { return static_cast<std::uint64_t>(pthread_self()); }

Object* ident_object(std::uint64_t ident) { return int_from_int64(static_cast<std::int64_t>(ident)); }

// ---- acquire(blocking=True, timeout=-1) argument parsing, with CPython 3.11's messages ----

// Returns false with an exception set; otherwise `*timeout` is negative for "forever".
bool parse_acquire_arguments(Object* const* args, std::size_t nargs, Object* kwnames,
                             std::chrono::nanoseconds* timeout) {
  Object* bound[2] = {nullptr, nullptr};
  if (!bind_native_arguments("acquire", args, nargs, kwnames, {"blocking", "timeout"}, bound)) return false;
  bool blocking = true;
  if (bound[0] != nullptr) {
    int truth = object_is_true(bound[0]);
    if (truth < 0) return false;
    blocking = truth != 0;
  }
  double seconds = -1;
  if (bound[1] != nullptr) {
    if (is_float(bound[1])) {
      seconds = float_value(bound[1]);
    } else if (is_int(bound[1])) {
      if (!int_as_double(bound[1], &seconds)) return false;
    } else {
      raise_error(&type_error_type, std::string("'") + type_of(bound[1])->name +
                                        "' object cannot be interpreted as an integer");
      return false;
    }
  }
  if (!blocking && seconds != -1) {
    raise_error(&value_error_type, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (std::isnan(seconds)) {
    raise_error(&value_error_type, "Invalid value NaN (not a number)");
    return false;
  }
  if (seconds < 0 && seconds != -1) {
    raise_error(&value_error_type, "timeout value must be positive");
    return false;
  }
  if (seconds > kTimeoutMax) {
    raise_error(&overflow_error_type, "timestamp out of range for platform time_t");
    return false;
  }
  if (!blocking) {
    *timeout = std::chrono::nanoseconds::zero();
  } else if (seconds < 0) {
    *timeout = std::chrono::nanoseconds(-1);
  } else {
    *timeout = std::chrono::nanoseconds(static_cast<std::int64_t>(seconds * 1e9));
  }
  return true;
}

// Waits for `mutex` (detaching while blocked). A zero timeout never parks.
bool acquire_mutex(sync::Mutex& mutex, std::chrono::nanoseconds timeout) STITCH_NO_THREAD_SAFETY_ANALYSIS {
  if (timeout == std::chrono::nanoseconds::zero()) return mutex.try_lock();
  if (mutex.try_lock()) return true;
  if (exec_state().thread == nullptr) return mutex.lock_for(timeout, sync::LockMode::kDontDetach);
  return mutex.lock_for(timeout, sync::LockMode::kDetach);
}

std::string address_text(const Object* object) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%p", static_cast<const void*>(object));
  return buffer;
}

// ---- lock ----

TypeObject lock_type;

struct LockObject : Object {
  sync::Mutex mutex;          // a Python lock may be released by any thread: no owner is kept
  sync::Mutex release_guard;  // leaf lock: two racing release() calls must not both unlock
};

LockObject* as_lock(Object* object) { return static_cast<LockObject*>(object); }

Object* lock_acquire(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  std::chrono::nanoseconds timeout{};
  if (!parse_acquire_arguments(args, nargs, kwnames, &timeout)) return nullptr;
  return new_ref(bool_from(acquire_mutex(as_lock(self)->mutex, timeout)));
}

Object* lock_release(Object* self, Object* const*, std::size_t nargs, Object* kwnames)
    STITCH_NO_THREAD_SAFETY_ANALYSIS {
  (void)nargs;
  (void)kwnames;
  LockObject* lock = as_lock(self);
  // Only release() makes a held lock free, and releases are serialized by the guard, so the
  // lock cannot become free between the check and the unlock (a hand-off keeps it locked).
  lock->release_guard.lock(sync::LockMode::kDontDetach);
  bool was_locked = lock->mutex.is_locked();
  if (was_locked) lock->mutex.unlock();
  lock->release_guard.unlock();
  if (!was_locked) return raise_error(&runtime_error_type, "release unlocked lock");
  return new_ref(none());
}

Object* lock_exit(Object* self, Object* const*, std::size_t, Object*) { return lock_release(self, nullptr, 0, nullptr); }

Object* lock_locked(Object* self, Object* const*, std::size_t, Object*) {
  return new_ref(bool_from(as_lock(self)->mutex.is_locked()));
}

Object* lock_repr(Object* self) {
  return str_from_utf8(std::string("<") + (as_lock(self)->mutex.is_locked() ? "locked" : "unlocked") +
                       " _thread.lock object at " + address_text(self) + ">");
}

const MethodDef lock_methods[] = {
    {"acquire", lock_acquire},   {"acquire_lock", lock_acquire}, {"__enter__", lock_acquire},
    {"release", lock_release},   {"release_lock", lock_release}, {"__exit__", lock_exit},
    {"locked", lock_locked},     {"locked_lock", lock_locked},   {nullptr, nullptr},
};

Object* lock_new() {
  auto* lock = allocate<LockObject>(&lock_type);
  if (lock == nullptr) return nullptr;
  new (&lock->mutex) sync::Mutex();
  new (&lock->release_guard) sync::Mutex();
  return lock;
}

Object* lock_new_instance(TypeObject*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (nargs != 0 || kwnames != nullptr) return raise_error(&type_error_type, "lock() takes no arguments");
  return lock_new();
}

// ---- RLock ----

TypeObject rlock_type;

struct RLockObject : Object {
  sync::Mutex mutex;
  std::atomic<std::uint64_t> owner;        // the owner's thread key, 0 when free; only the owner writes it non-zero
  std::atomic<std::uint64_t> owner_ident;  // the owner's get_ident(), for repr
  std::atomic<std::int64_t> count;         // written only by the owner (relaxed: repr reads it racily)
};

RLockObject* as_rlock(Object* object) { return static_cast<RLockObject*>(object); }

bool rlock_owned_by_me(RLockObject* lock) {
  return lock->owner.load(std::memory_order_relaxed) == current_thread_key();
}

Object* rlock_acquire(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  std::chrono::nanoseconds timeout{};
  if (!parse_acquire_arguments(args, nargs, kwnames, &timeout)) return nullptr;
  RLockObject* lock = as_rlock(self);
  if (rlock_owned_by_me(lock)) {
    lock->count.fetch_add(1, std::memory_order_relaxed);
    return new_ref(py_true());
  }
  if (!acquire_mutex(lock->mutex, timeout)) return new_ref(py_false());
  lock->owner.store(current_thread_key(), std::memory_order_relaxed);
  lock->owner_ident.store(current_ident(), std::memory_order_relaxed);
  lock->count.store(1, std::memory_order_relaxed);
  return new_ref(py_true());
}

Object* rlock_release(Object* self, Object* const*, std::size_t, Object*) STITCH_NO_THREAD_SAFETY_ANALYSIS {
  RLockObject* lock = as_rlock(self);
  if (!rlock_owned_by_me(lock)) return raise_error(&runtime_error_type, "cannot release un-acquired lock");
  if (lock->count.fetch_sub(1, std::memory_order_relaxed) == 1) {
    lock->owner.store(0, std::memory_order_relaxed);
    lock->owner_ident.store(0, std::memory_order_relaxed);
    lock->mutex.unlock();
  }
  return new_ref(none());
}

Object* rlock_is_owned(Object* self, Object* const*, std::size_t, Object*) {
  return new_ref(bool_from(rlock_owned_by_me(as_rlock(self))));
}

// Condition.wait's helpers: give the lock up completely and take it back with the same depth.
Object* rlock_release_save(Object* self, Object* const*, std::size_t, Object*) STITCH_NO_THREAD_SAFETY_ANALYSIS {
  RLockObject* lock = as_rlock(self);
  if (!rlock_owned_by_me(lock) || lock->count.load(std::memory_order_relaxed) == 0) {
    return raise_error(&runtime_error_type, "cannot release un-acquired lock");
  }
  std::int64_t count = lock->count.load(std::memory_order_relaxed);
  std::uint64_t owner = lock->owner_ident.load(std::memory_order_relaxed);
  lock->count.store(0, std::memory_order_relaxed);
  lock->owner.store(0, std::memory_order_relaxed);
  lock->owner_ident.store(0, std::memory_order_relaxed);
  lock->mutex.unlock();
  Ref count_object = Ref::steal(int_from_int64(count));
  Ref owner_object = Ref::steal(int_from_int64(static_cast<std::int64_t>(owner)));
  if (!count_object || !owner_object) return nullptr;
  Object* items[] = {count_object.get(), owner_object.get()};
  Object* state = tuple_new_uninitialized(2);
  if (state == nullptr) return nullptr;
  for (int i = 0; i < 2; ++i) as_tuple(state)->items[i] = new_ref(items[i]);
  return state;
}

Object* rlock_acquire_restore(Object* self, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 1 || !is_tuple(args[0]) || as_tuple(args[0])->size != 2 || !is_int(as_tuple(args[0])->items[0])) {
    return raise_error(&type_error_type, "_acquire_restore() argument must be a (count, owner) tuple");
  }
  RLockObject* lock = as_rlock(self);
  acquire_mutex(lock->mutex, std::chrono::nanoseconds(-1));
  lock->owner.store(current_thread_key(), std::memory_order_relaxed);
  lock->owner_ident.store(current_ident(), std::memory_order_relaxed);
  lock->count.store(as_int(as_tuple(args[0])->items[0])->small, std::memory_order_relaxed);
  return new_ref(none());
}

Object* rlock_recursion_count(Object* self, Object* const*, std::size_t, Object*) {
  RLockObject* lock = as_rlock(self);
  return int_from_int64(rlock_owned_by_me(lock) ? lock->count.load(std::memory_order_relaxed) : 0);
}

Object* rlock_repr(Object* self) {
  RLockObject* lock = as_rlock(self);
  // Racy snapshots, as in CPython: another thread may be acquiring or releasing meanwhile.
  std::uint64_t owner = lock->owner_ident.load(std::memory_order_relaxed);
  std::int64_t count = lock->count.load(std::memory_order_relaxed);
  return str_from_utf8(std::string("<") + (count > 0 ? "locked" : "unlocked") + " _thread.RLock object owner=" +
                       std::to_string(owner) + " count=" + std::to_string(count) + " at " + address_text(self) + ">");
}

const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire},
    {"__enter__", rlock_acquire},
    {"release", rlock_release},
    {"__exit__", rlock_release},
    {"_is_owned", rlock_is_owned},
    {"_release_save", rlock_release_save},
    {"_acquire_restore", rlock_acquire_restore},
    {"_recursion_count", rlock_recursion_count},
    {nullptr, nullptr},
};

Object* rlock_new_instance(TypeObject*, Object* const*, std::size_t, Object*) {
  auto* lock = allocate<RLockObject>(&rlock_type);
  if (lock == nullptr) return nullptr;
  new (&lock->mutex) sync::Mutex();
  new (&lock->owner) std::atomic<std::uint64_t>(0);
  new (&lock->owner_ident) std::atomic<std::uint64_t>(0);
  new (&lock->count) std::atomic<std::int64_t>(0);
  return lock;
}

// Locks hold no references; a dying lock has no waiters (they would hold a reference).
void lock_dealloc(Object* object) { free_object_memory(object); }

void init_lock_types() {
  static std::once_flag once;
  std::call_once(once, [] {
    init_static_type(lock_type, "lock", sizeof(LockObject), &object_type, 0);
    lock_type.methods = lock_methods;
    lock_type.dealloc = lock_dealloc;
    lock_type.repr = lock_repr;
    lock_type.new_instance = lock_new_instance;
    init_static_type(rlock_type, "RLock", sizeof(RLockObject), &object_type, 0);
    rlock_type.methods = rlock_methods;
    rlock_type.dealloc = lock_dealloc;
    rlock_type.repr = rlock_repr;
    rlock_type.new_instance = rlock_new_instance;
  });
}

// ---- threads ----

struct ThreadStart {
  rt::Runtime* runtime;
  Object* function;  // owned (the references travel to the new thread)
  Object* args;      // tuple, owned
  Object* kwargs;    // dict or nullptr, owned
  bool daemon;
};

// function(*args, **kwargs) with the vectorcall convention.
Object* call_with_tuple_and_dict(Object* function, Object* args, Object* kwargs) {
  std::vector<Object*> arguments(as_tuple(args)->items, as_tuple(args)->items + as_tuple(args)->size);
  std::size_t nargs = arguments.size();
  std::vector<Ref> owned;
  Ref kwnames;
  if (kwargs != nullptr && dict_size(kwargs) > 0) {
    std::vector<Object*> names;
    std::int64_t position = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (dict_next_owned(kwargs, &position, &key, &value)) {
      owned.push_back(Ref::steal(key));
      owned.push_back(Ref::steal(value));
      names.push_back(key);
      arguments.push_back(value);
    }
    kwnames = Ref::steal(tuple_new_uninitialized(static_cast<std::int64_t>(names.size())));
    if (!kwnames) return nullptr;
    for (std::size_t i = 0; i < names.size(); ++i) as_tuple(kwnames.get())->items[i] = new_ref(names[i]);
  }
  return call_object(function, arguments.data(), nargs, kwnames.get());
}

void report_thread_exception(const std::string& header, Object* exception) {
  std::fflush(stdout);
  std::string report = header + interp::format_exception_report(exception);
  std::fputs(report.c_str(), stderr);
  std::fflush(stderr);
}

void run_thread(ThreadStart start) {
  auto attached = start.runtime->attach_current_thread("_thread.start_new_thread");
  if (attached) {
    exec_state().thread = *attached;
    Ref result = Ref::steal(call_with_tuple_and_dict(start.function, start.args, start.kwargs));
    if (!result) {
      Ref exception = Ref::steal(take_exception());
      if (exception && !is_subtype(type_of(exception.get()), &system_exit_type)) {
        Ref text = Ref::steal(object_repr(start.function));
        clear_exception();
        std::string name = text ? std::string(str_view(text.get())) : "a function";
        report_thread_exception("Unhandled exception in thread started by " + name + "\n", exception.get());
      }
    }
    result = Ref();
    decref(start.function);
    decref(start.args);
    if (start.kwargs != nullptr) decref(start.kwargs);
    clear_exception();
    exec_state().thread = nullptr;
    (void)start.runtime->detach_current_thread("_thread.start_new_thread");
  } else {
    std::fprintf(stderr, "stitch: a new thread could not attach: %s\n", attached.error().message().c_str());
  }
  if (start.daemon) live_daemon_threads.fetch_sub(1, std::memory_order_release);
  live_threads.fetch_sub(1, std::memory_order_release);
}

// pthread rather than std::thread: the runtime's thread_stack_size (the embedding API's
// `stack_size` key) needs a pthread attribute. 0 keeps the system default.
bool spawn_detached_thread(const ThreadStart& start, std::size_t stack_size) {
  auto* owned = new (std::nothrow) ThreadStart(start);
  if (owned == nullptr) return false;
  pthread_attr_t attributes;
  if (pthread_attr_init(&attributes) != 0) {
    delete owned;
    return false;
  }
  pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
  bool ok = stack_size == 0 || pthread_attr_setstacksize(&attributes, stack_size) == 0;
  auto entry = [](void* argument) -> void* {
    ThreadStart start = *static_cast<ThreadStart*>(argument);
    delete static_cast<ThreadStart*>(argument);
    run_thread(start);
    return nullptr;
  };
  pthread_t handle;
  ok = ok && pthread_create(&handle, &attributes, entry, owned) == 0;
  pthread_attr_destroy(&attributes);
  if (!ok) delete owned;
  return ok;
}

Object* start_thread(Object* function, Object* args, Object* kwargs, bool daemon, const char* caller) {
  rt::ThreadState* thread = exec_state().thread;
  if (thread == nullptr) return raise_error(&runtime_error_type, std::string(caller) + ": no runtime attached");
  if (type_of(function)->call == nullptr) {
    return raise_error(&type_error_type, "first arg must be callable");
  }
  if (!is_tuple(args)) return raise_error(&type_error_type, "2nd arg must be a tuple");
  if (kwargs != nullptr && is_none(kwargs)) kwargs = nullptr;
  if (kwargs != nullptr && !is_dict(kwargs)) return raise_error(&type_error_type, "optional 3rd arg must be a dictionary");
  ThreadStart start{&thread->runtime(), new_ref(function), new_ref(args),
                    kwargs != nullptr ? new_ref(kwargs) : nullptr, daemon};
  live_threads.fetch_add(1, std::memory_order_relaxed);
  if (daemon) live_daemon_threads.fetch_add(1, std::memory_order_relaxed);
  if (!spawn_detached_thread(start, thread->runtime().config().thread_stack_size)) {
    live_threads.fetch_sub(1, std::memory_order_relaxed);
    if (daemon) live_daemon_threads.fetch_sub(1, std::memory_order_relaxed);
    decref(start.function);
    decref(start.args);
    if (start.kwargs != nullptr) decref(start.kwargs);
    return raise_error(&runtime_error_type, "can't start new thread");
  }
  return new_ref(none());
}

// start_new_thread(function, args, kwargs=None): CPython returns the new ident; Stitch's threads
// learn their ident themselves (threading does that too), so None comes back here.
Object* thread_start_new_thread(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("start_new_thread", kwnames)) return nullptr;
  if (nargs < 2 || nargs > 3) {
    return raise_error(&type_error_type, std::string("start_new_thread expected ") +
                                             (nargs < 2 ? "at least 2 arguments, got " : "at most 3 arguments, got ") +
                                             std::to_string(nargs));
  }
  // CPython does not wait for these at exit: they count as daemon threads.
  return start_thread(args[0], args[1], nargs == 3 ? args[2] : nullptr, true, "start_new_thread");
}

// _start_thread(function, args, daemon): threading's entry; daemon threads do not hold up exit.
Object* thread_start_thread(Object*, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 3) return raise_error(&type_error_type, "_start_thread expected 3 arguments");
  int daemon = object_is_true(args[2]);
  if (daemon < 0) return nullptr;
  return start_thread(args[0], args[1], nullptr, daemon != 0, "_start_thread");
}

Object* thread_get_ident(Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("get_ident", kwnames) || !check_no_arguments("get_ident", nargs)) return nullptr;
  return ident_object(current_ident());
}

Object* thread_get_native_id(Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("get_native_id", kwnames) || !check_no_arguments("get_native_id", nargs)) return nullptr;
  return int_from_int64(static_cast<std::int64_t>(syscall(SYS_gettid)));
}

Object* thread_key(Object*, Object* const*, std::size_t, Object*) {
  return int_from_int64(static_cast<std::int64_t>(current_thread_key()));
}

Object* thread_count(Object*, Object* const*, std::size_t, Object*) {
  return int_from_int64(live_threads.load(std::memory_order_acquire));
}

Object* thread_allocate_lock(Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("allocate_lock", kwnames) || !check_no_arguments("allocate_lock", nargs)) return nullptr;
  return lock_new();
}

// _report_exception(header, exception): what threading.excepthook prints, header line first.
Object* thread_report_exception(Object*, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 2 || !is_str(args[0]) || !is_exception_instance(args[1])) {
    return raise_error(&type_error_type, "_report_exception(header, exception)");
  }
  report_thread_exception(std::string(str_view(args[0])) + "\n", args[1]);
  return new_ref(none());
}

const MethodDef thread_functions[] = {
    {"start_new_thread", thread_start_new_thread, MethodDef::kStatic},
    {"start_new", thread_start_new_thread, MethodDef::kStatic},
    {"_start_thread", thread_start_thread, MethodDef::kStatic},
    {"get_ident", thread_get_ident, MethodDef::kStatic},
    {"get_native_id", thread_get_native_id, MethodDef::kStatic},
    {"_thread_key", thread_key, MethodDef::kStatic},
    {"_count", thread_count, MethodDef::kStatic},
    {"allocate_lock", thread_allocate_lock, MethodDef::kStatic},
    {"allocate", thread_allocate_lock, MethodDef::kStatic},
    {"_report_exception", thread_report_exception, MethodDef::kStatic},
    {nullptr, nullptr},
};

}  // namespace

bool wait_for_non_daemon_threads(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (live_threads.load(std::memory_order_acquire) > live_daemon_threads.load(std::memory_order_acquire)) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return true;
}

std::int64_t running_thread_count() { return live_threads.load(std::memory_order_acquire); }

int init_thread_module(Object* module, Object*) {
  init_lock_types();
  if (add_module_functions(module, thread_functions, "_thread") < 0) return -1;
  if (add_module_value(module, "LockType", new_ref(&lock_type)) < 0 ||
      add_module_value(module, "lock", new_ref(&lock_type)) < 0 ||
      add_module_value(module, "RLock", new_ref(&rlock_type)) < 0 ||
      add_module_value(module, "error", new_ref(&runtime_error_type)) < 0 ||
      add_module_value(module, "TIMEOUT_MAX", float_from_double(kTimeoutMax)) < 0) {
    return -1;
  }
  return 0;
}

}  // namespace stitch::builtins
