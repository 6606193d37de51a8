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

/// Frees an object's memory (the dealloc slot's last step).
inline void free_object_memory(Object* object) { rt::ThreadState::deallocate(object); }

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
