// Allocation of objects: from the current thread's object heap, header initialized as owned by
// this thread with one reference. Builtin types call these; nothing else allocates objects.
#pragma once

#include <cstddef>
#include <new>

#include "core/object/exec_state.h"
#include "core/object/type.h"

namespace stitch {

/// Raw object memory of `bytes` for `type`, header initialized; nullptr + MemoryError on failure.
Object* allocate_object(TypeObject* type, std::size_t bytes);

/// Defined in lockfree.cpp: frees after a QSBR grace period.
void retire_object_memory(Object* object);

/// Frees an object's memory (the dealloc slot's last step). An object that was ever stored in a
/// shared container may still be read through a stale pointer by a lock-free reader, so its
/// memory waits for a grace period (lockfree.h, rule 2).
inline void free_object_memory(Object* object) {
  if ((object->header.gc_bits.load(std::memory_order_relaxed) & rc::gc_bits::kLockFreeReadable) != 0) {
    retire_object_memory(object);
    return;
  }
  rt::ThreadState::deallocate(object);
}

/// Allocates `T` (which derives from Object) with `extra` trailing bytes and value-initializes
/// nothing beyond the header: the caller fills every field before the object escapes.
template <class T>
T* allocate(TypeObject* type, std::size_t extra = 0) {
  std::size_t bytes = sizeof(T) + extra;
  // A class adds its __dict__ and __slots__ pointers after its builtin base's fields.
  if (type_has_flag(type, type_flags::kHeapType) && type->basic_size > bytes) bytes = type->basic_size;
  return static_cast<T*>(allocate_object(type, bytes));
}

}  // namespace stitch
