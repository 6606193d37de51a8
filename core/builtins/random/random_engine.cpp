// RandomEngine's seeding and core generators: seed, random(), getrandbits, _randbelow.
// See random_engine.h for the exact CPython 3.11 algorithms reproduced here.
#include "core/builtins/random/random_engine.h"

#include <sys/random.h>

#include <array>
#include <bit>
#include <cassert>
#include <cerrno>

#include "core/builtins/random/scoped_mpz.h"

namespace stitch::random {

void RandomEngine::seed(IntArg seed_value) {
  if (seed_value.is_small()) {
    // |n| as an unsigned value (well defined for INT64_MIN too), then little-endian words.
    const int64_t value = seed_value.small();
    const uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    const std::array<uint32_t, 2> words = {static_cast<uint32_t>(magnitude),
                                           static_cast<uint32_t>(magnitude >> 32)};
    seed_with_key(std::span<const uint32_t>(words.data(), words[1] != 0 ? 2 : 1));
    return;
  }
  // mpz_export writes |n| (it ignores the sign), least significant 32-bit word first.
  mpz_srcptr big = seed_value.big();
  std::vector<uint32_t> words((mpz_sizeinbase(big, 2) + 31) / 32 + 1);
  std::size_t word_count = 0;
  mpz_export(words.data(), &word_count, -1, sizeof(uint32_t), 0, 0, big);
  if (word_count == 0) word_count = 1;  // zero -> key [0] (words[0] is already 0)
  seed_with_key(std::span<const uint32_t>(words.data(), word_count));
}

void RandomEngine::seed_with_key(std::span<const uint32_t> key) {
  twister_.seed_with_key(key);
  cached_gauss_.reset();
}

bool RandomEngine::seed_from_system_entropy() {
  std::array<uint32_t, MersenneTwister::kStateWords> key{};
  auto* bytes = reinterpret_cast<unsigned char*>(key.data());
  std::size_t filled = 0;
  while (filled < sizeof(key)) {
    const ssize_t got = getrandom(bytes + filled, sizeof(key) - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    filled += static_cast<std::size_t>(got);
  }
  seed_with_key(key);
  return true;
}

double RandomEngine::random() {
  const uint32_t high_27_bits = twister_.next_word() >> 5;
  const uint32_t low_26_bits = twister_.next_word() >> 6;
  return (high_27_bits * 67108864.0 + low_26_bits) * (1.0 / 9007199254740992.0);
}

uint64_t RandomEngine::getrandbits_small(unsigned bit_count) {
  if (bit_count == 0) return 0;
  if (bit_count <= 32) return twister_.next_word() >> (32 - bit_count);
  const uint64_t low_word = twister_.next_word();
  const uint64_t high_word = twister_.next_word() >> (64 - bit_count);
  return low_word | (high_word << 32);
}

void RandomEngine::getrandbits_into(mpz_ptr out, uint64_t bit_count) {
  if (bit_count <= 64) {
    const uint64_t bits = getrandbits_small(static_cast<unsigned>(bit_count));
    mpz_set_ui(out, static_cast<unsigned long>(bits));
    return;
  }
  std::vector<uint32_t> words((bit_count - 1) / 32 + 1);
  uint64_t bits_left = bit_count;
  for (uint32_t& word : words) {
    word = twister_.next_word();
    if (bits_left < 32) word >>= (32 - bits_left);  // keep the top bits of the last word
    bits_left -= bits_left < 32 ? bits_left : 32;
  }
  mpz_import(out, words.size(), -1, sizeof(uint32_t), 0, 0, words.data());
}

Expected<IntResult> RandomEngine::getrandbits(int64_t bit_count) {
  if (bit_count < 0) return value_error("number of bits must be non-negative");
  if (bit_count <= 64) return IntResult::from_unsigned(getrandbits_small(static_cast<unsigned>(bit_count)));
  ScopedMpz bits;
  getrandbits_into(bits.get(), static_cast<uint64_t>(bit_count));
  return IntResult(bits.get());
}

uint64_t RandomEngine::randbelow(uint64_t bound) {
  assert(bound > 0 && "randbelow(0) would never return");
  const auto bit_count = static_cast<unsigned>(std::bit_width(bound));
  uint64_t candidate = getrandbits_small(bit_count);
  while (candidate >= bound) candidate = getrandbits_small(bit_count);
  return candidate;
}

void RandomEngine::randbelow_into(mpz_ptr out, mpz_srcptr bound) {
  if (mpz_fits_ulong_p(bound)) {
    mpz_set_ui(out, static_cast<unsigned long>(randbelow(mpz_get_ui(bound))));
    return;
  }
  const std::size_t bit_count = mpz_sizeinbase(bound, 2);
  do {
    getrandbits_into(out, bit_count);
  } while (mpz_cmp(out, bound) >= 0);
}

}  // namespace stitch::random
