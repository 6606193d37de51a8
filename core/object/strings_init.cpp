// Initialization of the strings area: str's sequence slots and iterator type (str_index.cpp), its
// method table (str_methods.cpp, str_format.cpp) and `%` formatting. Runs once, from
// init_object_model(), after the core's init_str_type().
#include "core/object/builtin_types.h"
#include "core/object/str_format.h"
#include "core/object/str_index.h"
#include "core/object/str_methods.h"

namespace stitch {

void init_str_methods() {
  init_str_index();
  str_type.methods = str_method_table();
  str_type.number.remainder = str_remainder;
}

}  // namespace stitch
