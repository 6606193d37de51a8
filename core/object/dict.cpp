// dict: the compact table (see dict.h for the layout, the probing and the locking rules) and the
// dict type's slots and methods.
#include "core/object/dict.h"

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/object/alloc.h"
#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/class_type.h"
#include "core/object/exceptions.h"
#include "core/object/lockfree.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/sync/critical_section.h"
#include "core/sync/object_lock.h"

namespace stitch {

TypeObject dict_type;

namespace {

constexpr std::int64_t kEmpty = -1;
constexpr std::int64_t kDummy = -2;
constexpr std::int64_t kError = -3;
constexpr unsigned kPerturbShift = 5;

// ---- the keys block ----

std::size_t table_size(const DictKeys* keys) { return std::size_t{1} << keys->log2_size; }
std::size_t index_width(std::uint8_t log2_size) {
  return log2_size <= 7 ? 1 : log2_size <= 15 ? 2 : log2_size <= 31 ? 4 : 8;
}
std::int64_t capacity_for(std::size_t size) { return static_cast<std::int64_t>((size << 1) / 3); }

DictEntry* entries_of(DictKeys* keys) {
  return reinterpret_cast<DictEntry*>(keys->storage + table_size(keys) * index_width(keys->log2_size));
}

// Index slots are written (atomically, release) only under the lock; lock-free readers load them
// with acquire (load_index_acquire), so the entry an index names is initialized for them.
// Readers under the lock race with no writer and read plainly.
std::int64_t get_index(const DictKeys* keys, std::size_t slot) {
  switch (index_width(keys->log2_size)) {
    case 1: return reinterpret_cast<const std::int8_t*>(keys->storage)[slot];
    case 2: return reinterpret_cast<const std::int16_t*>(keys->storage)[slot];
    case 4: return reinterpret_cast<const std::int32_t*>(keys->storage)[slot];
    default: return reinterpret_cast<const std::int64_t*>(keys->storage)[slot];
  }
}

template <class T>
T load_acquire(const DictKeys* keys, std::size_t slot) {
  auto* array = reinterpret_cast<T*>(const_cast<unsigned char*>(keys->storage));
  return std::atomic_ref<T>(array[slot]).load(std::memory_order_acquire);
}

std::int64_t load_index_acquire(const DictKeys* keys, std::size_t slot) {
  switch (index_width(keys->log2_size)) {
    case 1: return load_acquire<std::int8_t>(keys, slot);
    case 2: return load_acquire<std::int16_t>(keys, slot);
    case 4: return load_acquire<std::int32_t>(keys, slot);
    default: return load_acquire<std::int64_t>(keys, slot);
  }
}

template <class T>
void store_release(DictKeys* keys, std::size_t slot, std::int64_t value) {
  std::atomic_ref<T>(reinterpret_cast<T*>(keys->storage)[slot]).store(static_cast<T>(value),
                                                                     std::memory_order_release);
}

void set_index(DictKeys* keys, std::size_t slot, std::int64_t value) {
  switch (index_width(keys->log2_size)) {
    case 1: store_release<std::int8_t>(keys, slot, value); break;
    case 2: store_release<std::int16_t>(keys, slot, value); break;
    case 4: store_release<std::int32_t>(keys, slot, value); break;
    default: store_release<std::int64_t>(keys, slot, value); break;
  }
}

// An entry's hash is rewritten only when popitem lets the next insertion reuse the entry, which a
// stale lock-free reader may be reading: atomic (relaxed; the key and value slots carry the order).
void set_hash(DictEntry* entry, Hash hash) { std::atomic_ref<Hash>(entry->hash).store(hash, std::memory_order_relaxed); }
Hash load_hash_lock_free(DictEntry* entry) {
  return std::atomic_ref<Hash>(entry->hash).load(std::memory_order_relaxed);
}

std::size_t keys_bytes(std::uint8_t log2_size) {
  std::size_t size = std::size_t{1} << log2_size;
  return sizeof(DictKeys) + size * index_width(log2_size) +
         static_cast<std::size_t>(capacity_for(size)) * sizeof(DictEntry);
}

DictKeys* allocate_keys(std::uint8_t log2_size) {
  std::size_t size = std::size_t{1} << log2_size;
  void* memory = exec_state().thread->allocate_raw(keys_bytes(log2_size));
  if (memory == nullptr) {
    raise_error(&memory_error_type, "");
    return nullptr;
  }
  auto* keys = static_cast<DictKeys*>(memory);
  keys->log2_size = log2_size;
  keys->usable = capacity_for(size);
  keys->nentries = 0;
  std::memset(keys->storage, 0xff, size * index_width(log2_size));  // every slot kEmpty
  // Every entry is constructed now, before the block is published: later writes are atomic
  // stores, never constructions, because a reused entry (popitem) may be read lock-free.
  DictEntry* entries = entries_of(keys);
  for (std::int64_t i = 0; i < keys->usable; ++i) {
    DictEntry* entry = std::construct_at(&entries[i]);
    entry->hash = 0;
  }
  return keys;
}

// The one place old keys blocks are freed: through QSBR when the dict is shared, because
// lock-free readers may still be probing it (lockfree.h, rule 1). Lock held (or dict dying).
void release_keys(DictObject* dict, DictKeys* keys) {
  if (keys == nullptr) return;
  free_table(keys, keys_bytes(keys->log2_size), is_shared_container(dict));
}

// Lockfree.h, rule 3: before a non-owner touches an unshared dict under its lock, publish every
// key and value to lock-free readers and mark the dict shared. Lock held.
void share_locked(DictObject* dict) {
  if (!must_share_locked(dict)) return;
  if (DictKeys* keys = dict->keys.load(std::memory_order_relaxed)) {
    DictEntry* entries = entries_of(keys);
    for (std::int64_t i = 0; i < keys->nentries; ++i) {
      Object* value = entries[i].value.load(std::memory_order_relaxed);
      if (value == nullptr) continue;
      publish_to_readers(entries[i].key.load(std::memory_order_relaxed));
      publish_to_readers(value);
    }
  }
  set_shared_bit_locked(dict);
}

// CPython 3.11's calculate_log2_keysize.
std::uint8_t log2_size_for(std::int64_t minimum_size) {
  auto value = static_cast<std::uint64_t>((minimum_size | 8) - 1) | 7u;
  std::uint8_t bits = 0;
  while (value != 0) {
    ++bits;
    value >>= 1;
  }
  return bits;
}

std::size_t next_slot(std::size_t slot, std::uint64_t* perturb, std::size_t mask) {
  *perturb >>= kPerturbShift;
  return (slot * 5 + *perturb + 1) & mask;
}

std::size_t find_empty_slot(DictKeys* keys, Hash hash) {
  std::size_t mask = table_size(keys) - 1;
  auto perturb = static_cast<std::uint64_t>(hash);
  std::size_t slot = static_cast<std::size_t>(hash) & mask;
  while (get_index(keys, slot) >= 0) slot = next_slot(slot, &perturb, mask);
  return slot;
}

// Rebuilds the table compactly with room for `minimum_size`. Caller holds the lock.
int resize(DictObject* dict, std::int64_t minimum_size) {
  DictKeys* old_keys = dict->keys.load(std::memory_order_relaxed);
  DictKeys* new_keys = allocate_keys(log2_size_for(minimum_size));
  if (new_keys == nullptr) return -1;
  DictEntry* target = entries_of(new_keys);
  std::int64_t count = 0;
  if (old_keys != nullptr) {
    DictEntry* source = entries_of(old_keys);
    for (std::int64_t i = 0; i < old_keys->nentries; ++i) {
      Object* value = source[i].value.load(std::memory_order_relaxed);
      if (value == nullptr) continue;
      DictEntry* entry = &target[count];  // the new block is private until published below
      entry->hash = source[i].hash;
      entry->key.store(source[i].key.load(std::memory_order_relaxed), std::memory_order_relaxed);
      entry->value.store(value, std::memory_order_relaxed);
      set_index(new_keys, find_empty_slot(new_keys, entry->hash), count);
      ++count;
    }
  }
  new_keys->nentries = count;
  new_keys->usable -= count;
  // Release: pairs with lock-free readers' acquire load of `keys`: the entries and index are
  // visible with the block.
  dict->keys.store(new_keys, std::memory_order_release);
  release_keys(dict, old_keys);
  return 0;
}

void bump_version(DictObject* dict) {
  // Release: pairs with the acquire load of specialized code that guards a cached lookup on it.
  dict->version.fetch_add(1, std::memory_order_release);
}

struct Found {
  std::int64_t entry;  // >= 0 found, kEmpty missing, kError failed
  std::size_t slot;    // index slot of the found entry
};

// Looks `key` up. Caller holds the lock. A comparison may run user code that changes the table:
// the lookup then restarts, as CPython's does.
Found lookup(DictObject* dict, Object* key, Hash hash) {
restart:
  DictKeys* keys = dict->keys.load(std::memory_order_relaxed);
  if (keys == nullptr) return {kEmpty, 0};
  std::size_t mask = table_size(keys) - 1;
  auto perturb = static_cast<std::uint64_t>(hash);
  std::size_t slot = static_cast<std::size_t>(hash) & mask;
  for (;;) {
    std::int64_t index = get_index(keys, slot);
    if (index == kEmpty) return {kEmpty, slot};
    if (index >= 0) {
      DictEntry& entry = entries_of(keys)[index];
      Object* stored = entry.key.load(std::memory_order_relaxed);
      if (stored == key) return {index, slot};
      if (entry.hash == hash) {
        if (type_of(stored) == &str_type && type_of(key) == &str_type) {
          if (str_equal(stored, key)) return {index, slot};
        } else {
          incref(stored);
          int equal = object_rich_compare_bool(stored, key, CompareOp::kEq);
          decref(stored);
          if (equal < 0) return {kError, 0};
          if (dict->keys.load(std::memory_order_relaxed) != keys ||
              entry.key.load(std::memory_order_relaxed) != stored) {
            goto restart;
          }
          if (equal) return {index, slot};
        }
      }
    }
    slot = next_slot(slot, &perturb, mask);
  }
}

// ---- lock-free lookup (the protocol is in dict.h, the memory rules in lockfree.h) ----

enum class LockFree { kFound, kMissing, kUseTheLock };

// The entry matched `key` (the stored key is `stored`): take a reference to its value and
// re-validate that the block is still the dict's and the entry still holds that key, so the value
// was the key's value at an instant during the call.
LockFree read_value_lock_free(DictObject* dict, DictKeys* keys, DictEntry& entry, Object* stored,
                              Object** value) {
  Object* candidate = entry.value.load(std::memory_order_acquire);
  if (candidate == nullptr) return LockFree::kUseTheLock;  // being deleted (or the entry reused)
  if (!try_incref_compare(entry.value, candidate)) return LockFree::kUseTheLock;
  if (dict->keys.load(std::memory_order_acquire) != keys ||
      entry.key.load(std::memory_order_acquire) != stored) {
    decref(candidate);
    return LockFree::kUseTheLock;
  }
  *value = candidate;
  return LockFree::kFound;
}

// Probes without the lock. Only comparisons that run no user code happen here (identity, and
// str == str on a reference taken with try_incref_compare); anything else, and any change seen
// while probing, sends the caller to the locked lookup. No safepoint is reached in between, so
// the block and every object loaded from it stay mapped (lockfree.h, rules 1 and 2). Nothing
// that could free memory runs while the block is still in use: the reference taken on a compared
// key is handed to the caller (`*held_key`) and dropped after the probe, and an undo decref inside
// try_incref_compare is always followed by a return.
LockFree probe_lock_free(DictObject* dict, Object* key, Hash hash, Object** value, Object** held_key) {
  // Acquire pairs with the writer's release store of `keys` (resize): the block is initialized.
  DictKeys* keys = dict->keys.load(std::memory_order_acquire);
  if (keys == nullptr) return LockFree::kMissing;
  std::size_t mask = table_size(keys) - 1;
  auto perturb = static_cast<std::uint64_t>(hash);
  std::size_t slot = static_cast<std::size_t>(hash) & mask;
  for (;;) {
    std::int64_t index = load_index_acquire(keys, slot);
    if (index == kEmpty) {
      // Missing in this block; it is still the dict's block, so the key was missing just now.
      return dict->keys.load(std::memory_order_acquire) == keys ? LockFree::kMissing
                                                                : LockFree::kUseTheLock;
    }
    if (index >= 0) {
      DictEntry& entry = entries_of(keys)[index];
      Object* stored = entry.key.load(std::memory_order_acquire);
      if (stored == key) return read_value_lock_free(dict, keys, entry, stored, value);
      if (stored != nullptr && load_hash_lock_free(&entry) == hash) {
        // Equal 64-bit hashes of different keys: only str == str is compared here, once.
        if (type_of(key) != &str_type || *held_key != nullptr) return LockFree::kUseTheLock;
        if (!try_incref_compare(entry.key, stored)) return LockFree::kUseTheLock;
        *held_key = stored;
        if (type_of(stored) != &str_type) return LockFree::kUseTheLock;  // may run __eq__
        if (str_equal(stored, key)) return read_value_lock_free(dict, keys, entry, stored, value);
      }
    }
    slot = next_slot(slot, &perturb, mask);
  }
}

LockFree lookup_lock_free(DictObject* dict, Object* key, Hash hash, Object** value) {
  Object* held_key = nullptr;
  LockFree result = probe_lock_free(dict, key, hash, value, &held_key);
  xdecref(held_key);
  return result;
}

// Inserts or replaces. Caller holds the lock. `*replaced` receives the old value (owned) to drop
// after unlocking. key and value are borrowed.
int insert(DictObject* dict, Object* key, Hash hash, Object* value, Object** replaced) {
  share_locked(dict);
  Found found = lookup(dict, key, hash);
  if (found.entry == kError) return -1;
  // Shared: lock-free readers may load what we store (lockfree.h, rule 2). A comparison in
  // lookup() may have run code, but not changed the shared bit back (it never clears).
  const bool shared = is_shared_container(dict);
  if (shared) publish_to_readers(value);
  if (found.entry >= 0) {
    DictEntry& entry = entries_of(dict->keys.load(std::memory_order_relaxed))[found.entry];
    *replaced = entry.value.load(std::memory_order_relaxed);
    // Release: a lock-free reader that loads the new value sees it initialized.
    entry.value.store(new_ref(value), std::memory_order_release);
    bump_version(dict);
    return 0;
  }
  DictKeys* keys = dict->keys.load(std::memory_order_relaxed);
  if (keys == nullptr || keys->usable <= 0) {
    if (resize(dict, dict->used.load(std::memory_order_relaxed) * 3) < 0) return -1;
    keys = dict->keys.load(std::memory_order_relaxed);
  }
  if (shared) publish_to_readers(key);
  std::int64_t position = keys->nentries;
  DictEntry* entry = &entries_of(keys)[position];
  // Entry first, index slot last (release): a reader that finds the index finds the entry filled.
  set_hash(entry, hash);
  entry->key.store(new_ref(key), std::memory_order_release);
  entry->value.store(new_ref(value), std::memory_order_release);
  set_index(keys, find_empty_slot(keys, hash), position);
  keys->nentries = position + 1;
  keys->usable -= 1;
  dict->used.fetch_add(1, std::memory_order_relaxed);
  bump_version(dict);
  return 0;
}

// Removes the entry found at `found`. Caller holds the lock; the owned key and value are returned
// for the caller to drop after unlocking.
void remove_entry(DictObject* dict, Found found, Object** key, Object** value) {
  share_locked(dict);  // no-op for callers that are the owner or found it shared already
  DictKeys* keys = dict->keys.load(std::memory_order_relaxed);
  DictEntry& entry = entries_of(keys)[found.entry];
  set_index(keys, found.slot, kDummy);
  *key = entry.key.exchange(nullptr, std::memory_order_relaxed);
  *value = entry.value.exchange(nullptr, std::memory_order_relaxed);
  dict->used.fetch_sub(1, std::memory_order_relaxed);
  bump_version(dict);
}

sync::Mutex& lock_of(Object* object) { return sync::object_mutex(&object->header); }

// ---- slots ----

void dict_dealloc(Object* object) {
  DictObject* dict = as_dict(object);
  DictKeys* keys = dict->keys.load(std::memory_order_relaxed);
  if (keys != nullptr) {
    DictEntry* entries = entries_of(keys);
    for (std::int64_t i = 0; i < keys->nentries; ++i) {
      if (entries[i].value.load(std::memory_order_relaxed) == nullptr) continue;
      decref(entries[i].key.load(std::memory_order_relaxed));
      decref(entries[i].value.load(std::memory_order_relaxed));
    }
    // At once: a lock-free reader holds a reference to the dict it reads, so none is left here.
    rt::ThreadState::deallocate(keys);
  }
  free_object_memory(object);
}

Object* dict_repr(Object* object) {
  if (dict_size(object) == 0) return str_intern("{}");
  if (repr_enter(object) != 0) return str_intern("{...}");
  std::string text = "{";
  std::int64_t position = 0;
  Object* key = nullptr;
  Object* value = nullptr;
  bool first = true;
  bool failed = false;
  while (dict_next_owned(object, &position, &key, &value)) {
    Ref owned_key = Ref::steal(key);
    Ref owned_value = Ref::steal(value);
    Ref key_text = Ref::steal(object_repr(key));
    if (!key_text) {
      failed = true;
      break;
    }
    Ref value_text = Ref::steal(object_repr(value));
    if (!value_text) {
      failed = true;
      break;
    }
    if (!first) text += ", ";
    first = false;
    text += str_view(key_text.get());
    text += ": ";
    text += str_view(value_text.get());
  }
  repr_leave(object);
  if (failed) return nullptr;
  text += "}";
  return str_from_utf8(text);
}

std::int64_t dict_length(Object* object) { return dict_size(object); }

Object* dict_subscript(Object* object, Object* key) {
  Object* value = dict_get_item(object, key);
  if (value == nullptr && !has_exception()) {
    // A dict subclass may supply missing keys (d[k] calls type(d).__missing__(d, k)).
    if (type_has_flag(type_of(object), type_flags::kHeapType)) {
      bool found = false;
      value = call_special_method(object, "__missing__", &key, 1, &found);
      if (found || has_exception()) return value;
    }
    raise_error_with_value(&key_error_type, key);
  }
  return value;
}

int dict_assign_subscript(Object* object, Object* key, Object* value) {
  if (value == nullptr) return dict_del_item(object, key);
  return dict_set_item(object, key, value);
}

int dict_contains_slot(Object* object, Object* key) { return dict_contains(object, key); }

// 1 equal, 0 not, -1 error. Compares entry by entry, holding references (comparisons may run code).
int dict_equal(Object* a, Object* b) {
  if (dict_size(a) != dict_size(b)) return 0;
  std::int64_t position = 0;
  Object* key = nullptr;
  Object* value = nullptr;
  while (dict_next_owned(a, &position, &key, &value)) {
    Ref owned_key = Ref::steal(key);
    Ref owned_value = Ref::steal(value);
    Ref other = Ref::steal(dict_get_item(b, key));
    if (!other) return has_exception() ? -1 : 0;
    int equal = object_rich_compare_bool(value, other.get(), CompareOp::kEq);
    if (equal <= 0) return equal;
  }
  return 1;
}

Object* dict_rich_compare(Object* left, Object* right, CompareOp op) {
  if (!is_dict(left) || !is_dict(right) || (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return new_ref(not_implemented());
  }
  int equal = dict_equal(left, right);
  if (equal < 0) return nullptr;
  return bool_from((equal == 1) == (op == CompareOp::kEq));
}

Object* dict_or(Object* left, Object* right) {
  if (!is_dict(left) || !is_dict(right)) return new_ref(not_implemented());
  Ref result = Ref::steal(dict_copy(left));
  if (!result || dict_update(result.get(), right) < 0) return nullptr;
  return result.release();
}

Object* dict_inplace_or(Object* left, Object* right) {
  if (dict_update(left, right) < 0) return nullptr;
  return new_ref(left);
}

Object* dict_iter(Object* object) { return dict_iter_new(object, 0); }

// Adds the pairs of an iterable (dict.update's second form), with CPython's messages.
int update_from_pairs(Object* dict, Object* iterable) {
  std::int64_t element_number = 0;
  return iterate_items(iterable, [&](Object* element) -> int {
    if (!is_locally_iterable(element)) {
      raise_error(&type_error_type, "cannot convert dictionary update sequence element #" +
                                        std::to_string(element_number) + " to a sequence");
      return -1;
    }
    std::vector<Ref> parts;
    if (iterate_items(element, [&](Object* part) -> int {
          parts.push_back(Ref::borrow(part));
          return 0;
        }) < 0) {
      return -1;
    }
    if (parts.size() != 2) {
      raise_error(&value_error_type, "dictionary update sequence element #" +
                                         std::to_string(element_number) + " has length " +
                                         std::to_string(parts.size()) + "; 2 is required");
      return -1;
    }
    ++element_number;
    return dict_set_item(dict, parts[0].get(), parts[1].get());
  });
}

const MethodDef dict_methods[] = {
    {"get", dict_method_get},
    {"setdefault", dict_method_setdefault},
    {"pop", dict_method_pop},
    {"popitem", dict_method_popitem},
    {"keys", dict_method_keys},
    {"values", dict_method_values},
    {"items", dict_method_items},
    {"update", dict_method_update},
    {"clear", dict_method_clear},
    {"copy", dict_method_copy},
    {"fromkeys", dict_method_fromkeys, MethodDef::kClass},
    {nullptr, nullptr},
};

// dict(), dict(mapping_or_pairs), dict(..., **kwargs).
Object* dict_new_instance(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_argument_range("dict", nargs, 0, 1)) return nullptr;
  Ref dict = Ref::steal(dict_new());
  if (!dict) return nullptr;
  Ref done = Ref::steal(dict_method_update(dict.get(), args, nargs, kwnames));
  if (!done) return nullptr;
  return dict.release();
}

thread_local std::vector<Object*> objects_in_repr;

}  // namespace

// ---- recursion guard ----

int repr_enter(Object* object) {
  for (Object* seen : objects_in_repr) {
    if (seen == object) return 1;
  }
  objects_in_repr.push_back(object);
  return 0;
}

void repr_leave(Object* object) {
  for (auto it = objects_in_repr.rbegin(); it != objects_in_repr.rend(); ++it) {
    if (*it == object) {
      objects_in_repr.erase(std::next(it).base());
      return;
    }
  }
}

// ---- the API ----

bool is_dict(const Object* object) { return type_has_flag(type_of(object), type_flags::kDictSubclass); }

Object* dict_new() {
  auto* dict = allocate<DictObject>(&dict_type);
  if (dict == nullptr) return nullptr;
  std::construct_at(&dict->used, 0);
  std::construct_at(&dict->keys, nullptr);
  std::construct_at(&dict->version, 1);
  return dict;
}

std::int64_t dict_size(Object* dict) { return as_dict(dict)->used.load(std::memory_order_relaxed); }

Object* dict_get_item(Object* object, Object* key) {
  Hash hash = object_hash(key);
  if (hash == -1) return nullptr;
  DictObject* dict = as_dict(object);
  if (may_read_lock_free(object)) {
    Object* value = nullptr;
    switch (lookup_lock_free(dict, key, hash, &value)) {
      case LockFree::kFound: return value;
      case LockFree::kMissing: return nullptr;
      case LockFree::kUseTheLock: break;
    }
  }
  sync::CriticalSection section(lock_of(object));
  share_locked(dict);  // so that this thread's next lookups can go lock-free
  Found found = lookup(dict, key, hash);
  if (found.entry < 0) return nullptr;
  return new_ref(entries_of(dict->keys.load(std::memory_order_relaxed))[found.entry].value.load(
      std::memory_order_relaxed));
}

int dict_contains_known_hash(Object* object, Object* key, Hash hash) {
  DictObject* dict = as_dict(object);
  if (may_read_lock_free(object)) {
    Object* value = nullptr;
    switch (lookup_lock_free(dict, key, hash, &value)) {
      case LockFree::kFound: decref(value); return 1;
      case LockFree::kMissing: return 0;
      case LockFree::kUseTheLock: break;
    }
  }
  sync::CriticalSection section(lock_of(object));
  share_locked(dict);
  Found found = lookup(dict, key, hash);
  if (found.entry == kError) return -1;
  return found.entry >= 0 ? 1 : 0;
}

int dict_contains(Object* object, Object* key) {
  Hash hash = object_hash(key);
  if (hash == -1) return -1;
  return dict_contains_known_hash(object, key, hash);
}

int dict_set_item(Object* object, Object* key, Object* value) {
  Hash hash = object_hash(key);
  if (hash == -1) return -1;
  Object* replaced = nullptr;
  int result;
  {
    sync::CriticalSection section(lock_of(object));
    result = insert(as_dict(object), key, hash, value, &replaced);
  }
  xdecref(replaced);
  return result;
}

int dict_del_item(Object* object, Object* key) {
  Hash hash = object_hash(key);
  if (hash == -1) return -1;
  Object* old_key = nullptr;
  Object* old_value = nullptr;
  {
    sync::CriticalSection section(lock_of(object));
    Found found = lookup(as_dict(object), key, hash);
    if (found.entry == kError) return -1;
    if (found.entry == kEmpty) {
      raise_error_with_value(&key_error_type, key);
      return -1;
    }
    remove_entry(as_dict(object), found, &old_key, &old_value);
  }
  decref(old_key);
  decref(old_value);
  return 0;
}

Object* dict_get_item_str(Object* dict, std::string_view key) {
  Ref text = Ref::steal(str_from_utf8(key));
  if (!text) return nullptr;
  return dict_get_item(dict, text.get());
}

int dict_set_item_str(Object* dict, std::string_view key, Object* value) {
  Ref text = Ref::steal(str_from_utf8(key));
  if (!text) return -1;
  return dict_set_item(dict, text.get(), value);
}

bool dict_next_with_hash(Object* object, std::int64_t* position, Object** key, Object** value,
                         Hash* hash) {
  DictKeys* keys = as_dict(object)->keys.load(std::memory_order_relaxed);
  if (keys == nullptr) return false;
  DictEntry* entries = entries_of(keys);
  while (*position < keys->nentries) {
    DictEntry& entry = entries[*position];
    ++*position;
    Object* stored_value = entry.value.load(std::memory_order_relaxed);
    if (stored_value == nullptr) continue;
    if (key != nullptr) *key = entry.key.load(std::memory_order_relaxed);
    if (value != nullptr) *value = stored_value;
    if (hash != nullptr) *hash = entry.hash;
    return true;
  }
  return false;
}

bool dict_prev(Object* object, std::int64_t* position, Object** key, Object** value) {
  DictKeys* keys = as_dict(object)->keys.load(std::memory_order_relaxed);
  if (keys == nullptr) return false;
  if (*position > keys->nentries) *position = keys->nentries;
  DictEntry* entries = entries_of(keys);
  while (*position > 0) {
    DictEntry& entry = entries[--*position];
    Object* stored_value = entry.value.load(std::memory_order_relaxed);
    if (stored_value == nullptr) continue;
    *key = entry.key.load(std::memory_order_relaxed);
    *value = stored_value;
    return true;
  }
  return false;
}

bool dict_next(Object* dict, std::int64_t* position, Object** key, Object** value) {
  return dict_next_with_hash(dict, position, key, value, nullptr);
}

bool dict_next_owned(Object* object, std::int64_t* position, Object** key, Object** value) {
  sync::CriticalSection section(lock_of(object));
  Object* borrowed_key = nullptr;
  Object* borrowed_value = nullptr;
  if (!dict_next(object, position, &borrowed_key, &borrowed_value)) return false;
  *key = new_ref(borrowed_key);
  *value = new_ref(borrowed_value);
  return true;
}

Object* dict_copy(Object* object) {
  Ref copy = Ref::steal(dict_new());
  if (!copy) return nullptr;
  sync::CriticalSection section(lock_of(object));
  std::int64_t used = dict_size(object);
  if (used > 0 && resize(as_dict(copy.get()), used * 3 / 2 + 1) < 0) return nullptr;
  std::int64_t position = 0;
  Object* key = nullptr;
  Object* value = nullptr;
  Hash hash = 0;
  while (dict_next_with_hash(object, &position, &key, &value, &hash)) {
    Object* replaced = nullptr;
    if (insert(as_dict(copy.get()), key, hash, value, &replaced) < 0) return nullptr;
    xdecref(replaced);
  }
  return copy.release();
}

int dict_update(Object* dict, Object* other) {
  if (!is_dict(other)) return update_from_pairs(dict, other);
  if (other == dict) return 0;
  // Take references to the pairs first: inserting may run comparisons (user code).
  std::vector<Ref> pairs;
  {
    sync::CriticalSection section(lock_of(other));
    std::int64_t position = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (dict_next(other, &position, &key, &value)) {
      pairs.push_back(Ref::borrow(key));
      pairs.push_back(Ref::borrow(value));
    }
  }
  for (std::size_t i = 0; i < pairs.size(); i += 2) {
    if (dict_set_item(dict, pairs[i].get(), pairs[i + 1].get()) < 0) return -1;
  }
  return 0;
}

Object* dict_fromkeys(Object* iterable, Object* value) {
  Ref result = Ref::steal(dict_new());
  if (!result) return nullptr;
  if (iterate_items(iterable, [&](Object* key) { return dict_set_item(result.get(), key, value); }) < 0) {
    return nullptr;
  }
  return result.release();
}

// ---- methods ----

Object* dict_method_get(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("dict.get", kwnames) || !check_argument_range("get", nargs, 1, 2)) return nullptr;
  Object* value = dict_get_item(self, args[0]);
  if (value != nullptr || has_exception()) return value;
  return new_ref(nargs == 2 ? args[1] : none());
}

Object* dict_method_setdefault(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("dict.setdefault", kwnames) || !check_argument_range("setdefault", nargs, 1, 2)) {
    return nullptr;
  }
  Object* fallback = nargs == 2 ? args[1] : none();
  Hash hash = object_hash(args[0]);
  if (hash == -1) return nullptr;
  DictObject* dict = as_dict(self);
  sync::CriticalSection section(lock_of(self));
  Found found = lookup(dict, args[0], hash);
  if (found.entry == kError) return nullptr;
  if (found.entry >= 0) {
    return new_ref(entries_of(dict->keys.load(std::memory_order_relaxed))[found.entry].value.load(
        std::memory_order_relaxed));
  }
  Object* replaced = nullptr;
  if (insert(dict, args[0], hash, fallback, &replaced) < 0) return nullptr;
  xdecref(replaced);  // always null here: the key was missing under the same lock
  return new_ref(fallback);
}

Object* dict_method_pop(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("dict.pop", kwnames) || !check_argument_range("pop", nargs, 1, 2)) return nullptr;
  Hash hash = object_hash(args[0]);
  if (hash == -1) return nullptr;
  Object* old_key = nullptr;
  Object* old_value = nullptr;
  {
    sync::CriticalSection section(lock_of(self));
    Found found = lookup(as_dict(self), args[0], hash);
    if (found.entry == kError) return nullptr;
    if (found.entry >= 0) remove_entry(as_dict(self), found, &old_key, &old_value);
  }
  if (old_value == nullptr) {
    if (nargs == 2) return new_ref(args[1]);
    return raise_error_with_value(&key_error_type, args[0]);
  }
  decref(old_key);
  return old_value;
}

Object* dict_method_popitem(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  (void)args;
  if (!check_no_keywords("dict.popitem", kwnames) || !check_no_arguments("dict.popitem", nargs)) return nullptr;
  Object* key = nullptr;
  Object* value = nullptr;
  {
    sync::CriticalSection section(lock_of(self));
    DictObject* dict = as_dict(self);
    if (dict->used.load(std::memory_order_relaxed) == 0) {
      return raise_error(&key_error_type, "popitem(): dictionary is empty");
    }
    DictKeys* keys = dict->keys.load(std::memory_order_relaxed);
    DictEntry* entries = entries_of(keys);
    std::int64_t last = keys->nentries - 1;
    while (entries[last].value.load(std::memory_order_relaxed) == nullptr) --last;
    // Find the index slot pointing at `last` along its hash's probe sequence.
    std::size_t mask = table_size(keys) - 1;
    auto perturb = static_cast<std::uint64_t>(entries[last].hash);
    std::size_t slot = static_cast<std::size_t>(entries[last].hash) & mask;
    while (get_index(keys, slot) != last) slot = next_slot(slot, &perturb, mask);
    remove_entry(dict, Found{last, slot}, &key, &value);
    keys->nentries = last;
  }
  Object* pair = tuple_new_uninitialized(2);
  if (pair == nullptr) {
    decref(key);
    decref(value);
    return nullptr;
  }
  as_tuple(pair)->items[0] = key;
  as_tuple(pair)->items[1] = value;
  return pair;
}

Object* dict_method_keys(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("dict.keys", kwnames) || !check_no_arguments("dict.keys", nargs)) return nullptr;
  return dict_view_new(&dict_keys_type, self);
}

Object* dict_method_values(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("dict.values", kwnames) || !check_no_arguments("dict.values", nargs)) return nullptr;
  return dict_view_new(&dict_values_type, self);
}

Object* dict_method_items(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("dict.items", kwnames) || !check_no_arguments("dict.items", nargs)) return nullptr;
  return dict_view_new(&dict_items_type, self);
}

Object* dict_method_update(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  std::size_t keyword_count = kwnames == nullptr ? 0 : static_cast<std::size_t>(as_tuple(kwnames)->size);
  if (!check_argument_range("update", nargs, 0, 1)) return nullptr;
  if (nargs == 1 && dict_update(self, args[0]) < 0) return nullptr;
  for (std::size_t i = 0; i < keyword_count; ++i) {
    if (dict_set_item(self, as_tuple(kwnames)->items[i], args[nargs + i]) < 0) return nullptr;
  }
  return new_ref(none());
}

Object* dict_method_clear(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("dict.clear", kwnames) || !check_no_arguments("dict.clear", nargs)) return nullptr;
  DictKeys* old_keys = nullptr;
  DictObject* dict = as_dict(self);
  {
    sync::CriticalSection section(lock_of(self));
    share_locked(dict);
    // Relaxed: lock-free readers that see nullptr report "missing", which is now true; those
    // still in the old block re-validate `keys` and retry under the lock.
    old_keys = dict->keys.exchange(nullptr, std::memory_order_relaxed);
    dict->used.store(0, std::memory_order_relaxed);
    bump_version(dict);
  }
  if (old_keys != nullptr) {
    DictEntry* entries = entries_of(old_keys);
    for (std::int64_t i = 0; i < old_keys->nentries; ++i) {
      if (entries[i].value.load(std::memory_order_relaxed) == nullptr) continue;
      decref(entries[i].key.load(std::memory_order_relaxed));
      decref(entries[i].value.load(std::memory_order_relaxed));
    }
    release_keys(dict, old_keys);  // after the decrefs: QSBR may free it at the next safepoint
  }
  return new_ref(none());
}

Object* dict_method_copy(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("dict.copy", kwnames) || !check_no_arguments("dict.copy", nargs)) return nullptr;
  return dict_copy(self);
}

Object* dict_method_fromkeys(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("dict.fromkeys", kwnames) || !check_argument_range("fromkeys", nargs, 1, 2)) {
    return nullptr;
  }
  return dict_fromkeys(args[0], nargs == 2 ? args[1] : none());
}

// ---- the local iteration adapter (until the generic iterator protocol lands) ----

bool is_locally_iterable(Object* object) { return is_tuple(object) || type_of(object)->iter != nullptr; }

int iterate_items(Object* iterable, const std::function<int(Object*)>& visit) {
  if (is_tuple(iterable)) {
    Ref hold = Ref::borrow(iterable);
    TupleObject* tuple = as_tuple(iterable);
    for (std::int64_t i = 0; i < tuple->size; ++i) {
      if (visit(tuple->items[i]) < 0) return -1;
    }
    return 0;
  }
  TypeObject* type = type_of(iterable);
  if (type->iter == nullptr) {
    raise_error(&type_error_type, std::string("'") + type->name + "' object is not iterable");
    return -1;
  }
  Ref iterator = Ref::steal(type->iter(iterable));
  if (!iterator) return -1;
  UnarySlot next = type_of(iterator.get())->iternext;
  if (next == nullptr) {
    raise_error(&type_error_type, std::string("iter() returned non-iterator of type '") +
                                      type_name(iterator.get()) + "'");
    return -1;
  }
  for (;;) {
    Ref item = Ref::steal(next(iterator.get()));
    if (!item) return has_exception() ? -1 : 0;
    if (visit(item.get()) < 0) return -1;
  }
}

void init_dict_type() {
  init_static_type(dict_type, "dict", sizeof(DictObject), &object_type,
                   type_flags::kBaseType | type_flags::kDictSubclass);
  dict_type.hash = nullptr;  // unhashable
  dict_type.dealloc = dict_dealloc;
  dict_type.repr = dict_repr;
  dict_type.rich_compare = dict_rich_compare;
  dict_type.length = dict_length;
  dict_type.getitem = dict_subscript;
  dict_type.setitem = dict_assign_subscript;
  dict_type.contains = dict_contains_slot;
  dict_type.iter = dict_iter;
  dict_type.number.bit_or = dict_or;
  dict_type.number.inplace_or = dict_inplace_or;
  dict_type.methods = dict_methods;
  dict_type.new_instance = dict_new_instance;
}

}  // namespace stitch
