// The object model's foundation: every Stitch object starts with the 32-byte refcount header, and
// the header's `type` field points at the object's TypeObject.
//
// Ownership conventions (as in CPython's C API, because the interpreter and the JIT's stencils
// need the same cheap, exception-free calling convention):
//   - A function returning `Object*` returns a NEW (owned) reference, or nullptr with an exception
//     set in the current ExecState (exec_state.h).
//   - Arguments are BORROWED unless the name says `steal`.
//   - `Ref` is the RAII owner used by runtime code that is not on the hottest paths.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

#include "refcount/deferred.h"
#include "refcount/object_header.h"
#include "refcount/refcount.h"

namespace stitch {

struct TypeObject;

struct Object {
  rc::ObjectHeader header;
};

inline TypeObject* type_of(const Object* object) {
  return static_cast<TypeObject*>(const_cast<void*>(object->header.type));
}

/// Frees an object whose count reached zero: dispatches to its type's dealloc slot.
void dealloc_object(rc::ObjectHeader* header);

inline void incref(Object* object) { rc::incref(&object->header); }
inline void decref(Object* object) { rc::decref(&object->header, &dealloc_object); }
inline void xincref(Object* object) {
  if (object != nullptr) incref(object);
}
inline void xdecref(Object* object) {
  if (object != nullptr) decref(object);
}
inline Object* new_ref(Object* object) {
  incref(object);
  return object;
}
inline bool is_immortal(const Object* object) { return rc::is_immortal(&object->header); }
inline bool is_deferred(const Object* object) { return rc::is_deferred(&object->header); }
/// Counts the object per thread from now on (refcount/deferred.h): for objects that every thread
/// references (top-level functions, classes, modules and their namespaces, builtins). Call right
/// after creating it, before it escapes; freed by the runtime's shutdown sweep at the earliest.
/// Declines silently (the object stays ordinary) when it cannot.
inline void make_deferred(Object* object) { (void)rc::set_deferred(&object->header); }

/// Owning reference. Moves transfer ownership; copies incref.
class Ref {
 public:
  Ref() = default;
  static Ref steal(Object* object) { return Ref(object); }
  static Ref borrow(Object* object) {
    xincref(object);
    return Ref(object);
  }
  Ref(const Ref& other) : object_(other.object_) { xincref(object_); }
  Ref(Ref&& other) noexcept : object_(std::exchange(other.object_, nullptr)) {}
  Ref& operator=(Ref other) noexcept {
    std::swap(object_, other.object_);
    return *this;
  }
  ~Ref() { xdecref(object_); }

  Object* get() const { return object_; }
  Object* release() { return std::exchange(object_, nullptr); }
  explicit operator bool() const { return object_ != nullptr; }
  Object* operator->() const { return object_; }

 private:
  explicit Ref(Object* object) : object_(object) {}
  Object* object_ = nullptr;
};

}  // namespace stitch
