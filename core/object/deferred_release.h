// Dropping a reference that other threads may be reading without holding one of their own.
//
// Some fields are read lock-free (a function's __defaults__ while binding a call, ...). Replacing
// such a field must not free the old value under a reader's feet: the old reference is released
// only after a QSBR grace period, when every thread has passed a safepoint since the swap
// (ARCHITECTURE.md invariant 1).
#pragma once

#include "core/object/object.h"

namespace stitch {

/// Releases one reference to `object` (may be nullptr) after a grace period; immediately when the
/// thread is not attached to a runtime (no reader can exist then: single-threaded setup/teardown).
void release_after_grace_period(Object* object);

}  // namespace stitch
