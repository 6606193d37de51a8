// Resuming generators: the claim (the atomic state transition), running the frame natively or
// inline, and throw()/close() with their forwarding to a `yield from` delegate. The design is in
// generator.h; the semantics and messages are CPython 3.11's (Objects/genobject.c).
#include <cstddef>
#include <string>

#include "core/compiler/bytecode/opcodes.h"
#include "core/interp/eval_internal.h"
#include "core/interp/generator.h"
#include "core/interp/interpreter.h"
#include "core/object/attributes.h"
#include "core/object/call.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/function.h"
#include "core/object/iterators.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::interp {

using bytecode::Opcode;

namespace {

// Generator resumptions active on this thread: each one is a native eval loop level (about 1 KB
// of native stack), counted with the frame stack against the recursion limit, and capped on its
// own so that a raised recursion limit cannot overflow an 8 MB thread stack.
thread_local int active_resumptions = 0;
constexpr int kMaxActiveResumptions = 4000;

enum class Claim { kClaimed, kRunning, kCompleted };

// created/suspended -> running. Acquire: pairs with the release store that ended the previous
// run (release_claim), possibly on another thread, so its writes to the frame are visible here.
Claim claim(GeneratorObject* generator, GeneratorState* previous) {
  GeneratorState seen = generator->state.load(std::memory_order_relaxed);
  for (;;) {
    if (seen == GeneratorState::kRunning) return Claim::kRunning;
    if (seen == GeneratorState::kCompleted) return Claim::kCompleted;
    if (generator->state.compare_exchange_weak(seen, GeneratorState::kRunning, std::memory_order_acquire,
                                               std::memory_order_relaxed)) {
      *previous = seen;
      return Claim::kClaimed;
    }
  }
}

// Release: publishes this run's writes to the frame to whichever thread claims it next.
void release_claim(GeneratorObject* generator, GeneratorState state) {
  generator->state.store(state, std::memory_order_release);
}

Object* raise_already_executing() { return raise_error(&value_error_type, "generator already executing"); }

// The iterator a `yield from` suspended in this generator is delegating to (borrowed), or
// nullptr. The compiler's pattern is `SEND; YIELD_VALUE`, with the receiver left on the stack.
Object* delegate_of(GeneratorObject* generator) {
  const Frame& frame = generator->frame;
  if (generator->frame_finished) return nullptr;
  const std::uint32_t* at = frame.next_instr;
  if (at - frame.code->bytecode < 2) return nullptr;
  if (bytecode::word_opcode(at[-1]) != Opcode::YIELD_VALUE || bytecode::word_opcode(at[-2]) != Opcode::SEND) {
    return nullptr;
  }
  return frame.stack_pointer[-1];
}

// The delegate finished during throw(): drop it and continue after the `yield from` loop, as if
// SEND had seen it return (SEND has no cache words; its jump is relative to the next word).
void skip_past_yield_from(GeneratorObject* generator) {
  Frame& frame = generator->frame;
  std::uint32_t send_oparg = bytecode::word_oparg(frame.next_instr[-2]);
  decref(*--frame.stack_pointer);
  frame.next_instr = frame.next_instr - 1 + send_oparg;
}

// StopIteration's value (new reference) after taking the exception in flight.
Object* take_stop_iteration_value() {
  Ref stop = Ref::steal(take_exception());
  auto* args = as_tuple(static_cast<ExceptionObject*>(stop.get())->args);
  return new_ref(args->size > 0 ? args->items[0] : none());
}

// PEP 479: a StopIteration escaping a generator's frame becomes a RuntimeError caused by it.
void replace_stop_iteration() {
  Object* stop = take_exception();
  raise_error(&runtime_error_type, "generator raised StopIteration");
  Object* error = take_exception();
  if (error == nullptr) {  // out of memory: the StopIteration is better than nothing
    restore_exception(stop);
    return;
  }
  auto* holder = static_cast<ExceptionObject*>(error);
  xdecref(holder->cause);
  holder->cause = new_ref(stop);
  holder->suppress_context = true;
  exception_set_context(error, stop);
  restore_exception(error);
}

// Ends a run: unlinks the generator's handled-exception level and, when it finished, drops it.
// Returns the state to publish.
GeneratorState leave_run(GeneratorObject* generator) {
  ExecState& state = exec_state();
  state.handled = generator->exc_state.previous;
  generator->exc_state.previous = nullptr;
  if (!generator->frame_finished) return GeneratorState::kSuspended;
  Object* handled = generator->exc_state.exception;
  generator->exc_state.exception = nullptr;
  xdecref(handled);
  return GeneratorState::kCompleted;
}

// Runs the claimed generator's frame: sending `value` (borrowed), or with nullptr throwing the
// exception in flight into it. Ends the claim.
SendStatus resume_claimed(GeneratorObject* generator, GeneratorState previous, Object* value, Object** result) {
  *result = nullptr;
  Frame* frame = &generator->frame;
  if (active_resumptions >= kMaxActiveResumptions ||
      active_resumptions + thread_frame_depth() >= static_cast<std::size_t>(recursion_limit())) {
    release_claim(generator, previous);
    raise_error(&recursion_error_type, "maximum recursion depth exceeded");
    return SendStatus::kError;
  }
  ExecState& state = exec_state();
  generator->exc_state.previous = state.handled;
  state.handled = &generator->exc_state;
  if (value != nullptr) {
    *frame->stack_pointer++ = new_ref(value);
  } else {
    // Thrown into a generator suspended in an except block: the thrown exception's context is
    // the one that block handles (CPython's _PyErr_ChainStackItem).
    chain_exception_to(state.exception, generator->exc_state.exception);
  }
  ++active_resumptions;
  Object* out = eval_resumed_frame(frame, value == nullptr);
  --active_resumptions;
  if (leave_run(generator) == GeneratorState::kSuspended) {
    release_claim(generator, GeneratorState::kSuspended);
    *result = out;
    return SendStatus::kYielded;
  }
  release_claim(generator, GeneratorState::kCompleted);
  if (out != nullptr) {
    *result = out;
    return SendStatus::kReturned;
  }
  if (exception_matches(&stop_iteration_type)) replace_stop_iteration();
  return SendStatus::kError;
}

// Closes the iterator a `yield from` delegates to: close() for a generator, else its close
// method if it has one. Returns false with the exception set when that fails.
bool close_delegate(Object* delegate);

}  // namespace

SendStatus generator_throw(Object* self, bool close_on_generator_exit, Object** result) {
  *result = nullptr;
  GeneratorObject* generator = as_generator(self);
  GeneratorState previous;
  switch (claim(generator, &previous)) {
    case Claim::kRunning:
      clear_exception();
      raise_already_executing();
      return SendStatus::kError;
    case Claim::kCompleted: return SendStatus::kError;  // the thrown exception propagates
    case Claim::kClaimed: break;
  }
  Object* delegate = previous == GeneratorState::kSuspended ? delegate_of(generator) : nullptr;
  if (delegate == nullptr) return resume_claimed(generator, previous, nullptr, result);
  Ref keep = Ref::borrow(delegate);
  if (close_on_generator_exit && exception_matches(&generator_exit_type)) {
    // Close the delegate first; a failure to close is what gets thrown in instead.
    Ref thrown = Ref::steal(take_exception());
    if (close_delegate(delegate)) restore_exception(thrown.release());
    return resume_claimed(generator, previous, nullptr, result);
  }
  SendStatus status;
  Object* delegated = nullptr;
  if (is_generator(delegate)) {
    status = generator_throw(delegate, close_on_generator_exit, &delegated);
  } else {
    Ref thrown = Ref::steal(take_exception());
    Ref method = Ref::steal(object_lookup_attr(delegate, str_intern("throw")));
    if (!method) {
      if (has_exception()) return resume_claimed(generator, previous, nullptr, result);
      restore_exception(thrown.release());
      return resume_claimed(generator, previous, nullptr, result);
    }
    // throw(type, value, traceback), as CPython 3.11 calls it.
    auto* holder = static_cast<ExceptionObject*>(thrown.get());
    Object* arguments[] = {type_of(thrown.get()), thrown.get(),
                           holder->traceback != nullptr ? holder->traceback : none()};
    delegated = call_object(method.get(), arguments, 3, nullptr);
    status = delegated != nullptr ? SendStatus::kYielded : SendStatus::kError;
  }
  if (status == SendStatus::kYielded) {
    release_claim(generator, previous);
    *result = delegated;
    return SendStatus::kYielded;
  }
  if (status == SendStatus::kError && !exception_matches(&stop_iteration_type)) {
    return resume_claimed(generator, previous, nullptr, result);
  }
  Ref returned = Ref::steal(status == SendStatus::kReturned ? delegated : take_stop_iteration_value());
  skip_past_yield_from(generator);
  return resume_claimed(generator, previous, returned.get(), result);
}

namespace {

bool close_delegate(Object* delegate) {
  if (is_generator(delegate)) return generator_close(delegate);
  Ref method = Ref::steal(object_lookup_attr(delegate, str_intern("close")));
  if (!method) return !has_exception();
  Ref result = Ref::steal(call_object(method.get(), nullptr, 0, nullptr));
  return static_cast<bool>(result);
}

}  // namespace

bool generator_close(Object* self) {
  GeneratorObject* generator = as_generator(self);
  GeneratorState previous;
  switch (claim(generator, &previous)) {
    case Claim::kRunning: return raise_already_executing(), false;
    case Claim::kCompleted: return true;
    case Claim::kClaimed: break;
  }
  if (previous == GeneratorState::kCreated) {
    // Nothing ran yet, so no handler can see the GeneratorExit: just finish.
    clear_frame_slots(&generator->frame);
    generator->frame_finished = true;
    release_claim(generator, GeneratorState::kCompleted);
    return true;
  }
  Object* delegate = delegate_of(generator);
  bool delegate_closed = delegate == nullptr || close_delegate(delegate);
  if (delegate_closed) raise_error(&generator_exit_type, "");
  Object* result = nullptr;
  SendStatus status = resume_claimed(generator, previous, nullptr, &result);
  if (status != SendStatus::kError) {
    decref(result);
    if (status == SendStatus::kReturned) return true;
    raise_error(&runtime_error_type, "generator ignored GeneratorExit");
    return false;
  }
  if (exception_matches(&generator_exit_type) || exception_matches(&stop_iteration_type)) {
    clear_exception();
    return true;
  }
  return false;
}

SendStatus generator_send(Object* self, Object* value, Object** result) {
  *result = nullptr;
  GeneratorObject* generator = as_generator(self);
  GeneratorState previous;
  switch (claim(generator, &previous)) {
    case Claim::kRunning: return raise_already_executing(), SendStatus::kError;
    case Claim::kCompleted: *result = new_ref(none()); return SendStatus::kReturned;
    case Claim::kClaimed: break;
  }
  if (previous == GeneratorState::kCreated && !is_none(value)) {
    release_claim(generator, previous);
    raise_error(&type_error_type, "can't send non-None value to a just-started generator");
    return SendStatus::kError;
  }
  return resume_claimed(generator, previous, value, result);
}

InlineResume resume_generator_inline(Object* self, Object* value, Frame* caller, Opcode resumed_by, Frame** resumed) {
  Ref sent = Ref::steal(value != nullptr ? value : new_ref(none()));
  GeneratorObject* generator = as_generator(self);
  GeneratorState previous;
  switch (claim(generator, &previous)) {
    case Claim::kRunning: return raise_already_executing(), InlineResume::kError;
    case Claim::kCompleted: return InlineResume::kExhausted;
    case Claim::kClaimed: break;
  }
  if (previous == GeneratorState::kCreated && !is_none(sent.get())) {
    release_claim(generator, previous);
    raise_error(&type_error_type, "can't send non-None value to a just-started generator");
    return InlineResume::kError;
  }
  if (active_resumptions >= kMaxActiveResumptions ||
      active_resumptions + thread_frame_depth() >= static_cast<std::size_t>(recursion_limit())) {
    release_claim(generator, previous);
    raise_error(&recursion_error_type, "maximum recursion depth exceeded");
    return InlineResume::kError;
  }
  ++active_resumptions;
  ExecState& state = exec_state();
  generator->exc_state.previous = state.handled;
  state.handled = &generator->exc_state;
  generator->resumed_by = resumed_by;
  Frame* frame = &generator->frame;
  *frame->stack_pointer++ = sent.release();
  frame->previous = caller;
  frame->is_entry = false;
  *resumed = frame;
  return InlineResume::kEntered;
}

void suspend_generator_inline(Frame* frame) {
  GeneratorObject* generator = as_generator(frame->generator);
  frame->previous = nullptr;
  frame->is_entry = true;
  --active_resumptions;
  release_claim(generator, leave_run(generator));
}

Opcode finish_generator_inline(Frame* frame, bool raised) {
  GeneratorObject* generator = as_generator(frame->generator);
  Opcode resumed_by = generator->resumed_by;
  frame->previous = nullptr;
  frame->is_entry = true;
  --active_resumptions;
  release_claim(generator, leave_run(generator));
  if (raised && exception_matches(&stop_iteration_type)) replace_stop_iteration();
  return resumed_by;
}

int active_generator_frames() { return active_resumptions; }

SendStatus yield_from_send(Object* receiver, Object* value, Object** result) {
  if (is_generator(receiver)) return generator_send(receiver, value, result);
  TypeObject* type = type_of(receiver);
  Object* out = nullptr;
  if (is_none(value) && type->iternext != nullptr) {
    out = type->iternext(receiver);
  } else {
    Ref method = Ref::steal(object_getattr(receiver, str_intern("send")));
    out = method ? call_object(method.get(), &value, 1, nullptr) : nullptr;
  }
  *result = out;
  if (out != nullptr) return SendStatus::kYielded;
  if (!has_exception()) {
    *result = new_ref(none());
    return SendStatus::kReturned;
  }
  if (!exception_matches(&stop_iteration_type)) return SendStatus::kError;
  *result = take_stop_iteration_value();
  return SendStatus::kReturned;
}

Object* yield_from_iterator(Object* iterable) {
  if (is_generator(iterable)) return new_ref(iterable);
  return object_get_iter(iterable);
}

}  // namespace stitch::interp
