#include "core/interp/import_hooks.h"

#include <atomic>

namespace stitch::interp {

namespace {
std::atomic<const ImportHooks*> installed_hooks{nullptr};
}  // namespace

// Release/acquire: a thread that sees the table also sees its filled-in function pointers.
void set_import_hooks(const ImportHooks* hooks) { installed_hooks.store(hooks, std::memory_order_release); }
const ImportHooks* import_hooks() { return installed_hooks.load(std::memory_order_acquire); }

}  // namespace stitch::interp
