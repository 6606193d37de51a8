// Python-visible attributes of code objects (co_name, co_argcount, co_varnames, ...) and cells
// (cell_contents), read-only as in CPython (cell_contents may also be set and deleted).
#include <atomic>
#include <cstdint>

#include "core/object/code.h"
#include "core/object/exceptions.h"
#include "core/object/function.h"
#include "core/object/int.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch {

namespace {

CodeObject* code(Object* self) { return as_code(self); }

Object* int_of(std::int64_t value) { return int_from_int64(value); }

// The names of localsplus slots [begin, end), as a tuple.
Object* names_slice(Object* self, std::int32_t begin, std::int32_t end) {
  auto* names = as_tuple(code(self)->localsplus_names);
  if (end > names->size) end = static_cast<std::int32_t>(names->size);
  if (begin > end) begin = end;
  Object* tuple = tuple_new_uninitialized(end - begin);
  if (tuple == nullptr) return nullptr;
  for (std::int32_t i = begin; i < end; ++i) as_tuple(tuple)->items[i - begin] = new_ref(names->items[i]);
  return tuple;
}

Object* co_name(Object* self) { return new_ref(code(self)->name); }
Object* co_qualname(Object* self) { return new_ref(code(self)->qualname); }
Object* co_filename(Object* self) { return new_ref(code(self)->filename); }
Object* co_firstlineno(Object* self) { return int_of(code(self)->firstlineno); }
Object* co_argcount(Object* self) { return int_of(code(self)->argcount); }
Object* co_posonlyargcount(Object* self) { return int_of(code(self)->posonlyargcount); }
Object* co_kwonlyargcount(Object* self) { return int_of(code(self)->kwonlyargcount); }
Object* co_nlocals(Object* self) { return int_of(code(self)->nlocals); }
Object* co_flags(Object* self) { return int_of(code(self)->flags); }
Object* co_stacksize(Object* self) { return int_of(code(self)->stacksize); }
Object* co_consts(Object* self) { return new_ref(code(self)->consts); }
Object* co_names(Object* self) { return new_ref(code(self)->names); }
Object* co_varnames(Object* self) { return names_slice(self, 0, code(self)->nlocals); }
Object* co_cellvars(Object* self) {
  return names_slice(self, code(self)->nlocals, code(self)->nlocals + code(self)->ncells);
}
Object* co_freevars(Object* self) {
  CodeObject* c = code(self);
  return names_slice(self, c->nlocals + c->ncells, c->nlocals + c->ncells + c->nfrees);
}

const GetSetDef code_getsets[] = {
    {"co_name", co_name},
    {"co_qualname", co_qualname},
    {"co_filename", co_filename},
    {"co_firstlineno", co_firstlineno},
    {"co_argcount", co_argcount},
    {"co_posonlyargcount", co_posonlyargcount},
    {"co_kwonlyargcount", co_kwonlyargcount},
    {"co_nlocals", co_nlocals},
    {"co_flags", co_flags},
    {"co_stacksize", co_stacksize},
    {"co_consts", co_consts},
    {"co_names", co_names},
    {"co_varnames", co_varnames},
    {"co_cellvars", co_cellvars},
    {"co_freevars", co_freevars},
    {nullptr, nullptr},
};

Object* cell_get_contents(Object* self) {
  Object* value = as_cell(self)->value.load(std::memory_order_acquire);
  if (value == nullptr) return raise_error(&value_error_type, "Cell is empty");
  return new_ref(value);
}

int cell_set_contents(Object* self, Object* value) {
  xincref(value);
  Object* old = as_cell(self)->value.exchange(value, std::memory_order_acq_rel);
  xdecref(old);
  return 0;
}

const GetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents},
    {nullptr, nullptr},
};

}  // namespace

void init_code_attributes() {
  code_type.getsets = code_getsets;
  cell_type.getsets = cell_getsets;
}

}  // namespace stitch
