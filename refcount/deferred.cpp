// Deferred reference counting; the algorithm and its orders are in deferred.h.
#include "refcount/deferred.h"

#include "refcount/refcount.h"

namespace stitch::rc {

void set_deferred(ObjectHeader* object) {
  if (is_immortal(object) || is_deferred(object)) return;
  object->gc_bits.fetch_or(gc_bits::kDeferred, std::memory_order_relaxed);  // private object
  object->shared.fetch_add(make_shared(kDeferredBias, SharedState::kDefault),
                           std::memory_order_relaxed);  // private object; published later
}

bool clear_deferred_for_shutdown(ObjectHeader* object) {
  if (!is_deferred(object)) return false;
  object->gc_bits.fetch_and(static_cast<std::uint8_t>(~gc_bits::kDeferred),
                            std::memory_order_relaxed);  // owner not running (precondition)
  return explicit_merge(object, -kDeferredBias) == 0;
}

}  // namespace stitch::rc
