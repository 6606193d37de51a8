// enumerate, zip, map and filter: lazy iterators over other iterators, like Python's.
#include "core/builtins/iterator_builtins.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "core/object/alloc.h"
#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/int.h"
#include "core/object/iterators.h"
#include "core/object/operators.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::builtins {

namespace {

// One layout for the four: `sources` is a tuple of iterators, `function` the callable (map,
// filter) or nullptr, `count` enumerate's counter.
struct ChainIterator : Object {
  Object* sources;
  Object* function;
  std::int64_t count;
  Object* big_count;  // enumerate's counter once it no longer fits `count` (an int), else nullptr
};

TypeObject enumerate_type;
TypeObject zip_type;
TypeObject map_type;
TypeObject filter_type;

ChainIterator* as_chain(Object* object) { return static_cast<ChainIterator*>(object); }

void chain_dealloc(Object* object) {
  xdecref(as_chain(object)->sources);
  xdecref(as_chain(object)->function);
  xdecref(as_chain(object)->big_count);
  free_object_memory(object);
}

Object* self_iter(Object* object) { return new_ref(object); }

Object* make_chain(TypeObject* type, Object* const* iterables, std::size_t count, Object* function,
                   std::int64_t start) {
  Ref sources = Ref::steal(tuple_new_uninitialized(static_cast<std::int64_t>(count)));
  if (!sources) return nullptr;
  for (std::size_t i = 0; i < count; ++i) {
    Object* iterator = object_get_iter(iterables[i]);
    if (iterator == nullptr) return nullptr;
    as_tuple(sources.get())->items[i] = iterator;
  }
  auto* chain = allocate<ChainIterator>(type);
  if (chain == nullptr) return nullptr;
  chain->sources = sources.release();
  chain->function = function;
  xincref(function);
  chain->count = start;
  chain->big_count = nullptr;
  return chain;
}

Object* source(Object* chain, std::int64_t index) { return as_tuple(as_chain(chain)->sources)->items[index]; }

Object* enumerate_next(Object* self) {
  Object* item = iter_next(source(self, 0));
  if (item == nullptr) return nullptr;
  Ref value = Ref::steal(item);
  ChainIterator* chain = as_chain(self);
  if (chain->big_count == nullptr && chain->count == INT64_MAX) chain->big_count = int_from_int64(INT64_MAX);
  if (chain->big_count == nullptr) {
    Ref index = Ref::steal(int_from_int64(chain->count++));
    if (!index) return nullptr;
    return tuple_pack({index.get(), value.get()});
  }
  Ref index = Ref::borrow(chain->big_count);
  Ref one = Ref::steal(int_from_int64(1));
  Object* next = binary_op(index.get(), one.get(), BinaryOp::kAdd);
  if (next == nullptr) return nullptr;
  decref(chain->big_count);
  chain->big_count = next;
  return tuple_pack({index.get(), value.get()});
}

Object* zip_next(Object* self) {
  std::int64_t size = as_tuple(as_chain(self)->sources)->size;
  if (size == 0) return nullptr;
  Ref result = Ref::steal(tuple_new_uninitialized(size));
  if (!result) return nullptr;
  for (std::int64_t i = 0; i < size; ++i) {
    Object* item = iter_next(source(self, i));
    if (item == nullptr) return nullptr;
    as_tuple(result.get())->items[i] = item;
  }
  return result.release();
}

Object* map_next(Object* self) {
  std::int64_t size = as_tuple(as_chain(self)->sources)->size;
  std::vector<Ref> items;
  std::vector<Object*> arguments;
  for (std::int64_t i = 0; i < size; ++i) {
    Object* item = iter_next(source(self, i));
    if (item == nullptr) return nullptr;
    items.push_back(Ref::steal(item));
    arguments.push_back(item);
  }
  return call_object(as_chain(self)->function, arguments.data(), arguments.size(), nullptr);
}

Object* filter_next(Object* self) {
  Object* function = as_chain(self)->function;
  for (;;) {
    Object* item = iter_next(source(self, 0));
    if (item == nullptr) return nullptr;
    Ref value = Ref::steal(item);
    int keep;
    if (function == nullptr || is_none(function)) {
      keep = object_is_true(item);
    } else {
      Ref verdict = Ref::steal(call_object(function, &item, 1, nullptr));
      if (!verdict) return nullptr;
      keep = object_is_true(verdict.get());
    }
    if (keep < 0) return nullptr;
    if (keep) return value.release();
  }
}

Object* enumerate_new(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* start = nullptr;
  if (kwnames != nullptr) {
    for (std::int64_t i = 0; i < as_tuple(kwnames)->size; ++i) {
      if (str_view(as_tuple(kwnames)->items[i]) != "start") {
        return raise_error(&type_error_type, "'" + std::string(str_view(as_tuple(kwnames)->items[i])) +
                                                 "' is an invalid keyword argument for enumerate()");
      }
      start = args[nargs + i];
    }
  }
  if (nargs == 2 && start == nullptr) start = args[1];
  if (nargs == 0 || nargs > 2) {
    return raise_error(&type_error_type, nargs == 0 ? "enumerate() missing required argument 'iterable' (pos 1)"
                                                    : "enumerate() takes at most 2 arguments (" + std::to_string(nargs) + " given)");
  }
  std::int64_t first = 0;
  if (start != nullptr) {
    if (!is_int(start)) {
      return raise_error(&type_error_type, std::string("'") + type_of(start)->name + "' object cannot be interpreted as an integer");
    }
    if (int_is_small(start)) first = as_int(start)->small;
  }
  Object* chain = make_chain(&enumerate_type, args, 1, nullptr, first);
  if (chain != nullptr && start != nullptr && !int_is_small(start)) as_chain(chain)->big_count = new_ref(start);
  return chain;
}

Object* zip_new(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("zip", kwnames)) return nullptr;
  return make_chain(&zip_type, args, nargs, nullptr, 0);
}

Object* map_new(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("map", kwnames)) return nullptr;
  if (nargs < 2) return raise_error(&type_error_type, "map() must have at least two arguments.");
  return make_chain(&map_type, args + 1, nargs - 1, args[0], 0);
}

Object* filter_new(TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("filter", kwnames)) return nullptr;
  if (nargs != 2) {
    return raise_error(&type_error_type, "filter expected 2 arguments, got " + std::to_string(nargs));
  }
  return make_chain(&filter_type, args + 1, 1, args[0], 0);
}

void init_chain_type(TypeObject& type, const char* name, UnarySlot next, NewSlot constructor) {
  init_static_type(type, name, sizeof(ChainIterator), &object_type, 0);
  type.dealloc = chain_dealloc;
  type.iter = self_iter;
  type.iternext = next;
  type.new_instance = constructor;
}

}  // namespace

void add_iterator_builtins(Object* dict, int (*set)(Object*, const char*, Object*)) {
  static std::once_flag once;  // the types are process-wide, like every builtin type
  std::call_once(once, [] {
    init_chain_type(enumerate_type, "enumerate", enumerate_next, enumerate_new);
    init_chain_type(zip_type, "zip", zip_next, zip_new);
    init_chain_type(map_type, "map", map_next, map_new);
    init_chain_type(filter_type, "filter", filter_next, filter_new);
  });
  set(dict, "enumerate", &enumerate_type);
  set(dict, "zip", &zip_type);
  set(dict, "map", &map_type);
  set(dict, "filter", &filter_type);
}

}  // namespace stitch::builtins
