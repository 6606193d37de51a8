#include "core/interp/unpack.h"

#include <string>
#include <vector>

#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/iterators.h"
#include "core/object/list.h"

namespace stitch::interp {

namespace {

void release_all(std::vector<Object*>& items) {
  for (Object* item : items) decref(item);
  items.clear();
}

Object* get_unpack_iterator(Object* iterable) {
  TypeObject* type = type_of(iterable);
  if (type->iter == nullptr && type->getitem == nullptr) {
    return raise_error(&type_error_type,
                       std::string("cannot unpack non-iterable ") + type->name + " object");
  }
  return object_get_iter(iterable);
}

}  // namespace

bool unpack_iterable(Object* iterable, std::uint32_t before, bool starred, std::uint32_t after, Object** out) {
  Ref iterator = Ref::steal(get_unpack_iterator(iterable));
  if (!iterator) return false;
  std::vector<Object*> items;  // targets in source order
  items.reserve(before + after + 1);
  for (std::uint32_t i = 0; i < before; ++i) {
    Object* item = iter_next(iterator.get());
    if (item == nullptr) {
      if (!has_exception()) {
        raise_error(&value_error_type,
                    starred ? "not enough values to unpack (expected at least " + std::to_string(before + after) +
                                  ", got " + std::to_string(i) + ")"
                            : "not enough values to unpack (expected " + std::to_string(before) + ", got " +
                                  std::to_string(i) + ")");
      }
      release_all(items);
      return false;
    }
    items.push_back(item);
  }
  if (!starred) {
    Object* extra = iter_next(iterator.get());
    if (extra != nullptr || has_exception()) {
      if (extra != nullptr) {
        decref(extra);
        raise_error(&value_error_type, "too many values to unpack (expected " + std::to_string(before) + ")");
      }
      release_all(items);
      return false;
    }
  } else {
    std::vector<Object*> rest;
    while (Object* item = iter_next(iterator.get())) rest.push_back(item);
    if (has_exception() || rest.size() < after) {
      if (!has_exception()) {
        raise_error(&value_error_type, "not enough values to unpack (expected at least " +
                                           std::to_string(before + after) + ", got " +
                                           std::to_string(before + rest.size()) + ")");
      }
      release_all(rest);
      release_all(items);
      return false;
    }
    // The last `after` items get their own targets; the list takes the middle.
    std::size_t middle = rest.size() - after;
    Object* list = list_new(static_cast<std::int64_t>(middle));
    for (std::size_t i = 0; list != nullptr && i < middle; ++i) {
      if (list_append(list, rest[i]) < 0) {
        decref(list);
        list = nullptr;
      }
    }
    if (list == nullptr) {
      release_all(rest);
      release_all(items);
      return false;
    }
    for (std::size_t i = 0; i < middle; ++i) decref(rest[i]);
    items.push_back(list);
    items.insert(items.end(), rest.begin() + static_cast<std::ptrdiff_t>(middle), rest.end());
  }
  std::size_t total = items.size();
  for (std::size_t i = 0; i < total; ++i) out[total - 1 - i] = items[i];
  return true;
}

}  // namespace stitch::interp
