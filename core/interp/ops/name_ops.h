// Ops on global and module-body names and on attributes.
#pragma once

#include "core/interp/ops/op_support.h"
#include "core/interp/class_support.h"
#include "core/object/attributes.h"
#include "core/object/dict.h"
#include "core/object/exec_state.h"

namespace stitch::interp::ops {

STITCH_OP bool load_global(Frame* frame, Object**& sp, std::uint32_t oparg) {
  Object* value = load_global(frame->code, frame->globals, frame->builtins, name_at(frame->code, oparg >> 1));
  if (value == nullptr) return false;
  if (oparg & 1) *sp++ = nullptr;
  *sp++ = value;
  return true;
}

STITCH_OP bool store_global(Frame* frame, Object**& sp, std::uint32_t oparg) {
  Object* value = *--sp;
  int status = dict_set_item(frame->globals, name_at(frame->code, oparg), value);
  decref(value);
  return status >= 0;
}

STITCH_OP bool load_name(Frame* frame, Object**& sp, std::uint32_t oparg) {
  Object* name = name_at(frame->code, oparg);
  Object* value = dict_get_item(frame->locals, name);
  if (value == nullptr && !has_exception()) value = load_global(frame->code, frame->globals, frame->builtins, name);
  if (value == nullptr) return false;
  *sp++ = value;
  return true;
}

STITCH_OP bool store_name(Frame* frame, Object**& sp, std::uint32_t oparg) {
  Object* value = *--sp;
  int status = dict_set_item(frame->locals, name_at(frame->code, oparg), value);
  decref(value);
  return status >= 0;
}

STITCH_OP bool load_attr(Frame* frame, Object**& sp, std::uint32_t oparg) {
  Object* owner = *--sp;
  Object* value = object_getattr(owner, name_at(frame->code, oparg));
  decref(owner);
  if (value == nullptr) return false;
  *sp++ = value;
  return true;
}

// A function found on an instance's class is pushed with the instance as `self` (no bound method
// object); anything else is pushed as [NULL, attribute].
STITCH_OP bool load_method(Frame* frame, Object**& sp, std::uint32_t oparg) {
  Object* owner = *--sp;
  Object* method = nullptr;
  Object* self_or_bound = nullptr;
  bool loaded = interp::load_method(owner, name_at(frame->code, oparg), &method, &self_or_bound);
  decref(owner);
  if (!loaded) return false;
  *sp++ = method;
  *sp++ = self_or_bound;
  return true;
}

STITCH_OP bool store_attr(Frame* frame, Object**& sp, std::uint32_t oparg) {
  Object* owner = *--sp;
  Object* value = *--sp;
  int status = object_setattr(owner, name_at(frame->code, oparg), value);
  decref(owner);
  decref(value);
  return status >= 0;
}

STITCH_OP bool delete_attr(Frame* frame, Object**& sp, std::uint32_t oparg) {
  Object* owner = *--sp;
  int status = object_setattr(owner, name_at(frame->code, oparg), nullptr);
  decref(owner);
  return status >= 0;
}

}  // namespace stitch::interp::ops
