#include "core/import/import_ops.h"

#include <string>

#include "core/import/importer.h"
#include "core/object/attributes.h"
#include "core/object/call.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/import_error.h"
#include "core/object/iterators.h"
#include "core/object/module.h"
#include "core/object/protocol.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::imports {

namespace {

// globals.get(key) as a new reference, nullptr when missing (or globals is not a dict).
Object* global_value(Object* globals, std::string_view key) {
  if (globals == nullptr || !is_dict(globals)) return nullptr;
  return dict_get_item_str(globals, key);
}

// importlib._calc___package__: the package a relative import in `globals` is relative to.
bool calc_package(Object* globals, std::string& package) {
  Ref value = Ref::steal(global_value(globals, "__package__"));
  if (has_exception()) return false;
  if (value && !is_none(value.get())) {
    if (!is_str(value.get())) {
      raise_error(&type_error_type, "package must be a string");
      return false;
    }
    package = str_view(value.get());
    return true;
  }
  Ref name = Ref::steal(global_value(globals, "__name__"));
  if (has_exception()) return false;
  if (!name) {
    raise_error(&key_error_type, "'__name__' not in globals");
    return false;
  }
  if (!is_str(name.get())) {
    raise_error(&type_error_type, "__name__ must be a string");
    return false;
  }
  package = str_view(name.get());
  Ref path = Ref::steal(global_value(globals, "__path__"));
  if (has_exception()) return false;
  if (!path) {
    std::size_t dot = package.rfind('.');
    package = dot == std::string::npos ? std::string() : package.substr(0, dot);
  }
  return true;
}

// importlib._handle_fromlist: imports the submodules a `from package import a, b` names that are
// not attributes yet. A missing submodule is not an error here (IMPORT_FROM reports it).
bool handle_fromlist(Importer* importer, Object* module, Object* fromlist, bool recursive) {
  Ref iterator = Ref::steal(object_get_iter(fromlist));
  if (!iterator) return false;
  while (Object* raw = iter_next(iterator.get())) {
    Ref item = Ref::steal(raw);
    if (!is_str(item.get())) {
      raise_error(&type_error_type, std::string(recursive ? "Item in module.__all__" : "Item in ``from list''") +
                                        " must be str, not " + type_of(item.get())->name);
      return false;
    }
    if (str_view(item.get()) == "*") {
      if (recursive) continue;
      Ref all = Ref::steal(object_lookup_attr(module, str_intern("__all__")));
      if (has_exception()) return false;
      if (all && !handle_fromlist(importer, module, all.get(), true)) return false;
      continue;
    }
    Ref present = Ref::steal(object_lookup_attr(module, item.get()));
    if (has_exception()) return false;
    if (present) continue;
    Ref package = Ref::steal(object_getattr(module, str_intern("__name__")));
    if (!package || !is_str(package.get())) return false;
    std::string fullname = std::string(str_view(package.get())) + "." + std::string(str_view(item.get()));
    Ref loaded = Ref::steal(import_absolute(importer, fullname));
    if (loaded) continue;
    if (!exception_matches(&module_not_found_error_type)) return false;
    auto* error = static_cast<ImportErrorObject*>(exec_state().exception);
    if (error->name == nullptr || str_view(error->name) != fullname) return false;
    clear_exception();
  }
  return !has_exception();
}

Object* import_name_hook(Object* builtins, Object* globals, Object* locals, Object* name,
                         Object* fromlist, Object* level) {
  Ref function = Ref::steal(dict_get_item_str(builtins, "__import__"));
  if (!function) {
    if (has_exception()) return nullptr;
    return raise_import_error(&import_error_type, "__import__ not found", nullptr, nullptr);
  }
  Object* arguments[] = {name, globals, locals, fromlist, level};
  return call_object(function.get(), arguments, 5, nullptr);
}

Object* import_from_hook(Object* builtins, Object* module, Object* name) {
  Object* value = object_lookup_attr(module, name);
  if (value != nullptr || has_exception()) return value;
  // A submodule already in sys.modules but not (yet) bound on its package: circular imports.
  Ref package = Ref::steal(object_lookup_attr(module, str_intern("__name__")));
  if (has_exception()) return nullptr;
  if (package && is_str(package.get())) {
    if (Importer* importer = importer_from_builtins(builtins)) {
      std::string fullname = std::string(str_view(package.get())) + "." + std::string(str_view(name));
      Object* submodule = dict_get_item_str(importer->modules, fullname);
      if (submodule != nullptr || has_exception()) return submodule;
    }
  }
  std::string package_text = package && is_str(package.get()) ? std::string(str_view(package.get()))
                                                              : "<unknown module name>";
  Ref path = Ref::steal(object_lookup_attr(module, str_intern("__file__")));
  if (has_exception()) return nullptr;
  std::string location = path && is_str(path.get()) ? std::string(str_view(path.get())) : "unknown location";
  Ref name_repr = Ref::steal(object_repr(name));
  Ref package_repr = Ref::steal(str_from_utf8(package_text));
  if (!name_repr || !package_repr) return nullptr;
  package_repr = Ref::steal(object_repr(package_repr.get()));
  if (!package_repr) return nullptr;
  std::string message = "cannot import name " + std::string(str_view(name_repr.get())) + " from ";
  if (is_module(module) && as_module(module)->initializing.load(std::memory_order_acquire)) {
    message += "partially initialized module " + std::string(str_view(package_repr.get())) +
               " (most likely due to a circular import)";
  } else {
    message += std::string(str_view(package_repr.get()));
  }
  message += " (" + location + ")";
  return raise_import_error(&import_error_type, message, package ? package.get() : nullptr,
                            path && is_str(path.get()) ? path.get() : nullptr);
}

int import_star_hook(Object* module, Object* locals) {
  if (locals == nullptr || !is_dict(locals)) {
    raise_error(&runtime_error_type, "no locals found during 'import *'");
    return -1;
  }
  Ref names = Ref::steal(object_lookup_attr(module, str_intern("__all__")));
  if (has_exception()) return -1;
  bool public_only = false;
  if (!names) {
    Ref dict = Ref::steal(object_lookup_attr(module, str_intern("__dict__")));
    if (has_exception()) return -1;
    if (!dict) {
      raise_import_error(&import_error_type, "from-import-* object has no __dict__ and no __all__", nullptr, nullptr);
      return -1;
    }
    names = Ref::steal(dict_method_keys(dict.get(), nullptr, 0, nullptr));
    if (!names) return -1;
    public_only = true;
  }
  Ref iterator = Ref::steal(object_get_iter(names.get()));
  if (!iterator) return -1;
  while (Object* raw = iter_next(iterator.get())) {
    Ref name = Ref::steal(raw);
    if (!is_str(name.get())) {
      raise_error(&type_error_type, std::string(public_only ? "Key in module.__dict__" : "Item in module.__all__") +
                                        " must be str, not " + type_of(name.get())->name);
      return -1;
    }
    if (public_only && str_view(name.get()).starts_with("_")) continue;
    Ref value = Ref::steal(object_getattr(module, name.get()));
    if (!value || dict_set_item(locals, name.get(), value.get()) < 0) return -1;
  }
  return has_exception() ? -1 : 0;
}

}  // namespace

const interp::ImportHooks import_opcode_hooks = {import_name_hook, import_from_hook, import_star_hook};

Object* import_module_level(Importer* importer, Object* name, Object* globals, Object* fromlist,
                            std::int64_t level) {
  if (!is_str(name)) return raise_error(&type_error_type, "module name must be a string");
  if (level < 0) return raise_error(&value_error_type, "level must be >= 0");
  std::string relative(str_view(name));
  std::string absolute = relative;
  if (level > 0) {
    std::string package;
    if (!calc_package(globals, package)) return nullptr;
    if (package.empty()) {
      return raise_import_error(&import_error_type, "attempted relative import with no known parent package", nullptr, nullptr);
    }
    std::string base = package;
    for (std::int64_t i = 1; i < level; ++i) {
      std::size_t dot = base.rfind('.');
      if (dot == std::string::npos) {
        return raise_import_error(&import_error_type, "attempted relative import beyond top-level package", nullptr, nullptr);
      }
      base.resize(dot);
    }
    absolute = relative.empty() ? base : base + "." + relative;
  } else if (relative.empty()) {
    return raise_error(&value_error_type, "Empty module name");
  }
  Ref module = Ref::steal(import_absolute(importer, absolute));
  if (!module) return nullptr;
  int wants_names = fromlist != nullptr && !is_none(fromlist) ? object_is_true(fromlist) : 0;
  if (wants_names < 0) return nullptr;
  if (wants_names == 0) {
    std::string first = relative.substr(0, relative.find('.'));
    if (level == 0) return import_absolute(importer, first);
    if (relative.empty()) return module.release();
    // The package the relative name starts from, plus its first component.
    std::size_t cut = relative.size() - first.size();
    return import_absolute(importer, absolute.substr(0, absolute.size() - cut));
  }
  Ref path = Ref::steal(object_lookup_attr(module.get(), str_intern("__path__")));
  if (has_exception()) return nullptr;
  if (path && !handle_fromlist(importer, module.get(), fromlist, false)) return nullptr;
  return module.release();
}

}  // namespace stitch::imports
