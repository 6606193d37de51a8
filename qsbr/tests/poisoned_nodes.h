// Test support: a shared structure that readers traverse without locks while writers replace
// parts of it, with memory that is poisoned before it is freed.
//
// SlotTable is an array of atomic pointers; each slot points to an immutable chain of 1-3
// Nodes of varying sizes. A writer builds a new chain, swaps it in with one exchange, and
// retires every node of the old chain. Each node carries a magic value, its id and a
// checksummed payload. Readers validate every node they reach; a node whose magic is the
// poison pattern was reclaimed while still reachable by a reader in its critical section,
// which is exactly what QSBR must prevent.
//
// Graveyard is the retire callback's context. It checks that a node is retired only once,
// overwrites it with the poison pattern and parks it in a quarantine ring before really
// freeing it, so that a premature reclamation shows up as poison (release builds) or as a
// use-after-free (ASan) instead of as a silently reused block.
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <thread>
#include <vector>

namespace stitch::qsbr::testing {

inline constexpr std::uint64_t kLiveMagic = 0x51C4'0DE0'A11F'E000ULL;
inline constexpr unsigned char kPoisonByte = 0xDD;
inline constexpr std::uint64_t kPoisonWord = 0xDDDD'DDDD'DDDD'DDDDULL;
inline constexpr std::uint64_t kPayloadSalt = 0x9E37'79B9'7F4A'7C15ULL;

struct Node {
  std::uint64_t magic;
  std::uint64_t id;
  std::uint64_t checksum;
  std::size_t total_bytes;
  const Node* next;  // written before the chain is published, immutable afterwards
  std::uint32_t payload_words;
  // followed by payload_words words, each id ^ kPayloadSalt

  std::uint64_t* payload() { return reinterpret_cast<std::uint64_t*>(this + 1); }
  const std::uint64_t* payload() const { return reinterpret_cast<const std::uint64_t*>(this + 1); }
};

inline constexpr std::uint32_t kMinPayloadWords = 4;
inline constexpr std::uint32_t kMaxPayloadWords = 60;
inline constexpr std::size_t kMaxNodeBytes =
    sizeof(Node) + kMaxPayloadWords * sizeof(std::uint64_t);
inline constexpr int kMaxChainLength = 3;
inline constexpr std::size_t kMaxChainBytes = kMaxChainLength * kMaxNodeBytes;

inline std::uint64_t node_checksum(std::uint64_t id, std::uint32_t payload_words) {
  return (id * 0x100000001B3ULL) ^ payload_words ^ kLiveMagic;
}

/// Small deterministic per-thread random numbers.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ULL + 1) {}
  std::uint64_t next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }
  std::uint64_t below(std::uint64_t bound) { return next() % bound; }

 private:
  std::uint64_t state_;
};

/// What readers found. All counters must stay zero.
struct ReadErrors {
  std::atomic<std::uint64_t> poison_seen{0};
  std::atomic<std::uint64_t> corruption_seen{0};
};

/// Validates one node; returns false (and counts why) if it is dead or damaged.
inline bool validate_node(const Node* node, ReadErrors& errors) {
  if (node->magic == kPoisonWord) {
    errors.poison_seen.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  bool intact = node->magic == kLiveMagic &&
                node->checksum == node_checksum(node->id, node->payload_words) &&
                node->payload_words >= kMinPayloadWords && node->payload_words <= kMaxPayloadWords;
  if (intact) {
    const std::uint64_t expected_word = node->id ^ kPayloadSalt;
    for (std::uint32_t i = 0; i < node->payload_words; ++i) {
      intact = intact && node->payload()[i] == expected_word;
    }
  }
  if (!intact) {
    errors.corruption_seen.fetch_add(1, std::memory_order_relaxed);
  }
  return intact;
}

/// Retire callback context: exactly-once accounting, poisoning and a quarantine.
class Graveyard {
 public:
  explicit Graveyard(std::size_t max_ids) : free_count_by_id_(max_ids) {}
  ~Graveyard() {
    for (std::atomic<Node*>& slot : quarantine_) {
      release(slot.exchange(nullptr, std::memory_order_acquire));
    }
  }
  Graveyard(const Graveyard&) = delete;
  Graveyard& operator=(const Graveyard&) = delete;

  /// The RetireCallback: `ptr` is a Node, `context` the Graveyard.
  static void bury(void* ptr, void* context) {
    static_cast<Graveyard*>(context)->bury_node(static_cast<Node*>(ptr));
  }

  /// For code that frees after synchronize() instead of retiring.
  void bury_node(Node* node) {
    if (node->magic != kLiveMagic || node->id >= free_count_by_id_.size()) {
      bad_frees_.fetch_add(1, std::memory_order_relaxed);  // freed twice, or never a live node
      return;
    }
    if (free_count_by_id_[node->id].fetch_add(1, std::memory_order_relaxed) != 0) {
      bad_frees_.fetch_add(1, std::memory_order_relaxed);
    }
    freed_nodes_.fetch_add(1, std::memory_order_relaxed);
    std::memset(static_cast<void*>(node), kPoisonByte, node->total_bytes);
    const std::uint64_t index = next_quarantine_slot_.fetch_add(1, std::memory_order_relaxed);
    // acq_rel: release our poisoning writes to whoever later takes this node out of the ring
    // and frees it; acquire the previous occupant's poisoning before we free it.
    release(quarantine_[index % quarantine_.size()].exchange(node, std::memory_order_acq_rel));
  }

  std::uint64_t freed_nodes() const { return freed_nodes_.load(std::memory_order_relaxed); }
  std::uint64_t bad_frees() const { return bad_frees_.load(std::memory_order_relaxed); }
  /// Ids in [0, ids) that were not freed exactly once.
  std::size_t ids_not_freed_exactly_once(std::size_t ids) const {
    std::size_t wrong = 0;
    for (std::size_t id = 0; id < ids; ++id) {
      wrong += free_count_by_id_[id].load(std::memory_order_relaxed) != 1;
    }
    return wrong;
  }

 private:
  static void release(Node* node) {
    if (node != nullptr) {
      ::operator delete(static_cast<void*>(node));
    }
  }

  std::vector<std::atomic<std::uint8_t>> free_count_by_id_;
  std::array<std::atomic<Node*>, 512> quarantine_{};
  std::atomic<std::uint64_t> next_quarantine_slot_{0};
  std::atomic<std::uint64_t> freed_nodes_{0};
  std::atomic<std::uint64_t> bad_frees_{0};
};

/// The shared structure: slots of immutable node chains.
class SlotTable {
 public:
  static constexpr std::size_t kSlots = 32;

  explicit SlotTable(Random& random) {
    for (std::atomic<const Node*>& slot : slots_) {
      slot.store(make_chain(random), std::memory_order_relaxed);
    }
  }
  /// Precondition: no reader or writer left; frees the chains still installed.
  ~SlotTable() {
    for (std::atomic<const Node*>& slot : slots_) {
      const Node* node = slot.load(std::memory_order_relaxed);
      while (node != nullptr) {
        const Node* next = node->next;
        ::operator delete(const_cast<Node*>(node));
        node = next;
      }
    }
  }
  SlotTable(const SlotTable&) = delete;
  SlotTable& operator=(const SlotTable&) = delete;

  /// Reader: walks one slot's chain twice, validating every node (the whole payload) each
  /// time. The second walk re-reads nodes the reader reached a while ago, which widens the
  /// window in which a premature reclamation would show; with `yield_between_walks` the
  /// reader even gives up its CPU while it holds the chain, as a preempted reader would.
  /// Returns nodes visited.
  std::size_t read_slot(std::size_t slot, ReadErrors& errors,
                        bool yield_between_walks = false) const {
    std::size_t visited = 0;
    // Acquire: pairs with the release half of the writer's exchange (node contents).
    const Node* head = slots_[slot].load(std::memory_order_acquire);
    for (int walk = 0; walk < 2; ++walk) {
      if (walk == 1 && yield_between_walks) {
        std::this_thread::yield();
      }
      for (const Node* node = head; node != nullptr; node = node->next) {
        ++visited;
        if (!validate_node(node, errors)) {
          return visited;  // do not follow a dead node's link
        }
      }
    }
    return visited;
  }

  /// Writer: installs a fresh chain in `slot` and returns the old one (now unreachable for
  /// readers that start after this call). The caller retires it.
  const Node* replace_slot(std::size_t slot, Random& random) {
    // acq_rel: release publishes the new chain's contents; acquire lets us read the old
    // chain's links (written by another writer) to retire it.
    return slots_[slot].exchange(make_chain(random), std::memory_order_acq_rel);
  }

  /// Every id handed out so far is in [0, ids_issued()).
  std::uint64_t ids_issued() const { return next_id_.load(std::memory_order_relaxed); }

 private:
  const Node* make_chain(Random& random) {
    const int length = 1 + static_cast<int>(random.below(kMaxChainLength));
    const Node* head = nullptr;
    for (int i = 0; i < length; ++i) {
      const auto words = static_cast<std::uint32_t>(
          kMinPayloadWords + random.below(kMaxPayloadWords - kMinPayloadWords + 1));
      const std::size_t bytes = sizeof(Node) + words * sizeof(std::uint64_t);
      auto* node = static_cast<Node*>(::operator new(bytes));
      // Relaxed: a unique ticket; ordering of the node's contents comes from the exchange.
      node->id = next_id_.fetch_add(1, std::memory_order_relaxed);
      node->magic = kLiveMagic;
      node->payload_words = words;
      node->checksum = node_checksum(node->id, words);
      node->total_bytes = bytes;
      node->next = head;
      std::fill_n(node->payload(), words, node->id ^ kPayloadSalt);
      head = node;
    }
    return head;
  }

  std::array<std::atomic<const Node*>, kSlots> slots_;
  std::atomic<std::uint64_t> next_id_{0};
};

}  // namespace stitch::qsbr::testing
