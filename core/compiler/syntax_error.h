// The front end's error value: a Python SyntaxError (or IndentationError / TabError), with the
// same fields as CPython's exception object and a formatter that prints it the way CPython 3.11
// prints an uncaught SyntaxError:
//
//     File "x.py", line 3
//       if x
//           ^
//   SyntaxError: expected ':'
//
// Positions follow CPython 3.11's conventions for a script: `line` is 1-based; `offset` is the
// 1-based column (0 when unknown: no caret is printed); `end_offset` is exclusive, 0 or -1 when
// unknown. Like CPython, the columns count UTF-8 bytes, except for errors CPython's tokenizer
// raises itself (bad characters and literals, unmatched brackets), which count code points; on
// ASCII lines the two agree. `text` is the offending source line, with its trailing newline when
// CPython keeps it. Errors about constructs Stitch does not support use code-point columns.
#pragma once

#include <string>
#include <string_view>

namespace stitch::compiler {

enum class SyntaxErrorKind : unsigned char { SyntaxError, IndentationError, TabError };

/// Python's name of the exception class ("SyntaxError", "IndentationError", "TabError").
std::string_view syntax_error_kind_name(SyntaxErrorKind kind);

struct SyntaxError {
  SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError;
  std::string message;
  std::string filename;
  int line = 0;  ///< 0: no location at all (only "SyntaxError: message" is printed).
  int offset = 0;
  int end_line = 0;
  int end_offset = 0;
  std::string text;

  /// The last line CPython prints, e.g. "SyntaxError: expected ':'".
  std::string summary() const;
};

/// The whole report as CPython 3.11 writes it to stderr (ends with a newline).
std::string format_syntax_error(const SyntaxError& error);

}  // namespace stitch::compiler
