#include "core/sync/blocking_hooks.h"

namespace stitch::sync {
namespace {

// Only the owning thread reads or writes these: no synchronization needed.
constinit thread_local BlockingHooks installed_hooks{nullptr, nullptr, nullptr};
constinit thread_local bool has_installed_hooks = false;

}  // namespace

void set_thread_blocking_hooks(const BlockingHooks* hooks) {
  if (hooks == nullptr) {
    installed_hooks = BlockingHooks{nullptr, nullptr, nullptr};
    has_installed_hooks = false;
    return;
  }
  installed_hooks = *hooks;
  has_installed_hooks = true;
}

namespace detail {

BlockingScope::BlockingScope(LockMode mode) {
  if (mode == LockMode::kDontDetach || !has_installed_hooks) {
    return;
  }
  // Copy: a hook may (re)install hooks; the matching after_block must be the one we started with.
  hooks_ = installed_hooks;
  is_active_ = true;
  if (hooks_.before_block != nullptr) {
    hooks_.before_block(hooks_.context);
  }
}

BlockingScope::~BlockingScope() {
  if (is_active_ && hooks_.after_block != nullptr) {
    hooks_.after_block(hooks_.context);
  }
}

}  // namespace detail
}  // namespace stitch::sync
