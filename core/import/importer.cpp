#include "core/import/importer.h"

#include "core/import/import_ops.h"
#include "core/interp/import_hooks.h"

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "core/compiler/bytecode/codegen.h"
#include "core/compiler/frontend.h"
#include "core/interp/interpreter.h"
#include "core/object/alloc.h"
#include "core/object/attributes.h"
#include "core/object/builtin_types.h"
#include "core/object/call.h"
#include "core/object/dict.h"
#include "core/object/exceptions.h"
#include "core/object/exec_state.h"
#include "core/object/import_error.h"
#include "core/object/int.h"
#include "core/object/list.h"
#include "core/object/module.h"
#include "core/object/singletons.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::imports {

TypeObject importer_type;

namespace {

// ---- native module registry (process-wide, written at start-up) ----

std::mutex& registry_mutex() {
  static std::mutex mutex;
  return mutex;
}
std::unordered_map<std::string, NativeModuleInit>& registry() {
  static std::unordered_map<std::string, NativeModuleInit> modules;
  return modules;
}
NativeModuleInit find_native_module(const std::string& name) {
  std::lock_guard<std::mutex> guard(registry_mutex());
  auto found = registry().find(name);
  return found == registry().end() ? nullptr : found->second;
}

// ---- the importer object ----

void importer_dealloc(Object* object) {
  auto* importer = static_cast<Importer*>(object);
  xdecref(importer->modules);
  xdecref(importer->path);
  xdecref(importer->builtins);
  xdecref(importer->failed);
  importer->locks.~ModuleLockTable();
  free_object_memory(object);
}

Object* builtin_dunder_import(Object* self, Object* const* args, std::size_t nargs, Object* kwnames);

const MethodDef dunder_import_definition = {"__import__", builtin_dunder_import, MethodDef::kInstance};

// ---- helpers ----

std::string parent_of(std::string_view fullname) {
  std::size_t dot = fullname.rfind('.');
  return dot == std::string_view::npos ? std::string() : std::string(fullname.substr(0, dot));
}

Object* raise_not_found(std::string_view message, std::string_view fullname) {
  Ref name = Ref::steal(str_from_utf8(fullname));
  if (!name) return nullptr;
  return raise_import_error(&module_not_found_error_type, message, name.get(), nullptr);
}

// The module cached as sys.modules[fullname] (new reference), or nullptr without an exception.
Object* cached_module(Importer* importer, std::string_view fullname) {
  return dict_get_item_str(importer->modules, fullname);
}

bool is_initializing(Object* module) {
  return is_module(module) && as_module(module)->initializing.load(std::memory_order_acquire);
}

// Where a module's source lives: `file` (its .py) and, for a package, `package_dir`.
struct Location {
  std::string file;
  std::string package_dir;  // empty for a plain module
};

// Looks for `name` (one component) in `directories` (a list of str): a package directory with an
// __init__.py first, then name.py (CPython's FileFinder order).
bool find_source(Object* directories, std::string_view name, Location& found) {
  namespace fs = std::filesystem;
  if (!is_list(directories)) return false;
  ListObject* list = as_list(directories);
  for (std::int64_t i = 0; i < list_size(list); ++i) {
    Ref entry = Ref::steal(list_item_ref(list, i));
    if (!entry || !is_str(entry.get())) continue;
    std::error_code error;
    fs::path directory(str_view(entry.get()));
    if (directory.empty()) directory = fs::current_path(error);
    directory = fs::absolute(directory, error).lexically_normal();
    fs::path package = directory / std::string(name);
    if (fs::is_regular_file(package / "__init__.py", error)) {
      found.file = (package / "__init__.py").string();
      found.package_dir = package.string();
      return true;
    }
    fs::path module = directory / (std::string(name) + ".py");
    if (fs::is_regular_file(module, error)) {
      found.file = module.string();
      found.package_dir.clear();
      return true;
    }
  }
  return false;
}

// Compiles the file into a code object (new reference), or raises SyntaxError / OSError-like
// ImportError when unreadable.
Object* compile_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return raise_import_error(&import_error_type, "cannot read '" + path + "'", nullptr, nullptr);
  std::ostringstream text;
  text << file.rdbuf();
  compiler::FrontendResult front = compiler::run_frontend(text.str(), path);
  if (!front.ok()) return raise_error(&syntax_error_type, front.error->message);
  auto compiled = bytecode::compile_module(front);
  if (!compiled.code) {
    if (has_exception()) return nullptr;
    return raise_error(&syntax_error_type, compiled.error ? compiled.error->message : "cannot compile");
  }
  return compiled.code;
}

// Puts `module` in sys.modules as initializing and runs `body` on it; on failure removes it again.
// Returns sys.modules[fullname] afterwards (a module may replace itself there), new reference.
template <class Body>
Object* initialize_module(Importer* importer, Object* fullname, Object* module, Body body) {
  as_module(module)->initializing.store(true, std::memory_order_release);
  if (dict_set_item(importer->modules, fullname, module) < 0) return nullptr;
  bool ok = body();
  // Release: a thread that sees `initializing` false also sees the finished namespace.
  as_module(module)->initializing.store(false, std::memory_order_release);
  if (!ok) {
    Ref failure = Ref::steal(take_exception());
    Ref current = Ref::steal(dict_get_item(importer->modules, fullname));
    clear_exception();
    if (current.get() == module && dict_del_item(importer->modules, fullname) < 0) clear_exception();
    // Others may still hold the half-built module (circular imports), so its namespace stays as
    // it is until shutdown, which clears it to break its function/globals cycles.
    if (list_append(importer->failed, module) < 0) clear_exception();
    set_exception(failure.release());
    return nullptr;
  }
  Object* result = dict_get_item(importer->modules, fullname);
  if (result != nullptr || has_exception()) return result;
  return raise_import_error(&import_error_type, "Loaded module " + std::string(str_view(fullname)) +
                                             " not found in sys.modules", nullptr, nullptr);
}

Object* load_native(Importer* importer, Object* fullname, NativeModuleInit init) {
  Ref module = Ref::steal(module_new(fullname));
  if (!module) return nullptr;
  as_module(module.get())->is_builtin = true;
  return initialize_module(importer, fullname, module.get(),
                           [&] { return init(module.get(), importer) == 0; });
}

Object* load_source(Importer* importer, Object* fullname, const Location& location) {
  Ref module = Ref::steal(module_new(fullname));
  if (!module) return nullptr;
  Object* dict = module_dict(module.get());
  Ref file = Ref::steal(str_from_utf8(location.file));
  if (!file || dict_set_item_str(dict, "__file__", file.get()) < 0) return nullptr;
  bool is_package = !location.package_dir.empty();
  std::string package = is_package ? std::string(str_view(fullname)) : parent_of(str_view(fullname));
  Ref package_name = Ref::steal(str_from_utf8(package));
  if (!package_name || dict_set_item_str(dict, "__package__", package_name.get()) < 0) return nullptr;
  if (is_package) {
    Ref directory = Ref::steal(str_from_utf8(location.package_dir));
    if (!directory) return nullptr;
    Ref path = Ref::steal(list_new(1));
    if (!path || list_append(path.get(), directory.get()) < 0) return nullptr;
    if (dict_set_item_str(dict, "__path__", path.get()) < 0) return nullptr;
  }
  if (dict_set_item_str(dict, "__builtins__", importer->builtins) < 0) return nullptr;
  return initialize_module(importer, fullname, module.get(), [&] {
    Ref code = Ref::steal(compile_file(location.file));
    if (!code) return false;
    Ref result = Ref::steal(interp::run_module_code(code.get(), dict, importer->builtins));
    return static_cast<bool>(result);
  });
}

// Finds and loads `fullname` whose parent (if any) is already imported as `parent`.
Object* find_and_load(Importer* importer, Object* fullname, Object* parent) {
  std::string name(str_view(fullname));
  if (NativeModuleInit init = parent == nullptr ? find_native_module(name) : nullptr) {
    return load_native(importer, fullname, init);
  }
  Ref directories;
  std::string child = name;
  if (parent != nullptr) {
    child = name.substr(name.rfind('.') + 1);
    directories = Ref::steal(object_lookup_attr(parent, str_intern("__path__")));
    if (!directories) {
      if (has_exception()) return nullptr;
      return raise_not_found("No module named '" + name + "'; '" + parent_of(name) + "' is not a package", name);
    }
  } else {
    directories = Ref::borrow(importer->path);
  }
  Location location;
  if (!find_source(directories.get(), child, location)) {
    return raise_not_found("No module named '" + name + "'", name);
  }
  return load_source(importer, fullname, location);
}

}  // namespace

void register_native_module(const char* name, NativeModuleInit init) {
  std::lock_guard<std::mutex> guard(registry_mutex());
  registry()[name] = init;
}

Object* importer_new(Object* builtins, const std::vector<std::string>& search_path) {
  Ref modules = Ref::steal(dict_new());
  Ref path = Ref::steal(list_new(0));
  Ref failed = Ref::steal(list_new(0));
  if (!modules || !path || !failed) return nullptr;
  for (const std::string& directory : search_path) {
    Ref entry = Ref::steal(str_from_utf8(directory));
    if (!entry || list_append(path.get(), entry.get()) < 0) return nullptr;
  }
  auto* importer = allocate<Importer>(&importer_type);
  if (importer == nullptr) return nullptr;
  importer->modules = modules.release();
  importer->path = path.release();
  importer->failed = failed.release();
  importer->builtins = new_ref(builtins);
  new (&importer->locks) ModuleLockTable();
  Ref owner = Ref::steal(importer);
  Ref function = Ref::steal(builtin_function_new(&dunder_import_definition, importer, "builtins"));
  if (!function || dict_set_item_str(builtins, "__import__", function.get()) < 0) return nullptr;
  return owner.release();
}

void importer_shutdown(Object* object) {
  auto* importer = static_cast<Importer*>(object);
  Ref pending = Ref::steal(take_exception());
  Ref modules = Ref::steal(dict_copy(importer->modules));
  if (modules) {
    std::int64_t position = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (dict_next(modules.get(), &position, &key, &value)) {
      if (is_module(value)) Ref::steal(dict_method_clear(module_dict(value), nullptr, 0, nullptr));
    }
  }
  ListObject* failed = as_list(importer->failed);
  for (std::int64_t i = 0; i < list_size(failed); ++i) {
    Ref module = Ref::steal(list_item_ref(failed, i));
    if (module && is_module(module.get())) Ref::steal(dict_method_clear(module_dict(module.get()), nullptr, 0, nullptr));
  }
  Ref::steal(dict_method_clear(importer->modules, nullptr, 0, nullptr));
  if (dict_del_item(importer->builtins, str_intern("__import__")) < 0) clear_exception();
  clear_exception();
  if (pending) set_exception(pending.release());
}

Importer* importer_from_builtins(Object* builtins) {
  Ref function = Ref::steal(dict_get_item_str(builtins, "__import__"));
  if (!function) {
    clear_exception();
    return nullptr;
  }
  if (type_of(function.get()) != &builtin_function_type) return nullptr;
  auto* native = static_cast<BuiltinFunctionObject*>(function.get());
  if (native->definition != &dunder_import_definition) return nullptr;
  return static_cast<Importer*>(native->self);  // the builtins dict keeps the function alive
}

Object* import_absolute(Importer* importer, std::string_view fullname_view) {
  for (;;) {
    Ref module = Ref::steal(cached_module(importer, fullname_view));
    if (!module && has_exception()) return nullptr;
    if (module && is_none(module.get())) {
      return raise_not_found("import of " + std::string(fullname_view) + " halted; None in sys.modules", fullname_view);
    }
    if (module && !is_initializing(module.get())) return module.release();
    std::string fullname(fullname_view);
    // Parents first: importing them may import this module too.
    Ref parent;
    std::string parent_name = parent_of(fullname);
    if (!parent_name.empty() && !module) {
      parent = Ref::steal(import_absolute(importer, parent_name));
      if (!parent) return nullptr;
      module = Ref::steal(cached_module(importer, fullname));
      if (!module && has_exception()) return nullptr;
      if (module && !is_initializing(module.get())) return module.release();
    }
    switch (importer->locks.claim(fullname)) {
      case ModuleLockTable::Claim::kInProgress:
        // This thread (or a cycle through it) is running the module's body: CPython hands out
        // the partially initialized module.
        if (module) return module.release();
        break;  // it failed and was removed meanwhile: load it again below, unlocked
      case ModuleLockTable::Claim::kWaited: continue;  // look again: loaded, or failed
      case ModuleLockTable::Claim::kLoad: {
        module = Ref::steal(cached_module(importer, fullname));
        if (module || has_exception()) {  // loaded between our look and our claim
          importer->locks.release(fullname);
          return module.release();
        }
        Ref name = Ref::steal(str_from_utf8(fullname));
        Ref loaded = name ? Ref::steal(find_and_load(importer, name.get(), parent.get())) : Ref();
        importer->locks.release(fullname);
        if (!loaded) return nullptr;
        if (parent) {
          Ref child = Ref::steal(str_from_utf8(fullname.substr(parent_name.size() + 1)));
          if (!child || object_setattr(parent.get(), child.get(), loaded.get()) < 0) return nullptr;
        }
        return loaded.release();
      }
    }
    Ref name = Ref::steal(str_from_utf8(fullname));
    return name ? find_and_load(importer, name.get(), parent.get()) : nullptr;
  }
}

void init_import_system() {
  static std::once_flag once;
  std::call_once(once, [] {
    init_static_type(importer_type, "importer", sizeof(Importer), &object_type, 0);
    importer_type.dealloc = importer_dealloc;
    interp::set_import_hooks(&import_opcode_hooks);
  });
}

namespace {

Object* builtin_dunder_import(Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  static constexpr const char* kNames[] = {"name", "globals", "locals", "fromlist", "level"};
  Object* values[5] = {nullptr, nullptr, nullptr, nullptr, nullptr};
  if (nargs > 5) {
    return raise_error(&type_error_type, "__import__() takes at most 5 arguments (" + std::to_string(nargs) + " given)");
  }
  for (std::size_t i = 0; i < nargs; ++i) values[i] = args[i];
  std::int64_t keywords = kwnames != nullptr ? as_tuple(kwnames)->size : 0;
  for (std::int64_t k = 0; k < keywords; ++k) {
    std::string_view keyword = str_view(as_tuple(kwnames)->items[k]);
    int slot = -1;
    for (int i = 0; i < 5; ++i) {
      if (keyword == kNames[i]) slot = i;
    }
    if (slot < 0) {
      return raise_error(&type_error_type, "'" + std::string(keyword) + "' is an invalid keyword argument for __import__()");
    }
    if (values[slot] != nullptr) {
      return raise_error(&type_error_type, "argument for __import__() given by name ('" + std::string(keyword) +
                                               "') and position (" + std::to_string(slot + 1) + ")");
    }
    values[slot] = args[nargs + static_cast<std::size_t>(k)];
  }
  if (values[0] == nullptr) {
    return raise_error(&type_error_type, "__import__() missing required argument 'name' (pos 1)");
  }
  std::int64_t level = 0;
  if (values[4] != nullptr) {
    if (!is_int(values[4]) || !int_is_small(values[4])) {
      return raise_error(&type_error_type, std::string("'") + type_of(values[4])->name +
                                               "' object cannot be interpreted as an integer");
    }
    level = as_int(values[4])->small;
  }
  return import_module_level(static_cast<Importer*>(self), values[0], values[1], values[3], level);
}

}  // namespace

}  // namespace stitch::imports
