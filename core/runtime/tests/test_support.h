// Shared helpers for the runtime tests: a minimal object type on the refcount header whose
// deallocation is counted, and iteration counts scaled down under sanitizers.
#pragma once

#include <atomic>
#include <cstdlib>

#include "core/runtime/runtime.h"
#include "refcount/object_header.h"
#include "refcount/refcount.h"

namespace stitch::rt::testing {

#if defined(STITCH_SANITIZER_BUILD)
inline constexpr int kScale = 10;
#else
inline constexpr int kScale = 1;
#endif

inline std::atomic<long> deallocated_objects{0};

struct TestObject {
  rc::ObjectHeader header;
  long payload;
};

inline void dealloc_test_object(rc::ObjectHeader* header) {
  deallocated_objects.fetch_add(1, std::memory_order_relaxed);
  ThreadState::deallocate(reinterpret_cast<TestObject*>(header));
}

inline TestObject* new_test_object(ThreadState& state, long payload) {
  auto* object = static_cast<TestObject*>(state.allocate_object(sizeof(TestObject)));
  rc::init_owned(&object->header, nullptr);
  object->payload = payload;
  return object;
}

inline std::unique_ptr<Runtime> make_runtime() {
  RuntimeConfig config;
  config.object_dealloc = &dealloc_test_object;
  auto runtime = Runtime::create(config);
  if (!runtime) std::abort();
  return std::move(runtime.value());
}

}  // namespace stitch::rt::testing
