// Deferred reference counting: objects whose count never reaches zero by counting alone.
//
// Problem. Some objects (top-level functions, code, modules, types, descriptors) are increfed and
// decrefed by every thread all the time; their shared count is a contention hot spot, yet they
// die rarely. Making them immortal leaks them; deferring keeps them collectable.
//
// Algorithm. set_deferred sets gc_bits::kDeferred and adds a huge bias (kDeferredBias references)
// to the shared count, so ordinary counting can never bring the total to 0 and no decref ever
// frees the object. Only the runtime frees deferred objects: the cycle GC (later) or the shutdown
// sweep, which calls clear_deferred_for_shutdown: clear the bit, merge the counts while removing
// the bias, and report whether the object is now dead (the caller then deallocs it). From then on
// the object is an ordinary kMerged object and dies by counting.
//
// The bias (INTPTR_MAX / 8 references) leaves far more headroom than any real count, in both
// directions, since shared counts may go negative by the number of owner-accounted references.
//
// Orders. Both functions only use relaxed atomics: set_deferred runs while the object is private
// (it is published later with a release store); clear_deferred_for_shutdown runs when the owner
// cannot run (see its precondition), and its merge CAS is acq_rel like every merge (refcount.h).
#pragma once

#include <cstdint>

#include "refcount/object_header.h"

namespace stitch::rc {

/// Bias added to the shared count of deferred objects, in references.
inline constexpr std::intptr_t kDeferredBias = INTPTR_MAX / 8;

/// Marks the object deferred. Call while it is private to the caller (like init_owned). No-op
/// for immortal or already deferred objects.
void set_deferred(ObjectHeader* object);

inline bool is_deferred(const ObjectHeader* object) {
  return (object->gc_bits.load(std::memory_order_relaxed) & gc_bits::kDeferred) != 0;
}

/// Shutdown sweep: turns a deferred object back into an ordinary one (merged, bias removed) and
/// returns true if no reference remains, in which case the caller must dealloc it. Returns false
/// for objects that are not deferred. Precondition: the owner thread cannot touch the object's
/// local count concurrently (caller is the owner, the owner has exited, or the world is stopped).
bool clear_deferred_for_shutdown(ObjectHeader* object);

}  // namespace stitch::rc
