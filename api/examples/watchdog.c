/* Example, in C: a watchdog thread interrupts a script stuck in an infinite loop. The script's
 * thread gets STITCH_E_INTERRUPTED back from stitch_eval; the runtime stays usable afterwards. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

#include "stitch/stitch.h"

static stitch_runtime* runtime;
static atomic_ullong script_thread_id;
static atomic_int script_returned;

/* Gives the script 50 ms, then interrupts it, again every 10 ms until its call returns: an
 * interrupt that lands before the call has started is dropped when it starts. */
static void* watchdog(void* unused) {
  (void)unused;
  struct timespec budget = {0, 50 * 1000 * 1000}, retry = {0, 10 * 1000 * 1000};
  nanosleep(&budget, NULL);
  while (!atomic_load(&script_returned)) {
    /* The watchdog need not be attached: interrupting is safe from any thread. */
    if (stitch_thread_interrupt(runtime, atomic_load(&script_thread_id)) != STITCH_OK) {
      fprintf(stderr, "%s\n", stitch_error_message(stitch_last_error()));
    }
    nanosleep(&retry, NULL);
  }
  return NULL;
}

int main(void) {
  if (stitch_runtime_new(NULL, &runtime) != STITCH_OK || stitch_thread_attach(runtime) != STITCH_OK) {
    fprintf(stderr, "%s\n", stitch_error_message(stitch_last_error()));
    return 1;
  }
  uint64_t id = 0;
  stitch_thread_id(runtime, &id);
  atomic_store(&script_thread_id, id);
  pthread_t thread;
  pthread_create(&thread, NULL, watchdog, NULL);
  stitch_status status = stitch_eval(runtime, "__main__", "n = 0\nwhile True:\n    n += 1\n");
  atomic_store(&script_returned, 1);
  pthread_join(thread, NULL);
  if (status != STITCH_E_INTERRUPTED) {
    fprintf(stderr, "expected STITCH_E_INTERRUPTED, got %s\n", stitch_status_name(status));
    return 1;
  }
  printf("watchdog: %s\n", stitch_error_message(stitch_last_error()));
  /* Still usable: the loop's progress is there. */
  stitch_value* n = NULL;
  int64_t count = 0;
  if (stitch_get_global(runtime, "__main__", "n", &n) != STITCH_OK || stitch_value_to_int(n, &count) != STITCH_OK ||
      count <= 0) {
    fprintf(stderr, "the runtime did not survive the interrupt\n");
    return 1;
  }
  stitch_value_release(n);
  stitch_thread_detach(runtime);
  return stitch_runtime_shutdown(runtime, 5000) == STITCH_OK ? 0 : 1;
}
