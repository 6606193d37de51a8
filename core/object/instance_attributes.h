// The attributes an instance holds itself (what Python shows as its __dict__).
//
// The instance's __dict__ pointer field (instance_dict_slot) is in one of three states:
//   nullptr       no attribute yet;
//   tagged (|1)   an InstanceValues block: the instance's Shape and one value per shape name;
//   a dict        "dict mode": a real dict holds the attributes.
// Instances of classes start with no attribute and move to a values block on the first write;
// they switch to dict mode when Python code asks for `__dict__` (vars(), copy), when an attribute
// is deleted, or past kMaxShapeSize attributes. Builtin exception instances (no class shape) use
// dict mode from the first write. Only `obj.__dict__ = d` / `del obj.__dict__` leave dict mode
// (for d, or for no attribute). A thread that sees a dict uses it without the instance lock (the
// dict is thread-safe itself), holding its own reference; a replaced dict is released after a
// QSBR grace period, so that reference can always be taken.
//
// Thread safety (ARCHITECTURE.md invariants 2 and 7):
//   - Writers (set, delete, switch to dict mode) hold the instance's object lock.
//   - A new block (growth, first write) is filled first and then published with one release store
//     of the slot; within a block the shape only grows, and the new value is written before the
//     release store of the block's shape, so a reader always sees a consistent (shape, values)
//     pair. A replaced block is freed through QSBR (ThreadState::retire): lock-free readers of the
//     shape (instance_attribute_contains, and later the specializer's shape-id guards) may still
//     hold it.
//   - Reading a value takes the instance lock: the writer may drop the last reference to the old
//     value, and object memory is not yet type-stable, so a lock-free reader could not safely take
//     its own reference (try_incref_compare needs that). Uncontended, the read takes the bare lock
//     (no critical section record: it cannot block). Only the shape check is lock-free.
//   - Values are released after the lock is dropped (destructors never run under an object lock).
#pragma once

#include <atomic>
#include <cstdint>

#include "core/object/object.h"
#include "core/object/shape.h"

namespace stitch {

struct InstanceValues {
  std::atomic<Shape*> shape;  // grows in place while capacity allows; never shrinks
  std::uint32_t capacity;
  Object* values[];           // shape->size owned references (read under the instance lock)
};

/// The instance's own attribute `name`: a new reference, or nullptr without an exception if it
/// has none (nullptr with an exception on error).
Object* instance_attribute_get(Object* object, std::atomic<Object*>* slot, Object* name);
/// Sets (value != nullptr) or deletes (value == nullptr) the instance's own attribute. 0 when done,
/// 1 when deleting a name the instance does not have (no exception), -1 with an exception.
int instance_attribute_set(Object* object, std::atomic<Object*>* slot, Object* name, Object* value);
/// 1 if the instance holds `name` itself, 0 if not, -1 on error. Takes no instance lock.
int instance_attribute_contains(Object* object, std::atomic<Object*>* slot, Object* name);
/// The instance's __dict__ (new reference), switching it to dict mode; nullptr on error.
Object* instance_attribute_dict(Object* object, std::atomic<Object*>* slot);
/// obj.__dict__ = dict (an exact dict or a subclass; checked by the caller), or, for nullptr,
/// del obj.__dict__ (no attribute left). 0 when done.
int instance_attribute_replace_dict(Object* object, std::atomic<Object*>* slot, Object* dict);
/// Releases what the slot holds (instance dealloc: no other thread can reach the instance).
void instance_attributes_clear(std::atomic<Object*>* slot);

/// The instance's current shape, nullptr in dict mode or before its first attribute (tests,
/// and the future specializer's guards). Lock-free; the shape lives as long as the class.
const Shape* instance_shape(std::atomic<Object*>* slot);

}  // namespace stitch
