// Instance attribute storage: values blocks indexed by shapes, and the switch to dict mode (see
// instance_attributes.h for the states and the locking rules).
#include "core/object/instance_attributes.h"

#include <cstdint>
#include <cstdlib>
#include <new>

#include "core/object/class_type.h"
#include "core/object/deferred_release.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/str.h"
#include "core/sync/critical_section.h"
#include "core/sync/object_lock.h"

namespace stitch {

namespace {

constexpr std::uintptr_t kValuesTag = 1;

bool is_values(Object* raw) { return (reinterpret_cast<std::uintptr_t>(raw) & kValuesTag) != 0; }

InstanceValues* as_values(Object* raw) {
  return reinterpret_cast<InstanceValues*>(reinterpret_cast<std::uintptr_t>(raw) & ~kValuesTag);
}

Object* tagged(InstanceValues* block) {
  return reinterpret_cast<Object*>(reinterpret_cast<std::uintptr_t>(block) | kValuesTag);
}

std::size_t block_bytes(std::uint32_t capacity) { return sizeof(InstanceValues) + sizeof(Object*) * capacity; }

// The class's root shape, or nullptr when the instance keeps a plain dict (builtin exceptions).
Shape* root_shape_of(Object* object) {
  TypeObject* type = type_of(object);
  return is_heap_type(type) ? as_heap_type(type)->shape_root : nullptr;
}

InstanceValues* allocate_block(std::uint32_t capacity) {
  void* memory = std::malloc(block_bytes(capacity));
  if (memory == nullptr) return nullptr;
  auto* block = static_cast<InstanceValues*>(memory);
  new (&block->shape) std::atomic<Shape*>(nullptr);
  block->capacity = capacity;
  return block;
}

void free_block(void* block, void*) { std::free(block); }

// A block that lock-free shape readers may still hold is freed after a QSBR grace period.
void retire_block(InstanceValues* block) {
  rt::ThreadState* thread = exec_state().thread;
  if (thread == nullptr) {
    std::free(block);  // not attached: no runtime, no concurrent reader
    return;
  }
  thread->retire(block, block_bytes(block->capacity), free_block);
}

Object* new_ref_or_null(Object* object) { return object != nullptr ? new_ref(object) : nullptr; }

Object* load_slot(std::atomic<Object*>* slot) {
  // Acquire: pairs with the release store that published the block or the dict.
  return slot->load(std::memory_order_acquire);
}

// References to drop once the instance lock is released (at most one block's worth).
struct PendingReleases {
  Object* objects[kMaxShapeSize + 1];
  std::uint32_t count = 0;

  void add(Object* object) { objects[count++] = object; }
  ~PendingReleases() {
    for (std::uint32_t i = 0; i < count; ++i) decref(objects[i]);
  }
};

// Under the instance lock: replaces the values block by a dict holding the same attributes in the
// same order. The block's references go to `pending`. Returns the dict (borrowed from the slot)
// or nullptr with an exception (the block is then kept).
Object* switch_to_dict_locked(std::atomic<Object*>* slot, PendingReleases& pending) {
  Object* raw = slot->load(std::memory_order_relaxed);
  if (raw != nullptr && !is_values(raw)) return raw;
  Object* dict = dict_new();
  if (dict == nullptr) return nullptr;
  if (raw != nullptr) {
    InstanceValues* block = as_values(raw);
    Shape* shape = block->shape.load(std::memory_order_relaxed);
    for (std::uint32_t i = 0; i < shape->size; ++i) {
      if (dict_set_item(dict, shape->names[i], block->values[i]) < 0) {
        decref(dict);
        return nullptr;
      }
    }
    for (std::uint32_t i = 0; i < shape->size; ++i) pending.add(block->values[i]);
    // Release: the dict's contents are written before it becomes the instance's storage.
    slot->store(dict, std::memory_order_release);
    retire_block(block);
  } else {
    slot->store(dict, std::memory_order_release);
  }
  return dict;
}

// The interned form of an attribute name (shapes store only interned names).
Object* interned_name(Object* name) {
  return as_str(name)->is_interned && type_of(name) == &str_type ? name : str_intern(str_view(name));
}

// Runs `body` (a read) holding the instance's lock. Uncontended, a bare lock is enough: the body
// only finds an index and takes a reference (it cannot block, run Python code or reach a
// safepoint), so no critical section record is needed for suspension. Contended, or when this
// thread's own section already holds the lock, the critical section waits (or recurses) as
// everywhere else. (Writes use a critical section: they allocate.)
template <class Body>
void with_instance_lock(Object* object, Body&& body) {
  sync::Mutex& mutex = sync::object_mutex(&object->header);
  if (mutex.try_lock()) {
    body();
    mutex.unlock();
  } else {
    sync::CriticalSection section(mutex);
    body();
  }
}

enum class Outcome { kDone, kMissing, kUseDict, kError };

// Under the instance lock: the write in values mode, or kUseDict when the attribute must go to
// the dict (dict mode, a delete, or a full shape), in which case `*dict` is the instance's dict.
Outcome set_locked(Object* object, std::atomic<Object*>* slot, Object* name, Object* value, Object** dict,
                   PendingReleases& pending) {
  Object* raw = slot->load(std::memory_order_relaxed);
  if (raw != nullptr && !is_values(raw)) {
    *dict = new_ref(raw);
    return Outcome::kUseDict;
  }
  InstanceValues* block = raw != nullptr ? as_values(raw) : nullptr;
  Shape* shape = block != nullptr ? block->shape.load(std::memory_order_relaxed) : root_shape_of(object);
  std::int32_t index = shape_find(shape, name);
  if (value == nullptr) {
    if (index < 0) return Outcome::kMissing;
    // Deleting leaves a hole the shape cannot describe: the dict keeps Python's order for the rest.
    *dict = new_ref_or_null(switch_to_dict_locked(slot, pending));
    return *dict != nullptr ? Outcome::kUseDict : Outcome::kError;
  }
  if (index >= 0) {
    pending.add(block->values[index]);
    block->values[index] = new_ref(value);
    return Outcome::kDone;
  }
  Object* key = interned_name(name);
  Shape* child = key != nullptr ? shape_child_for(shape, key) : nullptr;
  if (child == nullptr) {
    if (key == nullptr) return Outcome::kError;
    // A full shape (or no memory for a new one): this instance keeps its attributes in a dict.
    *dict = new_ref_or_null(switch_to_dict_locked(slot, pending));
    return *dict != nullptr ? Outcome::kUseDict : Outcome::kError;
  }
  if (block != nullptr && block->capacity > shape->size) {
    block->values[shape->size] = new_ref(value);
    // Release: the new value is written before a reader of the shape can see its index.
    block->shape.store(child, std::memory_order_release);
    return Outcome::kDone;
  }
  std::uint32_t capacity = block == nullptr ? 4 : block->capacity * 2;
  if (capacity < child->size) capacity = child->size;
  InstanceValues* grown = allocate_block(capacity);
  if (grown == nullptr) {
    raise_error(&memory_error_type, "");
    return Outcome::kError;
  }
  for (std::uint32_t i = 0; i < shape->size; ++i) grown->values[i] = block->values[i];
  grown->values[shape->size] = new_ref(value);
  grown->shape.store(child, std::memory_order_relaxed);
  // Release: the whole block is written before it is published.
  slot->store(tagged(grown), std::memory_order_release);
  if (block != nullptr) retire_block(block);
  return Outcome::kDone;
}

}  // namespace

Object* instance_attribute_get(Object* object, std::atomic<Object*>* slot, Object* name) {
  Object* raw = load_slot(slot);
  if (raw == nullptr) return nullptr;
  if (is_values(raw)) {
    Object* value = nullptr;
    bool values_mode = false;
    // Under the lock a writer cannot release the value before we hold our reference.
    auto read = [&] {
      raw = slot->load(std::memory_order_relaxed);
      values_mode = raw == nullptr || is_values(raw);
      if (raw == nullptr || !is_values(raw)) return;
      InstanceValues* block = as_values(raw);
      std::int32_t index = shape_find(block->shape.load(std::memory_order_relaxed), name);
      if (index >= 0) value = new_ref(block->values[index]);
    };
    with_instance_lock(object, read);
    if (values_mode) return value;
  }
  // Dict mode: the dict is thread-safe itself. Our own reference keeps it alive even if __dict__ is
  // replaced meanwhile (a replaced dict is released only after a grace period, so taking this
  // reference is safe until our next quiescent state).
  Ref dict = Ref::borrow(raw);
  return dict_get_item(dict.get(), name);
}

int instance_attribute_set(Object* object, std::atomic<Object*>* slot, Object* name, Object* value) {
  Object* dict = nullptr;
  Outcome outcome = Outcome::kError;
  {
    PendingReleases pending;  // declared first, destroyed last: released after the section ends
    {
      sync::CriticalSection section(sync::object_mutex(&object->header));
      if (root_shape_of(object) == nullptr) {
        dict = new_ref_or_null(switch_to_dict_locked(slot, pending));
        outcome = dict != nullptr ? Outcome::kUseDict : Outcome::kError;
      } else {
        outcome = set_locked(object, slot, name, value, &dict, pending);
      }
    }
  }
  switch (outcome) {
    case Outcome::kDone: return 0;
    case Outcome::kMissing: return 1;
    case Outcome::kError: return -1;
    case Outcome::kUseDict: break;
  }
  Ref owned = Ref::steal(dict);  // our reference: __dict__ may be replaced while we use it
  if (value != nullptr) return dict_set_item(dict, name, value);
  if (dict_del_item(dict, name) == 0) return 0;
  if (!exception_matches(&key_error_type)) return -1;
  clear_exception();
  return 1;
}

int instance_attribute_contains(Object*, std::atomic<Object*>* slot, Object* name) {
  Object* raw = load_slot(slot);
  if (raw == nullptr) return 0;
  if (!is_values(raw)) {
    Ref dict = Ref::borrow(raw);  // as in instance_attribute_get
    return dict_contains(dict.get(), name);
  }
  // The block stays readable until our next quiescent state even if a writer replaces it.
  return shape_find(as_values(raw)->shape.load(std::memory_order_acquire), name) >= 0 ? 1 : 0;
}

Object* instance_attribute_dict(Object* object, std::atomic<Object*>* slot) {
  Object* raw = load_slot(slot);
  if (raw != nullptr && !is_values(raw)) return new_ref(raw);
  Object* dict;
  {
    PendingReleases pending;
    {
      sync::CriticalSection section(sync::object_mutex(&object->header));
      dict = switch_to_dict_locked(slot, pending);
      if (dict != nullptr) incref(dict);
    }
  }
  return dict;
}

int instance_attribute_replace_dict(Object* object, std::atomic<Object*>* slot, Object* dict) {
  Object* old_dict = nullptr;
  {
    PendingReleases pending;
    {
      sync::CriticalSection section(sync::object_mutex(&object->header));
      Object* raw = slot->load(std::memory_order_relaxed);
      if (raw != nullptr && is_values(raw)) {
        InstanceValues* block = as_values(raw);
        Shape* shape = block->shape.load(std::memory_order_relaxed);
        for (std::uint32_t i = 0; i < shape->size; ++i) pending.add(block->values[i]);
        retire_block(block);
      } else {
        old_dict = raw;
      }
      // Release: a reader that loads the new dict sees its contents.
      slot->store(new_ref_or_null(dict), std::memory_order_release);
    }
  }
  // Lock-free readers may still be about to take a reference to the old dict.
  release_after_grace_period(old_dict);
  return 0;
}

void instance_attributes_clear(std::atomic<Object*>* slot) {
  Object* raw = slot->load(std::memory_order_relaxed);
  slot->store(nullptr, std::memory_order_relaxed);
  if (raw == nullptr) return;
  if (!is_values(raw)) {
    decref(raw);
    return;
  }
  InstanceValues* block = as_values(raw);
  Shape* shape = block->shape.load(std::memory_order_relaxed);
  for (std::uint32_t i = 0; i < shape->size; ++i) decref(block->values[i]);
  std::free(block);  // the instance is dead: nobody can be reading its block
}

const Shape* instance_shape(std::atomic<Object*>* slot) {
  Object* raw = load_slot(slot);
  if (raw == nullptr || !is_values(raw)) return nullptr;
  return as_values(raw)->shape.load(std::memory_order_acquire);
}

}  // namespace stitch
