// Initialization of the mappings area's types (filled in by the area's implementation).
#include "core/object/builtin_types.h"

namespace stitch {

void init_mapping_types() {}

}  // namespace stitch
