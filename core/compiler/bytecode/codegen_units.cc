// Compilation units: entering a scope (localsplus layout, prefix instructions), leaving it
// (assembly into a code object), qualified names and closures.
#include <algorithm>

#include "core/compiler/bytecode/assembler.h"
#include "core/compiler/bytecode/codegen_internal.h"
#include "core/object/str.h"
#include "core/object/tuple.h"

namespace stitch::bytecode {

namespace {

bool scope_is_function_like(const ast::Scope* scope) {
  return scope->kind == ast::ScopeKind::Function || scope->kind == ast::ScopeKind::Lambda ||
         scope->kind == ast::ScopeKind::Comprehension;
}

}  // namespace

// compiler_set_qualname: a def/class declared `global` in its parent is top-level; a parent
// function or lambda contributes "<parent>.<locals>."; a class contributes "<class>.".
std::string CodeGenerator::qualname_for(std::string_view name, ast::ScopeKind kind) const {
  if (units_.size() <= 1) return std::string(name);
  const CompilationUnit& parent = *units_.back();
  if (kind == ast::ScopeKind::Function || kind == ast::ScopeKind::Class) {
    std::string mangled = parent.scope->mangle(name);
    if (parent.scope->scope_of(mangled) == ast::NameScope::GlobalExplicit) return std::string(name);
  }
  std::string base = parent.qualname;
  if (parent.scope->kind == ast::ScopeKind::Function || parent.scope->kind == ast::ScopeKind::Lambda) {
    base += ".<locals>";
  }
  return base + "." + std::string(name);
}

bool CodeGenerator::enter_unit(const ast::Scope* scope, std::string name, std::int32_t firstlineno,
                               const ast::Arguments* args) {
  if (scope == nullptr) {
    return fail(ast::SourceRange{firstlineno, 0, firstlineno, 0}, "internal compiler error: no scope for a block");
  }
  auto fresh = std::make_unique<CompilationUnit>();
  fresh->scope = scope;
  fresh->qualname = qualname_for(name, scope->kind);
  fresh->name = std::move(name);
  fresh->firstlineno = firstlineno;
  CompilationUnit& u = *fresh;

  auto add_slot = [&](const std::string& slot_name, std::uint8_t kind) {
    auto index = static_cast<std::uint32_t>(u.localsplus.size());
    u.localsplus.push_back(slot_name);
    u.localsplus_kinds.push_back(kind);
    return index;
  };
  if (scope_is_function_like(scope)) {
    // CPython's order: positional (positional-only first), keyword-only, *args, **kwargs.
    std::vector<std::string> parameters;
    if (args != nullptr) {
      for (const ast::Arg* arg : args->posonlyargs) parameters.push_back(scope->mangle(arg->name));
      for (const ast::Arg* arg : args->args) parameters.push_back(scope->mangle(arg->name));
      for (const ast::Arg* arg : args->kwonlyargs) parameters.push_back(scope->mangle(arg->name));
      if (args->vararg != nullptr) parameters.push_back(scope->mangle(args->vararg->name));
      if (args->kwarg != nullptr) parameters.push_back(scope->mangle(args->kwarg->name));
    } else {
      for (std::string_view parameter : scope->parameters()) parameters.emplace_back(parameter);
    }
    for (const std::string& key : parameters) {
      if (!u.fast_index.contains(key)) u.fast_index.emplace(key, add_slot(key, local_kind::kLocal | local_kind::kArgument));
    }
    for (const ast::Symbol& symbol : scope->symbols()) {
      std::string key(symbol.name);
      if (symbol.scope == ast::NameScope::Local && !u.fast_index.contains(key)) {
        u.fast_index.emplace(key, add_slot(key, local_kind::kLocal));
      }
    }
  }
  std::vector<std::string> cells;
  std::vector<std::string> frees;
  for (const ast::Symbol& symbol : scope->symbols()) {
    if (symbol.scope == ast::NameScope::Cell) cells.emplace_back(symbol.name);
    if (symbol.scope == ast::NameScope::Free) frees.emplace_back(symbol.name);
  }
  if (scope->kind == ast::ScopeKind::Class && scope->needs_class_closure) cells.emplace_back("__class__");
  std::sort(cells.begin(), cells.end());
  cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
  std::sort(frees.begin(), frees.end());
  std::vector<std::uint32_t> cell_slots;
  for (const std::string& cell : cells) {
    auto fast = u.fast_index.find(cell);
    if (fast != u.fast_index.end()) {
      u.localsplus_kinds[fast->second] |= local_kind::kCell;
      u.deref_index.emplace(cell, fast->second);
      u.fast_index.erase(fast);  // all accesses go through the cell
      cell_slots.push_back(u.deref_index.at(cell));
    } else {
      std::uint32_t slot = add_slot(cell, local_kind::kCell);
      u.deref_index.emplace(cell, slot);
      cell_slots.push_back(slot);
    }
  }
  for (const std::string& free : frees) u.deref_index.emplace(free, add_slot(free, local_kind::kFree));
  u.freevars = frees;
  std::sort(cell_slots.begin(), cell_slots.end());
  units_.push_back(std::move(fresh));

  // Prefix: COPY_FREE_VARS, MAKE_CELL..., RETURN_GENERATOR + POP_TOP (CPython 3.11's order).
  unit().location = Location{firstlineno, firstlineno, -1, -1};
  if (!frees.empty()) emit(Opcode::COPY_FREE_VARS, static_cast<std::uint32_t>(frees.size()));
  for (std::uint32_t slot : cell_slots) emit(Opcode::MAKE_CELL, slot);
  if (scope->is_generator) {
    emit(Opcode::RETURN_GENERATOR);
    emit(Opcode::POP_TOP);
  }
  return true;
}

Object* CodeGenerator::leave_unit(bool add_implicit_return) {
  CompilationUnit& u = unit();
  if (add_implicit_return) {
    if (!load_none()) return nullptr;
    emit(Opcode::RETURN_VALUE);
  }
  AssembledCode assembled;
  std::string problem = assemble(u.sequence, &assembled);
  if (!problem.empty()) {
    fail(ast::SourceRange{u.firstlineno, 0, u.firstlineno, 0}, "internal compiler error in " + u.qualname + ": " + problem);
    return nullptr;
  }
  CodeSpec spec;
  spec.argcount = u.argcount;
  spec.posonlyargcount = u.posonlyargcount;
  spec.kwonlyargcount = u.kwonlyargcount;
  const ast::Scope* scope = u.scope;
  if (u.is_function_like()) spec.flags |= code_flags::kOptimized | code_flags::kNewLocals;
  if (scope->has_varargs) spec.flags |= code_flags::kVarargs;
  if (scope->has_varkeywords) spec.flags |= code_flags::kVarkeywords;
  if (scope->is_nested) spec.flags |= code_flags::kNested;
  if (scope->is_generator) spec.flags |= code_flags::kGenerator;
  spec.stacksize = assembled.stacksize;
  spec.firstlineno = u.firstlineno;
  spec.consts = std::move(u.consts);
  u.consts.clear();
  spec.names = u.names;
  spec.localsplus_names = u.localsplus;
  // Keep data() non-null even when empty: code_new memcpy's from it (UBSan flags a null source).
  spec.localsplus_kinds.reserve(1);
  spec.localsplus_kinds.assign(u.localsplus_kinds.begin(), u.localsplus_kinds.end());
  spec.bytecode = std::move(assembled.bytecode);
  spec.lines = std::move(assembled.lines);
  spec.exception_table = std::move(assembled.exception_table);
  spec.filename = frontend_.module->filename;
  spec.name = u.name;
  spec.qualname = u.qualname;
  Object* code = code_new(std::move(spec));
  units_.pop_back();
  if (code == nullptr) out_of_memory();
  return code;
}

// compiler_make_closure: [closure cells as a tuple] + LOAD_CONST code + MAKE_FUNCTION.
bool CodeGenerator::make_closure(Object* code, std::uint32_t flags) {
  CodeObject* child = as_code(code);
  CompilationUnit& u = unit();
  if (child->nfrees > 0) {
    for (std::int32_t i = child->nlocalsplus - child->nfrees; i < child->nlocalsplus; ++i) {
      std::string name(str_view(as_tuple(child->localsplus_names)->items[i]));
      auto found = u.deref_index.find(name);
      if (found == u.deref_index.end()) {
        decref(code);
        return fail(ast::SourceRange{child->firstlineno, 0, child->firstlineno, 0},
                    "internal compiler error: free variable '" + name + "' has no cell in " + u.qualname);
      }
      emit(Opcode::LOAD_CLOSURE, found->second);
    }
    emit(Opcode::BUILD_TUPLE, static_cast<std::uint32_t>(child->nfrees));
    flags |= make_function::kClosure;
  }
  // The code object stays alive in this unit's constants, so its address is a unique key.
  std::string key = "c" + std::to_string(reinterpret_cast<std::uintptr_t>(code));
  if (!load_const_object(code, key)) return false;
  emit(Opcode::MAKE_FUNCTION, flags);
  return true;
}

}  // namespace stitch::bytecode
