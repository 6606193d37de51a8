#include "core/object/protocol.h"

#include <string>

#include "core/object/bool.h"
#include "core/object/class_type.h"
#include "core/object/exceptions.h"
#include "core/object/singletons.h"
#include "core/object/str.h"

namespace stitch {

namespace {

CompareOp reflected(CompareOp op) {
  switch (op) {
    case CompareOp::kLt: return CompareOp::kGt;
    case CompareOp::kLe: return CompareOp::kGe;
    case CompareOp::kEq: return CompareOp::kEq;
    case CompareOp::kNe: return CompareOp::kNe;
    case CompareOp::kGt: return CompareOp::kLt;
    case CompareOp::kGe: return CompareOp::kLe;
  }
  return op;
}

const char* operator_text(CompareOp op) {
  switch (op) {
    case CompareOp::kLt: return "<";
    case CompareOp::kLe: return "<=";
    case CompareOp::kEq: return "==";
    case CompareOp::kNe: return "!=";
    case CompareOp::kGt: return ">";
    case CompareOp::kGe: return ">=";
  }
  return "?";
}

}  // namespace

const char* type_name(const Object* object) { return type_of(object)->name; }

Object* object_repr(Object* object) {
  TypeObject* type = type_of(object);
  if (type->repr != nullptr) return type->repr(object);
  return str_from_utf8(std::string("<") + type->name + " object>");
}

Object* object_str(Object* object) {
  TypeObject* type = type_of(object);
  if (type->str != nullptr) return type->str(object);
  return object_repr(object);
}

Hash object_hash(Object* object) {
  TypeObject* type = type_of(object);
  if (type->hash != nullptr) return type->hash(object);
  std::string name = !is_heap_type(type) && type->module_name != nullptr ? type_qualified_name(type) : type->name;
  raise_error(&type_error_type, "unhashable type: '" + name + "'");
  return -1;
}

Object* object_rich_compare(Object* left, Object* right, CompareOp op) {
  TypeObject* left_type = type_of(left);
  TypeObject* right_type = type_of(right);
  bool right_first = left_type != right_type && is_subtype(right_type, left_type) &&
                     right_type->rich_compare != nullptr;
  if (right_first) {
    Object* result = right_type->rich_compare(right, left, reflected(op));
    if (result != not_implemented()) return result;
    decref(result);
  }
  if (left_type->rich_compare != nullptr) {
    Object* result = left_type->rich_compare(left, right, op);
    if (result == nullptr || result != not_implemented()) return result;
    decref(result);
  }
  if (!right_first && right_type->rich_compare != nullptr) {
    Object* result = right_type->rich_compare(right, left, reflected(op));
    if (result == nullptr || result != not_implemented()) return result;
    decref(result);
  }
  if (op == CompareOp::kEq) return bool_from(left == right);
  if (op == CompareOp::kNe) return bool_from(left != right);
  return raise_error(&type_error_type, std::string("'") + operator_text(op) +
                                           "' not supported between instances of '" +
                                           left_type->name + "' and '" + right_type->name + "'");
}

int object_rich_compare_bool(Object* left, Object* right, CompareOp op) {
  if (left == right) {
    if (op == CompareOp::kEq) return 1;
    if (op == CompareOp::kNe) return 0;
  }
  Object* result = object_rich_compare(left, right, op);
  if (result == nullptr) return -1;
  int truth = result == py_true() ? 1 : result == py_false() ? 0 : object_is_true(result);
  decref(result);
  return truth;
}

int object_is_true(Object* object) {
  if (object == py_true()) return 1;
  if (object == py_false() || is_none(object)) return 0;
  TypeObject* type = type_of(object);
  if (type->number.is_true != nullptr) return type->number.is_true(object);
  if (type->length != nullptr) {
    std::int64_t length = type->length(object);
    return length < 0 ? -1 : length > 0;
  }
  return 1;
}

}  // namespace stitch
