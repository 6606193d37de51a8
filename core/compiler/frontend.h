// The front end in one call: source text -> checked AST with scopes, or the SyntaxError that
// CPython 3.11 would report for the same file.
//
// Errors are reported in CPython's order: undecodable source; then syntax errors (the parser,
// including errors its tokenizer finds anywhere later in the file); then scope errors (CPython's
// symtable); then compile-time errors (semantic_checks.h). Only a program CPython would accept
// can fail with "<construct> is not supported by Stitch" (async/await, match, complex and bytes
// literals, \N{...} escapes), reported at the first such construct.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/compiler/ast.h"
#include "core/compiler/scope.h"
#include "core/compiler/source_file.h"
#include "core/compiler/syntax_error.h"

namespace stitch::compiler {

struct FrontendResult {
  std::unique_ptr<SourceFile> source;  ///< always set (tracebacks need the source lines)
  std::unique_ptr<Module> module;      ///< set on success
  std::unique_ptr<ScopeTable> scopes;  ///< set on success; refers to `module`'s nodes
  std::optional<SyntaxError> error;

  bool ok() const { return !error.has_value(); }
};

/// Runs lexer, parser, scope analysis and compile-time checks over one module.
FrontendResult run_frontend(std::string_view source_text, std::string filename);

}  // namespace stitch::compiler
