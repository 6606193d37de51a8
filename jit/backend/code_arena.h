// CodeArena: executable memory for JIT executors, under W^X.
//
// Concepts: a *region* is one mmap'd range, cut into *pages*. A page is in one of three states:
//   free     PROT_NONE, holds no code;
//   writing  PROT_READ|PROT_WRITE, owned by exactly one CodeWriter, never executable;
//   sealed   PROT_READ|PROT_EXEC, never writable again while any block on it is live.
// A CodeWriter takes runs of free pages, makes them RW, hands out blocks packed one after the
// other (several executors per page), and `seal()` flips all its pages to R+X at once (one
// mprotect per run, after which the blocks may run). So executors are packed per page *per
// batch*: a sealed page is never reopened for writing, the unused tail of its last page is lost
// until the page is recycled.
//
// Invariant (ARCHITECTURE.md invariant 3): no page is ever writable and executable at once. A
// page goes free -> writing -> sealed -> free; the sealed -> free step happens only when every
// block on it has been released, and a free page becomes writable again only after that.
//
// Reclamation contract: the arena knows nothing about QSBR. `release(block)` must be called
// only once no thread can still be running or about to enter the block, i.e. after a QSBR grace
// period following the executor's retirement (invariant 2). The runtime's executor layer does
// that; tests release after joining the threads that ran the code.
//
// Thread safety: CodeArena is thread-safe (one mutex guards the page tables; mmap/mprotect are
// done under it, they are rare: one per run). A CodeWriter belongs to one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "jit/backend/backend_result.h"
#include "support/thread_annotations.h"

namespace stitch::jit {

/// A std::mutex annotated for -Wthread-safety.
class STITCH_CAPABILITY("mutex") ArenaMutex {
 public:
  void lock() STITCH_ACQUIRE() { mutex_.lock(); }
  void unlock() STITCH_RELEASE() { mutex_.unlock(); }

 private:
  std::mutex mutex_;
};

class STITCH_SCOPED_CAPABILITY ArenaLock {
 public:
  explicit ArenaLock(ArenaMutex& mutex) STITCH_ACQUIRE(mutex) : mutex_(mutex) { mutex_.lock(); }
  ~ArenaLock() STITCH_RELEASE() { mutex_.unlock(); }

 private:
  ArenaMutex& mutex_;
};

/// Code memory handed out by a CodeWriter. `address` is the final (execution) address; it is
/// writable only until the writer seals.
struct CodeBlock {
  uint8_t* address = nullptr;
  size_t size = 0;
};

class CodeArena;

/// One thread's batch of code being written. Not thread-safe. Destroying an unsealed writer
/// discards its blocks (their pages go back to the arena, never having been executable).
class CodeWriter {
 public:
  CodeWriter(CodeWriter&& other) noexcept;
  CodeWriter& operator=(CodeWriter&&) = delete;
  ~CodeWriter();

  /// Reserves `size` writable bytes aligned to `alignment` (a power of two <= page size).
  Result<CodeBlock> allocate(size_t size, size_t alignment = 16);
  /// Makes every block allocated so far read+execute (flushing the instruction cache first).
  /// Afterwards the writer may allocate again (in fresh pages).
  Status seal();

 private:
  friend class CodeArena;
  struct Run {
    uint8_t* start;
    size_t page_count;
  };
  explicit CodeWriter(CodeArena& arena) : arena_(&arena) {}

  CodeArena* arena_;
  std::vector<Run> runs_;        // runs this writer owns in the writing state
  std::vector<CodeBlock> blocks_; // blocks allocated since the last seal
  size_t used_in_last_run_ = 0;
};

class CodeArena {
 public:
  /// `region_bytes` is the size of each mmap'd region (rounded up to pages).
  explicit CodeArena(size_t region_bytes = size_t{1} << 20);
  ~CodeArena();  // Unmaps everything: no executor may be running or run later.
  CodeArena(const CodeArena&) = delete;
  CodeArena& operator=(const CodeArena&) = delete;

  CodeWriter writer() { return CodeWriter(*this); }

  /// Returns a sealed block. Precondition: no thread can execute it any more (see header).
  void release(CodeBlock block) STITCH_EXCLUDES(mutex_);

  struct Statistics {
    size_t regions = 0;
    size_t pages_total = 0;
    size_t pages_free = 0;
    size_t pages_writing = 0;
    size_t pages_sealed = 0;
    size_t live_blocks = 0;
  };
  Statistics statistics() const STITCH_EXCLUDES(mutex_);
  static size_t page_size();
  /// True when [address, address + size) lies inside one of the arena's regions.
  bool contains(const void* address, size_t size) const STITCH_EXCLUDES(mutex_);

 private:
  friend class CodeWriter;
  enum class PageState : uint8_t { kFree, kWriting, kSealed };
  struct Page {
    PageState state = PageState::kFree;
    uint32_t live_blocks = 0;  // blocks that start or end on this page (sealed ones not released)
  };
  struct Region {
    uint8_t* base;
    size_t page_count;
    std::vector<Page> pages;
  };

  Result<uint8_t*> open_run(size_t page_count) STITCH_EXCLUDES(mutex_);
  Status seal_runs(const std::vector<CodeWriter::Run>& runs, const std::vector<CodeBlock>& blocks)
      STITCH_EXCLUDES(mutex_);
  void discard_runs(const std::vector<CodeWriter::Run>& runs) STITCH_EXCLUDES(mutex_);
  // Calls `visit(page, page_start)` for every page overlapping [start, start + size).
  template <typename Visitor>
  void for_each_page(const uint8_t* start, size_t size, Visitor visit) STITCH_REQUIRES(mutex_);
  void make_page_free(Page& page, uint8_t* page_start) STITCH_REQUIRES(mutex_);

  const size_t region_bytes_;
  mutable ArenaMutex mutex_;
  std::vector<std::unique_ptr<Region>> regions_ STITCH_GUARDED_BY(mutex_);
  size_t live_blocks_ STITCH_GUARDED_BY(mutex_) = 0;
};

}  // namespace stitch::jit
