// randrange and randint, following Lib/random.py 3.11 exactly:
//   randrange(stop):              stop > 0 ? randbelow(stop) : ValueError
//   randrange(start, stop, step): width = stop - start
//     step == 1: width > 0 ? start + randbelow(width) : ValueError (start, stop, width)
//     step > 0:  n = (width + step - 1) // step;  step < 0: n = (width + step + 1) // step
//     step == 0 or n <= 0: ValueError; else start + step * randbelow(n)
//   randint(a, b) = randrange(a, b + 1)
// ("//" is floor division.) When every argument fits in int64 the arithmetic runs in __int128,
// where none of it can overflow and the result always fits back in int64 (it lies in the range;
// only the width 2^64 of randint(INT64_MIN, INT64_MAX) exceeds uint64 and takes GMP's randbelow);
// otherwise it runs in GMP. Both paths call randbelow with the same n, so they agree.
#include <string>

#include "core/builtins/random/random_engine.h"
#include "core/builtins/random/scoped_mpz.h"

namespace stitch::random {
namespace {

using Wide = __int128;

std::string wide_to_decimal(Wide value) {
  if (value >= INT64_MIN && value <= INT64_MAX) return std::to_string(static_cast<int64_t>(value));
  const bool is_negative = value < 0;
  unsigned __int128 magnitude = is_negative ? 0 - static_cast<unsigned __int128>(value)
                                            : static_cast<unsigned __int128>(value);
  std::string digits;
  while (magnitude != 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  }
  return is_negative ? "-" + digits : digits;
}

std::string mpz_to_decimal(mpz_srcptr value) { return IntArg(value).to_decimal(); }

RandomError empty_range() { return value_error("empty range for randrange()"); }

Wide floor_divide(Wide dividend, Wide divisor) {
  Wide quotient = dividend / divisor;
  if (dividend % divisor != 0 && ((dividend < 0) != (divisor < 0))) --quotient;
  return quotient;
}

// randbelow for 0 < bound <= 2^64 (randint(INT64_MIN, INT64_MAX) has width 2^64, one past uint64).
Wide randbelow_wide(RandomEngine& engine, Wide bound) {
  if (bound <= static_cast<Wide>(UINT64_MAX)) return engine.randbelow(static_cast<uint64_t>(bound));
  ScopedMpz big_bound, chosen;
  mpz_set_ui(big_bound.get(), static_cast<unsigned long>(bound >> 64));
  mpz_mul_2exp(big_bound.get(), big_bound.get(), 64);
  mpz_add_ui(big_bound.get(), big_bound.get(), static_cast<unsigned long>(static_cast<uint64_t>(bound)));
  engine.randbelow_into(chosen.get(), big_bound.get());
  // chosen < 2^65: export its two low 64-bit limbs.
  uint64_t words[2] = {0, 0};
  mpz_export(words, nullptr, -1, sizeof(uint64_t), 0, 0, chosen.get());
  return static_cast<Wide>((static_cast<unsigned __int128>(words[1]) << 64) | words[0]);
}

Expected<IntResult> randrange_wide(RandomEngine& engine, Wide start, Wide stop, Wide step) {
  const Wide width = stop - start;
  if (step == 1) {
    if (width <= 0) {
      return value_error("empty range for randrange() (" + wide_to_decimal(start) + ", " +
                         wide_to_decimal(stop) + ", " + wide_to_decimal(width) + ")");
    }
    return IntResult(static_cast<int64_t>(start + randbelow_wide(engine, width)));
  }
  Wide count;
  if (step > 0) {
    count = floor_divide(width + step - 1, step);
  } else if (step < 0) {
    count = floor_divide(width + step + 1, step);
  } else {
    return value_error("zero step for randrange()");
  }
  if (count <= 0) return empty_range();
  const Wide offset = randbelow_wide(engine, count);
  return IntResult(static_cast<int64_t>(start + step * offset));
}

Expected<IntResult> randrange_big(RandomEngine& engine, mpz_srcptr start, mpz_srcptr stop,
                                  mpz_srcptr step) {
  ScopedMpz width;
  mpz_sub(width.get(), stop, start);
  ScopedMpz chosen;
  const int step_sign = mpz_sgn(step);
  if (mpz_cmp_ui(step, 1) == 0) {
    if (mpz_sgn(width.get()) <= 0) {
      return value_error("empty range for randrange() (" + mpz_to_decimal(start) + ", " +
                         mpz_to_decimal(stop) + ", " + mpz_to_decimal(width.get()) + ")");
    }
    engine.randbelow_into(chosen.get(), width.get());
    mpz_add(chosen.get(), chosen.get(), start);
    return IntResult(chosen.get());
  }
  if (step_sign == 0) return value_error("zero step for randrange()");
  ScopedMpz count;
  mpz_add(count.get(), width.get(), step);
  if (step_sign > 0) {
    mpz_sub_ui(count.get(), count.get(), 1);
  } else {
    mpz_add_ui(count.get(), count.get(), 1);
  }
  mpz_fdiv_q(count.get(), count.get(), step);
  if (mpz_sgn(count.get()) <= 0) return empty_range();
  engine.randbelow_into(chosen.get(), count.get());
  mpz_mul(chosen.get(), chosen.get(), step);
  mpz_add(chosen.get(), chosen.get(), start);
  return IntResult(chosen.get());
}

}  // namespace

Expected<IntResult> RandomEngine::randrange(IntArg stop) {
  if (stop.sign() <= 0) return empty_range();
  if (stop.is_small()) return IntResult(static_cast<int64_t>(randbelow(static_cast<uint64_t>(stop.small()))));
  ScopedMpz chosen;
  randbelow_into(chosen.get(), stop.big());
  return IntResult(chosen.get());
}

Expected<IntResult> RandomEngine::randrange(IntArg start, IntArg stop, IntArg step) {
  if (start.is_small() && stop.is_small() && step.is_small()) {
    return randrange_wide(*this, start.small(), stop.small(), step.small());
  }
  ScopedMpz big_start, big_stop, big_step;
  start.store_to(big_start.get());
  stop.store_to(big_stop.get());
  step.store_to(big_step.get());
  return randrange_big(*this, big_start.get(), big_stop.get(), big_step.get());
}

Expected<IntResult> RandomEngine::randint(IntArg low, IntArg high) {
  if (low.is_small() && high.is_small()) {
    return randrange_wide(*this, low.small(), Wide{high.small()} + 1, 1);
  }
  ScopedMpz big_low, big_stop, one;
  low.store_to(big_low.get());
  high.store_to(big_stop.get());
  mpz_add_ui(big_stop.get(), big_stop.get(), 1);
  mpz_set_ui(one.get(), 1);
  return randrange_big(*this, big_low.get(), big_stop.get(), one.get());
}

}  // namespace stitch::random
