// The iterator protocol and the builtin iterators over sequences.
//
// `object_get_iter(x)` is iter(x): the type's iter slot, else — for a type with a getitem slot —
// a sequence iterator that calls x[0], x[1], ... until IndexError (or StopIteration), else
// TypeError "'int' object is not iterable". `iter_next(it)` is next(it) without the StopIteration:
// nullptr WITHOUT an exception means exhausted; nullptr with an exception is an error.
//
// Iterators over lists read one item at a time through `list_item_ref` (lock-free, the index
// checked against the size and the array it reads, list.h), so a list mutated by another thread
// never makes them crash:
// they see some interleaving and stop at the end. An iterator's position is an atomic int64
// (relaxed: it orders nothing, it only makes concurrent next() calls on one iterator race-free;
// two threads may then see the same item, as in CPython's free-threaded build). Once exhausted, an
// iterator stays exhausted (position -1) even if the list grows again, as in CPython.
#pragma once

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

extern TypeObject list_iterator_type;          // "list_iterator"
extern TypeObject list_reverse_iterator_type;  // "list_reverseiterator"
extern TypeObject tuple_iterator_type;         // "tuple_iterator"
extern TypeObject sequence_iterator_type;      // "iterator" (iteration through __getitem__)
extern TypeObject reversed_type;               // "reversed" (reversed() of a generic sequence)

/// iter(object): a new iterator, or TypeError "'int' object is not iterable".
Object* object_get_iter(Object* object);
/// next(iterator): the next item (new reference); nullptr without exception when exhausted;
/// TypeError "'int' object is not an iterator" if `iterator` has no iternext slot.
Object* iter_next(Object* iterator);
/// reversed(object) for lists, ranges and sequences with length and getitem;
/// TypeError "'int' object is not reversible" otherwise.
Object* object_reversed(Object* object);

/// The iter slots installed on list and tuple.
Object* list_iter(Object* list);
Object* tuple_iter(Object* tuple);
Object* list_reversed(Object* list);

/// iter(callable, sentinel) (callable_iterator.cpp).
Object* callable_iterator_new(Object* callable, Object* sentinel);

void init_iterator_types();
void init_callable_iterator_type();

}  // namespace stitch
