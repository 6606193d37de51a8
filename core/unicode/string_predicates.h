// Python's str predicates over whole UTF-8 strings, with CPython 3.11's exact rules:
//
//   str_isalpha, str_isdecimal, str_isdigit, str_isnumeric, str_isalnum, str_isspace:
//       non-empty and every code point has the property (isalnum: alpha, decimal, digit or
//       numeric). isdecimal ⊂ isdigit ⊂ isnumeric: '²' is a digit but not decimal, '½' and '一'
//       are numeric only.
//   str_isupper / str_islower: no lowercase-or-titlecase (resp. uppercase-or-titlecase) code
//       point, and at least one uppercase (resp. lowercase) one. "A1" is upper, "1" is not.
//   str_istitle: at least one cased code point; uppercase and titlecase ones only after uncased
//       ones, lowercase ones only after cased ones ("Hello World", "ǅungla" are titles).
//   str_isprintable: every code point printable; true for the empty string.
//   str_isidentifier: first code point XID_Start or '_', the rest XID_Continue (no NFKC
//       normalisation, as str.isidentifier).
//   str_isascii: every byte < 0x80; true for the empty string.
//
// Input as in string_case.h; an invalid byte has no properties (so it is not printable).
#pragma once

#include <string_view>

namespace stitch::unicode {

bool str_isalpha(std::string_view text);
bool str_isdecimal(std::string_view text);
bool str_isdigit(std::string_view text);
bool str_isnumeric(std::string_view text);
bool str_isalnum(std::string_view text);
bool str_isspace(std::string_view text);
bool str_isupper(std::string_view text);
bool str_islower(std::string_view text);
bool str_istitle(std::string_view text);
bool str_isprintable(std::string_view text);
bool str_isidentifier(std::string_view text);
bool str_isascii(std::string_view text);

}  // namespace stitch::unicode
