// Generator objects and their resumption (see generator.h for the design and the state machine).
// The semantics and messages are CPython 3.11's (Objects/genobject.c), including how throw()
// and close() are forwarded to the iterator a `yield from` is delegating to.
#include "core/interp/generator.h"

#include <cstddef>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>

#include "core/compiler/bytecode/opcodes.h"
#include "core/interp/eval_internal.h"
#include "core/interp/interpreter.h"
#include "core/interp/traceback.h"
#include "core/object/alloc.h"
#include "core/object/args.h"
#include "core/object/attributes.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/code.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/function.h"
#include "core/object/iterators.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::interp {

TypeObject generator_type;

namespace {

using bytecode::Opcode;

GeneratorObject* as_generator(Object* object) { return static_cast<GeneratorObject*>(object); }

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
  if (value != nullptr) *frame->stack_pointer++ = new_ref(value);
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

bool generator_close(GeneratorObject* generator);

// throw() with the exception to throw already in flight.
SendStatus generator_throw(GeneratorObject* generator, bool close_on_generator_exit, Object** result) {
  *result = nullptr;
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
    status = generator_throw(as_generator(delegate), close_on_generator_exit, &delegated);
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

bool close_delegate(Object* delegate) {
  if (is_generator(delegate)) return generator_close(as_generator(delegate));
  Ref method = Ref::steal(object_lookup_attr(delegate, str_intern("close")));
  if (!method) return !has_exception();
  Ref result = Ref::steal(call_object(method.get(), nullptr, 0, nullptr));
  return static_cast<bool>(result);
}

// close(): throws GeneratorExit in at the suspension point. True when the generator finished
// (or already had); false with the exception set otherwise.
bool generator_close(GeneratorObject* generator) {
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

// next()/send() results as Python sees them: a return becomes StopIteration(value).
Object* finish_send(SendStatus status, Object* result) {
  if (status != SendStatus::kReturned) return result;
  if (is_none(result)) {
    // A plain return raises a StopIteration without args, as CPython's does.
    decref(result);
    Object* stop = exception_new(&stop_iteration_type, empty_tuple());
    if (stop != nullptr) set_exception(stop);
    return nullptr;
  }
  raise_error_with_value(&stop_iteration_type, result);
  decref(result);
  return nullptr;
}

// ---- the type's slots and methods ----

std::string generator_repr_text(GeneratorObject* generator) {
  char address[32];
  std::snprintf(address, sizeof address, "%p", static_cast<void*>(generator));
  return "<generator object " + std::string(str_view(generator->qualname)) + " at " + address + ">";
}

Object* generator_repr(Object* self) { return str_from_utf8(generator_repr_text(as_generator(self))); }

Object* generator_iter(Object* self) { return new_ref(self); }

// The iteration slot: a plain return is exhaustion (nullptr without an exception); a returned
// value rides on a StopIteration, as CPython's gen_iternext does.
Object* generator_iternext(Object* self) {
  Object* result = nullptr;
  SendStatus status = generator_send(self, none(), &result);
  if (status != SendStatus::kReturned) return result;
  if (is_none(result)) {
    decref(result);
    return nullptr;
  }
  raise_error_with_value(&stop_iteration_type, result);
  decref(result);
  return nullptr;
}

// CPython's PyErr_WriteUnraisable, for an exception raised while closing a dying generator.
void write_unraisable(const std::string& where) {
  Object* exception = take_exception();
  if (exception == nullptr) return;
  std::string report = "Exception ignored in: " + where + "\n";
  if (is_exception_instance(exception)) report += format_exception_report(exception, false);
  std::fflush(stdout);
  std::fputs(report.c_str(), stderr);
  decref(exception);
  clear_exception();
}

void generator_dealloc(Object* self) {
  GeneratorObject* generator = as_generator(self);
  // A suspended generator is closed so that its finally blocks run, as in CPython. The object is
  // already unreachable (count zero); nothing below touches its count. This runs Python code
  // wherever the last reference goes (including an owner's merge at a safepoint), as CPython's
  // finalizers do; a thread with no runtime (shutdown) cannot run code and only drops the frame.
  if (exec_state().thread != nullptr &&
      generator->state.load(std::memory_order_acquire) == GeneratorState::kSuspended) {
    Object* in_flight = take_exception();
    if (!generator_close(generator)) write_unraisable(generator_repr_text(generator));
    restore_exception(in_flight);
  }
  if (!generator->frame_finished) clear_frame_slots(&generator->frame);
  xdecref(generator->exc_state.exception);
  decref(generator->name);
  decref(generator->qualname);
  free_object_memory(self);
}

Object* method_next(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (nargs != 0 || kwnames != nullptr) {
    return raise_error(&type_error_type, "expected 0 arguments, got " + std::to_string(nargs));
  }
  Object* result = nullptr;
  return finish_send(generator_send(self, none(), &result), result);
}

Object* method_iter(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (nargs != 0 || kwnames != nullptr) {
    return raise_error(&type_error_type, "expected 0 arguments, got " + std::to_string(nargs));
  }
  return new_ref(self);
}

Object* method_send(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("generator.send", kwnames) || !check_exactly_one_argument("generator.send", nargs)) {
    return nullptr;
  }
  Object* result = nullptr;
  return finish_send(generator_send(self, args[0], &result), result);
}

// throw()'s third argument, when given, replaces the exception's traceback (as PyErr_Restore).
Object* with_traceback(Object* exception, Object* traceback) {
  if (is_none(traceback)) return exception;
  auto* holder = static_cast<ExceptionObject*>(exception);
  Object* old = holder->traceback;
  holder->traceback = new_ref(traceback);
  xdecref(old);
  return exception;
}

// throw(value) / throw(type[, value[, traceback]]): the exception to throw, set in flight.
bool set_thrown_exception(Object* const* args, std::size_t nargs) {
  Object* type = args[0];
  Object* value = nargs > 1 ? args[1] : none();
  Object* traceback = nargs > 2 ? args[2] : none();
  if (!is_none(traceback) && !is_traceback(traceback)) {
    raise_error(&type_error_type, "throw() third argument must be a traceback object");
    return false;
  }
  if (type_has_flag(type_of(type), type_flags::kTypeSubclass) &&
      type_has_flag(static_cast<TypeObject*>(type), type_flags::kExceptionSubclass)) {
    Object* exception = nullptr;
    if (is_exception_instance(value) && is_subtype(type_of(value), static_cast<TypeObject*>(type))) {
      exception = new_ref(value);
    } else if (is_none(value)) {
      exception = call_object(type, nullptr, 0, nullptr);
    } else if (is_tuple(value)) {
      auto* items = as_tuple(value);
      exception = call_object(type, items->items, static_cast<std::size_t>(items->size), nullptr);
    } else {
      exception = call_object(type, &value, 1, nullptr);
    }
    if (exception == nullptr) return false;
    if (!is_exception_instance(exception)) {
      decref(exception);
      raise_error(&type_error_type, "exceptions must derive from BaseException");
      return false;
    }
    restore_exception(with_traceback(exception, traceback));
    return true;
  }
  if (is_exception_instance(type)) {
    if (!is_none(value)) {
      raise_error(&type_error_type, "instance exception may not have a separate value");
      return false;
    }
    restore_exception(with_traceback(new_ref(type), traceback));
    return true;
  }
  raise_error(&type_error_type, std::string("exceptions must be classes or instances deriving from BaseException, not ") +
                                    type_name(type));
  return false;
}

Object* method_throw(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("generator.throw", kwnames) || !check_argument_range("throw", nargs, 1, 3)) return nullptr;
  if (!set_thrown_exception(args, nargs)) return nullptr;
  Object* result = nullptr;
  return finish_send(generator_throw(as_generator(self), true, &result), result);
}

Object* method_close(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("generator.close", kwnames) || !check_no_arguments("generator.close", nargs)) return nullptr;
  if (!generator_close(as_generator(self))) return nullptr;
  return new_ref(none());
}

Object* get_name(Object* self) { return new_ref(as_generator(self)->name); }
Object* get_qualname(Object* self) { return new_ref(as_generator(self)->qualname); }
Object* get_running(Object* self) {
  return new_ref(bool_from(as_generator(self)->state.load(std::memory_order_relaxed) == GeneratorState::kRunning));
}
Object* get_code(Object* self) { return new_ref(as_generator(self)->frame.code); }
// Stitch has no frame objects yet: a live generator answers its code object, a finished one
// None (which is what programs test).
Object* get_frame(Object* self) {
  GeneratorObject* generator = as_generator(self);
  if (generator->state.load(std::memory_order_acquire) == GeneratorState::kCompleted) return new_ref(none());
  return new_ref(generator->frame.code);
}
Object* get_yieldfrom(Object* self) {
  GeneratorObject* generator = as_generator(self);
  if (generator->state.load(std::memory_order_acquire) != GeneratorState::kSuspended) return new_ref(none());
  Object* delegate = delegate_of(generator);
  return new_ref(delegate != nullptr ? delegate : none());
}

const MethodDef kGeneratorMethods[] = {
    {"__next__", method_next},
    {"__iter__", method_iter},
    {"send", method_send},
    {"throw", method_throw},
    {"close", method_close},
    {nullptr, nullptr},
};

const GetSetDef kGeneratorGetSets[] = {
    {"__name__", get_name},
    {"__qualname__", get_qualname},
    {"gi_running", get_running},
    {"gi_code", get_code},
    {"gi_frame", get_frame},
    {"gi_yieldfrom", get_yieldfrom},
    {nullptr, nullptr},
};

}  // namespace

Object* generator_from_frame(Frame* frame) {
  CodeObject* code = frame->code;
  std::size_t slots = static_cast<std::size_t>(code->nlocalsplus + code->stacksize);
  std::size_t extra = slots > 1 ? (slots - 1) * sizeof(Object*) : 0;
  auto* generator = allocate<GeneratorObject>(&generator_type, extra);
  if (generator == nullptr) return nullptr;
  new (&generator->state) std::atomic<GeneratorState>(GeneratorState::kCreated);
  generator->frame_finished = false;
  auto* function = as_function(frame->function);
  generator->name = new_ref(function->name);
  generator->qualname = new_ref(function->qualname);
  new (&generator->exc_state) HandledExceptionState();
  generator->resumed_by = Opcode::NOP;
  // Move the frame: header and slots are plain data; the references change owner.
  std::memcpy(static_cast<void*>(&generator->frame), static_cast<const void*>(frame),
              offsetof(Frame, localsplus) + slots * sizeof(Object*));
  generator->frame.stack_pointer = generator->frame.localsplus + (frame->stack_pointer - frame->localsplus);
  generator->frame.previous = nullptr;
  generator->frame.is_entry = true;
  generator->frame.generator = generator;
  std::memset(static_cast<void*>(frame->localsplus), 0, slots * sizeof(Object*));
  frame->stack_pointer = frame->localsplus;
  frame->function = nullptr;
  frame->locals = nullptr;
  return generator;
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

void init_generator_type() {
  init_static_type(generator_type, "generator", sizeof(GeneratorObject), &object_type, 0);
  generator_type.dealloc = generator_dealloc;
  generator_type.repr = generator_repr;
  generator_type.iter = generator_iter;
  generator_type.iternext = generator_iternext;
  generator_type.methods = kGeneratorMethods;
  generator_type.getsets = kGeneratorGetSets;
}

}  // namespace stitch::interp
