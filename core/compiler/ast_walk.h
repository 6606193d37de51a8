// Generic traversal helpers: call a function on each direct child of a node, in a fixed order
// that is mostly source order; the exceptions: a comprehension's clauses (target, iterable,
// conditions) come before its element, a conditional expression's test before its branches, and
// a function's parameter annotations before its parameter defaults. Callers that need
// evaluation order must not rely on this walk (the parser's depth check does not).
// `on_expr(const Expr*)` receives child expressions (never null), `on_stmt(const Stmt*)` child
// statements. Helper nodes (arguments, keywords, comprehensions, handlers, with items) are not
// reported themselves; their expression and statement children are.
#pragma once

#include "core/compiler/ast.h"

namespace stitch::compiler {

namespace walk_detail {

template <typename OnExpr>
void arguments(const Arguments* args, OnExpr& on_expr) {
  if (args == nullptr) return;
  auto annotations = [&](NodeList<Arg> list) {
    for (const Arg* arg : list) {
      if (arg->annotation) on_expr(arg->annotation);
    }
  };
  annotations(args->posonlyargs);
  annotations(args->args);
  if (args->vararg && args->vararg->annotation) on_expr(args->vararg->annotation);
  annotations(args->kwonlyargs);
  if (args->kwarg && args->kwarg->annotation) on_expr(args->kwarg->annotation);
  for (const Expr* value : args->defaults) on_expr(value);
  for (const Expr* value : args->kw_defaults) {
    if (value) on_expr(value);
  }
}

template <typename OnExpr>
void comprehensions(NodeList<Comprehension> list, OnExpr& on_expr) {
  for (const Comprehension* clause : list) {
    on_expr(clause->target);
    on_expr(clause->iter);
    for (const Expr* condition : clause->ifs) on_expr(condition);
  }
}

}  // namespace walk_detail

template <typename OnExpr>
void for_each_child(const Expr* e, OnExpr&& on_expr) {
  auto optional = [&](const Expr* child) {
    if (child) on_expr(child);
  };
  auto list = [&](NodeList<Expr> children) {
    for (const Expr* child : children) optional(child);
  };
  switch (e->kind) {
    case ExprKind::BoolOp: list(e->as<BoolOp>()->values); break;
    case ExprKind::NamedExpr:
      on_expr(e->as<NamedExpr>()->target);
      on_expr(e->as<NamedExpr>()->value);
      break;
    case ExprKind::BinOp:
      on_expr(e->as<BinOp>()->left);
      on_expr(e->as<BinOp>()->right);
      break;
    case ExprKind::UnaryOp: on_expr(e->as<UnaryOp>()->operand); break;
    case ExprKind::Lambda:
      walk_detail::arguments(e->as<Lambda>()->args, on_expr);
      on_expr(e->as<Lambda>()->body);
      break;
    case ExprKind::IfExp:
      on_expr(e->as<IfExp>()->test);
      on_expr(e->as<IfExp>()->body);
      on_expr(e->as<IfExp>()->orelse);
      break;
    case ExprKind::Dict:
      for (size_t i = 0; i < e->as<Dict>()->keys.size(); ++i) {
        optional(e->as<Dict>()->keys[i]);
        on_expr(e->as<Dict>()->values[i]);
      }
      break;
    case ExprKind::Set: list(e->as<Set>()->elts); break;
    case ExprKind::ListComp:
      walk_detail::comprehensions(e->as<ListComp>()->generators, on_expr);
      on_expr(e->as<ListComp>()->elt);
      break;
    case ExprKind::SetComp:
      walk_detail::comprehensions(e->as<SetComp>()->generators, on_expr);
      on_expr(e->as<SetComp>()->elt);
      break;
    case ExprKind::GeneratorExp:
      walk_detail::comprehensions(e->as<GeneratorExp>()->generators, on_expr);
      on_expr(e->as<GeneratorExp>()->elt);
      break;
    case ExprKind::DictComp:
      walk_detail::comprehensions(e->as<DictComp>()->generators, on_expr);
      on_expr(e->as<DictComp>()->key);
      on_expr(e->as<DictComp>()->value);
      break;
    case ExprKind::Await: on_expr(e->as<Await>()->value); break;
    case ExprKind::Yield: optional(e->as<Yield>()->value); break;
    case ExprKind::YieldFrom: on_expr(e->as<YieldFrom>()->value); break;
    case ExprKind::Compare:
      on_expr(e->as<Compare>()->left);
      list(e->as<Compare>()->comparators);
      break;
    case ExprKind::Call:
      optional(e->as<Call>()->func);
      list(e->as<Call>()->args);
      for (const Keyword* keyword : e->as<Call>()->keywords) on_expr(keyword->value);
      break;
    case ExprKind::FormattedValue:
      on_expr(e->as<FormattedValue>()->value);
      optional(e->as<FormattedValue>()->format_spec);
      break;
    case ExprKind::JoinedStr: list(e->as<JoinedStr>()->values); break;
    case ExprKind::Attribute: on_expr(e->as<Attribute>()->value); break;
    case ExprKind::Subscript:
      on_expr(e->as<Subscript>()->value);
      on_expr(e->as<Subscript>()->slice);
      break;
    case ExprKind::Starred: on_expr(e->as<Starred>()->value); break;
    case ExprKind::List: list(e->as<List>()->elts); break;
    case ExprKind::Tuple: list(e->as<Tuple>()->elts); break;
    case ExprKind::Slice:
      optional(e->as<Slice>()->lower);
      optional(e->as<Slice>()->upper);
      optional(e->as<Slice>()->step);
      break;
    case ExprKind::Constant:
    case ExprKind::Int:
    case ExprKind::Float:
    case ExprKind::Str:
    case ExprKind::Name: break;
  }
}

template <typename OnExpr, typename OnStmt>
void for_each_child(const Stmt* s, OnExpr&& on_expr, OnStmt&& on_stmt) {
  auto optional = [&](const Expr* child) {
    if (child) on_expr(child);
  };
  auto expressions = [&](NodeList<Expr> children) {
    for (const Expr* child : children) optional(child);
  };
  auto statements = [&](NodeList<Stmt> children) {
    for (const Stmt* child : children) on_stmt(child);
  };
  switch (s->kind) {
    case StmtKind::FunctionDef: {
      const auto* def = s->as<FunctionDef>();
      expressions(def->decorator_list);
      walk_detail::arguments(def->args, on_expr);
      optional(def->returns);
      statements(def->body);
      break;
    }
    case StmtKind::ClassDef: {
      const auto* cls = s->as<ClassDef>();
      expressions(cls->decorator_list);
      expressions(cls->bases);
      for (const Keyword* keyword : cls->keywords) on_expr(keyword->value);
      statements(cls->body);
      break;
    }
    case StmtKind::Return: optional(s->as<Return>()->value); break;
    case StmtKind::Delete: expressions(s->as<Delete>()->targets); break;
    case StmtKind::Assign:
      expressions(s->as<Assign>()->targets);
      on_expr(s->as<Assign>()->value);
      break;
    case StmtKind::AugAssign:
      on_expr(s->as<AugAssign>()->target);
      on_expr(s->as<AugAssign>()->value);
      break;
    case StmtKind::AnnAssign:
      on_expr(s->as<AnnAssign>()->target);
      on_expr(s->as<AnnAssign>()->annotation);
      optional(s->as<AnnAssign>()->value);
      break;
    case StmtKind::For:
      on_expr(s->as<For>()->target);
      on_expr(s->as<For>()->iter);
      statements(s->as<For>()->body);
      statements(s->as<For>()->orelse);
      break;
    case StmtKind::While:
      on_expr(s->as<While>()->test);
      statements(s->as<While>()->body);
      statements(s->as<While>()->orelse);
      break;
    case StmtKind::If:
      on_expr(s->as<If>()->test);
      statements(s->as<If>()->body);
      statements(s->as<If>()->orelse);
      break;
    case StmtKind::With:
      for (const WithItem* item : s->as<With>()->items) {
        on_expr(item->context_expr);
        optional(item->optional_vars);
      }
      statements(s->as<With>()->body);
      break;
    case StmtKind::Raise:
      optional(s->as<Raise>()->exc);
      optional(s->as<Raise>()->cause);
      break;
    case StmtKind::Try:
      statements(s->as<Try>()->body);
      for (const ExceptHandler* handler : s->as<Try>()->handlers) {
        optional(handler->type);
        statements(handler->body);
      }
      statements(s->as<Try>()->orelse);
      statements(s->as<Try>()->finalbody);
      break;
    case StmtKind::Assert:
      on_expr(s->as<Assert>()->test);
      optional(s->as<Assert>()->msg);
      break;
    case StmtKind::ExprStmt: on_expr(s->as<ExprStmt>()->value); break;
    case StmtKind::Import:
    case StmtKind::ImportFrom:
    case StmtKind::Global:
    case StmtKind::Nonlocal:
    case StmtKind::Pass:
    case StmtKind::Break:
    case StmtKind::Continue: break;
  }
}

}  // namespace stitch::compiler
