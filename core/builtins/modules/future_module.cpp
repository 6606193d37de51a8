// The __future__ module: `from __future__ import annotations` compiles to a real import (the
// compiler handles the feature itself), so the module only has to name the features. Each feature
// is a plain tuple (optional release, mandatory release, compiler flag) standing in for CPython's
// _Feature objects.
#include "core/builtins/modules/native_module.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::builtins {

namespace {

struct Feature {
  const char* name;
  int optional[2];   // (major, minor) it became optional in
  int mandatory[2];  // (major, minor) it became mandatory in, {0, 0} for never
  int flag;
};

constexpr Feature kFeatures[] = {
    {"nested_scopes", {2, 1}, {2, 2}, 0x0010},       {"generators", {2, 2}, {2, 3}, 0},
    {"division", {2, 2}, {3, 0}, 0x20000},           {"absolute_import", {2, 5}, {3, 0}, 0x40000},
    {"with_statement", {2, 5}, {2, 6}, 0x80000},     {"print_function", {2, 6}, {3, 0}, 0x100000},
    {"unicode_literals", {2, 6}, {3, 0}, 0x200000},  {"barry_as_FLUFL", {3, 1}, {4, 0}, 0x400000},
    {"generator_stop", {3, 5}, {3, 7}, 0x800000},    {"annotations", {3, 7}, {0, 0}, 0x1000000},
};

Object* version(const int (&release)[2]) {
  if (release[0] == 0) return new_ref(none());
  Ref major = Ref::steal(int_from_int64(release[0]));
  Ref minor = Ref::steal(int_from_int64(release[1]));
  if (!major || !minor) return nullptr;
  return tuple_pack({major.get(), minor.get()});
}

}  // namespace

int init_future_module(Object* module, Object*) {
  Ref names = Ref::steal(list_new(0));
  if (!names) return -1;
  for (const Feature& feature : kFeatures) {
    Ref optional = Ref::steal(version(feature.optional));
    Ref mandatory = Ref::steal(version(feature.mandatory));
    Ref flag = Ref::steal(int_from_int64(feature.flag));
    if (!optional || !mandatory || !flag) return -1;
    if (add_module_value(module, feature.name, tuple_pack({optional.get(), mandatory.get(), flag.get()})) < 0 ||
        list_append(names.get(), str_intern(feature.name)) < 0) {
      return -1;
    }
  }
  return add_module_value(module, "all_feature_names", names.release());
}

}  // namespace stitch::builtins
