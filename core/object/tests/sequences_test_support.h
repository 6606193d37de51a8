// Helpers shared by the sequences tests: building values, calling native methods by name (the
// generic attribute lookup is not wired into these tests), and reading errors as
// "Type: message" text to compare with python3's.
#pragma once

#include <gtest/gtest.h>

#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/object/exceptions.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/protocol.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/type.h"

namespace stitch::testing {

inline std::string repr_of(Object* object) {
  Ref text = Ref::steal(object_repr(object));
  EXPECT_TRUE(text);
  return text ? std::string(str_view(text.get())) : std::string("<error>");
}

/// The exception in flight as "Type: message", cleared; "" when there is none.
inline std::string take_error() {
  Ref exception = Ref::steal(take_exception());
  if (!exception) return "";
  Ref summary = Ref::steal(exception_summary(exception.get()));
  return summary ? std::string(str_view(summary.get())) : std::string("<summary failed>");
}

inline Ref integer(std::int64_t value) { return Ref::steal(int_from_int64(value)); }
inline Ref text(const char* value) { return Ref::steal(str_from_utf8(value)); }

inline Ref list_of(std::initializer_list<std::int64_t> values) {
  Ref list = Ref::steal(list_new(0));
  for (std::int64_t value : values) {
    Ref item = integer(value);
    EXPECT_EQ(list_append(list.get(), item.get()), 0);
  }
  return list;
}

/// Calls the native method `name` of `self`'s type with positional args (and keyword values after
/// them, named by `keywords`).
inline Ref call_method(Object* self, const char* name, std::vector<Object*> args = {},
                       std::vector<const char*> keywords = {}) {
  const MethodDef* found = nullptr;
  for (const MethodDef* def = type_of(self)->methods; def != nullptr && def->name != nullptr; ++def) {
    if (std::strcmp(def->name, name) == 0) found = def;
  }
  EXPECT_NE(found, nullptr) << "no method " << name;
  if (found == nullptr) return Ref();
  Ref kwnames;
  if (!keywords.empty()) {
    kwnames = Ref::steal(tuple_new_uninitialized(static_cast<std::int64_t>(keywords.size())));
    for (std::size_t i = 0; i < keywords.size(); ++i) as_tuple(kwnames.get())->items[i] = str_intern(keywords[i]);
  }
  std::size_t nargs = args.size() - keywords.size();
  return Ref::steal(found->function(self, args.data(), nargs, kwnames.get()));
}

}  // namespace stitch::testing
