// Scope analysis (see scope.h). The two passes follow CPython's Python/symtable.c: the collect
// pass visits nodes in the same order as symtable_visit_* (so the same error is found first),
// and the resolve pass is analyze_block / analyze_name / analyze_cells / update_symbols.
#include "core/compiler/scope.h"

#include <algorithm>
#include <functional>

namespace stitch::compiler {

std::string_view scope_kind_name(ScopeKind kind) {
  switch (kind) {
    case ScopeKind::Module: return "module";
    case ScopeKind::Function: return "function";
    case ScopeKind::Lambda: return "lambda";
    case ScopeKind::Class: return "class";
    case ScopeKind::Comprehension: return "comprehension";
  }
  return "?";
}

std::string_view name_scope_name(NameScope scope) {
  switch (scope) {
    case NameScope::Local: return "Local";
    case NameScope::Cell: return "Cell";
    case NameScope::Free: return "Free";
    case NameScope::GlobalExplicit: return "GlobalExplicit";
    case NameScope::GlobalImplicit: return "GlobalImplicit";
  }
  return "?";
}

std::string mangle_private_name(std::string_view class_name, std::string_view name) {
  if (class_name.empty() || name.size() < 3 || name[0] != '_' || name[1] != '_') return std::string(name);
  if (name.substr(name.size() - 2) == "__" || name.find('.') != std::string_view::npos) return std::string(name);
  size_t first = class_name.find_first_not_of('_');
  if (first == std::string_view::npos) return std::string(name);
  std::string mangled = "_";
  mangled += class_name.substr(first);
  mangled += name;
  return mangled;
}

const Symbol* Scope::lookup(std::string_view mangled_name) const {
  auto found = index_.find(mangled_name);
  return found == index_.end() ? nullptr : &symbols_[found->second];
}

NameScope Scope::scope_of(std::string_view mangled_name) const {
  const Symbol* symbol = lookup(mangled_name);
  return symbol ? symbol->scope : NameScope::GlobalImplicit;
}

std::string Scope::mangle(std::string_view name) const { return mangle_private_name(class_name, name); }

Symbol& Scope::symbol(std::string_view name) {
  auto [it, inserted] = index_.try_emplace(name, symbols_.size());
  if (inserted) symbols_.push_back(Symbol{name, 0, NameScope::GlobalImplicit});
  return symbols_[it->second];
}

const Scope* ScopeTable::scope_for(const void* node) const {
  auto found = by_node_.find(node);
  return found == by_node_.end() ? nullptr : found->second;
}

// ---------------------------------------------------------------------------------------------

class ScopeBuilder {
 public:
  ScopeBuilder(const SourceFile& source, ScopeTable& table) : source_(source), table_(table) {}

  std::optional<SyntaxError> run(const Module& module) {
    Scope* module_scope = enter(ScopeKind::Module, "<module>", SourceRange{1, 0, 1, 0}, &module);
    module_ = module_scope;
    future_annotations_ = module.future_annotations;
    for (const Stmt* statement : module.body) {
      if (!visit(statement)) return error_;
    }
    leave();
    NameSet free;
    NameSet global;
    if (!analyze(module_scope, nullptr, free, &global)) return error_;
    return std::nullopt;
  }

 private:
  using NameSet = std::unordered_set<std::string_view>;

  struct ScopeState {
    int comprehension_iterable_depth = 0;  // inside a comprehension's iterable expression
    bool comprehension_iteration_target = false;
    std::unordered_map<std::string_view, SourceRange> directives;  // first global/nonlocal per name
  };

  // -------------------------------------------------------------------------------------------
  // Blocks and names

  Scope* enter(ScopeKind kind, std::string_view name, SourceRange range, const void* node) {
    auto scope = std::make_unique<Scope>();
    Scope* raw = scope.get();
    raw->kind = kind;
    raw->name = name;
    raw->range = range;
    raw->parent = current_;
    if (current_ != nullptr) {
      current_->children.push_back(raw);
      raw->class_name = current_->kind == ScopeKind::Class ? current_->name : current_->class_name;
      raw->is_nested = current_->is_nested || is_function_like(current_);
    }
    // A class body mangles its own private names (def __f in class A binds _A__f), as CPython's
    // symtable sets st_private on entering the class block.
    if (kind == ScopeKind::Class) raw->class_name = raw->name;
    table_.scopes_.push_back(std::move(scope));
    table_.by_node_[node] = raw;
    states_.emplace(raw, ScopeState{});
    current_ = raw;
    return raw;
  }

  void leave() { current_ = current_->parent; }

  bool is_function_like(const Scope* scope) const {
    return scope->kind == ScopeKind::Function || scope->kind == ScopeKind::Lambda ||
           scope->kind == ScopeKind::Comprehension;
  }

  // Inside a class body the class's own name mangles; elsewhere the nearest enclosing class's.
  std::string_view mangled(const Scope* scope, std::string_view name) {
    std::string_view private_name = scope->kind == ScopeKind::Class ? scope->name : scope->class_name;
    std::string result = mangle_private_name(private_name, name);
    if (result.size() == name.size()) return name;
    return *table_.mangled_names_.insert(std::move(result)).first;
  }

  bool fail(const SourceRange& range, std::string message) {
    if (error_) return false;
    SyntaxError error;
    error.message = std::move(message);
    error.filename = source_.filename();
    error.line = range.line;  // byte columns, like CPython's AST
    error.offset = source_.error_column(range.line, range.col) + 1;
    error.end_line = range.end_line;
    error.end_offset = source_.error_column(range.end_line, range.end_col) + 1;
    error.text = std::string(source_.line_text_with_newline(range.line));
    error_ = std::move(error);
    return false;
  }

  // CPython's symtable_add_def_helper, on `scope` (the current one unless a := reaches out).
  bool add(std::string_view raw_name, uint16_t flag, const SourceRange& where, Scope* scope = nullptr) {
    if (scope == nullptr) scope = current_;
    std::string_view name = mangled(current_, raw_name);
    Symbol& symbol = scope->symbol(name);
    if ((flag & kSymbolParameter) && (symbol.flags & kSymbolParameter)) {
      return fail(where, "duplicate argument '" + std::string(name) + "' in function definition");
    }
    symbol.flags |= flag;
    if (flag & kSymbolParameter) scope->parameters_.push_back(name);
    // A `global` declaration anywhere also marks the name in the module's own table.
    if ((flag & kSymbolDeclaredGlobal) && scope != module_) module_->symbol(name).flags |= kSymbolDeclaredGlobal;
    if (states_[scope].comprehension_iteration_target) {
      if (symbol.flags & (kSymbolDeclaredGlobal | kSymbolDeclaredNonlocal)) {
        return fail(where, "comprehension inner loop cannot rebind assignment expression target '" +
                               std::string(name) + "'");
      }
      symbol.flags |= kSymbolComprehensionIteration;
    }
    return true;
  }

  void record_directive(Scope* scope, std::string_view name, const SourceRange& where) {
    states_[scope].directives.try_emplace(mangled(current_, name), where);
  }

  // -------------------------------------------------------------------------------------------
  // Statements

  bool visit_all(NodeList<Stmt> statements) {
    for (const Stmt* statement : statements) {
      if (!visit(statement)) return false;
    }
    return true;
  }

  bool visit(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        const auto* def = s->as<FunctionDef>();
        if (!add(def->name, kSymbolAssigned, def->range)) return false;
        if (!visit_defaults(def->args)) return false;
        if (!visit_annotations(def->args, def->returns)) return false;
        if (!visit_all_expressions(def->decorator_list)) return false;
        Scope* scope = enter(ScopeKind::Function, def->name, def->range, def);
        scope->is_async = def->is_async;
        if (!visit_parameters(def->args)) return false;
        if (!visit_all(def->body)) return false;
        leave();
        return true;
      }
      case StmtKind::ClassDef: {
        const auto* cls = s->as<ClassDef>();
        if (!add(cls->name, kSymbolAssigned, cls->range)) return false;
        if (!visit_all_expressions(cls->bases)) return false;
        for (const Keyword* keyword : cls->keywords) {
          if (!visit(keyword->value)) return false;
        }
        if (!visit_all_expressions(cls->decorator_list)) return false;
        enter(ScopeKind::Class, cls->name, cls->range, cls);
        if (!visit_all(cls->body)) return false;
        leave();
        return true;
      }
      case StmtKind::Return: return visit(s->as<Return>()->value);
      case StmtKind::Delete: return visit_all_expressions(s->as<Delete>()->targets);
      case StmtKind::Assign:
        return visit_all_expressions(s->as<Assign>()->targets) && visit(s->as<Assign>()->value);
      case StmtKind::AnnAssign: return visit_annotated_assignment(s->as<AnnAssign>());
      case StmtKind::AugAssign: return visit(s->as<AugAssign>()->target) && visit(s->as<AugAssign>()->value);
      case StmtKind::For: {
        const auto* loop = s->as<For>();
        return visit(loop->target) && visit(loop->iter) && visit_all(loop->body) && visit_all(loop->orelse);
      }
      case StmtKind::While: {
        const auto* loop = s->as<While>();
        return visit(loop->test) && visit_all(loop->body) && visit_all(loop->orelse);
      }
      case StmtKind::If: {
        const auto* branch = s->as<If>();
        return visit(branch->test) && visit_all(branch->body) && visit_all(branch->orelse);
      }
      case StmtKind::With: {
        const auto* with = s->as<With>();
        for (const WithItem* item : with->items) {
          if (!visit(item->context_expr) || !visit(item->optional_vars)) return false;
        }
        return visit_all(with->body);
      }
      case StmtKind::Raise: return visit(s->as<Raise>()->exc) && visit(s->as<Raise>()->cause);
      case StmtKind::Try: {  // CPython's symtable visits the else block before the handlers
        const auto* attempt = s->as<Try>();
        if (!visit_all(attempt->body) || !visit_all(attempt->orelse)) return false;
        for (const ExceptHandler* handler : attempt->handlers) {
          if (!visit(handler->type)) return false;
          if (!handler->name.empty() && !add(handler->name, kSymbolAssigned, handler->range)) return false;
          if (!visit_all(handler->body)) return false;
        }
        return visit_all(attempt->finalbody);
      }
      case StmtKind::Assert: return visit(s->as<Assert>()->test) && visit(s->as<Assert>()->msg);
      case StmtKind::Import: return visit_aliases(s->as<Import>()->names);
      case StmtKind::ImportFrom: return visit_aliases(s->as<ImportFrom>()->names);
      case StmtKind::Global: return visit_declaration(s, s->as<Global>()->names, true);
      case StmtKind::Nonlocal: return visit_declaration(s, s->as<Nonlocal>()->names, false);
      case StmtKind::ExprStmt: return visit(s->as<ExprStmt>()->value);
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue: return true;
    }
    return true;
  }

  bool visit_declaration(const Stmt* s, std::span<const std::string_view> names, bool is_global) {
    for (std::string_view raw_name : names) {
      std::string_view name = mangled(current_, raw_name);
      const Symbol* existing = current_->lookup(name);
      uint16_t flags = existing ? existing->flags : 0;
      if (flags & (kSymbolParameter | kSymbolAssigned | kSymbolUsed | kSymbolAnnotated)) {  // not imports
        std::string quoted = "name '" + std::string(name) + "' is ";
        const char* what = is_global ? "global" : "nonlocal";
        std::string message;
        if (flags & kSymbolParameter) {
          message = quoted + "parameter and " + what;
        } else if (flags & kSymbolUsed) {
          message = quoted + "used prior to " + what + " declaration";
        } else if (flags & kSymbolAnnotated) {
          message = "annotated name '" + std::string(name) + "' can't be " + what;
        } else {
          message = quoted + "assigned to before " + what + " declaration";
        }
        return fail(s->range, message);
      }
      if (!add(raw_name, is_global ? kSymbolDeclaredGlobal : kSymbolDeclaredNonlocal, s->range)) return false;
      record_directive(current_, raw_name, s->range);
    }
    return true;
  }

  bool visit_annotated_assignment(const AnnAssign* s) {
    if (s->target->kind == ExprKind::Name) {
      std::string_view raw_name = s->target->as<Name>()->id;
      const Symbol* existing = current_->lookup(mangled(current_, raw_name));
      uint16_t flags = existing ? existing->flags : 0;
      if ((flags & (kSymbolDeclaredGlobal | kSymbolDeclaredNonlocal)) && current_->kind != ScopeKind::Module &&
          s->simple) {
        return fail(s->range, "annotated name '" + std::string(mangled(current_, raw_name)) + "' can't be " +
                                  ((flags & kSymbolDeclaredGlobal) ? "global" : "nonlocal"));
      }
      if (s->simple) {
        if (!add(raw_name, kSymbolAnnotated | kSymbolAssigned, s->target->range)) return false;
      } else if (s->value != nullptr) {
        if (!add(raw_name, kSymbolAssigned, s->target->range)) return false;
      }
    } else if (!visit(s->target)) {
      return false;
    }
    return visit_annotation(s->annotation) && visit(s->value);
  }

  bool visit_aliases(NodeList<Alias> aliases) {
    for (const Alias* alias : aliases) {
      if (alias->name == "*") {
        if (current_->kind != ScopeKind::Module) return fail(alias->range, "import * only allowed at module level");
        continue;
      }
      std::string_view stored = alias->asname.empty() ? alias->name.substr(0, alias->name.find('.')) : alias->asname;
      if (!add(stored, kSymbolImported, alias->range)) return false;
    }
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Functions and parameters

  bool visit_defaults(const Arguments* args) {
    if (!visit_all_expressions(args->defaults)) return false;
    for (const Expr* value : args->kw_defaults) {
      if (value != nullptr && !visit(value)) return false;
    }
    return true;
  }

  // Annotations are evaluated where they appear, unless `from __future__ import annotations`
  // turns them into strings (CPython then analyzes them apart; they bind and capture nothing).
  bool visit_annotation(const Expr* annotation) { return future_annotations_ || visit(annotation); }

  bool visit_annotations(const Arguments* args, const Expr* returns) {
    auto annotate = [&](NodeList<Arg> list) {
      for (const Arg* arg : list) {
        if (!visit_annotation(arg->annotation)) return false;
      }
      return true;
    };
    if (!annotate(args->posonlyargs) || !annotate(args->args)) return false;
    if (args->vararg && !visit_annotation(args->vararg->annotation)) return false;
    if (!annotate(args->kwonlyargs)) return false;
    if (args->kwarg && !visit_annotation(args->kwarg->annotation)) return false;
    return visit_annotation(returns);
  }

  bool visit_parameters(const Arguments* args) {
    auto declare = [&](NodeList<Arg> list) {
      for (const Arg* arg : list) {
        if (!add(arg->name, kSymbolParameter, arg->range)) return false;
      }
      return true;
    };
    if (!declare(args->posonlyargs) || !declare(args->args) || !declare(args->kwonlyargs)) return false;
    if (args->vararg) {
      if (!add(args->vararg->name, kSymbolParameter, args->vararg->range)) return false;
      current_->has_varargs = true;
    }
    if (args->kwarg) {
      if (!add(args->kwarg->name, kSymbolParameter, args->kwarg->range)) return false;
      current_->has_varkeywords = true;
    }
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  bool visit_all_expressions(NodeList<Expr> expressions) {
    for (const Expr* expression : expressions) {
      if (!visit(expression)) return false;
    }
    return true;
  }

  bool visit(const Expr* e) {
    if (e == nullptr) return true;
    switch (e->kind) {
      case ExprKind::Name: {
        const auto* name = e->as<Name>();
        bool is_load = name->ctx == ExprContext::Load;
        if (!add(name->id, is_load ? kSymbolUsed : kSymbolAssigned, e->range)) return false;
        if (is_load && is_function_like(current_) && name->id == "super") {
          return add("__class__", kSymbolUsed, e->range);
        }
        return true;
      }
      case ExprKind::NamedExpr: return visit_named_expression(e->as<NamedExpr>());
      case ExprKind::BoolOp: return visit_all_expressions(e->as<BoolOp>()->values);
      case ExprKind::BinOp: return visit(e->as<BinOp>()->left) && visit(e->as<BinOp>()->right);
      case ExprKind::UnaryOp: return visit(e->as<UnaryOp>()->operand);
      case ExprKind::Lambda: {
        const auto* lambda = e->as<Lambda>();
        if (!visit_defaults(lambda->args)) return false;
        enter(ScopeKind::Lambda, "<lambda>", e->range, lambda);
        if (!visit_parameters(lambda->args) || !visit(lambda->body)) return false;
        leave();
        return true;
      }
      case ExprKind::IfExp:
        return visit(e->as<IfExp>()->test) && visit(e->as<IfExp>()->body) && visit(e->as<IfExp>()->orelse);
      case ExprKind::Dict: {
        for (const Expr* key : e->as<Dict>()->keys) {
          if (key != nullptr && !visit(key)) return false;
        }
        return visit_all_expressions(e->as<Dict>()->values);
      }
      case ExprKind::Set: return visit_all_expressions(e->as<Set>()->elts);
      case ExprKind::ListComp:
        return visit_comprehension(e, "<listcomp>", e->as<ListComp>()->generators, e->as<ListComp>()->elt, nullptr);
      case ExprKind::SetComp:
        return visit_comprehension(e, "<setcomp>", e->as<SetComp>()->generators, e->as<SetComp>()->elt, nullptr);
      case ExprKind::DictComp:
        return visit_comprehension(e, "<dictcomp>", e->as<DictComp>()->generators, e->as<DictComp>()->key,
                                   e->as<DictComp>()->value);
      case ExprKind::GeneratorExp:
        return visit_comprehension(e, "<genexpr>", e->as<GeneratorExp>()->generators, e->as<GeneratorExp>()->elt,
                                   nullptr);
      case ExprKind::Await: return visit(e->as<Await>()->value);
      case ExprKind::Yield:
      case ExprKind::YieldFrom: {
        const Expr* value = e->kind == ExprKind::Yield ? e->as<Yield>()->value : e->as<YieldFrom>()->value;
        if (!visit(value)) return false;
        current_->is_generator = true;
        if (current_->kind == ScopeKind::Comprehension) {
          std::string_view kind = current_->name == "<listcomp>"  ? "list comprehension"
                                  : current_->name == "<setcomp>" ? "set comprehension"
                                  : current_->name == "<dictcomp>" ? "dict comprehension"
                                                                   : "generator expression";
          return fail(e->range, "'yield' inside " + std::string(kind));
        }
        return true;
      }
      case ExprKind::Compare:
        return visit(e->as<Compare>()->left) && visit_all_expressions(e->as<Compare>()->comparators);
      case ExprKind::Call: {
        const auto* call = e->as<Call>();
        if (!visit(call->func) || !visit_all_expressions(call->args)) return false;
        for (const Keyword* keyword : call->keywords) {
          if (!visit(keyword->value)) return false;
        }
        return true;
      }
      case ExprKind::FormattedValue:
        return visit(e->as<FormattedValue>()->value) && visit(e->as<FormattedValue>()->format_spec);
      case ExprKind::JoinedStr: return visit_all_expressions(e->as<JoinedStr>()->values);
      case ExprKind::Constant:
      case ExprKind::Int:
      case ExprKind::Float:
      case ExprKind::Str: return true;
      case ExprKind::Attribute: return visit(e->as<Attribute>()->value);
      case ExprKind::Subscript: return visit(e->as<Subscript>()->value) && visit(e->as<Subscript>()->slice);
      case ExprKind::Starred: return visit(e->as<Starred>()->value);
      case ExprKind::List: return visit_all_expressions(e->as<List>()->elts);
      case ExprKind::Tuple: return visit_all_expressions(e->as<Tuple>()->elts);
      case ExprKind::Slice:
        return visit(e->as<Slice>()->lower) && visit(e->as<Slice>()->upper) && visit(e->as<Slice>()->step);
    }
    return true;
  }

  // symtable_handle_comprehension: the first iterable in the enclosing scope, the rest inside.
  bool visit_comprehension(const Expr* node, std::string_view name, NodeList<Comprehension> generators,
                           const Expr* element, const Expr* value) {
    const Comprehension* outermost = generators[0];
    states_[current_].comprehension_iterable_depth += 1;
    if (!visit(outermost->iter)) return false;
    states_[current_].comprehension_iterable_depth -= 1;
    Scope* scope = enter(ScopeKind::Comprehension, name, node->range, node);
    scope->is_generator = node->kind == ExprKind::GeneratorExp;
    scope->is_async = outermost->is_async;
    if (!add(".0", kSymbolParameter, node->range)) return false;
    if (!visit_iteration_target(outermost->target)) return false;
    if (!visit_all_expressions(outermost->ifs)) return false;
    for (size_t i = 1; i < generators.size(); ++i) {
      const Comprehension* clause = generators[i];
      if (!visit_iteration_target(clause->target)) return false;
      states_[current_].comprehension_iterable_depth += 1;
      if (!visit(clause->iter)) return false;
      states_[current_].comprehension_iterable_depth -= 1;
      if (!visit_all_expressions(clause->ifs)) return false;
    }
    if (value != nullptr && !visit(value)) return false;
    if (!visit(element)) return false;
    leave();
    return true;
  }

  bool visit_iteration_target(const Expr* target) {
    states_[current_].comprehension_iteration_target = true;
    bool ok = visit(target);
    states_[current_].comprehension_iteration_target = false;
    return ok;
  }

  // symtable_handle_namedexpr / symtable_extend_namedexpr_scope
  bool visit_named_expression(const NamedExpr* e) {
    if (states_[current_].comprehension_iterable_depth > 0) {
      return fail(e->range, "assignment expression cannot be used in a comprehension iterable expression");
    }
    if (current_->kind == ScopeKind::Comprehension) {
      std::string_view target = e->target->as<Name>()->id;
      const SourceRange& where = e->target->range;
      for (Scope* scope = current_; scope != nullptr; scope = scope->parent) {
        if (scope->kind == ScopeKind::Comprehension) {
          const Symbol* existing = scope->lookup(mangled(current_, target));
          if (existing && (existing->flags & kSymbolComprehensionIteration)) {
            return fail(where, "assignment expression cannot rebind comprehension iteration variable '" +
                                   std::string(target) + "'");
          }
          continue;
        }
        if (scope->kind == ScopeKind::Function || scope->kind == ScopeKind::Lambda) {
          const Symbol* existing = scope->lookup(mangled(current_, target));
          bool is_global = existing && (existing->flags & kSymbolDeclaredGlobal);
          if (!add(target, is_global ? kSymbolDeclaredGlobal : kSymbolDeclaredNonlocal, where)) return false;
          record_directive(current_, target, where);
          if (!add(target, kSymbolAssigned, where, scope)) return false;
          break;
        }
        if (scope->kind == ScopeKind::Module) {
          if (!add(target, kSymbolDeclaredGlobal, where)) return false;
          record_directive(current_, target, where);
          if (!add(target, kSymbolDeclaredGlobal, where, scope)) return false;
          break;
        }
        return fail(where, "assignment expression within a comprehension cannot be used in a class body");
      }
    }
    return visit(e->value) && visit(e->target);
  }

  // -------------------------------------------------------------------------------------------
  // Resolve (analyze_block)

  bool fail_at_directive(Scope* scope, std::string_view name, std::string message) {
    auto found = states_[scope].directives.find(name);
    SourceRange where = found != states_[scope].directives.end() ? found->second : scope->range;
    return fail(where, std::move(message));
  }

  bool analyze_name(Scope* scope, Symbol& symbol, const NameSet* bound, NameSet& local, NameSet& free,
                    NameSet* global) {
    std::string_view name = symbol.name;
    if (symbol.flags & kSymbolDeclaredGlobal) {
      if (symbol.flags & kSymbolDeclaredNonlocal) {
        return fail_at_directive(scope, name, "name '" + std::string(name) + "' is nonlocal and global");
      }
      symbol.scope = NameScope::GlobalExplicit;
      global->insert(name);
      return true;
    }
    if (symbol.flags & kSymbolDeclaredNonlocal) {
      if (bound == nullptr) {
        return fail_at_directive(scope, name, "nonlocal declaration not allowed at module level");
      }
      if (!bound->contains(name)) {
        return fail_at_directive(scope, name, "no binding for nonlocal '" + std::string(name) + "' found");
      }
      symbol.scope = NameScope::Free;
      free.insert(name);
      return true;
    }
    if (symbol.is_bound()) {
      symbol.scope = NameScope::Local;
      local.insert(name);
      global->erase(name);
      return true;
    }
    if (bound != nullptr && bound->contains(name)) {
      symbol.scope = NameScope::Free;
      free.insert(name);
      return true;
    }
    symbol.scope = NameScope::GlobalImplicit;
    return true;
  }

  bool analyze(Scope* scope, const NameSet* bound, NameSet& free, NameSet* global) {
    NameSet local;
    NameSet new_bound;
    NameSet new_free;
    NameSet new_global;
    bool is_class = scope->kind == ScopeKind::Class;
    if (is_class) {
      new_global = *global;
      if (bound) new_bound = *bound;
    }
    for (Symbol& symbol : scope->symbols_) {
      if (!analyze_name(scope, symbol, bound, local, free, global)) return false;
    }
    if (!is_class) {
      if (is_function_like(scope)) new_bound.insert(local.begin(), local.end());
      if (bound) new_bound.insert(bound->begin(), bound->end());
      new_global.insert(global->begin(), global->end());
    } else {
      new_bound.insert("__class__");
    }
    NameSet all_free;
    for (Scope* child : scope->children) {
      NameSet child_bound = new_bound;
      NameSet child_global = new_global;
      NameSet child_free;
      if (!analyze(child, &child_bound, child_free, &child_global)) return false;
      all_free.insert(child_free.begin(), child_free.end());
    }
    new_free.insert(all_free.begin(), all_free.end());
    if (is_function_like(scope)) {
      // analyze_cells: a local that a child uses freely becomes a cell.
      for (Symbol& symbol : scope->symbols_) {
        if (symbol.scope == NameScope::Local && new_free.erase(symbol.name)) symbol.scope = NameScope::Cell;
      }
    } else if (is_class && new_free.erase("__class__")) {
      scope->needs_class_closure = true;
    }
    // update_symbols: free names of children pass through this scope (added in sorted order, so
    // that the result does not depend on hashing).
    std::vector<std::string_view> passing(new_free.begin(), new_free.end());
    std::sort(passing.begin(), passing.end());
    for (std::string_view name : passing) {
      if (const Symbol* existing = scope->lookup(name)) {
        if (is_class && (existing->is_bound() || (existing->flags & kSymbolDeclaredGlobal))) {
          scope->symbol(name).flags |= kSymbolFreeInClass;
        }
        continue;
      }
      if (bound && !bound->contains(name)) continue;  // a global
      Symbol& symbol = scope->symbol(name);
      symbol.scope = NameScope::Free;
    }
    free.insert(new_free.begin(), new_free.end());
    return true;
  }

  const SourceFile& source_;
  ScopeTable& table_;
  Scope* current_ = nullptr;
  Scope* module_ = nullptr;
  bool future_annotations_ = false;
  std::unordered_map<Scope*, ScopeState> states_;
  std::optional<SyntaxError> error_;
};

ScopeResult analyze_scopes(const Module& module, const SourceFile& source) {
  ScopeResult result;
  auto table = std::make_unique<ScopeTable>();
  ScopeBuilder builder(source, *table);
  result.error = builder.run(module);
  if (!result.error) result.table = std::move(table);
  return result;
}

std::string dump_scopes(const ScopeTable& table) {
  std::string out;
  std::function<void(const Scope*, int)> dump = [&](const Scope* scope, int depth) {
    out.append(static_cast<size_t>(depth) * 2, ' ');
    out += scope_kind_name(scope->kind);
    out += ' ';
    out += scope->name;
    if (scope->is_generator) out += " generator";
    if (scope->is_nested) out += " nested";
    if (scope->needs_class_closure) out += " needs_class_closure";
    if (scope->has_varargs) out += " varargs";
    if (scope->has_varkeywords) out += " varkeywords";
    out += '\n';
    for (const Symbol& symbol : scope->symbols()) {
      out.append(static_cast<size_t>(depth) * 2 + 2, ' ');
      out += symbol.name;
      out += ": ";
      out += name_scope_name(symbol.scope);
      std::string flags;
      auto flag = [&](uint16_t bit, const char* label) {
        if (!(symbol.flags & bit)) return;
        if (!flags.empty()) flags += ' ';
        flags += label;
      };
      flag(kSymbolParameter, "parameter");
      flag(kSymbolAssigned, "assigned");
      flag(kSymbolUsed, "used");
      flag(kSymbolDeclaredGlobal, "global");
      flag(kSymbolDeclaredNonlocal, "nonlocal");
      flag(kSymbolImported, "imported");
      flag(kSymbolAnnotated, "annotated");
      flag(kSymbolComprehensionIteration, "iteration");
      flag(kSymbolFreeInClass, "free_in_class");
      if (!flags.empty()) out += " [" + flags + "]";
      out += '\n';
    }
    for (const Scope* child : scope->children) dump(child, depth + 1);
  };
  if (const Scope* module = table.module_scope()) dump(module, 0);
  return out;
}

}  // namespace stitch::compiler
