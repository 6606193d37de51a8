// Initialization of the mappings area's types: dict (with its views and iterators), set and
// frozenset (with their iterator).
#include "core/object/builtin_types.h"
#include "core/object/dict.h"
#include "core/object/set.h"

namespace stitch {

void init_mapping_types() {
  init_dict_type();
  init_dict_views();
  init_set_types();
}

}  // namespace stitch
