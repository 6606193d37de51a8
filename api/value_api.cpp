// Values: owned references to objects of one runtime, converted to and from C data.
#include <string>

#include "api/api_internal.h"
#include "core/object/bool.h"
#include "core/object/dict.h"
#include "core/object/exec_state.h"
#include "core/object/float.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/unicode/utf8.h"

using stitch::api::fail;
using stitch::api::guarded;
using stitch::api::succeed;

namespace {

using namespace stitch;

// Entry checks of the constructors: attached to `runtime`, `out` not null.
stitch_status begin_new(const char* function, stitch_runtime* runtime, stitch_value** out) {
  if (stitch_status status = api::require_attached(function, runtime); status != STITCH_OK) return status;
  if (out == nullptr) return fail(function, STITCH_E_INVALID_ARGUMENT, "out is null");
  return STITCH_OK;
}

stitch_status wrong_type(const char* function, const char* wanted, Object* object) {
  return fail(function, STITCH_E_TYPE, std::string("expected ") + wanted + ", got '" + type_name(object) + "'");
}

}  // namespace

extern "C" {

stitch_status stitch_value_none(stitch_runtime* runtime, stitch_value** out) {
  constexpr const char* kFunction = "stitch_value_none";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = begin_new(kFunction, runtime, out); status != STITCH_OK) return status;
    return api::make_value(kFunction, runtime, new_ref(none()), out);
  });
}

stitch_status stitch_value_from_bool(stitch_runtime* runtime, int value, stitch_value** out) {
  constexpr const char* kFunction = "stitch_value_from_bool";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = begin_new(kFunction, runtime, out); status != STITCH_OK) return status;
    return api::make_value(kFunction, runtime, new_ref(bool_from(value != 0)), out);
  });
}

stitch_status stitch_value_from_int(stitch_runtime* runtime, int64_t value, stitch_value** out) {
  constexpr const char* kFunction = "stitch_value_from_int";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = begin_new(kFunction, runtime, out); status != STITCH_OK) return status;
    return api::make_value(kFunction, runtime, int_from_int64(value), out);
  });
}

stitch_status stitch_value_from_float(stitch_runtime* runtime, double value, stitch_value** out) {
  constexpr const char* kFunction = "stitch_value_from_float";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = begin_new(kFunction, runtime, out); status != STITCH_OK) return status;
    return api::make_value(kFunction, runtime, float_from_double(value), out);
  });
}

stitch_status stitch_value_from_str(stitch_runtime* runtime, const char* utf8, size_t size, stitch_value** out) {
  constexpr const char* kFunction = "stitch_value_from_str";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = begin_new(kFunction, runtime, out); status != STITCH_OK) return status;
    if (utf8 == nullptr && size > 0) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "the text is null");
    std::string_view text(utf8 == nullptr ? "" : utf8, size);
    if (!unicode::is_valid_utf8(text)) {
      return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "the text is not valid UTF-8");
    }
    return api::make_value(kFunction, runtime, str_from_utf8(text), out);
  });
}

stitch_status stitch_list_new(stitch_runtime* runtime, stitch_value** out) {
  constexpr const char* kFunction = "stitch_list_new";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = begin_new(kFunction, runtime, out); status != STITCH_OK) return status;
    return api::make_value(kFunction, runtime, list_new(0), out);
  });
}

stitch_status stitch_dict_new(stitch_runtime* runtime, stitch_value** out) {
  constexpr const char* kFunction = "stitch_dict_new";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = begin_new(kFunction, runtime, out); status != STITCH_OK) return status;
    return api::make_value(kFunction, runtime, dict_new(), out);
  });
}

stitch_status stitch_value_type(stitch_value* value, stitch_type* out) {
  constexpr const char* kFunction = "stitch_value_type";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_value(kFunction, "value", value); status != STITCH_OK) return status;
    if (out == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "out is null");
    Object* object = value->object;
    if (is_none(object)) *out = STITCH_TYPE_NONE;
    else if (type_of(object) == &bool_type) *out = STITCH_TYPE_BOOL;
    else if (is_int(object)) *out = STITCH_TYPE_INT;
    else if (is_float(object)) *out = STITCH_TYPE_FLOAT;
    else if (is_str(object)) *out = STITCH_TYPE_STR;
    else if (is_list(object)) *out = STITCH_TYPE_LIST;
    else if (is_dict(object)) *out = STITCH_TYPE_DICT;
    else *out = STITCH_TYPE_OTHER;
    return succeed();
  });
}

stitch_status stitch_value_to_bool(stitch_value* value, int* out) {
  constexpr const char* kFunction = "stitch_value_to_bool";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_value(kFunction, "value", value); status != STITCH_OK) return status;
    if (out == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "out is null");
    if (type_of(value->object) != &bool_type) return wrong_type(kFunction, "'bool'", value->object);
    *out = value->object == py_true() ? 1 : 0;
    return succeed();
  });
}

stitch_status stitch_value_to_int(stitch_value* value, int64_t* out) {
  constexpr const char* kFunction = "stitch_value_to_int";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_value(kFunction, "value", value); status != STITCH_OK) return status;
    if (out == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "out is null");
    if (!is_int(value->object)) return wrong_type(kFunction, "'int'", value->object);
    if (!int_is_small(value->object)) {
      return fail(kFunction, STITCH_E_OVERFLOW, "the int does not fit in int64_t");
    }
    *out = as_int(value->object)->small;
    return succeed();
  });
}

stitch_status stitch_value_to_float(stitch_value* value, double* out) {
  constexpr const char* kFunction = "stitch_value_to_float";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_value(kFunction, "value", value); status != STITCH_OK) return status;
    if (out == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "out is null");
    if (is_float(value->object)) {
      *out = float_value(value->object);
    } else if (is_int(value->object) && int_is_small(value->object)) {
      *out = static_cast<double>(as_int(value->object)->small);
    } else if (is_int(value->object)) {
      *out = mpz_get_d(&as_int(value->object)->big);
    } else {
      return wrong_type(kFunction, "'float' or 'int'", value->object);
    }
    return succeed();
  });
}

stitch_status stitch_value_to_str(stitch_value* value, const char** utf8, size_t* size) {
  constexpr const char* kFunction = "stitch_value_to_str";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_value(kFunction, "value", value); status != STITCH_OK) return status;
    if (utf8 == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "utf8 is null");
    if (!is_str(value->object)) return wrong_type(kFunction, "'str'", value->object);
    std::string_view text = str_view(value->object);
    *utf8 = text.data();
    if (size != nullptr) *size = text.size();
    return succeed();
  });
}

stitch_status stitch_value_repr(stitch_value* value, stitch_value** out) {
  constexpr const char* kFunction = "stitch_value_repr";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_value(kFunction, "value", value); status != STITCH_OK) return status;
    if (out == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "out is null");
    return api::make_value(kFunction, value->link->runtime, object_repr(value->object), out);
  });
}

stitch_status stitch_list_append(stitch_value* list, stitch_value* item) {
  constexpr const char* kFunction = "stitch_list_append";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_value(kFunction, "list", list); status != STITCH_OK) return status;
    if (stitch_status status = api::require_value(kFunction, "item", item, list->link->runtime); status != STITCH_OK) {
      return status;
    }
    if (!is_list(list->object)) return wrong_type(kFunction, "'list'", list->object);
    if (list_append(list->object, item->object) < 0) return api::fail_from_exception(kFunction);
    return succeed();
  });
}

stitch_status stitch_list_size(stitch_value* list, size_t* out) {
  constexpr const char* kFunction = "stitch_list_size";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_value(kFunction, "list", list); status != STITCH_OK) return status;
    if (out == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "out is null");
    if (!is_list(list->object)) return wrong_type(kFunction, "'list'", list->object);
    *out = static_cast<size_t>(list_size(as_list(list->object)));
    return succeed();
  });
}

stitch_status stitch_list_get(stitch_value* list, size_t index, stitch_value** out) {
  constexpr const char* kFunction = "stitch_list_get";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_value(kFunction, "list", list); status != STITCH_OK) return status;
    if (out == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "out is null");
    if (!is_list(list->object)) return wrong_type(kFunction, "'list'", list->object);
    Object* item = index > static_cast<size_t>(INT64_MAX)
                       ? nullptr
                       : list_item_ref(as_list(list->object), static_cast<std::int64_t>(index));
    if (item == nullptr) {
      return fail(kFunction, STITCH_E_NOT_FOUND, "index " + std::to_string(index) + " is out of range");
    }
    return api::make_value(kFunction, list->link->runtime, item, out);
  });
}

stitch_status stitch_dict_set(stitch_value* dict, stitch_value* key, stitch_value* item) {
  constexpr const char* kFunction = "stitch_dict_set";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_value(kFunction, "dict", dict); status != STITCH_OK) return status;
    stitch_runtime* runtime = dict->link->runtime;
    if (stitch_status status = api::require_value(kFunction, "key", key, runtime); status != STITCH_OK) return status;
    if (stitch_status status = api::require_value(kFunction, "item", item, runtime); status != STITCH_OK) return status;
    if (!is_dict(dict->object)) return wrong_type(kFunction, "'dict'", dict->object);
    if (dict_set_item(dict->object, key->object, item->object) < 0) return api::fail_from_exception(kFunction);
    return succeed();
  });
}

stitch_status stitch_dict_get(stitch_value* dict, stitch_value* key, stitch_value** out) {
  constexpr const char* kFunction = "stitch_dict_get";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_value(kFunction, "dict", dict); status != STITCH_OK) return status;
    stitch_runtime* runtime = dict->link->runtime;
    if (stitch_status status = api::require_value(kFunction, "key", key, runtime); status != STITCH_OK) return status;
    if (out == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "out is null");
    if (!is_dict(dict->object)) return wrong_type(kFunction, "'dict'", dict->object);
    Object* item = dict_get_item(dict->object, key->object);
    if (item != nullptr) return api::make_value(kFunction, runtime, item, out);
    if (has_exception()) return api::fail_from_exception(kFunction);  // an unhashable key
    Ref repr = Ref::steal(object_repr(key->object));
    clear_exception();
    std::string shown = repr ? std::string(str_view(repr.get())) : "the key";
    return fail(kFunction, STITCH_E_NOT_FOUND, "no item for key " + shown);
  });
}

stitch_status stitch_dict_size(stitch_value* dict, size_t* out) {
  constexpr const char* kFunction = "stitch_dict_size";
  return guarded(kFunction, [&]() -> stitch_status {
    if (stitch_status status = api::require_value(kFunction, "dict", dict); status != STITCH_OK) return status;
    if (out == nullptr) return fail(kFunction, STITCH_E_INVALID_ARGUMENT, "out is null");
    if (!is_dict(dict->object)) return wrong_type(kFunction, "'dict'", dict->object);
    *out = static_cast<size_t>(dict_size(dict->object));
    return succeed();
  });
}

stitch_status stitch_value_release(stitch_value* value) {
  constexpr const char* kFunction = "stitch_value_release";
  return guarded(kFunction, [&]() -> stitch_status {
    if (value == nullptr) return succeed();  // like free(NULL)
    if (!value->link->alive.load(std::memory_order_acquire)) {
      delete value;  // its object went with the runtime
      return succeed();
    }
    if (stitch_status status = api::require_value(kFunction, "value", value); status != STITCH_OK) {
      if (status == STITCH_E_RUNTIME_GONE) {
        delete value;
        return succeed();
      }
      return status;
    }
    if (value->borrowed) {
      return fail(kFunction, STITCH_E_INVALID_ARGUMENT,
                  "the value is an argument of a native callback (borrowed: Stitch releases it after the "
                  "callback returns)");
    }
    api::untrack_value(value->link->runtime, value);
    decref(value->object);
    delete value;
    return succeed();
  });
}

}  // extern "C"
