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
  STITCH_E_NO_MEMORY = 14
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

/* ---- configuration (keys: recursion_limit, module_path, jit, jit_threshold) ---- */
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
