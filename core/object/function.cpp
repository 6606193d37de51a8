#include "core/object/function.h"

#include <string>

#include "core/object/alloc.h"
#include "core/object/builtin_types.h"
#include "core/object/code.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch {

TypeObject function_type;
TypeObject cell_type;

namespace {

std::atomic<std::uint32_t> next_function_version{1};

void function_dealloc(Object* object) {
  FunctionObject* function = as_function(object);
  xdecref(function->code);
  xdecref(function->globals);
  xdecref(function->builtins);
  xdecref(function->name);
  xdecref(function->qualname);
  xdecref(function->module);
  xdecref(function->defaults);
  xdecref(function->kwdefaults);
  xdecref(function->closure);
  xdecref(function->dict);
  xdecref(function->doc);
  xdecref(function->annotations);
  free_object_memory(object);
}

// "<function f at 0x…>": the address never matches python3, so Stitch leaves it out.
Object* function_repr(Object* object) {
  return str_from_utf8("<function " + std::string(str_view(as_function(object)->qualname)) + ">");
}

void cell_dealloc(Object* object) {
  xdecref(as_cell(object)->value.load(std::memory_order_relaxed));
  free_object_memory(object);
}

Object* cell_repr(Object* object) {
  Object* value = as_cell(object)->value.load(std::memory_order_acquire);
  return str_from_utf8(value == nullptr ? "<cell: empty>"
                                        : std::string("<cell: ") + type_of(value)->name + " object>");
}

}  // namespace

Object* function_new(Object* code, Object* globals, Object* builtins, Object* qualname) {
  auto* function = allocate<FunctionObject>(&function_type);
  if (function == nullptr) return nullptr;
  function->code = new_ref(code);
  function->globals = new_ref(globals);
  function->builtins = new_ref(builtins);
  function->name = new_ref(as_code(code)->name);
  function->qualname = new_ref(qualname);
  function->module = nullptr;
  function->defaults = nullptr;
  function->kwdefaults = nullptr;
  function->closure = nullptr;
  function->dict = nullptr;
  // CPython 3.11 puts the docstring (or None) in consts[0] of a function's code.
  auto* consts = as_tuple(as_code(code)->consts);
  function->doc = consts->size > 0 && is_str(consts->items[0]) ? new_ref(consts->items[0]) : nullptr;
  function->annotations = nullptr;
  new (&function->version)
      std::atomic<std::uint32_t>(next_function_version.fetch_add(1, std::memory_order_relaxed));
  return function;
}

Object* cell_new(Object* value) {
  auto* cell = allocate<CellObject>(&cell_type);
  if (cell == nullptr) return nullptr;
  xincref(value);
  new (&cell->value) std::atomic<Object*>(value);
  return cell;
}

void init_function_types() {
  init_static_type(function_type, "function", sizeof(FunctionObject), &object_type, 0);
  function_type.dealloc = function_dealloc;
  function_type.repr = function_repr;
  init_function_attributes();
  init_static_type(cell_type, "cell", sizeof(CellObject), &object_type, 0);
  cell_type.dealloc = cell_dealloc;
  cell_type.repr = cell_repr;
}

}  // namespace stitch
