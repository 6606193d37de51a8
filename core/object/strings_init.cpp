// Initialization of the strings area's types (filled in by the area's implementation).
#include "core/object/builtin_types.h"

namespace stitch {

void init_str_methods() {}

}  // namespace stitch
