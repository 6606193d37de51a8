#include "core/runtime/thread_state.h"

#include <cassert>
#include <cstdlib>

#include "core/runtime/allocator.h"
#include "core/runtime/runtime.h"
#include "core/runtime/thread_cache.h"
#include "core/sync/critical_section.h"

namespace stitch::rt {

const char* thread_status_name(ThreadStatus status) {
  switch (status) {
    case ThreadStatus::kDetached: return "detached";
    case ThreadStatus::kAttached: return "attached";
    case ThreadStatus::kSuspended: return "suspended";
    case ThreadStatus::kPausedForMerge: return "paused for merge";
  }
  return "unknown";
}

namespace {
constexpr auto to_byte(ThreadStatus s) { return static_cast<std::uint8_t>(s); }
}  // namespace

ThreadState::ThreadState(Runtime* runtime, std::uint64_t id)
    : runtime_(runtime),
      id_(id),
      jit_enabled_(runtime->config().jit_enabled),
      jit_threshold_(runtime->config().jit_threshold) {
  blocking_hooks_ = {this, &ThreadState::before_block, &ThreadState::after_block};
}

ThreadState::~ThreadState() = default;

void ThreadState::register_on_owner_thread() {
  qsbr_ = runtime_->qsbr_->register_thread();
  refcount_record_ = runtime_->refcounts_->register_current_thread(rc::OwnerHooks{
      this, &ThreadState::request_merge_hook, &ThreadState::try_pause_if_detached_hook,
      &ThreadState::resume_hook});
  detail::ThreadCache& cache = detail::thread_cache();
  if (cache.object_heap == nullptr) cache.object_heap = heap_new();
  if (cache.raw_heap == nullptr) cache.raw_heap = heap_new();
  object_heap_ = cache.object_heap;
  raw_heap_ = cache.raw_heap;
}

void ThreadState::unregister_on_owner_thread() {
  assert(is_attached());
  // Retire callbacks may drop references (deferred releases): run the due ones while this
  // thread's refcount record still exists. What unregistering the record frees in turn may retire
  // more; unregister_thread hands anything still pending to the domain's orphan list.
  qsbr_->process();
  runtime_->refcounts_->unregister_current_thread(refcount_record_);
  refcount_record_ = nullptr;
  qsbr_->offline();
  runtime_->qsbr_->unregister_thread(qsbr_);
  qsbr_ = nullptr;
  clear_thread_hooks();
  status_.store(to_byte(ThreadStatus::kDetached), std::memory_order_release);
  release_heaps_on_owner_thread();
}

void ThreadState::release_heaps_on_owner_thread() {
  // The heaps belong to the OS thread (detail::ThreadCache), which deletes them when it exits.
  object_heap_ = raw_heap_ = nullptr;
}

void ThreadState::install_thread_hooks() {
  sync::set_thread_blocking_hooks(&blocking_hooks_);
  rc::bind_current_record(refcount_record_);
}

void ThreadState::clear_thread_hooks() {
  sync::set_thread_blocking_hooks(nullptr);
  rc::bind_current_record(nullptr);
}

void ThreadState::detach() {
  assert(is_attached());
  sync::suspend_all_critical_sections();
  go_qsbr_offline();
  // Release: everything this thread did while attached happens-before whoever CASes us out of
  // DETACHED (a pause requester or a merge-on-behalf), which load-acquire/CAS this byte.
  status_.store(to_byte(ThreadStatus::kDetached), std::memory_order_seq_cst);
  if (runtime_->pause_requested()) runtime_->notify_pause_progress();
}

void ThreadState::attach() {
  for (;;) {
    std::uint8_t expected = to_byte(ThreadStatus::kDetached);
    // seq_cst on both the CAS and the pause flag load: a Dekker pair with the requester, which
    // stores the flag and then loads our status. At least one of us sees the other's write.
    if (status_.compare_exchange_strong(expected, to_byte(ThreadStatus::kAttached),
                                        std::memory_order_seq_cst)) {
      if (!runtime_->pause_requested()) break;
      // A pause is being set up: give way instead of running under it.
      status_.store(to_byte(ThreadStatus::kSuspended), std::memory_order_seq_cst);
      runtime_->notify_pause_progress();
      if (!runtime_->pause_requested()) {
        // The pause ended between our two loads and its restart sweep may have missed us.
        expected = to_byte(ThreadStatus::kSuspended);
        status_.compare_exchange_strong(expected, to_byte(ThreadStatus::kDetached),
                                        std::memory_order_seq_cst);
      }
    }
    wait_while_paused();
  }
  go_qsbr_online();
  sync::resume_top_critical_section();
}

void ThreadState::go_qsbr_offline() {
  // Inside native code (a JIT executor) the thread stays online: that code's memory may be freed
  // only after a grace period, and going offline would end the period under our feet.
  stayed_online_ = native_code_depth_ > 0;
  if (!stayed_online_) qsbr_->offline();
}

void ThreadState::go_qsbr_online() {
  if (!stayed_online_) qsbr_->online();
  stayed_online_ = false;
}

void ThreadState::wait_while_paused() {
  for (;;) {
    std::uint8_t current = status_.load(std::memory_order_acquire);
    if (current != to_byte(ThreadStatus::kSuspended) &&
        current != to_byte(ThreadStatus::kPausedForMerge)) {
      return;
    }
    // The timeout only bounds the cost of a lost wakeup; the restart always unparks us.
    sync::park(&status_, &current, sizeof current, std::chrono::milliseconds(10), nullptr,
               sync::LockMode::kDontDetach);
  }
}

void ThreadState::suspend_for_pause() {
  eval_breaker_.fetch_and(~eval_breaker::kPleaseStop, std::memory_order_relaxed);
  if (!runtime_->pause_requested()) return;
  sync::suspend_all_critical_sections();
  go_qsbr_offline();
  status_.store(to_byte(ThreadStatus::kSuspended), std::memory_order_seq_cst);
  runtime_->notify_pause_progress();
  if (!runtime_->pause_requested()) {
    std::uint8_t expected = to_byte(ThreadStatus::kSuspended);
    status_.compare_exchange_strong(expected, to_byte(ThreadStatus::kDetached),
                                    std::memory_order_seq_cst);
  }
  attach();
}

Status ThreadState::handle_eval_breaker() {
  std::uint32_t pending = eval_breaker_.load(std::memory_order_relaxed);
  if (pending & eval_breaker::kPleaseStop) suspend_for_pause();
  if (pending & eval_breaker::kMergeRefcounts) {
    eval_breaker_.fetch_and(~eval_breaker::kMergeRefcounts, std::memory_order_relaxed);
    runtime_->refcounts_->merge_pending(refcount_record_);
  }
  if (pending & eval_breaker::kProcessRetired) {
    eval_breaker_.fetch_and(~eval_breaker::kProcessRetired, std::memory_order_relaxed);
    qsbr_->process();
  }
  if (pending & eval_breaker::kInterrupt) {
    eval_breaker_.fetch_and(~eval_breaker::kInterrupt, std::memory_order_relaxed);
    return Status(StatusCode::kInterrupted, "interrupted by the host");
  }
  return Status::ok();
}

void ThreadState::retire(void* block, std::size_t bytes, qsbr::RetireCallback callback,
                         void* context) {
  qsbr_->retire(block, bytes, callback, context);
  if (qsbr_->should_process()) request(eval_breaker::kProcessRetired);
}

void ThreadState::before_block(void* self) {
  auto* state = static_cast<ThreadState*>(self);
  if (state->is_attached()) {
    state->detach();
    state->detached_by_blocking_ = true;
  }
}

void ThreadState::after_block(void* self) {
  auto* state = static_cast<ThreadState*>(self);
  if (state->detached_by_blocking_) {
    state->detached_by_blocking_ = false;
    state->attach();
  }
}

void ThreadState::request_merge_hook(void* self) {
  static_cast<ThreadState*>(self)->request(eval_breaker::kMergeRefcounts);
}

bool ThreadState::try_pause_if_detached_hook(void* self) {
  auto* state = static_cast<ThreadState*>(self);
  std::uint8_t expected = to_byte(ThreadStatus::kDetached);
  // Acquire: pairs with the owner's store in detach(), so its private refcount fields are ours now.
  return state->status_.compare_exchange_strong(expected, to_byte(ThreadStatus::kPausedForMerge),
                                                std::memory_order_acq_rel);
}

void ThreadState::resume_hook(void* self) {
  auto* state = static_cast<ThreadState*>(self);
  // Release: the merges we did on its behalf happen-before its next attach.
  state->status_.store(to_byte(ThreadStatus::kDetached), std::memory_order_release);
  sync::unpark_all(&state->status_);
}

}  // namespace stitch::rt
