#include "core/object/attribute_names.h"

#include <algorithm>
#include <string_view>

#include "core/object/attributes.h"
#include "core/object/dict.h"
#include "core/object/exec_state.h"
#include "core/object/list.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/type.h"

namespace stitch {

void add_dict_key_names(Object* dict, std::vector<Object*>& out) {
  if (dict == nullptr || !type_has_flag(type_of(dict), type_flags::kDictSubclass)) return;
  std::int64_t position = 0;
  Object* key = nullptr;
  Object* value = nullptr;
  while (dict_next_owned(dict, &position, &key, &value)) {
    decref(value);
    if (is_str(key)) out.push_back(key);
    else decref(key);
  }
}

namespace {

void add_own_type_names(TypeObject* t, std::vector<Object*>& out) {
  if (type_has_flag(t, type_flags::kHeapType)) add_dict_key_names(t->dict, out);
  if (t->methods != nullptr) {
    for (const MethodDef* method = t->methods; method->name != nullptr; ++method) out.push_back(str_intern(method->name));
  }
  if (t->getsets != nullptr) {
    for (const GetSetDef* getset = t->getsets; getset->name != nullptr; ++getset) out.push_back(str_intern(getset->name));
  }
}

void add_type_names(TypeObject* type, std::vector<Object*>& out) {
  if (type->mro == nullptr) {
    for (TypeObject* t = type; t != nullptr; t = t->base) add_own_type_names(t, out);
    return;
  }
  Ref mro = Ref::borrow(type->mro);
  for (std::int64_t i = 0; i < as_tuple(mro.get())->size; ++i) {
    add_own_type_names(static_cast<TypeObject*>(as_tuple(mro.get())->items[i]), out);
  }
}

}  // namespace

int collect_attribute_names(Object* object, std::vector<Object*>& out) {
  Ref own = Ref::steal(object_lookup_attr_text(object, "__dict__"));
  if (has_exception()) return -1;
  add_dict_key_names(own.get(), out);
  bool is_type = type_has_flag(type_of(object), type_flags::kTypeSubclass);
  add_type_names(is_type ? static_cast<TypeObject*>(object) : type_of(object), out);
  return 0;
}

// A sorted list of the names (owned) in `names`, duplicates removed.
Object* sorted_name_list(std::vector<Object*>& names) {
  std::sort(names.begin(), names.end(), [](Object* a, Object* b) { return str_view(a) < str_view(b); });
  Ref list = Ref::steal(list_new(static_cast<std::int64_t>(names.size())));
  std::string_view previous;
  bool first = true;
  for (Object* name : names) {
    if (list && (first || str_view(name) != previous) && list_append(list.get(), name) < 0) list = Ref();
    previous = str_view(name);
    first = false;
  }
  for (Object* name : names) decref(name);
  return list.release();
}

}  // namespace stitch
