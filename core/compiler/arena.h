// Arena: bump allocation for the AST of one module.
//
// Nodes are carved out of large blocks and never freed one by one: the whole tree dies with its
// arena (owned by the Module). Allocation is a pointer bump, and building a tree of n nodes costs
// O(n) with few calls to the system allocator. Objects whose destructor matters (nodes holding a
// std::string) are recorded and destroyed, in reverse order, when the arena goes away. Node lists
// are copied into the arena as spans, and identifiers are interned so that each distinct name is
// stored once and equal names have equal data pointers.
//
// An arena belongs to one thread at a time (the one running the front end).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <vector>

namespace stitch::compiler {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (auto it = destructors_.rbegin(); it != destructors_.rend(); ++it) it->destroy(it->object);
  }

  /// Raw memory for `size` bytes aligned to `alignment` (a power of two, at most 16).
  void* allocate(size_t size, size_t alignment) {
    size_t aligned = (used_ + alignment - 1) & ~(alignment - 1);
    if (current_ == nullptr || aligned + size > capacity_) {
      start_block(size + alignment);
      aligned = (used_ + alignment - 1) & ~(alignment - 1);
    }
    used_ = aligned + size;
    bytes_allocated_ += size;
    return current_ + aligned;
  }

  /// Constructs a T in the arena.
  template <typename T, typename... Args>
  T* make(Args&&... args) {
    void* memory = allocate(sizeof(T), alignof(T));
    T* object = new (memory) T(std::forward<Args>(args)...);
    if constexpr (!std::is_trivially_destructible_v<T>) {
      destructors_.push_back({object, [](void* p) { static_cast<T*>(p)->~T(); }});
    }
    return object;
  }

  /// Copies a list of node pointers into the arena.
  template <typename T>
  std::span<T* const> copy_list(const std::vector<T*>& items) {
    if (items.empty()) return {};
    auto** memory = static_cast<T**>(allocate(sizeof(T*) * items.size(), alignof(T*)));
    std::memcpy(memory, items.data(), sizeof(T*) * items.size());
    return {memory, items.size()};
  }

  /// Copies a list of plain values (enums) into the arena.
  template <typename T>
  std::span<const T> copy_values(const std::vector<T>& items) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (items.empty()) return {};
    auto* memory = static_cast<T*>(allocate(sizeof(T) * items.size(), alignof(T)));
    std::memcpy(memory, items.data(), sizeof(T) * items.size());
    return {memory, items.size()};
  }

  /// Copies text into the arena (not interned).
  std::string_view copy_text(std::string_view text) {
    if (text.empty()) return {};
    auto* memory = static_cast<char*>(allocate(text.size(), 1));
    std::memcpy(memory, text.data(), text.size());
    return {memory, text.size()};
  }

  /// The arena's unique copy of `name`.
  std::string_view intern(std::string_view name) {
    auto found = interned_.find(name);
    if (found != interned_.end()) return *found;
    std::string_view copy = copy_text(name);
    interned_.insert(copy);
    return copy;
  }

  size_t bytes_allocated() const { return bytes_allocated_; }

 private:
  struct Destructor {
    void* object;
    void (*destroy)(void*);
  };

  void start_block(size_t minimum) {
    size_t size = blocks_.empty() ? kFirstBlockSize : std::min(capacity_ * 2, kMaxBlockSize);
    if (size < minimum) size = minimum;
    blocks_.push_back(std::make_unique<std::byte[]>(size));
    current_ = blocks_.back().get();
    capacity_ = size;
    used_ = 0;
  }

  static constexpr size_t kFirstBlockSize = 16 * 1024;
  static constexpr size_t kMaxBlockSize = 1024 * 1024;

  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* current_ = nullptr;
  size_t capacity_ = 0;
  size_t used_ = 0;
  size_t bytes_allocated_ = 0;
  std::vector<Destructor> destructors_;
  std::unordered_set<std::string_view> interned_;
};

}  // namespace stitch::compiler
