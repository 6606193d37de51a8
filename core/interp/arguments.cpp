#include "core/interp/arguments.h"

#include <string>
#include <vector>

#include "core/object/code.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/function.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::interp {

namespace {

std::string qualname_of(FunctionObject* function) { return std::string(str_view(function->qualname)); }

// 'a' | 'a' and 'b' | 'a', 'b', and 'c'
std::string join_names(const std::vector<std::string_view>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    text += "'" + std::string(names[i]) + "'";
  }
  return text;
}

bool missing_arguments(FunctionObject* function, CodeObject* code, Object** locals, int start,
                       int end, const char* kind) {
  std::vector<std::string_view> missing;
  for (int i = start; i < end; ++i) {
    if (locals[i] == nullptr) missing.push_back(str_view(as_tuple(code->localsplus_names)->items[i]));
  }
  raise_error(&type_error_type, qualname_of(function) + "() missing " + std::to_string(missing.size()) +
                                    " required " + kind + " argument" +
                                    (missing.size() == 1 ? "" : "s") + ": " + join_names(missing));
  return false;
}

bool too_many_positional(FunctionObject* function, CodeObject* code, Object** locals,
                         std::size_t given, std::int64_t default_count) {
  std::int64_t kwonly_given = 0;
  for (int i = code->argcount; i < code->argcount + code->kwonlyargcount; ++i) {
    if (locals[i] != nullptr) ++kwonly_given;
  }
  std::string signature;
  bool plural;
  if (default_count > 0) {
    plural = true;
    signature = "from " + std::to_string(code->argcount - default_count) + " to " +
                std::to_string(code->argcount);
  } else {
    plural = code->argcount != 1;
    signature = std::to_string(code->argcount);
  }
  std::string kwonly_note;
  if (kwonly_given > 0) {
    kwonly_note = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " +
                  std::to_string(kwonly_given) + " keyword-only argument" +
                  (kwonly_given != 1 ? "s" : "") + ")";
  }
  raise_error(&type_error_type, qualname_of(function) + "() takes " + signature +
                                    " positional argument" + (plural ? "s" : "") + " but " +
                                    std::to_string(given) + kwonly_note + " " +
                                    (given == 1 && kwonly_given == 0 ? "was" : "were") + " given");
  return false;
}

// Index of `name` among the parameters that keywords may name, or -1.
int keyword_parameter_index(CodeObject* code, Object* name) {
  auto* names = as_tuple(code->localsplus_names);
  int total = code->argcount + code->kwonlyargcount;
  for (int i = code->posonlyargcount; i < total; ++i) {
    if (names->items[i] == name) return i;  // interned: identity first
  }
  for (int i = code->posonlyargcount; i < total; ++i) {
    if (str_equal(names->items[i], name)) return i;
  }
  return -1;
}

bool is_positional_only_name(CodeObject* code, Object* name) {
  auto* names = as_tuple(code->localsplus_names);
  for (int i = 0; i < code->posonlyargcount; ++i) {
    if (str_equal(names->items[i], name)) return true;
  }
  return false;
}

// CPython reports positional-only parameters passed by keyword (all of them at once) before it
// reports a keyword that matches nothing.
bool unexpected_keyword(FunctionObject* function, CodeObject* code, Object* kwnames, Object* name) {
  std::string positional_only;
  for (std::int64_t k = 0; k < as_tuple(kwnames)->size; ++k) {
    Object* keyword = as_tuple(kwnames)->items[k];
    if (!is_positional_only_name(code, keyword)) continue;
    if (!positional_only.empty()) positional_only += ", ";
    positional_only += str_view(keyword);
  }
  if (!positional_only.empty()) {
    raise_error(&type_error_type,
                qualname_of(function) +
                    "() got some positional-only arguments passed as keyword arguments: '" +
                    positional_only + "'");
    return false;
  }
  raise_error(&type_error_type, qualname_of(function) + "() got an unexpected keyword argument '" +
                                    std::string(str_view(name)) + "'");
  return false;
}

}  // namespace

bool bind_arguments(Object* callable, Object* const* args, std::size_t nargs, Object* kwnames,
                    Object** locals) {
  FunctionObject* function = as_function(callable);
  CodeObject* code = as_code(function->code);
  const int argcount = code->argcount;
  const int total = argcount + code->kwonlyargcount;
  const bool has_varargs = (code->flags & code_flags::kVarargs) != 0;
  const bool has_varkeywords = (code->flags & code_flags::kVarkeywords) != 0;

  // The common call: exactly the positional parameters, nothing else to bind or check.
  if (kwnames == nullptr && nargs == static_cast<std::size_t>(total) && code->kwonlyargcount == 0 &&
      !has_varargs && !has_varkeywords) {
    for (std::size_t i = 0; i < nargs; ++i) locals[i] = new_ref(args[i]);
    return true;
  }

  Object* kwargs_dict = nullptr;
  if (has_varkeywords) {
    kwargs_dict = dict_new();
    if (kwargs_dict == nullptr) return false;
    locals[total + (has_varargs ? 1 : 0)] = kwargs_dict;
  }

  std::size_t positional = nargs < static_cast<std::size_t>(argcount) ? nargs : argcount;
  for (std::size_t i = 0; i < positional; ++i) locals[i] = new_ref(args[i]);
  if (has_varargs) {
    std::size_t extra = nargs - positional;
    Object* rest = tuple_new_uninitialized(static_cast<std::int64_t>(extra));
    if (rest == nullptr) return false;
    for (std::size_t i = 0; i < extra; ++i) as_tuple(rest)->items[i] = new_ref(args[positional + i]);
    locals[total] = rest;
  }

  std::int64_t keyword_count = kwnames != nullptr ? as_tuple(kwnames)->size : 0;
  for (std::int64_t k = 0; k < keyword_count; ++k) {
    Object* name = as_tuple(kwnames)->items[k];
    Object* value = args[nargs + k];
    int index = keyword_parameter_index(code, name);
    if (index < 0) {
      if (kwargs_dict != nullptr) {
        // A positional-only name given as a keyword lands in **kwargs, as in Python.
        if (dict_set_item(kwargs_dict, name, value) < 0) return false;
        continue;
      }
      return unexpected_keyword(function, code, kwnames, name);
    }
    if (locals[index] != nullptr) {
      raise_error(&type_error_type, qualname_of(function) + "() got multiple values for argument '" +
                                        std::string(str_view(name)) + "'");
      return false;
    }
    locals[index] = new_ref(value);
  }

  std::int64_t default_count = function->defaults != nullptr ? as_tuple(function->defaults)->size : 0;
  if (nargs > static_cast<std::size_t>(argcount) && !has_varargs) {
    return too_many_positional(function, code, locals, nargs, default_count);
  }
  if (nargs < static_cast<std::size_t>(argcount)) {
    int first_default = argcount - static_cast<int>(default_count);
    for (int i = static_cast<int>(nargs); i < first_default; ++i) {
      if (locals[i] == nullptr) return missing_arguments(function, code, locals, static_cast<int>(nargs), first_default, "positional");
    }
    for (int i = first_default > static_cast<int>(nargs) ? first_default : static_cast<int>(nargs); i < argcount; ++i) {
      if (locals[i] == nullptr) locals[i] = new_ref(as_tuple(function->defaults)->items[i - first_default]);
    }
  }
  if (code->kwonlyargcount > 0) {
    bool any_missing = false;
    for (int i = argcount; i < total; ++i) {
      if (locals[i] != nullptr) continue;
      Object* name = as_tuple(code->localsplus_names)->items[i];
      Object* fallback = function->kwdefaults != nullptr ? dict_get_item(function->kwdefaults, name) : nullptr;
      if (fallback == nullptr && has_exception()) return false;
      if (fallback == nullptr) {
        any_missing = true;
        continue;
      }
      locals[i] = fallback;  // dict_get_item returned a new reference
    }
    if (any_missing) return missing_arguments(function, code, locals, argcount, total, "keyword-only");
  }
  return true;
}

}  // namespace stitch::interp
