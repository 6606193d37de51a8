// Python's str case conversions over UTF-8 text, with CPython 3.11's exact results:
//
//   upper      full upper mapping of each code point ('ß' -> "SS", 'ﬁ' -> "FI").
//   lower      full lower mapping ('İ' -> "i̇", two code points), plus the final-sigma rule:
//              U+03A3 becomes 'ς' when preceded by a cased letter and not followed by one,
//              skipping case-ignorable characters both ways ("ΣΑΣ" -> "σας"), else 'σ'.
//   title      title-cases a code point not preceded by a cased one, lower-cases (with final
//              sigma) one that is; "they're bill's friends" -> "They'Re Bill'S Friends".
//   capitalize first code point title-cased (3.8+ semantics), the rest lower-cased.
//   swapcase   uppercase letters lower-cased (with final sigma), lowercase ones upper-cased,
//              everything else (including titlecase digraphs) unchanged.
//   casefold   full case folding, no context ('ß' -> "ss").
//
// Input is str storage: UTF-8 where lone surrogates may appear (encoded as three bytes). A byte
// that is not valid UTF-8 is copied through unchanged and treated as an uncased, non-ignorable
// character. ASCII text takes a byte-at-a-time path that never consults the tables.
#pragma once

#include <string>
#include <string_view>

namespace stitch::unicode {

std::string upper(std::string_view text);
std::string lower(std::string_view text);
std::string title(std::string_view text);
std::string capitalize(std::string_view text);
std::string swapcase(std::string_view text);
std::string casefold(std::string_view text);

}  // namespace stitch::unicode
