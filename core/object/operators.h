// Operators on any object: binary and in-place arithmetic with Python's dispatch rules (left slot,
// then the right operand's slot, a subclass on the right going first; sequence concat/repeat as
// the fallback for + and *), unary operators, subscripting, len() and `in`.
#pragma once

#include <cstdint>

#include "core/object/object.h"

namespace stitch {

enum class BinaryOp : std::uint8_t {
  kAdd, kSubtract, kMultiply, kTrueDivide, kFloorDivide, kRemainder, kPower,
  kLshift, kRshift, kAnd, kOr, kXor, kMatrixMultiply,
};
const char* binary_op_symbol(BinaryOp op);  // "+", "**", "//" …

Object* binary_op(Object* left, Object* right, BinaryOp op);
/// `left op= right`: the in-place slot if the type has one, else binary_op.
Object* inplace_op(Object* left, Object* right, BinaryOp op);

Object* unary_negative(Object* operand);
Object* unary_positive(Object* operand);
Object* unary_invert(Object* operand);

Object* object_getitem(Object* container, Object* key);
int object_setitem(Object* container, Object* key, Object* value);
int object_delitem(Object* container, Object* key);
/// len(x): -1 with TypeError "object of type 'int' has no len()".
std::int64_t object_length(Object* object);
/// `item in container`: -1 on error.
int object_contains(Object* container, Object* item);
/// x.__index__() for ints (and bools): false with TypeError otherwise.
bool object_as_index(Object* object, std::int64_t* value, const char* what);

}  // namespace stitch
