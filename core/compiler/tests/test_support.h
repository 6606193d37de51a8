// Helpers shared by the front-end tests.
#pragma once

#include <string>
#include <string_view>

#include "core/compiler/ast_dump.h"
#include "core/compiler/frontend.h"
#include "core/compiler/lexer.h"
#include "core/compiler/parser.h"
#include "core/compiler/syntax_error.h"

namespace stitch::compiler::testing {

/// The AST dump of a program that must be accepted (or the error, prefixed by "ERROR ").
inline std::string dump(std::string_view source, bool positions = false) {
  FrontendResult result = run_frontend(source, "test.py");
  if (!result.ok()) return "ERROR " + result.error->summary();
  return dump_ast(*result.module, DumpOptions{positions});
}

/// The AST dump from the parser alone (no scope analysis or compile-time checks).
inline std::string parse_dump(std::string_view source, bool positions = false) {
  SourceFile file(source, "test.py");
  if (file.load_error()) return "ERROR " + file.load_error()->summary();
  ParseResult parsed = parse_module(file);
  if (parsed.error) return "ERROR " + parsed.error->summary();
  return dump_ast(*parsed.module, DumpOptions{positions});
}

/// The dump of the single expression statement of `source`, without the Module/ExprStmt lines.
inline std::string dump_expression(std::string_view source, bool positions = false) {
  FrontendResult result = run_frontend(source, "test.py");
  if (!result.ok()) return "ERROR " + result.error->summary();
  const Stmt* statement = result.module->body[0];
  if (statement->kind != StmtKind::ExprStmt) return "NOT AN EXPRESSION STATEMENT";
  return dump_expr(*statement->as<ExprStmt>()->value, DumpOptions{positions});
}

/// The error of a program that must be rejected ("" when it is accepted).
inline SyntaxError error_of(std::string_view source) {
  FrontendResult result = run_frontend(source, "test.py");
  return result.ok() ? SyntaxError{} : *result.error;
}

/// "SyntaxError: message (line, offset, end_line, end_offset)", or "OK".
inline std::string describe_error(std::string_view source) {
  FrontendResult result = run_frontend(source, "test.py");
  if (result.ok()) return "OK";
  const SyntaxError& e = *result.error;
  return e.summary() + " (" + std::to_string(e.line) + ", " + std::to_string(e.offset) + ", " +
         std::to_string(e.end_line) + ", " + std::to_string(e.end_offset) + ")";
}

/// Tokens as "KIND:text" separated by spaces (layout tokens without text).
inline std::string tokens(std::string_view source) {
  SourceFile file(source, "test.py");
  Lexer lexer(file);
  std::string out;
  for (;;) {
    Token token = lexer.next();
    if (!out.empty()) out += ' ';
    std::string_view spelling = token_kind_spelling(token.kind);
    switch (token.kind) {
      case TokenKind::Name:
      case TokenKind::Number:
      case TokenKind::String:
        out += std::string(spelling) + ":" + std::string(file.text().substr(token.begin, token.end - token.begin));
        break;
      case TokenKind::Error:
        out += "ERROR(" + lexer.error()->error.summary() + ")";
        return out;
      case TokenKind::EndOfFile:
        out += "END";
        return out;
      default:
        out += spelling;
    }
  }
}

}  // namespace stitch::compiler::testing
