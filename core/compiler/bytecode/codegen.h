// The bytecode compiler's entry point: a checked AST with scopes -> the module's code object.
//
// The code shapes follow CPython 3.11's compile.c (see README.md for the differences: loops test
// at the top because conditional jumps only go forward, no RESUME/PRECALL/CACHE-as-instructions,
// annotations of functions are a dict). Every function, lambda, class body and comprehension
// becomes a code object stored in its parent's constants.
//
// Errors: the front end reports nearly every SyntaxError; the few the compiler finds (too many
// statically nested blocks, too many expressions in a star-unpacking assignment, ...) come back
// as a SyntaxError value. If creating a runtime object fails, the Python exception is left set in
// the current ExecState and `error` holds a MemoryError-like description.
#pragma once

#include <optional>

#include "core/compiler/frontend.h"
#include "core/object/object.h"

namespace stitch::bytecode {

struct CompileResult {
  Object* code = nullptr;  ///< owned CodeObject on success
  std::optional<compiler::SyntaxError> error;
  bool ok() const { return code != nullptr; }
};

/// Compiles a successful front end result. Needs an attached thread (it creates objects).
CompileResult compile_module(const compiler::FrontendResult& frontend);

}  // namespace stitch::bytecode
