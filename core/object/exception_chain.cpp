// The exception chain: implicit chaining (__context__), explicit causes (`raise ... from`,
// __cause__, __suppress_context__), and the attributes that expose them, with CPython 3.11's
// semantics and messages. Kept apart from exceptions.cpp (construction, str/repr, hierarchy).
#include <string>

#include "core/object/bool.h"
#include "core/object/call.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/tuple.h"

namespace stitch {

namespace {

ExceptionObject* holder(Object* object) { return static_cast<ExceptionObject*>(object); }

Object* none_if_null(Object* object) { return new_ref(object != nullptr ? object : none()); }

Object* exception_get_args(Object* self) { return new_ref(holder(self)->args); }

// e.args = iterable: CPython stores tuple(iterable).
int exception_set_args(Object* self, Object* value) {
  if (value == nullptr) {
    raise_error(&type_error_type, "args may not be deleted");
    return -1;
  }
  Object* args = tuple_from_iterable(value);
  if (args == nullptr) return -1;
  Object* old = holder(self)->args;
  holder(self)->args = args;
  decref(old);
  return 0;
}
Object* exception_get_cause(Object* self) { return none_if_null(holder(self)->cause); }
Object* exception_get_context(Object* self) { return none_if_null(holder(self)->context); }
Object* exception_get_suppress_context(Object* self) { return new_ref(bool_from(holder(self)->suppress_context)); }
Object* exception_get_traceback(Object* self) { return none_if_null(holder(self)->traceback); }

// `__cause__`/`__context__` accept an exception instance or None, with CPython's messages.
int set_exception_link(Object* self, Object* value, Object* ExceptionObject::*field, const char* attribute,
                       const char* noun) {
  if (value == nullptr) return raise_error(&type_error_type, std::string(attribute) + " may not be deleted"), -1;
  if (!is_none(value) && !is_exception_instance(value)) {
    raise_error(&type_error_type, std::string("exception ") + noun + " must be None or derive from BaseException");
    return -1;
  }
  Object* old = holder(self)->*field;
  holder(self)->*field = is_none(value) ? nullptr : new_ref(value);
  if (field == &ExceptionObject::cause) holder(self)->suppress_context = true;
  xdecref(old);
  return 0;
}
int exception_set_cause(Object* self, Object* value) {
  return set_exception_link(self, value, &ExceptionObject::cause, "__cause__", "cause");
}
int exception_set_context_attribute(Object* self, Object* value) {
  return set_exception_link(self, value, &ExceptionObject::context, "__context__", "context");
}
int exception_set_suppress_context(Object* self, Object* value) {
  if (value == nullptr) return raise_error(&type_error_type, "__suppress_context__ may not be deleted"), -1;
  int truth = object_is_true(value);
  if (truth < 0) return -1;
  holder(self)->suppress_context = truth == 1;
  return 0;
}

const GetSetDef kExceptionGetSets[] = {
    {"args", exception_get_args, exception_set_args},
    {"__cause__", exception_get_cause, exception_set_cause},
    {"__context__", exception_get_context, exception_set_context_attribute},
    {"__suppress_context__", exception_get_suppress_context, exception_set_suppress_context},
    {"__traceback__", exception_get_traceback},
    {nullptr, nullptr},
};

// StopIteration.value: the generator's return value (args[0], or None).
Object* stop_iteration_get_value(Object* self) {
  TupleObject* args = as_tuple(holder(self)->args);
  return new_ref(args->size > 0 ? args->items[0] : none());
}
const GetSetDef kStopIterationGetSets[] = {
    {"value", stop_iteration_get_value},
    {nullptr, nullptr},
};

}  // namespace

Object* exception_cause_from(Object* cause) {
  if (is_none(cause) || is_exception_instance(cause)) return cause;
  if (type_has_flag(type_of(cause), type_flags::kTypeSubclass) &&
      type_has_flag(static_cast<TypeObject*>(cause), type_flags::kExceptionSubclass)) {
    Object* instance = call_object(cause, nullptr, 0, nullptr);
    decref(cause);
    return instance;
  }
  decref(cause);
  return raise_error(&type_error_type, "exception causes must derive from BaseException");
}

void exception_set_context(Object* exception, Object* context) {
  Object* old = holder(exception)->context;
  holder(exception)->context = context;
  xdecref(old);
}

void chain_to_handled_exception(Object* exception) { chain_exception_to(exception, current_handled_exception()); }

void chain_exception_to(Object* exception, Object* handled) {
  if (exception == nullptr || handled == nullptr || is_none(handled) || handled == exception) return;
  // Setting the context must not close a loop: if `exception` is already in the handled one's
  // context chain, cut the chain just above it (CPython does the same, with Floyd's check for
  // pre-existing loops; a bounded walk gives the same guarantee here).
  Object* link = handled;
  for (int steps = 0; steps < 100000; ++steps) {
    Object* context = holder(link)->context;
    if (context == nullptr) break;
    if (context == exception) {
      exception_set_context(link, nullptr);
      break;
    }
    link = context;
  }
  exception_set_context(exception, new_ref(handled));
}

void init_exception_chain_attributes() {
  base_exception_type.getsets = kExceptionGetSets;
  stop_iteration_type.getsets = kStopIterationGetSets;
}

}  // namespace stitch
