// dict: CPython's compact, insertion-ordered hash table.
//
// Layout. A DictObject points at a DictKeys block (raw heap) holding two arrays: `indices`
// (2**log2_size slots of int8/16/32/64 depending on the size) and `entries` (usable_fraction(size)
// = size*2/3 slots of {hash, key, value}, filled in insertion order). An index slot is
// kEmpty (-1), kDummy (-2, a deleted entry's slot: probing continues past it) or the position of
// an entry. Lookup probes index slots with CPython's perturbation scheme
//     i = hash & mask; perturb = hash; loop: i = (i*5 + (perturb >>= 5) + 1) & mask
// which visits every slot eventually. Deletion turns the index slot into kDummy and clears the
// entry's key and value; iteration skips cleared entries. When `usable` reaches 0 an insertion
// rebuilds the table compactly with room for used*3 (CPython's GROWTH_RATE), so dummies vanish.
// An empty dict has no keys block at all (keys == nullptr).
//
// Invariants: used == number of entries with a non-null value; usable + nentries <= capacity;
// every live entry is reachable from exactly one index slot on its hash's probe sequence.
//
// Threads. Writers run inside a critical section on the dict's per-object mutex, so the table
// never changes under them except while they call out to user code (key comparison, repr): a
// locked lookup re-checks after each comparison that the keys block and the compared entry are
// unchanged, and restarts otherwise (as CPython does). Lookups (dict_get_item, `in`) are
// optimistic and take no lock (lockfree.h has the memory rules, dict.cpp the probe): load `keys`
// (acquire), probe the index slots (acquire), compare by identity or, for str keys, by contents
// on a reference taken with try_incref_compare; take the value with try_incref_compare, then
// re-validate that `keys` and the entry's key are unchanged. Any doubt (a key that needs __eq__,
// a slot that changed, an object that refuses the conditional increment) falls back to the locked
// lookup. Writers therefore store entries with release order and the index slot last; old keys
// blocks of a shared dict are retired through QSBR (release_keys), and every key and value stored
// in a shared dict is published to lock-free readers first. A dict is *shared* once a thread other
// than its owner touched it; until then only the owner reads it lock-free. References to keys and
// values are dropped AFTER the lock is released, so a destructor never sees a half-updated table.
//
// `version` increases (release order, pairs with the acquire load of guards in specialized code)
// on every mutation, so that cached lookups can check the dict did not change.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string_view>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

struct DictEntry {
  Hash hash;
  std::atomic<Object*> key;
  std::atomic<Object*> value;
};

struct DictKeys {
  std::uint8_t log2_size;
  std::int64_t usable;    // entries that may still be appended before a resize
  std::int64_t nentries;  // entries used so far (live or deleted)
  // Followed by: indices (size * index_width bytes), then entries (capacity DictEntry).
  alignas(8) unsigned char storage[];
};

struct DictObject : Object {
  std::atomic<std::int64_t> used;
  std::atomic<DictKeys*> keys;
  std::atomic<std::uint64_t> version;
};

extern TypeObject dict_type;
extern TypeObject dict_keys_type;
extern TypeObject dict_values_type;
extern TypeObject dict_items_type;

inline DictObject* as_dict(Object* object) { return static_cast<DictObject*>(object); }
bool is_dict(const Object* object);

// The API the interpreter and the other areas use. Keys are hashed with object_hash; a failing
// hash (unhashable key) returns the error.
Object* dict_new();
/// New reference, or nullptr: WITHOUT exception when the key is missing, WITH one on error.
Object* dict_get_item(Object* dict, Object* key);
/// 0 on success, -1 on error.
int dict_set_item(Object* dict, Object* key, Object* value);
/// 0 on success, -1 on error (KeyError holding the key when missing).
int dict_del_item(Object* dict, Object* key);
/// Fast path for str keys (interned identifiers compare by identity first).
Object* dict_get_item_str(Object* dict, std::string_view key);
int dict_set_item_str(Object* dict, std::string_view key, Object* value);
std::int64_t dict_size(Object* dict);
/// Walks live entries in insertion order: *position starts at 0. Borrowed references; the caller
/// makes sure nobody mutates the dict meanwhile.
bool dict_next(Object* dict, std::int64_t* position, Object** key, Object** value);
/// dict_next backwards, for reversed(): start with *position = INT64_MAX. Caller holds the lock.
bool dict_prev(Object* dict, std::int64_t* position, Object** key, Object** value);
Object* dict_copy(Object* dict);
/// dict.update(other): other is a dict, or an iterable of pairs. 0 or -1.
int dict_update(Object* dict, Object* other);
/// dict.fromkeys(iterable, value=None) (the classmethod, as a C++ function for now).
Object* dict_fromkeys(Object* iterable, Object* value);
/// 1 if present, 0 if not, -1 on error.
int dict_contains(Object* dict, Object* key);
/// Contains with a known hash (sets use it for set ops on dicts).
int dict_contains_known_hash(Object* dict, Object* key, Hash hash);
/// Like dict_next but also yields the stored hash.
bool dict_next_with_hash(Object* dict, std::int64_t* position, Object** key, Object** value,
                         Hash* hash);

// The Python-level methods (native method convention), exposed for tests and the interpreter.
Object* dict_method_get(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* dict_method_setdefault(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* dict_method_pop(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* dict_method_popitem(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* dict_method_keys(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* dict_method_values(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* dict_method_items(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* dict_method_update(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* dict_method_clear(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* dict_method_copy(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
/// The classmethod: `self` is the class (ignored: subclasses of dict do not exist yet).
Object* dict_method_fromkeys(Object* type, Object* const* args, std::size_t nargs, Object* kwnames);

/// Views (dict_views.cpp): keys/values/items view objects over a dict.
Object* dict_view_new(TypeObject* view_type, Object* dict);
/// An iterator over the dict: kind 0 keys, 1 values, 2 items.
Object* dict_iter_new(Object* dict, int kind);
/// reversed(d), reversed(d.keys()/values()/items()): same kinds, last entry first.
Object* dict_reversed_iter_new(Object* dict, int kind);
/// The dict a keys/values/items view reads, and its kind (0/1/2); nullptr if not a view.
Object* dict_view_target(Object* view, int* kind);

// Area-internal helpers (dict, views, set).
/// Like dict_next, under the dict's lock, returning NEW references.
bool dict_next_owned(Object* dict, std::int64_t* position, Object** key, Object** value);
/// Local iteration adapter until the generic iterator protocol lands: tuples directly, anything
/// else through its type's iter/iternext slots. `visit` gets borrowed items and returns -1 to
/// stop with an error. Raises "'int' object is not iterable" for the rest.
int iterate_items(Object* iterable, const std::function<int(Object*)>& visit);
bool is_locally_iterable(Object* object);

// Recursion guard for container reprs ("{...}"), per thread, shared by dict, set and views.
/// Returns 1 if `object` is already being printed by this thread, 0 after registering it.
int repr_enter(Object* object);
void repr_leave(Object* object);

void init_dict_type();
void init_dict_views();

}  // namespace stitch
