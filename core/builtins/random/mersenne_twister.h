// MersenneTwister: the MT19937 generator of Matsumoto & Nishimura (1998), the core of CPython's
// `random` module.
//
// Algorithm. The state is 624 32-bit words. Every 624 outputs the whole state is "twisted": word
// k becomes word k+397 xor a linear function (matrix A = 0x9908b0df) of the top bit of word k and
// the low 31 bits of word k+1. Each output word is one state word passed through a fixed
// "tempering" bijection (shifts and masks) that improves equidistribution of the low bits.
//
// Seeding. `seed_with_word` is the paper's init_genrand (a multiplicative recurrence fills the
// state from one word); `seed_with_key` is init_by_array, which mixes an arbitrary-length key into
// that state and is what CPython uses for every int seed. Both are reproduced bit for bit, so that
// the output sequence for a given key equals CPython's (and the reference mt19937ar.c's).
//
// Invariant: 0 <= next_index_ <= kStateWords; next_index_ == kStateWords means "twist before the
// next output". After any seeding the state is never all zero (init_by_array forces mt[0]'s top
// bit), so the period is 2^19937 - 1.
//
// Concurrency: a plain value type with no shared or global state. One instance must not be used
// by two threads at once; separate instances are fully independent. No atomics.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace stitch::random {

class MersenneTwister {
 public:
  static constexpr std::size_t kStateWords = 624;

  /// Seeds with init_genrand(5489), the reference implementation's default (same as std::mt19937).
  MersenneTwister() { seed_with_word(5489u); }

  /// init_genrand: fills the state from a single 32-bit word.
  void seed_with_word(uint32_t seed);

  /// init_by_array: mixes `key` into the state. An empty key is treated as the key [0], which is
  /// what CPython passes for a zero seed (its key always has at least one word).
  void seed_with_key(std::span<const uint32_t> key);

  /// genrand_uint32: the next tempered 32-bit output.
  uint32_t next_word() {
    if (next_index_ >= kStateWords) twist();
    return temper(state_[next_index_++]);
  }

 private:
  static uint32_t temper(uint32_t word) {
    word ^= word >> 11;
    word ^= (word << 7) & 0x9d2c5680u;
    word ^= (word << 15) & 0xefc60000u;
    word ^= word >> 18;
    return word;
  }

  /// Regenerates all kStateWords words and rewinds next_index_ to 0.
  void twist();

  std::array<uint32_t, kStateWords> state_{};
  std::size_t next_index_ = kStateWords;
};

}  // namespace stitch::random
