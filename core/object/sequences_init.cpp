// Initialization of the sequences area's types (filled in by the area's implementation).
#include "core/object/builtin_types.h"

namespace stitch {

void init_sequence_types() {}

}  // namespace stitch
