// Branches, iteration, calls of anything that is not a Python function, and MAKE_FUNCTION.
//
// FOR_ITER over a generator and CALL of a Python function switch frames, so they stay in
// eval.cpp: callers check is_generator / is_function first and use these only otherwise.
#pragma once

#include "core/compiler/bytecode/opcodes.h"
#include "core/interp/ops/op_support.h"
#include "core/object/bool.h"
#include "core/object/call.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/function.h"
#include "core/object/iterators.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"

namespace stitch::interp::ops {

// POP_JUMP_IF_TRUE (jump_when = true) and POP_JUMP_IF_FALSE.
STITCH_OP Branch pop_jump_if(Frame*, Object**& sp, bool jump_when) {
  Object* condition = *--sp;
  int truth = condition == py_true() ? 1 : condition == py_false() ? 0 : object_is_true(condition);
  decref(condition);
  if (truth < 0) return Branch::kError;
  return (truth == 1) == jump_when ? Branch::kJump : Branch::kFallThrough;
}

// POP_JUMP_IF_NONE (jump_when_none = true) and POP_JUMP_IF_NOT_NONE.
STITCH_OP Branch pop_jump_if_none(Frame*, Object**& sp, bool jump_when_none) {
  Object* value = *--sp;
  bool none_value = is_none(value);
  decref(value);
  return none_value == jump_when_none ? Branch::kJump : Branch::kFallThrough;
}

// JUMP_IF_TRUE_OR_POP (jump_when = true) and JUMP_IF_FALSE_OR_POP: keeps the value when jumping.
STITCH_OP Branch jump_if_or_pop(Frame*, Object**& sp, bool jump_when) {
  int truth = object_is_true(sp[-1]);
  if (truth < 0) return Branch::kError;
  if ((truth == 1) == jump_when) return Branch::kJump;
  decref(*--sp);
  return Branch::kFallThrough;
}

STITCH_OP bool get_iter(Frame*, Object**& sp, std::uint32_t) {
  Object* iterable = *--sp;
  Object* iterator = object_get_iter(iterable);
  decref(iterable);
  if (iterator == nullptr) return false;
  *sp++ = iterator;
  return true;
}

// FOR_ITER over anything but a generator: push the next item, or pop the exhausted iterator and
// jump past the loop.
STITCH_OP Branch for_iter(Frame*, Object**& sp) {
  Object* next = iter_next(sp[-1]);
  if (next == nullptr) {
    if (has_exception()) {
      if (!exception_matches(&stop_iteration_type)) return Branch::kError;
      clear_exception();
    }
    decref(*--sp);
    return Branch::kJump;
  }
  *sp++ = next;
  return Branch::kFallThrough;
}

// CALL of a callable that is not a Python function. Stack: [method | null] [self | callable]
// args[oparg] (CPython 3.11's layout); with a method below, self is the first argument.
STITCH_OP bool call_object_on_stack(Object**& sp, std::uint32_t oparg, Object* kwnames) {
  Object** bottom = sp - oparg - 2;
  bool is_method = bottom[0] != nullptr;
  Object* callable = is_method ? bottom[0] : bottom[1];
  Object** arguments = is_method ? bottom + 1 : bottom + 2;
  std::size_t total = oparg + (is_method ? 1 : 0);
  std::size_t keyword_count = kwnames != nullptr ? as_tuple(kwnames)->size : 0;
  Object* result = call_object(callable, arguments, total - keyword_count, kwnames);
  for (Object** slot = bottom; slot < sp; ++slot) xdecref(*slot);
  sp = bottom;
  if (result == nullptr) return false;
  *sp++ = result;
  return true;
}

/// The callable a CALL with this oparg would call (for the is_function check).
STITCH_OP Object* call_target(Object** sp, std::uint32_t oparg) {
  Object** bottom = sp - oparg - 2;
  return bottom[0] != nullptr ? bottom[0] : bottom[1];
}

STITCH_OP bool make_function(Frame* frame, Object**& sp, std::uint32_t oparg) {
  Object* code_object = *--sp;
  Object* closure = (oparg & bytecode::make_function::kClosure) ? *--sp : nullptr;
  Object* annotations = (oparg & bytecode::make_function::kAnnotations) ? *--sp : nullptr;
  Object* kwdefaults = (oparg & bytecode::make_function::kKwDefaults) ? *--sp : nullptr;
  Object* defaults = (oparg & bytecode::make_function::kDefaults) ? *--sp : nullptr;
  Object* function = function_new(code_object, frame->globals, frame->builtins, as_code(code_object)->qualname);
  decref(code_object);
  if (function == nullptr) {
    xdecref(annotations);
    xdecref(closure);
    xdecref(kwdefaults);
    xdecref(defaults);
    return false;
  }
  as_function(function)->closure = closure;
  as_function(function)->kwdefaults = kwdefaults;
  as_function(function)->defaults = defaults;
  as_function(function)->annotations = annotations;
  *sp++ = function;
  return true;
}

STITCH_OP bool load_assertion_error(Frame*, Object**& sp, std::uint32_t) {
  *sp++ = new_ref(&assertion_error_type);
  return true;
}

}  // namespace stitch::interp::ops
