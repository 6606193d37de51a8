// str's methods other than format (see str_methods.h for the conventions).
//
// Positions: Python counts code points, the storage is UTF-8. ASCII strings (flag cached in the
// object) use byte positions directly; other strings convert a code-point start/end to byte
// offsets once, search the bytes (a valid UTF-8 needle can only match at code-point boundaries)
// and convert a found byte offset back by counting code points before it.
// No method keeps state between calls and strings are immutable: nothing here needs ordering.
#include "core/object/str_methods.h"

#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/str_builder.h"
#include "core/object/str_index.h"
#include "core/object/tuple.h"
#include "core/unicode/char_database.h"
#include "core/unicode/string_case.h"
#include "core/unicode/string_predicates.h"

namespace stitch {

namespace {

constexpr std::int64_t kMaxIndex = std::numeric_limits<std::int64_t>::max();

// ---- argument helpers ----

bool require_str(Object* value) {
  if (is_str(value)) return true;
  raise_error(&type_error_type, std::string("must be str, not ") + type_name(value));
  return false;
}

std::string_view view_of(Object* str) { return str_view(str); }
bool is_ascii_str(Object* str) { return as_str(str)->is_ascii; }

std::int64_t code_points_before(Object* str, std::size_t byte_offset) {
  if (is_ascii_str(str)) return static_cast<std::int64_t>(byte_offset);
  return static_cast<std::int64_t>(unicode::count_code_points(view_of(str).substr(0, byte_offset)));
}

// Python's ADJUST_INDICES for find/count/startswith: start/end clamped to [0, length].
void adjust_indices(std::int64_t length, std::int64_t& start, std::int64_t& end) {
  if (end > length) {
    end = length;
  } else if (end < 0) {
    end += length;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += length;
    if (start < 0) start = 0;
  }
}

Object* new_list(const std::vector<Ref>& items) {
  Ref list = Ref::steal(list_new(static_cast<std::int64_t>(items.size())));
  if (!list) return nullptr;
  for (const Ref& item : items) {
    if (list_append(list.get(), item.get()) < 0) return nullptr;
  }
  return list.release();
}

bool push_str(std::vector<Ref>& items, std::string_view text) {
  Object* piece = str_from_utf8(text);
  if (piece == nullptr) return false;
  items.push_back(Ref::steal(piece));
  return true;
}

bool is_space_at(std::string_view text, std::size_t position, std::size_t& length) {
  auto lead = static_cast<unsigned char>(text[position]);
  if (lead < 0x80) {
    length = 1;
    return (lead >= 0x09 && lead <= 0x0D) || (lead >= 0x1C && lead <= 0x20);
  }
  unicode::DecodedCodePoint decoded = unicode::decode_next(text, position);
  length = decoded.length;
  return unicode::is_space(decoded.code_point);
}

// Whether the code point ending just before `end` is whitespace; `length` gets its byte length.
bool is_space_before(std::string_view text, std::size_t end, std::size_t& length) {
  std::size_t start = utf8_previous(text, end);
  std::size_t ignored = 0;
  bool space = is_space_at(text, start, ignored);
  length = end - start;
  return space;
}

// ---- search: positions in code points, relative to the whole string ----

struct SearchRange {
  std::size_t begin;  // byte offsets
  std::size_t end;
  bool empty_range;  // end - start < 0 in code points: nothing can match, not even ''
};

bool parse_search_arguments(const char* name, Object* const* args, std::size_t nargs,
                            Object* kwnames, Object* self, SearchRange& range) {
  std::string qualified = std::string("str.") + name;
  if (!check_no_keywords(qualified.c_str(), kwnames)) return false;
  if (nargs < 1) {
    raise_error(&type_error_type, std::string(name) + "() takes at least 1 argument (0 given)");
    return false;
  }
  if (nargs > 3) {
    raise_error(&type_error_type, std::string(name) + "() takes at most 3 arguments (" +
                                      std::to_string(nargs) + " given)");
    return false;
  }
  std::int64_t start = 0, end = kMaxIndex;
  if (nargs > 1 && !slice_index_argument(args[1], start)) return false;
  if (nargs > 2 && !slice_index_argument(args[2], end)) return false;
  std::int64_t length = as_str(self)->length;
  adjust_indices(length, start, end);
  range.empty_range = start > end || start > length;
  if (range.empty_range) {
    range.begin = range.end = 0;
    return true;
  }
  range.begin = str_byte_offset(self, start);
  range.end = str_byte_offset(self, end);
  return true;
}

// Returns the code-point index of the first (or last) match, -1 if none, -2 on error.
std::int64_t search(const char* name, Object* self, Object* const* args, std::size_t nargs,
                    Object* kwnames, bool from_right) {
  SearchRange range{};
  if (!parse_search_arguments(name, args, nargs, kwnames, self, range)) return -2;
  if (!require_str(args[0])) return -2;
  if (range.empty_range) return -1;
  std::string_view haystack = view_of(self).substr(range.begin, range.end - range.begin);
  std::string_view needle = view_of(args[0]);
  std::size_t found = from_right ? haystack.rfind(needle) : haystack.find(needle);
  if (found == std::string_view::npos) return -1;
  return code_points_before(self, range.begin + found);
}

Object* search_result(std::int64_t position, bool raise_when_missing) {
  if (position == -2) return nullptr;
  if (position == -1 && raise_when_missing)
    return raise_error(&value_error_type, "substring not found");
  return int_from_int64(position);
}

// ---- split family ----

Object* split_whitespace(Object* self, std::int64_t maxsplit) {
  std::string_view text = view_of(self);
  std::vector<Ref> items;
  std::size_t position = 0, length = 0;
  while (true) {
    while (position < text.size() && is_space_at(text, position, length)) position += length;
    if (position == text.size()) break;
    if (maxsplit == 0) {
      // The rest after the skipped whitespace, trailing whitespace included (as CPython).
      if (!push_str(items, text.substr(position))) return nullptr;
      break;
    }
    std::size_t word = position;
    while (position < text.size() && !is_space_at(text, position, length)) position += length;
    if (!push_str(items, text.substr(word, position - word))) return nullptr;
    --maxsplit;
  }
  return new_list(items);
}

Object* rsplit_whitespace(Object* self, std::int64_t maxsplit) {
  std::string_view text = view_of(self);
  std::vector<Ref> items;
  std::size_t end = text.size(), length = 0;
  while (true) {
    while (end > 0 && is_space_before(text, end, length)) end -= length;
    if (end == 0) break;
    if (maxsplit == 0) {
      // The rest before the skipped whitespace, leading whitespace included (as CPython).
      if (!push_str(items, text.substr(0, end))) return nullptr;
      break;
    }
    std::size_t word_end = end;
    while (end > 0 && !is_space_before(text, end, length)) end -= length;
    if (!push_str(items, text.substr(end, word_end - end))) return nullptr;
    --maxsplit;
  }
  std::vector<Ref> reversed(std::make_move_iterator(items.rbegin()),
                            std::make_move_iterator(items.rend()));
  return new_list(reversed);
}

Object* split_separator(Object* self, std::string_view separator, std::int64_t maxsplit,
                        bool from_right) {
  std::string_view text = view_of(self);
  std::vector<Ref> items;
  if (!from_right) {
    std::size_t position = 0;
    while (maxsplit != 0) {
      std::size_t found = text.find(separator, position);
      if (found == std::string_view::npos) break;
      if (!push_str(items, text.substr(position, found - position))) return nullptr;
      position = found + separator.size();
      --maxsplit;
    }
    if (!push_str(items, text.substr(position))) return nullptr;
    return new_list(items);
  }
  std::size_t end = text.size();
  while (maxsplit != 0 && end >= separator.size()) {
    std::size_t found = text.substr(0, end).rfind(separator);
    if (found == std::string_view::npos) break;
    std::size_t after = found + separator.size();
    if (!push_str(items, text.substr(after, end - after))) return nullptr;
    end = found;
    --maxsplit;
  }
  if (!push_str(items, text.substr(0, end))) return nullptr;
  std::vector<Ref> reversed(std::make_move_iterator(items.rbegin()),
                            std::make_move_iterator(items.rend()));
  return new_list(reversed);
}

Object* split_common(const char* name, Object* self, Object* const* args, std::size_t nargs,
                     Object* kwnames, bool from_right) {
  Object* bound[2];
  if (!bind_native_arguments(name, args, nargs, kwnames, {"sep", "maxsplit"}, bound)) return nullptr;
  std::int64_t maxsplit = -1;
  if (bound[1] != nullptr && !index_argument(bound[1], maxsplit)) return nullptr;
  if (maxsplit < 0) maxsplit = kMaxIndex;
  if (bound[0] == nullptr || is_none(bound[0])) {
    return from_right ? rsplit_whitespace(self, maxsplit) : split_whitespace(self, maxsplit);
  }
  if (!is_str(bound[0])) {
    return raise_error(&type_error_type,
                       std::string("must be str or None, not ") + type_name(bound[0]));
  }
  if (as_str(bound[0])->byte_length == 0) return raise_error(&value_error_type, "empty separator");
  return split_separator(self, view_of(bound[0]), maxsplit, from_right);
}

// ---- strip family ----

enum class StripSide { kLeft, kRight, kBoth };

bool code_point_in(std::string_view set, std::string_view text, std::size_t position,
                   std::size_t& length) {
  length = utf8_step(static_cast<unsigned char>(text[position]));
  std::string_view code_point = text.substr(position, length);
  for (std::size_t i = 0; i < set.size(); i += utf8_step(static_cast<unsigned char>(set[i]))) {
    if (set.substr(i, utf8_step(static_cast<unsigned char>(set[i]))) == code_point) return true;
  }
  return false;
}

Object* strip_common(const char* name, Object* self, Object* const* args, std::size_t nargs,
                     Object* kwnames, StripSide side) {
  std::string qualified = std::string("str.") + name;
  if (!check_no_keywords(qualified.c_str(), kwnames)) return nullptr;
  if (!check_argument_range(name, nargs, 0, 1)) return nullptr;
  Object* chars = nargs > 0 ? args[0] : nullptr;
  if (chars != nullptr && !is_none(chars) && !is_str(chars)) {
    return raise_error(&type_error_type, std::string(name) + " arg must be None or str");
  }
  bool whitespace = chars == nullptr || is_none(chars);
  std::string_view set = whitespace ? std::string_view() : view_of(chars);
  std::string_view text = view_of(self);
  std::size_t begin = 0, end = text.size(), length = 0;
  if (side != StripSide::kRight) {
    while (begin < end && (whitespace ? is_space_at(text, begin, length)
                                      : code_point_in(set, text, begin, length))) {
      begin += length;
    }
  }
  if (side != StripSide::kLeft) {
    while (end > begin) {
      std::size_t previous = utf8_previous(text, end);
      bool strip = whitespace ? is_space_at(text, previous, length)
                              : code_point_in(set, text, previous, length);
      if (!strip) break;
      end = previous;
    }
  }
  if (begin == 0 && end == text.size() && type_of(self) == &str_type) return new_ref(self);
  return str_from_utf8(text.substr(begin, end - begin));
}

// ---- case and predicates ----

using CaseFunction = std::string (*)(std::string_view);
using Predicate = bool (*)(std::string_view);

Object* case_common(const char* qualified, Object* self, std::size_t nargs, Object* kwnames,
                    CaseFunction convert) {
  if (!check_no_keywords(qualified, kwnames) || !check_no_arguments(qualified, nargs))
    return nullptr;
  return str_from_utf8(convert(view_of(self)));
}

Object* predicate_common(const char* qualified, Object* self, std::size_t nargs, Object* kwnames,
                         Predicate test) {
  if (!check_no_keywords(qualified, kwnames) || !check_no_arguments(qualified, nargs))
    return nullptr;
  return bool_from(test(view_of(self)));
}

// ---- padding ----

enum class Align { kLeft, kRight, kCenter };

Object* pad_common(const char* name, Object* self, Object* const* args, std::size_t nargs,
                   Object* kwnames, Align align) {
  std::string qualified = std::string("str.") + name;
  if (!check_no_keywords(qualified.c_str(), kwnames)) return nullptr;
  if (!check_argument_range(name, nargs, 1, 2)) return nullptr;
  std::int64_t width = 0;
  if (!index_argument(args[0], width)) return nullptr;
  std::string_view fill = " ";
  if (nargs > 1) {
    if (!is_str(args[1])) {
      return raise_error(
          &type_error_type,
          std::string("The fill character must be a unicode character, not ") + type_name(args[1]));
    }
    if (as_str(args[1])->length != 1) {
      return raise_error(&type_error_type, "The fill character must be exactly one character long");
    }
    fill = view_of(args[1]);
  }
  std::int64_t length = as_str(self)->length;
  if (width <= length) {
    if (type_of(self) == &str_type) return new_ref(self);
    return str_from_utf8(view_of(self));
  }
  std::int64_t pad = width - length;
  std::int64_t left = 0;
  switch (align) {
    case Align::kLeft: left = 0; break;
    case Align::kRight: left = pad; break;
    case Align::kCenter: left = pad / 2 + (pad & width & 1); break;  // CPython's rounding
  }
  StrBuilder result;
  result.reserve(as_str(self)->byte_length + static_cast<std::size_t>(pad) * fill.size());
  result.append_repeated(fill, left);
  result.append(view_of(self));
  result.append_repeated(fill, pad - left);
  return result.finish();
}

Object* partition_common(const char* qualified, Object* self, Object* const* args,
                         std::size_t nargs, Object* kwnames, bool from_right) {
  if (!check_no_keywords(qualified, kwnames) || !check_exactly_one_argument(qualified, nargs))
    return nullptr;
  if (!require_str(args[0])) return nullptr;
  std::string_view separator = view_of(args[0]);
  if (separator.empty()) return raise_error(&value_error_type, "empty separator");
  std::string_view text = view_of(self);
  std::size_t found = from_right ? text.rfind(separator) : text.find(separator);
  Ref empty = Ref::steal(str_intern(""));
  if (found == std::string_view::npos) {
    if (from_right) return tuple_pack({empty.get(), empty.get(), self});
    return tuple_pack({self, empty.get(), empty.get()});
  }
  Ref before = Ref::steal(str_from_utf8(text.substr(0, found)));
  Ref after = Ref::steal(str_from_utf8(text.substr(found + separator.size())));
  if (!before || !after) return nullptr;
  return tuple_pack({before.get(), args[0], after.get()});
}

// startswith/endswith of one prefix within [begin, end) (byte offsets; empty_range: no match).
bool tail_match(std::string_view text, const SearchRange& range, std::string_view affix,
                bool at_end) {
  if (range.empty_range) return false;
  std::string_view window = text.substr(range.begin, range.end - range.begin);
  if (affix.size() > window.size()) return false;
  return at_end ? window.substr(window.size() - affix.size()) == affix
                : window.substr(0, affix.size()) == affix;
}

Object* affix_common(const char* name, Object* self, Object* const* args, std::size_t nargs,
                     Object* kwnames, bool at_end) {
  SearchRange range{};
  if (!parse_search_arguments(name, args, nargs, kwnames, self, range)) return nullptr;
  std::string_view text = view_of(self);
  Object* affix = args[0];
  if (is_tuple(affix)) {
    TupleObject* options = as_tuple(affix);
    for (std::int64_t i = 0; i < options->size; ++i) {
      if (!is_str(options->items[i])) {
        return raise_error(&type_error_type, std::string("tuple for ") + name +
                                                 " must only contain str, not " +
                                                 type_name(options->items[i]));
      }
      if (tail_match(text, range, view_of(options->items[i]), at_end)) return bool_from(true);
    }
    return bool_from(false);
  }
  if (!is_str(affix)) {
    return raise_error(
        &type_error_type,
        std::string(name) + " first arg must be str or a tuple of str, not " + type_name(affix));
  }
  return bool_from(tail_match(text, range, view_of(affix), at_end));
}

bool append_join_item(StrBuilder& result, Object* item, std::int64_t index,
                      std::string_view separator) {
  if (!is_str(item)) {
    raise_error(&type_error_type, "sequence item " + std::to_string(index) +
                                      ": expected str instance, " + type_name(item) + " found");
    return false;
  }
  if (index > 0) result.append(separator);
  result.append(view_of(item));
  return true;
}

}  // namespace

Object* str_join(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("str.join", kwnames) || !check_exactly_one_argument("str.join", nargs))
    return nullptr;
  Object* iterable = args[0];
  std::string_view separator = view_of(self);
  StrBuilder result;
  if (is_tuple(iterable)) {
    TupleObject* tuple = as_tuple(iterable);
    if (tuple->size == 1 && type_of(tuple->items[0]) == &str_type) return new_ref(tuple->items[0]);
    for (std::int64_t i = 0; i < tuple->size; ++i) {
      if (!append_join_item(result, tuple->items[i], i, separator)) return nullptr;
    }
    return result.finish();
  }
  if (is_list(iterable)) {
    // Items are read one at a time under the list's lock; a concurrent mutation changes what is
    // joined but never makes us read freed memory.
    for (std::int64_t i = 0;; ++i) {
      Ref item = Ref::steal(list_item_ref(as_list(iterable), i));
      if (!item) break;
      if (!append_join_item(result, item.get(), i, separator)) return nullptr;
    }
    return result.finish();
  }
  // Any other iterable, through its type's iteration slots.
  TypeObject* type = type_of(iterable);
  if (type->iter == nullptr) return raise_error(&type_error_type, "can only join an iterable");
  Ref iterator = Ref::steal(type->iter(iterable));
  if (!iterator) return nullptr;
  UnarySlot next = type_of(iterator.get())->iternext;
  if (next == nullptr) {
    return raise_error(&type_error_type, std::string("iter() returned non-iterator of type '") +
                                             type_name(iterator.get()) + "'");
  }
  for (std::int64_t i = 0;; ++i) {
    Ref item = Ref::steal(next(iterator.get()));
    if (!item) {
      if (has_exception()) return nullptr;
      break;
    }
    if (!append_join_item(result, item.get(), i, separator)) return nullptr;
  }
  return result.finish();
}

Object* str_split(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return split_common("split", self, args, nargs, kwnames, false);
}

Object* str_rsplit(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return split_common("rsplit", self, args, nargs, kwnames, true);
}

Object* str_splitlines(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* bound[1];
  if (!bind_native_arguments("splitlines", args, nargs, kwnames, {"keepends"}, bound)) return nullptr;
  std::int64_t keepends = 0;
  if (bound[0] != nullptr && !index_argument(bound[0], keepends)) return nullptr;
  std::string_view text = view_of(self);
  std::vector<Ref> items;
  std::size_t line = 0, position = 0;
  while (position < text.size()) {
    auto lead = static_cast<unsigned char>(text[position]);
    std::size_t length = 1;
    bool is_break = false;
    if (lead < 0x80) {
      is_break = lead == '\n' || lead == '\r' || lead == '\v' || lead == '\f' ||
                 (lead >= 0x1C && lead <= 0x1E);
    } else {
      unicode::DecodedCodePoint decoded = unicode::decode_next(text, position);
      length = decoded.length;
      is_break = unicode::is_linebreak(decoded.code_point);
    }
    if (!is_break) {
      position += length;
      continue;
    }
    std::size_t end = position;
    position += length;
    if (lead == '\r' && position < text.size() && text[position] == '\n') ++position;
    if (!push_str(items, text.substr(line, (keepends != 0 ? position : end) - line)))
      return nullptr;
    line = position;
  }
  if (line < text.size() && !push_str(items, text.substr(line))) return nullptr;
  return new_list(items);
}

Object* str_strip(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return strip_common("strip", self, args, nargs, kwnames, StripSide::kBoth);
}
Object* str_lstrip(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return strip_common("lstrip", self, args, nargs, kwnames, StripSide::kLeft);
}
Object* str_rstrip(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return strip_common("rstrip", self, args, nargs, kwnames, StripSide::kRight);
}

Object* str_replace(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("str.replace", kwnames) || !check_argument_range("replace", nargs, 2, 3))
    return nullptr;
  for (std::size_t i = 0; i < 2; ++i) {
    if (!is_str(args[i])) {
      return raise_error(&type_error_type, "replace() argument " + std::to_string(i + 1) +
                                               " must be str, not " + type_name(args[i]));
    }
  }
  std::int64_t count = -1;
  if (nargs > 2 && !index_argument(args[2], count)) return nullptr;
  if (count < 0) count = kMaxIndex;
  std::string_view text = view_of(self), old_text = view_of(args[0]), new_text = view_of(args[1]);
  StrBuilder result;
  if (old_text.empty()) {
    // '' matches before every code point and at the end.
    std::size_t position = 0;
    while (count > 0) {
      result.append(new_text);
      --count;
      if (position == text.size()) break;
      std::size_t step = utf8_step(static_cast<unsigned char>(text[position]));
      result.append(text.substr(position, step));
      position += step;
    }
    result.append(text.substr(position));
    return result.finish();
  }
  std::size_t position = 0;
  while (count > 0) {
    std::size_t found = text.find(old_text, position);
    if (found == std::string_view::npos) break;
    result.append(text.substr(position, found - position));
    result.append(new_text);
    position = found + old_text.size();
    --count;
  }
  if (position == 0 && type_of(self) == &str_type) return new_ref(self);
  result.append(text.substr(position));
  return result.finish();
}

Object* str_find(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return search_result(search("find", self, args, nargs, kwnames, false), false);
}
Object* str_rfind(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return search_result(search("rfind", self, args, nargs, kwnames, true), false);
}
Object* str_index(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return search_result(search("index", self, args, nargs, kwnames, false), true);
}
Object* str_rindex(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return search_result(search("rindex", self, args, nargs, kwnames, true), true);
}

Object* str_count(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  SearchRange range{};
  if (!parse_search_arguments("count", args, nargs, kwnames, self, range)) return nullptr;
  if (!require_str(args[0])) return nullptr;
  if (range.empty_range) return int_from_int64(0);
  std::string_view window = view_of(self).substr(range.begin, range.end - range.begin);
  std::string_view needle = view_of(args[0]);
  if (needle.empty()) {
    std::int64_t code_points = is_ascii_str(self)
                                   ? static_cast<std::int64_t>(window.size())
                                   : static_cast<std::int64_t>(unicode::count_code_points(window));
    return int_from_int64(code_points + 1);
  }
  std::int64_t count = 0;
  for (std::size_t found = window.find(needle); found != std::string_view::npos;
       found = window.find(needle, found + needle.size())) {
    ++count;
  }
  return int_from_int64(count);
}

Object* str_startswith(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return affix_common("startswith", self, args, nargs, kwnames, false);
}
Object* str_endswith(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return affix_common("endswith", self, args, nargs, kwnames, true);
}

// str.removeprefix / str.removesuffix: METH_O, and an exact-str result even for a subclass.
Object* remove_affix(const char* name, Object* self, Object* const* args, std::size_t nargs,
                     Object* kwnames, bool suffix) {
  std::string qualified = std::string("str.") + name;
  if (!check_no_keywords(qualified.c_str(), kwnames)) return nullptr;
  if (!check_exactly_one_argument(qualified.c_str(), nargs)) return nullptr;
  if (!is_str(args[0])) {
    return raise_error(&type_error_type,
                       std::string(name) + "() argument must be str, not " + type_name(args[0]));
  }
  std::string_view text = view_of(self);
  std::string_view affix = view_of(args[0]);
  bool found = suffix ? text.ends_with(affix) : text.starts_with(affix);
  if (!found || affix.empty()) {
    if (type_of(self) == &str_type) return new_ref(self);
    return str_from_utf8(text);
  }
  return str_from_utf8(suffix ? text.substr(0, text.size() - affix.size()) : text.substr(affix.size()));
}

Object* str_removeprefix(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return remove_affix("removeprefix", self, args, nargs, kwnames, false);
}
Object* str_removesuffix(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return remove_affix("removesuffix", self, args, nargs, kwnames, true);
}

Object* str_upper(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return case_common("str.upper", self, nargs, kwnames, unicode::upper);
}
Object* str_lower(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return case_common("str.lower", self, nargs, kwnames, unicode::lower);
}
Object* str_title(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return case_common("str.title", self, nargs, kwnames, unicode::title);
}
Object* str_capitalize(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return case_common("str.capitalize", self, nargs, kwnames, unicode::capitalize);
}
Object* str_swapcase(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return case_common("str.swapcase", self, nargs, kwnames, unicode::swapcase);
}
Object* str_casefold(Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return case_common("str.casefold", self, nargs, kwnames, unicode::casefold);
}

#define STITCH_STR_PREDICATE(name)                                                       \
  Object* str_##name(Object* self, Object* const*, std::size_t nargs, Object* kwnames) { \
    return predicate_common("str." #name, self, nargs, kwnames, unicode::str_##name);    \
  }
STITCH_STR_PREDICATE(isdigit)
STITCH_STR_PREDICATE(isalpha)
STITCH_STR_PREDICATE(isalnum)
STITCH_STR_PREDICATE(isspace)
STITCH_STR_PREDICATE(isupper)
STITCH_STR_PREDICATE(islower)
STITCH_STR_PREDICATE(istitle)
STITCH_STR_PREDICATE(isdecimal)
STITCH_STR_PREDICATE(isnumeric)
STITCH_STR_PREDICATE(isidentifier)
STITCH_STR_PREDICATE(isprintable)
STITCH_STR_PREDICATE(isascii)
#undef STITCH_STR_PREDICATE

Object* str_center(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return pad_common("center", self, args, nargs, kwnames, Align::kCenter);
}
Object* str_ljust(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return pad_common("ljust", self, args, nargs, kwnames, Align::kLeft);
}
Object* str_rjust(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return pad_common("rjust", self, args, nargs, kwnames, Align::kRight);
}

Object* str_zfill(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("str.zfill", kwnames) || !check_exactly_one_argument("str.zfill", nargs))
    return nullptr;
  std::int64_t width = 0;
  if (!index_argument(args[0], width)) return nullptr;
  std::int64_t length = as_str(self)->length;
  std::string_view text = view_of(self);
  if (width <= length) return type_of(self) == &str_type ? new_ref(self) : str_from_utf8(text);
  StrBuilder result;
  std::size_t sign = !text.empty() && (text[0] == '+' || text[0] == '-') ? 1 : 0;
  result.append(text.substr(0, sign));
  result.append_repeated("0", width - length);
  result.append(text.substr(sign));
  return result.finish();
}

Object* str_partition(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return partition_common("str.partition", self, args, nargs, kwnames, false);
}
Object* str_rpartition(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return partition_common("str.rpartition", self, args, nargs, kwnames, true);
}

Object* str_expandtabs(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* bound[1];
  if (!bind_native_arguments("expandtabs", args, nargs, kwnames, {"tabsize"}, bound)) return nullptr;
  std::int64_t tabsize = 8;
  if (bound[0] != nullptr && !index_argument(bound[0], tabsize)) return nullptr;
  std::string_view text = view_of(self);
  StrBuilder result;
  std::int64_t column = 0;
  for (std::size_t position = 0; position < text.size();) {
    char byte = text[position];
    std::size_t step = utf8_step(static_cast<unsigned char>(byte));
    if (byte == '\t') {
      if (tabsize > 0) {
        std::int64_t spaces = tabsize - column % tabsize;
        result.append_repeated(" ", spaces);
        column += spaces;
      }
    } else {
      result.append(text.substr(position, step));
      ++column;
      if (byte == '\n' || byte == '\r') column = 0;
    }
    position += step;
  }
  return result.finish();
}

const MethodDef* str_method_table() {
  static const MethodDef methods[] = {
      {"join", str_join},
      {"split", str_split},
      {"rsplit", str_rsplit},
      {"splitlines", str_splitlines},
      {"strip", str_strip},
      {"lstrip", str_lstrip},
      {"rstrip", str_rstrip},
      {"replace", str_replace},
      {"find", str_find},
      {"rfind", str_rfind},
      {"index", str_index},
      {"rindex", str_rindex},
      {"count", str_count},
      {"startswith", str_startswith},
      {"removeprefix", str_removeprefix},
      {"maketrans", str_maketrans, MethodDef::kStatic},
      {"translate", str_translate},
      {"removesuffix", str_removesuffix},
      {"endswith", str_endswith},
      {"upper", str_upper},
      {"lower", str_lower},
      {"title", str_title},
      {"capitalize", str_capitalize},
      {"swapcase", str_swapcase},
      {"casefold", str_casefold},
      {"isdigit", str_isdigit},
      {"isalpha", str_isalpha},
      {"isalnum", str_isalnum},
      {"isspace", str_isspace},
      {"isupper", str_isupper},
      {"islower", str_islower},
      {"istitle", str_istitle},
      {"isdecimal", str_isdecimal},
      {"isnumeric", str_isnumeric},
      {"isidentifier", str_isidentifier},
      {"isprintable", str_isprintable},
      {"isascii", str_isascii},
      {"center", str_center},
      {"ljust", str_ljust},
      {"rjust", str_rjust},
      {"zfill", str_zfill},
      {"partition", str_partition},
      {"rpartition", str_rpartition},
      {"expandtabs", str_expandtabs},
      {"format", str_format},
      {nullptr, nullptr},
  };
  return methods;
}

}  // namespace stitch
