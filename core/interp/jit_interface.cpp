#include "core/interp/jit_interface.h"

namespace stitch::interp {

namespace {
std::atomic<const JitHooks*> installed_hooks{nullptr};
}  // namespace

const JitHooks* jit_hooks() { return installed_hooks.load(std::memory_order_acquire); }
void set_jit_hooks(const JitHooks* hooks) { installed_hooks.store(hooks, std::memory_order_release); }

}  // namespace stitch::interp
