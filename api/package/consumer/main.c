/* Consumer of an installed Stitch, in C: eval, call, one native function, and a standard library
 * module found without module_path (it prints where from: the packaging test checks the path). */
#include <stdio.h>

#include <stitch/stitch.h>

static stitch_status twice(stitch_runtime* runtime, stitch_value* const* args, size_t nargs, stitch_value** result,
                           void* user_data) {
  (void)user_data;
  int64_t n = 0;
  if (nargs != 1) return stitch_native_raise(runtime, "twice() takes 1 argument");
  stitch_status status = stitch_value_to_int(args[0], &n);
  return status != STITCH_OK ? status : stitch_value_from_int(runtime, 2 * n, result);
}

int main(void) {
  stitch_runtime* runtime = NULL;
  stitch_value* out = NULL;
  stitch_value* where = NULL;
  const char* heapq_file = NULL;
  int64_t n = 0;
  if (stitch_runtime_new(NULL, &runtime) != STITCH_OK || stitch_thread_attach(runtime) != STITCH_OK ||
      stitch_register_function(runtime, NULL, "twice", twice, NULL, STITCH_NATIVE_DEFAULT) != STITCH_OK ||
      stitch_eval(runtime, "__main__", "def f():\n    return twice(20) + 2\n") != STITCH_OK ||
      stitch_call(runtime, "__main__", "f", NULL, 0, &out) != STITCH_OK || stitch_value_to_int(out, &n) != STITCH_OK ||
      stitch_eval(runtime, "__main__", "import heapq\nwhere = heapq.__file__\n") != STITCH_OK ||
      stitch_get_global(runtime, "__main__", "where", &where) != STITCH_OK ||
      stitch_value_to_str(where, &heapq_file, NULL) != STITCH_OK) {
    fprintf(stderr, "%s\n", stitch_error_message(stitch_last_error()));
    return 1;
  }
  printf("consumer_c: heapq from %s\n", heapq_file);
  stitch_value_release(where);
  stitch_value_release(out);
  stitch_thread_detach(runtime);
  if (stitch_runtime_shutdown(runtime, 1000) != STITCH_OK || n != 42) return 1;
  printf("consumer_c: %lld\n", (long long)n);
  return 0;
}
