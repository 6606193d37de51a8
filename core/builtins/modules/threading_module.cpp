// The `threading` module: Python source (python/threading.py, embedded at build time) run over the
// native `_thread` module, like CPython's Lib/threading.py. Its frames appear in tracebacks as
// "<frozen threading>".
#include "core/builtins/modules/native_module.h"
#include "core/compiler/bytecode/codegen.h"
#include "core/compiler/frontend.h"
#include "core/import/importer.h"
#include "core/interp/interpreter.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/import_error.h"
#include "core/object/module.h"

namespace stitch::builtins {

namespace {

constexpr const char kThreadingSource[] =
#include "threading_source.inc"
    ;

}  // namespace

int init_threading_module(Object* module, Object* importer) {
  compiler::FrontendResult front = compiler::run_frontend(kThreadingSource, "<frozen threading>");
  if (!front.ok()) {
    raise_error(&syntax_error_type, "threading: " + front.error->message);
    return -1;
  }
  auto compiled = bytecode::compile_module(front);
  if (!compiled.code) {
    if (!has_exception()) raise_error(&syntax_error_type, "threading: cannot compile");
    return -1;
  }
  Ref code = Ref::steal(compiled.code);
  Object* builtins = static_cast<imports::Importer*>(importer)->builtins;
  Object* dict = module_dict(module);
  if (dict_set_item_str(dict, "__builtins__", builtins) < 0) return -1;
  Ref result = Ref::steal(interp::run_module_code(code.get(), dict, builtins));
  return result ? 0 : -1;
}

}  // namespace stitch::builtins
