// The out-of-line helpers of the op definitions (ops/op_support.h).
#include <string>

#include "core/interp/ops/op_support.h"
#include "core/interp/suggestions.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/str.h"

namespace stitch::interp::ops {

namespace {
Object* local_name(CodeObject* code, std::uint32_t index) { return as_tuple(code->localsplus_names)->items[index]; }
}  // namespace

void raise_name_error(Object* name, CodeObject* code, Object* globals, Object* builtins) {
  raise_error(&name_error_type, "name '" + std::string(str_view(name)) + "' is not defined");
  Ref scope = Ref::steal(tuple_pack({code, globals, builtins}));
  if (scope) set_missing_name_details(name, scope.get());
}

void raise_unbound_local(CodeObject* code, std::uint32_t index) {
  raise_error(&unbound_local_error_type, "cannot access local variable '" +
                                             std::string(str_view(local_name(code, index))) +
                                             "' where it is not associated with a value");
}

void raise_unbound_free(CodeObject* code, std::uint32_t index) {
  raise_error(&name_error_type, "cannot access free variable '" +
                                    std::string(str_view(local_name(code, index))) +
                                    "' where it is not associated with a value in enclosing scope");
}

Object* load_global(CodeObject* code, Object* globals, Object* builtins, Object* name) {
  Object* value = dict_get_item(globals, name);
  if (value != nullptr || has_exception()) return value;
  value = dict_get_item(builtins, name);
  if (value == nullptr && !has_exception()) raise_name_error(name, code, globals, builtins);
  return value;
}

}  // namespace stitch::interp::ops
