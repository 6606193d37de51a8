#include "core/runtime/allocator.h"

#include <cstdlib>

#include <malloc.h>

#if defined(STITCH_USE_MIMALLOC)
#include <mimalloc.h>
#endif

namespace stitch::rt {

#if defined(STITCH_USE_MIMALLOC)

Heap* heap_new() { return reinterpret_cast<Heap*>(mi_heap_new()); }
void heap_delete(Heap* heap) {
  if (heap == nullptr) return;
  // mi_heap_delete alone hands every page, empty ones too, to the thread's backing heap, which
  // Stitch never allocates from. Collecting first returns the empty ones to the thread's
  // segments, so that they can be reused or given back to the OS.
  mi_heap_collect(reinterpret_cast<mi_heap_t*>(heap), true);
  mi_heap_delete(reinterpret_cast<mi_heap_t*>(heap));
}

void* heap_allocate(Heap* heap, std::size_t bytes) {
  return mi_heap_malloc(reinterpret_cast<mi_heap_t*>(heap), bytes);
}
void heap_free(void* block) { mi_free(block); }
std::size_t heap_usable_size(void* block) { return mi_usable_size(block); }

#else

Heap* heap_new() { return nullptr; }
void heap_delete(Heap*) {}
void* heap_allocate(Heap*, std::size_t bytes) { return std::malloc(bytes); }
void heap_free(void* block) { std::free(block); }
std::size_t heap_usable_size(void* block) { return malloc_usable_size(block); }

#endif

}  // namespace stitch::rt
