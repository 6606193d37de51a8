// Parser: Python 3.11 source (the Stitch subset and everything CPython accepts around it) to an
// AST, with CPython's syntax error messages and positions.
//
// Entry point: parse_module(). A syntax error is returned as a value. Constructs that CPython
// accepts but Stitch does not support (async/await, match, complex and bytes literals, \N{...}
// escapes) do not stop the parse: the first one is returned in `unsupported`, next to the AST, so
// that a genuine SyntaxError anywhere in the file (which CPython would report) still wins, and
// the caller decides the order against scope errors (see frontend.h).
#pragma once

#include <memory>
#include <optional>

#include "core/compiler/ast.h"
#include "core/compiler/source_file.h"
#include "core/compiler/syntax_error.h"

namespace stitch::compiler {

struct ParseResult {
  std::unique_ptr<Module> module;          ///< set when there is no syntax error
  std::optional<SyntaxError> error;        ///< the syntax error, as CPython 3.11 reports it
  std::optional<SyntaxError> unsupported;  ///< first construct Stitch does not support
};

/// Parses a whole module. The SourceFile must have no load_error().
ParseResult parse_module(const SourceFile& source);

/// Nesting limit for recursive constructs (parentheses, unary operators, lambda and conditional
/// expressions, blocks). Past it the parse fails with "SyntaxError: expression too deeply nested"
/// (or "statement too deeply nested") instead of exhausting the native stack: parsing such input
/// needs about 1 MB of stack in a release build. CPython gives up near 3000 levels (with a
/// MemoryError or RecursionError).
inline constexpr int kMaxNestingDepth = 1000;

/// Limit for left-nested chains that the parser builds in a loop (`a + b + ...`, `a.b.c...`,
/// `f()()...`): they only deepen the tree, which later passes walk recursively. CPython accepts
/// about 3000 such levels.
inline constexpr int kMaxChainDepth = 3000;

}  // namespace stitch::compiler
