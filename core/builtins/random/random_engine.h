// RandomEngine: CPython 3.11's `random.Random` (the C `_random.Random` core plus the pure-Python
// methods of Lib/random.py) as a plain C++ value, reproducing its output sequences exactly.
//
// Every method below consumes Mersenne Twister words in exactly the same order and number as
// CPython 3.11 does, so that after the same `seed(n)` both produce identical values:
//  - seed(n): key = |n| split into 32-bit words, least significant first (at least one word, so
//    0 -> [0]), then init_by_array(key). Also forgets a cached gauss() value (Random.seed does).
//  - random(): a = word >> 5 (27 bits), b = word >> 6 (26 bits), (a * 2^26 + b) / 2^53.
//  - getrandbits(k): k == 0 -> 0 without consuming a word; k <= 32 -> word >> (32 - k); otherwise
//    ceil(k / 32) words, least significant first, the last one shifted right to keep its top bits.
//  - randbelow(n) ("_randbelow_with_getrandbits"): getrandbits(bit_length(n)) until < n.
//  - randrange / randint / choice / shuffle / sample / uniform / gauss: Lib/random.py 3.11's
//    algorithms on top of randbelow and random() (see the per-method comments).
//
// Not supported here (the module layer handles or raises): seed(None) semantics beyond
// seed_from_system_entropy(), seed(str/bytes) (CPython hashes them with SHA-512), seed(float)
// (CPython seeds with hash(x): the module layer can compute the hash and call seed(int)),
// getstate/setstate, choices, sample(counts=...), and the other distributions.
//
// Concurrency: no global or shared state. One engine must not be used by two threads at once (in
// the free-threaded interpreter the module layer serializes calls on one Random object, as
// CPython does with a per-object critical section); distinct engines are independent. No atomics.
#pragma once

#include <gmp.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "core/builtins/random/mersenne_twister.h"
#include "core/builtins/random/random_error.h"
#include "core/builtins/random/random_int.h"

namespace stitch::random {

class RandomEngine {
 public:
  /// Deterministic start state: the same as seed(0). (Python's Random() seeds from the OS; the
  /// module layer calls seed_from_system_entropy() for that.)
  RandomEngine() { seed(int64_t{0}); }
  explicit RandomEngine(IntArg seed_value) { seed(seed_value); }

  // ----- seeding -----
  /// random.seed(n) for an int n (any size; negative values use |n|).
  void seed(IntArg seed_value);
  /// Seeds with init_by_array(key) directly (CPython's key for n is |n|'s 32-bit words).
  void seed_with_key(std::span<const uint32_t> key);
  /// random.seed(None): 624 words from the OS (getrandom) as the key, like CPython. Returns
  /// false, leaving the state unchanged, if the OS gives no entropy.
  [[nodiscard]] bool seed_from_system_entropy();

  // ----- core generators -----
  /// random.random(): a double in [0.0, 1.0) with 53 random bits.
  double random();
  /// random.getrandbits(k) for k <= 64, as an unsigned value. Precondition: k <= 64.
  uint64_t getrandbits_small(unsigned bit_count);
  /// random.getrandbits(k) for any k (ValueError if k < 0).
  Expected<IntResult> getrandbits(int64_t bit_count);
  /// getrandbits(k) for any k >= 0 into an initialized mpz.
  void getrandbits_into(mpz_ptr out, uint64_t bit_count);
  /// Random._randbelow(n) for 0 < n < 2^64. Precondition: n > 0.
  uint64_t randbelow(uint64_t bound);
  /// Random._randbelow(n) for a big n into an initialized mpz. Precondition: n > 0.
  void randbelow_into(mpz_ptr out, mpz_srcptr bound);

  // ----- integer ranges -----
  /// random.randrange(stop).
  Expected<IntResult> randrange(IntArg stop);
  /// random.randrange(start, stop[, step]).
  Expected<IntResult> randrange(IntArg start, IntArg stop, IntArg step = int64_t{1});
  /// random.randint(a, b) == randrange(a, b + 1) (same errors, same messages).
  Expected<IntResult> randint(IntArg low, IntArg high);

  // ----- sequences -----
  /// random.choice(seq): the index of the chosen element of a sequence of `length` elements
  /// (IndexError if empty).
  Expected<std::size_t> choice_index(std::size_t length);
  /// random.shuffle(x): Fisher-Yates from the end, swapping x[i] with x[randbelow(i + 1)].
  template <class T>
  void shuffle(std::span<T> items) {
    for (std::size_t i = items.size(); i-- > 1;) {
      const auto j = static_cast<std::size_t>(randbelow(i + 1));
      std::swap(items[i], items[j]);
    }
  }
  /// random.sample(population, k): the indices into a population of `population_size` elements,
  /// in selection order (ValueError unless 0 <= k <= n). Same pool-or-set choice as CPython.
  Expected<std::vector<std::size_t>> sample_indices(std::size_t population_size, int64_t count);

  // ----- real distributions -----
  /// random.uniform(a, b) = a + (b - a) * random().
  double uniform(double low, double high);
  /// random.gauss(mu, sigma): Box-Muller in pairs; the second value is cached until the next
  /// call (or until the next seed).
  double gauss(double mu, double sigma);

 private:
  MersenneTwister twister_;
  std::optional<double> cached_gauss_;
};

}  // namespace stitch::random
