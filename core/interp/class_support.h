// The interpreter's part of classes and `with` (class_support.cpp).
#pragma once

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch::interp {

struct Frame;

/// The builtin __build_class__ (the builtins module registers it).
const MethodDef* build_class_builtin();
/// Installs the zero-argument super() resolver into the object model. Once.
void init_class_support();

/// Runs a class body (`function`'s code) with `namespace_dict` as its locals (eval.cpp).
Object* run_class_body(Object* function, Object* namespace_dict);
/// The running Python frame of this thread, or nullptr (eval.cpp).
Frame* current_python_frame();

/// LOAD_METHOD: for a plain function found on an instance's class, *method = the function and
/// *self_or_bound = the instance (no bound method is made); otherwise *method = nullptr and
/// *self_or_bound = the attribute. Both new references. False with an exception on failure.
bool load_method(Object* owner, Object* name, Object** method, Object** self_or_bound);

/// BEFORE_WITH: returns __enter__()'s result and *exit_out = the bound __exit__ (new references).
Object* with_enter(Object* manager, Object** exit_out);
/// WITH_EXCEPT_START: exit(type(exc), exc, traceback).
Object* with_exit_on_exception(Object* exit, Object* exception);

}  // namespace stitch::interp
