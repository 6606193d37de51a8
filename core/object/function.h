// Python functions and cells.
//
// A FunctionObject pairs a code object with the environment it runs in (globals, builtins,
// defaults, closure). Calling one is the interpreter's job: core/interp installs the call slot.
// `version` changes whenever __code__, __defaults__ or __kwdefaults__ change, so that specialized
// calls can guard on it.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

struct FunctionObject : Object {
  Object* code;        // CodeObject
  Object* globals;     // dict
  Object* builtins;    // dict
  Object* name;        // str
  Object* qualname;    // str
  Object* module;      // str (__module__), or nullptr
  Object* defaults;    // tuple, or nullptr
  Object* kwdefaults;  // dict, or nullptr
  Object* closure;     // tuple of cells, or nullptr
  Object* dict;        // function attributes (dict), or nullptr until first set
  Object* doc;         // __doc__ (str), or nullptr for None
  Object* annotations; // dict, or nullptr until first read
  std::atomic<std::uint32_t> version;
};

struct CellObject : Object {
  std::atomic<Object*> value;  // nullptr = empty
};

extern TypeObject function_type;
extern TypeObject cell_type;

inline FunctionObject* as_function(Object* object) { return static_cast<FunctionObject*>(object); }
inline CellObject* as_cell(Object* object) { return static_cast<CellObject*>(object); }
inline bool is_function(const Object* object) { return type_of(object) == &function_type; }

/// A new function for `code` (borrowed, like every argument here) running in `globals`.
Object* function_new(Object* code, Object* globals, Object* builtins, Object* qualname);
/// A new cell holding `value` (borrowed; may be nullptr for an empty cell).
Object* cell_new(Object* value);

void init_function_types();
/// The getattr/setattr slots of functions (function_attributes.cpp).
void init_function_attributes();

}  // namespace stitch
