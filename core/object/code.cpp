#include "core/object/code.h"

#include <cstring>
#include <mutex>
#include <vector>

#include "core/object/alloc.h"
#include "core/object/builtin_types.h"
#include "core/object/exceptions.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch {

TypeObject code_type;

namespace {

std::atomic<CodeExecutorFreedHook> executor_freed_hook{nullptr};

// Code constants are immortal (ARCHITECTURE.md, the free-threading issue): every thread running
// the code loads them, and a shared reference count would make each LOAD_CONST an atomic on one
// contended cache line. They are made immortal while still private to the compiling thread, and
// kept here for the life of the process so that nothing immortal is ever unreachable.
// Nested code objects are the exception: they are deferred (counted per thread, like functions),
// so that they, their bytecode and their tables are freed with their runtime instead of staying
// for the life of the process each time a host compiles a source. Immortal only if deferring
// declines (no runtime thread compiling, or the runtime's uid space is full).
std::mutex immortal_constants_mutex;
std::vector<Object*>& immortal_constants() {
  static auto* constants = new std::vector<Object*>();
  return *constants;
}

void make_constant_immortal(Object* constant, std::vector<Object*>& made) {
  if (is_immortal(constant) || is_deferred(constant)) return;
  if (type_of(constant) == &code_type && rc::set_deferred(&constant->header)) return;
  rc::make_immortal(&constant->header);
  made.push_back(constant);
  if (is_tuple(constant)) {
    for (std::int64_t i = 0; i < as_tuple(constant)->size; ++i) make_constant_immortal(as_tuple(constant)->items[i], made);
  }
}

void code_dealloc(Object* object) {
  CodeObject* code = as_code(object);
  if (void* executor = code->executor.load(std::memory_order_acquire)) {
    if (CodeExecutorFreedHook hook = executor_freed_hook.load(std::memory_order_acquire)) hook(code, executor);
  }
  xdecref(code->consts);
  xdecref(code->names);
  xdecref(code->localsplus_names);
  xdecref(code->filename);
  xdecref(code->name);
  xdecref(code->qualname);
  delete[] code->localsplus_kinds;
  delete[] code->bytecode;
  delete code->lines;
  delete code->exception_table;
  free_object_memory(object);
}

Object* code_repr(Object* object) {
  CodeObject* code = as_code(object);
  std::string text = "<code object " + std::string(str_view(code->name)) + ", file \"" +
                     std::string(str_view(code->filename)) + "\", line " +
                     std::to_string(code->firstlineno) + ">";
  return str_from_utf8(text);
}

Object* tuple_of_interned(const std::vector<std::string>& strings) {
  Object* tuple = tuple_new_uninitialized(static_cast<std::int64_t>(strings.size()));
  if (tuple == nullptr) return nullptr;
  for (std::size_t i = 0; i < strings.size(); ++i) {
    Object* name = str_intern(strings[i]);
    if (name == nullptr) {
      decref(tuple);
      return nullptr;
    }
    as_tuple(tuple)->items[i] = name;
  }
  return tuple;
}

}  // namespace

Object* code_new(CodeSpec&& spec) {
  Ref consts = Ref::steal(tuple_new_uninitialized(static_cast<std::int64_t>(spec.consts.size())));
  if (!consts) {
    for (Object* constant : spec.consts) xdecref(constant);
    return nullptr;
  }
  for (std::size_t i = 0; i < spec.consts.size(); ++i) as_tuple(consts.get())->items[i] = spec.consts[i];
  spec.consts.clear();
  Ref names = Ref::steal(tuple_of_interned(spec.names));
  Ref localsplus = Ref::steal(tuple_of_interned(spec.localsplus_names));
  // Every function made from this code references its qualname (and tracebacks its filename)
  // from whichever thread makes it: interned, so immortal like the constants, and one object
  // however often the same source is compiled (a fresh immortal string per compile would leak
  // with every stitch_eval). Checked as UTF-8 first (file names come from the host).
  Ref filename_text = Ref::steal(str_from_utf8(spec.filename));
  Ref qualname_text = Ref::steal(str_from_utf8(spec.qualname));
  if (!filename_text || !qualname_text) return nullptr;
  Ref filename = Ref::steal(str_intern(str_view(filename_text.get())));
  Ref name = Ref::steal(str_intern(spec.name));
  Ref qualname = Ref::steal(str_intern(str_view(qualname_text.get())));
  if (!names || !localsplus || !filename || !name || !qualname) return nullptr;
  {
    // The constants, not their tuple: only the code object references the tuple, and an
    // immortal one would be kept for good each time a source is compiled.
    std::vector<Object*> made;
    for (std::int64_t i = 0; i < as_tuple(consts.get())->size; ++i) {
      make_constant_immortal(as_tuple(consts.get())->items[i], made);
    }
    std::lock_guard<std::mutex> lock(immortal_constants_mutex);
    immortal_constants().insert(immortal_constants().end(), made.begin(), made.end());
  }

  auto* code = allocate<CodeObject>(&code_type);
  if (code == nullptr) return nullptr;
  code->argcount = spec.argcount;
  code->posonlyargcount = spec.posonlyargcount;
  code->kwonlyargcount = spec.kwonlyargcount;
  code->flags = spec.flags;
  code->stacksize = spec.stacksize;
  code->firstlineno = spec.firstlineno;
  code->nlocalsplus = static_cast<std::int32_t>(spec.localsplus_kinds.size());
  code->nlocals = code->ncells = code->nfrees = 0;
  for (std::uint8_t kind : spec.localsplus_kinds) {
    if (kind & local_kind::kFree) ++code->nfrees;
    else if (kind & local_kind::kCell) ++code->ncells;
    else ++code->nlocals;
  }
  code->consts = consts.release();
  code->names = names.release();
  code->localsplus_names = localsplus.release();
  code->filename = filename.release();
  code->name = name.release();
  code->qualname = qualname.release();
  code->localsplus_kinds = new std::uint8_t[spec.localsplus_kinds.size() + 1];
  if (!spec.localsplus_kinds.empty()) {
    std::memcpy(code->localsplus_kinds, spec.localsplus_kinds.data(), spec.localsplus_kinds.size());
  }
  code->bytecode_words = static_cast<std::int64_t>(spec.bytecode.size());
  code->bytecode = new std::uint32_t[spec.bytecode.size() + 1];
  if (!spec.bytecode.empty()) {
    std::memcpy(code->bytecode, spec.bytecode.data(), spec.bytecode.size() * sizeof(std::uint32_t));
  }
  code->lines = new std::vector<LineTableEntry>(std::move(spec.lines));
  code->exception_table = new std::vector<ExceptionTableEntry>(std::move(spec.exception_table));
  new (&code->executor) std::atomic<void*>(nullptr);
  new (&code->jit_warmup) std::atomic<std::int32_t>(0);
  return code;
}

void set_code_executor_freed_hook(CodeExecutorFreedHook hook) { executor_freed_hook.store(hook, std::memory_order_release); }

std::int32_t code_line_for_offset(const CodeObject* code, std::uint32_t offset) {
  std::int32_t line = -1;
  for (const LineTableEntry& entry : *code->lines) {
    if (entry.start > offset) break;
    line = entry.line;
  }
  return line;
}

void init_code_type() {
  init_static_type(code_type, "code", sizeof(CodeObject), &object_type, 0);
  code_type.dealloc = code_dealloc;
  code_type.repr = code_repr;
}

}  // namespace stitch
