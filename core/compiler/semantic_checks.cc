#include "core/compiler/semantic_checks.h"

#include <string>
#include <unordered_set>

namespace stitch::compiler {

namespace {

constexpr int kMaxStaticBlocks = 20;  // CPython's CO_MAXBLOCKS

bool is_docstring(const Stmt* statement) {
  return statement->kind == StmtKind::ExprStmt && statement->as<ExprStmt>()->value->kind == ExprKind::Str;
}

bool is_future_import(const Stmt* statement) {
  return statement->kind == StmtKind::ImportFrom && statement->as<ImportFrom>()->module == "__future__" &&
         statement->as<ImportFrom>()->level == 0;
}

// Line of the last `from __future__` statement of the module's header (CPython's ff_lineno), or -1.
int future_header_line(const Module& module) {
  int line = -1;
  size_t i = (!module.body.empty() && is_docstring(module.body[0])) ? 1 : 0;
  bool done = false;
  int previous_line = 0;
  for (; i < module.body.size(); ++i) {
    const Stmt* statement = module.body[i];
    if (done && statement->range.line > previous_line) break;
    previous_line = statement->range.line;
    if (is_future_import(statement) && !done) {
      line = statement->range.line;
    } else {
      done = true;
    }
  }
  return line;
}

SyntaxError error_at(const SourceFile& source, int line, int offset, int end_line, int end_offset, std::string message) {
  SyntaxError error;
  error.message = std::move(message);
  error.filename = source.filename();
  error.line = line;
  error.offset = offset;
  error.end_line = end_line;
  error.end_offset = end_offset;
  error.text = std::string(source.line_text_with_newline(line));
  return error;
}

class SemanticChecker {
 public:
  explicit SemanticChecker(const SourceFile& source) : source_(source) {}

  std::optional<SyntaxError> run(const Module& module) {
    future_line_ = future_header_line(module);
    Unit unit;
    unit_ = &unit;
    statements(module.body);
    return error_;
  }

 private:
  // One compilation unit: the module, a function, a lambda, a class body or a comprehension.
  struct Unit {
    bool is_function = false;
    bool is_async = false;
    bool is_comprehension = false;
    bool contains_await = false;  // a comprehension awaiting becomes asynchronous
    int loop_depth = 0;
    int block_depth = 0;
  };

  bool failed() const { return error_.has_value(); }

  void fail(const SourceRange& range, std::string message) {
    if (error_) return;
    SyntaxError error;
    error.message = std::move(message);
    error.filename = source_.filename();
    error.line = range.line;  // byte columns, like CPython's AST
    error.offset = source_.error_column(range.line, range.col) + 1;
    error.end_line = range.end_line;
    error.end_offset = source_.error_column(range.end_line, range.end_col) + 1;
    error.text = std::string(source_.line_text_with_newline(range.line));
    error_ = std::move(error);
  }

  // compiler_push_fblock: false (with the error set) past CO_MAXBLOCKS.
  bool push_block(const SourceRange& where) {
    if (unit_->block_depth >= kMaxStaticBlocks) {
      fail(where, "too many statically nested blocks");
      return false;
    }
    unit_->block_depth += 1;
    return true;
  }

  template <typename F>
  void in_unit(Unit unit, F&& body) {
    Unit* saved = unit_;
    unit_ = &unit;
    body();
    unit_ = saved;
  }

  // -------------------------------------------------------------------------------------------
  // Statements

  void statements(NodeList<Stmt> list) {
    for (const Stmt* statement : list) {
      if (failed()) return;
      stmt(statement);
    }
  }

  void stmt(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        const auto* def = s->as<FunctionDef>();
        expressions(def->decorator_list);
        if (def->name == "__debug__") return fail(s->range, "cannot assign to __debug__");
        arguments_outside(def->args);
        if (has_debug_parameter(def->args)) fail(s->range, "cannot assign to __debug__");
        expression(def->returns);
        Unit unit;
        unit.is_function = true;
        unit.is_async = def->is_async;
        in_unit(unit, [&] { statements(def->body); });
        break;
      }
      case StmtKind::ClassDef: {
        const auto* cls = s->as<ClassDef>();
        expressions(cls->decorator_list);
        if (cls->name == "__debug__") return fail(s->range, "cannot assign to __debug__");
        in_unit(Unit{}, [&] { statements(cls->body); });
        call_arguments(cls->bases, cls->keywords, s->range);
        break;
      }
      case StmtKind::Return:
        if (!unit_->is_function) return fail(s->range, "'return' outside function");
        expression(s->as<Return>()->value);
        break;
      case StmtKind::Delete:
        for (const Expr* target : s->as<Delete>()->targets) store_target(target, false);
        break;
      case StmtKind::Assign: {
        const auto* assign = s->as<Assign>();
        expression(assign->value);
        for (const Expr* target : assign->targets) store_target(target, true);
        break;
      }
      case StmtKind::AugAssign:
        expression(s->as<AugAssign>()->value);
        store_target(s->as<AugAssign>()->target, true);
        break;
      case StmtKind::AnnAssign: {
        const auto* assign = s->as<AnnAssign>();
        if (assign->target->kind == ExprKind::Name && assign->target->as<Name>()->id == "__debug__") {
          return fail(s->range, "cannot assign to __debug__");
        }
        expression(assign->value);
        store_target(assign->target, true);
        expression(assign->annotation);
        break;
      }
      case StmtKind::For: {
        const auto* loop = s->as<For>();
        if (loop->is_async && !unit_->is_async) return fail(s->range, "'async for' outside async function");
        expression(loop->iter);
        if (!push_block(s->range)) return;
        store_target(loop->target, true);
        unit_->loop_depth += 1;
        statements(loop->body);
        unit_->loop_depth -= 1;
        unit_->block_depth -= 1;
        statements(loop->orelse);
        break;
      }
      case StmtKind::While: {
        const auto* loop = s->as<While>();
        expression(loop->test);
        if (!push_block(s->range)) return;
        unit_->loop_depth += 1;
        statements(loop->body);
        unit_->loop_depth -= 1;
        unit_->block_depth -= 1;
        statements(loop->orelse);
        break;
      }
      case StmtKind::If: {
        const auto* branch = s->as<If>();
        expression(branch->test);
        statements(branch->body);
        statements(branch->orelse);
        break;
      }
      case StmtKind::With: {
        const auto* with = s->as<With>();
        if (with->is_async && !unit_->is_async) return fail(s->range, "'async with' outside async function");
        int pushed = 0;
        for (const WithItem* item : with->items) {
          expression(item->context_expr);
          if (failed() || !push_block(s->range)) return;
          pushed += 1;
          if (item->optional_vars) store_target(item->optional_vars, true);
        }
        statements(with->body);
        unit_->block_depth -= pushed;
        break;
      }
      case StmtKind::Raise:
        expression(s->as<Raise>()->exc);
        expression(s->as<Raise>()->cause);
        break;
      case StmtKind::Try: try_statement(s->as<Try>()); break;
      case StmtKind::Assert:
        expression(s->as<Assert>()->test);
        expression(s->as<Assert>()->msg);
        break;
      case StmtKind::ImportFrom:
        if (is_future_import(s) && s->range.line > future_line_) {
          return fail(s->range, "from __future__ imports must occur at the beginning of the file");
        }
        for (const Alias* alias : s->as<ImportFrom>()->names) {
          if ((alias->asname.empty() ? alias->name : alias->asname) == "__debug__") {
            return fail(s->range, "cannot assign to __debug__");
          }
        }
        break;
      case StmtKind::Import:
        for (const Alias* alias : s->as<Import>()->names) {
          std::string_view stored = alias->asname.empty() ? alias->name.substr(0, alias->name.find('.')) : alias->asname;
          if (stored == "__debug__") return fail(s->range, "cannot assign to __debug__");
        }
        break;
      case StmtKind::Global:
      case StmtKind::Nonlocal:
      case StmtKind::Pass: break;
      case StmtKind::ExprStmt: expression(s->as<ExprStmt>()->value); break;
      case StmtKind::Break:
        if (unit_->loop_depth == 0) fail(s->range, "'break' outside loop");
        break;
      case StmtKind::Continue:
        if (unit_->loop_depth == 0) fail(s->range, "'continue' not properly in loop");
        break;
    }
  }

  void try_statement(const Try* s) {
    bool has_finally = !s->finalbody.empty();
    if (has_finally && !push_block(s->range)) return;  // FINALLY_TRY
    if (!s->handlers.empty()) {
      if (!push_block(s->range)) return;  // TRY_EXCEPT
      statements(s->body);
      unit_->block_depth -= 1;
      if (failed()) return;
      if (!push_block(s->range)) return;  // EXCEPTION_HANDLER
      for (size_t i = 0; i < s->handlers.size(); ++i) {
        const ExceptHandler* handler = s->handlers[i];
        if (handler->type == nullptr && i + 1 < s->handlers.size()) {
          return fail(handler->range, "default 'except:' must be last");
        }
        expression(handler->type);
        if (handler->name == "__debug__") return fail(handler->range, "cannot assign to __debug__");
        if (failed() || !push_block(handler->range)) return;  // HANDLER_CLEANUP
        statements(handler->body);
        unit_->block_depth -= 1;
        if (failed()) return;
      }
      unit_->block_depth -= 1;
      statements(s->orelse);
    } else {
      statements(s->body);
    }
    if (has_finally) {
      unit_->block_depth -= 1;
      if (failed() || !push_block(s->range)) return;  // FINALLY_END: the finally body's deeper copy
      statements(s->finalbody);
      unit_->block_depth -= 1;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Targets

  // An assignment (or deletion) target at the top level of a statement or loop.
  void store_target(const Expr* target, bool is_store) {
    if (failed()) return;
    switch (target->kind) {
      case ExprKind::Starred:
        fail(target->range, "starred assignment target must be in a list or tuple");
        return;
      case ExprKind::Tuple:
      case ExprKind::List: {
        NodeList<Expr> elements =
            target->kind == ExprKind::Tuple ? target->as<Tuple>()->elts : target->as<List>()->elts;
        int starred = 0;
        size_t starred_index = 0;
        for (size_t i = 0; i < elements.size(); ++i) {
          if (elements[i]->kind == ExprKind::Starred) {
            if (++starred == 1) starred_index = i;
          }
        }
        if (starred > 1) return fail(target->range, "multiple starred expressions in assignment");
        if (starred == 1 && starred_index >= 256) {
          return fail(target->range, "too many expressions in star-unpacking assignment");
        }
        for (const Expr* element : elements) {
          if (element->kind == ExprKind::Starred) {
            store_target_inner(element->as<Starred>()->value, is_store);
          } else {
            store_target(element, is_store);
          }
        }
        return;
      }
      default: store_target_inner(target, is_store); return;
    }
  }

  void store_target_inner(const Expr* target, bool is_store) {
    if (target->kind == ExprKind::Name) {
      if (target->as<Name>()->id == "__debug__") {
        fail(target->range, is_store ? "cannot assign to __debug__" : "cannot delete __debug__");
      }
      return;
    }
    if (target->kind == ExprKind::Tuple || target->kind == ExprKind::List || target->kind == ExprKind::Starred) {
      store_target(target, is_store);
      return;
    }
    if (target->kind == ExprKind::Attribute) {
      if (target->as<Attribute>()->attr == "__debug__") {
        return fail(target->range, is_store ? "cannot assign to __debug__" : "cannot delete __debug__");
      }
      expression(target->as<Attribute>()->value);
      return;
    }
    if (target->kind == ExprKind::Subscript) {
      expression(target->as<Subscript>()->value);
      expression(target->as<Subscript>()->slice);
      return;
    }
    expression(target);
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  void expressions(NodeList<Expr> list) {
    for (const Expr* e : list) {
      if (failed()) return;
      expression(e);
    }
  }

  // Elements of a display or call, where `*iterable` is allowed.
  void elements(NodeList<Expr> list) {
    for (const Expr* e : list) {
      if (failed()) return;
      if (e->kind == ExprKind::Starred) {
        expression(e->as<Starred>()->value);
      } else {
        expression(e);
      }
    }
  }

  void call_arguments(NodeList<Expr> args, NodeList<Keyword> keywords, const SourceRange& call_range) {
    elements(args);
    std::unordered_set<std::string_view> seen;
    for (const Keyword* keyword : keywords) {
      if (failed()) return;
      if (!keyword->arg.empty()) {
        if (keyword->arg == "__debug__") return fail(call_range, "cannot assign to __debug__");
        if (!seen.insert(keyword->arg).second) {
          return fail(keyword->range, "keyword argument repeated: " + std::string(keyword->arg));
        }
      }
    }
    for (const Keyword* keyword : keywords) {
      if (failed()) return;
      expression(keyword->value);
    }
  }

  bool has_debug_parameter(const Arguments* args) const {
    auto check = [](NodeList<Arg> list) {
      for (const Arg* arg : list) {
        if (arg->name == "__debug__") return true;
      }
      return false;
    };
    return check(args->posonlyargs) || check(args->args) || check(args->kwonlyargs) ||
           (args->vararg && args->vararg->name == "__debug__") || (args->kwarg && args->kwarg->name == "__debug__");
  }

  // Defaults and annotations, evaluated where the function is defined.
  void arguments_outside(const Arguments* args) {
    expressions(args->defaults);
    for (const Expr* value : args->kw_defaults) {
      if (value != nullptr) expression(value);
    }
    auto annotate = [&](NodeList<Arg> list) {
      for (const Arg* arg : list) expression(arg->annotation);
    };
    annotate(args->posonlyargs);
    annotate(args->args);
    if (args->vararg && args->vararg->annotation) {
      const Expr* annotation = args->vararg->annotation;  // `*args: *Ts` (PEP 646)
      expression(annotation->kind == ExprKind::Starred ? annotation->as<Starred>()->value : annotation);
    }
    annotate(args->kwonlyargs);
    if (args->kwarg) expression(args->kwarg->annotation);
  }

  void comprehension(const Expr* node, NodeList<Comprehension> generators, const Expr* element, const Expr* value) {
    Unit unit;
    unit.is_function = true;
    unit.is_comprehension = true;
    in_unit(unit, [&] {
      for (size_t i = 0; i < generators.size(); ++i) {
        const Comprehension* clause = generators[i];
        if (i > 0) expression(clause->iter);
        if (failed()) return;
        store_target(clause->target, true);
        expressions(clause->ifs);
      }
      expression(element);
      expression(value);
    });
    if (failed()) return;
    bool is_asynchronous = unit.contains_await;
    for (const Comprehension* clause : generators) is_asynchronous |= clause->is_async;
    if (is_asynchronous && node->kind != ExprKind::GeneratorExp && !unit_->is_async && !unit_->is_comprehension) {
      return fail(node->range, "asynchronous comprehension outside of an asynchronous function");
    }
    expression(generators[0]->iter);
  }

  void expression(const Expr* e) {
    if (e == nullptr || failed()) return;
    switch (e->kind) {
      case ExprKind::BoolOp: expressions(e->as<BoolOp>()->values); break;
      case ExprKind::NamedExpr:
        expression(e->as<NamedExpr>()->value);
        store_target(e->as<NamedExpr>()->target, true);
        break;
      case ExprKind::BinOp:
        expression(e->as<BinOp>()->left);
        expression(e->as<BinOp>()->right);
        break;
      case ExprKind::UnaryOp: expression(e->as<UnaryOp>()->operand); break;
      case ExprKind::Lambda: {
        const auto* lambda = e->as<Lambda>();
        arguments_outside(lambda->args);
        if (has_debug_parameter(lambda->args)) return fail(e->range, "cannot assign to __debug__");
        Unit unit;
        unit.is_function = true;
        in_unit(unit, [&] { expression(lambda->body); });
        break;
      }
      case ExprKind::IfExp:
        expression(e->as<IfExp>()->test);
        expression(e->as<IfExp>()->body);
        expression(e->as<IfExp>()->orelse);
        break;
      case ExprKind::Dict: {
        const auto* dict = e->as<Dict>();
        for (size_t i = 0; i < dict->keys.size(); ++i) {
          expression(dict->keys[i]);
          expression(dict->values[i]);
        }
        break;
      }
      case ExprKind::Set: elements(e->as<Set>()->elts); break;
      case ExprKind::ListComp:
        comprehension(e, e->as<ListComp>()->generators, e->as<ListComp>()->elt, nullptr);
        break;
      case ExprKind::SetComp: comprehension(e, e->as<SetComp>()->generators, e->as<SetComp>()->elt, nullptr); break;
      case ExprKind::DictComp:
        comprehension(e, e->as<DictComp>()->generators, e->as<DictComp>()->key, e->as<DictComp>()->value);
        break;
      case ExprKind::GeneratorExp:
        comprehension(e, e->as<GeneratorExp>()->generators, e->as<GeneratorExp>()->elt, nullptr);
        break;
      case ExprKind::Await:
        if (!unit_->is_function) return fail(e->range, "'await' outside function");
        if (!unit_->is_async && !unit_->is_comprehension) return fail(e->range, "'await' outside async function");
        unit_->contains_await = true;
        expression(e->as<Await>()->value);
        break;
      case ExprKind::Yield:
      case ExprKind::YieldFrom:
        if (!unit_->is_function) return fail(e->range, "'yield' outside function");
        expression(e->kind == ExprKind::Yield ? e->as<Yield>()->value : e->as<YieldFrom>()->value);
        break;
      case ExprKind::Compare:
        expression(e->as<Compare>()->left);
        expressions(e->as<Compare>()->comparators);
        break;
      case ExprKind::Call: {
        const auto* call = e->as<Call>();
        expression(call->func);
        call_arguments(call->args, call->keywords, e->range);
        break;
      }
      case ExprKind::FormattedValue:
        expression(e->as<FormattedValue>()->value);
        expression(e->as<FormattedValue>()->format_spec);
        break;
      case ExprKind::JoinedStr: expressions(e->as<JoinedStr>()->values); break;
      case ExprKind::Constant:
      case ExprKind::Int:
      case ExprKind::Float:
      case ExprKind::Str:
      case ExprKind::Name: break;
      case ExprKind::Attribute: expression(e->as<Attribute>()->value); break;
      case ExprKind::Subscript: {
        const auto* subscript = e->as<Subscript>();
        expression(subscript->value);
        if (subscript->slice->kind == ExprKind::Tuple) {
          elements(subscript->slice->as<Tuple>()->elts);
        } else {
          expression(subscript->slice);
        }
        break;
      }
      case ExprKind::Starred: fail(e->range, "can't use starred expression here"); break;
      case ExprKind::List: elements(e->as<List>()->elts); break;
      case ExprKind::Tuple: elements(e->as<Tuple>()->elts); break;
      case ExprKind::Slice:
        expression(e->as<Slice>()->lower);
        expression(e->as<Slice>()->upper);
        expression(e->as<Slice>()->step);
        break;
    }
  }

  const SourceFile& source_;
  int future_line_ = -1;
  Unit* unit_ = nullptr;
  std::optional<SyntaxError> error_;
};

}  // namespace

std::optional<SyntaxError> check_future_imports(Module& module, const SourceFile& source) {
  static constexpr std::string_view kKnownFeatures[] = {
      "nested_scopes", "generators", "division",      "absolute_import", "with_statement",
      "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",  "annotations"};
  size_t i = (!module.body.empty() && is_docstring(module.body[0])) ? 1 : 0;
  bool done = false;
  int previous_line = 0;
  for (; i < module.body.size(); ++i) {
    const Stmt* statement = module.body[i];
    if (done && statement->range.line > previous_line) break;
    previous_line = statement->range.line;
    if (!is_future_import(statement)) {
      done = true;
      continue;
    }
    int line = statement->range.line;
    int column = source.error_column(line, statement->range.col);
    if (done) {
      // CPython reports this one without adding 1 to the column.
      return error_at(source, line, column, line, 0, "from __future__ imports must occur at the beginning of the file");
    }
    for (const Alias* alias : statement->as<ImportFrom>()->names) {
      if (alias->name == "braces") return error_at(source, line, column + 1, line, 0, "not a chance");
      bool known = false;
      for (std::string_view feature : kKnownFeatures) known = known || alias->name == feature;
      if (!known) {
        return error_at(source, line, column + 1, line, 0,
                        "future feature " + std::string(alias->name) + " is not defined");
      }
      if (alias->name == "annotations") module.future_annotations = true;
    }
  }
  return std::nullopt;
}

std::optional<SyntaxError> check_semantics(const Module& module, const SourceFile& source) {
  SemanticChecker checker(source);
  return checker.run(module);
}

}  // namespace stitch::compiler
