// TypeObject: a type's name, layout, inheritance and behaviour slots.
//
// Slots follow CPython's protocol split (number, sequence/mapping, attribute, call, iteration,
// descriptor) because Python's semantics are defined in those terms: binary operators try the
// left operand's slot, then the right's reflected one, with the subclass rule; `len`, `in`, `[]`
// and iteration each have a slot. Builtin types fill slots with C++ functions; classes (Tier 2)
// fill them with wrappers that look up and call the dunder methods.
//
// Binary number slots follow CPython's convention: `a + b` calls the left operand's type's slot as
// add(a, b) and, if that returns NotImplemented, the right operand's type's slot — again as
// add(a, b), operands in source order. So every binary slot checks BOTH operands' types and
// returns NotImplemented for what it does not handle (float's add accepts (float, int) and
// (int, float)). If both return NotImplemented, `+` and `*` then try the left operand's sequence
// slots (concat / repeat), which raise the sequence's own messages ('can only concatenate list
// (not "tuple") to list'); otherwise "unsupported operand type(s) for +: 'A' and 'B'".
//
// Calling convention (vectorcall): `args` points at `nargs` positional arguments followed by one
// value per keyword name; `kwnames` is a tuple of those names (interned str) or nullptr.
//
// Thread safety: static builtin types are immortal and never change after runtime start. A class's
// dict changes under the type's lock and bumps `version` (atomic), which specialized code guards on.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/object/object.h"

namespace stitch {

enum class CompareOp : std::uint8_t { kLt, kLe, kEq, kNe, kGt, kGe };

using Hash = std::int64_t;  // -1 means "error"; a real hash of -1 becomes -2, as in Python

using DeallocSlot = void (*)(Object*);
using UnarySlot = Object* (*)(Object*);
using BinarySlot = Object* (*)(Object*, Object*);
using TernarySlot = Object* (*)(Object*, Object*, Object*);
using InquirySlot = int (*)(Object*);                 // -1 error, else 0/1
using LengthSlot = std::int64_t (*)(Object*);         // -1 error
using HashSlot = Hash (*)(Object*);
using RichCompareSlot = Object* (*)(Object*, Object*, CompareOp);  // may return NotImplemented
using GetAttrSlot = Object* (*)(Object*, Object* name);
using SetAttrSlot = int (*)(Object*, Object* name, Object* value);  // value nullptr = delete
using SetItemSlot = int (*)(Object*, Object* key, Object* value);   // value nullptr = delete
using ContainsSlot = int (*)(Object*, Object* item);
using CallSlot = Object* (*)(Object* callable, Object* const* args, std::size_t nargs, Object* kwnames);
using DescrGetSlot = Object* (*)(Object* descriptor, Object* instance, Object* owner_type);
using DescrSetSlot = int (*)(Object* descriptor, Object* instance, Object* value);
using NewSlot = Object* (*)(TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames);
using InitSlot = int (*)(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);

struct NumberSlots {
  BinarySlot add = nullptr, subtract = nullptr, multiply = nullptr, remainder = nullptr,
             floor_divide = nullptr, true_divide = nullptr, lshift = nullptr, rshift = nullptr,
             bit_and = nullptr, bit_or = nullptr, bit_xor = nullptr, matrix_multiply = nullptr,
             divmod = nullptr;
  TernarySlot power = nullptr;
  // In-place forms; null means "use the plain form" (immutable types).
  BinarySlot inplace_add = nullptr, inplace_multiply = nullptr, inplace_or = nullptr,
             inplace_and = nullptr, inplace_xor = nullptr, inplace_subtract = nullptr,
             inplace_true_divide = nullptr, inplace_floor_divide = nullptr, inplace_remainder = nullptr,
             inplace_power = nullptr, inplace_lshift = nullptr, inplace_rshift = nullptr,
             inplace_matrix_multiply = nullptr;
  UnarySlot negative = nullptr, positive = nullptr, invert = nullptr, absolute = nullptr;
  InquirySlot is_true = nullptr;
  UnarySlot to_int = nullptr, to_float = nullptr, index = nullptr;
};

/// Which builtin family a type is (or derives from): one flag test answers isinstance(x, int).
namespace type_flags {
inline constexpr std::uint32_t kHeapType = 1u << 0;      // a class statement made it
inline constexpr std::uint32_t kBaseType = 1u << 1;      // may be subclassed
inline constexpr std::uint32_t kIntSubclass = 1u << 2;
inline constexpr std::uint32_t kFloatSubclass = 1u << 3;
inline constexpr std::uint32_t kStrSubclass = 1u << 4;
inline constexpr std::uint32_t kTupleSubclass = 1u << 5;
inline constexpr std::uint32_t kListSubclass = 1u << 6;
inline constexpr std::uint32_t kDictSubclass = 1u << 7;
inline constexpr std::uint32_t kTypeSubclass = 1u << 8;
inline constexpr std::uint32_t kExceptionSubclass = 1u << 9;  // BaseException
inline constexpr std::uint32_t kHasInstanceDict = 1u << 10;
}  // namespace type_flags

struct MethodDef;
struct GetSetDef;

struct TypeObject : Object {
  const char* name;              // "int", "ValueError", or the class's __name__ (owned elsewhere)
  std::size_t basic_size;        // bytes of an instance (header included)
  std::uint32_t flags;
  TypeObject* base;              // single base for layout; nullptr only for object
  Object* bases;                 // tuple of bases
  Object* mro;                   // tuple, C3 linearization (self first)
  Object* dict;                  // dict of attributes (methods, descriptors, class attributes)
  Object* qualname;              // str
  Object* module_name;           // str or nullptr (builtins)
  std::atomic<std::uint32_t> version{1};  // bumped on any change that affects lookups; 0 = unversioned

  DeallocSlot dealloc = nullptr;
  UnarySlot repr = nullptr;
  UnarySlot str = nullptr;
  HashSlot hash = nullptr;
  RichCompareSlot rich_compare = nullptr;
  GetAttrSlot getattr = nullptr;
  SetAttrSlot setattr = nullptr;
  CallSlot call = nullptr;
  UnarySlot iter = nullptr;
  UnarySlot iternext = nullptr;  // returns nullptr WITHOUT an exception at exhaustion
  DescrGetSlot descr_get = nullptr;
  DescrSetSlot descr_set = nullptr;
  NewSlot new_instance = nullptr;
  InitSlot init = nullptr;
  NumberSlots number{};
  LengthSlot length = nullptr;
  BinarySlot sequence_concat = nullptr;                           // `+` for sequences
  Object* (*sequence_repeat)(Object*, std::int64_t) = nullptr;    // `*` with an int count
  BinarySlot sequence_inplace_concat = nullptr;                   // `+=` (list)
  Object* (*sequence_inplace_repeat)(Object*, std::int64_t) = nullptr;  // `*=` (list)
  BinarySlot getitem = nullptr;
  SetItemSlot setitem = nullptr;
  ContainsSlot contains = nullptr;

  const MethodDef* methods = nullptr;    // null-terminated
  const GetSetDef* getsets = nullptr;    // null-terminated
};

inline bool type_has_flag(const TypeObject* type, std::uint32_t flag) { return (type->flags & flag) != 0; }

/// Native methods and properties of builtin types.
using NativeMethod = Object* (*)(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
struct MethodDef {
  const char* name;
  NativeMethod function;
  enum Kind : std::uint8_t { kInstance, kClass, kStatic } kind = kInstance;
};
struct GetSetDef {
  const char* name;
  Object* (*get)(Object* self);
  int (*set)(Object* self, Object* value) = nullptr;
};

bool is_subtype(const TypeObject* type, const TypeObject* base);

}  // namespace stitch
