// Initialization of the sequences area's types: list, range, slice, the sequence iterators, and
// tuple's sequence slots and methods.
#include "core/object/builtin_types.h"
#include "core/object/iterators.h"
#include "core/object/list.h"
#include "core/object/range.h"
#include "core/object/slice.h"

namespace stitch {

void init_tuple_methods();  // tuple_methods.cpp

void init_sequence_types() {
  init_slice_type();
  init_list_type();
  init_range_type();
  init_iterator_types();
  init_callable_iterator_type();
  init_tuple_methods();
}

}  // namespace stitch
