#include "core/object/operators.h"

#include <string>

#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/iterators.h"
#include "core/object/slice.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/type.h"

namespace stitch {

namespace {

BinarySlot NumberSlots::*slot_of(BinaryOp op) {
  switch (op) {
    case BinaryOp::kAdd: return &NumberSlots::add;
    case BinaryOp::kSubtract: return &NumberSlots::subtract;
    case BinaryOp::kMultiply: return &NumberSlots::multiply;
    case BinaryOp::kTrueDivide: return &NumberSlots::true_divide;
    case BinaryOp::kFloorDivide: return &NumberSlots::floor_divide;
    case BinaryOp::kRemainder: return &NumberSlots::remainder;
    case BinaryOp::kPower: return nullptr;  // ternary slot
    case BinaryOp::kLshift: return &NumberSlots::lshift;
    case BinaryOp::kRshift: return &NumberSlots::rshift;
    case BinaryOp::kAnd: return &NumberSlots::bit_and;
    case BinaryOp::kOr: return &NumberSlots::bit_or;
    case BinaryOp::kXor: return &NumberSlots::bit_xor;
    case BinaryOp::kMatrixMultiply: return &NumberSlots::matrix_multiply;
  }
  return nullptr;
}

BinarySlot NumberSlots::*inplace_slot_of(BinaryOp op) {
  switch (op) {
    case BinaryOp::kAdd: return &NumberSlots::inplace_add;
    case BinaryOp::kSubtract: return &NumberSlots::inplace_subtract;
    case BinaryOp::kMultiply: return &NumberSlots::inplace_multiply;
    case BinaryOp::kAnd: return &NumberSlots::inplace_and;
    case BinaryOp::kOr: return &NumberSlots::inplace_or;
    case BinaryOp::kXor: return &NumberSlots::inplace_xor;
    case BinaryOp::kTrueDivide: return &NumberSlots::inplace_true_divide;
    case BinaryOp::kFloorDivide: return &NumberSlots::inplace_floor_divide;
    case BinaryOp::kRemainder: return &NumberSlots::inplace_remainder;
    case BinaryOp::kPower: return &NumberSlots::inplace_power;
    case BinaryOp::kLshift: return &NumberSlots::inplace_lshift;
    case BinaryOp::kRshift: return &NumberSlots::inplace_rshift;
    case BinaryOp::kMatrixMultiply: return &NumberSlots::inplace_matrix_multiply;
  }
}

// One slot call through either a binary slot or the ternary power slot (with None modulus).
Object* call_slot(TypeObject* type, BinaryOp op, Object* left, Object* right) {
  if (op == BinaryOp::kPower) {
    if (type->number.power == nullptr) return nullptr;
    return type->number.power(left, right, none());
  }
  BinarySlot slot = type->number.*slot_of(op);
  return slot == nullptr ? nullptr : slot(left, right);
}

// CPython's binary_op1: returns NotImplemented (new reference) when neither side handles it.
Object* dispatch_binary(Object* left, Object* right, BinaryOp op) {
  TypeObject* left_type = type_of(left);
  TypeObject* right_type = type_of(right);
  bool right_differs = left_type != right_type;
  bool right_first = right_differs && is_subtype(right_type, left_type);
  if (right_first) {
    Object* result = call_slot(right_type, op, left, right);
    if (result == nullptr && has_exception()) return nullptr;
    if (result != nullptr && result != not_implemented()) return result;
    xdecref(result);
  }
  Object* result = call_slot(left_type, op, left, right);
  if (result == nullptr && has_exception()) return nullptr;
  if (result != nullptr && result != not_implemented()) return result;
  xdecref(result);
  if (right_differs && !right_first) {
    result = call_slot(right_type, op, left, right);
    if (result == nullptr && has_exception()) return nullptr;
    if (result != nullptr && result != not_implemented()) return result;
    xdecref(result);
  }
  return new_ref(not_implemented());
}

Object* unsupported(Object* left, Object* right, BinaryOp op, bool inplace) {
  std::string symbol = binary_op_symbol(op);
  if (inplace) symbol += "=";
  if (op == BinaryOp::kPower && !inplace) symbol = "** or pow()";
  return raise_error(&type_error_type, "unsupported operand type(s) for " + symbol + ": '" +
                                           type_of(left)->name + "' and '" +
                                           type_of(right)->name + "'");
}

Object* sequence_repeat(Object* sequence, Object* count, bool inplace) {
  TypeObject* type = type_of(sequence);
  std::int64_t n = 0;
  Ref index;
  if (!is_int(count) && type_has_flag(type_of(count), type_flags::kHeapType) && type_of(count)->number.index != nullptr) {
    index = Ref::steal(number_index(count));
    if (!index) return nullptr;
    count = index.get();
  }
  if (!is_int(count)) {
    return raise_error(&type_error_type, std::string("can't multiply sequence by non-int of type '") +
                                             type_of(count)->name + "'");
  }
  if (!int_is_small(count)) {
    return raise_error(&overflow_error_type, "cannot fit 'int' into an index-sized integer");
  }
  n = as_int(count)->small;
  if (inplace && type->sequence_inplace_repeat != nullptr) return type->sequence_inplace_repeat(sequence, n);
  return type->sequence_repeat(sequence, n);
}

Object* binary_or_sequence(Object* left, Object* right, BinaryOp op, bool inplace) {
  Object* result = dispatch_binary(left, right, op);
  if (result != not_implemented()) return result;
  decref(result);
  TypeObject* left_type = type_of(left);
  TypeObject* right_type = type_of(right);
  if (op == BinaryOp::kAdd && left_type->sequence_concat != nullptr) {
    if (inplace && left_type->sequence_inplace_concat != nullptr) {
      return left_type->sequence_inplace_concat(left, right);
    }
    return left_type->sequence_concat(left, right);
  }
  if (op == BinaryOp::kMultiply) {
    if (left_type->sequence_repeat != nullptr) return sequence_repeat(left, right, inplace);
    if (right_type->sequence_repeat != nullptr) return sequence_repeat(right, left, false);
  }
  return unsupported(left, right, op, inplace);
}

Object* unary(Object* operand, UnarySlot NumberSlots::*slot, const char* symbol) {
  UnarySlot function = type_of(operand)->number.*slot;
  if (function != nullptr) return function(operand);
  return raise_error(&type_error_type, std::string("bad operand type for unary ") + symbol + ": '" +
                                           type_of(operand)->name + "'");
}

}  // namespace

const char* binary_op_symbol(BinaryOp op) {
  switch (op) {
    case BinaryOp::kAdd: return "+";
    case BinaryOp::kSubtract: return "-";
    case BinaryOp::kMultiply: return "*";
    case BinaryOp::kTrueDivide: return "/";
    case BinaryOp::kFloorDivide: return "//";
    case BinaryOp::kRemainder: return "%";
    case BinaryOp::kPower: return "**";
    case BinaryOp::kLshift: return "<<";
    case BinaryOp::kRshift: return ">>";
    case BinaryOp::kAnd: return "&";
    case BinaryOp::kOr: return "|";
    case BinaryOp::kXor: return "^";
    case BinaryOp::kMatrixMultiply: return "@";
  }
  return "?";
}

Object* binary_op(Object* left, Object* right, BinaryOp op) {
  return binary_or_sequence(left, right, op, false);
}

Object* inplace_op(Object* left, Object* right, BinaryOp op) {
  BinarySlot NumberSlots::*slot = inplace_slot_of(op);
  if (slot != nullptr) {
    BinarySlot function = type_of(left)->number.*slot;
    if (function != nullptr) {
      Object* result = function(left, right);
      if (result != not_implemented()) return result;
      decref(result);
    }
  }
  return binary_or_sequence(left, right, op, true);
}

Object* unary_negative(Object* operand) { return unary(operand, &NumberSlots::negative, "-"); }
Object* unary_positive(Object* operand) { return unary(operand, &NumberSlots::positive, "+"); }
Object* unary_invert(Object* operand) { return unary(operand, &NumberSlots::invert, "~"); }

namespace {

// A class instance with __index__ used as a sequence index (xs[Idx(1)]): its index value.
// Mappings keep the object itself as their key.
Ref sequence_key(Object* container, Object* key) {
  constexpr std::uint32_t kSequences = type_flags::kListSubclass | type_flags::kTupleSubclass | type_flags::kStrSubclass;
  TypeObject* key_type = type_of(key);
  if (!type_has_flag(key_type, type_flags::kHeapType) || key_type->number.index == nullptr || is_int(key) ||
      (type_of(container)->flags & kSequences) == 0) {
    return Ref::borrow(key);
  }
  return Ref::steal(number_index(key));
}

}  // namespace

Object* object_getitem(Object* container, Object* key) {
  TypeObject* type = type_of(container);
  if (type->getitem != nullptr) {
    Ref index = sequence_key(container, key);
    return index ? type->getitem(container, index.get()) : nullptr;
  }
  if (type_has_flag(type, type_flags::kTypeSubclass)) {
    return raise_error(&type_error_type, std::string("type '") +
                                             static_cast<TypeObject*>(container)->name +
                                             "' is not subscriptable");
  }
  return raise_error(&type_error_type, std::string("'") + type->name + "' object is not subscriptable");
}

int object_setitem(Object* container, Object* key, Object* value) {
  TypeObject* type = type_of(container);
  if (type->setitem != nullptr) {
    Ref index = sequence_key(container, key);
    return index ? type->setitem(container, index.get(), value) : -1;
  }
  raise_error(&type_error_type, std::string("'") + type->name + "' object does not support item assignment");
  return -1;
}

int object_delitem(Object* container, Object* key) {
  TypeObject* type = type_of(container);
  if (type->setitem != nullptr) return type->setitem(container, key, nullptr);
  raise_error(&type_error_type, std::string("'") + type->name + "' object doesn't support item deletion");
  return -1;
}

std::int64_t object_length(Object* object) {
  TypeObject* type = type_of(object);
  if (type->length != nullptr) return type->length(object);
  raise_error(&type_error_type, std::string("object of type '") + type->name + "' has no len()");
  return -1;
}

int object_contains(Object* container, Object* item) {
  TypeObject* type = type_of(container);
  if (type->contains != nullptr) return type->contains(container, item);
  // No __contains__: search by iteration, comparing with `is` first, then == (CPython's
  // _PySequence_IterSearch).
  if (type->iter == nullptr && type->getitem == nullptr) {
    raise_error(&type_error_type, std::string("argument of type '") + type->name + "' is not iterable");
    return -1;
  }
  Ref iterator = Ref::steal(object_get_iter(container));
  if (!iterator) return -1;
  while (Object* next = iter_next(iterator.get())) {
    Ref element = Ref::steal(next);
    if (element.get() == item) return 1;
    int equal = object_rich_compare_bool(element.get(), item, CompareOp::kEq);
    if (equal != 0) return equal;
  }
  return has_exception() ? -1 : 0;
}

bool object_as_index(Object* object, std::int64_t* value, const char* what) {
  if (!is_int(object)) {
    raise_error(&type_error_type, std::string(what) + " must be integers or slices, not " +
                                      type_of(object)->name);
    return false;
  }
  if (!int_is_small(object)) {
    raise_error(&index_error_type, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  *value = as_int(object)->small;
  return true;
}

}  // namespace stitch
