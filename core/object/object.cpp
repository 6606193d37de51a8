#include "core/object/object.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/object/alloc.h"
#include "core/object/exceptions.h"
#include "core/object/singletons.h"
#include "core/object/tuple.h"
#include "core/object/type.h"

namespace stitch {

void dealloc_object(rc::ObjectHeader* header) {
  auto* object = reinterpret_cast<Object*>(header);
  TypeObject* type = type_of(object);
  if (type->dealloc == nullptr) {
    std::fprintf(stderr, "stitch: internal error: type '%s' has no dealloc slot\n", type->name);
    std::abort();
  }
  type->dealloc(object);
}

Object* allocate_object(TypeObject* type, std::size_t bytes) {
  ExecState& state = exec_state();
  if (state.thread == nullptr) {
    // A contract breach inside Stitch (the API layer checks attachment before running code).
    std::fprintf(stderr, "stitch: internal error: object allocated on a thread with no runtime\n");
    std::abort();
  }
  void* memory = state.thread->allocate_object(bytes);
  if (memory == nullptr) {
    raise_error(&memory_error_type, "");
    return nullptr;
  }
  auto* object = static_cast<Object*>(memory);
  new (&object->header) rc::ObjectHeader();
  rc::init_owned(&object->header, type);
  if (type_has_flag(type, type_flags::kHeapType)) {
    // Instances keep their class alive; the class's part of the layout starts out empty.
    incref(type);
    std::memset(static_cast<void*>(object + 1), 0, bytes - sizeof(Object));
  }
  return object;
}

void restore_exception(Object* exception) {
  ExecState& state = exec_state();
  Object* previous = state.exception;
  state.exception = exception;
  xdecref(previous);
}

Object* current_handled_exception() {
  for (HandledExceptionState* level = exec_state().handled; level != nullptr; level = level->previous) {
    Object* handled = level->exception;
    if (handled != nullptr && !is_none(handled)) return handled;
  }
  return nullptr;
}

void set_exception(Object* exception) {
  if (exception != nullptr && is_exception_instance(exception)) chain_to_handled_exception(exception);
  restore_exception(exception);
}

Object* take_exception() {
  ExecState& state = exec_state();
  Object* exception = state.exception;
  state.exception = nullptr;
  return exception;
}

void clear_exception() { xdecref(take_exception()); }

ExecState& exec_state_out_of_line() { return exec_state(); }

bool is_subtype(const TypeObject* type, const TypeObject* base) {
  if (type->mro != nullptr) {
    // Classes: multiple inheritance puts bases outside the `base` chain, so scan the MRO.
    const TupleObject* mro = static_cast<const TupleObject*>(type->mro);
    for (std::int64_t i = 0; i < mro->size; ++i) {
      if (mro->items[i] == base) return true;
    }
    return false;
  }
  for (const TypeObject* t = type; t != nullptr; t = t->base) {
    if (t == base) return true;
  }
  return false;
}

}  // namespace stitch
