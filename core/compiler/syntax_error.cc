// Formatting a SyntaxError exactly like CPython 3.11's PyErr_Display (print_exception and
// print_error_text in Python/pythonrun.c), including its quirks:
//  - the source line is printed with leading spaces, tabs and form feeds stripped, and the caret
//    column is shifted left by the same amount; no caret when it would land left of the text;
//  - a caret past the end of the line is clipped to the end of the line;
//  - the caret run is `end_offset - offset` long (at least one), limited to the line's size in
//    UTF-8 bytes; an error spanning several lines underlines up to the end of the first one;
//  - IndentationError and TabError always get a single caret.
#include "core/compiler/syntax_error.h"

namespace stitch::compiler {

std::string_view syntax_error_kind_name(SyntaxErrorKind kind) {
  switch (kind) {
    case SyntaxErrorKind::SyntaxError: return "SyntaxError";
    case SyntaxErrorKind::IndentationError: return "IndentationError";
    case SyntaxErrorKind::TabError: return "TabError";
  }
  return "SyntaxError";
}

std::string SyntaxError::summary() const {
  std::string out(syntax_error_kind_name(kind));
  out += ": ";
  out += message;
  return out;
}

namespace {

void append_source_line_and_caret(std::string& out, const SyntaxError& error) {
  long line_size = static_cast<long>(error.text.size());
  long offset = error.offset;
  long end_offset = error.end_offset;
  if (error.end_line > error.line) end_offset = line_size;
  if (end_offset > line_size + 1) end_offset = line_size + 1;
  long caret_count = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
  if (error.kind != SyntaxErrorKind::SyntaxError) caret_count = 1;

  std::string_view text = error.text;
  offset -= 1;  // to 0-based
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\f')) {
    text.remove_prefix(1);
    offset -= 1;
  }
  long length = static_cast<long>(text.size());
  if (length > 0 && text[length - 1] == '\n') length -= 1;
  if (offset > length) offset = length;
  // Skip whole lines of a multi-line text that lie before the caret.
  for (;;) {
    size_t newline = text.find('\n');
    if (newline == std::string_view::npos) break;
    long line_length = static_cast<long>(newline);
    if (line_length >= offset) break;
    line_length += 1;
    text.remove_prefix(static_cast<size_t>(line_length));
    length -= line_length;
    offset -= line_length;
  }
  out += "    ";
  out += text;
  if (length >= static_cast<long>(text.size()) || text[static_cast<size_t>(length)] != '\n') out += '\n';
  if (offset < 0) return;
  out += "    ";
  out.append(static_cast<size_t>(offset), ' ');
  out.append(static_cast<size_t>(caret_count), '^');
  out += '\n';
}

}  // namespace

std::string format_syntax_error(const SyntaxError& error) {
  std::string out;
  if (error.line > 0) {
    out += "  File \"";
    out += error.filename;
    out += "\", line ";
    out += std::to_string(error.line);
    out += '\n';
    append_source_line_and_caret(out, error);
  }
  out += error.summary();
  out += '\n';
  return out;
}

}  // namespace stitch::compiler
