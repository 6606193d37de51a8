// MT19937 seeding and state regeneration. See mersenne_twister.h for the algorithm.
#include "core/builtins/random/mersenne_twister.h"

#include <algorithm>

namespace stitch::random {
namespace {

constexpr std::size_t kShiftDistance = 397;  // "M" in the paper: the word mixed in by the twist
constexpr uint32_t kTwistMatrix = 0x9908b0dfu;
constexpr uint32_t kUpperBit = 0x80000000u;
constexpr uint32_t kLowerBits = 0x7fffffffu;

// The twist of one word: top bit of `upper_source`, low 31 bits of `lower_source`, multiplied by
// the companion matrix (a shift plus a conditional xor), xored into `far_word`.
uint32_t twisted(uint32_t upper_source, uint32_t lower_source, uint32_t far_word) {
  const uint32_t joined = (upper_source & kUpperBit) | (lower_source & kLowerBits);
  const uint32_t matrix_term = (joined & 1u) ? kTwistMatrix : 0u;
  return far_word ^ (joined >> 1) ^ matrix_term;
}

}  // namespace

void MersenneTwister::seed_with_word(uint32_t seed) {
  state_[0] = seed;
  for (std::size_t i = 1; i < kStateWords; ++i) {
    const uint32_t previous = state_[i - 1];
    state_[i] = 1812433253u * (previous ^ (previous >> 30)) + static_cast<uint32_t>(i);
  }
  next_index_ = kStateWords;
}

void MersenneTwister::seed_with_key(std::span<const uint32_t> key) {
  static constexpr uint32_t kZeroKey[1] = {0};
  if (key.empty()) key = kZeroKey;

  seed_with_word(19650218u);
  std::size_t i = 1;
  std::size_t j = 0;
  // First pass: at least kStateWords steps, and enough to consume every key word once.
  for (std::size_t steps = std::max(kStateWords, key.size()); steps > 0; --steps) {
    const uint32_t previous = state_[i - 1];
    state_[i] = (state_[i] ^ ((previous ^ (previous >> 30)) * 1664525u)) + key[j] +
                static_cast<uint32_t>(j);
    ++i;
    ++j;
    if (i >= kStateWords) {
      state_[0] = state_[kStateWords - 1];
      i = 1;
    }
    if (j >= key.size()) j = 0;
  }
  // Second pass: another full sweep that diffuses the key across the state.
  for (std::size_t steps = kStateWords - 1; steps > 0; --steps) {
    const uint32_t previous = state_[i - 1];
    state_[i] = (state_[i] ^ ((previous ^ (previous >> 30)) * 1566083941u)) -
                static_cast<uint32_t>(i);
    ++i;
    if (i >= kStateWords) {
      state_[0] = state_[kStateWords - 1];
      i = 1;
    }
  }
  state_[0] = kUpperBit;  // guarantees a non-zero state
  next_index_ = kStateWords;
}

void MersenneTwister::twist() {
  constexpr std::size_t kSplit = kStateWords - kShiftDistance;
  std::size_t k = 0;
  for (; k < kSplit; ++k) state_[k] = twisted(state_[k], state_[k + 1], state_[k + kShiftDistance]);
  for (; k < kStateWords - 1; ++k) state_[k] = twisted(state_[k], state_[k + 1], state_[k - kSplit]);
  state_[kStateWords - 1] = twisted(state_[kStateWords - 1], state_[0], state_[kShiftDistance - 1]);
  next_index_ = 0;
}

}  // namespace stitch::random
