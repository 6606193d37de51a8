// bool: a subclass of int with exactly two immortal instances.
#pragma once

#include "core/object/int.h"

namespace stitch {

extern TypeObject bool_type;
extern IntObject true_object;
extern IntObject false_object;

inline Object* py_true() { return &true_object; }
inline Object* py_false() { return &false_object; }
/// Python's True or False (immortal: no reference to drop, but callers may decref it anyway).
inline Object* bool_from(bool value) { return value ? py_true() : py_false(); }

void init_bool_type();

}  // namespace stitch
