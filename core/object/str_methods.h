// str's methods (str.split, str.find, str.upper, ...): native methods with the vectorcall
// signature of type.h, listed in str_type.methods by init_str_methods(). Each reproduces CPython
// 3.11's results and error messages, argument checking included.
//
// Strings are UTF-8 (str.h). Searching works on bytes (a valid UTF-8 needle only matches at
// code-point boundaries) and converts positions to code points only for non-ASCII strings;
// whitespace, line breaks and case come from core/unicode, so non-ASCII text follows Python's
// Unicode rules.
#pragma once

#include <cstddef>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

#define STITCH_STR_METHOD(name) \
  Object* str_##name(Object* self, Object* const* args, std::size_t nargs, Object* kwnames)

STITCH_STR_METHOD(join);
STITCH_STR_METHOD(maketrans);  // str_translate.cpp (static: self is unused)
STITCH_STR_METHOD(translate);  // str_translate.cpp
STITCH_STR_METHOD(split);
STITCH_STR_METHOD(rsplit);
STITCH_STR_METHOD(splitlines);
STITCH_STR_METHOD(strip);
STITCH_STR_METHOD(lstrip);
STITCH_STR_METHOD(rstrip);
STITCH_STR_METHOD(replace);
STITCH_STR_METHOD(find);
STITCH_STR_METHOD(rfind);
STITCH_STR_METHOD(index);
STITCH_STR_METHOD(rindex);
STITCH_STR_METHOD(count);
STITCH_STR_METHOD(startswith);
STITCH_STR_METHOD(endswith);
STITCH_STR_METHOD(upper);
STITCH_STR_METHOD(lower);
STITCH_STR_METHOD(title);
STITCH_STR_METHOD(capitalize);
STITCH_STR_METHOD(swapcase);
STITCH_STR_METHOD(casefold);
STITCH_STR_METHOD(isdigit);
STITCH_STR_METHOD(isalpha);
STITCH_STR_METHOD(isalnum);
STITCH_STR_METHOD(isspace);
STITCH_STR_METHOD(isupper);
STITCH_STR_METHOD(islower);
STITCH_STR_METHOD(istitle);
STITCH_STR_METHOD(isdecimal);
STITCH_STR_METHOD(isnumeric);
STITCH_STR_METHOD(isidentifier);
STITCH_STR_METHOD(isprintable);
STITCH_STR_METHOD(isascii);
STITCH_STR_METHOD(center);
STITCH_STR_METHOD(ljust);
STITCH_STR_METHOD(rjust);
STITCH_STR_METHOD(zfill);
STITCH_STR_METHOD(partition);
STITCH_STR_METHOD(rpartition);
STITCH_STR_METHOD(expandtabs);
STITCH_STR_METHOD(format);  // str_format.cpp

#undef STITCH_STR_METHOD

/// The null-terminated method table installed as str_type.methods.
const MethodDef* str_method_table();

}  // namespace stitch
