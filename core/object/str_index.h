// str as a sequence: indexing (ints and slices), `in`, `+`, `*`, len and iteration, plus the
// index conversions the str methods share.
//
// Indexing: ASCII strings (the common case) index by byte in O(1). Other strings map a code-point
// index to a byte offset by walking the UTF-8 (unicode::utf8_offset_of_code_point, 8 bytes at a
// time); a slice with a step other than 1 walks the text once. One-character ASCII results are
// cached immortal interned strings (a lazily filled table; see str_index.cpp for its ordering).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

/// Python's slice bounds resolved against a sequence length (CPython's PySlice_AdjustIndices).
struct SliceBounds {
  std::int64_t start;
  std::int64_t stop;
  std::int64_t step;
  std::int64_t length;  // number of selected items
};
/// Resolves optional start/stop/step (nullopt = None) for a sequence of `length` items. Returns
/// nullopt with ValueError "slice step cannot be zero" when step is 0.
std::optional<SliceBounds> resolve_slice(std::int64_t length, std::optional<std::int64_t> start,
                                         std::optional<std::int64_t> stop,
                                         std::optional<std::int64_t> step);

/// Byte offset of code point `index` (0 <= index <= length) in `str`.
std::size_t str_byte_offset(const Object* str, std::int64_t index);
/// The one-character str at code-point `index` (precondition: 0 <= index < length). ASCII
/// characters come from the immortal cache.
Object* str_char_at(Object* str, std::int64_t index);
/// The cached immortal one-character str for an ASCII byte (< 0x80).
Object* ascii_char_str(unsigned char byte);
/// str[start:stop:step] with Python's slice rules (nullopt = None).
Object* str_slice(Object* str, std::optional<std::int64_t> start, std::optional<std::int64_t> stop,
                  std::optional<std::int64_t> step);

// Slots installed on str_type by init_str_methods().
Object* str_getitem(Object* str, Object* key);        // str[int] and str[slice]
int str_contains(Object* str, Object* item);          // item in str
Object* str_concat(Object* left, Object* right);      // str + str
Object* str_repeat(Object* str, std::int64_t count);  // str * int
Object* str_iter(Object* str);                        // iter(str): yields one-character strs

extern TypeObject str_iterator_type;

/// An integer argument (CPython's PyNumber_AsSsize_t with OverflowError): ints and bools; big
/// ints raise "Python int too large to convert to C ssize_t", other types "'float' object cannot
/// be interpreted as an integer".
bool index_argument(Object* value, std::int64_t& out);
/// A start/end argument of find/count/startswith... (CPython's _PyEval_SliceIndex): None leaves
/// `out` unchanged, big ints clamp, other types raise "slice indices must be integers or None or
/// have an __index__ method".
bool slice_index_argument(Object* value, std::int64_t& out);

void init_str_index();

}  // namespace stitch
