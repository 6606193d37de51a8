// uniform and gauss, with Lib/random.py 3.11's exact floating-point expressions.
//
// This file is compiled with -ffp-contract=off: fusing `a + (b - a) * r` into one FMA would round
// once instead of twice and could change the last bit relative to CPython.
#include <cmath>
#include <numbers>

#include "core/builtins/random/random_engine.h"

namespace stitch::random {

double RandomEngine::uniform(double low, double high) { return low + (high - low) * random(); }

double RandomEngine::gauss(double mu, double sigma) {
  // Box-Muller (Lambert Meertens' corrected form): from x, y uniform in [0, 1),
  // cos(2*pi*x) * sqrt(-2*log(1-y)) and sin(2*pi*x) * sqrt(-2*log(1-y)) are two independent
  // standard normals; the second one is kept for the next call.
  double standard_normal;
  if (cached_gauss_) {
    standard_normal = *cached_gauss_;
    cached_gauss_.reset();
  } else {
    constexpr double kTwoPi = 2.0 * std::numbers::pi;
    const double angle = random() * kTwoPi;
    const double radius = std::sqrt(-2.0 * std::log(1.0 - random()));
    standard_normal = std::cos(angle) * radius;
    cached_gauss_ = std::sin(angle) * radius;
  }
  return mu + standard_normal * sigma;
}

}  // namespace stitch::random
