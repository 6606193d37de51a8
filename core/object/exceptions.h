// Exceptions: BaseException objects and the standard hierarchy, plus the raising helpers every
// builtin uses (`raise_error(type_error_type, "...")`). The messages are Python's, word for word,
// because the conformance corpus compares them with python3's.
#pragma once

#include <atomic>
#include <string_view>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

struct ExceptionObject : Object {
  Object* args;         // tuple
  Object* traceback;    // nullptr until the interpreter records frames
  Object* cause;        // `raise ... from cause`, or nullptr
  Object* context;      // the exception being handled when this one was raised, or nullptr
  bool suppress_context;
  // NameError/AttributeError: the missing name, and what it was looked up on (AttributeError: the
  // object; NameError: (code, globals, builtins) of the frame), for the "Did you mean" hint that
  // the uncaught-exception report computes. nullptr for other exceptions.
  Object* name;
  Object* obj;
  // BaseException.__dict__ (e.note = ...): created on the first attribute write, published with a
  // release store (class_type.cpp's instance_dict_slot hands it to the generic attribute code).
  std::atomic<Object*> dict;
};

extern TypeObject base_exception_type;
extern TypeObject exception_type;
extern TypeObject arithmetic_error_type;
extern TypeObject zero_division_error_type;
extern TypeObject overflow_error_type;
extern TypeObject type_error_type;
extern TypeObject value_error_type;
extern TypeObject lookup_error_type;
extern TypeObject index_error_type;
extern TypeObject key_error_type;
extern TypeObject attribute_error_type;
extern TypeObject name_error_type;
extern TypeObject unbound_local_error_type;
extern TypeObject runtime_error_type;
extern TypeObject not_implemented_error_type;
extern TypeObject recursion_error_type;
extern TypeObject stop_iteration_type;
extern TypeObject assertion_error_type;
extern TypeObject memory_error_type;
extern TypeObject keyboard_interrupt_type;
extern TypeObject system_exit_type;
extern TypeObject generator_exit_type;

bool is_exception_instance(const Object* object);

/// A new exception instance of `type` with the given args tuple (borrowed).
Object* exception_new(TypeObject* type, Object* args);

/// Sets a new `type(message)` as the exception in flight. Always returns nullptr, so that
/// `return raise_error(...)` reads naturally in functions returning Object*.
Object* raise_error(TypeObject* type, std::string_view message);
/// Sets `type(value)` (value borrowed), e.g. KeyError(key) keeps the key object itself.
Object* raise_error_with_value(TypeObject* type, Object* value);
/// True if the exception in flight is an instance of `type` (or a subclass).
bool exception_matches(TypeObject* type);
/// Records the missing `name` and its `obj` (both borrowed) on the exception in flight when it is
/// a NameError or an AttributeError (see ExceptionObject::name).
void set_missing_name_details(Object* name, Object* obj);

/// Implicit chaining: sets the exception being handled (if any, and not `exception` itself) as
/// `exception.__context__`, first cutting any cycle that would form, as CPython does.
void chain_to_handled_exception(Object* exception);
/// The same with a given handled exception (borrowed; nullptr or None: nothing to do).
void chain_exception_to(Object* exception, Object* handled);

/// `raise X from cause`: the cause to store (owned `cause` in, new reference out): an instance,
/// None, or a fresh instance of an exception class; TypeError for anything else.
Object* exception_cause_from(Object* cause);

/// Replaces `exception.__context__` (takes ownership of `context`, which may be nullptr).
void exception_set_context(Object* exception, Object* context);

/// "TypeError: message" style summary of an exception object (str of the exception after the
/// class name, as the last line of a traceback shows it). Returns nullptr on failure.
Object* exception_summary(Object* exception);

void init_exception_types();
/// The chain attributes (__cause__, __context__, …) and StopIteration.value; exception_chain.cpp.
void init_exception_chain_attributes();

}  // namespace stitch
