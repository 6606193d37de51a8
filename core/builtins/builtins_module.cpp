#include "core/builtins/builtins_module.h"

#include <cstdio>
#include <string>

#include "core/interp/class_support.h"
#include "core/object/descriptors.h"
#include "core/object/args.h"
#include "core/object/bool.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/builtins/introspection_builtins.h"
#include "core/builtins/iterator_builtins.h"
#include "core/builtins/modules/std_streams.h"
#include "core/object/import_error.h"
#include "core/object/attributes.h"
#include "core/object/dict.h"
#include "core/object/number_convert.h"
#include "core/object/str_format.h"
#include "core/unicode/utf8.h"
#include "core/object/float.h"
#include "core/object/list.h"
#include "core/object/range.h"
#include "core/object/set.h"
#include "core/object/slice.h"
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

// Keyword argument `name` of a call, or nullptr.
Object* keyword(Object* const* args, std::size_t nargs, Object* kwnames, std::string_view name) {
  if (kwnames == nullptr) return nullptr;
  for (std::int64_t i = 0; i < as_tuple(kwnames)->size; ++i) {
    if (str_view(as_tuple(kwnames)->items[i]) == name) return args[nargs + i];
  }
  return nullptr;
}

bool only_keywords(const char* function, Object* kwnames, std::initializer_list<std::string_view> allowed) {
  if (kwnames == nullptr) return true;
  for (std::int64_t i = 0; i < as_tuple(kwnames)->size; ++i) {
    std::string_view name = str_view(as_tuple(kwnames)->items[i]);
    bool known = false;
    for (std::string_view candidate : allowed) known = known || candidate == name;
    if (!known) {
      raise_error(&type_error_type, "'" + std::string(name) + "' is an invalid keyword argument for " + function + "()");
      return false;
    }
  }
  return true;
}

// print(*objects, sep=' ', end='\n', file=None, flush=False). The standard streams get the whole
// line in one write; any other file gets one write() call per piece, as CPython does.
Object* builtin_print(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!only_keywords("print", kwnames, {"sep", "end", "file", "flush"})) return nullptr;
  Object* sep = keyword(args, nargs, kwnames, "sep");
  Object* end = keyword(args, nargs, kwnames, "end");
  Object* file = keyword(args, nargs, kwnames, "file");
  Object* flush = keyword(args, nargs, kwnames, "flush");
  for (Object* value : {sep, end}) {
    if (value != nullptr && !is_none(value) && !is_str(value)) {
      return raise_error(&type_error_type, std::string(value == sep ? "sep" : "end") +
                                               " must be None or a string, not " + type_of(value)->name);
    }
  }
  if (file == nullptr || is_none(file)) file = standard_output();
  bool whole_line = standard_stream_file(file) != nullptr;
  std::string text;
  auto emit = [&](std::string_view piece) {
    if (whole_line) {
      text += piece;
      return 0;
    }
    return write_to_file_object(file, piece);
  };
  for (std::size_t i = 0; i < nargs; ++i) {
    if (i > 0 && emit((sep != nullptr && !is_none(sep)) ? str_view(sep) : " ") < 0) return nullptr;
    Ref piece = Ref::steal(object_str(args[i]));
    if (!piece || emit(str_view(piece.get())) < 0) return nullptr;
  }
  if (emit((end != nullptr && !is_none(end)) ? str_view(end) : "\n") < 0) return nullptr;
  if (whole_line && write_to_file_object(file, text) < 0) return nullptr;
  if (flush != nullptr) {
    int wanted = object_is_true(flush);
    if (wanted < 0 || (wanted == 1 && flush_file_object(file) < 0)) return nullptr;
  }
  return new_ref(none());
}

Object* builtin_len(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("len", kwnames) || !check_exactly_one_argument("len", nargs)) return nullptr;
  std::int64_t length = object_length(args[0]);
  return length < 0 ? nullptr : int_from_int64(length);
}

Object* builtin_repr(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("repr", kwnames) || !check_exactly_one_argument("repr", nargs)) return nullptr;
  return object_repr(args[0]);
}

Object* builtin_ascii(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("ascii", kwnames) || !check_exactly_one_argument("ascii", nargs)) return nullptr;
  return object_ascii(args[0]);
}

Object* builtin_hash(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("hash", kwnames) || !check_exactly_one_argument("hash", nargs)) return nullptr;
  Hash hash = object_hash(args[0]);
  return hash == -1 ? nullptr : int_from_int64(hash);
}

Object* builtin_iter(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("iter", kwnames) || !check_argument_range("iter", nargs, 1, 2)) return nullptr;
  if (nargs == 1) return object_get_iter(args[0]);
  if (type_of(args[0])->call == nullptr) return raise_error(&type_error_type, "iter(v, w): v must be callable");
  return callable_iterator_new(args[0], args[1]);
}

Object* builtin_next(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("next", kwnames) || !check_argument_range("next", nargs, 1, 2)) return nullptr;
  // The slot itself, not iter_next: a generator's StopIteration carries its return value, which
  // next() must pass on (and drop only when it returns the default instead).
  TypeObject* type = type_of(args[0]);
  if (type->iternext == nullptr) return iter_next(args[0]);  // raises "... is not an iterator"
  Object* item = type->iternext(args[0]);
  if (item != nullptr) return item;
  if (has_exception()) {
    if (nargs < 2 || !exception_matches(&stop_iteration_type)) return nullptr;
    clear_exception();
  }
  if (nargs == 2) return new_ref(args[1]);
  Object* exhausted = exception_new(&stop_iteration_type, empty_tuple());
  if (exhausted != nullptr) set_exception(exhausted);
  return nullptr;
}

// vars(obj): obj.__dict__ (vars() without an argument needs frame locals: not supported yet).
Object* builtin_vars(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("vars", kwnames) || !check_argument_range("vars", nargs, 1, 1)) return nullptr;
  Object* dict = object_lookup_attr_text(args[0], "__dict__");
  if (dict == nullptr && !has_exception()) {
    return raise_error(&type_error_type, "vars() argument must have __dict__ attribute");
  }
  return dict;
}

Object* builtin_callable(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("callable", kwnames) || !check_exactly_one_argument("callable", nargs)) return nullptr;
  return bool_from(type_of(args[0])->call != nullptr);
}

Object* builtin_abs(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("abs", kwnames) || !check_exactly_one_argument("abs", nargs)) return nullptr;
  UnarySlot absolute = type_of(args[0])->number.absolute;
  if (absolute == nullptr) {
    return raise_error(&type_error_type, std::string("bad operand type for abs(): '") + type_of(args[0])->name + "'");
  }
  return absolute(args[0]);
}

// delattr(obj, name)
Object* builtin_delattr(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("delattr", kwnames) || !check_argument_range("delattr", nargs, 2, 2)) return nullptr;
  if (!is_str(args[1])) {
    return raise_error(&type_error_type, std::string("attribute name must be string, not '") + type_of(args[1])->name + "'");
  }
  return object_setattr(args[0], args[1], nullptr) < 0 ? nullptr : new_ref(none());
}

// isinstance/issubclass: `classes` is a class or a tuple of classes and nested tuples, checked in
// order (CPython recurses the same way). 1 match, 0 no match, -1 TypeError (`message`).
int subclass_of_any(TypeObject* type, Object* classes, const char* message) {
  if (is_tuple(classes)) {
    for (std::int64_t i = 0; i < as_tuple(classes)->size; ++i) {
      int found = subclass_of_any(type, as_tuple(classes)->items[i], message);
      if (found != 0) return found;
    }
    return 0;
  }
  if (!type_has_flag(type_of(classes), type_flags::kTypeSubclass)) {
    raise_error(&type_error_type, message);
    return -1;
  }
  return is_subtype(type, static_cast<TypeObject*>(classes)) ? 1 : 0;
}

Object* builtin_isinstance(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("isinstance", kwnames) || !check_argument_range("isinstance", nargs, 2, 2)) return nullptr;
  int found = subclass_of_any(type_of(args[0]), args[1],
                              "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return found < 0 ? nullptr : bool_from(found == 1);
}

// sum(iterable, /, start=0)
Object* builtin_sum(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!only_keywords("sum", kwnames, {"start"}) || !check_argument_range("sum", nargs, 1, 2)) return nullptr;
  Object* start = nargs == 2 ? args[1] : keyword(args, nargs, kwnames, "start");
  if (start != nullptr && is_str(start)) {
    return raise_error(&type_error_type, "sum() can't sum strings [use ''.join(seq) instead]");
  }
  Ref total = Ref::borrow(start != nullptr ? start : int_from_int64(0));
  Ref iterator = Ref::steal(object_get_iter(args[0]));
  if (!iterator) return nullptr;
  while (Object* item = iter_next(iterator.get())) {
    Ref value = Ref::steal(item);
    total = Ref::steal(binary_op(total.get(), value.get(), BinaryOp::kAdd));
    if (!total) return nullptr;
  }
  if (has_exception()) return nullptr;
  return total.release();
}

// min/max(iterable | a, b, …, key=None, default=…)
Object* min_max(const char* name, CompareOp better, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!only_keywords(name, kwnames, {"key", "default"})) return nullptr;
  Object* key = keyword(args, nargs, kwnames, "key");
  if (key != nullptr && is_none(key)) key = nullptr;
  Object* fallback = keyword(args, nargs, kwnames, "default");
  if (nargs == 0) {
    return raise_error(&type_error_type, std::string(name) + " expected at least 1 argument, got 0");
  }
  Ref iterator;
  if (nargs == 1) {
    iterator = Ref::steal(object_get_iter(args[0]));
  } else {
    if (fallback != nullptr) {
      return raise_error(&type_error_type, std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
    }
    Ref items = Ref::steal(tuple_new_uninitialized(static_cast<std::int64_t>(nargs)));
    if (!items) return nullptr;
    for (std::size_t i = 0; i < nargs; ++i) as_tuple(items.get())->items[i] = new_ref(args[i]);
    iterator = Ref::steal(object_get_iter(items.get()));
  }
  if (!iterator) return nullptr;
  Ref best, best_key;
  while (Object* item = iter_next(iterator.get())) {
    Ref value = Ref::steal(item);
    Ref value_key = key != nullptr ? Ref::steal(call_object(key, &item, 1, nullptr)) : value;
    if (!value_key) return nullptr;
    if (!best) {
      best = value;
      best_key = value_key;
      continue;
    }
    int wins = object_rich_compare_bool(value_key.get(), best_key.get(), better);
    if (wins < 0) return nullptr;
    if (wins) {
      best = value;
      best_key = value_key;
    }
  }
  if (has_exception()) return nullptr;
  if (!best) {
    if (fallback != nullptr) return new_ref(fallback);
    return raise_error(&value_error_type, std::string(name) + "() arg is an empty sequence");
  }
  return best.release();
}

Object* builtin_min(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return min_max("min", CompareOp::kLt, args, nargs, kwnames);
}
Object* builtin_max(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return min_max("max", CompareOp::kGt, args, nargs, kwnames);
}

Object* one_argument(const char* name, Object* kwnames, std::size_t nargs) {
  return (check_no_keywords(name, kwnames) && check_exactly_one_argument(name, nargs)) ? py_true() : nullptr;
}

// sorted(iterable, /, *, key=None, reverse=False)
Object* builtin_sorted(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (nargs != 1) {
    return raise_error(&type_error_type, nargs == 0 ? "sorted expected 1 argument, got 0"
                                                    : "sorted expected 1 argument, got " + std::to_string(nargs));
  }
  Ref list = Ref::steal(list_from_iterable(args[0]));
  if (!list) return nullptr;
  Ref sort = Ref::steal(object_getattr(list.get(), str_intern("sort")));
  if (!sort) return nullptr;
  Ref result = Ref::steal(call_object(sort.get(), args + 1, 0, kwnames));
  if (!result) return nullptr;
  return list.release();
}

Object* builtin_reversed(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("reversed", kwnames) || !check_argument_range("reversed", nargs, 1, 1)) return nullptr;
  return object_reversed(args[0]);
}

Object* builtin_ord(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_argument("ord", kwnames, nargs)) return nullptr;
  if (!is_str(args[0])) {
    return raise_error(&type_error_type, std::string("ord() expected string of length 1, but ") + type_of(args[0])->name + " found");
  }
  auto* text = as_str(args[0]);
  if (text->length != 1) {
    return raise_error(&type_error_type, "ord() expected a character, but string of length " + std::to_string(text->length) + " found");
  }
  char32_t code_point = unicode::decode_next(str_view(args[0]), 0).code_point;
  return int_from_int64(code_point);
}

Object* builtin_chr(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_argument("chr", kwnames, nargs)) return nullptr;
  if (!is_int(args[0])) {
    return raise_error(&type_error_type, std::string("'") + type_of(args[0])->name + "' object cannot be interpreted as an integer");
  }
  if (!int_is_small(args[0]) || as_int(args[0])->small < 0 || as_int(args[0])->small > 0x10FFFF) {
    if (!int_is_small(args[0])) return raise_error(&overflow_error_type, "Python int too large to convert to C int");
    return raise_error(&value_error_type, "chr() arg not in range(0x110000)");
  }
  std::string text;
  unicode::encode_utf8(static_cast<char32_t>(as_int(args[0])->small), text);
  return str_from_utf8(text);
}

Object* builtin_format(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("format", kwnames) || !check_argument_range("format", nargs, 1, 2)) return nullptr;
  if (nargs == 2 && !is_str(args[1])) {
    return raise_error(&type_error_type, std::string("format() argument 2 must be str, not ") + type_of(args[1])->name);
  }
  return format_object(args[0], nargs == 2 ? str_view(args[1]) : std::string_view());
}

Object* builtin_divmod(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("divmod", kwnames) || !check_argument_range("divmod", nargs, 2, 2)) return nullptr;
  BinarySlot slot = type_of(args[0])->number.divmod;
  Object* result = slot != nullptr ? slot(args[0], args[1]) : new_ref(not_implemented());
  if (result == not_implemented()) {
    decref(result);
    BinarySlot other = type_of(args[1])->number.divmod;
    result = other != nullptr ? other(args[0], args[1]) : new_ref(not_implemented());
  }
  if (result == not_implemented()) {
    decref(result);
    return raise_error(&type_error_type, std::string("unsupported operand type(s) for divmod(): '") +
                                             type_of(args[0])->name + "' and '" + type_of(args[1])->name + "'");
  }
  return result;
}

Object* builtin_round(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!only_keywords("round", kwnames, {"ndigits"}) || !check_argument_range("round", nargs, 1, 2)) return nullptr;
  Object* digits = nargs == 2 ? args[1] : keyword(args, nargs, kwnames, "ndigits");
  return number_round(args[0], digits);
}

Object* truth_reduce(const char* name, bool want, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_argument(name, kwnames, nargs)) return nullptr;
  Ref iterator = Ref::steal(object_get_iter(args[0]));
  if (!iterator) return nullptr;
  while (Object* item = iter_next(iterator.get())) {
    int truth = object_is_true(item);
    decref(item);
    if (truth < 0) return nullptr;
    if ((truth == 1) == want) return bool_from(want);
  }
  if (has_exception()) return nullptr;
  return bool_from(!want);
}
Object* builtin_all(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return truth_reduce("all", false, args, nargs, kwnames);
}
Object* builtin_any(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return truth_reduce("any", true, args, nargs, kwnames);
}

Object* builtin_issubclass(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("issubclass", kwnames) || !check_argument_range("issubclass", nargs, 2, 2)) return nullptr;
  if (!type_has_flag(type_of(args[0]), type_flags::kTypeSubclass)) {
    return raise_error(&type_error_type, "issubclass() arg 1 must be a class");
  }
  int found = subclass_of_any(static_cast<TypeObject*>(args[0]), args[1],
                              "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return found < 0 ? nullptr : bool_from(found == 1);
}

Object* builtin_id(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_argument("id", kwnames, nargs)) return nullptr;
  return int_from_int64(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(args[0])));
}

Object* base_string(const char* name, int base, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_argument(name, kwnames, nargs)) return nullptr;
  return int_to_base_string(args[0], base);
}
Object* builtin_hex(Object*, Object* const* a, std::size_t n, Object* k) { return base_string("hex", 16, a, n, k); }
Object* builtin_oct(Object*, Object* const* a, std::size_t n, Object* k) { return base_string("oct", 8, a, n, k); }
Object* builtin_bin(Object*, Object* const* a, std::size_t n, Object* k) { return base_string("bin", 2, a, n, k); }

bool attribute_name(const char* function, Object* name) {
  if (is_str(name)) return true;
  raise_error(&type_error_type, std::string(function) + "(): attribute name must be string");
  return false;
}

Object* builtin_getattr(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("getattr", kwnames) || !check_argument_range("getattr", nargs, 2, 3)) return nullptr;
  if (!attribute_name("getattr", args[1])) return nullptr;
  if (nargs == 2) return object_getattr(args[0], args[1]);
  Object* value = object_lookup_attr(args[0], args[1]);
  if (value != nullptr || has_exception()) return value;
  return new_ref(args[2]);
}

Object* builtin_hasattr(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("hasattr", kwnames) || !check_argument_range("hasattr", nargs, 2, 2)) return nullptr;
  if (!attribute_name("hasattr", args[1])) return nullptr;
  Object* value = object_lookup_attr(args[0], args[1]);
  if (value == nullptr && has_exception()) return nullptr;
  xdecref(value);
  return bool_from(value != nullptr);
}

Object* builtin_setattr(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_no_keywords("setattr", kwnames) || !check_argument_range("setattr", nargs, 3, 3)) return nullptr;
  if (!attribute_name("setattr", args[1])) return nullptr;
  return object_setattr(args[0], args[1], args[2]) < 0 ? nullptr : new_ref(none());
}

Object* builtin_pow(Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* bound[3];
  if (!bind_native_arguments("pow", args, nargs, kwnames, {"base", "exp", "mod"}, bound)) return nullptr;
  for (int i = 0; i < 2; ++i) {
    if (bound[i] == nullptr) {
      return raise_error(&type_error_type, std::string("pow() missing required argument '") +
                                               (i == 0 ? "base" : "exp") + "' (pos " + std::to_string(i + 1) + ")");
    }
  }
  if (bound[2] == nullptr || is_none(bound[2])) return binary_op(bound[0], bound[1], BinaryOp::kPower);
  TernarySlot power = type_of(bound[0])->number.power;
  if (power == nullptr) {
    return raise_error(&type_error_type, std::string("unsupported operand type(s) for ** or pow(): '") +
                                             type_of(bound[0])->name + "', '" + type_of(bound[1])->name + "', '" +
                                             type_of(bound[2])->name + "'");
  }
  return power(bound[0], bound[1], bound[2]);
}

const MethodDef builtin_functions[] = {
    {"sorted", builtin_sorted, MethodDef::kStatic},
    {"reversed", builtin_reversed, MethodDef::kStatic},
    {"ord", builtin_ord, MethodDef::kStatic},
    {"chr", builtin_chr, MethodDef::kStatic},
    {"format", builtin_format, MethodDef::kStatic},
    {"divmod", builtin_divmod, MethodDef::kStatic},
    {"round", builtin_round, MethodDef::kStatic},
    {"all", builtin_all, MethodDef::kStatic},
    {"any", builtin_any, MethodDef::kStatic},
    {"issubclass", builtin_issubclass, MethodDef::kStatic},
    {"id", builtin_id, MethodDef::kStatic},
    {"hex", builtin_hex, MethodDef::kStatic},
    {"oct", builtin_oct, MethodDef::kStatic},
    {"bin", builtin_bin, MethodDef::kStatic},
    {"getattr", builtin_getattr, MethodDef::kStatic},
    {"hasattr", builtin_hasattr, MethodDef::kStatic},
    {"setattr", builtin_setattr, MethodDef::kStatic},
    {"pow", builtin_pow, MethodDef::kStatic},
    {"abs", builtin_abs, MethodDef::kStatic},
    {"isinstance", builtin_isinstance, MethodDef::kStatic},
    {"sum", builtin_sum, MethodDef::kStatic},
    {"min", builtin_min, MethodDef::kStatic},
    {"max", builtin_max, MethodDef::kStatic},
    {"print", builtin_print, MethodDef::kStatic},
    {"len", builtin_len, MethodDef::kStatic},
    {"repr", builtin_repr, MethodDef::kStatic},
    {"ascii", builtin_ascii, MethodDef::kStatic},
    {"hash", builtin_hash, MethodDef::kStatic},
    {"iter", builtin_iter, MethodDef::kStatic},
    {"next", builtin_next, MethodDef::kStatic},
    {"callable", builtin_callable, MethodDef::kStatic},
    {"vars", builtin_vars, MethodDef::kStatic},
    {"delattr", builtin_delattr, MethodDef::kStatic},
    {nullptr, nullptr},
};

}  // namespace

Object* make_builtins_dict() {
  init_std_streams();
  Ref dict = Ref::steal(dict_new());
  if (!dict) return nullptr;
  // Every thread reads the builtins and calls them: counted per thread (refcount/deferred.h).
  make_deferred(dict.get());
  for (const MethodDef* def = builtin_functions; def->name != nullptr; ++def) {
    Ref function = Ref::steal(builtin_function_new(def, nullptr, "builtins"));
    if (function) make_deferred(function.get());
    if (!function || dict_set_item(dict.get(), str_intern(def->name), function.get()) < 0) return nullptr;
  }
  Ref build_class = Ref::steal(builtin_function_new(interp::build_class_builtin(), nullptr, "builtins"));
  if (build_class) make_deferred(build_class.get());
  if (!build_class || dict_set_item(dict.get(), str_intern("__build_class__"), build_class.get()) < 0) return nullptr;
  struct Named { const char* name; Object* value; };
  const Named values[] = {
      {"None", none()}, {"True", py_true()}, {"False", py_false()},
      {"NotImplemented", not_implemented()}, {"Ellipsis", ellipsis()},
      {"int", &int_type}, {"bool", &bool_type}, {"str", &str_type}, {"tuple", &tuple_type},
      {"float", &float_type}, {"list", &list_type}, {"dict", &dict_type}, {"set", &set_type},
      {"frozenset", &frozenset_type}, {"range", &range_type}, {"slice", &slice_type},
      {"object", &object_type}, {"type", &type_type},
      {"super", &super_type}, {"staticmethod", &staticmethod_type},
      {"classmethod", &classmethod_type}, {"property", &property_type},
      {"BaseException", &base_exception_type}, {"Exception", &exception_type},
      {"ArithmeticError", &arithmetic_error_type}, {"ZeroDivisionError", &zero_division_error_type},
      {"OverflowError", &overflow_error_type}, {"TypeError", &type_error_type},
      {"ValueError", &value_error_type}, {"LookupError", &lookup_error_type},
      {"IndexError", &index_error_type}, {"KeyError", &key_error_type},
      {"AttributeError", &attribute_error_type}, {"NameError", &name_error_type},
      {"UnboundLocalError", &unbound_local_error_type}, {"RuntimeError", &runtime_error_type},
      {"NotImplementedError", &not_implemented_error_type}, {"RecursionError", &recursion_error_type},
      {"StopIteration", &stop_iteration_type}, {"AssertionError", &assertion_error_type},
      {"MemoryError", &memory_error_type}, {"KeyboardInterrupt", &keyboard_interrupt_type},
      {"SystemExit", &system_exit_type}, {"GeneratorExit", &generator_exit_type},
      {"ImportError", &import_error_type}, {"ModuleNotFoundError", &module_not_found_error_type},
      {"SyntaxError", &syntax_error_type},
  };
  for (const Named& entry : values) {
    if (dict_set_item(dict.get(), str_intern(entry.name), entry.value) < 0) return nullptr;
  }
  if (add_introspection_builtins(dict.get(), [](Object* target, const char* name, Object* value) {
        return dict_set_item(target, str_intern(name), value);
      }) < 0) {
    return nullptr;
  }
  add_iterator_builtins(dict.get(), [](Object* target, const char* name, Object* value) {
    return dict_set_item(target, str_intern(name), value);
  });
  if (has_exception()) return nullptr;
  return dict.release();
}

}  // namespace stitch::builtins
