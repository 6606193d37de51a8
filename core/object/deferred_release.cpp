#include "core/object/deferred_release.h"

#include "core/object/exec_state.h"

namespace stitch {

namespace {

void release_retired(void* object, void*) { decref(static_cast<Object*>(object)); }

}  // namespace

void release_after_grace_period(Object* object) {
  if (object == nullptr) return;
  rt::ThreadState* thread = exec_state().thread;
  if (thread == nullptr) {
    decref(object);
    return;
  }
  thread->retire(object, 0, release_retired);
}

}  // namespace stitch
