#include "core/builtins/modules/native_module.h"
namespace stitch::builtins {
int init_random_module(Object*, Object*) { return 0; }
}
