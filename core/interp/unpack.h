// Unpacking an iterable into assignment targets: `a, b = x` (UNPACK_SEQUENCE) and
// `a, *rest, b = x` (UNPACK_EX), with CPython 3.11's messages.
#pragma once

#include <cstdint>

#include "core/object/object.h"

namespace stitch::interp {

/// Unpacks `iterable` (borrowed) for `before` targets, then — when `starred` — a list of the
/// middle items and `after` targets. Writes the new references to out[0 .. total) with the FIRST
/// target's value at out[total - 1] (so that the value stack's top holds it), where total is
/// before + after + (starred ? 1 : 0). On failure writes nothing and returns false (exception set).
bool unpack_iterable(Object* iterable, std::uint32_t before, bool starred, std::uint32_t after, Object** out);

}  // namespace stitch::interp
