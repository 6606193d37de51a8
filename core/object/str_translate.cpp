// str.maketrans and str.translate, with CPython 3.11's rules and messages: the table maps code
// points (ints) to a code point, a str or None (delete); a lookup that raises LookupError keeps the
// character.
#include <string>

#include "core/object/args.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/operators.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/str_builder.h"
#include "core/object/str_methods.h"
#include "core/unicode/utf8.h"

namespace stitch {

namespace {

std::u32string code_points_of(Object* str) {
  std::u32string out;
  unicode::decode_utf8(str_view(str), out, unicode::SurrogatePolicy::kAllow);
  return out;
}

int set_code_point(Object* dict, char32_t key, Object* value) {
  Ref key_object = Ref::steal(int_from_int64(key));
  return key_object ? dict_set_item(dict, key_object.get(), value) : -1;
}

Object* maketrans_from_dict(Object* mapping) {
  if (type_of(mapping) != &dict_type) {
    return raise_error(&type_error_type, "if you give only one argument to maketrans it must be a dict");
  }
  Ref table = Ref::steal(dict_new());
  if (!table) return nullptr;
  std::int64_t position = 0;
  Object* key = nullptr;
  Object* value = nullptr;
  while (dict_next_owned(mapping, &position, &key, &value)) {
    Ref owned_key = Ref::steal(key);
    Ref owned_value = Ref::steal(value);
    if (is_str(key)) {
      std::u32string points = code_points_of(key);
      if (points.size() != 1) return raise_error(&value_error_type, "string keys in translate table must be of length 1");
      if (set_code_point(table.get(), points[0], value) < 0) return nullptr;
    } else if (is_int(key)) {
      if (dict_set_item(table.get(), key, value) < 0) return nullptr;
    } else {
      return raise_error(&type_error_type, "keys in translate table must be strings or integers");
    }
  }
  return table.release();
}

}  // namespace

Object* str_maketrans(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("maketrans", kwnames) || !check_argument_range("maketrans", nargs, 1, 3)) return nullptr;
  if (nargs == 1) return maketrans_from_dict(args[0]);
  for (std::size_t i = 0; i < nargs; ++i) {
    if (!is_str(args[i])) {
      return raise_error(&type_error_type, "maketrans() argument " + std::to_string(i + 1) +
                                               " must be str, not " + type_name(args[i]));
    }
  }
  std::u32string from = code_points_of(args[0]);
  std::u32string to = code_points_of(args[1]);
  if (from.size() != to.size()) {
    return raise_error(&value_error_type, "the first two maketrans arguments must have equal length");
  }
  Ref table = Ref::steal(dict_new());
  if (!table) return nullptr;
  for (std::size_t i = 0; i < from.size(); ++i) {
    Ref value = Ref::steal(int_from_int64(to[i]));
    if (!value || set_code_point(table.get(), from[i], value.get()) < 0) return nullptr;
  }
  if (nargs == 3) {
    for (char32_t c : code_points_of(args[2])) {
      if (set_code_point(table.get(), c, none()) < 0) return nullptr;
    }
  }
  return table.release();
}

Object* str_translate(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("str.translate", kwnames) || !check_exactly_one_argument("str.translate", nargs)) {
    return nullptr;
  }
  Object* table = args[0];
  StrBuilder out;
  for (char32_t c : code_points_of(self)) {
    Ref key = Ref::steal(int_from_int64(c));
    if (!key) return nullptr;
    Ref mapped = Ref::steal(object_getitem(table, key.get()));
    if (!mapped) {
      if (!exception_matches(&lookup_error_type)) return nullptr;
      clear_exception();
      out.append_code_point(c);
      continue;
    }
    Object* value = mapped.get();
    if (is_none(value)) continue;
    if (is_str(value)) {
      out.append(str_view(value));
    } else if (is_int(value)) {
      if (!int_is_small(value) || as_int(value)->small < 0 || as_int(value)->small > 0x10FFFF) {
        return raise_error(&value_error_type, "character mapping must be in range(0x110000)");
      }
      out.append_code_point(static_cast<char32_t>(as_int(value)->small));
    } else {
      return raise_error(&type_error_type, "character mapping must return integer, None or str");
    }
  }
  return out.finish();
}

}  // namespace stitch
