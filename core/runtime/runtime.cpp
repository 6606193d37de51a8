#include "core/runtime/runtime.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "core/runtime/thread_cache.h"

namespace stitch::rt {

namespace {
std::atomic<std::uint64_t> next_runtime_serial{1};
constexpr auto to_byte(ThreadStatus s) { return static_cast<std::uint8_t>(s); }

// Waits for the pause counter to move, spinning briefly and then sleeping with backoff up to 1 ms.
void wait_for_pause_progress(const std::atomic<std::uint32_t>& progress, std::uint32_t seen,
                             int round) {
  if (round < 64) {
    if (progress.load(std::memory_order_acquire) == seen) std::this_thread::yield();
    return;
  }
  auto sleep = std::chrono::microseconds(std::min(1000, 10 << std::min(round - 64, 7)));
  std::this_thread::sleep_for(sleep);
}
}  // namespace

namespace detail {

ThreadCache& thread_cache() {
  thread_local ThreadCache cache;
  return cache;
}

std::mutex& runtime_link_mutex() {
  static std::mutex mutex;
  return mutex;
}

ThreadCache::~ThreadCache() {
  std::lock_guard<std::mutex> link(runtime_link_mutex());
  for (ThreadBinding& binding : bindings) {
    ThreadState* state = binding.state;
    if (state->runtime_ != nullptr) {
      Runtime* runtime = state->runtime_;
      if (!state->is_attached()) state->attach();
      state->install_thread_hooks();
      state->unregister_on_owner_thread();
      runtime->forget_thread_state(state);
    } else {
      state->release_heaps_on_owner_thread();  // orphaned by its runtime's shutdown
    }
    delete state;
  }
  bindings.clear();
  attached = nullptr;
  heap_delete(object_heap);
  heap_delete(raw_heap);
  object_heap = raw_heap = nullptr;
}

}  // namespace detail

Runtime::Runtime(const RuntimeConfig& config)
    : config_(config),
      serial_(next_runtime_serial.fetch_add(1, std::memory_order_relaxed)),
      qsbr_(std::make_unique<qsbr::Domain>(config.retire_limits)),
      refcounts_(std::make_unique<rc::Domain>(config.object_dealloc)),
      recursion_limit_(config.recursion_limit) {}

Expected<std::unique_ptr<Runtime>> Runtime::create(const RuntimeConfig& config) {
  if (config.object_dealloc == nullptr) {
    return Status(StatusCode::kInvalidArgument,
                  "Runtime::create: config.object_dealloc is null (the object layer must supply "
                  "its deallocation function)");
  }
  if (config.recursion_limit < 1) {
    return Status(StatusCode::kInvalidArgument, "Runtime::create: config.recursion_limit must be at least 1 (got " +
                                                    std::to_string(config.recursion_limit) + ")");
  }
  return std::unique_ptr<Runtime>(new Runtime(config));
}

Runtime::~Runtime() {
  if (torn_down_) return;
  Status status = shutdown(std::chrono::seconds(10));
  if (!status.is_ok()) {
    // Attached threads still point at this object: going on would be a use-after-free. Hosts
    // that cannot guarantee detachment call shutdown() themselves and keep the runtime alive.
    std::fprintf(stderr, "stitch: Runtime destroyed while threads are attached: %s\n",
                 status.message().c_str());
    std::abort();
  }
}

ThreadState* Runtime::find_or_create_current_thread_state() {
  detail::ThreadCache& cache = detail::thread_cache();
  for (detail::ThreadBinding& binding : cache.bindings) {
    if (binding.runtime == this && binding.runtime_serial == serial_ && binding.state->runtime_ == this) {
      return binding.state;
    }
  }
  std::uint64_t id;
  {
    threads_mutex_.lock(sync::LockMode::kDontDetach);
    id = next_thread_id_++;
    threads_mutex_.unlock();
  }
  auto* state = new ThreadState(this, id);
  state->register_on_owner_thread();
  {
    threads_mutex_.lock(sync::LockMode::kDontDetach);
    state->next_ = threads_;
    threads_ = state;
    threads_mutex_.unlock();
  }
  cache.bindings.push_back({this, serial_, state});
  return state;
}

void Runtime::forget_thread_state(ThreadState* state) {
  threads_mutex_.lock(sync::LockMode::kDontDetach);
  for (ThreadState** link = &threads_; *link != nullptr; link = &(*link)->next_) {
    if (*link == state) {
      *link = state->next_;
      break;
    }
  }
  threads_mutex_.unlock();
  state->runtime_ = nullptr;
}

Expected<ThreadState*> Runtime::attach_current_thread(const char* caller) {
  detail::ThreadCache& cache = detail::thread_cache();
  if (is_shutting_down()) {
    return Status(StatusCode::kShuttingDown,
                  std::string(caller) + ": the runtime is shutting down (no new attachments)");
  }
  if (cache.attached != nullptr) {
    if (cache.attached->runtime_ == this) {
      return Status(StatusCode::kAlreadyAttached,
                    std::string(caller) + ": this thread is already attached to the runtime");
    }
    return Status(StatusCode::kAlreadyAttached,
                  std::string(caller) +
                      ": this thread is attached to another runtime (detach from it first)");
  }
  ThreadState* state = find_or_create_current_thread_state();
  state->attach();
  state->install_thread_hooks();
  cache.attached = state;
  if (is_shutting_down()) {
    // Shutdown began while we attached: back out so it can finish.
    state->detach();
    cache.attached = nullptr;
    return Status(StatusCode::kShuttingDown,
                  std::string(caller) + ": the runtime is shutting down (no new attachments)");
  }
  return state;
}

Status Runtime::detach_current_thread(const char* caller) {
  detail::ThreadCache& cache = detail::thread_cache();
  if (cache.attached == nullptr || cache.attached->runtime_ != this) {
    return Status(StatusCode::kNotAttached,
                  std::string(caller) +
                      ": this thread is not attached to the runtime (call attach first)");
  }
  ThreadState* state = cache.attached;
  state->detach();
  state->clear_thread_hooks();
  cache.attached = nullptr;
  return Status::ok();
}

ThreadState* Runtime::current_thread() const {
  ThreadState* state = detail::thread_cache().attached;
  return (state != nullptr && state->runtime_ == this) ? state : nullptr;
}

Expected<ThreadState*> Runtime::require_attached(const char* caller) const {
  ThreadState* state = current_thread();
  if (state == nullptr) {
    return Status(StatusCode::kNotAttached,
                  std::string(caller) +
                      ": this thread is not attached to the runtime (call stitch_thread_attach first)");
  }
  return state;
}

void Runtime::stop_the_world(ThreadState& requester) {
  assert(requester.is_attached() && current_thread() == &requester);
  // Waiting for another pause detaches us (blocking hooks), so that pause can count us as stopped.
  stop_mutex_.lock(sync::LockMode::kDetach);
  stop_requested_.store(true, std::memory_order_seq_cst);
  for (int round = 0;; ++round) {
    std::uint32_t progress = pause_progress_.load(std::memory_order_acquire);
    bool everyone_stopped = true;
    threads_mutex_.lock(sync::LockMode::kDontDetach);
    for (ThreadState* state = threads_; state != nullptr; state = state->next_) {
      if (state == &requester) continue;
      std::uint8_t status = state->status_.load(std::memory_order_seq_cst);
      if (status == to_byte(ThreadStatus::kDetached)) {
        if (!state->status_.compare_exchange_strong(status, to_byte(ThreadStatus::kSuspended),
                                                    std::memory_order_seq_cst)) {
          everyone_stopped = false;
        }
      } else if (status == to_byte(ThreadStatus::kAttached)) {
        state->request(eval_breaker::kPleaseStop);
        everyone_stopped = false;
      } else if (status == to_byte(ThreadStatus::kPausedForMerge)) {
        everyone_stopped = false;  // transient: the merging thread resumes it shortly
      }
    }
    threads_mutex_.unlock();
    if (everyone_stopped) break;
    wait_for_pause_progress(pause_progress_, progress, round);
  }
  world_stopped_.store(true, std::memory_order_release);
}

void Runtime::start_the_world(ThreadState& requester) {
  assert(world_stopped_.load(std::memory_order_relaxed));
  world_stopped_.store(false, std::memory_order_release);
  stop_requested_.store(false, std::memory_order_seq_cst);
  threads_mutex_.lock(sync::LockMode::kDontDetach);
  for (ThreadState* state = threads_; state != nullptr; state = state->next_) {
    if (state == &requester) continue;
    std::uint8_t expected = to_byte(ThreadStatus::kSuspended);
    if (state->status_.compare_exchange_strong(expected, to_byte(ThreadStatus::kDetached),
                                               std::memory_order_seq_cst)) {
      sync::unpark_all(&state->status_);
    }
  }
  threads_mutex_.unlock();
  stop_mutex_.unlock();
}

void Runtime::interrupt_all() {
  threads_mutex_.lock(sync::LockMode::kDontDetach);
  for (ThreadState* state = threads_; state != nullptr; state = state->next_) state->interrupt();
  threads_mutex_.unlock();
}

bool Runtime::interrupt_thread(std::uint64_t id) {
  threads_mutex_.lock(sync::LockMode::kDontDetach);
  bool found = false;
  for (ThreadState* state = threads_; state != nullptr; state = state->next_) {
    if (state->id() == id) {
      state->interrupt();
      found = true;
      break;
    }
  }
  threads_mutex_.unlock();
  return found;
}

std::size_t Runtime::thread_count() const {
  threads_mutex_.lock(sync::LockMode::kDontDetach);
  std::size_t count = 0;
  for (ThreadState* state = threads_; state != nullptr; state = state->next_) ++count;
  threads_mutex_.unlock();
  return count;
}

std::size_t Runtime::attached_count() const {
  threads_mutex_.lock(sync::LockMode::kDontDetach);
  std::size_t count = 0;
  for (ThreadState* state = threads_; state != nullptr; state = state->next_) {
    if (state->status() == ThreadStatus::kAttached) ++count;
  }
  threads_mutex_.unlock();
  return count;
}

Status Runtime::shutdown(std::chrono::milliseconds timeout) {
  if (torn_down_) return Status::ok();
  shutting_down_.store(true, std::memory_order_seq_cst);
  ThreadState* self = current_thread();
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    std::string still_attached;
    threads_mutex_.lock(sync::LockMode::kDontDetach);
    for (ThreadState* state = threads_; state != nullptr; state = state->next_) {
      if (state != self && state->status() != ThreadStatus::kDetached) {
        still_attached += (still_attached.empty() ? "" : ", ") + std::to_string(state->id());
      }
    }
    threads_mutex_.unlock();
    if (still_attached.empty()) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      return Status(StatusCode::kTimeout,
                    "Runtime::shutdown: threads still attached after the timeout (thread ids: " +
                        still_attached + "); detach them and call shutdown again");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  std::lock_guard<std::mutex> link(detail::runtime_link_mutex());
  detail::ThreadCache& cache = detail::thread_cache();
  // Our own state is unregistered here, on its owning thread.
  for (auto it = cache.bindings.begin(); it != cache.bindings.end(); ++it) {
    if (it->runtime == this && it->runtime_serial == serial_) {
      ThreadState* state = it->state;
      if (!state->is_attached()) state->attach();
      state->install_thread_hooks();
      // Every other thread is detached and cannot re-attach (shutting_down_), and exiting ones
      // wait for the link mutex: the deferred objects' counts are complete and final.
      refcounts_->release_deferred();
      state->unregister_on_owner_thread();
      forget_thread_state(state);
      if (cache.attached == state) cache.attached = nullptr;
      delete state;
      cache.bindings.erase(it);
      break;
    }
  }
  // Other OS threads' states are detached: unregister their records from here and orphan the
  // states; each OS thread frees its own state and heaps when it exits.
  threads_mutex_.lock(sync::LockMode::kDontDetach);
  ThreadState* others = threads_;
  threads_ = nullptr;
  threads_mutex_.unlock();
  for (ThreadState* state = others; state != nullptr;) {
    ThreadState* next = state->next_;
    state->refcount_record_ = nullptr;  // ~rc::Domain merges and frees records still linked
    qsbr_->unregister_thread(state->qsbr_);
    state->qsbr_ = nullptr;
    state->runtime_ = nullptr;
    state = next;
  }
  qsbr_.reset();
  refcounts_.reset();
  torn_down_ = true;
  return Status::ok();
}

}  // namespace stitch::rt
