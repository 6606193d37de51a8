// Deferred frees for lock-free container reads; the rules are in lockfree.h.
#include "core/object/lockfree.h"

#include "core/runtime/allocator.h"

namespace stitch {
namespace {

void free_block(void* block, void*) { rt::ThreadState::deallocate(block); }

// Without an attached thread there is no QSBR record to retire to; such a thread is not running
// Python code, and lock-free readers only exist while a runtime has attached threads, which
// retire through their own records. Freeing at once is then what the locked world did.
void free_after_grace_period(void* block, std::size_t bytes) {
  rt::ThreadState* thread = exec_state().thread;
  if (thread == nullptr) {
    rt::ThreadState::deallocate(block);
    return;
  }
  thread->retire(block, bytes, free_block);
}

}  // namespace

void free_table(void* block, std::size_t bytes, bool shared) {
  if (block == nullptr) return;
  if (!shared) {
    rt::ThreadState::deallocate(block);
    return;
  }
  free_after_grace_period(block, bytes);
}

void retire_object_memory(Object* object) {
  free_after_grace_period(object, rt::heap_usable_size(object));
}

}  // namespace stitch
