#include "core/compiler/bytecode/constants.h"

#include <bit>
#include <cstring>

#include <gmp.h>

#include "core/object/bool.h"
#include "core/object/float.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/operators.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::bytecode {

namespace ast = stitch::compiler;

namespace {

bool is_identifier_like(std::string_view text) {
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

Object* fold_operation(const ast::Expr* expr);

// The value of a constant expression in one pass (operands evaluated once), or nullptr with no
// exception set when the expression is not a constant.
Object* evaluate_constant(const ast::Expr* expr) {
  switch (expr->kind) {
    case ast::ExprKind::Constant:
    case ast::ExprKind::Int:
    case ast::ExprKind::Float:
    case ast::ExprKind::Str: {
      std::string key;
      std::string error;
      Object* value = constant_object(expr, &key, &error);
      if (value == nullptr) clear_exception();
      return value;
    }
    case ast::ExprKind::Tuple: {
      const auto* tuple = expr->as<ast::Tuple>();
      if (tuple->ctx != ast::ExprContext::Load) return nullptr;
      Ref result = Ref::steal(tuple_new_uninitialized(static_cast<std::int64_t>(tuple->elts.size())));
      if (!result) {
        clear_exception();
        return nullptr;
      }
      for (size_t i = 0; i < tuple->elts.size(); ++i) {
        Object* element = evaluate_constant(tuple->elts[i]);
        if (element == nullptr) {
          for (size_t j = i; j < tuple->elts.size(); ++j) as_tuple(result.get())->items[j] = new_ref(none());
          return nullptr;
        }
        as_tuple(result.get())->items[i] = element;
      }
      return result.release();
    }
    case ast::ExprKind::UnaryOp:
    case ast::ExprKind::BinOp:
      return fold_operation(expr);
    default:
      return nullptr;
  }
}

std::size_t int_bits(Object* value) {
  if (int_is_small(value)) {
    std::int64_t small = as_int(value)->small;
    std::uint64_t magnitude = small < 0 ? 0 - static_cast<std::uint64_t>(small) : static_cast<std::uint64_t>(small);
    return static_cast<std::size_t>(64 - std::countl_zero(magnitude));
  }
  return mpz_sizeinbase(&as_int(value)->big, 2);
}

bool is_plain_int(Object* value) { return type_of(value) == &int_type; }

std::int64_t sequence_size(Object* value) {
  if (is_str(value)) return as_str(value)->length;
  if (is_tuple(value)) return as_tuple(value)->size;
  return -1;
}

// CPython 3.11 ast_opt.c's safe_multiply / safe_power / safe_lshift / safe_mod.
constexpr std::size_t kMaxIntBits = 128;
constexpr std::int64_t kMaxSequenceSize = 4096;

bool fold_is_safe(Object* left, Object* right, BinaryOp op) {
  switch (op) {
    case BinaryOp::kMultiply: {
      if (is_plain_int(left) && is_plain_int(right)) return int_bits(left) + int_bits(right) <= kMaxIntBits;
      Object* count = is_plain_int(left) ? left : is_plain_int(right) ? right : nullptr;
      Object* sequence = count == left ? right : left;
      if (count == nullptr || sequence_size(sequence) < 0) return true;
      if (!int_is_small(count)) return false;
      std::int64_t n = as_int(count)->small;
      std::int64_t size = sequence_size(sequence);
      return n <= 0 || size == 0 || (n <= kMaxSequenceSize && size * n <= kMaxSequenceSize);
    }
    case BinaryOp::kPower:
      if (is_plain_int(left) && is_plain_int(right)) {
        if (!int_is_small(right)) return false;
        std::int64_t exponent = as_int(right)->small;
        if (exponent < 0) return true;
        std::size_t bits = int_bits(left);
        return bits == 0 || (exponent <= static_cast<std::int64_t>(kMaxIntBits) &&
                             bits * static_cast<std::size_t>(exponent) <= kMaxIntBits);
      }
      return true;
    case BinaryOp::kLshift:
      if (is_plain_int(left) && is_plain_int(right)) {
        if (!int_is_small(right)) return false;
        std::int64_t shift = as_int(right)->small;
        if (shift < 0 || shift > static_cast<std::int64_t>(kMaxIntBits)) return false;
        return int_bits(left) <= kMaxIntBits - static_cast<std::size_t>(shift);
      }
      return true;
    case BinaryOp::kRemainder:
      return !is_str(left);
    default:
      return true;
  }
}

BinaryOp to_binary_op(ast::BinaryOperator op) {
  switch (op) {
    case ast::BinaryOperator::Add: return BinaryOp::kAdd;
    case ast::BinaryOperator::Sub: return BinaryOp::kSubtract;
    case ast::BinaryOperator::Mult: return BinaryOp::kMultiply;
    case ast::BinaryOperator::MatMult: return BinaryOp::kMatrixMultiply;
    case ast::BinaryOperator::Div: return BinaryOp::kTrueDivide;
    case ast::BinaryOperator::Mod: return BinaryOp::kRemainder;
    case ast::BinaryOperator::Pow: return BinaryOp::kPower;
    case ast::BinaryOperator::LShift: return BinaryOp::kLshift;
    case ast::BinaryOperator::RShift: return BinaryOp::kRshift;
    case ast::BinaryOperator::BitOr: return BinaryOp::kOr;
    case ast::BinaryOperator::BitXor: return BinaryOp::kXor;
    case ast::BinaryOperator::BitAnd: return BinaryOp::kAnd;
    case ast::BinaryOperator::FloorDiv: return BinaryOp::kFloorDivide;
  }
  return BinaryOp::kAdd;
}

// The folded value of a unary or binary operation on constants, or nullptr (no exception set).
Object* fold_operation(const ast::Expr* expr) {
  if (expr->kind == ast::ExprKind::UnaryOp) {
    const auto* node = expr->as<ast::UnaryOp>();
    Ref operand = Ref::steal(evaluate_constant(node->operand));
    if (!operand) return nullptr;
    Object* result = nullptr;
    switch (node->op) {
      case ast::UnaryOperator::USub: result = unary_negative(operand.get()); break;
      case ast::UnaryOperator::UAdd: result = unary_positive(operand.get()); break;
      case ast::UnaryOperator::Invert: result = unary_invert(operand.get()); break;
      case ast::UnaryOperator::Not: {
        int truth = object_is_true(operand.get());
        result = truth < 0 ? nullptr : new_ref(bool_from(truth == 0));
        break;
      }
    }
    if (result == nullptr) clear_exception();
    return result;
  }
  if (expr->kind == ast::ExprKind::BinOp) {
    const auto* node = expr->as<ast::BinOp>();
    Ref left = Ref::steal(evaluate_constant(node->left));
    if (!left) return nullptr;
    Ref right = Ref::steal(evaluate_constant(node->right));
    if (!right) return nullptr;
    BinaryOp op = to_binary_op(node->op);
    if (!fold_is_safe(left.get(), right.get(), op)) return nullptr;
    Object* result = binary_op(left.get(), right.get(), op);
    if (result == nullptr) {
      clear_exception();
      return nullptr;
    }
    std::int64_t size = sequence_size(result);
    if (size > kMaxSequenceSize) {
      decref(result);
      return nullptr;
    }
    return result;
  }
  return nullptr;
}

Object* int_constant(const ast::Int* node, bool negate) {
  if (node->fits_int64) return int_from_int64(negate ? -node->value : node->value);
  mpz_t value;
  std::string digits(node->digits);
  mpz_init_set_str(value, digits.c_str(), node->base);
  if (negate) mpz_neg(value, value);
  Object* result = int_from_mpz(value);
  mpz_clear(value);
  return result;
}

Object* float_constant(double value, std::string* key) {
  Object* result = float_from_double(value);
  if (result != nullptr) *key = constant_key(result);
  return result;
}

}  // namespace

bool is_constant_expression(const ast::Expr* expr) {
  switch (expr->kind) {
    case ast::ExprKind::Constant:
    case ast::ExprKind::Int:
    case ast::ExprKind::Float:
    case ast::ExprKind::Str:
      return true;
    case ast::ExprKind::UnaryOp:
    case ast::ExprKind::BinOp: {
      Object* folded = fold_operation(expr);
      if (folded == nullptr) return false;
      decref(folded);
      return true;
    }
    case ast::ExprKind::Tuple: {
      const auto* tuple = expr->as<ast::Tuple>();
      if (tuple->ctx != ast::ExprContext::Load) return false;
      for (const ast::Expr* element : tuple->elts) {
        if (!is_constant_expression(element)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

bool constant_truth(const ast::Expr* expr) {
  switch (expr->kind) {
    case ast::ExprKind::Constant: {
      auto value = expr->as<ast::Constant>()->value;
      return value == ast::ConstantKind::True || value == ast::ConstantKind::Ellipsis;
    }
    case ast::ExprKind::Int: {
      const auto* node = expr->as<ast::Int>();
      return !node->fits_int64 || node->value != 0;
    }
    case ast::ExprKind::Float: return expr->as<ast::Float>()->value != 0.0;
    case ast::ExprKind::Str: return !expr->as<ast::Str>()->value.empty();
    case ast::ExprKind::UnaryOp:
    case ast::ExprKind::BinOp: {
      Object* folded = fold_operation(expr);
      if (folded == nullptr) return true;
      int truth = object_is_true(folded);
      decref(folded);
      if (truth < 0) clear_exception();
      return truth > 0;
    }
    case ast::ExprKind::Tuple: return !expr->as<ast::Tuple>()->elts.empty();
    default: return true;
  }
}

std::string constant_key(Object* constant) {
  if (is_str(constant)) return "s" + std::string(str_view(constant));
  if (constant == none()) return "N";
  if (constant == py_true()) return "T";
  if (constant == py_false()) return "F";
  if (type_of(constant) == &float_type) {
    double value = float_value(constant);
    std::uint64_t raw;
    std::memcpy(&raw, &value, sizeof raw);
    return "f" + std::to_string(raw);
  }
  if (is_tuple(constant)) {
    std::string key = "t(";
    auto* tuple = as_tuple(constant);
    for (std::int64_t i = 0; i < tuple->size; ++i) {
      std::string element = constant_key(tuple->items[i]);
      key += std::to_string(element.size()) + ":" + element + ",";
    }
    return key + ")";
  }
  // ints (and anything else): the type and the repr.
  std::string key = "r" + std::to_string(reinterpret_cast<std::uintptr_t>(type_of(constant))) + ":";
  Object* text = object_repr(constant);
  if (text == nullptr) {
    clear_exception();
    return key + std::to_string(reinterpret_cast<std::uintptr_t>(constant));
  }
  key += str_view(text);
  decref(text);
  return key;
}

Object* string_constant(std::string_view text) {
  return is_identifier_like(text) ? str_intern(text) : str_from_utf8(text);
}

Object* constant_object(const ast::Expr* expr, std::string* key, std::string* error) {
  switch (expr->kind) {
    case ast::ExprKind::Constant:
      switch (expr->as<ast::Constant>()->value) {
        case ast::ConstantKind::None: *key = constant_key(none()); return new_ref(none());
        case ast::ConstantKind::True: *key = constant_key(py_true()); return new_ref(py_true());
        case ast::ConstantKind::False: *key = constant_key(py_false()); return new_ref(py_false());
        case ast::ConstantKind::Ellipsis: *key = constant_key(ellipsis()); return new_ref(ellipsis());
      }
      return nullptr;
    case ast::ExprKind::Int: {
      Object* value = int_constant(expr->as<ast::Int>(), false);
      if (value != nullptr) *key = constant_key(value);
      return value;
    }
    case ast::ExprKind::Float:
      return float_constant(expr->as<ast::Float>()->value, key);
    case ast::ExprKind::Str: {
      const auto& text = expr->as<ast::Str>()->value;
      *key = "s" + text;
      return string_constant(text);
    }
    case ast::ExprKind::UnaryOp:
    case ast::ExprKind::BinOp: {
      Object* folded = fold_operation(expr);
      if (folded == nullptr) {
        *error = "not a constant";
        return nullptr;
      }
      *key = constant_key(folded);
      return folded;
    }
    case ast::ExprKind::Tuple:
      return constant_tuple(expr->as<ast::Tuple>()->elts, key, error);
    default:
      *error = "not a constant";
      return nullptr;
  }
}

Object* constant_tuple(ast::NodeList<ast::Expr> elements, std::string* key, std::string* error) {
  Ref result = Ref::steal(tuple_new_uninitialized(static_cast<std::int64_t>(elements.size())));
  if (!result) return nullptr;
  *key = "t(";
  for (size_t i = 0; i < elements.size(); ++i) {
    std::string element_key;
    Object* element = constant_object(elements[i], &element_key, error);
    if (element == nullptr) {
      // Fill the rest so that the tuple can be freed.
      for (size_t j = i; j < elements.size(); ++j) as_tuple(result.get())->items[j] = new_ref(none());
      return nullptr;
    }
    as_tuple(result.get())->items[i] = element;
    *key += std::to_string(element_key.size()) + ":" + element_key + ",";
  }
  *key += ")";
  return result.release();
}

}  // namespace stitch::bytecode
