/* The example of include/stitch/README.md, compiled as C (the header must be valid C) and run by
 * readme_example_test.cpp. Returns 0, or the line of the first check that failed. */
#include <stdio.h>
#include <string.h>

#include "stitch/stitch.h"

#define CHECK(condition)                                                          \
  do {                                                                            \
    if (!(condition)) {                                                           \
      fprintf(stderr, "readme example line %d: %s\n", __LINE__,                   \
              stitch_error_message(stitch_last_error()));                         \
      return __LINE__;                                                            \
    }                                                                             \
  } while (0)

int stitch_readme_example(void) {
  stitch_config* cfg;
  CHECK(stitch_config_new(&cfg) == STITCH_OK);
  CHECK(stitch_config_set_int(cfg, "recursion_limit", 2000) == STITCH_OK);
  CHECK(stitch_config_set_string(cfg, "module_path", "/opt/game/scripts:/opt/game/lib") == STITCH_OK);
  CHECK(stitch_config_set_int(cfg, "jit", 0) == STITCH_OK);
  CHECK(stitch_config_set_int(cfg, "jit_threshold", 100) == STITCH_OK);
  CHECK(stitch_config_set_int(cfg, "stack_size", 1 << 20) == STITCH_OK);
  CHECK(stitch_config_set_int(cfg, "abort_on_misuse", 0) == STITCH_OK);
  CHECK(stitch_config_set_int(cfg, "turbo", 1) == STITCH_E_CONFIG);

  stitch_runtime* rt;
  CHECK(stitch_runtime_new(cfg, &rt) == STITCH_OK);
  stitch_config_free(cfg);
  CHECK(stitch_thread_attach(rt) == STITCH_OK);
  CHECK(stitch_eval(rt, "game", "def score(hits, bonus):\n    return hits * 10 + bonus\n") == STITCH_OK);

  stitch_value *hits, *bonus, *none, *flag, *ratio, *name, *list, *dict;
  CHECK(stitch_value_from_int(rt, 4, &hits) == STITCH_OK);
  CHECK(stitch_value_from_int(rt, 2, &bonus) == STITCH_OK);
  CHECK(stitch_value_none(rt, &none) == STITCH_OK);
  CHECK(stitch_value_from_bool(rt, 1, &flag) == STITCH_OK);
  CHECK(stitch_value_from_float(rt, 0.5, &ratio) == STITCH_OK);
  CHECK(stitch_value_from_str(rt, "Ada", 3, &name) == STITCH_OK);
  CHECK(stitch_list_new(rt, &list) == STITCH_OK);
  CHECK(stitch_list_append(list, hits) == STITCH_OK);
  CHECK(stitch_dict_new(rt, &dict) == STITCH_OK);
  CHECK(stitch_dict_set(dict, name, list) == STITCH_OK);

  stitch_value* args[2] = {hits, bonus};
  stitch_value* result;
  CHECK(stitch_call(rt, "game", "score", args, 2, &result) == STITCH_OK);
  stitch_value* fn;
  CHECK(stitch_get_global(rt, "game", "score", &fn) == STITCH_OK);
  stitch_value* again;
  CHECK(stitch_call_value(fn, args, 2, &again) == STITCH_OK);

  int64_t n;
  CHECK(stitch_value_to_int(result, &n) == STITCH_OK && n == 42);
  CHECK(stitch_value_to_int(again, &n) == STITCH_OK && n == 42);
  double d;
  CHECK(stitch_value_to_float(ratio, &d) == STITCH_OK && d == 0.5);
  int b;
  CHECK(stitch_value_to_bool(flag, &b) == STITCH_OK && b == 1);
  const char* s;
  size_t len;
  CHECK(stitch_value_to_str(name, &s, &len) == STITCH_OK && len == 3 && memcmp(s, "Ada", 3) == 0);
  stitch_type t;
  CHECK(stitch_value_type(dict, &t) == STITCH_OK && t == STITCH_TYPE_DICT);
  CHECK(stitch_value_type(none, &t) == STITCH_OK && t == STITCH_TYPE_NONE);
  size_t size;
  CHECK(stitch_list_size(list, &size) == STITCH_OK && size == 1);
  stitch_value* item;
  CHECK(stitch_list_get(list, 0, &item) == STITCH_OK);
  stitch_value* got;
  CHECK(stitch_dict_get(dict, name, &got) == STITCH_OK);
  CHECK(stitch_dict_size(dict, &size) == STITCH_OK && size == 1);
  stitch_value* text;
  CHECK(stitch_value_repr(dict, &text) == STITCH_OK);
  CHECK(stitch_value_to_str(text, &s, NULL) == STITCH_OK && strcmp(s, "{'Ada': [4]}") == 0);

  stitch_value* all[] = {hits, bonus, none, flag, ratio, name, list, dict, result, fn, again, item, got, text};
  for (size_t i = 0; i < sizeof all / sizeof *all; ++i) CHECK(stitch_value_release(all[i]) == STITCH_OK);

  CHECK(stitch_thread_detach(rt) == STITCH_OK);
  CHECK(stitch_runtime_shutdown(rt, 5000) == STITCH_OK);
  return 0;
}

/* The "Native functions, detach regions, interrupts" section, with stand-ins for host work. */
static int64_t slow_host_lookup(void) { return 250; }
static void wait_for_next_frame(void) {}

static stitch_status clamp(stitch_runtime* rt, stitch_value* const* args, size_t nargs, stitch_value** result,
                           void* user_data) {
  int64_t limit = *(const int64_t*)user_data, n;
  if (nargs != 1) return stitch_native_raise(rt, "clamp() takes 1 argument");
  stitch_status status = stitch_value_to_int(args[0], &n);
  if (status != STITCH_OK) return status;
  return stitch_value_from_int(rt, n > limit ? limit : n, result);
}

static stitch_status fetch(stitch_runtime* rt, stitch_value* const* args, size_t nargs, stitch_value** result,
                           void* user_data) {
  (void)args, (void)nargs, (void)user_data;
  int64_t answer = slow_host_lookup();
  stitch_status status = stitch_detach_end(rt);
  return status != STITCH_OK ? status : stitch_value_from_int(rt, answer, result);
}

/* "Configuration keys": two runtimes, each with its own JIT choice and thread stacks. */
static int jit_enabled_in(stitch_runtime* runtime, int64_t* enabled) {
  stitch_value* value;
  CHECK(stitch_thread_attach(runtime) == STITCH_OK);
  CHECK(stitch_eval(runtime, "__main__", "import stitch\non = stitch.jit_enabled()\n") == STITCH_OK);
  CHECK(stitch_get_global(runtime, "__main__", "on", &value) == STITCH_OK);
  CHECK(stitch_value_to_int(value, enabled) == STITCH_OK);
  CHECK(stitch_value_release(value) == STITCH_OK);
  CHECK(stitch_thread_detach(runtime) == STITCH_OK);
  return 0;
}

int stitch_readme_example_config(void) {
  stitch_config* fast;
  CHECK(stitch_config_new(&fast) == STITCH_OK);
  CHECK(stitch_config_set_int(fast, "jit_threshold", 0) == STITCH_OK);
  CHECK(stitch_config_set_int(fast, "stack_size", 256 * 1024) == STITCH_OK);
  stitch_config* plain;
  CHECK(stitch_config_new(&plain) == STITCH_OK);
  CHECK(stitch_config_set_int(plain, "jit", 0) == STITCH_OK);
  stitch_runtime *a, *b;
  CHECK(stitch_runtime_new(fast, &a) == STITCH_OK);
  CHECK(stitch_runtime_new(plain, &b) == STITCH_OK);
  stitch_config_free(fast);
  stitch_config_free(plain);
  int64_t in_a = -1, in_b = -1;
  int failed = jit_enabled_in(a, &in_a);
  if (failed != 0) return failed;
  failed = jit_enabled_in(b, &in_b);
  if (failed != 0) return failed;
  CHECK(in_a == 1 && in_b == 0);
  CHECK(stitch_runtime_shutdown(a, 1000) == STITCH_OK);
  CHECK(stitch_runtime_shutdown(b, 1000) == STITCH_OK);
  return 0;
}

int stitch_readme_example_native(void) {
  stitch_runtime* rt;
  CHECK(stitch_runtime_new(NULL, &rt) == STITCH_OK);
  CHECK(stitch_thread_attach(rt) == STITCH_OK);
  static int64_t limit = 100;
  CHECK(stitch_register_function(rt, NULL, "clamp", clamp, &limit, STITCH_NATIVE_DEFAULT) == STITCH_OK);
  CHECK(stitch_register_function(rt, "host", "fetch", fetch, NULL, STITCH_NATIVE_MAY_BLOCK) == STITCH_OK);
  CHECK(stitch_eval(rt, "__main__", "import host\nx = clamp(host.fetch())\n") == STITCH_OK);
  stitch_value* x;
  int64_t n;
  CHECK(stitch_get_global(rt, "__main__", "x", &x) == STITCH_OK);
  CHECK(stitch_value_to_int(x, &n) == STITCH_OK && n == 100);
  CHECK(stitch_value_release(x) == STITCH_OK);
  CHECK(stitch_eval(rt, "__main__", "clamp()\n") == STITCH_E_SCRIPT);
  CHECK(strstr(stitch_error_message(stitch_last_error()), "RuntimeError: clamp() takes 1 argument") != NULL);
  CHECK(stitch_eval(rt, "__main__", "clamp('a')\n") == STITCH_E_SCRIPT);
  CHECK(strstr(stitch_error_message(stitch_last_error()), "TypeError") != NULL);

  CHECK(stitch_detach_begin(rt) == STITCH_OK);
  wait_for_next_frame();
  CHECK(stitch_detach_end(rt) == STITCH_OK);

  uint64_t id;
  CHECK(stitch_thread_id(rt, &id) == STITCH_OK);
  CHECK(stitch_thread_interrupt(rt, id) == STITCH_OK); /* sent between calls: dropped at the next */
  CHECK(stitch_runtime_interrupt(rt) == STITCH_OK);
  CHECK(stitch_eval(rt, "__main__", "y = 1\n") == STITCH_OK);

  CHECK(stitch_thread_detach(rt) == STITCH_OK);
  CHECK(stitch_runtime_shutdown(rt, 5000) == STITCH_OK);
  return 0;
}
