// Definitions that create code objects: def, lambda, class, comprehensions (CPython 3.11's
// compiler_function, compiler_lambda, compiler_class, compiler_comprehension).
#include "core/compiler/bytecode/codegen_internal.h"
#include "core/compiler/bytecode/constants.h"
#include "core/object/singletons.h"
#include "core/object/tuple.h"

namespace stitch::bytecode {

namespace {

std::int32_t first_line(ast::NodeList<ast::Expr> decorators, const ast::SourceRange& range) {
  return decorators.empty() ? range.line : decorators[0]->range.line;
}

}  // namespace

// The annotation as a value: evaluated, or its source text under `from __future__ import
// annotations` (CPython unparses the AST; Stitch uses the source text, which differs only in
// spacing and quotes).
bool CodeGenerator::annotation_value(const ast::Expr* annotation) {
  if (!frontend_.module->future_annotations) return visit_expr(annotation);
  const ast::SourceRange& range = annotation->range;
  const ast::SourceFile& source = *frontend_.source;
  std::string text;
  for (int line = range.line; line <= range.end_line; ++line) {
    std::string_view line_text = source.line_text(line);
    size_t begin = line == range.line ? static_cast<size_t>(source.byte_column(line, range.col)) : 0;
    size_t end = line == range.end_line ? static_cast<size_t>(source.byte_column(line, range.end_col)) : line_text.size();
    begin = std::min(begin, line_text.size());
    end = std::min(std::max(end, begin), line_text.size());
    if (!text.empty()) text += ' ';
    text += line_text.substr(begin, end - begin);
  }
  return load_string(text);
}

// compiler_default_arguments: a tuple of positional defaults (one constant when all are
// constants) and a dict of keyword-only defaults.
bool CodeGenerator::function_defaults(const ast::Arguments* args, std::uint32_t* flags) {
  if (!args->defaults.empty()) {
    bool all_constant = true;
    for (const ast::Expr* value : args->defaults) all_constant = all_constant && is_constant_expression(value);
    if (all_constant) {
      // CPython's optimizer folds LOAD_CONST...; BUILD_TUPLE into one constant tuple.
      std::string key;
      std::string problem;
      Object* folded = constant_tuple(args->defaults, &key, &problem);
      if (folded == nullptr) return problem.empty() ? out_of_memory() : fail(args->defaults[0]->range, problem);
      if (!load_const_object(folded, key)) return false;
    } else if (!starunpack(args->defaults, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)) {
      return false;
    }
    *flags |= make_function::kDefaults;
  }
  // Keyword-only defaults: the values, then the constant tuple of names, BUILD_CONST_KEY_MAP.
  std::vector<std::string> names;
  for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
    const ast::Expr* value = i < args->kw_defaults.size() ? args->kw_defaults[i] : nullptr;
    if (value == nullptr) continue;
    if (!visit_expr(value)) return false;
    names.push_back(unit().scope->mangle(args->kwonlyargs[i]->name));
  }
  if (!names.empty()) {
    Object* tuple = tuple_new_uninitialized(static_cast<std::int64_t>(names.size()));
    if (tuple == nullptr) return out_of_memory();
    std::string key = "t(";
    for (size_t i = 0; i < names.size(); ++i) {
      as_tuple(tuple)->items[i] = string_constant(names[i]);
      key += std::to_string(names[i].size() + 1) + ":s" + names[i] + ",";
    }
    key += ")";
    if (!load_const_object(tuple, key)) return false;
    emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<std::uint32_t>(names.size()));
    *flags |= make_function::kKwDefaults;
  }
  return true;
}

// compiler_visit_annotations: name/value pairs in CPython's order (args, posonly, *args,
// kwonly, **kwargs, return), built into a dict (CPython 3.11 builds a flat tuple).
bool CodeGenerator::function_annotations(const ast::Arguments* args, const ast::Expr* returns, std::uint32_t* flags) {
  std::uint32_t count = 0;
  auto one = [&](std::string_view name, const ast::Expr* annotation) {
    if (annotation == nullptr) return true;
    if (!load_string(unit().scope->mangle(name)) || !annotation_value(annotation)) return false;
    ++count;
    return true;
  };
  for (const ast::Arg* arg : args->args) {
    if (!one(arg->name, arg->annotation)) return false;
  }
  for (const ast::Arg* arg : args->posonlyargs) {
    if (!one(arg->name, arg->annotation)) return false;
  }
  if (args->vararg != nullptr && !one(args->vararg->name, args->vararg->annotation)) return false;
  for (const ast::Arg* arg : args->kwonlyargs) {
    if (!one(arg->name, arg->annotation)) return false;
  }
  if (args->kwarg != nullptr && !one(args->kwarg->name, args->kwarg->annotation)) return false;
  if (!one("return", returns)) return false;
  if (count > 0) {
    emit(Opcode::BUILD_MAP, count);
    *flags |= make_function::kAnnotations;
  }
  return true;
}

bool CodeGenerator::function_def(const ast::FunctionDef* node) {
  if (node->is_async) return fail(node->range, "'async def' is not supported by Stitch");
  if (!visit_exprs(node->decorator_list)) return false;
  std::uint32_t flags = 0;
  if (!function_defaults(node->args, &flags)) return false;
  if (!function_annotations(node->args, node->returns, &flags)) return false;
  const ast::Scope* scope = frontend_.scopes->scope_for(node);
  if (!enter_unit(scope, std::string(node->name), first_line(node->decorator_list, node->range), node->args)) return false;
  CompilationUnit& u = unit();
  u.posonlyargcount = static_cast<std::int32_t>(node->args->posonlyargs.size());
  u.argcount = u.posonlyargcount + static_cast<std::int32_t>(node->args->args.size());
  u.kwonlyargcount = static_cast<std::int32_t>(node->args->kwonlyargs.size());
  ast::NodeList<ast::Stmt> body = node->body;
  // consts[0] is the docstring, or None (CPython 3.11).
  if (const ast::Str* doc = docstring_of(body)) {
    add_const(string_constant(doc->value), "s" + doc->value);
    body = body.subspan(1);
  } else {
    add_const(new_ref(none()), "N");
  }
  if (!visit_stmts(body)) return false;
  unset_location();
  Object* code = leave_unit(true);
  if (code == nullptr) return false;
  if (!make_closure(code, flags)) return false;
  for (size_t i = node->decorator_list.size(); i-- > 0;) {
    set_location(node->decorator_list[i]->range);
    emit(Opcode::CALL, 0);
  }
  set_location(node->range);
  return name_op(node->name, ast::ExprContext::Store);
}

bool CodeGenerator::lambda(const ast::Lambda* node) {
  std::uint32_t flags = 0;
  if (!function_defaults(node->args, &flags)) return false;
  const ast::Scope* scope = frontend_.scopes->scope_for(node);
  if (!enter_unit(scope, "<lambda>", node->range.line, node->args)) return false;
  CompilationUnit& u = unit();
  u.posonlyargcount = static_cast<std::int32_t>(node->args->posonlyargs.size());
  u.argcount = u.posonlyargcount + static_cast<std::int32_t>(node->args->args.size());
  u.kwonlyargcount = static_cast<std::int32_t>(node->args->kwonlyargs.size());
  add_const(new_ref(none()), "N");  // a lambda has no docstring
  set_location(node->body->range);
  if (!visit_expr(node->body)) return false;
  Object* code = nullptr;
  if (scope->is_generator) {
    emit(Opcode::POP_TOP);
    code = leave_unit(true);
  } else {
    emit(Opcode::RETURN_VALUE);
    code = leave_unit(false);
  }
  if (code == nullptr) return false;
  return make_closure(code, flags);
}

bool CodeGenerator::class_def(const ast::ClassDef* node) {
  if (!visit_exprs(node->decorator_list)) return false;
  const ast::Scope* scope = frontend_.scopes->scope_for(node);
  if (!enter_unit(scope, std::string(node->name), first_line(node->decorator_list, node->range), nullptr)) return false;
  set_location(node->range);
  emit(Opcode::LOAD_NAME, add_name("__name__"));
  emit(Opcode::STORE_NAME, add_name("__module__"));
  if (!load_string(unit().qualname)) return false;
  emit(Opcode::STORE_NAME, add_name("__qualname__"));
  if (!body_with_docstring(node->body, true)) return false;
  unset_location();
  if (scope->needs_class_closure) {
    emit(Opcode::LOAD_CLOSURE, unit().deref_index.at("__class__"));
    emit(Opcode::COPY, 1);
    emit(Opcode::STORE_NAME, add_name("__classcell__"));
  } else if (!load_none()) {
    return false;
  }
  emit(Opcode::RETURN_VALUE);
  Object* code = leave_unit(false);
  if (code == nullptr) return false;
  emit(Opcode::PUSH_NULL);
  emit(Opcode::LOAD_BUILD_CLASS);
  if (!make_closure(code, 0)) return false;
  if (!load_string(node->name)) return false;
  if (!call_helper(2, node->bases, node->keywords)) return false;
  for (size_t i = node->decorator_list.size(); i-- > 0;) {
    set_location(node->decorator_list[i]->range);
    emit(Opcode::CALL, 0);
  }
  set_location(node->range);
  return name_op(node->name, ast::ExprContext::Store);
}

// A comprehension is a function of its own taking the first iterator as `.0`; the caller
// evaluates that iterator in the enclosing scope and calls the function with it.
bool CodeGenerator::comprehension(const ast::Expr* node, ast::NodeList<ast::Comprehension> generators,
                                  const ast::Expr* element, const ast::Expr* value) {
  for (const ast::Comprehension* generator : generators) {
    if (generator->is_async) return fail(node->range, "asynchronous comprehensions are not supported by Stitch");
  }
  const ast::Scope* scope = frontend_.scopes->scope_for(node);
  if (scope == nullptr) return fail(node->range, "internal compiler error: no scope for a comprehension");
  if (!enter_unit(scope, std::string(scope->name), node->range.line, nullptr)) return false;
  unit().argcount = 1;
  set_location(node->range);
  bool is_generator = node->kind == ast::ExprKind::GeneratorExp;
  switch (node->kind) {
    case ast::ExprKind::ListComp: emit(Opcode::BUILD_LIST, 0); break;
    case ast::ExprKind::SetComp: emit(Opcode::BUILD_SET, 0); break;
    case ast::ExprKind::DictComp: emit(Opcode::BUILD_MAP, 0); break;
    default: break;
  }
  if (!comprehension_generator(node, generators, 0, 0, element, value)) return false;
  set_location(node->range);
  if (!is_generator) emit(Opcode::RETURN_VALUE);
  Object* code = leave_unit(is_generator);
  if (code == nullptr) return false;
  if (!make_closure(code, 0)) return false;
  if (!visit_iterable(generators[0]->iter)) return false;
  emit(Opcode::GET_ITER);
  emit(Opcode::CALL, 0);
  return true;
}

bool CodeGenerator::comprehension_generator(const ast::Expr* node, ast::NodeList<ast::Comprehension> generators,
                                            size_t index, int depth, const ast::Expr* element,
                                            const ast::Expr* value) {
  const ast::Comprehension* generator = generators[index];
  int start = new_label();
  int if_cleanup = new_label();
  int anchor = new_label();
  if (index == 0) {
    emit(Opcode::LOAD_FAST, 0);  // .0, the iterator passed in
  } else {
    if (!visit_iterable(generator->iter)) return false;
    emit(Opcode::GET_ITER);
  }
  ++depth;
  bind(start);
  emit_jump(Opcode::FOR_ITER, anchor);
  if (!store_target(generator->target)) return false;
  for (const ast::Expr* condition : generator->ifs) {
    if (!jump_if(condition, if_cleanup, false)) return false;
  }
  if (index + 1 < generators.size()) {
    if (!comprehension_generator(node, generators, index + 1, depth, element, value)) return false;
  } else {
    switch (node->kind) {
      case ast::ExprKind::GeneratorExp:
        if (!visit_expr(element)) return false;
        emit(Opcode::YIELD_VALUE);
        emit(Opcode::POP_TOP);
        break;
      case ast::ExprKind::ListComp:
        if (!visit_expr(element)) return false;
        emit(Opcode::LIST_APPEND, static_cast<std::uint32_t>(depth + 1));
        break;
      case ast::ExprKind::SetComp:
        if (!visit_expr(element)) return false;
        emit(Opcode::SET_ADD, static_cast<std::uint32_t>(depth + 1));
        break;
      case ast::ExprKind::DictComp:
        if (!visit_expr(element) || !visit_expr(value)) return false;
        emit(Opcode::MAP_ADD, static_cast<std::uint32_t>(depth + 1));
        break;
      default:
        break;
    }
  }
  bind(if_cleanup);
  emit_jump_no_line(start);
  bind(anchor);
  return true;
}

}  // namespace stitch::bytecode
