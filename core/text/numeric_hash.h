// Python's numeric hash (sys.hash_info: 64-bit, modulus P = 2**61 - 1, inf = 314159).
//
// hash(n) for an int is sign(n) * (|n| mod P); hash(x) for a finite float x = m * 2**e (m an odd
// or zero integer) is sign(x) * (|m| * 2**e mod P). Since 2**61 == 1 (mod P), 2**e mod P is
// 2**(e mod 61) for any integer e (negative too), so the float hash is one 61-bit rotation of
// (|m| mod P). This makes hash(n) == hash(float(n)) whenever the two are equal, which dict and set
// need for 1 == 1.0. -1 is reserved as the C error value, so a result of -1 becomes -2.
// hash(nan) in Python 3.11 is the object's identity hash: the object model computes it from the
// address; hash_double's precondition is "not nan".
#pragma once

#include <gmp.h>

#include <cstdint>

#include "core/text/int_value.h"

namespace stitch::text {

inline constexpr uint64_t kHashModulus = (uint64_t{1} << 61) - 1;
inline constexpr int64_t kHashInfinity = 314159;

int64_t hash_int64(int64_t value);
int64_t hash_mpz(mpz_srcptr value);
int64_t hash_int(IntRef value);
/// Precondition: !std::isnan(value).
int64_t hash_double(double value);

}  // namespace stitch::text
