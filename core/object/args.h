// Argument checking for native functions and methods, with CPython 3.11's exact messages.
// CPython words them differently depending on how a builtin is declared, so each helper names the
// style it reproduces; pick the one python3 prints for the builtin you implement (check live).
// Each returns false with a TypeError set when the check fails.
#pragma once

#include <cstddef>
#include <initializer_list>

#include "core/object/object.h"

namespace stitch {

/// "list.append() takes no keyword arguments" (pass the qualified name, as python3 prints it).
bool check_no_keywords(const char* name, Object* kwnames);
/// METH_NOARGS: "list.clear() takes no arguments (1 given)".
bool check_no_arguments(const char* qualified_name, std::size_t nargs);
/// METH_O: "list.append() takes exactly one argument (0 given)".
bool check_exactly_one_argument(const char* qualified_name, std::size_t nargs);
/// Argument Clinic: "pop expected at most 1 argument, got 2",
/// "replace expected at least 2 arguments, got 1".
bool check_argument_range(const char* name, std::size_t nargs, std::size_t min, std::size_t max);

/// Binds positional and keyword arguments to `names` (getargs style: "f() takes at most 2
/// arguments (3 given)", "'x' is an invalid keyword argument for f()", "argument for f() given by
/// name ('x') and position (1)"). An empty name is positional-only. Unfilled entries of `out` stay
/// nullptr; the caller checks required ones.
bool bind_native_arguments(const char* function, Object* const* args, std::size_t nargs, Object* kwnames,
                           std::initializer_list<const char*> names, Object** out);

}  // namespace stitch
