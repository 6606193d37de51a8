// Fast paths the dispatch loop tries before the generic protocol: exact small ints and exact
// floats for arithmetic and comparisons, which is what numeric loops and recursive calls spend
// their time on. Each returns "not handled" (nullptr / -1) WITHOUT an exception whenever the
// generic path must decide (other types, overflow, division by zero), so results and errors stay
// exactly the protocol's. The specializer will turn these into per-instruction variants.
#pragma once

#include <cstdint>

#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/operators.h"
#include "core/object/type.h"

namespace stitch::interp {

inline bool is_exact_small_int(const Object* object) {
  return type_of(object) == &int_type && int_is_small(object);
}
inline bool is_exact_float(const Object* object) { return type_of(object) == &float_type; }

/// left op right for two exact small ints or two exact floats; nullptr when not handled.
[[gnu::always_inline]] inline Object* binary_op_fast(Object* left, Object* right, BinaryOp op) {
  if (is_exact_small_int(left) && is_exact_small_int(right)) {
    std::int64_t a = as_int(left)->small;
    std::int64_t b = as_int(right)->small;
    std::int64_t result;
    switch (op) {
      case BinaryOp::kAdd:
        if (__builtin_add_overflow(a, b, &result)) return nullptr;
        return int_from_int64(result);
      case BinaryOp::kSubtract:
        if (__builtin_sub_overflow(a, b, &result)) return nullptr;
        return int_from_int64(result);
      case BinaryOp::kMultiply:
        if (__builtin_mul_overflow(a, b, &result)) return nullptr;
        return int_from_int64(result);
      case BinaryOp::kAnd: return int_from_int64(a & b);
      case BinaryOp::kOr: return int_from_int64(a | b);
      case BinaryOp::kXor: return int_from_int64(a ^ b);
      default: return nullptr;
    }
  }
  if (is_exact_float(left) && is_exact_float(right)) {
    double a = float_value(left);
    double b = float_value(right);
    switch (op) {
      case BinaryOp::kAdd: return float_from_double(a + b);
      case BinaryOp::kSubtract: return float_from_double(a - b);
      case BinaryOp::kMultiply: return float_from_double(a * b);
      case BinaryOp::kTrueDivide: return b == 0.0 ? nullptr : float_from_double(a / b);
      default: return nullptr;
    }
  }
  return nullptr;
}

template <class T>
[[gnu::always_inline]] inline int compare_values(T a, T b, CompareOp op) {
  switch (op) {
    case CompareOp::kLt: return a < b;
    case CompareOp::kLe: return a <= b;
    case CompareOp::kEq: return a == b;
    case CompareOp::kNe: return a != b;
    case CompareOp::kGt: return a > b;
    case CompareOp::kGe: return a >= b;
  }
  return -1;
}

/// 0/1 for two exact small ints or two exact floats; -1 when not handled.
[[gnu::always_inline]] inline int compare_fast(Object* left, Object* right, CompareOp op) {
  if (is_exact_small_int(left) && is_exact_small_int(right)) {
    return compare_values(as_int(left)->small, as_int(right)->small, op);
  }
  if (is_exact_float(left) && is_exact_float(right)) return compare_values(float_value(left), float_value(right), op);
  return -1;
}

}  // namespace stitch::interp
