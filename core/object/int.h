// int: arbitrary precision. A value that fits in int64 lives in `small` (the fast path, no GMP);
// a larger one in a GMP integer. Results are always normalized: a value that fits in int64 is
// never stored in GMP form, so "is it small?" is one test of `big._mp_d`.
// Ints in [kSmallIntMin, kSmallIntMax] are cached, immortal objects.
#pragma once

#include <cstdint>

#include <gmp.h>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

struct IntObject : Object {
  std::int64_t small;
  __mpz_struct big;  // big._mp_d == nullptr: unused
};

inline constexpr std::int64_t kSmallIntMin = -5;
inline constexpr std::int64_t kSmallIntMax = 1024;

extern TypeObject int_type;

inline IntObject* as_int(Object* object) { return static_cast<IntObject*>(object); }
inline bool int_is_small(const Object* object) {
  return static_cast<const IntObject*>(object)->big._mp_d == nullptr;
}
bool is_int(const Object* object);  // int or a subclass (bool included)

Object* int_from_int64(std::int64_t value);
/// Takes a GMP value (borrowed) and returns a normalized int.
Object* int_from_mpz(mpz_srcptr value);

void init_int_type();

}  // namespace stitch
