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

// Versions are unique per process; each thread takes them in blocks, so that threads making
// closures do not all increment one counter.
std::uint32_t new_function_version() {
  constexpr std::uint32_t kBlock = 256;
  thread_local std::uint32_t next = 0;
  thread_local std::uint32_t end = 0;
  if (next == end) {
    next = next_function_version.fetch_add(kBlock, std::memory_order_relaxed);
    end = next + kBlock;
  }
  return next++;
}

bool is_lambda_code(Object* code) {
  Object* name = as_code(code)->name;
  return name != nullptr && is_str(name) && str_view(name) == "<lambda>";
}

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
  new (&function->version) std::atomic<std::uint32_t>(new_function_version());
  // Functions defined at module or class level are called from everywhere; nested ones (closures,
  // comprehensions, made per call) stay ordinary, so they die as soon as they are dropped.
  // Lambdas stay ordinary too: expressions make them, often in a loop.
  if ((as_code(code)->flags & code_flags::kNested) == 0 && !is_lambda_code(code)) make_deferred(function);
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
