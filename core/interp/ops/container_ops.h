// Ops that build, index and fill containers, and unpack them.
#pragma once

#include <string_view>

#include "core/interp/ops/op_support.h"
#include "core/interp/unpack.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/dict.h"
#include "core/object/list.h"
#include "core/object/operators.h"
#include "core/object/protocol.h"
#include "core/object/set.h"
#include "core/object/singletons.h"
#include "core/object/slice.h"
#include "core/object/str.h"
#include "core/object/str_format.h"

namespace stitch::interp::ops {

STITCH_OP bool binary_subscr(Frame*, Object**& sp, std::uint32_t) {
  Object* key = *--sp;
  Object* container = *--sp;
  Object* value = object_getitem(container, key);
  decref(key);
  decref(container);
  if (value == nullptr) return false;
  *sp++ = value;
  return true;
}

STITCH_OP bool store_subscr(Frame*, Object**& sp, std::uint32_t) {
  Object* key = *--sp;
  Object* container = *--sp;
  Object* value = *--sp;
  int status = object_setitem(container, key, value);
  decref(key);
  decref(container);
  decref(value);
  return status >= 0;
}

STITCH_OP bool delete_subscr(Frame*, Object**& sp, std::uint32_t) {
  Object* key = *--sp;
  Object* container = *--sp;
  int status = object_delitem(container, key);
  decref(key);
  decref(container);
  return status >= 0;
}

STITCH_OP bool build_slice(Frame*, Object**& sp, std::uint32_t oparg) {
  Object* step = oparg == 3 ? *--sp : nullptr;
  Object* stop = *--sp;
  Object* start = *--sp;
  Object* slice = slice_new(start, stop, step != nullptr ? step : none());
  decref(start);
  decref(stop);
  xdecref(step);
  if (slice == nullptr) return false;
  *sp++ = slice;
  return true;
}

STITCH_OP bool build_tuple(Frame*, Object**& sp, std::uint32_t oparg) {
  Object* tuple = tuple_new_uninitialized(oparg);
  if (tuple == nullptr) return false;
  for (std::uint32_t i = oparg; i > 0; --i) as_tuple(tuple)->items[i - 1] = *--sp;
  *sp++ = tuple;
  return true;
}

STITCH_OP bool build_list(Frame*, Object**& sp, std::uint32_t oparg) {
  Object* list = list_new(oparg);
  if (list == nullptr) return false;
  Object** items = sp - oparg;
  for (std::uint32_t i = 0; i < oparg; ++i) {
    int status = list_append(list, items[i]);
    decref(items[i]);
    if (status < 0) {
      for (std::uint32_t j = i + 1; j < oparg; ++j) decref(items[j]);
      sp -= oparg;
      decref(list);
      return false;
    }
  }
  sp -= oparg;
  *sp++ = list;
  return true;
}

STITCH_OP bool build_map(Frame*, Object**& sp, std::uint32_t oparg) {
  Object* dict = dict_new();
  if (dict == nullptr) return false;
  Object** items = sp - 2 * oparg;
  bool failed = false;
  for (std::uint32_t i = 0; i < oparg; ++i) {
    if (!failed && dict_set_item(dict, items[2 * i], items[2 * i + 1]) < 0) failed = true;
    decref(items[2 * i]);
    decref(items[2 * i + 1]);
  }
  sp -= 2 * oparg;
  if (failed) {
    decref(dict);
    return false;
  }
  *sp++ = dict;
  return true;
}

STITCH_OP bool build_const_key_map(Frame*, Object**& sp, std::uint32_t oparg) {
  Object* keys = *--sp;
  Object* dict = dict_new();
  bool failed = dict == nullptr;
  Object** values = sp - oparg;
  for (std::uint32_t i = 0; i < oparg; ++i) {
    if (!failed && dict_set_item(dict, as_tuple(keys)->items[i], values[i]) < 0) failed = true;
    decref(values[i]);
  }
  sp -= oparg;
  decref(keys);
  if (failed) {
    xdecref(dict);
    return false;
  }
  *sp++ = dict;
  return true;
}

STITCH_OP bool build_set(Frame*, Object**& sp, std::uint32_t oparg) {
  Object* set = set_new(nullptr);
  bool failed = set == nullptr;
  Object** items = sp - oparg;
  for (std::uint32_t i = 0; i < oparg; ++i) {
    if (!failed && set_add(set, items[i]) < 0) failed = true;
    decref(items[i]);
  }
  sp -= oparg;
  if (failed) {
    xdecref(set);
    return false;
  }
  *sp++ = set;
  return true;
}

// LIST_APPEND, SET_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE/DICT_MERGE: pop a value and add it to
// the container oparg slots below (comprehensions, displays with unpacking).
template <int (*Add)(Object*, Object*)>
STITCH_OP bool add_to_container(Frame*, Object**& sp, std::uint32_t oparg) {
  Object* value = *--sp;
  int status = Add(sp[-static_cast<std::ptrdiff_t>(oparg)], value);
  decref(value);
  return status >= 0;
}

STITCH_OP bool map_add(Frame*, Object**& sp, std::uint32_t oparg) {
  Object* value = *--sp;
  Object* key = *--sp;
  int status = dict_set_item(sp[-static_cast<std::ptrdiff_t>(oparg)], key, value);
  decref(key);
  decref(value);
  return status >= 0;
}

STITCH_OP bool list_to_tuple(Frame*, Object**& sp, std::uint32_t) {
  Object* list = *--sp;
  Object* tuple = call_object(&tuple_type, &list, 1, nullptr);
  decref(list);
  if (tuple == nullptr) return false;
  *sp++ = tuple;
  return true;
}

STITCH_OP bool unpack_sequence(Frame*, Object**& sp, std::uint32_t oparg) {
  Object* sequence = *--sp;
  bool ok = unpack_iterable(sequence, oparg, false, 0, sp);
  decref(sequence);
  if (!ok) return false;
  sp += oparg;
  return true;
}

STITCH_OP bool unpack_ex(Frame*, Object**& sp, std::uint32_t oparg) {
  std::uint32_t before = oparg & 0xFF;
  std::uint32_t after = oparg >> 8;
  Object* sequence = *--sp;
  bool ok = unpack_iterable(sequence, before, true, after, sp);
  decref(sequence);
  if (!ok) return false;
  sp += before + after + 1;
  return true;
}

STITCH_OP bool format_value(Frame*, Object**& sp, std::uint32_t oparg) {
  Object* spec = (oparg & 4) ? *--sp : nullptr;
  Object* value = *--sp;
  Object* converted = value;
  if ((oparg & 3) == 1) converted = object_str(value);
  else if ((oparg & 3) == 2) converted = object_repr(value);
  else if ((oparg & 3) == 3) converted = object_ascii(value);
  else incref(converted);
  decref(value);
  if (converted == nullptr) {
    xdecref(spec);
    return false;
  }
  Object* result = format_object(converted, spec != nullptr ? str_view(spec) : std::string_view());
  decref(converted);
  xdecref(spec);
  if (result == nullptr) return false;
  *sp++ = result;
  return true;
}

}  // namespace stitch::interp::ops
