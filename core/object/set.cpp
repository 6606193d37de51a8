// set and frozenset: the table algorithm (see set.h), the two types' slots and methods.
#include "core/object/set.h"

#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "core/object/alloc.h"
#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/sync/critical_section.h"
#include "core/sync/object_lock.h"

namespace stitch {

TypeObject set_type;
TypeObject frozenset_type;

namespace {

constexpr std::int64_t kLinearProbes = 9;
constexpr unsigned kPerturbShift = 5;

// Marks deleted slots; never exposed, never counted.
Object dummy_marker;
Object* const kDummyKey = &dummy_marker;

bool is_active(const SetEntry& entry) { return entry.key != nullptr && entry.key != kDummyKey; }

sync::Mutex& lock_of(Object* object) { return sync::object_mutex(&object->header); }

// Locks one set, or two when `other` is another set (both read by the operation).
class SetLocks {
 public:
  SetLocks(Object* self, Object* other) {
    if (other != nullptr && other != self && is_any_set(other)) {
      pair_.emplace(lock_of(self), lock_of(other));
    } else {
      single_.emplace(lock_of(self));
    }
  }

 private:
  std::optional<sync::CriticalSection> single_;
  std::optional<sync::CriticalSection2> pair_;
};

void set_init_empty(SetObject* set) {
  set->fill = 0;
  set->used = 0;
  set->mask = kSetMinSize - 1;
  set->table = set->small_table;
  set->hash = -1;
  set->finger = 0;
  std::memset(static_cast<void*>(set->small_table), 0, sizeof(set->small_table));
}

SetObject* allocate_set(TypeObject* type) {
  auto* set = allocate<SetObject>(type);
  if (set == nullptr) return nullptr;
  set_init_empty(set);
  return set;
}

void insert_clean(SetEntry* table, std::size_t mask, Object* key, Hash hash) {
  auto perturb = static_cast<std::uint64_t>(hash);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  for (;;) {
    SetEntry* entry = &table[i];
    if (entry->key == nullptr) {
      entry->key = key;
      entry->hash = hash;
      return;
    }
    if (i + kLinearProbes <= mask) {
      for (std::int64_t j = 0; j < kLinearProbes; ++j) {
        ++entry;
        if (entry->key == nullptr) {
          entry->key = key;
          entry->hash = hash;
          return;
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// Rebuilds the table for `minimum_used` entries (CPython's set_table_resize). Refcount-neutral.
int table_resize(SetObject* set, std::int64_t minimum_used) {
  std::size_t new_size = kSetMinSize;
  while (new_size <= static_cast<std::size_t>(minimum_used)) new_size <<= 1;
  SetEntry* old_table = set->table;
  std::size_t old_mask = static_cast<std::size_t>(set->mask);
  bool old_is_heap = old_table != set->small_table;
  SetEntry small_copy[kSetMinSize];
  SetEntry* new_table;
  if (new_size == kSetMinSize) {
    new_table = set->small_table;
    if (new_table == old_table) {
      if (set->fill == set->used) return 0;
      std::memcpy(static_cast<void*>(small_copy), old_table, sizeof(small_copy));
      old_table = small_copy;
    }
  } else {
    new_table = static_cast<SetEntry*>(exec_state().thread->allocate_raw(new_size * sizeof(SetEntry)));
    if (new_table == nullptr) {
      raise_error(&memory_error_type, "");
      return -1;
    }
  }
  std::memset(static_cast<void*>(new_table), 0, new_size * sizeof(SetEntry));
  set->mask = static_cast<std::int64_t>(new_size - 1);
  set->table = new_table;
  for (std::size_t i = 0; i <= old_mask; ++i) {
    if (is_active(old_table[i])) insert_clean(new_table, new_size - 1, old_table[i].key, old_table[i].hash);
  }
  set->fill = set->used;
  if (old_is_heap) rt::ThreadState::deallocate(old_table);
  return 0;
}

// CPython's set_add_entry. Stores a new reference to `key`.
int add_entry(SetObject* set, Object* key, Hash hash) {
  Ref hold = Ref::borrow(key);  // the comparison may run code that drops the caller's reference
restart:
  std::size_t mask = static_cast<std::size_t>(set->mask);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  SetEntry* free_slot = nullptr;
  auto perturb = static_cast<std::uint64_t>(hash);
  for (;;) {
    SetEntry* entry = &set->table[i];
    std::int64_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key == nullptr) {
        if (free_slot != nullptr) {
          set->used++;
          free_slot->key = hold.release();
          free_slot->hash = hash;
          return 0;
        }
        set->fill++;
        set->used++;
        entry->key = hold.release();
        entry->hash = hash;
        if (static_cast<std::size_t>(set->fill) * 5 < mask * 3) return 0;
        return table_resize(set, set->used > 50000 ? set->used * 2 : set->used * 4);
      }
      if (entry->hash == hash) {
        Object* start = entry->key;
        if (start == key) return 0;
        if (type_of(start) == &str_type && type_of(key) == &str_type && str_equal(start, key)) return 0;
        SetEntry* table = set->table;
        incref(start);
        int equal = object_rich_compare_bool(start, key, CompareOp::kEq);
        decref(start);
        if (equal > 0) return 0;
        if (equal < 0) return -1;
        if (table != set->table || entry->key != start) goto restart;
        mask = static_cast<std::size_t>(set->mask);
      } else if (entry->hash == -1 && free_slot == nullptr) {
        free_slot = entry;
      }
      ++entry;
    } while (probes-- > 0);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// CPython's set_lookkey: the slot holding `key`, or the unused slot ending its probe sequence;
// nullptr on error.
SetEntry* lookkey(SetObject* set, Object* key, Hash hash) {
restart:
  std::size_t mask = static_cast<std::size_t>(set->mask);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  auto perturb = static_cast<std::uint64_t>(hash);
  for (;;) {
    SetEntry* entry = &set->table[i];
    std::int64_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key == nullptr) return entry;
      if (entry->hash == hash) {
        Object* start = entry->key;
        if (start == key) return entry;
        if (type_of(start) == &str_type && type_of(key) == &str_type) {
          if (str_equal(start, key)) return entry;
        } else {
          SetEntry* table = set->table;
          incref(start);
          int equal = object_rich_compare_bool(start, key, CompareOp::kEq);
          decref(start);
          if (equal < 0) return nullptr;
          if (table != set->table || entry->key != start) goto restart;
          if (equal > 0) return entry;
          mask = static_cast<std::size_t>(set->mask);
        }
      }
      ++entry;
    } while (probes-- > 0);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

int contains_entry(SetObject* set, Object* key, Hash hash) {
  SetEntry* entry = lookkey(set, key, hash);
  if (entry == nullptr) return -1;
  return entry->key != nullptr ? 1 : 0;
}

// 1 removed, 0 absent, -1 error. The removed key is handed back (owned) in *removed.
int discard_entry(SetObject* set, Object* key, Hash hash, Ref* removed) {
  SetEntry* entry = lookkey(set, key, hash);
  if (entry == nullptr) return -1;
  if (entry->key == nullptr) return 0;
  *removed = Ref::steal(entry->key);
  entry->key = kDummyKey;
  entry->hash = -1;
  set->used--;
  return 1;
}

int add_key(SetObject* set, Object* key) {
  Hash hash = object_hash(key);
  if (hash == -1) return -1;
  return add_entry(set, key, hash);
}

// CPython's set_merge: adds another set's keys, copying the table outright when possible.
int merge(SetObject* set, SetObject* other) {
  if (set == other || other->used == 0) return 0;
  if (static_cast<std::size_t>(set->fill + other->used) * 5 >= static_cast<std::size_t>(set->mask) * 3) {
    if (table_resize(set, (set->used + other->used) * 2) < 0) return -1;
  }
  if (set->fill == 0 && set->mask == other->mask && other->fill == other->used) {
    for (std::int64_t i = 0; i <= other->mask; ++i) {
      Object* key = other->table[i].key;
      if (key != nullptr) {
        set->table[i].key = new_ref(key);
        set->table[i].hash = other->table[i].hash;
      }
    }
    set->fill = other->fill;
    set->used = other->used;
    return 0;
  }
  if (set->fill == 0) {
    set->fill = other->used;
    set->used = other->used;
    for (std::int64_t i = 0; i <= other->mask; ++i) {
      if (is_active(other->table[i])) {
        insert_clean(set->table, static_cast<std::size_t>(set->mask), new_ref(other->table[i].key),
                     other->table[i].hash);
      }
    }
    return 0;
  }
  for (std::int64_t i = 0; i <= other->mask; ++i) {
    if (is_active(other->table[i]) && add_entry(set, other->table[i].key, other->table[i].hash) < 0) {
      return -1;
    }
  }
  return 0;
}

// CPython's set_update_internal. Caller holds the locks.
int update_internal(SetObject* set, Object* other) {
  if (is_any_set(other)) return merge(set, as_set(other));
  if (type_of(other) == &dict_type) {
    std::int64_t size = dict_size(other);
    if (static_cast<std::size_t>(set->fill + size) * 5 >= static_cast<std::size_t>(set->mask) * 3) {
      if (table_resize(set, (set->used + size) * 2) < 0) return -1;
    }
    std::vector<std::pair<Ref, Hash>> keys;
    {
      sync::CriticalSection section(lock_of(other));
      std::int64_t position = 0;
      Object* key = nullptr;
      Hash hash = 0;
      while (dict_next_with_hash(other, &position, &key, nullptr, &hash)) keys.emplace_back(Ref::borrow(key), hash);
    }
    for (auto& [key, hash] : keys) {
      if (add_entry(set, key.get(), hash) < 0) return -1;
    }
    return 0;
  }
  return iterate_items(other, [set](Object* key) { return add_key(set, key); });
}

SetObject* make_new_set(TypeObject* type, Object* iterable) {
  SetObject* set = allocate_set(type);
  if (set == nullptr) return nullptr;
  if (iterable != nullptr && update_internal(set, iterable) < 0) {
    decref(set);
    return nullptr;
  }
  return set;
}

// Base type for results: set ops on a frozenset give a frozenset.
TypeObject* result_type(Object* set) { return is_frozenset(set) ? &frozenset_type : &set_type; }

Object* copy_of(SetObject* set) { return make_new_set(result_type(set), set); }

void clear_internal(SetObject* set) {
  std::vector<Object*> keys;
  for (std::int64_t i = 0; i <= set->mask; ++i) {
    if (is_active(set->table[i])) keys.push_back(set->table[i].key);
  }
  if (set->table != set->small_table) rt::ThreadState::deallocate(set->table);
  set_init_empty(set);
  for (Object* key : keys) decref(key);
}

// CPython's set_intersection: iterates the smaller operand when both are sets.
Object* intersection(SetObject* set, Object* other) {
  if (set == other) return copy_of(set);
  Ref result = Ref::steal(allocate_set(result_type(set)));
  if (!result) return nullptr;
  SetObject* out = as_set(result.get());
  if (is_any_set(other)) {
    SetObject* small = as_set(other);
    SetObject* large = set;
    if (small->used > large->used) std::swap(small, large);
    for (std::int64_t i = 0; i <= small->mask; ++i) {
      if (!is_active(small->table[i])) continue;
      Ref key = Ref::borrow(small->table[i].key);
      Hash hash = small->table[i].hash;
      int found = contains_entry(large, key.get(), hash);
      if (found < 0) return nullptr;
      if (found && add_entry(out, key.get(), hash) < 0) return nullptr;
    }
    return result.release();
  }
  if (iterate_items(other, [&](Object* key) -> int {
        Hash hash = object_hash(key);
        if (hash == -1) return -1;
        int found = contains_entry(set, key, hash);
        if (found <= 0) return found;
        return add_entry(out, key, hash);
      }) < 0) {
    return nullptr;
  }
  return result.release();
}

int resize_away_dummies(SetObject* set) {
  if (static_cast<std::size_t>(set->fill - set->used) <= static_cast<std::size_t>(set->mask) / 4) return 0;
  return table_resize(set, set->used > 50000 ? set->used * 2 : set->used * 4);
}

// CPython's set_difference_update_internal.
int difference_update_internal(SetObject* set, Object* other) {
  if (set == other) {
    clear_internal(set);
    return 0;
  }
  if (is_any_set(other)) {
    Ref source = Ref::borrow(other);
    if ((as_set(other)->used >> 3) > set->used) {
      source = Ref::steal(intersection(set, other));
      if (!source) return -1;
    }
    SetObject* keys = as_set(source.get());
    for (std::int64_t i = 0; i <= keys->mask; ++i) {
      if (!is_active(keys->table[i])) continue;
      Ref removed;
      if (discard_entry(set, keys->table[i].key, keys->table[i].hash, &removed) < 0) return -1;
    }
  } else {
    if (iterate_items(other, [set](Object* key) -> int {
          Hash hash = object_hash(key);
          if (hash == -1) return -1;
          Ref removed;
          return discard_entry(set, key, hash, &removed) < 0 ? -1 : 0;
        }) < 0) {
      return -1;
    }
  }
  return resize_away_dummies(set);
}

// CPython's set_difference.
Object* difference(SetObject* set, Object* other) {
  std::int64_t other_size;
  if (is_any_set(other)) {
    other_size = as_set(other)->used;
  } else if (type_of(other) == &dict_type) {
    other_size = dict_size(other);
  } else {
    other_size = -1;
  }
  if (other_size < 0 || (set->used >> 2) > other_size) {
    Ref result = Ref::steal(copy_of(set));
    if (!result || difference_update_internal(as_set(result.get()), other) < 0) return nullptr;
    return result.release();
  }
  Ref result = Ref::steal(allocate_set(result_type(set)));
  if (!result) return nullptr;
  for (std::int64_t i = 0; i <= set->mask; ++i) {
    if (!is_active(set->table[i])) continue;
    Ref key = Ref::borrow(set->table[i].key);
    Hash hash = set->table[i].hash;
    int found = is_any_set(other) ? contains_entry(as_set(other), key.get(), hash)
                                  : dict_contains_known_hash(other, key.get(), hash);
    if (found < 0) return nullptr;
    if (!found && add_entry(as_set(result.get()), key.get(), hash) < 0) return nullptr;
  }
  return result.release();
}

// CPython's set_symmetric_difference_update.
int symmetric_difference_update_internal(SetObject* set, Object* other) {
  if (set == other) {
    clear_internal(set);
    return 0;
  }
  if (type_of(other) == &dict_type) {
    // CPython walks the dict in insertion order here.
    std::vector<std::pair<Ref, Hash>> pairs;
    {
      sync::CriticalSection section(lock_of(other));
      std::int64_t position = 0;
      Object* key = nullptr;
      Hash hash = 0;
      while (dict_next_with_hash(other, &position, &key, nullptr, &hash)) pairs.emplace_back(Ref::borrow(key), hash);
    }
    for (auto& [pair_key, pair_hash] : pairs) {
      Ref removed;
      int found = discard_entry(set, pair_key.get(), pair_hash, &removed);
      if (found < 0) return -1;
      if (found == 0 && add_entry(set, pair_key.get(), pair_hash) < 0) return -1;
    }
    return 0;
  }
  Ref source = is_any_set(other) ? Ref::borrow(other) : Ref::steal(make_new_set(result_type(set), other));
  if (!source) return -1;
  SetObject* keys = as_set(source.get());
  for (std::int64_t i = 0; i <= keys->mask; ++i) {
    if (!is_active(keys->table[i])) continue;
    Ref key = Ref::borrow(keys->table[i].key);
    Hash hash = keys->table[i].hash;
    Ref removed;
    int found = discard_entry(set, key.get(), hash, &removed);
    if (found < 0) return -1;
    if (found == 0 && add_entry(set, key.get(), hash) < 0) return -1;
  }
  return 0;
}

int issubset_internal(SetObject* set, SetObject* other) {
  if (set->used > other->used) return 0;
  for (std::int64_t i = 0; i <= set->mask; ++i) {
    if (!is_active(set->table[i])) continue;
    Ref key = Ref::borrow(set->table[i].key);
    int found = contains_entry(other, key.get(), set->table[i].hash);
    if (found <= 0) return found;
  }
  return 1;
}

// Hashes `key`; a set key that is unhashable is looked up as the equal frozenset (CPython does
// the same for `in`, remove and discard).
Ref lookup_key(Object* key, Hash* hash) {
  *hash = object_hash(key);
  if (*hash != -1) return Ref::borrow(key);
  if (!is_set(key) || !exception_matches(&type_error_type)) return Ref();
  clear_exception();
  Ref frozen;
  {
    sync::CriticalSection section(lock_of(key));
    frozen = Ref::steal(make_new_set(&frozenset_type, key));
  }
  if (!frozen) return Ref();
  *hash = object_hash(frozen.get());
  if (*hash == -1) return Ref();
  return frozen;
}

// ---- slots ----

void set_dealloc(Object* object) {
  SetObject* set = as_set(object);
  for (std::int64_t i = 0; i <= set->mask; ++i) {
    if (is_active(set->table[i])) decref(set->table[i].key);
  }
  if (set->table != set->small_table) rt::ThreadState::deallocate(set->table);
  free_object_memory(object);
}

Object* set_repr(Object* object) {
  bool frozen = is_frozenset(object);
  std::vector<Ref> keys;
  {
    sync::CriticalSection section(lock_of(object));
    SetObject* set = as_set(object);
    for (std::int64_t i = 0; i <= set->mask; ++i) {
      if (is_active(set->table[i])) keys.push_back(Ref::borrow(set->table[i].key));
    }
  }
  std::string name = type_name(object);
  if (keys.empty()) return str_from_utf8(name + "()");
  if (repr_enter(object) != 0) return str_from_utf8(name + "(...)");
  std::string text = frozen ? name + "({" : "{";
  bool failed = false;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    Ref item = Ref::steal(object_repr(keys[i].get()));
    if (!item) {
      failed = true;
      break;
    }
    if (i > 0) text += ", ";
    text += str_view(item.get());
  }
  repr_leave(object);
  if (failed) return nullptr;
  text += frozen ? "})" : "}";
  return str_from_utf8(text);
}

std::int64_t set_length(Object* object) { return set_size(object); }

int set_contains_slot(Object* object, Object* key) { return set_contains(object, key); }

void shuffle_into(std::uint64_t* hash, std::uint64_t entry_hash) {
  *hash ^= ((entry_hash ^ 89869747ull) ^ (entry_hash << 16)) * 3644798167ull;
}

// CPython 3.11's frozenset_hash: order-independent, cached.
Hash frozenset_hash(Object* object) {
  SetObject* set = as_set(object);
  sync::CriticalSection section(lock_of(object));
  if (set->hash != -1) return set->hash;
  std::uint64_t hash = 0;
  for (std::int64_t i = 0; i <= set->mask; ++i) shuffle_into(&hash, static_cast<std::uint64_t>(set->table[i].hash));
  if (((set->mask + 1 - set->fill) & 1) != 0) shuffle_into(&hash, 0);
  if (((set->fill - set->used) & 1) != 0) shuffle_into(&hash, static_cast<std::uint64_t>(-1));
  hash ^= (static_cast<std::uint64_t>(set->used) + 1) * 1927868237ull;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069u + 907133923ull;
  if (hash == static_cast<std::uint64_t>(-1)) hash = 590923713ull;
  set->hash = static_cast<Hash>(hash);  // written under the lock: every thread computes the same
  return set->hash;
}

Object* set_rich_compare(Object* left, Object* right, CompareOp op) {
  if (!is_any_set(left) || !is_any_set(right)) return new_ref(not_implemented());
  SetLocks locks(left, right);
  SetObject* a = as_set(left);
  SetObject* b = as_set(right);
  int result = 0;
  switch (op) {
    case CompareOp::kEq:
    case CompareOp::kNe:
      if (a->used != b->used) {
        result = 0;
      } else if (is_frozenset(left) && is_frozenset(right) && a->hash != -1 && b->hash != -1 &&
                 a->hash != b->hash) {
        result = 0;
      } else {
        result = issubset_internal(a, b);
      }
      if (result >= 0 && op == CompareOp::kNe) result = !result;
      break;
    case CompareOp::kLe: result = issubset_internal(a, b); break;
    case CompareOp::kGe: result = issubset_internal(b, a); break;
    case CompareOp::kLt: result = a->used < b->used ? issubset_internal(a, b) : 0; break;
    case CompareOp::kGt: result = a->used > b->used ? issubset_internal(b, a) : 0; break;
  }
  if (result < 0) return nullptr;
  return bool_from(result != 0);
}

Object* set_or(Object* left, Object* right) {
  if (!is_any_set(left) || !is_any_set(right)) return new_ref(not_implemented());
  SetLocks locks(left, right);
  Ref result = Ref::steal(copy_of(as_set(left)));
  if (!result || (left != right && update_internal(as_set(result.get()), right) < 0)) return nullptr;
  return result.release();
}

Object* set_and(Object* left, Object* right) {
  if (!is_any_set(left) || !is_any_set(right)) return new_ref(not_implemented());
  SetLocks locks(left, right);
  return intersection(as_set(left), right);
}

Object* set_sub(Object* left, Object* right) {
  if (!is_any_set(left) || !is_any_set(right)) return new_ref(not_implemented());
  SetLocks locks(left, right);
  return difference(as_set(left), right);
}

Object* set_xor(Object* left, Object* right) {
  if (!is_any_set(left) || !is_any_set(right)) return new_ref(not_implemented());
  SetLocks locks(left, right);
  Ref result = Ref::steal(make_new_set(result_type(left), right));
  if (!result || symmetric_difference_update_internal(as_set(result.get()), left) < 0) return nullptr;
  return result.release();
}

// Swaps the contents of two sets (used by intersection_update, as CPython's set_swap_bodies).
void swap_bodies(SetObject* a, SetObject* b) {
  // Everything after the object header is plain data: swap it bytewise.
  std::size_t offset = static_cast<std::size_t>(reinterpret_cast<char*>(&a->fill) - reinterpret_cast<char*>(a));
  std::size_t bytes = sizeof(SetObject) - offset;
  alignas(SetObject) unsigned char temporary[sizeof(SetObject)];
  std::memcpy(temporary, reinterpret_cast<char*>(a) + offset, bytes);
  std::memcpy(reinterpret_cast<char*>(a) + offset, reinterpret_cast<char*>(b) + offset, bytes);
  std::memcpy(reinterpret_cast<char*>(b) + offset, temporary, bytes);
  if (a->table == b->small_table) a->table = a->small_table;
  if (b->table == a->small_table) b->table = b->small_table;
  a->hash = -1;
  b->hash = -1;
}

int intersection_update_internal(SetObject* set, Object* other) {
  Ref result = Ref::steal(intersection(set, other));
  if (!result) return -1;
  swap_bodies(set, as_set(result.get()));
  return 0;
}

Object* set_inplace_or(Object* left, Object* right) {
  if (!is_any_set(right)) return new_ref(not_implemented());
  SetLocks locks(left, right);
  if (update_internal(as_set(left), right) < 0) return nullptr;
  return new_ref(left);
}

Object* set_inplace_and(Object* left, Object* right) {
  if (!is_any_set(right)) return new_ref(not_implemented());
  SetLocks locks(left, right);
  if (intersection_update_internal(as_set(left), right) < 0) return nullptr;
  return new_ref(left);
}

Object* set_inplace_sub(Object* left, Object* right) {
  if (!is_any_set(right)) return new_ref(not_implemented());
  SetLocks locks(left, right);
  if (difference_update_internal(as_set(left), right) < 0) return nullptr;
  return new_ref(left);
}

Object* set_inplace_xor(Object* left, Object* right) {
  if (!is_any_set(right)) return new_ref(not_implemented());
  SetLocks locks(left, right);
  if (symmetric_difference_update_internal(as_set(left), right) < 0) return nullptr;
  return new_ref(left);
}

// ---- iterator ----

struct SetIterObject : Object {
  Object* set;  // nullptr once exhausted
  std::int64_t expected_used;
  std::int64_t position;
  std::int64_t remaining;
};

TypeObject set_iterator_type;

void set_iterator_dealloc(Object* object) {
  xdecref(static_cast<SetIterObject*>(object)->set);
  free_object_memory(object);
}

Object* set_iterator_next(Object* object) {
  auto* iterator = static_cast<SetIterObject*>(object);
  if (iterator->set == nullptr) return nullptr;
  Object* key = nullptr;
  {
    sync::CriticalSection section(lock_of(iterator->set));
    SetObject* set = as_set(iterator->set);
    if (iterator->expected_used != set->used) {
      iterator->expected_used = -1;
      return raise_error(&runtime_error_type, "Set changed size during iteration");
    }
    std::int64_t i = iterator->position;
    while (i <= set->mask && !is_active(set->table[i])) ++i;
    iterator->position = i + 1;
    if (i <= set->mask) {
      key = new_ref(set->table[i].key);
      iterator->remaining--;
    }
  }
  if (key == nullptr) {
    Object* set = iterator->set;
    iterator->set = nullptr;
    decref(set);
  }
  return key;
}

Object* iterator_self(Object* object) { return new_ref(object); }

Object* set_iter(Object* object) {
  auto* iterator = allocate<SetIterObject>(&set_iterator_type);
  if (iterator == nullptr) return nullptr;
  sync::CriticalSection section(lock_of(object));
  iterator->set = new_ref(object);
  iterator->expected_used = as_set(object)->used;
  iterator->position = 0;
  iterator->remaining = as_set(object)->used;
  return iterator;
}

Object* one_argument_method(const char* name, Object* self, Object* const* args, std::size_t nargs,
                            Object* kwnames, int (*operation)(SetObject*, Object*)) {
  if (!check_no_keywords(name, kwnames) || !check_exactly_one_argument(name, nargs)) return nullptr;
  SetLocks locks(self, args[0]);
  if (operation(as_set(self), args[0]) < 0) return nullptr;
  return new_ref(none());
}

const MethodDef set_methods[] = {
    {"add", set_method_add},
    {"discard", set_method_discard},
    {"remove", set_method_remove},
    {"pop", set_method_pop},
    {"clear", set_method_clear},
    {"copy", set_method_copy},
    {"update", set_method_update},
    {"union", set_method_union},
    {"intersection", set_method_intersection},
    {"intersection_update", set_method_intersection_update},
    {"difference", set_method_difference},
    {"difference_update", set_method_difference_update},
    {"symmetric_difference", set_method_symmetric_difference},
    {"symmetric_difference_update", set_method_symmetric_difference_update},
    {"issubset", set_method_issubset},
    {"issuperset", set_method_issuperset},
    {"isdisjoint", set_method_isdisjoint},
    {nullptr, nullptr},
};

const MethodDef frozenset_methods[] = {
    {"copy", set_method_copy},
    {"union", set_method_union},
    {"intersection", set_method_intersection},
    {"difference", set_method_difference},
    {"symmetric_difference", set_method_symmetric_difference},
    {"issubset", set_method_issubset},
    {"issuperset", set_method_issuperset},
    {"isdisjoint", set_method_isdisjoint},
    {nullptr, nullptr},
};

const char* qualified(Object* self, const char* method) {
  // Static strings: messages say "set.add()" or "frozenset.copy()".
  thread_local std::string text;
  text = std::string(type_name(self)) + "." + method;
  return text.c_str();
}

}  // namespace

// ---- API ----

bool is_set(const Object* object) { return type_of(object) == &set_type; }
bool is_frozenset(const Object* object) { return type_of(object) == &frozenset_type; }
bool is_any_set(const Object* object) { return is_set(object) || is_frozenset(object); }

Object* set_new(Object* iterable) {
  if (iterable == nullptr) return allocate_set(&set_type);
  if (!is_any_set(iterable)) return make_new_set(&set_type, iterable);
  sync::CriticalSection section(lock_of(iterable));
  return make_new_set(&set_type, iterable);
}

Object* frozenset_new(Object* iterable) {
  if (iterable == nullptr) return allocate_set(&frozenset_type);
  if (is_frozenset(iterable)) return new_ref(iterable);
  if (!is_any_set(iterable)) return make_new_set(&frozenset_type, iterable);
  sync::CriticalSection section(lock_of(iterable));
  return make_new_set(&frozenset_type, iterable);
}

int set_add(Object* set, Object* key) {
  Hash hash = object_hash(key);
  if (hash == -1) return -1;
  sync::CriticalSection section(lock_of(set));
  return add_entry(as_set(set), key, hash);
}

int set_discard(Object* set, Object* key) {
  Hash hash = 0;
  Ref lookup = lookup_key(key, &hash);
  if (!lookup) return -1;
  Ref removed;
  int result;
  {
    sync::CriticalSection section(lock_of(set));
    result = discard_entry(as_set(set), lookup.get(), hash, &removed);
  }
  return result;  // `removed` is dropped here, after unlocking
}

int set_contains(Object* set, Object* key) {
  Hash hash = 0;
  Ref lookup = lookup_key(key, &hash);
  if (!lookup) return -1;
  sync::CriticalSection section(lock_of(set));
  return contains_entry(as_set(set), lookup.get(), hash);
}

std::int64_t set_size(Object* set) {
  sync::CriticalSection section(lock_of(set));
  return as_set(set)->used;
}

int set_update(Object* set, Object* iterable) {
  SetLocks locks(set, iterable);
  return update_internal(as_set(set), iterable);
}

bool set_next(Object* object, std::int64_t* position, Object** key) {
  SetObject* set = as_set(object);
  while (*position <= set->mask) {
    SetEntry& entry = set->table[*position];
    ++*position;
    if (is_active(entry)) {
      *key = entry.key;
      return true;
    }
  }
  return false;
}

// ---- methods ----

Object* set_method_add(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("set.add", kwnames) || !check_exactly_one_argument("set.add", nargs)) return nullptr;
  if (set_add(self, args[0]) < 0) return nullptr;
  return new_ref(none());
}

Object* set_method_discard(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("set.discard", kwnames) || !check_exactly_one_argument("set.discard", nargs)) {
    return nullptr;
  }
  if (set_discard(self, args[0]) < 0) return nullptr;
  return new_ref(none());
}

Object* set_method_remove(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("set.remove", kwnames) || !check_exactly_one_argument("set.remove", nargs)) {
    return nullptr;
  }
  int removed = set_discard(self, args[0]);
  if (removed < 0) return nullptr;
  if (removed == 0) return raise_error_with_value(&key_error_type, args[0]);
  return new_ref(none());
}

Object* set_method_pop(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("set.pop", kwnames) || !check_no_arguments("set.pop", nargs)) return nullptr;
  sync::CriticalSection section(lock_of(self));
  SetObject* set = as_set(self);
  if (set->used == 0) return raise_error(&key_error_type, "pop from an empty set");
  std::int64_t i = set->finger & set->mask;
  while (!is_active(set->table[i])) {
    ++i;
    if (i > set->mask) i = 0;
  }
  Object* key = set->table[i].key;
  set->table[i].key = kDummyKey;
  set->table[i].hash = -1;
  set->used--;
  set->finger = i + 1;
  return key;
}

Object* set_method_clear(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("set.clear", kwnames) || !check_no_arguments("set.clear", nargs)) return nullptr;
  sync::CriticalSection section(lock_of(self));
  clear_internal(as_set(self));
  return new_ref(none());
}

Object* set_method_copy(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  const char* name = qualified(self, "copy");
  if (!check_no_keywords(name, kwnames) || !check_no_arguments(name, nargs)) return nullptr;
  if (is_frozenset(self)) return new_ref(self);
  sync::CriticalSection section(lock_of(self));
  return copy_of(as_set(self));
}

Object* set_method_update(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("set.update", kwnames)) return nullptr;
  for (std::size_t i = 0; i < nargs; ++i) {
    if (set_update(self, args[i]) < 0) return nullptr;
  }
  return new_ref(none());
}

Object* set_method_union(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords(qualified(self, "union"), kwnames)) return nullptr;
  Ref result;
  {
    sync::CriticalSection section(lock_of(self));
    result = Ref::steal(copy_of(as_set(self)));
  }
  if (!result) return nullptr;
  for (std::size_t i = 0; i < nargs; ++i) {
    if (args[i] == self) continue;
    SetLocks locks(result.get(), args[i]);
    if (update_internal(as_set(result.get()), args[i]) < 0) return nullptr;
  }
  return result.release();
}

Object* set_method_intersection(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords(qualified(self, "intersection"), kwnames)) return nullptr;
  Ref result = Ref::borrow(self);
  if (nargs == 0) {
    sync::CriticalSection section(lock_of(self));
    return copy_of(as_set(self));
  }
  for (std::size_t i = 0; i < nargs; ++i) {
    Ref next;
    {
      SetLocks locks(result.get(), args[i]);
      next = Ref::steal(intersection(as_set(result.get()), args[i]));
    }
    if (!next) return nullptr;
    result = std::move(next);
  }
  return result.release();
}

Object* set_method_intersection_update(Object* self, Object* const* args, std::size_t nargs,
                                       Object* kwnames) {
  if (!check_no_keywords("set.intersection_update", kwnames)) return nullptr;
  Ref result = Ref::steal(set_method_intersection(self, args, nargs, nullptr));
  if (!result) return nullptr;
  sync::CriticalSection section(lock_of(self));
  swap_bodies(as_set(self), as_set(result.get()));
  return new_ref(none());
}

Object* set_method_difference(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords(qualified(self, "difference"), kwnames)) return nullptr;
  if (nargs == 0) {
    sync::CriticalSection section(lock_of(self));
    return copy_of(as_set(self));
  }
  Ref result;
  {
    SetLocks locks(self, args[0]);
    result = Ref::steal(difference(as_set(self), args[0]));
  }
  if (!result) return nullptr;
  for (std::size_t i = 1; i < nargs; ++i) {
    SetLocks locks(result.get(), args[i]);
    if (difference_update_internal(as_set(result.get()), args[i]) < 0) return nullptr;
  }
  return result.release();
}

Object* set_method_difference_update(Object* self, Object* const* args, std::size_t nargs,
                                     Object* kwnames) {
  if (!check_no_keywords("set.difference_update", kwnames)) return nullptr;
  for (std::size_t i = 0; i < nargs; ++i) {
    SetLocks locks(self, args[i]);
    if (difference_update_internal(as_set(self), args[i]) < 0) return nullptr;
  }
  return new_ref(none());
}

Object* set_method_symmetric_difference(Object* self, Object* const* args, std::size_t nargs,
                                        Object* kwnames) {
  const char* name = qualified(self, "symmetric_difference");
  if (!check_no_keywords(name, kwnames) || !check_exactly_one_argument(name, nargs)) return nullptr;
  SetLocks locks(self, args[0]);
  Ref result = Ref::steal(make_new_set(result_type(self), args[0]));
  if (!result || symmetric_difference_update_internal(as_set(result.get()), self) < 0) return nullptr;
  return result.release();
}

Object* set_method_symmetric_difference_update(Object* self, Object* const* args, std::size_t nargs,
                                               Object* kwnames) {
  return one_argument_method("set.symmetric_difference_update", self, args, nargs, kwnames,
                             symmetric_difference_update_internal);
}

Object* set_method_issubset(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  const char* name = qualified(self, "issubset");
  if (!check_no_keywords(name, kwnames) || !check_exactly_one_argument(name, nargs)) return nullptr;
  Ref other = Ref::borrow(args[0]);
  if (!is_any_set(args[0])) {
    other = Ref::steal(set_new(args[0]));
    if (!other) return nullptr;
  }
  SetLocks locks(self, other.get());
  int result = issubset_internal(as_set(self), as_set(other.get()));
  if (result < 0) return nullptr;
  return bool_from(result != 0);
}

Object* set_method_issuperset(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  const char* name = qualified(self, "issuperset");
  if (!check_no_keywords(name, kwnames) || !check_exactly_one_argument(name, nargs)) return nullptr;
  SetLocks locks(self, args[0]);
  int result;
  if (is_any_set(args[0])) {
    result = issubset_internal(as_set(args[0]), as_set(self));
  } else {
    result = iterate_items(args[0], [self](Object* key) -> int {
      Hash hash = object_hash(key);
      if (hash == -1) return -1;
      int found = contains_entry(as_set(self), key, hash);
      if (found < 0) return -1;
      return found ? 0 : -2;  // -2: stop, not a superset
    });
    if (result == -1 && has_exception()) return nullptr;
    result = result == 0 ? 1 : 0;
  }
  if (result < 0) return nullptr;
  return bool_from(result != 0);
}

Object* set_method_isdisjoint(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  const char* name = qualified(self, "isdisjoint");
  if (!check_no_keywords(name, kwnames) || !check_exactly_one_argument(name, nargs)) return nullptr;
  Object* other = args[0];
  SetLocks locks(self, other);
  if (is_any_set(other)) {
    SetObject* small = as_set(self);
    SetObject* large = as_set(other);
    if (small->used > large->used) std::swap(small, large);
    for (std::int64_t i = 0; i <= small->mask; ++i) {
      if (!is_active(small->table[i])) continue;
      int found = contains_entry(large, small->table[i].key, small->table[i].hash);
      if (found < 0) return nullptr;
      if (found) return bool_from(false);
    }
    return bool_from(true);
  }
  int result = iterate_items(other, [self](Object* key) -> int {
    Hash hash = object_hash(key);
    if (hash == -1) return -1;
    int found = contains_entry(as_set(self), key, hash);
    if (found < 0) return -1;
    return found ? -2 : 0;  // -2: stop, a common element
  });
  if (result == -1 && has_exception()) return nullptr;
  return bool_from(result == 0);
}

namespace {

// set(), set(iterable); frozenset(), frozenset(iterable).
Object* set_new_instance(TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords(type->name, kwnames) || !check_argument_range(type->name, nargs, 0, 1)) {
    return nullptr;
  }
  Object* iterable = nargs == 1 ? args[0] : nullptr;
  return type == &frozenset_type ? frozenset_new(iterable) : set_new(iterable);
}

}  // namespace

void init_set_types() {
  init_static_type(set_type, "set", sizeof(SetObject), &object_type, type_flags::kBaseType);
  init_static_type(frozenset_type, "frozenset", sizeof(SetObject), &object_type, type_flags::kBaseType);
  init_static_type(set_iterator_type, "set_iterator", sizeof(SetIterObject), &object_type, 0);
  set_iterator_type.dealloc = set_iterator_dealloc;
  set_iterator_type.iter = iterator_self;
  set_iterator_type.iternext = set_iterator_next;
  for (TypeObject* type : {&set_type, &frozenset_type}) {
    type->new_instance = set_new_instance;
    type->dealloc = set_dealloc;
    type->repr = set_repr;
    type->rich_compare = set_rich_compare;
    type->length = set_length;
    type->contains = set_contains_slot;
    type->iter = set_iter;
    type->number.bit_or = set_or;
    type->number.bit_and = set_and;
    type->number.subtract = set_sub;
    type->number.bit_xor = set_xor;
  }
  set_type.hash = nullptr;  // unhashable
  set_type.number.inplace_or = set_inplace_or;
  set_type.number.inplace_and = set_inplace_and;
  set_type.number.inplace_subtract = set_inplace_sub;
  set_type.number.inplace_xor = set_inplace_xor;
  set_type.methods = set_methods;
  frozenset_type.hash = frozenset_hash;
  frozenset_type.methods = frozenset_methods;
}

}  // namespace stitch
