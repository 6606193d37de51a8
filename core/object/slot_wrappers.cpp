// Slot wrappers: a builtin type's slot seen as a dunder method, so that Python code can call
// object.__init__(self), super().__repr__(), list.__getitem__(xs, 0) or int.__add__(a, b). Each
// wrapper runs the slot of the type that owns it (not type(self)'s, which may be a class that
// overrides the dunder and would recurse).
#include <cstdio>
#include <string>
#include <vector>

#include "core/object/alloc.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/class_type.h"
#include "core/object/descriptors.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/iterators.h"
#include "core/object/operators.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch {

TypeObject slot_wrapper_type;

NewSlot native_subtype_new(TypeObject* native);
InitSlot native_init(TypeObject* native);

enum class WrapperKind : std::uint8_t {
  kInit, kNew, kRepr, kStr, kHash, kCompare, kGetattribute, kSetattr, kDelattr, kLen, kGetitem,
  kSetitem, kDelitem, kContains, kIter, kNext, kBinary, kReflected, kCall, kFormat, kInitSubclass,
  kUnary, kBool,
};

struct SlotWrapperDef {
  const char* name;
  WrapperKind kind;
  int op;  // CompareOp, BinaryOp, or UnaryField
};

namespace {

const SlotWrapperDef kWrappers[] = {
    {"__init__", WrapperKind::kInit, 0},
    {"__new__", WrapperKind::kNew, 0},
    {"__repr__", WrapperKind::kRepr, 0},
    {"__str__", WrapperKind::kStr, 0},
    {"__hash__", WrapperKind::kHash, 0},
    {"__lt__", WrapperKind::kCompare, static_cast<int>(CompareOp::kLt)},
    {"__le__", WrapperKind::kCompare, static_cast<int>(CompareOp::kLe)},
    {"__eq__", WrapperKind::kCompare, static_cast<int>(CompareOp::kEq)},
    {"__ne__", WrapperKind::kCompare, static_cast<int>(CompareOp::kNe)},
    {"__gt__", WrapperKind::kCompare, static_cast<int>(CompareOp::kGt)},
    {"__ge__", WrapperKind::kCompare, static_cast<int>(CompareOp::kGe)},
    {"__getattribute__", WrapperKind::kGetattribute, 0},
    {"__setattr__", WrapperKind::kSetattr, 0},
    {"__delattr__", WrapperKind::kDelattr, 0},
    {"__len__", WrapperKind::kLen, 0},
    {"__getitem__", WrapperKind::kGetitem, 0},
    {"__setitem__", WrapperKind::kSetitem, 0},
    {"__delitem__", WrapperKind::kDelitem, 0},
    {"__contains__", WrapperKind::kContains, 0},
    {"__iter__", WrapperKind::kIter, 0},
    {"__next__", WrapperKind::kNext, 0},
    {"__call__", WrapperKind::kCall, 0},
    {"__format__", WrapperKind::kFormat, 0},
    {"__init_subclass__", WrapperKind::kInitSubclass, 0},
    {"__add__", WrapperKind::kBinary, static_cast<int>(BinaryOp::kAdd)},
    {"__radd__", WrapperKind::kReflected, static_cast<int>(BinaryOp::kAdd)},
    {"__sub__", WrapperKind::kBinary, static_cast<int>(BinaryOp::kSubtract)},
    {"__rsub__", WrapperKind::kReflected, static_cast<int>(BinaryOp::kSubtract)},
    {"__mul__", WrapperKind::kBinary, static_cast<int>(BinaryOp::kMultiply)},
    {"__rmul__", WrapperKind::kReflected, static_cast<int>(BinaryOp::kMultiply)},
    {"__truediv__", WrapperKind::kBinary, static_cast<int>(BinaryOp::kTrueDivide)},
    {"__floordiv__", WrapperKind::kBinary, static_cast<int>(BinaryOp::kFloorDivide)},
    {"__mod__", WrapperKind::kBinary, static_cast<int>(BinaryOp::kRemainder)},
    {"__rtruediv__", WrapperKind::kReflected, static_cast<int>(BinaryOp::kTrueDivide)},
    {"__rfloordiv__", WrapperKind::kReflected, static_cast<int>(BinaryOp::kFloorDivide)},
    {"__rmod__", WrapperKind::kReflected, static_cast<int>(BinaryOp::kRemainder)},
    {"__lshift__", WrapperKind::kBinary, static_cast<int>(BinaryOp::kLshift)},
    {"__rlshift__", WrapperKind::kReflected, static_cast<int>(BinaryOp::kLshift)},
    {"__rshift__", WrapperKind::kBinary, static_cast<int>(BinaryOp::kRshift)},
    {"__rrshift__", WrapperKind::kReflected, static_cast<int>(BinaryOp::kRshift)},
    {"__and__", WrapperKind::kBinary, static_cast<int>(BinaryOp::kAnd)},
    {"__rand__", WrapperKind::kReflected, static_cast<int>(BinaryOp::kAnd)},
    {"__or__", WrapperKind::kBinary, static_cast<int>(BinaryOp::kOr)},
    {"__ror__", WrapperKind::kReflected, static_cast<int>(BinaryOp::kOr)},
    {"__xor__", WrapperKind::kBinary, static_cast<int>(BinaryOp::kXor)},
    {"__rxor__", WrapperKind::kReflected, static_cast<int>(BinaryOp::kXor)},
    {"__neg__", WrapperKind::kUnary, 0},
    {"__pos__", WrapperKind::kUnary, 1},
    {"__abs__", WrapperKind::kUnary, 2},
    {"__invert__", WrapperKind::kUnary, 3},
    {"__int__", WrapperKind::kUnary, 4},
    {"__float__", WrapperKind::kUnary, 5},
    {"__index__", WrapperKind::kUnary, 6},
    {"__bool__", WrapperKind::kBool, 0},
};

// The unary number slots, in the order of the kUnary entries' `op`.
UnarySlot NumberSlots::*unary_field(int index) {
  static constexpr UnarySlot NumberSlots::*kFields[] = {
      &NumberSlots::negative, &NumberSlots::positive, &NumberSlots::absolute, &NumberSlots::invert,
      &NumberSlots::to_int,   &NumberSlots::to_float, &NumberSlots::index,
  };
  return kFields[index];
}

BinarySlot NumberSlots::*number_field(BinaryOp op) {
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
    default: return nullptr;
  }
}

// A builtin type "defines" a dunder when it has the slot and does not merely inherit it.
template <class Slot>
bool own_slot(TypeObject* owner, Slot TypeObject::*slot) {
  return owner->*slot != nullptr && (owner->base == nullptr || owner->base->*slot != owner->*slot);
}

bool is_present(TypeObject* owner, const SlotWrapperDef& def) {
  bool is_object = owner == &object_type;
  switch (def.kind) {
    case WrapperKind::kInit:
      return is_object || (native_init(owner) != object_init &&
                           (owner->base == nullptr || native_init(owner->base) != native_init(owner)));
    case WrapperKind::kNew: return own_slot(owner, &TypeObject::new_instance);
    case WrapperKind::kRepr: return is_object || own_slot(owner, &TypeObject::repr);
    case WrapperKind::kStr: return is_object || own_slot(owner, &TypeObject::str);
    case WrapperKind::kHash:
    case WrapperKind::kGetattribute:
    case WrapperKind::kSetattr:
    case WrapperKind::kDelattr:
    case WrapperKind::kFormat:
    case WrapperKind::kInitSubclass: return is_object;
    case WrapperKind::kCompare: return is_object || own_slot(owner, &TypeObject::rich_compare);
    case WrapperKind::kLen: return own_slot(owner, &TypeObject::length);
    case WrapperKind::kGetitem: return own_slot(owner, &TypeObject::getitem);
    case WrapperKind::kSetitem:
    case WrapperKind::kDelitem: return own_slot(owner, &TypeObject::setitem);
    case WrapperKind::kContains: return own_slot(owner, &TypeObject::contains);
    case WrapperKind::kIter: return own_slot(owner, &TypeObject::iter);
    case WrapperKind::kNext: return own_slot(owner, &TypeObject::iternext);
    case WrapperKind::kCall: return own_slot(owner, &TypeObject::call);
    case WrapperKind::kUnary: {
      UnarySlot NumberSlots::*field = unary_field(def.op);
      return owner->number.*field != nullptr &&
             (owner->base == nullptr || owner->base->number.*field != owner->number.*field);
    }
    case WrapperKind::kBool:
      return owner->number.is_true != nullptr &&
             (owner->base == nullptr || owner->base->number.is_true != owner->number.is_true);
    case WrapperKind::kBinary:
    case WrapperKind::kReflected: {
      BinarySlot NumberSlots::*field = number_field(static_cast<BinaryOp>(def.op));
      return owner->number.*field != nullptr &&
             (owner->base == nullptr || owner->base->number.*field != owner->number.*field);
    }
  }
  return false;
}

SlotWrapperObject* as_wrapper(Object* object) { return static_cast<SlotWrapperObject*>(object); }

Object* wrapper_new(TypeObject* owner, const SlotWrapperDef* definition, Object* self) {
  auto* wrapper = allocate<SlotWrapperObject>(&slot_wrapper_type);
  if (wrapper == nullptr) return nullptr;
  wrapper->owner = owner;
  wrapper->definition = definition;
  wrapper->self = self;
  xincref(self);
  return wrapper;
}

void wrapper_dealloc(Object* object) {
  xdecref(as_wrapper(object)->self);
  free_object_memory(object);
}

bool is_static_kind(WrapperKind kind) { return kind == WrapperKind::kNew || kind == WrapperKind::kInitSubclass; }

Object* wrapper_get(Object* descriptor, Object* instance, Object*) {
  SlotWrapperObject* wrapper = as_wrapper(descriptor);
  if (instance == nullptr || wrapper->self != nullptr || is_static_kind(wrapper->definition->kind)) {
    return new_ref(descriptor);
  }
  return wrapper_new(wrapper->owner, wrapper->definition, instance);
}

Object* wrapper_repr(Object* object) {
  SlotWrapperObject* wrapper = as_wrapper(object);
  if (wrapper->self == nullptr) {
    return str_from_utf8(std::string("<slot wrapper '") + wrapper->definition->name + "' of '" +
                         wrapper->owner->name + "' objects>");
  }
  char address[32];
  std::snprintf(address, sizeof(address), "%p", static_cast<void*>(wrapper->self));
  return str_from_utf8(std::string("<method-wrapper '") + wrapper->definition->name + "' of " +
                       type_name(wrapper->self) + " object at " + address + ">");
}

Object* arity_error(const SlotWrapperDef* def, std::size_t expected, std::size_t given) {
  return raise_error(&type_error_type, std::string("expected ") + std::to_string(expected) + " argument" +
                                           (expected == 1 ? "" : "s") + ", got " + std::to_string(given) +
                                           (def != nullptr ? "" : ""));
}

Object* none_or_null(int status) { return status < 0 ? nullptr : new_ref(none()); }

Object* object_compare(Object* self, Object* other, CompareOp op) {
  if (op == CompareOp::kEq) return new_ref(self == other ? py_true() : not_implemented());
  if (op == CompareOp::kNe) {
    RichCompareSlot compare = type_of(self)->rich_compare;
    Object* equal = compare != nullptr ? compare(self, other, CompareOp::kEq)
                                       : new_ref(self == other ? py_true() : not_implemented());
    if (equal == nullptr || equal == not_implemented()) return equal;
    int truth = object_is_true(equal);
    decref(equal);
    return truth < 0 ? nullptr : new_ref(bool_from(truth == 0));
  }
  return new_ref(not_implemented());
}

Object* run_wrapper(TypeObject* owner, const SlotWrapperDef* def, Object* self, Object* const* args,
                    std::size_t nargs, Object* kwnames) {
  auto need = [&](std::size_t count) -> bool {
    if (nargs == count && kwnames == nullptr) return true;
    arity_error(def, count, nargs);
    return false;
  };
  switch (def->kind) {
    case WrapperKind::kInit: return none_or_null(native_init(owner)(self, args, nargs, kwnames));
    case WrapperKind::kNew: {
      if (!is_type(self)) {
        return raise_error(&type_error_type, std::string(owner->name) + ".__new__(X): X is not a type object (" +
                                                 type_name(self) + ")");
      }
      auto* cls = static_cast<TypeObject*>(self);
      TypeObject* native = is_heap_type(cls) ? as_heap_type(cls)->native_base : cls;
      if (!is_subtype(cls, owner)) {
        return raise_error(&type_error_type, std::string(owner->name) + ".__new__(" + cls->name + "): " + cls->name +
                                                 " is not a subtype of " + owner->name);
      }
      if (native->new_instance != owner->new_instance) {
        return raise_error(&type_error_type, std::string(owner->name) + ".__new__(" + cls->name + ") is not safe, use " +
                                                 native->name + ".__new__()");
      }
      NewSlot make = owner == &object_type ? object_new
                     : is_heap_type(cls)   ? native_subtype_new(owner)
                                           : owner->new_instance;
      if (make == nullptr) make = owner->new_instance;
      return make(cls, args, nargs, kwnames);
    }
    case WrapperKind::kRepr:
      if (!need(0)) return nullptr;
      return owner->repr != nullptr ? owner->repr(self) : object_default_repr(self);
    case WrapperKind::kStr:
      if (!need(0)) return nullptr;
      return owner == &object_type || owner->str == nullptr ? object_repr(self) : owner->str(self);
    case WrapperKind::kHash: {
      if (!need(0)) return nullptr;
      Hash hash = object_type.hash(self);
      return hash == -1 ? nullptr : int_from_int64(hash);
    }
    case WrapperKind::kCompare: {
      if (!need(1)) return nullptr;
      auto op = static_cast<CompareOp>(def->op);
      return owner->rich_compare != nullptr ? owner->rich_compare(self, args[0], op) : object_compare(self, args[0], op);
    }
    case WrapperKind::kGetattribute: {
      if (!need(1)) return nullptr;
      if (!is_str(args[0])) return raise_error(&type_error_type, "attribute name must be string");
      Object* value = is_type(self) ? type_getattr(self, args[0]) : generic_getattr(self, args[0]);
      if (value != nullptr || has_exception()) return value;
      return raise_error(&attribute_error_type, std::string("'") + type_name(self) + "' object has no attribute '" +
                                                    std::string(str_view(args[0])) + "'");
    }
    case WrapperKind::kSetattr:
      if (!need(2)) return nullptr;
      // On a class (super().__setattr__ in a metaclass) the class namespace changes, as type's.
      return none_or_null(is_type(self) ? type_setattr(self, args[0], args[1]) : generic_setattr(self, args[0], args[1]));
    case WrapperKind::kDelattr:
      if (!need(1)) return nullptr;
      return none_or_null(is_type(self) ? type_setattr(self, args[0], nullptr) : generic_setattr(self, args[0], nullptr));
    case WrapperKind::kLen: {
      if (!need(0)) return nullptr;
      std::int64_t length = owner->length(self);
      return length < 0 ? nullptr : int_from_int64(length);
    }
    case WrapperKind::kGetitem: return need(1) ? owner->getitem(self, args[0]) : nullptr;
    case WrapperKind::kSetitem: return need(2) ? none_or_null(owner->setitem(self, args[0], args[1])) : nullptr;
    case WrapperKind::kDelitem: return need(1) ? none_or_null(owner->setitem(self, args[0], nullptr)) : nullptr;
    case WrapperKind::kContains: {
      if (!need(1)) return nullptr;
      int found = owner->contains(self, args[0]);
      return found < 0 ? nullptr : new_ref(bool_from(found == 1));
    }
    case WrapperKind::kIter: return need(0) ? owner->iter(self) : nullptr;
    case WrapperKind::kNext: {
      if (!need(0)) return nullptr;
      Object* next = owner->iternext(self);
      if (next == nullptr && !has_exception()) raise_error(&stop_iteration_type, "");
      return next;
    }
    case WrapperKind::kCall: return owner->call(self, args, nargs, kwnames);
    case WrapperKind::kFormat: {
      if (!need(1)) return nullptr;
      if (!is_str(args[0])) return raise_error(&type_error_type, "format spec must be a str");
      if (!str_view(args[0]).empty()) {
        return raise_error(&type_error_type, std::string("unsupported format string passed to ") +
                                                 type_name(self) + ".__format__");
      }
      return object_str(self);
    }
    case WrapperKind::kInitSubclass: return new_ref(none());
    case WrapperKind::kUnary: return need(0) ? (owner->number.*unary_field(def->op))(self) : nullptr;
    case WrapperKind::kBool: {
      if (!need(0)) return nullptr;
      int truth = owner->number.is_true(self);
      return truth < 0 ? nullptr : new_ref(bool_from(truth == 1));
    }
    case WrapperKind::kBinary:
    case WrapperKind::kReflected: {
      if (!need(1)) return nullptr;
      BinarySlot slot = owner->number.*number_field(static_cast<BinaryOp>(def->op));
      return def->kind == WrapperKind::kBinary ? slot(self, args[0]) : slot(args[0], self);
    }
  }
  return nullptr;
}

Object* wrapper_call(Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  SlotWrapperObject* wrapper = as_wrapper(callable);
  if (wrapper->self != nullptr) return run_wrapper(wrapper->owner, wrapper->definition, wrapper->self, args, nargs, kwnames);
  if (wrapper->definition->kind == WrapperKind::kInitSubclass) return new_ref(none());
  if (nargs == 0) {
    return raise_error(&type_error_type, std::string("descriptor '") + wrapper->definition->name + "' of '" +
                                             wrapper->owner->name + "' object needs an argument");
  }
  Object* self = args[0];
  if (wrapper->definition->kind != WrapperKind::kNew && !is_subtype(type_of(self), wrapper->owner)) {
    return raise_error(&type_error_type, std::string("descriptor '") + wrapper->definition->name +
                                             "' requires a '" + wrapper->owner->name + "' object but received a '" +
                                             type_name(self) + "'");
  }
  return run_wrapper(wrapper->owner, wrapper->definition, self, args + 1, nargs - 1, kwnames);
}

}  // namespace

Object* builtin_slot_wrapper_lookup(TypeObject* owner, std::string_view name) {
  if (name.size() < 5 || name[0] != '_' || name[1] != '_') return nullptr;
  for (const SlotWrapperDef& def : kWrappers) {
    if (name == def.name && is_present(owner, def)) return wrapper_new(owner, &def, nullptr);
  }
  return nullptr;
}

void init_slot_wrapper_type() {
  init_static_type(slot_wrapper_type, "wrapper_descriptor", sizeof(SlotWrapperObject), &object_type, 0);
  slot_wrapper_type.dealloc = wrapper_dealloc;
  slot_wrapper_type.descr_get = wrapper_get;
  slot_wrapper_type.call = wrapper_call;
  slot_wrapper_type.repr = wrapper_repr;
}

}  // namespace stitch
