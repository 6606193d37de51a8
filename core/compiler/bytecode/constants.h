// Compile-time constants: which AST expressions are constants (literals, None/True/False/...,
// tuples of constants, and unary/binary operations on constants, which CPython's AST optimizer
// folds), the runtime object for one, and a key that identifies equal constants of the same type
// (1, 1.0 and True are different keys, as in CPython's co_consts deduplication).
//
// Folding evaluates the operation at compile time with the runtime's operators, under CPython
// 3.11's safety limits (ints up to 128 bits from *, ** and <<; strings/tuples up to 4096 items
// from *; no str % formatting); an operation that raises is left to run time.
#pragma once

#include <string>

#include "core/compiler/ast.h"
#include "core/object/object.h"

namespace stitch::bytecode {

bool is_constant_expression(const compiler::Expr* expr);
/// Truth value of a constant expression, for folding `if 0:` / `while True:`.
bool constant_truth(const compiler::Expr* expr);

/// The object for a constant expression (a new reference; nullptr with `error` set when the
/// object cannot be created) and its deduplication key.
Object* constant_object(const compiler::Expr* expr, std::string* key, std::string* error);

/// A tuple of constant expressions (each must satisfy is_constant_expression).
Object* constant_tuple(compiler::NodeList<compiler::Expr> elements, std::string* key, std::string* error);

/// The deduplication key of a constant object.
std::string constant_key(Object* constant);

/// The str constant for `text`: interned when it looks like an identifier (as CPython does).
Object* string_constant(std::string_view text);

}  // namespace stitch::bytecode
