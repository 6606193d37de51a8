// The SyntaxErrors CPython 3.11 raises while compiling a parsed and scope-analyzed module
// (Python/compile.c), found here so that Stitch rejects the same programs with the same messages:
//  - 'return' outside function; 'yield' outside function; 'await' outside (async) function;
//    'async for' / 'async with' outside async function;
//  - 'break' outside loop; 'continue' not properly in loop;
//  - starred expressions: "starred assignment target must be in a list or tuple", "multiple
//    starred expressions in assignment", "can't use starred expression here";
//  - "keyword argument repeated: x"; "default 'except:' must be last";
//  - "cannot assign to __debug__" / "cannot delete __debug__";
//  - "too many statically nested blocks" (more than 20 nested loop/try/with blocks in one
//    function, counted as CPython's compiler counts its frame blocks).
// The walk follows the compiler's order (decorators and defaults before a function body, a class
// body before its bases), so the first error is the one CPython reports.
#pragma once

#include <optional>

#include "core/compiler/ast.h"
#include "core/compiler/source_file.h"
#include "core/compiler/syntax_error.h"

namespace stitch::compiler {

/// CPython's future.c, which runs before scope analysis: `from __future__ import` statements at
/// the top of the module (after an optional docstring) must name known features ("future feature
/// x is not defined", "not a chance"); records `annotations` in the module.
std::optional<SyntaxError> check_future_imports(Module& module, const SourceFile& source);

/// The first compile-time error of the module, if any (including a `from __future__ import`
/// after the top of the module).
std::optional<SyntaxError> check_semantics(const Module& module, const SourceFile& source);

}  // namespace stitch::compiler
