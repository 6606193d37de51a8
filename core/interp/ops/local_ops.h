// Ops on the value stack, fast locals and cells.
#pragma once

#include <atomic>

#include "core/interp/ops/op_support.h"
#include "core/object/function.h"

namespace stitch::interp::ops {

STITCH_OP bool pop_top(Frame*, Object**& sp, std::uint32_t) {
  decref(*--sp);
  return true;
}

STITCH_OP bool push_null(Frame*, Object**& sp, std::uint32_t) {
  *sp++ = nullptr;
  return true;
}

STITCH_OP bool copy(Frame*, Object**& sp, std::uint32_t oparg) {
  Object* item = sp[-static_cast<std::ptrdiff_t>(oparg)];
  *sp++ = new_ref(item);
  return true;
}

STITCH_OP bool swap(Frame*, Object**& sp, std::uint32_t oparg) {
  Object* top = sp[-1];
  sp[-1] = sp[-static_cast<std::ptrdiff_t>(oparg)];
  sp[-static_cast<std::ptrdiff_t>(oparg)] = top;
  return true;
}

STITCH_OP bool load_const(Frame* frame, Object**& sp, std::uint32_t oparg) {
  *sp++ = new_ref(const_at(frame->code, oparg));
  return true;
}

STITCH_OP bool load_fast(Frame* frame, Object**& sp, std::uint32_t oparg) {
  Object* value = frame->localsplus[oparg];
  if (value == nullptr) {
    raise_unbound_local(frame->code, oparg);
    return false;
  }
  *sp++ = new_ref(value);
  return true;
}

STITCH_OP bool store_fast(Frame* frame, Object**& sp, std::uint32_t oparg) {
  Object* old = frame->localsplus[oparg];
  frame->localsplus[oparg] = *--sp;
  xdecref(old);
  return true;
}

STITCH_OP bool delete_fast(Frame* frame, Object**&, std::uint32_t oparg) {
  Object* old = frame->localsplus[oparg];
  if (old == nullptr) {
    raise_unbound_local(frame->code, oparg);
    return false;
  }
  frame->localsplus[oparg] = nullptr;
  decref(old);
  return true;
}

STITCH_OP bool make_cell(Frame* frame, Object**&, std::uint32_t oparg) {
  Object* cell = cell_new(frame->localsplus[oparg]);
  if (cell == nullptr) return false;
  xdecref(frame->localsplus[oparg]);
  frame->localsplus[oparg] = cell;
  return true;
}

STITCH_OP bool copy_free_vars(Frame* frame, Object**&, std::uint32_t oparg) {
  auto* closure = as_tuple(as_function(frame->function)->closure);
  int first = frame->code->nlocalsplus - static_cast<int>(oparg);
  for (std::uint32_t i = 0; i < oparg; ++i) frame->localsplus[first + i] = new_ref(closure->items[i]);
  return true;
}

STITCH_OP bool load_closure(Frame* frame, Object**& sp, std::uint32_t oparg) {
  *sp++ = new_ref(frame->localsplus[oparg]);
  return true;
}

STITCH_OP bool load_deref(Frame* frame, Object**& sp, std::uint32_t oparg) {
  Object* value = as_cell(frame->localsplus[oparg])->value.load(std::memory_order_acquire);
  if (value == nullptr) {
    CodeObject* code = frame->code;
    if (static_cast<int>(oparg) >= code->nlocals + code->ncells) raise_unbound_free(code, oparg);
    else raise_unbound_local(code, oparg);
    return false;
  }
  *sp++ = new_ref(value);
  return true;
}

STITCH_OP bool store_deref(Frame* frame, Object**& sp, std::uint32_t oparg) {
  // Release: the value's contents happen-before any thread that loads it from the cell.
  Object* old = as_cell(frame->localsplus[oparg])->value.exchange(*--sp, std::memory_order_acq_rel);
  xdecref(old);
  return true;
}

STITCH_OP bool delete_deref(Frame* frame, Object**&, std::uint32_t oparg) {
  Object* old = as_cell(frame->localsplus[oparg])->value.exchange(nullptr, std::memory_order_acq_rel);
  if (old == nullptr) {
    raise_unbound_local(frame->code, oparg);
    return false;
  }
  decref(old);
  return true;
}

}  // namespace stitch::interp::ops
