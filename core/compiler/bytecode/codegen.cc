// Entry point, constants, names and errors of the code generator (see codegen_internal.h).
#include "core/compiler/bytecode/codegen.h"

#include "core/compiler/bytecode/codegen_internal.h"
#include "core/compiler/bytecode/constants.h"
#include "core/object/singletons.h"
#include "core/object/str.h"

namespace stitch::bytecode {

namespace {

ast::SyntaxError message_only_error(std::string message) {
  ast::SyntaxError error;
  error.message = std::move(message);
  return error;
}

}  // namespace

CompilationUnit::~CompilationUnit() {
  for (Object* constant : consts) xdecref(constant);
}

bool CompilationUnit::is_function_like() const {
  return scope->kind == ast::ScopeKind::Function || scope->kind == ast::ScopeKind::Lambda ||
         scope->kind == ast::ScopeKind::Comprehension;
}

CodeGenerator::CodeGenerator(const ast::FrontendResult& frontend) : frontend_(frontend) {}

CompileResult CodeGenerator::run() {
  CompileResult result;
  const ast::Module& module = *frontend_.module;
  const ast::Scope* scope = frontend_.scopes->scope_for(&module);
  if (scope == nullptr) scope = frontend_.scopes->module_scope();
  if (enter_unit(scope, "<module>", 1, nullptr)) {
    bool ok = body_with_docstring(module.body, true);
    if (ok) {
      if (!module.body.empty()) {
        // The implicit `return None` of a module belongs to its last line (CPython 3.11).
        unset_location();
      }
      result.code = leave_unit(true);
    }
  }
  if (result.code == nullptr) {
    result.error = error_.has_value() ? error_ : message_only_error("compilation failed");
    if (result.error->filename.empty()) result.error->filename = module.filename;
  }
  units_.clear();
  return result;
}

CompileResult compile_module(const ast::FrontendResult& frontend) {
  if (!frontend.ok() || !frontend.module || !frontend.scopes) {
    CompileResult result;
    result.error = frontend.error.has_value() ? frontend.error : message_only_error("no AST to compile");
    return result;
  }
  CodeGenerator generator(frontend);
  return generator.run();
}

bool CodeGenerator::fail(const ast::SourceRange& range, std::string message) {
  if (error_.has_value()) return false;
  ast::SyntaxError error;
  error.message = std::move(message);
  error.filename = frontend_.module->filename;
  error.line = range.line;
  error.offset = range.line > 0 ? range.col + 1 : 0;
  error.end_line = range.end_line;
  error.end_offset = range.end_line > 0 ? range.end_col + 1 : 0;
  if (range.line > 0) error.text = std::string(frontend_.source->line_text_with_newline(range.line));
  error_ = std::move(error);
  return false;
}

bool CodeGenerator::out_of_memory() {
  if (!error_.has_value()) error_ = message_only_error("MemoryError while creating a constant");
  return false;
}

std::uint32_t CodeGenerator::add_const(Object* owned, const std::string& key) {
  CompilationUnit& u = unit();
  auto found = u.const_index.find(key);
  if (found != u.const_index.end()) {
    decref(owned);
    return found->second;
  }
  auto index = static_cast<std::uint32_t>(u.consts.size());
  u.consts.push_back(owned);
  u.const_index.emplace(key, index);
  return index;
}

bool CodeGenerator::load_const_object(Object* owned, const std::string& key) {
  if (owned == nullptr) return out_of_memory();
  emit(Opcode::LOAD_CONST, add_const(owned, key));
  return true;
}

bool CodeGenerator::load_const_expression(const ast::Expr* expr) {
  std::string key;
  std::string error;
  Object* object = constant_object(expr, &key, &error);
  if (object == nullptr) return error.empty() ? out_of_memory() : fail(expr->range, error);
  return load_const_object(object, key);
}

bool CodeGenerator::load_none() { return load_const_object(new_ref(none()), "N"); }

bool CodeGenerator::load_string(std::string_view text) {
  return load_const_object(string_constant(text), "s" + std::string(text));
}

std::uint32_t CodeGenerator::add_name(std::string_view name) {
  CompilationUnit& u = unit();
  std::string key(name);
  auto found = u.name_index.find(key);
  if (found != u.name_index.end()) return found->second;
  auto index = static_cast<std::uint32_t>(u.names.size());
  u.names.push_back(key);
  u.name_index.emplace(std::move(key), index);
  return index;
}

std::uint32_t CodeGenerator::add_mangled_name(std::string_view name) { return add_name(unit().scope->mangle(name)); }

// compiler_nameop: choose FAST / DEREF / GLOBAL / NAME from the name's scope.
bool CodeGenerator::name_op(std::string_view name, ast::ExprContext context) {
  CompilationUnit& u = unit();
  std::string mangled = u.scope->mangle(name);
  ast::NameScope scope = u.scope->scope_of(mangled);
  enum class Kind { kFast, kDeref, kGlobal, kName } kind = Kind::kName;
  switch (scope) {
    case ast::NameScope::Free:
    case ast::NameScope::Cell:
      kind = u.deref_index.contains(mangled) ? Kind::kDeref : Kind::kName;
      break;
    case ast::NameScope::Local:
      kind = u.is_function_like() && u.fast_index.contains(mangled) ? Kind::kFast : Kind::kName;
      break;
    case ast::NameScope::GlobalImplicit:
      kind = u.is_function_like() ? Kind::kGlobal : Kind::kName;
      break;
    case ast::NameScope::GlobalExplicit:
      kind = Kind::kGlobal;
      break;
  }
  switch (kind) {
    case Kind::kFast: {
      std::uint32_t index = u.fast_index.at(mangled);
      emit(context == ast::ExprContext::Load    ? Opcode::LOAD_FAST
           : context == ast::ExprContext::Store ? Opcode::STORE_FAST
                                                : Opcode::DELETE_FAST,
           index);
      return true;
    }
    case Kind::kDeref: {
      std::uint32_t index = u.deref_index.at(mangled);
      Opcode load = u.scope->kind == ast::ScopeKind::Class ? Opcode::LOAD_CLASSDEREF : Opcode::LOAD_DEREF;
      emit(context == ast::ExprContext::Load    ? load
           : context == ast::ExprContext::Store ? Opcode::STORE_DEREF
                                                : Opcode::DELETE_DEREF,
           index);
      return true;
    }
    case Kind::kGlobal: {
      std::uint32_t index = add_name(mangled);
      if (context == ast::ExprContext::Load) {
        emit(Opcode::LOAD_GLOBAL, index << 1);
      } else {
        emit(context == ast::ExprContext::Store ? Opcode::STORE_GLOBAL : Opcode::DELETE_GLOBAL, index);
      }
      return true;
    }
    case Kind::kName: {
      std::uint32_t index = add_name(mangled);
      emit(context == ast::ExprContext::Load    ? Opcode::LOAD_NAME
           : context == ast::ExprContext::Store ? Opcode::STORE_NAME
                                                : Opcode::DELETE_NAME,
           index);
      return true;
    }
  }
  return true;
}

const ast::Str* docstring_of(ast::NodeList<ast::Stmt> body) {
  if (body.empty() || body[0]->kind != ast::StmtKind::ExprStmt) return nullptr;
  const ast::Expr* value = body[0]->as<ast::ExprStmt>()->value;
  return value->kind == ast::ExprKind::Str ? value->as<ast::Str>() : nullptr;
}

}  // namespace stitch::bytecode
