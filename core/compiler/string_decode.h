// Decoding the body of a string literal (the text between the quotes) into its value.
//
// Non-raw strings interpret Python's escapes: \newline \\ \' \" \a \b \f \n \r \t \v, octal \ooo,
// \xhh, \uhhhh, \Uhhhhhhhh. Unknown escapes such as "\q" stay as they are (CPython only warns).
// \N{name} needs the Unicode name database, which Stitch does not carry: a well-formed \N{...}
// is reported as unsupported, a malformed one as CPython reports it.
//
// Errors mirror CPython's "(unicode error) 'unicodeescape' codec can't decode bytes in position
// a-b: ..." messages, including its positions, which count each non-ASCII character of the
// literal as the ten bytes of the "\Uhhhhhhhh" escape CPython rewrites it to before decoding.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace stitch::compiler {

struct StringDecodeResult {
  std::string value;                   ///< UTF-8 (WTF-8 for lone surrogates)
  std::optional<std::string> error;    ///< CPython's message when the literal is invalid
  bool uses_named_escape = false;      ///< a well-formed \N{...} was found (value is incomplete)
};

/// Decodes a str literal body. `raw` strings are copied unchanged.
StringDecodeResult decode_string_literal(std::string_view body, bool raw);

/// Validates a bytes literal body as CPython does (ASCII only, valid \x escapes) and decodes it
/// into one char per byte. Stitch rejects bytes literals later; this only finds CPython's errors.
StringDecodeResult decode_bytes_literal(std::string_view body, bool raw);

}  // namespace stitch::compiler
