// stitch-parse: runs the front end on a file (or stdin with "-") and prints the AST, or the
// SyntaxError exactly as CPython 3.11 prints it (to stderr, exit status 1).
//   stitch-parse [--no-positions] [--scopes] [--tokens] [--quiet] [--quiet-ast] [--error-attributes]
//                [--parse-only] FILE
// --quiet prints nothing on success, --quiet-ast only the scopes (with --scopes); --parse-only
// runs the parser alone (no scope analysis or compile-time checks); --error-attributes also
// prints "Kind: message (line, offset, end_line, end_offset)" to stdout.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/compiler/ast_dump.h"
#include "core/compiler/frontend.h"
#include "core/compiler/lexer.h"
#include "core/compiler/parser.h"

using namespace stitch::compiler;

int main(int argc, char** argv) {
  bool positions = true;
  bool scopes = false;
  bool tokens = false;
  bool quiet = false;
  bool error_attributes = false;
  bool parse_only = false;
  bool quiet_ast = false;
  const char* path = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--no-positions") == 0) {
      positions = false;
    } else if (std::strcmp(argv[i], "--scopes") == 0) {
      scopes = true;
    } else if (std::strcmp(argv[i], "--tokens") == 0) {
      tokens = true;
    } else if (std::strcmp(argv[i], "--quiet") == 0) {
      quiet = true;
    } else if (std::strcmp(argv[i], "--quiet-ast") == 0) {
      quiet_ast = true;
    } else if (std::strcmp(argv[i], "--parse-only") == 0) {
      parse_only = true;
    } else if (std::strcmp(argv[i], "--error-attributes") == 0) {
      error_attributes = true;
    } else {
      path = argv[i];
    }
  }
  if (path == nullptr) {
    std::fprintf(stderr, "usage: stitch-parse [--no-positions] [--scopes] [--tokens] [--quiet] FILE\n");
    return 2;
  }
  std::stringstream buffer;
  if (std::strcmp(path, "-") == 0) {
    buffer << std::cin.rdbuf();
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      std::fprintf(stderr, "stitch-parse: cannot open %s\n", path);
      return 2;
    }
    buffer << file.rdbuf();
  }
  std::string text = buffer.str();
  if (tokens) {
    SourceFile source(text, path);
    Lexer lexer(source);
    for (;;) {
      Token token = lexer.next();
      std::printf("%d:%d-%d:%d %s '%.*s'\n", token.line, token.col, token.end_line, token.end_col,
                  std::string(token_kind_spelling(token.kind)).c_str(), static_cast<int>(token.end - token.begin),
                  source.text().data() + token.begin);
      if (token.kind == TokenKind::EndOfFile) return 0;
      if (token.kind == TokenKind::Error) {
        std::fputs(format_syntax_error(lexer.error()->error).c_str(), stderr);
        return 1;
      }
    }
  }
  if (parse_only) {
    SourceFile source(text, path);
    if (source.load_error()) {
      std::fputs(format_syntax_error(*source.load_error()).c_str(), stderr);
      return 1;
    }
    ParseResult parsed = parse_module(source);
    if (parsed.error) {
      std::fputs(format_syntax_error(*parsed.error).c_str(), stderr);
      return 1;
    }
    if (!quiet) std::fputs(dump_ast(*parsed.module, DumpOptions{positions}).c_str(), stdout);
    return 0;
  }
  FrontendResult result = run_frontend(text, path);
  if (!result.ok()) {
    const SyntaxError& error = *result.error;
    if (error_attributes) {
      std::printf("%s: %s (%d, %d, %d, %d)\n", std::string(syntax_error_kind_name(error.kind)).c_str(),
                  error.message.c_str(), error.line, error.offset, error.end_line, error.end_offset);
    }
    std::fputs(format_syntax_error(error).c_str(), stderr);
    return 1;
  }
  if (quiet) return 0;
  if (!quiet_ast) std::fputs(dump_ast(*result.module, DumpOptions{positions}).c_str(), stdout);
  if (scopes) std::fputs(dump_scopes(*result.scopes).c_str(), stdout);
  return 0;
}
