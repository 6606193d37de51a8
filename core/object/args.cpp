#include "core/object/args.h"

#include <string>

#include "core/object/exceptions.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch {

namespace {
std::string plural(std::size_t count, const char* word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}
}  // namespace

bool check_no_keywords(const char* name, Object* kwnames) {
  if (kwnames == nullptr || as_tuple(kwnames)->size == 0) return true;
  raise_error(&type_error_type, std::string(name) + "() takes no keyword arguments");
  return false;
}

bool check_no_arguments(const char* qualified_name, std::size_t nargs) {
  if (nargs == 0) return true;
  raise_error(&type_error_type, std::string(qualified_name) + "() takes no arguments (" +
                                    std::to_string(nargs) + " given)");
  return false;
}

bool check_exactly_one_argument(const char* qualified_name, std::size_t nargs) {
  if (nargs == 1) return true;
  raise_error(&type_error_type, std::string(qualified_name) +
                                    "() takes exactly one argument (" + std::to_string(nargs) +
                                    " given)");
  return false;
}

bool check_argument_range(const char* name, std::size_t nargs, std::size_t min, std::size_t max) {
  if (nargs < min) {
    raise_error(&type_error_type, std::string(name) + " expected at least " +
                                      plural(min, "argument") + ", got " + std::to_string(nargs));
    return false;
  }
  if (nargs > max) {
    raise_error(&type_error_type, std::string(name) + " expected at most " +
                                      plural(max, "argument") + ", got " + std::to_string(nargs));
    return false;
  }
  return true;
}

bool bind_native_arguments(const char* function, Object* const* args, std::size_t nargs, Object* kwnames,
                    std::initializer_list<const char*> names, Object** out) {
  std::size_t nkw = kwnames == nullptr ? 0 : static_cast<std::size_t>(as_tuple(kwnames)->size);
  std::size_t max = names.size();
  if (nargs + nkw > max) {
    raise_error(&type_error_type, std::string(function) + "() takes at most " +
                                      std::to_string(max) +
                                      (max == 1 ? " argument (" : " arguments (") +
                                      std::to_string(nargs + nkw) + " given)");
    return false;
  }
  for (std::size_t i = 0; i < max; ++i) out[i] = i < nargs ? args[i] : nullptr;
  for (std::size_t k = 0; k < nkw; ++k) {
    std::string_view key = str_view(as_tuple(kwnames)->items[k]);
    std::size_t slot = 0;
    for (const char* name : names) {
      if (*name != '\0' && key == name) break;
      ++slot;
    }
    if (slot == max) {
      raise_error(&type_error_type, "'" + std::string(key) +
                                        "' is an invalid keyword argument for " + function + "()");
      return false;
    }
    if (slot < nargs) {
      raise_error(&type_error_type, std::string("argument for ") + function +
                                        "() given by name ('" + std::string(key) +
                                        "') and position (" + std::to_string(slot + 1) + ")");
      return false;
    }
    out[slot] = args[nargs + k];
  }
  return true;
}

}  // namespace stitch
