// The type slots of classes. A slot whose dunder a class on the MRO defines (in a class dict) gets a
// generic dispatcher that looks the dunder up on type(self) and calls it, checking its result the
// way CPython does ("__bool__ should return bool, returned int"); the other slots come from the
// native base, so e.g. a list subclass keeps list's fast slots for what it does not override.
// Dispatchers look the method up at every call, so a later `C.__add__ = f` is honoured.
#include <string>
#include <vector>

#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/class_type.h"
#include "core/object/descriptors.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/function.h"
#include "core/object/int.h"
#include "core/object/operators.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/iterators.h"
#include "core/object/attributes.h"

namespace stitch {

NewSlot native_subtype_new(TypeObject* native);
InitSlot native_init(TypeObject* native);
void heap_instance_dealloc(Object* object);

namespace {

Object* interned(const char* name) { return str_intern(name); }

// Looks `name` up on type(self) and calls it with self prepended. *found is false (and nothing
// is raised) when the type has no such attribute.
Object* call_dunder(Object* self, const char* name, Object* const* args, std::size_t nargs, bool* found) {
  TypeObject* type = type_of(self);
  Ref attribute = Ref::steal(type_lookup(type, interned(name)));
  *found = static_cast<bool>(attribute);
  if (!attribute) return nullptr;
  if (is_function(attribute.get())) {
    std::vector<Object*> arguments;
    arguments.reserve(nargs + 1);
    arguments.push_back(self);
    arguments.insert(arguments.end(), args, args + nargs);
    return call_object(attribute.get(), arguments.data(), nargs + 1, nullptr);
  }
  Ref bound = Ref::steal(bind_attribute(attribute.get(), self, type));
  if (!bound) return nullptr;
  return call_object(bound.get(), args, nargs, nullptr);
}

// A dunder that must exist (the slot is only installed when it does).
Object* call_required(Object* self, const char* name, Object* const* args, std::size_t nargs) {
  bool found = false;
  Object* result = call_dunder(self, name, args, nargs, &found);
  if (!found && !has_exception()) {
    return raise_error(&attribute_error_type, std::string("'") + type_name(self) + "' object has no attribute '" + name + "'");
  }
  return result;
}

Object* call_or_not_implemented(Object* self, const char* name, Object* argument) {
  bool found = false;
  Object* result = call_dunder(self, name, &argument, 1, &found);
  if (!found && !has_exception()) return new_ref(not_implemented());
  return result;
}

Object* checked_text(Object* result, const char* dunder) {
  if (result == nullptr || is_str(result)) return result;
  std::string message = std::string(dunder) + " returned non-string (type " + type_name(result) + ")";
  decref(result);
  return raise_error(&type_error_type, message);
}

Object* slot_repr(Object* self) { return checked_text(call_required(self, "__repr__", nullptr, 0), "__repr__"); }
Object* slot_str(Object* self) { return checked_text(call_required(self, "__str__", nullptr, 0), "__str__"); }

Hash slot_hash(Object* self) {
  Ref result = Ref::steal(call_required(self, "__hash__", nullptr, 0));
  if (!result) return -1;
  if (!is_int(result.get())) {
    raise_error(&type_error_type, "__hash__ method should return an integer");
    return -1;
  }
  return object_hash(result.get());  // an int's hash folds big values as CPython does
}

const char* compare_dunder(CompareOp op) {
  switch (op) {
    case CompareOp::kLt: return "__lt__";
    case CompareOp::kLe: return "__le__";
    case CompareOp::kEq: return "__eq__";
    case CompareOp::kNe: return "__ne__";
    case CompareOp::kGt: return "__gt__";
    case CompareOp::kGe: return "__ge__";
  }
  return "__eq__";
}

Object* slot_rich_compare(Object* self, Object* other, CompareOp op) {
  return call_or_not_implemented(self, compare_dunder(op), other);
}

Object* missing_attribute(Object* self, Object* name) {
  (void)self;
  (void)name;
  return nullptr;  // object_getattr raises the standard message
}

// __getattribute__ (if a class defines it) or the generic lookup, then __getattr__ on a miss.
Object* slot_getattr(Object* self, Object* name) {
  Object* result = nullptr;
  if (heap_type_defines(type_of(self), "__getattribute__")) {
    result = call_required(self, "__getattribute__", &name, 1);
  } else {
    result = generic_getattr(self, name);
  }
  if (result != nullptr) return result;
  if (has_exception() && !exception_matches(&attribute_error_type)) return nullptr;
  if (!heap_type_defines(type_of(self), "__getattr__")) return missing_attribute(self, name);
  clear_exception();
  return call_required(self, "__getattr__", &name, 1);
}

int slot_setattr(Object* self, Object* name, Object* value) {
  Object* args[2] = {name, value};
  Ref result = Ref::steal(value != nullptr ? call_required(self, "__setattr__", args, 2)
                                           : call_required(self, "__delattr__", args, 1));
  return result ? 0 : -1;
}

Object* slot_call(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Ref attribute = Ref::steal(type_lookup(type_of(self), interned("__call__")));
  if (!attribute) {
    if (has_exception()) return nullptr;
    return raise_error(&type_error_type, std::string("'") + type_name(self) + "' object is not callable");
  }
  Ref bound = Ref::steal(bind_attribute(attribute.get(), self, type_of(self)));
  if (!bound) return nullptr;
  return call_object(bound.get(), args, nargs, kwnames);
}

Object* slot_iter(Object* self) { return call_required(self, "__iter__", nullptr, 0); }

Object* slot_iternext(Object* self) {
  Object* result = call_required(self, "__next__", nullptr, 0);
  if (result == nullptr && exception_matches(&stop_iteration_type)) clear_exception();
  return result;
}

std::int64_t slot_length(Object* self) {
  Ref result = Ref::steal(call_required(self, "__len__", nullptr, 0));
  if (!result) return -1;
  if (!is_int(result.get())) {
    raise_error(&type_error_type, std::string("'") + type_name(result.get()) + "' object cannot be interpreted as an integer");
    return -1;
  }
  if (!int_is_small(result.get())) {
    if (mpz_sgn(&as_int(result.get())->big) < 0) {
      raise_error(&value_error_type, "__len__() should return >= 0");
    } else {
      raise_error(&overflow_error_type, "cannot fit 'int' into an index-sized integer");
    }
    return -1;
  }
  std::int64_t length = as_int(result.get())->small;
  if (length < 0) {
    raise_error(&value_error_type, "__len__() should return >= 0");
    return -1;
  }
  return length;
}

int slot_is_true(Object* self) {
  Ref result = Ref::steal(call_required(self, "__bool__", nullptr, 0));
  if (!result) return -1;
  if (result.get() == py_true()) return 1;
  if (result.get() == py_false()) return 0;
  raise_error(&type_error_type, std::string("__bool__ should return bool, returned ") + type_name(result.get()));
  return -1;
}

Object* slot_getitem(Object* self, Object* key) { return call_required(self, "__getitem__", &key, 1); }

int slot_setitem(Object* self, Object* key, Object* value) {
  Object* args[2] = {key, value};
  const char* name = value != nullptr ? "__setitem__" : "__delitem__";
  bool found = false;
  Ref result = Ref::steal(call_dunder(self, name, args, value != nullptr ? 2 : 1, &found));
  if (!found && !has_exception()) {
    raise_error(&type_error_type, std::string("'") + type_name(self) +
                                      (value != nullptr ? "' object does not support item assignment"
                                                        : "' object doesn't support item deletion"));
  }
  return result ? 0 : -1;
}

// `x in obj`: __contains__, else iteration (__iter__ or the __getitem__ protocol), as CPython.
int slot_contains(Object* self, Object* item) {
  bool found = false;
  Ref result = Ref::steal(call_dunder(self, "__contains__", &item, 1, &found));
  if (found) return result ? object_is_true(result.get()) : -1;
  if (has_exception()) return -1;
  Ref iterator = Ref::steal(object_get_iter(self));
  if (!iterator) return -1;
  while (Ref element = Ref::steal(iter_next(iterator.get()))) {
    int equal = object_rich_compare_bool(element.get(), item, CompareOp::kEq);
    if (equal != 0) return equal;
  }
  return has_exception() ? -1 : 0;
}

Object* slot_negative(Object* self) { return call_required(self, "__neg__", nullptr, 0); }
Object* slot_positive(Object* self) { return call_required(self, "__pos__", nullptr, 0); }
Object* slot_invert(Object* self) { return call_required(self, "__invert__", nullptr, 0); }
Object* slot_absolute(Object* self) { return call_required(self, "__abs__", nullptr, 0); }
Object* slot_to_int(Object* self) { return call_required(self, "__int__", nullptr, 0); }
Object* slot_to_float(Object* self) { return call_required(self, "__float__", nullptr, 0); }
Object* slot_index(Object* self) { return call_required(self, "__index__", nullptr, 0); }

Object* slot_descr_get(Object* self, Object* instance, Object* owner) {
  Object* args[2] = {instance != nullptr ? instance : none(), owner != nullptr ? owner : none()};
  return call_required(self, "__get__", args, 2);
}

int slot_descr_set(Object* self, Object* instance, Object* value) {
  Object* args[2] = {instance, value};
  Ref result = Ref::steal(value != nullptr ? call_required(self, "__set__", args, 2)
                                           : call_required(self, "__delete__", args, 1));
  return result ? 0 : -1;
}

int slot_init(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Ref attribute = Ref::steal(type_lookup(type_of(self), interned("__init__")));
  if (!attribute) return has_exception() ? -1 : 0;
  Ref result;
  if (is_function(attribute.get())) {
    // The common case: call the function with self prepended (no bound method object).
    std::size_t keywords = kwnames != nullptr ? static_cast<std::size_t>(as_tuple(kwnames)->size) : 0;
    std::vector<Object*> arguments;
    arguments.reserve(nargs + keywords + 1);
    arguments.push_back(self);
    arguments.insert(arguments.end(), args, args + nargs + keywords);
    result = Ref::steal(call_object(attribute.get(), arguments.data(), nargs + 1, kwnames));
  } else {
    Ref bound = Ref::steal(bind_attribute(attribute.get(), self, type_of(self)));
    if (!bound) return -1;
    result = Ref::steal(call_object(bound.get(), args, nargs, kwnames));
  }
  if (!result) return -1;
  if (!is_none(result.get())) {
    raise_error(&type_error_type, std::string("__init__() should return None, not '") + type_name(result.get()) + "'");
    return -1;
  }
  return 0;
}

Object* slot_new(TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  Ref attribute = Ref::steal(type_lookup(type, interned("__new__")));
  if (!attribute) return has_exception() ? nullptr : raise_error(&type_error_type, "__new__ not found");
  Ref function = Ref::steal(bind_attribute(attribute.get(), nullptr, type));
  if (!function) return nullptr;
  std::size_t keywords = kwnames != nullptr ? static_cast<std::size_t>(as_tuple(kwnames)->size) : 0;
  std::vector<Object*> arguments;
  arguments.push_back(type);
  arguments.insert(arguments.end(), args, args + nargs + keywords);
  return call_object(function.get(), arguments.data(), nargs + 1, kwnames);
}

// ---- binary operators: __add__ on the left operand, __radd__ on the right (CPython's SLOT1BINFULL)

struct BinaryDunders {
  const char* name;
  const char* reflected;
  const char* inplace;
};

BinaryDunders dunders_of(BinaryOp op) {
  switch (op) {
    case BinaryOp::kAdd: return {"__add__", "__radd__", "__iadd__"};
    case BinaryOp::kSubtract: return {"__sub__", "__rsub__", "__isub__"};
    case BinaryOp::kMultiply: return {"__mul__", "__rmul__", "__imul__"};
    case BinaryOp::kTrueDivide: return {"__truediv__", "__rtruediv__", "__itruediv__"};
    case BinaryOp::kFloorDivide: return {"__floordiv__", "__rfloordiv__", "__ifloordiv__"};
    case BinaryOp::kRemainder: return {"__mod__", "__rmod__", "__imod__"};
    case BinaryOp::kPower: return {"__pow__", "__rpow__", "__ipow__"};
    case BinaryOp::kLshift: return {"__lshift__", "__rlshift__", "__ilshift__"};
    case BinaryOp::kRshift: return {"__rshift__", "__rrshift__", "__irshift__"};
    case BinaryOp::kAnd: return {"__and__", "__rand__", "__iand__"};
    case BinaryOp::kOr: return {"__or__", "__ror__", "__ior__"};
    case BinaryOp::kXor: return {"__xor__", "__rxor__", "__ixor__"};
    case BinaryOp::kMatrixMultiply: return {"__matmul__", "__rmatmul__", "__imatmul__"};
  }
  return {"", "", ""};
}

BinarySlot NumberSlots::*binary_field(BinaryOp op) {
  switch (op) {
    case BinaryOp::kAdd: return &NumberSlots::add;
    case BinaryOp::kSubtract: return &NumberSlots::subtract;
    case BinaryOp::kMultiply: return &NumberSlots::multiply;
    case BinaryOp::kTrueDivide: return &NumberSlots::true_divide;
    case BinaryOp::kFloorDivide: return &NumberSlots::floor_divide;
    case BinaryOp::kRemainder: return &NumberSlots::remainder;
    case BinaryOp::kLshift: return &NumberSlots::lshift;
    case BinaryOp::kRshift: return &NumberSlots::rshift;
    case BinaryOp::kAnd: return &NumberSlots::bit_and;
    case BinaryOp::kOr: return &NumberSlots::bit_or;
    case BinaryOp::kXor: return &NumberSlots::bit_xor;
    case BinaryOp::kMatrixMultiply: return &NumberSlots::matrix_multiply;
    case BinaryOp::kPower: return nullptr;
  }
  return nullptr;
}

BinarySlot NumberSlots::*inplace_field(BinaryOp op) {
  switch (op) {
    case BinaryOp::kAdd: return &NumberSlots::inplace_add;
    case BinaryOp::kSubtract: return &NumberSlots::inplace_subtract;
    case BinaryOp::kMultiply: return &NumberSlots::inplace_multiply;
    case BinaryOp::kTrueDivide: return &NumberSlots::inplace_true_divide;
    case BinaryOp::kFloorDivide: return &NumberSlots::inplace_floor_divide;
    case BinaryOp::kRemainder: return &NumberSlots::inplace_remainder;
    case BinaryOp::kPower: return &NumberSlots::inplace_power;
    case BinaryOp::kLshift: return &NumberSlots::inplace_lshift;
    case BinaryOp::kRshift: return &NumberSlots::inplace_rshift;
    case BinaryOp::kAnd: return &NumberSlots::inplace_and;
    case BinaryOp::kOr: return &NumberSlots::inplace_or;
    case BinaryOp::kXor: return &NumberSlots::inplace_xor;
    case BinaryOp::kMatrixMultiply: return &NumberSlots::inplace_matrix_multiply;
  }
  return nullptr;
}

// `uses_dispatcher(type)` says whether type's slot for this operator is this very dispatcher.
Object* binary_dispatch(Object* left, Object* right, BinaryDunders names, bool (*uses_dispatcher)(TypeObject*)) {
  TypeObject* left_type = type_of(left);
  TypeObject* right_type = type_of(right);
  bool do_other = left_type != right_type && uses_dispatcher(right_type);
  if (uses_dispatcher(left_type)) {
    if (do_other && is_subtype(right_type, left_type)) {
      Object* result = call_or_not_implemented(right, names.reflected, left);
      if (result != not_implemented()) return result;
      decref(result);
      do_other = false;
    }
    Object* result = call_or_not_implemented(left, names.name, right);
    if (result != not_implemented() || left_type == right_type) return result;
    decref(result);
  }
  if (do_other) return call_or_not_implemented(right, names.reflected, left);
  return new_ref(not_implemented());
}

template <BinaryOp op>
Object* slot_binary(Object* left, Object* right);

template <BinaryOp op>
bool uses_binary_dispatcher(TypeObject* type) {
  return type->number.*binary_field(op) == &slot_binary<op>;
}

template <BinaryOp op>
Object* slot_binary(Object* left, Object* right) {
  return binary_dispatch(left, right, dunders_of(op), &uses_binary_dispatcher<op>);
}

Object* slot_power(Object* left, Object* right, Object* modulus);
bool uses_power_dispatcher(TypeObject* type) { return type->number.power == &slot_power; }
Object* slot_power(Object* left, Object* right, Object*) {
  return binary_dispatch(left, right, dunders_of(BinaryOp::kPower), &uses_power_dispatcher);
}

Object* slot_divmod(Object* left, Object* right);
bool uses_divmod_dispatcher(TypeObject* type) { return type->number.divmod == &slot_divmod; }
Object* slot_divmod(Object* left, Object* right) {
  return binary_dispatch(left, right, {"__divmod__", "__rdivmod__", ""}, &uses_divmod_dispatcher);
}

template <BinaryOp op>
Object* slot_inplace(Object* left, Object* right) {
  return call_or_not_implemented(left, dunders_of(op).inplace, right);
}

template <BinaryOp op>
void install_binary(HeapTypeObject* type, TypeObject* native) {
  BinaryDunders names = dunders_of(op);
  if (op == BinaryOp::kPower) {
    bool defines = heap_type_defines(type, names.name) || heap_type_defines(type, names.reflected);
    type->number.power = defines ? &slot_power : native->number.power;
  } else {
    BinarySlot NumberSlots::*field = binary_field(op);
    bool defines = heap_type_defines(type, names.name) || heap_type_defines(type, names.reflected);
    type->number.*field = defines ? &slot_binary<op> : native->number.*field;
  }
  BinarySlot NumberSlots::*inplace = inplace_field(op);
  type->number.*inplace = heap_type_defines(type, names.inplace) ? &slot_inplace<op> : native->number.*inplace;
}

template <class Slot>
void choose(Slot& slot, HeapTypeObject* type, const char* dunder, Slot dispatcher, Slot inherited) {
  slot = heap_type_defines(type, dunder) ? dispatcher : inherited;
}

}  // namespace

void install_class_slots(HeapTypeObject* type) {
  TypeObject* native = type->native_base;
  type->dealloc = heap_instance_dealloc;
  choose(type->repr, type, "__repr__", &slot_repr, native->repr != nullptr ? native->repr : &object_default_repr);
  choose(type->str, type, "__str__", &slot_str, native->str);
  type->hash = native->hash;
  if (heap_type_defines(type, "__hash__")) {
    Ref hash = Ref::steal(type_lookup(type, interned("__hash__")));
    type->hash = hash && is_none(hash.get()) ? nullptr : &slot_hash;
  }
  clear_exception();
  bool compares = false;
  for (CompareOp op : {CompareOp::kLt, CompareOp::kLe, CompareOp::kEq, CompareOp::kNe, CompareOp::kGt, CompareOp::kGe}) {
    compares = compares || heap_type_defines(type, compare_dunder(op));
  }
  type->rich_compare = compares ? &slot_rich_compare : native->rich_compare;
  bool custom_getattr = heap_type_defines(type, "__getattr__") || heap_type_defines(type, "__getattribute__");
  // A metaclass's instances are classes: their attributes are found and set as type's are.
  bool is_metaclass = native == &type_type;
  type->getattr = custom_getattr ? &slot_getattr : is_metaclass ? &type_getattr : &generic_getattr;
  bool custom_setattr = heap_type_defines(type, "__setattr__") || heap_type_defines(type, "__delattr__");
  type->setattr = custom_setattr ? &slot_setattr : is_metaclass ? &type_setattr : &generic_setattr;
  choose(type->call, type, "__call__", &slot_call, native->call);
  choose(type->iter, type, "__iter__", &slot_iter, native->iter);
  choose(type->iternext, type, "__next__", &slot_iternext, native->iternext);
  choose(type->descr_get, type, "__get__", &slot_descr_get, native->descr_get);
  bool sets = heap_type_defines(type, "__set__") || heap_type_defines(type, "__delete__");
  type->descr_set = sets ? &slot_descr_set : native->descr_set;
  choose(type->init, type, "__init__", &slot_init, native_init(native));
  choose(type->new_instance, type, "__new__", &slot_new, native_subtype_new(native));
  choose(type->length, type, "__len__", &slot_length, native->length);
  choose(type->getitem, type, "__getitem__", &slot_getitem, native->getitem);
  bool stores = heap_type_defines(type, "__setitem__") || heap_type_defines(type, "__delitem__");
  type->setitem = stores ? &slot_setitem : native->setitem;
  bool contains = heap_type_defines(type, "__contains__") || heap_type_defines(type, "__iter__") ||
                  heap_type_defines(type, "__getitem__");
  type->contains = contains ? &slot_contains : native->contains;

  type->number = native->number;
  install_binary<BinaryOp::kAdd>(type, native);
  install_binary<BinaryOp::kSubtract>(type, native);
  install_binary<BinaryOp::kMultiply>(type, native);
  install_binary<BinaryOp::kTrueDivide>(type, native);
  install_binary<BinaryOp::kFloorDivide>(type, native);
  install_binary<BinaryOp::kRemainder>(type, native);
  install_binary<BinaryOp::kPower>(type, native);
  install_binary<BinaryOp::kLshift>(type, native);
  install_binary<BinaryOp::kRshift>(type, native);
  install_binary<BinaryOp::kAnd>(type, native);
  install_binary<BinaryOp::kOr>(type, native);
  install_binary<BinaryOp::kXor>(type, native);
  install_binary<BinaryOp::kMatrixMultiply>(type, native);
  bool divides = heap_type_defines(type, "__divmod__") || heap_type_defines(type, "__rdivmod__");
  type->number.divmod = divides ? &slot_divmod : native->number.divmod;
  choose(type->number.negative, type, "__neg__", &slot_negative, native->number.negative);
  choose(type->number.positive, type, "__pos__", &slot_positive, native->number.positive);
  choose(type->number.invert, type, "__invert__", &slot_invert, native->number.invert);
  choose(type->number.absolute, type, "__abs__", &slot_absolute, native->number.absolute);
  choose(type->number.is_true, type, "__bool__", &slot_is_true, native->number.is_true);
  choose(type->number.to_int, type, "__int__", &slot_to_int, native->number.to_int);
  choose(type->number.to_float, type, "__float__", &slot_to_float, native->number.to_float);
  choose(type->number.index, type, "__index__", &slot_index, native->number.index);
  type->sequence_concat = native->sequence_concat;
  type->sequence_repeat = native->sequence_repeat;
  type->sequence_inplace_concat = native->sequence_inplace_concat;
  type->sequence_inplace_repeat = native->sequence_inplace_repeat;
}

Object* call_special_method(Object* self, const char* name, Object* const* args, std::size_t nargs, bool* found) {
  return call_dunder(self, name, args, nargs, found);
}

/// format(value, spec) for instances of classes: __format__ if a class defines it, else the native
/// base's formatting (int and float subclasses), else str() for an empty spec.
Object* class_instance_format(Object* value, Object* spec, bool* handled) {
  *handled = heap_type_defines(type_of(value), "__format__");
  if (!*handled) return nullptr;
  return call_required(value, "__format__", &spec, 1);
}

}  // namespace stitch
