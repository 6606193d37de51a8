#include "core/object/args.h"

#include <string>

#include "core/object/exceptions.h"
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

}  // namespace stitch
