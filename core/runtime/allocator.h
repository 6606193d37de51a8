// Per-thread heaps. Release builds use mimalloc (built from source as a static library that does
// NOT replace the host's malloc); sanitizer builds use the system allocator so that ASan and TSan
// see every block. A heap belongs to one OS thread: only that thread allocates from it or deletes
// it. Any thread may free a block.
#pragma once

#include <cstddef>

namespace stitch::rt {

struct Heap;  // mi_heap_t in mimalloc builds; unused (null) with the system allocator

Heap* heap_new();
/// Empty pages go back to the thread's free memory (the next heap reuses them); live blocks
/// migrate to the thread's default heap and stay valid.
void heap_delete(Heap* heap);
void* heap_allocate(Heap* heap, std::size_t bytes);
void heap_free(void* block);
/// Bytes usable in `block` (at least what was asked for; allocators round up to size classes).
std::size_t heap_usable_size(void* block);

}  // namespace stitch::rt
