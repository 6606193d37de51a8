// printf-style formatting (str % args) for one conversion, exactly as CPython 3.11's
// PyUnicode_Format. The object model parses the format string and fetches the arguments ('*'
// widths, the mapping key, "not enough arguments", "unsupported format character"); this library
// formats one converted value:
//   %d %i %u  percent_format_int (the object model applies int() to non-int arguments first)
//   %o %x %X  percent_format_int ('#' adds 0o / 0x / 0X; the precision pads digits with zeros)
//   %e %E %f %F %g %G  percent_format_float (precision defaults to 6; '#' keeps the point/zeros)
//   %s %r %a  percent_format_str, given str(x) / repr(x) / ascii(x) (the precision truncates)
//   %c        percent_format_char (an int code point or a one-character str)
//   %%        a literal '%' (nothing to format)
// Layout: the field is `width` code points wide; '-' pads on the right; '0' pads numbers with
// zeros between the sign/prefix and the digits (ignored with '-', and for %s/%c); '+' and ' '
// choose what a non-negative number shows in the sign position. A negative '*' width means '-'
// and its absolute value: the caller applies that before calling.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/text/int_text.h"
#include "core/text/int_value.h"
#include "core/text/text_error.h"

namespace stitch::text {

enum PercentFlags : unsigned {
  kPercentNoFlags = 0,
  kPercentLeftAdjust = 1u << 0,  // '-'
  kPercentSign = 1u << 1,        // '+'
  kPercentBlank = 1u << 2,       // ' '
  kPercentAlternate = 1u << 3,   // '#'
  kPercentZeroPad = 1u << 4,     // '0'
};

struct PercentSpec {
  unsigned flags = kPercentNoFlags;
  int64_t width = -1;      // -1: not given
  int64_t precision = -1;  // -1: not given
  char conversion = 's';   // one of "diuoxXeEfFgGsrac"
};

/// %d %i %u %o %x %X.
Expected<std::string> percent_format_int(IntRef value, const PercentSpec& spec,
                                         int64_t max_str_digits = kDefaultMaxStrDigits);
/// %e %E %f %F %g %G.
std::string percent_format_float(double value, const PercentSpec& spec);
/// %s %r %a: `text` is the already converted str (UTF-8).
std::string percent_format_str(std::string_view text, const PercentSpec& spec);
/// %c with an int argument: OverflowError "%c arg not in range(0x110000)" outside [0, 0x10FFFF].
Expected<std::string> percent_format_char(IntRef code_point, const PercentSpec& spec);
/// %c with a str argument of one code point (the caller checks the length: "%c requires int or char").
std::string percent_format_char(std::string_view one_character, const PercentSpec& spec);

}  // namespace stitch::text
