#include "core/interp/interpreter.h"

#include <mutex>

#include "core/interp/generator.h"
#include "core/interp/class_support.h"
#include "core/interp/traceback.h"
#include "core/object/function.h"

namespace stitch::interp {

void init_interpreter() {
  static std::once_flag once;
  std::call_once(once, [] {
    function_type.call = call_function;
    init_traceback_type();
    init_generator_type();
    init_class_support();
  });
}

}  // namespace stitch::interp
