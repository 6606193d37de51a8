// The generator type: its slots (repr, iteration, dealloc closing a suspended generator), the
// methods (__next__, send, throw, close) and attributes, and RETURN_GENERATOR's construction.
// Resumption itself is in generator_resume.cpp; the design is in generator.h.
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>

#include "core/interp/eval_internal.h"
#include "core/interp/generator.h"
#include "core/interp/traceback.h"
#include "core/object/alloc.h"
#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/code.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/function.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::interp {

TypeObject generator_type;

namespace {

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
    if (!generator_close(self)) write_unraisable(generator_repr_text(generator));
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
  return finish_send(generator_throw(self, true, &result), result);
}

Object* method_close(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("generator.close", kwnames) || !check_no_arguments("generator.close", nargs)) return nullptr;
  if (!generator_close(self)) return nullptr;
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
  generator->resumed_by = bytecode::Opcode::NOP;
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
