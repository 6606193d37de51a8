// iter(callable, sentinel): calls `callable` with no arguments until it returns a value equal to
// `sentinel` (or raises StopIteration); after that the iterator stays exhausted.
#include <atomic>

#include "core/object/alloc.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/iterators.h"
#include "core/object/protocol.h"

namespace stitch {

namespace {

TypeObject callable_iterator_type;

struct CallableIteratorObject : Object {
  Object* callable;
  Object* sentinel;
  std::atomic<bool> exhausted;
};

CallableIteratorObject* as_callable_iterator(Object* object) {
  return static_cast<CallableIteratorObject*>(object);
}

void callable_iterator_dealloc(Object* object) {
  decref(as_callable_iterator(object)->callable);
  decref(as_callable_iterator(object)->sentinel);
  free_object_memory(object);
}

Object* iterator_self(Object* object) { return new_ref(object); }

Object* callable_iterator_next(Object* object) {
  CallableIteratorObject* iterator = as_callable_iterator(object);
  if (iterator->exhausted.load(std::memory_order_acquire)) return nullptr;
  Object* value = call_object(iterator->callable, nullptr, 0, nullptr);
  if (value == nullptr) {
    if (exception_matches(&stop_iteration_type)) {
      clear_exception();
      iterator->exhausted.store(true, std::memory_order_release);
    }
    return nullptr;
  }
  int equal = object_rich_compare_bool(value, iterator->sentinel, CompareOp::kEq);
  if (equal == 0) return value;
  decref(value);
  if (equal > 0) iterator->exhausted.store(true, std::memory_order_release);
  return nullptr;
}

}  // namespace

Object* callable_iterator_new(Object* callable, Object* sentinel) {
  auto* iterator = allocate<CallableIteratorObject>(&callable_iterator_type);
  if (iterator == nullptr) return nullptr;
  iterator->callable = new_ref(callable);
  iterator->sentinel = new_ref(sentinel);
  new (&iterator->exhausted) std::atomic<bool>(false);
  return iterator;
}

void init_callable_iterator_type() {
  init_static_type(callable_iterator_type, "callable_iterator", sizeof(CallableIteratorObject), &object_type, 0);
  callable_iterator_type.dealloc = callable_iterator_dealloc;
  callable_iterator_type.iter = iterator_self;
  callable_iterator_type.iternext = callable_iterator_next;
}

}  // namespace stitch
