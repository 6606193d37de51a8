// set and frozenset: CPython 3.11's open-addressing hash set (setobject.c's algorithm), so that a
// set of small ints prints in CPython's order.
//
// Table. 2**k slots of {key, hash}; a slot is unused (key null, hash 0), a dummy (key == the
// dummy marker, hash -1: a deleted key, probing continues past it) or active. Probing from
// i = hash & mask looks at LINEAR_PROBES (9) consecutive slots when they fit before the end of
// the table, then jumps with perturbation: perturb >>= 5; i = (i*5 + 1 + perturb) & mask.
// `fill` counts active + dummy slots, `used` active ones. After an insertion into an unused slot,
// if fill*5 >= mask*3 the table is rebuilt for used*4 (used*2 above 50000) entries: the new size
// is the smallest power of two (at least 8) greater than that, and old slots are re-inserted in
// table order, which is what fixes the iteration order. Tables of 8 slots live inline
// (`small_table`); bigger ones on the raw heap. A frozenset caches its hash (CPython's
// order-independent xor of shuffled entry hashes).
//
// Invariants: 0 <= used <= fill <= mask; fill*5 < mask*3 after every insertion; every active key
// is reachable from its hash's probe sequence without crossing an unused slot.
//
// Threads. A set's operations run inside a critical section on its per-object mutex (reads
// included for now); operations reading a second set lock both (CriticalSection2). A frozenset is
// immutable once built and is read without locking. Comparisons may run user code: insertion and
// lookup restart when the table or the compared slot changed meanwhile, as CPython's do.
#pragma once

#include <cstdint>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

struct SetEntry {
  Object* key;
  Hash hash;
};

inline constexpr std::int64_t kSetMinSize = 8;

struct SetObject : Object {
  std::int64_t fill;
  std::int64_t used;
  std::int64_t mask;
  SetEntry* table;  // small_table or a raw-heap block
  Hash hash;        // frozenset: cached hash, -1 until computed
  std::int64_t finger;  // where pop() resumes its search
  SetEntry small_table[kSetMinSize];
};

extern TypeObject set_type;
extern TypeObject frozenset_type;

inline SetObject* as_set(Object* object) { return static_cast<SetObject*>(object); }
bool is_set(const Object* object);        // set (exactly, no subclassing yet)
bool is_frozenset(const Object* object);
bool is_any_set(const Object* object);    // set or frozenset

/// set(iterable) / frozenset(iterable); `iterable` may be nullptr (empty).
Object* set_new(Object* iterable);
Object* frozenset_new(Object* iterable);
/// 0 on success, -1 on error.
int set_add(Object* set, Object* key);
/// 1 if removed, 0 if absent, -1 on error.
int set_discard(Object* set, Object* key);
/// 1, 0 or -1.
int set_contains(Object* set, Object* key);
std::int64_t set_size(Object* set);
/// Adds every item of `iterable`. 0 or -1.
int set_update(Object* set, Object* iterable);
/// Walks active keys in table order (borrowed; the caller keeps the set unchanged meanwhile).
bool set_next(Object* set, std::int64_t* position, Object** key);

// Python-level methods (native method convention).
Object* set_method_add(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* set_method_discard(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* set_method_remove(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* set_method_pop(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* set_method_clear(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* set_method_copy(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* set_method_update(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* set_method_union(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* set_method_intersection(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* set_method_intersection_update(Object* self, Object* const* args, std::size_t nargs,
                                       Object* kwnames);
Object* set_method_difference(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* set_method_difference_update(Object* self, Object* const* args, std::size_t nargs,
                                     Object* kwnames);
Object* set_method_symmetric_difference(Object* self, Object* const* args, std::size_t nargs,
                                        Object* kwnames);
Object* set_method_symmetric_difference_update(Object* self, Object* const* args, std::size_t nargs,
                                               Object* kwnames);
Object* set_method_issubset(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* set_method_issuperset(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
Object* set_method_isdisjoint(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);

void init_set_types();

}  // namespace stitch
