#include "core/object/int.h"

#include <array>

#include "core/object/alloc.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/exceptions.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/text/int_text.h"
#include "core/text/numeric_hash.h"

namespace stitch {

TypeObject int_type;

namespace {

std::array<IntObject, kSmallIntMax - kSmallIntMin + 1> small_ints;

text::IntRef int_ref(const Object* object) {
  const auto* value = static_cast<const IntObject*>(object);
  if (value->big._mp_d == nullptr) return text::IntRef(value->small);
  return text::IntRef(&value->big);
}

void int_dealloc(Object* object) {
  IntObject* value = as_int(object);
  if (value->big._mp_d != nullptr) mpz_clear(&value->big);
  free_object_memory(object);
}

Object* int_repr(Object* object) {
  auto digits = text::int_to_decimal(int_ref(object));
  if (!digits) return raise_error(&value_error_type, digits.error().message);
  return str_from_utf8(*digits);
}

Hash int_hash(Object* object) {
  const auto* value = static_cast<const IntObject*>(object);
  if (value->big._mp_d == nullptr) return text::hash_int64(value->small);
  return text::hash_mpz(&value->big);
}

int int_compare(const Object* a, const Object* b) {
  const auto* x = static_cast<const IntObject*>(a);
  const auto* y = static_cast<const IntObject*>(b);
  bool x_small = x->big._mp_d == nullptr;
  bool y_small = y->big._mp_d == nullptr;
  if (x_small && y_small) return (x->small > y->small) - (x->small < y->small);
  // Normalized: a big value is outside int64, so it is beyond any small one.
  if (x_small) return -mpz_sgn(&y->big);
  if (y_small) return mpz_sgn(&x->big);
  return mpz_cmp(&x->big, &y->big);
}

Object* int_rich_compare(Object* left, Object* right, CompareOp op) {
  if (!is_int(right)) return new_ref(not_implemented());
  int order = int_compare(left, right);
  bool result = false;
  switch (op) {
    case CompareOp::kLt: result = order < 0; break;
    case CompareOp::kLe: result = order <= 0; break;
    case CompareOp::kEq: result = order == 0; break;
    case CompareOp::kNe: result = order != 0; break;
    case CompareOp::kGt: result = order > 0; break;
    case CompareOp::kGe: result = order >= 0; break;
  }
  return bool_from(result);
}

int int_is_true(Object* object) {
  const auto* value = static_cast<const IntObject*>(object);
  return value->big._mp_d != nullptr || value->small != 0;
}

void init_int_header(IntObject& object, TypeObject* type, std::int64_t value) {
  object.header.type = type;
  rc::make_immortal(&object.header);
  object.small = value;
  object.big = __mpz_struct{};
}

}  // namespace

bool is_int(const Object* object) {
  return type_has_flag(type_of(object), type_flags::kIntSubclass);
}

Object* int_from_int64(std::int64_t value) {
  if (value >= kSmallIntMin && value <= kSmallIntMax) return &small_ints[value - kSmallIntMin];
  auto* object = allocate<IntObject>(&int_type);
  if (object == nullptr) return nullptr;
  object->small = value;
  object->big = __mpz_struct{};
  return object;
}

Object* int_from_mpz(mpz_srcptr value) {
  if (mpz_fits_slong_p(value)) return int_from_int64(mpz_get_si(value));
  auto* object = allocate<IntObject>(&int_type);
  if (object == nullptr) return nullptr;
  object->small = 0;
  mpz_init_set(&object->big, value);
  return object;
}

void init_int_type() {
  init_static_type(int_type, "int", sizeof(IntObject), &object_type,
                   type_flags::kBaseType | type_flags::kIntSubclass);
  int_type.dealloc = int_dealloc;
  int_type.repr = int_repr;
  int_type.hash = int_hash;
  int_type.rich_compare = int_rich_compare;
  int_type.number.is_true = int_is_true;
  for (std::int64_t v = kSmallIntMin; v <= kSmallIntMax; ++v) {
    init_int_header(small_ints[v - kSmallIntMin], &int_type, v);
  }
}

TypeObject bool_type;
IntObject true_object;
IntObject false_object;

namespace {
Object* bool_repr(Object* object) { return str_intern(object == py_true() ? "True" : "False"); }
}  // namespace

void init_bool_type() {
  init_static_type(bool_type, "bool", sizeof(IntObject), &int_type, type_flags::kIntSubclass);
  bool_type.dealloc = int_dealloc;
  bool_type.repr = bool_repr;
  bool_type.hash = int_hash;
  bool_type.rich_compare = int_rich_compare;
  bool_type.number.is_true = int_is_true;
  init_int_header(true_object, &bool_type, 1);
  init_int_header(false_object, &bool_type, 0);
}

}  // namespace stitch
