// Initialization of the numbers area: int's arithmetic slots (int_arith.cpp), bool's bitwise
// slots, and the float type (float.cpp). Called once by init_object_model(), after int and bool
// exist.
#include "core/object/builtin_types.h"
#include "core/object/float.h"
#include "core/object/number_convert.h"

namespace stitch {

void init_number_types() {
  init_int_number_slots();
  init_float_type();
  init_number_methods();
}

}  // namespace stitch
