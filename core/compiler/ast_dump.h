// A compact, indented text form of the AST, for tests and debugging. One node per line:
//
//   Module
//     body[0]: Assign @1:0-1:5
//       targets[0]: Name x Store @1:0-1:1
//       value: Int 1 @1:4-1:5
//
// Each line is `<field>: <Kind> <attributes> @line:col-end_line:end_col`; children follow,
// indented by two spaces; absent optional children are omitted.
#pragma once

#include <string>

#include "core/compiler/ast.h"

namespace stitch::compiler {

struct DumpOptions {
  bool positions = true;
};

std::string dump_ast(const Module& module);
std::string dump_ast(const Module& module, DumpOptions options);
/// One expression (used by tests of expression parsing).
std::string dump_expr(const Expr& expr, DumpOptions options = {});

}  // namespace stitch::compiler
