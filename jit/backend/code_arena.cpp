// CodeArena implementation. See code_arena.h for the page state machine and the W^X invariant.
#include "jit/backend/code_arena.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace stitch::jit {

size_t CodeArena::page_size() {
  static const size_t size = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return size;
}

namespace {
size_t round_up(size_t value, size_t multiple) { return (value + multiple - 1) / multiple * multiple; }
std::string errno_text(const char* what) { return std::string(what) + " failed: " + std::strerror(errno); }
}  // namespace

// ---- CodeWriter ----

CodeWriter::CodeWriter(CodeWriter&& other) noexcept
    : arena_(other.arena_), runs_(std::move(other.runs_)), blocks_(std::move(other.blocks_)),
      used_in_last_run_(other.used_in_last_run_) {
  other.runs_.clear();
  other.blocks_.clear();
}

CodeWriter::~CodeWriter() {
  if (!runs_.empty()) arena_->discard_runs(runs_);
}

Result<CodeBlock> CodeWriter::allocate(size_t size, size_t alignment) {
  const size_t page = CodeArena::page_size();
  if (size == 0 || alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment > page)
    return make_error("CodeWriter::allocate: bad size or alignment");
  if (!runs_.empty()) {
    Run& last = runs_.back();
    size_t start = round_up(used_in_last_run_, alignment);
    if (start + size <= last.page_count * page) {
      used_in_last_run_ = start + size;
      CodeBlock block{last.start + start, size};
      blocks_.push_back(block);
      return block;
    }
  }
  size_t page_count = round_up(size, page) / page;
  Result<uint8_t*> run = arena_->open_run(page_count);
  if (!run) return run.take_error();
  runs_.push_back(Run{*run, page_count});
  used_in_last_run_ = size;
  CodeBlock block{*run, size};
  blocks_.push_back(block);
  return block;
}

Status CodeWriter::seal() {
  if (runs_.empty()) return Ok{};
  // Pages are plain data until now; make the new instructions visible to instruction fetch
  // before any thread can jump to them (a no-op on x86-64, required on AArch64).
  for (const Run& run : runs_) {
    __builtin___clear_cache(reinterpret_cast<char*>(run.start),
                            reinterpret_cast<char*>(run.start + run.page_count * CodeArena::page_size()));
  }
  Status status = arena_->seal_runs(runs_, blocks_);
  runs_.clear();
  blocks_.clear();
  used_in_last_run_ = 0;
  return status;
}

// ---- CodeArena ----

CodeArena::CodeArena(size_t region_bytes) : region_bytes_(round_up(region_bytes, page_size())) {}

CodeArena::~CodeArena() {
  ArenaLock lock(mutex_);
  for (const std::unique_ptr<Region>& region : regions_) munmap(region->base, region->page_count * page_size());
}

template <typename Visitor>
void CodeArena::for_each_page(const uint8_t* start, size_t size, Visitor visit) {
  const size_t page = page_size();
  for (const std::unique_ptr<Region>& region : regions_) {
    const uint8_t* end = region->base + region->page_count * page;
    if (start < region->base || start >= end) continue;
    size_t first = static_cast<size_t>(start - region->base) / page;
    size_t last = static_cast<size_t>(start + size - 1 - region->base) / page;
    for (size_t i = first; i <= last && i < region->page_count; ++i) visit(region->pages[i], region->base + i * page);
    return;
  }
}

void CodeArena::make_page_free(Page& page, uint8_t* page_start) {
  // Sealed (R+X) or writing (RW) -> PROT_NONE, and give the memory back to the kernel.
  mprotect(page_start, page_size(), PROT_NONE);
  madvise(page_start, page_size(), MADV_DONTNEED);
  page.state = PageState::kFree;
  page.live_blocks = 0;
}

Result<uint8_t*> CodeArena::open_run(size_t page_count) {
  const size_t page = page_size();
  ArenaLock lock(mutex_);
  uint8_t* start = nullptr;
  // First fit over existing regions.
  for (const std::unique_ptr<Region>& region : regions_) {
    size_t free_length = 0;
    for (size_t i = 0; i < region->page_count && start == nullptr; ++i) {
      free_length = region->pages[i].state == PageState::kFree ? free_length + 1 : 0;
      if (free_length == page_count) start = region->base + (i + 1 - page_count) * page;
    }
    if (start != nullptr) break;
  }
  if (start == nullptr) {
    size_t bytes = std::max(region_bytes_, page_count * page);
    // Reserved with no access: pages get access only when a writer opens them.
    void* base = mmap(nullptr, bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) return make_error(errno_text("mmap of a code region"));
    auto region = std::make_unique<Region>();
    region->base = static_cast<uint8_t*>(base);
    region->page_count = bytes / page;
    region->pages.resize(region->page_count);
    start = region->base;
    regions_.push_back(std::move(region));
  }
  // free (PROT_NONE) -> writing (RW, never X).
  if (mprotect(start, page_count * page, PROT_READ | PROT_WRITE) != 0)
    return make_error(errno_text("mprotect(RW) of free code pages"));
  for_each_page(start, page_count * page, [](Page& p, uint8_t*) { p.state = PageState::kWriting; });
  return start;
}

Status CodeArena::seal_runs(const std::vector<CodeWriter::Run>& runs, const std::vector<CodeBlock>& blocks) {
  const size_t page = page_size();
  ArenaLock lock(mutex_);
  for (const CodeBlock& block : blocks) {
    for_each_page(block.address, block.size, [](Page& p, uint8_t*) { ++p.live_blocks; });
    ++live_blocks_;
  }
  for (const CodeWriter::Run& run : runs) {
    // writing (RW) -> sealed (R+X): one syscall drops W and adds X together, so the pages are
    // never W and X at once.
    if (mprotect(run.start, run.page_count * page, PROT_READ | PROT_EXEC) != 0)
      return make_error(errno_text("mprotect(RX) of written code pages"));
    for_each_page(run.start, run.page_count * page, [this](Page& p, uint8_t* page_start) STITCH_NO_THREAD_SAFETY_ANALYSIS {
      p.state = PageState::kSealed;
      if (p.live_blocks == 0) make_page_free(p, page_start);
    });
  }
  return Ok{};
}

void CodeArena::discard_runs(const std::vector<CodeWriter::Run>& runs) {
  ArenaLock lock(mutex_);
  for (const CodeWriter::Run& run : runs) {
    for_each_page(run.start, run.page_count * page_size(),
                  [this](Page& p, uint8_t* page_start) STITCH_NO_THREAD_SAFETY_ANALYSIS { make_page_free(p, page_start); });
  }
}

void CodeArena::release(CodeBlock block) {
  if (block.address == nullptr) return;
  ArenaLock lock(mutex_);
  --live_blocks_;
  for_each_page(block.address, block.size, [this](Page& p, uint8_t* page_start) STITCH_NO_THREAD_SAFETY_ANALYSIS {
    if (--p.live_blocks == 0 && p.state == PageState::kSealed) make_page_free(p, page_start);
  });
}

CodeArena::Statistics CodeArena::statistics() const {
  ArenaLock lock(mutex_);
  Statistics stats;
  stats.regions = regions_.size();
  stats.live_blocks = live_blocks_;
  for (const std::unique_ptr<Region>& region : regions_) {
    stats.pages_total += region->page_count;
    for (const Page& p : region->pages) {
      if (p.state == PageState::kFree) ++stats.pages_free;
      if (p.state == PageState::kWriting) ++stats.pages_writing;
      if (p.state == PageState::kSealed) ++stats.pages_sealed;
    }
  }
  return stats;
}

bool CodeArena::contains(const void* address, size_t size) const {
  const auto* start = static_cast<const uint8_t*>(address);
  ArenaLock lock(mutex_);
  for (const std::unique_ptr<Region>& region : regions_) {
    if (start >= region->base && start + size <= region->base + region->page_count * page_size()) return true;
  }
  return false;
}

}  // namespace stitch::jit
