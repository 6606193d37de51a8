// str: immutable Unicode text stored as UTF-8, with the code-point length and an ASCII flag cached
// at creation, so that ASCII strings index in O(1). The bytes are inline after the header and
// NUL-terminated (handy for C APIs, never relied on for length).
//
// The hash is computed on first use and cached with a relaxed atomic store: every thread computes
// the same value, so the race is benign and needs no ordering. Interned strings (identifiers,
// constants) are immortal and unique per content.
#pragma once

#include <atomic>
#include <cstdint>
#include <string_view>

#include "core/object/object.h"
#include "core/object/type.h"

namespace stitch {

extern TypeObject str_type;

struct StrObject : Object {
  std::int64_t length;        // code points
  std::int64_t byte_length;
  std::atomic<Hash> hash;     // -1 = not computed yet
  bool is_ascii;
  bool is_interned;
  char data[1];               // byte_length bytes + NUL
};

inline StrObject* as_str(Object* object) { return static_cast<StrObject*>(object); }
inline std::string_view str_view(const Object* object) {
  const auto* str = static_cast<const StrObject*>(object);
  return {str->data, static_cast<std::size_t>(str->byte_length)};
}
bool is_str(const Object* object);

/// A new str from valid UTF-8 (the caller guarantees validity).
Object* str_from_utf8(std::string_view text);
/// The interned (immortal, unique) str for `text`.
Object* str_intern(std::string_view text);
/// repr(s), with CPython's quoting and escapes (str_repr.cpp).
Object* str_repr(Object* object);
Hash str_hash(Object* str);

// In-place append (str_append.cpp), for the interpreter's `s += t` on a local that nothing else
// references. Strings are immutable to everyone who can see them; these are only for a str that
// has exactly `references` references, all held by the calling thread (the local and the value
// stack), and that is not interned.
inline bool str_concat_may_append(const Object* left, const Object* right) {
  return type_of(left) == &str_type && type_of(right) == &str_type;
}
bool str_is_appendable(Object* str, std::uint32_t references);
/// Takes the only reference to `str` and returns str + tail (a new reference, maybe `str` itself
/// grown in place), or nullptr with MemoryError.
Object* str_append_unique(Object* str, Object* tail);
bool str_equal(const Object* a, const Object* b);

void init_str_type();

}  // namespace stitch
