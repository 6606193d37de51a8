// Initialization of the numbers area's types (filled in by the area's implementation).
#include "core/object/builtin_types.h"

namespace stitch {

void init_number_types() {}

}  // namespace stitch
