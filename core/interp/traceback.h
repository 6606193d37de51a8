// Tracebacks: the chain of (code, line) entries an exception collects while it unwinds frames.
// The head is the outermost frame reached so far; printing walks it outermost-first, as Python's
// "Traceback (most recent call last):" does.
#pragma once

#include <cstdint>
#include <string>

#include "core/object/object.h"

namespace stitch::interp {

struct TracebackObject : Object {
  Object* next;    // toward the innermost frame, or nullptr
  Object* code;    // CodeObject
  std::int32_t line;
};

/// Prepends an entry for (code, line) to the traceback of the exception in flight.
void add_traceback_entry(Object* code, std::int32_t line);

/// The whole report Python prints for an uncaught exception (without source lines when
/// `source_lines_of` can't provide them): "Traceback (most recent call last):\n  File …".
/// With `with_chain`, the causes and contexts come first, as Python prints them; without it
/// only `exception` itself (what "Exception ignored in: …" reports show).
std::string format_exception_report(Object* exception, bool with_chain = true);

bool is_traceback(const Object* object);

void init_traceback_type();

}  // namespace stitch::interp
