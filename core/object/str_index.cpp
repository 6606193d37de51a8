// str indexing, slicing, `in`, `+`, `*` and the str iterator (see str_index.h).
//
// The ASCII one-character cache: 128 atomic pointers, filled on first use with the interned
// (immortal, process-wide unique) string for the byte. A racing first use interns the same object
// twice through str_intern's mutex and stores the same pointer, so the race is benign; the store
// is a release and the load an acquire so that a thread that sees the pointer also sees the
// string's bytes and header written by the creator.
//
// The str iterator keeps its position (a byte offset) in a relaxed atomic: the string is
// immutable, and the position only ever holds code-point boundaries, so two threads sharing an
// iterator may see the same character twice (as unsynchronized iteration allows) but never read
// out of bounds or tear a code point; nothing else is published through the position.
#include "core/object/str_index.h"

#include <array>
#include <atomic>
#include <limits>
#include <string>
#include <vector>

#include "core/object/alloc.h"
#include "core/object/builtin_types.h"
#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/slice.h"
#include "core/object/str.h"
#include "core/object/str_builder.h"
#include "core/unicode/utf8.h"

namespace stitch {

TypeObject str_iterator_type;

namespace {

std::array<std::atomic<Object*>, 128> ascii_chars{};

struct StrIteratorObject : Object {
  Object* str;                              // owned; immutable after creation
  std::atomic<std::int64_t> byte_position;  // next code point's offset
};

void str_iterator_dealloc(Object* object) {
  auto* iterator = static_cast<StrIteratorObject*>(object);
  decref(iterator->str);
  iterator->byte_position.~atomic();
  free_object_memory(object);
}

Object* str_iterator_iter(Object* object) { return new_ref(object); }

Object* str_iterator_next(Object* object) {
  auto* iterator = static_cast<StrIteratorObject*>(object);
  std::string_view text = str_view(iterator->str);
  // Relaxed: see the header comment; the string's bytes are immutable.
  std::int64_t position = iterator->byte_position.load(std::memory_order_relaxed);
  if (position >= static_cast<std::int64_t>(text.size())) return nullptr;
  auto lead = static_cast<unsigned char>(text[static_cast<std::size_t>(position)]);
  std::size_t step = utf8_step(lead);
  iterator->byte_position.store(position + static_cast<std::int64_t>(step),
                                std::memory_order_relaxed);
  if (lead < 0x80) return ascii_char_str(lead);
  return str_from_utf8(text.substr(static_cast<std::size_t>(position), step));
}

std::int64_t clamp_to(std::int64_t value, std::int64_t low, std::int64_t high) {
  return value < low ? low : value > high ? high : value;
}

}  // namespace

std::optional<SliceBounds> resolve_slice(std::int64_t length, std::optional<std::int64_t> start,
                                         std::optional<std::int64_t> stop,
                                         std::optional<std::int64_t> step) {
  SliceBounds bounds{};
  bounds.step = step.value_or(1);
  if (bounds.step == 0) {
    raise_error(&value_error_type, "slice step cannot be zero");
    return std::nullopt;
  }
  if (bounds.step > 0) {
    bounds.start = start ? (*start < 0 ? *start + length : *start) : 0;
    bounds.stop = stop ? (*stop < 0 ? *stop + length : *stop) : length;
    bounds.start = clamp_to(bounds.start, 0, length);
    bounds.stop = clamp_to(bounds.stop, 0, length);
    bounds.length =
        bounds.stop > bounds.start ? (bounds.stop - bounds.start - 1) / bounds.step + 1 : 0;
  } else {
    bounds.start = start ? (*start < 0 ? *start + length : *start) : length - 1;
    bounds.stop = stop ? (*stop < 0 ? *stop + length : *stop) : -1;
    bounds.start = clamp_to(bounds.start, -1, length - 1);
    bounds.stop = clamp_to(bounds.stop, -1, length - 1);
    bounds.length =
        bounds.start > bounds.stop ? (bounds.start - bounds.stop - 1) / (-bounds.step) + 1 : 0;
  }
  return bounds;
}

std::size_t str_byte_offset(const Object* str, std::int64_t index) {
  const auto* object = static_cast<const StrObject*>(str);
  if (object->is_ascii) return static_cast<std::size_t>(index);
  return unicode::utf8_offset_of_code_point(str_view(str), static_cast<std::size_t>(index));
}

Object* ascii_char_str(unsigned char byte) {
  std::atomic<Object*>& slot = ascii_chars[byte];
  // Acquire: pairs with the release store below, so the string's contents are visible.
  Object* cached = slot.load(std::memory_order_acquire);
  if (cached != nullptr) return cached;
  char text = static_cast<char>(byte);
  Object* interned = str_intern(std::string_view(&text, 1));
  if (interned == nullptr) return nullptr;
  // Release: pairs with the acquire load above (publishes the interned string's contents).
  slot.store(interned, std::memory_order_release);
  return interned;
}

Object* str_char_at(Object* str, std::int64_t index) {
  std::string_view text = str_view(str);
  if (as_str(str)->is_ascii)
    return ascii_char_str(static_cast<unsigned char>(text[static_cast<std::size_t>(index)]));
  std::size_t offset = str_byte_offset(str, index);
  std::size_t step = utf8_step(static_cast<unsigned char>(text[offset]));
  return str_from_utf8(text.substr(offset, step));
}

Object* str_slice(Object* str, std::optional<std::int64_t> start, std::optional<std::int64_t> stop,
                  std::optional<std::int64_t> step) {
  StrObject* object = as_str(str);
  std::optional<SliceBounds> bounds = resolve_slice(object->length, start, stop, step);
  if (!bounds) return nullptr;
  std::string_view text = str_view(str);
  if (bounds->length == 0) return str_intern("");
  if (bounds->step == 1) {
    if (bounds->length == object->length) return new_ref(str);
    std::size_t begin = str_byte_offset(str, bounds->start);
    std::size_t end = object->is_ascii ? static_cast<std::size_t>(bounds->stop)
                                       : begin + unicode::utf8_offset_of_code_point(
                                                     text.substr(begin),
                                                     static_cast<std::size_t>(bounds->length));
    return str_from_utf8(text.substr(begin, end - begin));
  }
  StrBuilder result;
  if (object->is_ascii) {
    result.reserve(static_cast<std::size_t>(bounds->length));
    for (std::int64_t i = 0, index = bounds->start; i < bounds->length;
         ++i, index += bounds->step) {
      result.append_byte(text[static_cast<std::size_t>(index)]);
    }
    return result.finish();
  }
  // Non-ASCII with a step: one pass to find each code point's offset, then pick.
  std::vector<std::size_t> offsets;
  offsets.reserve(static_cast<std::size_t>(object->length) + 1);
  for (std::size_t position = 0; position < text.size();
       position += utf8_step(static_cast<unsigned char>(text[position]))) {
    offsets.push_back(position);
  }
  offsets.push_back(text.size());
  for (std::int64_t i = 0, index = bounds->start; i < bounds->length; ++i, index += bounds->step) {
    std::size_t begin = offsets[static_cast<std::size_t>(index)];
    result.append(text.substr(begin, offsets[static_cast<std::size_t>(index) + 1] - begin));
  }
  return result.finish();
}

Object* str_getitem(Object* str, Object* key) {
  if (is_int(key)) {
    if (!int_is_small(key)) {
      return raise_error(&index_error_type, "cannot fit 'int' into an index-sized integer");
    }
    std::int64_t index = as_int(key)->small;
    std::int64_t length = as_str(str)->length;
    if (index < 0) index += length;
    if (index < 0 || index >= length)
      return raise_error(&index_error_type, "string index out of range");
    return str_char_at(str, index);
  }
  if (is_slice(key)) {
    std::int64_t start = 0, stop = 0, step = 0;
    if (!slice_unpack(key, &start, &stop, &step)) return nullptr;
    return str_slice(str, start, stop, step);
  }
  return raise_error(&type_error_type,
                     std::string("string indices must be integers, not '") + type_name(key) + "'");
}

int str_contains(Object* str, Object* item) {
  if (!is_str(item)) {
    raise_error(
        &type_error_type,
        std::string("'in <string>' requires string as left operand, not ") + type_name(item));
    return -1;
  }
  return str_view(str).find(str_view(item)) != std::string_view::npos;
}

Object* str_concat(Object* left, Object* right) {
  if (!is_str(left) || !is_str(right)) {
    return raise_error(&type_error_type, std::string("can only concatenate str (not \"") +
                                             type_name(right) + "\") to str");
  }
  if (as_str(right)->byte_length == 0 && type_of(left) == &str_type) return new_ref(left);
  if (as_str(left)->byte_length == 0 && type_of(right) == &str_type) return new_ref(right);
  std::string text;
  text.reserve(static_cast<std::size_t>(as_str(left)->byte_length + as_str(right)->byte_length));
  text.append(str_view(left));
  text.append(str_view(right));
  return str_from_utf8(text);
}

Object* str_repeat(Object* str, std::int64_t count) {
  std::int64_t bytes = as_str(str)->byte_length;
  if (count <= 0 || bytes == 0) return str_intern("");
  if (count == 1 && type_of(str) == &str_type) return new_ref(str);
  if (count > std::numeric_limits<std::int64_t>::max() / bytes) {
    return raise_error(&overflow_error_type, "repeated string is too long");
  }
  // Far beyond any heap: fail as CPython does when the allocation fails, without asking
  // std::string (which would throw).
  constexpr std::int64_t kLargestString = std::int64_t{1} << 40;
  if (count * bytes > kLargestString) return raise_error(&memory_error_type, "");
  StrBuilder result;
  result.reserve(static_cast<std::size_t>(count * bytes));
  result.append_repeated(str_view(str), count);
  return result.finish();
}

Object* str_iter(Object* str) {
  auto* iterator = allocate<StrIteratorObject>(&str_iterator_type);
  if (iterator == nullptr) return nullptr;
  iterator->str = new_ref(str);
  new (&iterator->byte_position) std::atomic<std::int64_t>(0);
  return iterator;
}

bool index_argument(Object* value, std::int64_t& out) {
  if (!is_int(value)) {
    raise_error(&type_error_type, std::string("'") + type_name(value) +
                                      "' object cannot be interpreted as an integer");
    return false;
  }
  if (!int_is_small(value)) {
    raise_error(&overflow_error_type, "Python int too large to convert to C ssize_t");
    return false;
  }
  out = as_int(value)->small;
  return true;
}

bool slice_index_argument(Object* value, std::int64_t& out) {
  if (is_none(value)) return true;
  if (!is_int(value)) {
    raise_error(&type_error_type,
                "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  if (!int_is_small(value)) {
    out = mpz_sgn(&as_int(value)->big) < 0 ? std::numeric_limits<std::int64_t>::min()
                                           : std::numeric_limits<std::int64_t>::max();
    return true;
  }
  out = as_int(value)->small;
  return true;
}

void init_str_index() {
  init_static_type(str_iterator_type, "str_iterator", sizeof(StrIteratorObject), &object_type, 0);
  str_iterator_type.dealloc = str_iterator_dealloc;
  str_iterator_type.iter = str_iterator_iter;
  str_iterator_type.iternext = str_iterator_next;
  str_type.getitem = str_getitem;
  str_type.contains = str_contains;
  str_type.sequence_concat = str_concat;
  str_type.sequence_repeat = str_repeat;
  str_type.iter = str_iter;
}

}  // namespace stitch
