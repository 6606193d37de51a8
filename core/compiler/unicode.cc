// UTF-8 and character classes (see unicode.h for the approximation of XID_Start / XID_Continue).
#include "core/compiler/unicode.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace stitch::compiler {

namespace {

struct CodePointRange {
  char32_t first;
  char32_t last;
};

// Non-ASCII ranges that are never identifier characters: punctuation, symbols, spaces, controls,
// private use, specials and emoji. Sorted, non-overlapping. Chosen by Unicode block and general
// category; gaps inside a block are letters (e.g. U+00AA, U+00B5, U+00BA in Latin-1).
constexpr std::array kNotIdentifier = std::to_array<CodePointRange>({
    {0x0080, 0x00A9},  // C1 controls, Latin-1 punctuation and symbols
    {0x00AB, 0x00B4},
    {0x00B6, 0x00B6},  // (U+00B7 MIDDLE DOT continues identifiers)
    {0x00B8, 0x00B9},
    {0x00BB, 0x00BF},
    {0x00D7, 0x00D7},  // multiplication sign
    {0x00F7, 0x00F7},  // division sign
    {0x02C2, 0x02C5},  // modifier symbols
    {0x02D2, 0x02DF},
    {0x02E5, 0x02EB},
    {0x02ED, 0x02ED},
    {0x02EF, 0x02FF},
    {0x0375, 0x0375},
    {0x037E, 0x037E},  // Greek question mark
    {0x0384, 0x0385},
    {0x03F6, 0x03F6},
    {0x0482, 0x0482},
    {0x055A, 0x055F},  // Armenian punctuation
    {0x0589, 0x058A},
    {0x05BE, 0x05BE},
    {0x05C0, 0x05C0},
    {0x05C3, 0x05C3},
    {0x05C6, 0x05C6},
    {0x05F3, 0x05F4},
    {0x0600, 0x060F},  // Arabic signs and punctuation
    {0x061B, 0x061F},
    {0x066A, 0x066D},
    {0x06D4, 0x06D4},
    {0x06DD, 0x06DE},
    {0x06E9, 0x06E9},
    {0x0964, 0x0965},  // Devanagari danda
    {0x0970, 0x0970},
    {0x0E3F, 0x0E3F},  // Thai baht
    {0x0E4F, 0x0E4F},
    {0x0E5A, 0x0E5B},
    {0x10FB, 0x10FB},
    {0x1680, 0x1680},  // Ogham space
    {0x2000, 0x203E},  // General Punctuation (U+203F/U+2040 are connector punctuation)
    {0x2041, 0x2053},
    {0x2055, 0x2070},  // (U+2054 is connector punctuation; U+2071 is a letter)
    {0x2072, 0x207E},  // superscripts (U+207F is a letter)
    {0x2080, 0x208F},  // subscripts
    {0x20A0, 0x20CF},  // currency symbols
    {0x20DD, 0x20E0},  // enclosing marks
    {0x20E2, 0x20E4},
    {0x2100, 0x2101},  // letterlike symbols that are not letters
    {0x2103, 0x2106},
    {0x2108, 0x2109},
    {0x2114, 0x2114},
    {0x2116, 0x2117},
    {0x211E, 0x2123},
    {0x2125, 0x2125},
    {0x2127, 0x2127},
    {0x2129, 0x2129},
    {0x212E, 0x212E},
    {0x213A, 0x213B},
    {0x2140, 0x2144},
    {0x214A, 0x214D},
    {0x214F, 0x215F},  // number forms: fractions (Roman numerals U+2160.. are letters)
    {0x2189, 0x218F},
    {0x2190, 0x2BFF},  // arrows, math operators, technical, box drawing, shapes, dingbats
    {0x2CE5, 0x2CEA},
    {0x2CF9, 0x2CFF},
    {0x2E00, 0x2E7F},  // supplemental punctuation
    {0x2E80, 0x2FFF},  // CJK radicals, Kangxi radicals, ideographic description
    {0x3000, 0x3004},  // CJK symbols and punctuation
    {0x3008, 0x3020},
    {0x3030, 0x3030},
    {0x3036, 0x3037},
    {0x303D, 0x303F},
    {0x309B, 0x309C},
    {0x30A0, 0x30A0},
    {0x30FB, 0x30FB},  // katakana middle dot
    {0x3190, 0x319F},
    {0x31C0, 0x31EF},
    {0x3200, 0x33FF},  // enclosed CJK letters, CJK compatibility
    {0x4DC0, 0x4DFF},  // Yijing hexagram symbols
    {0xA490, 0xA4CF},
    {0xA4FE, 0xA4FF},
    {0xA60D, 0xA60F},
    {0xA673, 0xA673},
    {0xA67E, 0xA67E},
    {0xA6F2, 0xA6F7},
    {0xA700, 0xA716},
    {0xA720, 0xA721},
    {0xA789, 0xA78A},
    {0xA828, 0xA82B},
    {0xA830, 0xA839},
    {0xA874, 0xA877},
    {0xD800, 0xF8FF},  // surrogates, private use
    {0xFB29, 0xFB29},
    {0xFBB2, 0xFBC2},
    {0xFD3E, 0xFD4F},
    {0xFDCF, 0xFDEF},
    {0xFDFC, 0xFDFF},
    {0xFE10, 0xFE1F},  // vertical forms
    {0xFE30, 0xFE32},  // CJK compatibility forms (U+FE33/U+FE34 are connector punctuation)
    {0xFE35, 0xFE4C},
    {0xFE50, 0xFE6F},  // small forms
    {0xFEFF, 0xFEFF},  // zero width no-break space (byte order mark)
    {0xFF01, 0xFF0F},  // fullwidth punctuation
    {0xFF1A, 0xFF20},
    {0xFF3B, 0xFF3E},
    {0xFF40, 0xFF40},
    {0xFF5B, 0xFF65},
    {0xFFE0, 0xFFFF},  // fullwidth signs, specials
    {0x1D000, 0x1D24F},  // musical symbols
    {0x1D300, 0x1D35F},
    {0x1F000, 0x1FAFF},  // mahjong, cards, enclosed supplements, emoji, symbols
    {0xF0000, 0x10FFFF},  // supplementary private use
});

// Non-ASCII ranges that may continue but not start an identifier: combining marks and decimal
// digits of other scripts (a representative subset), and connector punctuation.
constexpr std::array kContinueOnly = std::to_array<CodePointRange>({
    {0x00B7, 0x00B7},
    {0x0300, 0x036F},  // combining diacritical marks
    {0x0483, 0x0487},
    {0x0591, 0x05BD},
    {0x0610, 0x061A},
    {0x064B, 0x0669},  // Arabic marks and Arabic-Indic digits
    {0x06F0, 0x06F9},
    {0x0900, 0x0903},
    {0x093A, 0x094F},
    {0x0966, 0x096F},
    {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF},
    {0x203F, 0x2040},
    {0x2054, 0x2054},
    {0x20D0, 0x20DC},
    {0x20E1, 0x20E1},
    {0x20E5, 0x20F0},
    {0xFE00, 0xFE0F},  // variation selectors
    {0xFE20, 0xFE2F},
    {0xFE33, 0xFE34},
    {0xFE4D, 0xFE4F},
    {0xFF10, 0xFF19},  // fullwidth digits
    {0xFF3F, 0xFF3F},
});

// Non-ASCII code points that are not printable (Python's str.isprintable).
constexpr std::array kNotPrintable = std::to_array<CodePointRange>({
    {0x0080, 0x00A0},
    {0x00AD, 0x00AD},
    {0x0600, 0x0605},
    {0x061C, 0x061C},
    {0x06DD, 0x06DD},
    {0x070F, 0x070F},
    {0x1680, 0x1680},
    {0x180E, 0x180E},
    {0x2000, 0x200F},
    {0x2028, 0x202F},
    {0x205F, 0x2064},
    {0x2066, 0x206F},
    {0x3000, 0x3000},
    {0xD800, 0xF8FF},
    {0xFEFF, 0xFEFF},
    {0xFFF9, 0xFFFB},
    {0xFFFE, 0xFFFF},
    {0xE0000, 0xE0FFF},
    {0xF0000, 0x10FFFF},
});

template <size_t N>
bool in_ranges(const std::array<CodePointRange, N>& ranges, char32_t code_point) {
  auto after = std::upper_bound(
      ranges.begin(), ranges.end(), code_point,
      [](char32_t value, const CodePointRange& range) { return value < range.first; });
  if (after == ranges.begin()) return false;
  return code_point <= std::prev(after)->last;
}

}  // namespace

char32_t decode_utf8_at(std::string_view text, size_t index, size_t& length) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[index + i]); };
  unsigned char lead = byte(0);
  if (lead < 0x80) {
    length = 1;
    return lead;
  }
  if (lead < 0xE0) {
    length = 2;
    return (char32_t(lead & 0x1F) << 6) | (byte(1) & 0x3F);
  }
  if (lead < 0xF0) {
    length = 3;
    return (char32_t(lead & 0x0F) << 12) | (char32_t(byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
  }
  length = 4;
  return (char32_t(lead & 0x07) << 18) | (char32_t(byte(1) & 0x3F) << 12) |
         (char32_t(byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
}

size_t valid_utf8_sequence_length(std::string_view text, size_t index) {
  size_t available = text.size() - index;
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[index + i]); };
  auto is_continuation = [&](size_t i) { return i < available && (byte(i) & 0xC0) == 0x80; };
  unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  if (lead < 0xC2) return 0;  // continuation byte or overlong two-byte form
  if (lead < 0xE0) return is_continuation(1) ? 2 : 0;
  if (lead < 0xF0) {
    if (!is_continuation(1) || !is_continuation(2)) return 0;
    if (lead == 0xE0 && byte(1) < 0xA0) return 0;   // overlong
    if (lead == 0xED && byte(1) >= 0xA0) return 0;  // UTF-16 surrogate
    return 3;
  }
  if (lead < 0xF5) {
    if (!is_continuation(1) || !is_continuation(2) || !is_continuation(3)) return 0;
    if (lead == 0xF0 && byte(1) < 0x90) return 0;   // overlong
    if (lead == 0xF4 && byte(1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

size_t count_code_points(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

bool is_identifier_start(char32_t code_point) {
  if (code_point < 0x80) {
    return (code_point >= 'a' && code_point <= 'z') || (code_point >= 'A' && code_point <= 'Z') ||
           code_point == '_';
  }
  return !in_ranges(kNotIdentifier, code_point) && !in_ranges(kContinueOnly, code_point);
}

bool is_identifier_continue(char32_t code_point) {
  if (code_point < 0x80) return is_identifier_start(code_point) || (code_point >= '0' && code_point <= '9');
  return !in_ranges(kNotIdentifier, code_point);
}

bool is_printable(char32_t code_point) {
  if (code_point < 0x80) return code_point >= 0x20 && code_point < 0x7F;
  return !in_ranges(kNotPrintable, code_point);
}

std::string code_point_hex(char32_t code_point) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04X", static_cast<unsigned>(code_point));
  return buffer;
}

}  // namespace stitch::compiler
