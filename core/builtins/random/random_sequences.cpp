// choice and sample over an abstract sequence (the caller maps indices to elements).
//
// sample(population, k) follows Lib/random.py 3.11: if the population is no bigger than a small
// set would be (setsize = 21, plus 4 ** ceil(log(3k, 4)) when k > 5), draw from a shrinking pool
// (pool[j] is replaced by the last live element); otherwise draw randbelow(n) and redraw while the
// index was already selected. The size test uses the same double arithmetic as CPython
// (math.log(3k, 4) == log(3k) / log(4)), so both pick the same branch and the same draws.
#include <cmath>
#include <numeric>
#include <unordered_set>

#include "core/builtins/random/random_engine.h"

namespace stitch::random {
namespace {

uint64_t small_set_size(uint64_t count) {
  uint64_t set_size = 21;
  if (count > 5) {
    const double exponent = std::ceil(std::log(static_cast<double>(count * 3)) / std::log(4.0));
    // 4 ** 32 overflows; any population fits under such a set size, so saturate.
    if (exponent >= 32) return UINT64_MAX;
    set_size += uint64_t{1} << (2 * static_cast<unsigned>(exponent));
  }
  return set_size;
}

}  // namespace

Expected<std::size_t> RandomEngine::choice_index(std::size_t length) {
  if (length == 0) return index_error("Cannot choose from an empty sequence");
  return static_cast<std::size_t>(randbelow(length));
}

Expected<std::vector<std::size_t>> RandomEngine::sample_indices(std::size_t population_size,
                                                                int64_t count) {
  if (count < 0 || static_cast<uint64_t>(count) > population_size) {
    return value_error("Sample larger than population or is negative");
  }
  const auto sample_size = static_cast<std::size_t>(count);
  std::vector<std::size_t> chosen(sample_size);
  if (population_size <= small_set_size(sample_size)) {
    // Invariant: the not-yet-selected indices are pool[0 : population_size - i].
    std::vector<std::size_t> pool(population_size);
    std::iota(pool.begin(), pool.end(), std::size_t{0});
    for (std::size_t i = 0; i < sample_size; ++i) {
      const auto j = static_cast<std::size_t>(randbelow(population_size - i));
      chosen[i] = pool[j];
      pool[j] = pool[population_size - i - 1];
    }
    return chosen;
  }
  std::unordered_set<std::size_t> selected;
  selected.reserve(sample_size);
  for (std::size_t i = 0; i < sample_size; ++i) {
    auto j = static_cast<std::size_t>(randbelow(population_size));
    while (selected.contains(j)) j = static_cast<std::size_t>(randbelow(population_size));
    selected.insert(j);
    chosen[i] = j;
  }
  return chosen;
}

}  // namespace stitch::random
