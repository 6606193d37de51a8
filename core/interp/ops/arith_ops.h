// Arithmetic, comparison and truth ops.
#pragma once

#include "core/compiler/bytecode/opcodes.h"
#include "core/interp/fast_paths.h"
#include "core/interp/ops/op_support.h"
#include "core/object/bool.h"
#include "core/object/exec_state.h"
#include "core/object/operators.h"
#include "core/object/protocol.h"
#include "core/object/str.h"

namespace stitch::interp::ops {

// `next_word` is the instruction after this one (and its cache): `s = s + t` / `s += t` followed
// by STORE_FAST into the same local appends in place.
STITCH_OP bool binary_op(Frame* frame, Object**& sp, std::uint32_t oparg, std::uint32_t next_word) {
  Object* right = *--sp;
  Object* left = *--sp;
  auto kind = static_cast<BinaryOp>(oparg & 0xff);
  Object* result = binary_op_fast(left, right, kind);
  if (result == nullptr && has_exception()) {  // MemoryError while boxing the result
    decref(left);
    decref(right);
    return false;
  }
  if (result == nullptr && kind == BinaryOp::kAdd && str_concat_may_append(left, right)) {
    // With s held only by this local and the stack, append in place (amortized O(1), as
    // CPython's unicode_concatenate), after dropping the local's reference.
    if (bytecode::word_opcode(next_word) == bytecode::Opcode::STORE_FAST &&
        frame->localsplus[bytecode::word_oparg(next_word)] == left && str_is_appendable(left, 2)) {
      frame->localsplus[bytecode::word_oparg(next_word)] = nullptr;
      decref(left);
      result = str_append_unique(left, right);
      left = nullptr;
    }
  }
  if (result == nullptr && left != nullptr) {
    result = (oparg & bytecode::kInplaceFlag) ? inplace_op(left, right, kind) : stitch::binary_op(left, right, kind);
  }
  xdecref(left);
  decref(right);
  if (result == nullptr) return false;
  *sp++ = result;
  return true;
}

template <Object* (*Unary)(Object*)>
STITCH_OP bool unary(Frame*, Object**& sp, std::uint32_t) {
  Object* operand = *--sp;
  Object* result = Unary(operand);
  decref(operand);
  if (result == nullptr) return false;
  *sp++ = result;
  return true;
}

STITCH_OP bool unary_not(Frame*, Object**& sp, std::uint32_t) {
  Object* operand = *--sp;
  int truth = object_is_true(operand);
  decref(operand);
  if (truth < 0) return false;
  *sp++ = bool_from(!truth);
  return true;
}

STITCH_OP bool compare_op(Frame*, Object**& sp, std::uint32_t oparg) {
  Object* right = *--sp;
  Object* left = *--sp;
  int fast = compare_fast(left, right, static_cast<CompareOp>(oparg));
  Object* result = fast >= 0 ? bool_from(fast == 1) : object_rich_compare(left, right, static_cast<CompareOp>(oparg));
  decref(left);
  decref(right);
  if (result == nullptr) return false;
  *sp++ = result;
  return true;
}

STITCH_OP bool is_op(Frame*, Object**& sp, std::uint32_t oparg) {
  Object* right = *--sp;
  Object* left = *--sp;
  bool same = (left == right) != (oparg == 1);
  decref(left);
  decref(right);
  *sp++ = bool_from(same);
  return true;
}

STITCH_OP bool contains_op(Frame*, Object**& sp, std::uint32_t oparg) {
  Object* container = *--sp;
  Object* item = *--sp;
  int found = object_contains(container, item);
  decref(container);
  decref(item);
  if (found < 0) return false;
  *sp++ = bool_from((found == 1) != (oparg == 1));
  return true;
}

}  // namespace stitch::interp::ops
