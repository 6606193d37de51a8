// stitch-dis FILE: compiles a module and prints its disassembly (the SyntaxError, as CPython
// prints it, on stderr with exit status 1). Backs `stitch --dis`.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/compiler/bytecode/codegen.h"
#include "core/compiler/bytecode/disassembler.h"
#include "core/compiler/frontend.h"
#include "core/object/builtin_types.h"
#include "core/object/code.h"
#include "core/object/exec_state.h"
#include "core/runtime/runtime.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: stitch-dis FILE\n");
    return 2;
  }
  std::ifstream file(argv[1], std::ios::binary);
  if (!file) {
    std::fprintf(stderr, "stitch-dis: cannot open %s\n", argv[1]);
    return 2;
  }
  std::stringstream text;
  text << file.rdbuf();

  stitch::init_object_model();
  stitch::rt::RuntimeConfig config;
  config.object_dealloc = &stitch::dealloc_object;
  auto runtime = stitch::rt::Runtime::create(config);
  if (!runtime) return 3;
  auto attached = (*runtime)->attach_current_thread();
  if (!attached) return 3;
  stitch::exec_state().thread = *attached;

  int status = 0;
  {
    stitch::compiler::FrontendResult frontend = stitch::compiler::run_frontend(text.str(), argv[1]);
    if (!frontend.ok()) {
      std::cerr << stitch::compiler::format_syntax_error(*frontend.error);
      status = 1;
    } else {
      stitch::bytecode::CompileResult result = stitch::bytecode::compile_module(frontend);
      if (!result.ok()) {
        std::cerr << stitch::compiler::format_syntax_error(*result.error);
        status = 1;
      } else {
        std::cout << stitch::bytecode::disassemble(stitch::as_code(result.code));
        stitch::decref(result.code);
      }
    }
  }
  stitch::exec_state().thread = nullptr;
  (void)(*runtime)->detach_current_thread();
  (void)(*runtime)->shutdown(std::chrono::seconds(5));
  return status;
}
