// Formatting text from values: format(value, spec) (what f-strings' FORMAT_VALUE and str.format
// call), str.format's field syntax, and printf-style `str % args`.
//
// format_object dispatches on the value's type to core/text's formatters (str, int and bool, and
// float), which implement CPython 3.11's format-spec mini-language with its messages; any other
// type formats as str(value) when the spec is empty and raises "unsupported format string passed
// to T.__format__" otherwise (object.__format__), until classes bring __format__.
//
// str.format follows CPython's MarkupIterator: literal text with {{ and }} escapes, then fields
// "{name!conversion:spec}" where the name is empty (auto-numbered), a number (positional) or an
// identifier (keyword), optionally followed by .attribute and [key] parts, and the spec may
// itself contain fields (expanded first, two levels deep at most).
//
// Everything here works on immutable inputs and per-call buffers: no shared state.
#pragma once

#include <string_view>

#include "core/object/object.h"

namespace stitch {

/// format(value, spec): a new str, or nullptr with ValueError/TypeError set.
Object* format_object(Object* value, std::string_view spec);

/// ascii(value): repr with non-ASCII code points escaped (\xNN, \uNNNN, \UNNNNNNNN).
Object* object_ascii(Object* value);

/// `format % args` (format is a str): a new str, or nullptr with an exception set.
Object* str_percent_format(Object* format, Object* args);

/// The `%` number slot of str: `str % args` formats; NotImplemented when the left operand is not
/// a str (`5 % 'a'` then reaches int's slot and fails with the usual operand-type message).
Object* str_remainder(Object* left, Object* right);

/// str.format(*args, **kwargs) as a native method (also declared in str_methods.h).
Object* str_format(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);

}  // namespace stitch
