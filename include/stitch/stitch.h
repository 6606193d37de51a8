/* Stitch embedding API: a C ABI for hosts that run Python-subset code from their own threads.
 *
 * Every call returns a stitch_status; on failure the calling thread's error object
 * (stitch_last_error) holds the code, a message naming the function and the fix, the function's
 * name and, for script exceptions, the traceback text. Nothing throws or longjmps across this ABI,
 * and several runtimes may live in one process.
 *
 * Threading rules (see README.md): a thread attaches to a runtime before any call that touches it
 * (stitch_thread_attach / stitch_thread_detach, nestable, same thread, cheap to repeat); a thread is
 * attached to at most one runtime at a time; values belong to their runtime and die with it. */
#ifndef STITCH_STITCH_H
#define STITCH_STITCH_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define STITCH_API __attribute__((visibility("default")))
#else
#define STITCH_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum stitch_status {
  STITCH_OK = 0,
  STITCH_E_NOT_ATTACHED = 1,     /* the calling thread is not attached to the runtime */
  STITCH_E_ALREADY_ATTACHED = 2, /* the calling thread is attached to another runtime */
  STITCH_E_FINALIZING = 3,       /* the runtime is shutting down: no new attachments */
  STITCH_E_INVALID_ARGUMENT = 4, /* a null handle or pointer, a bad argument */
  STITCH_E_WRONG_RUNTIME = 5,    /* a value of another runtime */
  STITCH_E_RUNTIME_GONE = 6,     /* a value whose runtime was shut down */
  STITCH_E_CONFIG = 7,           /* an unknown configuration key or a bad value */
  STITCH_E_TIMEOUT = 8,          /* shutdown timed out with threads still attached */
  STITCH_E_SCRIPT = 9,           /* script code raised an exception (traceback in the error) */
  STITCH_E_SYNTAX = 10,          /* the source text does not compile */
  STITCH_E_TYPE = 11,            /* a conversion to a C type that does not match the value */
  STITCH_E_NOT_FOUND = 12,       /* a missing name, key or index */
  STITCH_E_OVERFLOW = 13,        /* an int that does not fit in int64_t */
  STITCH_E_NO_MEMORY = 14,
  STITCH_E_INTERRUPTED = 15      /* stitch_thread_interrupt / stitch_runtime_interrupt stopped the script */
} stitch_status;

typedef struct stitch_config stitch_config;
typedef struct stitch_runtime stitch_runtime;
typedef struct stitch_value stitch_value;
typedef struct stitch_error stitch_error;

typedef enum stitch_type {
  STITCH_TYPE_NONE = 0,
  STITCH_TYPE_BOOL,
  STITCH_TYPE_INT,
  STITCH_TYPE_FLOAT,
  STITCH_TYPE_STR,
  STITCH_TYPE_LIST,
  STITCH_TYPE_DICT,
  STITCH_TYPE_OTHER
} stitch_type;

/* ---- errors (per OS thread; valid until this thread's next stitch call) ---- */
STITCH_API const stitch_error* stitch_last_error(void); /* never null; code STITCH_OK after a success */
STITCH_API stitch_status stitch_error_code(const stitch_error* error);
STITCH_API const char* stitch_error_message(const stitch_error* error);   /* "" when none */
STITCH_API const char* stitch_error_function(const stitch_error* error);  /* the failing API call */
STITCH_API const char* stitch_error_traceback(const stitch_error* error); /* "" unless a script raised */
STITCH_API const char* stitch_status_name(stitch_status status);         /* "STITCH_E_TIMEOUT" */

/* ---- misuse ----
 * Misuse statuses (NOT_ATTACHED, ALREADY_ATTACHED, FINALIZING, INVALID_ARGUMENT, WRONG_RUNTIME,
 * RUNTIME_GONE) are returned like any error by default. In abort-on-misuse mode the failing call
 * prints its error message to stderr and calls abort() instead. The mode is on for a call when this
 * process-wide switch is on, or the runtime the call names (its runtime handle, or the value's
 * runtime) or the runtime the calling thread is attached to was created with the config key
 * abort_on_misuse = 1. Misuse that names no runtime (a null handle on an unattached thread) needs
 * the switch. Any thread, any time; default off. */
STITCH_API void stitch_set_abort_on_misuse(int on);

/* ---- configuration (int keys: recursion_limit, jit, jit_threshold, stack_size, abort_on_misuse;
 * string key: module_path; README.md lists ranges and defaults) ---- */
STITCH_API stitch_status stitch_config_new(stitch_config** out);
STITCH_API stitch_status stitch_config_set_int(stitch_config* config, const char* key, int64_t value);
STITCH_API stitch_status stitch_config_set_string(stitch_config* config, const char* key, const char* value);
STITCH_API void stitch_config_free(stitch_config* config);

/* ---- runtime ---- */
/* config may be null (defaults). The calling thread must not be attached to another runtime. */
STITCH_API stitch_status stitch_runtime_new(const stitch_config* config, stitch_runtime** out);
/* Refuses new attachments, waits up to timeout_ms for other threads to detach, then frees the
 * runtime (the handle is invalid afterwards). On STITCH_E_TIMEOUT the message lists the threads
 * still attached; the runtime stays usable by them, so detach them and call shutdown again. */
STITCH_API stitch_status stitch_runtime_shutdown(stitch_runtime* runtime, uint32_t timeout_ms);

/* ---- threads ---- */
STITCH_API stitch_status stitch_thread_attach(stitch_runtime* runtime);
STITCH_API stitch_status stitch_thread_detach(stitch_runtime* runtime);
/* The calling thread's id in the runtime (attached threads only): the argument of
 * stitch_thread_interrupt, and the ids that a shutdown timeout lists. */
STITCH_API stitch_status stitch_thread_id(stitch_runtime* runtime, uint64_t* out);

/* ---- detach regions: around blocking host work (I/O, host locks, waits) ----
 * Between begin and end the thread stays attached in the API's sense (shutdown waits for it) but
 * lets stop-the-world pauses and memory reclamation proceed without it; it must not touch values.
 * Blocking while attached can stall every other thread. Not nestable; same thread; LIFO with
 * stitch_thread_attach/detach. */
STITCH_API stitch_status stitch_detach_begin(stitch_runtime* runtime);
STITCH_API stitch_status stitch_detach_end(stitch_runtime* runtime);

/* ---- interrupts (any thread, attached or not; the runtime must not be shut down yet) ----
 * The interrupted thread's running script call returns STITCH_E_INTERRUPTED at its next loop
 * back-edge (script code sees KeyboardInterrupt, so `except BaseException` can swallow it; code
 * recursing without loops is not stopped until it reaches one). A
 * thread blocked in a sleep, a lock or a native callback stops after it returns. An interrupt sent
 * while the thread runs no script is dropped when its next outermost call starts: a watchdog
 * repeats it until the call it wants to stop has returned. */
STITCH_API stitch_status stitch_thread_interrupt(stitch_runtime* runtime, uint64_t thread_id);
STITCH_API stitch_status stitch_runtime_interrupt(stitch_runtime* runtime); /* every thread */

/* ---- native functions: host C code that scripts call ----
 * The callback gets borrowed argument values (valid during the call) and returns STITCH_OK with
 * *result set to a new value (or left null for None), or a failure status: the script then sees a
 * RuntimeError whose message is the one given to stitch_native_raise, else the failing API call's
 * message (STITCH_E_TYPE becomes TypeError; STITCH_E_INTERRUPTED stays an interrupt). */
typedef stitch_status (*stitch_native_fn)(stitch_runtime* runtime, stitch_value* const* args, size_t nargs,
                                          stitch_value** result, void* user_data);
enum {
  STITCH_NATIVE_DEFAULT = 0,
  /* The callback may block: it starts inside a detach region (as if after stitch_detach_begin), so
   * it must call stitch_detach_end before touching values (and may begin again; Stitch ends an
   * open region when it returns). */
  STITCH_NATIVE_MAY_BLOCK = 1
};
/* Binds module.name (module created if missing; null module: a builtin, visible to every module)
 * to a function calling `fn` with `user_data`, which must outlive the runtime. */
STITCH_API stitch_status stitch_register_function(stitch_runtime* runtime, const char* module, const char* name,
                                                  stitch_native_fn fn, void* user_data, uint32_t flags);
/* For use inside a callback: sets the message of the exception the script will see and returns
 * STITCH_E_SCRIPT (so `return stitch_native_raise(rt, "bad input");`). */
STITCH_API stitch_status stitch_native_raise(stitch_runtime* runtime, const char* message);

/* ---- running code (the thread must be attached) ---- */
/* Runs `source` (statements) in the namespace of module `module` (created on first use and
 * registered in sys.modules; "__main__" is the usual one). */
STITCH_API stitch_status stitch_eval(stitch_runtime* runtime, const char* module, const char* source);
/* Reads a global of `module` (a new value). */
STITCH_API stitch_status stitch_get_global(stitch_runtime* runtime, const char* module, const char* name,
                                           stitch_value** out);
/* Calls module.function(*args). args may be null when nargs is 0. *out receives a new value. */
STITCH_API stitch_status stitch_call(stitch_runtime* runtime, const char* module, const char* function,
                                     stitch_value* const* args, size_t nargs, stitch_value** out);
/* Calls a callable value. */
STITCH_API stitch_status stitch_call_value(stitch_value* callable, stitch_value* const* args, size_t nargs,
                                           stitch_value** out);

/* ---- values: new values (the thread must be attached) ---- */
STITCH_API stitch_status stitch_value_none(stitch_runtime* runtime, stitch_value** out);
STITCH_API stitch_status stitch_value_from_bool(stitch_runtime* runtime, int value, stitch_value** out);
STITCH_API stitch_status stitch_value_from_int(stitch_runtime* runtime, int64_t value, stitch_value** out);
STITCH_API stitch_status stitch_value_from_float(stitch_runtime* runtime, double value, stitch_value** out);
/* UTF-8 text of `size` bytes (invalid UTF-8 is STITCH_E_INVALID_ARGUMENT). */
STITCH_API stitch_status stitch_value_from_str(stitch_runtime* runtime, const char* utf8, size_t size,
                                               stitch_value** out);
STITCH_API stitch_status stitch_list_new(stitch_runtime* runtime, stitch_value** out);
STITCH_API stitch_status stitch_dict_new(stitch_runtime* runtime, stitch_value** out);

/* ---- values: reading and containers (the thread must be attached to the value's runtime) ---- */
STITCH_API stitch_status stitch_value_type(stitch_value* value, stitch_type* out);
STITCH_API stitch_status stitch_value_to_bool(stitch_value* value, int* out); /* bool only */
STITCH_API stitch_status stitch_value_to_int(stitch_value* value, int64_t* out); /* int (bool too) */
STITCH_API stitch_status stitch_value_to_float(stitch_value* value, double* out); /* float or int */
/* UTF-8 bytes of a str, valid while the value lives; size may be null. */
STITCH_API stitch_status stitch_value_to_str(stitch_value* value, const char** utf8, size_t* size);
/* repr(value), copied into a new str value. */
STITCH_API stitch_status stitch_value_repr(stitch_value* value, stitch_value** out);
STITCH_API stitch_status stitch_list_append(stitch_value* list, stitch_value* item);
STITCH_API stitch_status stitch_list_size(stitch_value* list, size_t* out);
STITCH_API stitch_status stitch_list_get(stitch_value* list, size_t index, stitch_value** out);
STITCH_API stitch_status stitch_dict_set(stitch_value* dict, stitch_value* key, stitch_value* item);
STITCH_API stitch_status stitch_dict_get(stitch_value* dict, stitch_value* key, stitch_value** out);
STITCH_API stitch_status stitch_dict_size(stitch_value* dict, size_t* out);
/* Drops the value. After its runtime shut down this only frees the handle (and returns OK). */
STITCH_API stitch_status stitch_value_release(stitch_value* value);

#ifdef __cplusplus
}
#endif

#endif /* STITCH_STITCH_H */
