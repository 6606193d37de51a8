// Statements: CPython's `statements`, `simple_stmts`, `compound_stmt` rules and their invalid_*
// companions (expected ':', expected an indented block, invalid targets, ...).
#include "core/compiler/parser_internal.h"

namespace stitch::compiler {

namespace {

bool is_single_target(const Expr* expr) {
  return expr->kind == ExprKind::Name || expr->kind == ExprKind::Attribute || expr->kind == ExprKind::Subscript;
}

std::optional<BinaryOperator> augmented_operator(TokenKind kind) {
  switch (kind) {
    case TokenKind::PlusEqual: return BinaryOperator::Add;
    case TokenKind::MinusEqual: return BinaryOperator::Sub;
    case TokenKind::StarEqual: return BinaryOperator::Mult;
    case TokenKind::AtEqual: return BinaryOperator::MatMult;
    case TokenKind::SlashEqual: return BinaryOperator::Div;
    case TokenKind::PercentEqual: return BinaryOperator::Mod;
    case TokenKind::AmpersandEqual: return BinaryOperator::BitAnd;
    case TokenKind::VerticalBarEqual: return BinaryOperator::BitOr;
    case TokenKind::CircumflexEqual: return BinaryOperator::BitXor;
    case TokenKind::LeftShiftEqual: return BinaryOperator::LShift;
    case TokenKind::RightShiftEqual: return BinaryOperator::RShift;
    case TokenKind::DoubleStarEqual: return BinaryOperator::Pow;
    case TokenKind::DoubleSlashEqual: return BinaryOperator::FloorDiv;
    default: return std::nullopt;
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// statement: compound_stmt | simple_stmts

bool Parser::parse_statement(std::vector<Stmt*>& out) {
  NestingGuard guard(*this, "statement");
  if (guard.too_deep()) return false;
  switch (current().kind) {
    case TokenKind::Def:
    case TokenKind::At:
    case TokenKind::Class:
    case TokenKind::If:
    case TokenKind::With:
    case TokenKind::For:
    case TokenKind::Try:
    case TokenKind::While:
    case TokenKind::Async: {
      Stmt* statement = parse_compound_statement();
      if (statement == nullptr) return false;
      out.push_back(statement);
      return true;
    }
    case TokenKind::Name:
      if (at_name("match")) {
        if (try_skip_match_statement()) return true;
        if (failed()) return false;
      }
      return parse_simple_statements(out);
    default:
      return parse_simple_statements(out);
  }
}

// simple_stmts: ';'.simple_stmt+ [';'] NEWLINE
bool Parser::parse_simple_statements(std::vector<Stmt*>& out) {
  for (;;) {
    Stmt* statement = parse_simple_statement();
    if (statement == nullptr) return false;
    out.push_back(statement);
    if (!accept(TokenKind::Semicolon) || at(TokenKind::Newline)) break;
  }
  if (!accept(TokenKind::Newline)) {
    fail();
    return false;
  }
  return true;
}

Stmt* Parser::parse_simple_statement() {
  const Token first = current();
  switch (first.kind) {
    case TokenKind::Return: return parse_return();
    case TokenKind::Import: return parse_import();
    case TokenKind::From: return parse_from_import();
    case TokenKind::Raise: return parse_raise();
    case TokenKind::Del: return parse_del();
    case TokenKind::Assert: return parse_assert();
    case TokenKind::Global:
    case TokenKind::Nonlocal: return parse_global_or_nonlocal();
    case TokenKind::Pass:
      advance();
      return new_node<Pass>(arena_, range_of(first));
    case TokenKind::Break:
      advance();
      return new_node<Break>(arena_, range_of(first));
    case TokenKind::Continue:
      advance();
      return new_node<Continue>(arena_, range_of(first));
    default: return parse_expression_statement();
  }
}

// ---------------------------------------------------------------------------------------------
// Expression statements and assignments

Stmt* Parser::parse_expression_statement() {
  const Token first = current();
  size_t first_index = mark();
  // assignment: NAME ':' expression ['=' annotated_rhs]
  if (first.kind == TokenKind::Name && peek(1).kind == TokenKind::Colon) {
    advance();
    auto* target = new_node<Name>(arena_, range_of(first));
    target->id = arena_.intern(token_text(first));
    target->ctx = ExprContext::Store;
    return parse_annotated_assignment(target, first, true);
  }
  StatementShape shape;
  Expr* expression = at(TokenKind::Yield) ? parse_yield_expression() : parse_star_expressions(&shape);
  if (expression == nullptr) return nullptr;

  if (at(TokenKind::Equal)) return parse_assignment(expression, first, first_index, shape);

  if (at(TokenKind::ColonEqual)) {
    // invalid_named_expression on the (last) element: a=expression ':=' expression
    const Expr* element = shape.is_bare_tuple ? expression->as<Tuple>()->elts.back() : expression;
    size_t element_start = shape.is_bare_tuple ? shape.element_starts.back() : first_index;
    if (element->kind == ExprKind::Name && tokens_[element_start].kind == TokenKind::Name) return fail();
    advance();
    Expr* value = speculate<Expr>([&] { return parse_expression(); }, true);
    if (failed() || value == nullptr) return fail();
    return raise_at(element->range, "cannot use assignment expressions with " + std::string(expr_description(*element)));
  }

  if (auto op = augmented_operator(current().kind)) {
    if (!is_single_target(expression)) {
      // invalid_assignment: star_expressions augassign (yield_expr | star_expressions)
      advance();
      Expr* value = speculate<Expr>(
          [&] { return at(TokenKind::Yield) ? parse_yield_expression() : parse_star_expressions(); }, true);
      if (failed()) return nullptr;
      if (value == nullptr) return fail();
      return raise_at(expression->range, "'" + std::string(expr_description(*expression)) +
                                             "' is an illegal expression for augmented assignment");
    }
    advance();
    Expr* value = at(TokenKind::Yield) ? parse_yield_expression() : parse_star_expressions();
    if (value == nullptr) return nullptr;
    set_store_context(expression, ExprContext::Store);
    auto* statement = new_node<AugAssign>(arena_, range_from(first));
    statement->target = expression;
    statement->op = *op;
    statement->value = value;
    return statement;
  }

  if (at(TokenKind::Colon)) {
    if (is_single_target(expression)) return parse_annotated_assignment(expression, first, false);
    // invalid_assignment (CPython's second pass): the annotation must parse for these messages.
    advance();
    Expr* annotation = speculate<Expr>([&] { return parse_expression(); }, true);
    if (failed()) return nullptr;
    if (annotation == nullptr) return fail();
    if (shape.is_bare_tuple) {
      return raise_at(expression->as<Tuple>()->elts[0]->range, "only single target (not tuple) can be annotated");
    }
    const Expr* inner = expression;
    if (inner->kind == ExprKind::List || inner->kind == ExprKind::Tuple) {
      return raise_at(inner->range, std::string("only single target (not ") +
                                        (inner->kind == ExprKind::List ? "list" : "tuple") + ") can be annotated");
    }
    return raise_at(expression->range, "illegal target for annotation");
  }

  auto* statement = new_node<ExprStmt>(arena_, range_from(first));
  statement->value = expression;
  return statement;
}

Stmt* Parser::parse_annotated_assignment(Expr* target, Token first, bool simple) {
  advance();  // ':'
  Expr* annotation = parse_expression();
  if (annotation == nullptr) return nullptr;
  Expr* value = nullptr;
  if (accept(TokenKind::Equal)) {
    value = at(TokenKind::Yield) ? parse_yield_expression() : parse_star_expressions();
    if (value == nullptr) return nullptr;
  }
  set_store_context(target, ExprContext::Store);
  auto* statement = new_node<AnnAssign>(arena_, range_from(first));
  statement->target = target;
  statement->annotation = annotation;
  statement->value = value;
  statement->simple = simple;
  return statement;
}

// (star_targets '=')+ (yield_expr | star_expressions)
Stmt* Parser::parse_assignment(Expr* first_target, Token first, size_t first_index,
                               const StatementShape& shape) {
  AssignmentChain chain;
  chain.first_index = first_index;
  chain.targets.push_back(first_target);
  chain.is_bare_yield.push_back(tokens_[first_index].kind == TokenKind::Yield);
  while (accept(TokenKind::Equal)) {
    size_t right_index = mark();
    bool bare_yield = at(TokenKind::Yield);
    Expr* right = speculate<Expr>([&] { return bare_yield ? parse_yield_expression() : parse_star_expressions(); },
                                  false);
    if (failed()) return nullptr;
    if (right == nullptr) {
      // invalid_assignment: (star_targets '=')* a=star_expressions '=' needs no right-hand side.
      if (report_invalid_assignment(chain, shape)) return nullptr;
      return fail();
    }
    if (chain.right_index == 0) {
      chain.right_index = right_index;
      chain.right_end_index = mark();
    }
    if (at(TokenKind::Equal)) {
      chain.targets.push_back(right);
      chain.is_bare_yield.push_back(bare_yield);
      continue;
    }
    chain.value = right;
    break;
  }

  for (const Expr* target : chain.targets) {
    if (!is_valid_star_target(target)) {
      if (!report_invalid_assignment(chain, shape)) fail();
      return nullptr;
    }
  }
  for (Expr* target : chain.targets) set_store_context(target, ExprContext::Store);
  auto* statement = new_node<Assign>(arena_, range_from(first));
  statement->targets = arena_.copy_list(chain.targets);
  statement->value = chain.value;
  return statement;
}

// ---------------------------------------------------------------------------------------------
// Keyword statements

// return_stmt: 'return' [star_expressions]
Stmt* Parser::parse_return() {
  const Token keyword = advance();
  Expr* value = nullptr;
  if (starts_expression(current()) || at(TokenKind::Star)) {
    value = parse_star_expressions();
    if (value == nullptr) return nullptr;
  }
  auto* statement = new_node<Return>(arena_, range_from(keyword));
  statement->value = value;
  return statement;
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
Stmt* Parser::parse_raise() {
  const Token keyword = advance();
  auto* statement = new_node<Raise>(arena_, range_of(keyword));
  if (starts_expression(current())) {
    statement->exc = parse_expression();
    if (statement->exc == nullptr) return nullptr;
    if (accept(TokenKind::From)) {
      statement->cause = parse_expression();
      if (statement->cause == nullptr) return nullptr;
    }
  }
  statement->range = range_from(keyword);
  return statement;
}

// global_stmt: 'global' ','.NAME+   nonlocal_stmt: 'nonlocal' ','.NAME+
Stmt* Parser::parse_global_or_nonlocal() {
  const Token keyword = advance();
  std::vector<std::string_view> names;
  do {
    if (!at(TokenKind::Name)) return fail();
    names.push_back(arena_.intern(token_text(advance())));
  } while (accept(TokenKind::Comma));
  std::span<const std::string_view> list = arena_.copy_values(names);
  if (keyword.kind == TokenKind::Global) {
    auto* statement = new_node<Global>(arena_, range_from(keyword));
    statement->names = list;
    return statement;
  }
  auto* statement = new_node<Nonlocal>(arena_, range_from(keyword));
  statement->names = list;
  return statement;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
Stmt* Parser::parse_del() {
  const Token keyword = advance();
  StatementShape shape;
  Expr* targets = parse_star_expressions(&shape);
  if (targets == nullptr) return nullptr;
  if (!is_valid_del_target(targets)) {
    if (const Expr* invalid = find_invalid_target(targets, kDelTargets)) {
      return raise_at(invalid->range, "cannot delete " + std::string(expr_description(*invalid)));
    }
    return fail();
  }
  if (!at(TokenKind::Semicolon) && !at(TokenKind::Newline)) return fail();
  std::vector<Expr*> list;
  if (shape.is_bare_tuple) {
    for (Expr* element : targets->as<Tuple>()->elts) list.push_back(element);
  } else {
    list.push_back(targets);
  }
  for (Expr* target : list) set_store_context(target, ExprContext::Del);
  auto* statement = new_node<Delete>(arena_, range_from(keyword));
  statement->targets = arena_.copy_list(list);
  return statement;
}

// assert_stmt: 'assert' expression [',' expression]
Stmt* Parser::parse_assert() {
  const Token keyword = advance();
  auto* statement = new_node<Assert>(arena_, range_of(keyword));
  statement->test = parse_expression();
  if (statement->test == nullptr) return nullptr;
  if (accept(TokenKind::Comma)) {
    statement->msg = parse_expression();
    if (statement->msg == nullptr) return nullptr;
  }
  statement->range = range_from(keyword);
  return statement;
}

// import_name: 'import' ','.(dotted_name ['as' NAME])+
Stmt* Parser::parse_import() {
  const Token keyword = advance();
  std::vector<Alias*> names;
  do {
    const Token name_start = current();
    std::string dotted;
    do {
      if (!at(TokenKind::Name)) return fail();
      if (!dotted.empty()) dotted += '.';
      dotted += token_text(advance());
    } while (accept(TokenKind::Dot));
    auto* alias = arena_.make<Alias>();
    alias->name = arena_.intern(dotted);
    if (accept(TokenKind::As)) {
      if (!at(TokenKind::Name)) return fail();
      alias->asname = arena_.intern(token_text(advance()));
    }
    alias->range = range_from(name_start);
    names.push_back(alias);
  } while (accept(TokenKind::Comma));
  auto* statement = new_node<Import>(arena_, range_from(keyword));
  statement->names = arena_.copy_list(names);
  return statement;
}

// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//            | 'from' ('.' | '...')+ 'import' import_from_targets
Stmt* Parser::parse_from_import() {
  const Token keyword = advance();
  int level = 0;
  for (;;) {
    if (accept(TokenKind::Dot)) {
      level += 1;
    } else if (accept(TokenKind::Ellipsis)) {
      level += 3;
    } else {
      break;
    }
  }
  std::string module;
  if (at(TokenKind::Name)) {
    do {
      if (!at(TokenKind::Name)) return fail();
      if (!module.empty()) module += '.';
      module += token_text(advance());
    } while (accept(TokenKind::Dot));
  } else if (level == 0) {
    return fail();
  }
  if (!accept(TokenKind::Import)) return fail();
  std::vector<Alias*> names;
  if (at(TokenKind::Star)) {
    const Token star = advance();
    auto* alias = arena_.make<Alias>();
    alias->range = range_of(star);
    alias->name = arena_.intern("*");
    names.push_back(alias);
  } else {
    bool parenthesized = accept(TokenKind::LeftParen);
    for (;;) {
      if (!at(TokenKind::Name)) return fail();
      const Token name = advance();
      auto* alias = arena_.make<Alias>();
      alias->name = arena_.intern(token_text(name));
      if (accept(TokenKind::As)) {
        if (!at(TokenKind::Name)) return fail();
        alias->asname = arena_.intern(token_text(advance()));
      }
      alias->range = range_from(name);
      names.push_back(alias);
      if (!accept(TokenKind::Comma)) break;
      if (parenthesized && at(TokenKind::RightParen)) break;
      if (!parenthesized && at(TokenKind::Newline)) {
        return raise_at_last_token("trailing comma not allowed without surrounding parentheses");
      }
    }
    if (parenthesized && !accept(TokenKind::RightParen)) return fail();
  }
  auto* statement = new_node<ImportFrom>(arena_, range_from(keyword));
  statement->module = module.empty() ? std::string_view() : arena_.intern(module);
  statement->level = level;
  statement->names = arena_.copy_list(names);
  return statement;
}

// ---------------------------------------------------------------------------------------------
// Compound statements

Stmt* Parser::parse_compound_statement() {
  switch (current().kind) {
    case TokenKind::Def: return parse_function_def({}, nullptr, current());
    case TokenKind::At: return parse_decorated();
    case TokenKind::Class: return parse_class_def({}, current());
    case TokenKind::If: return parse_if(false);
    case TokenKind::With: return parse_with(nullptr);
    case TokenKind::For: return parse_for(nullptr);
    case TokenKind::Try: return parse_try();
    case TokenKind::While: return parse_while();
    case TokenKind::Async: {
      const Token async_token = current();
      switch (peek(1).kind) {
        case TokenKind::Def:
          advance();
          note_unsupported(join(range_of(async_token), range_of(current())), "'async def' is not supported by Stitch");
          return parse_function_def({}, &async_token, async_token);
        case TokenKind::For:
          advance();
          return parse_for(&async_token);
        case TokenKind::With:
          advance();
          return parse_with(&async_token);
        default:
          advance();
          return fail();
      }
    }
    default: return fail();
  }
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
NodeList<Stmt> Parser::parse_block(const char* owner, int owner_line) {
  std::vector<Stmt*> body;
  if (accept(TokenKind::Newline)) {
    if (!at(TokenKind::Indent)) {
      raise_at_last_token(std::string("expected an indented block after ") + owner + " on line " +
                              std::to_string(owner_line),
                          SyntaxErrorKind::IndentationError);
      return {};
    }
    advance();
    while (!at(TokenKind::Dedent)) {
      if (at(TokenKind::EndOfFile) || !parse_statement(body)) {
        if (!failed()) fail();
        return {};
      }
    }
    advance();
  } else if (!parse_simple_statements(body)) {
    return {};
  }
  return arena_.copy_list(body);
}

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
Stmt* Parser::parse_if(bool is_elif) {
  NestingGuard guard(*this, "statement");
  if (guard.too_deep()) return nullptr;
  const Token keyword = advance();
  Expr* test = parse_named_expression();
  if (test == nullptr) return nullptr;
  if (!accept(TokenKind::Colon)) {
    if (at(TokenKind::Newline)) return raise_at_last_token("expected ':'");
    return fail();
  }
  NodeList<Stmt> body = parse_block(is_elif ? "'elif' statement" : "'if' statement", keyword.line);
  if (failed()) return nullptr;
  NodeList<Stmt> orelse;
  if (at(TokenKind::Elif)) {
    Stmt* elif = parse_if(true);
    if (elif == nullptr) return nullptr;
    orelse = arena_.copy_list(std::vector<Stmt*>{elif});
  } else if (at(TokenKind::Else)) {
    orelse = parse_else_block();
    if (failed()) return nullptr;
  }
  auto* statement = new_node<If>(arena_, range_from(keyword));
  statement->test = test;
  statement->body = body;
  statement->orelse = orelse;
  return statement;
}

// else_block: 'else' &&':' block
NodeList<Stmt> Parser::parse_else_block() {
  const Token keyword = advance();
  if (!accept(TokenKind::Colon)) {
    fail_expected(TokenKind::Colon);
    return {};
  }
  return parse_block("'else' statement", keyword.line);
}

// while_stmt: 'while' named_expression ':' block [else_block]
Stmt* Parser::parse_while() {
  const Token keyword = advance();
  Expr* test = parse_named_expression();
  if (test == nullptr) return nullptr;
  if (!accept(TokenKind::Colon)) {
    if (at(TokenKind::Newline)) return raise_at_last_token("expected ':'");
    return fail();
  }
  NodeList<Stmt> body = parse_block("'while' statement", keyword.line);
  if (failed()) return nullptr;
  NodeList<Stmt> orelse;
  if (at(TokenKind::Else)) {
    orelse = parse_else_block();
    if (failed()) return nullptr;
  }
  auto* statement = new_node<While>(arena_, range_from(keyword));
  statement->test = test;
  statement->body = body;
  statement->orelse = orelse;
  return statement;
}

// for_stmt: 'for' star_targets 'in' ~ star_expressions ':' block [else_block] | invalid_for_target
Stmt* Parser::parse_for(const Token* async_token) {
  const Token keyword = advance();
  const Token& first = async_token ? *async_token : keyword;
  if (async_token) note_unsupported(join(range_of(*async_token), range_of(keyword)), "'async for' is not supported by Stitch");
  Expr* target = parse_for_target();
  if (target == nullptr) return nullptr;
  advance();  // 'in'
  Expr* iter = parse_star_expressions();
  if (iter == nullptr) return nullptr;
  if (!accept(TokenKind::Colon)) {
    if (at(TokenKind::Newline)) return raise_at_last_token("expected ':'");
    return fail();
  }
  NodeList<Stmt> body = parse_block("'for' statement", keyword.line);
  if (failed()) return nullptr;
  NodeList<Stmt> orelse;
  if (at(TokenKind::Else)) {
    orelse = parse_else_block();
    if (failed()) return nullptr;
  }
  auto* statement = new_node<For>(arena_, range_from(first));
  statement->target = target;
  statement->iter = iter;
  statement->body = body;
  statement->orelse = orelse;
  statement->is_async = async_token != nullptr;
  return statement;
}

// with_stmt: 'with' '(' ','.with_item+ ','? ')' ':' block | 'with' ','.with_item+ ':' block
Stmt* Parser::parse_with(const Token* async_token) {
  const Token keyword = advance();
  const Token& first = async_token ? *async_token : keyword;
  if (async_token) note_unsupported(join(range_of(*async_token), range_of(keyword)), "'async with' is not supported by Stitch");
  std::vector<WithItem*> items;
  if (at(TokenKind::LeftParen)) {
    // The parenthesized form, if the parentheses hold a list of items followed by ':'.
    std::vector<WithItem*> parenthesized;
    Expr* matched = speculate<Expr>(
        [&]() -> Expr* {
          advance();
          do {
            if (at(TokenKind::RightParen)) break;
            WithItem* item = parse_with_item();
            if (item == nullptr) return nullptr;
            parenthesized.push_back(item);
          } while (accept(TokenKind::Comma));
          if (parenthesized.empty() || !accept(TokenKind::RightParen)) return fail();
          // invalid_with_stmt: 'with' '(' ... ')' NEWLINE
          if (at(TokenKind::Newline)) return raise_at_last_token("expected ':'");
          if (!at(TokenKind::Colon)) return fail();
          return parenthesized.front()->context_expr;
        },
        false);
    if (failed()) return nullptr;
    if (matched != nullptr) items = parenthesized;
  }
  if (items.empty()) {
    do {
      WithItem* item = parse_with_item();
      if (item == nullptr) return nullptr;
      items.push_back(item);
    } while (accept(TokenKind::Comma));
  }
  if (!accept(TokenKind::Colon)) {
    if (at(TokenKind::Newline)) return raise_at_last_token("expected ':'");
    return fail();
  }
  NodeList<Stmt> body = parse_block("'with' statement", keyword.line);
  if (failed()) return nullptr;
  auto* statement = new_node<With>(arena_, range_from(first));
  statement->items = arena_.copy_list(items);
  statement->body = body;
  statement->is_async = async_token != nullptr;
  return statement;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression
WithItem* Parser::parse_with_item() {
  Expr* context = parse_expression();
  if (context == nullptr) return nullptr;
  auto* item = arena_.make<WithItem>();
  item->context_expr = context;
  if (accept(TokenKind::As)) {
    size_t target_start = mark();
    Expr* target = speculate<Expr>(
        [&]() -> Expr* {
          Expr* parsed = parse_star_target();
          if (parsed == nullptr) return nullptr;
          if (!at(TokenKind::Comma) && !at(TokenKind::RightParen) && !at(TokenKind::Colon)) return fail();
          return parsed;
        },
        false);
    if (failed()) return nullptr;
    if (target == nullptr) {
      // invalid_with_item: expression 'as' expression &(',' | ')' | ':')
      Expr* expression = speculate<Expr>([&] { return parse_expression(); }, true);
      if (failed()) return nullptr;
      if (expression != nullptr && (at(TokenKind::Comma) || at(TokenKind::RightParen) || at(TokenKind::Colon))) {
        if (const Expr* invalid = find_invalid_target(expression, kStarTargets)) {
          return raise_at(invalid->range, "cannot assign to " + std::string(expr_description(*invalid)));
        }
      }
      reset(target_start);
      // invalid_with_stmt: 'with' ','.(expression ['as' star_target])+ NEWLINE
      Expr* bare = speculate<Expr>([&] { return parse_star_target(); }, true);
      if (failed()) return nullptr;
      if (bare != nullptr && at(TokenKind::Newline)) return raise_at_last_token("expected ':'");
      reset(target_start);
      return fail();
    }
    set_store_context(target, ExprContext::Store);
    item->optional_vars = target;
  }
  return item;
}

// try_stmt: 'try' &&':' block (finally_block | except_block+ [else_block] [finally_block])
Stmt* Parser::parse_try() {
  const Token keyword = advance();
  if (!accept(TokenKind::Colon)) return fail_expected(TokenKind::Colon);
  NodeList<Stmt> body = parse_block("'try' statement", keyword.line);
  if (failed()) return nullptr;
  auto* statement = new_node<Try>(arena_, range_of(keyword));
  statement->body = body;
  if (!at(TokenKind::Except) && !at(TokenKind::Finally)) {
    return raise_at_last_token("expected 'except' or 'finally' block");
  }
  std::vector<ExceptHandler*> handlers;
  std::optional<bool> star_handlers;
  while (at(TokenKind::Except)) {
    ExceptHandler* handler = parse_except_handler(star_handlers);
    if (handler == nullptr) return nullptr;
    handlers.push_back(handler);
  }
  statement->handlers = arena_.copy_list(handlers);
  if (!handlers.empty() && at(TokenKind::Else)) {
    statement->orelse = parse_else_block();
    if (failed()) return nullptr;
  }
  if (at(TokenKind::Finally)) {
    const Token finally_keyword = advance();
    if (!accept(TokenKind::Colon)) return fail_expected(TokenKind::Colon);
    statement->finalbody = parse_block("'finally' statement", finally_keyword.line);
    if (failed()) return nullptr;
  }
  statement->range = range_from(keyword);
  return statement;
}

// except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
ExceptHandler* Parser::parse_except_handler(std::optional<bool>& star_handlers) {
  const Token keyword = advance();
  bool is_star = false;
  Token star;
  if (at(TokenKind::Star)) {
    star = advance();
    is_star = true;
    note_unsupported(join(range_of(keyword), range_of(star)), "'except*' is not supported by Stitch");
    if (at(TokenKind::Colon) || at(TokenKind::Newline)) return raise_at_last_token("expected one or more exception types");
  }
  // invalid_try_stmt: 'except' and 'except*' handlers on one try (checked once the header parsed).
  auto check_mixing = [&]() -> bool {
    if (!star_handlers.has_value()) {
      star_handlers = is_star;
      return true;
    }
    if (*star_handlers == is_star) return true;
    const char* message = "cannot have both 'except' and 'except*' on the same 'try'";
    if (is_star) {
      raise_range(range_of(keyword), range_of(star), message);
    } else {
      raise_at_token(keyword, message);
    }
    return false;
  };
  const char* owner = is_star ? "'except*' statement" : "'except' statement";
  auto* handler = arena_.make<ExceptHandler>();
  if (!at(TokenKind::Colon)) {
    if (at(TokenKind::Newline)) return raise_at_last_token("expected ':'");
    handler->type = parse_expression();
    if (handler->type == nullptr) return nullptr;
    if (at(TokenKind::Comma)) {
      // invalid_except_stmt: 'except' expression ',' expressions ['as' NAME] ':'
      const SourceRange first_type = handler->type->range;
      advance();
      if (parse_expression() == nullptr) return nullptr;
      while (accept(TokenKind::Comma)) {
        if (!starts_expression(current())) break;
        if (parse_expression() == nullptr) return nullptr;
      }
      if (accept(TokenKind::As) && !accept(TokenKind::Name)) return fail();
      if (!accept(TokenKind::Colon)) return fail();
      return raise_starting_from(first_type, "multiple exception types must be parenthesized");
    }
    if (accept(TokenKind::As)) {
      if (!at(TokenKind::Name)) return fail();
      handler->name = arena_.intern(token_text(advance()));
    }
    if (!accept(TokenKind::Colon)) {
      if (at(TokenKind::Newline)) return raise_at_last_token("expected ':'");
      return fail();
    }
  } else {
    advance();
  }
  if (!check_mixing()) return nullptr;
  handler->body = parse_block(owner, keyword.line);
  if (failed()) return nullptr;
  handler->range = range_from(keyword);
  return handler;
}

// decorators: ('@' named_expression NEWLINE)+ (function_def_raw | class_def_raw)
Stmt* Parser::parse_decorated() {
  std::vector<Expr*> decorators;
  while (accept(TokenKind::At)) {
    Expr* decorator = parse_named_expression();
    if (decorator == nullptr) return nullptr;
    if (!accept(TokenKind::Newline)) return fail();
    decorators.push_back(decorator);
  }
  const Token first = current();
  if (at(TokenKind::Def)) return parse_function_def(std::move(decorators), nullptr, first);
  if (at(TokenKind::Class)) return parse_class_def(std::move(decorators), first);
  if (at(TokenKind::Async) && peek(1).kind == TokenKind::Def) {
    advance();
    note_unsupported(join(range_of(first), range_of(current())), "'async def' is not supported by Stitch");
    return parse_function_def(std::move(decorators), &first, first);
  }
  return fail();
}

// function_def_raw: 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
Stmt* Parser::parse_function_def(std::vector<Expr*> decorators, const Token* async_token, Token first) {
  const Token keyword = advance();  // 'def'
  if (!at(TokenKind::Name)) return fail();
  const Token name = advance();
  if (!accept(TokenKind::LeftParen)) return fail_expected(TokenKind::LeftParen);
  Arguments* arguments = parse_parameters(TokenKind::RightParen, false);
  if (arguments == nullptr) return nullptr;
  if (!accept(TokenKind::RightParen)) return fail();
  Expr* returns = nullptr;
  if (at(TokenKind::Arrow)) {
    size_t before = mark();
    advance();
    returns = speculate<Expr>([&] { return parse_expression(); }, false);
    if (failed()) return nullptr;
    if (returns == nullptr) reset(before);  // then "expected ':'" at the '->'
  }
  if (!accept(TokenKind::Colon)) return fail_expected(TokenKind::Colon);
  NodeList<Stmt> body = parse_block("function definition", keyword.line);
  if (failed()) return nullptr;
  auto* statement = new_node<FunctionDef>(arena_, range_from(first));
  statement->name = arena_.intern(token_text(name));
  statement->args = arguments;
  statement->body = body;
  statement->decorator_list = arena_.copy_list(decorators);
  statement->returns = returns;
  statement->is_async = async_token != nullptr;
  return statement;
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
Stmt* Parser::parse_class_def(std::vector<Expr*> decorators, Token first) {
  const Token keyword = advance();
  if (!at(TokenKind::Name)) return fail();
  const Token name = advance();
  auto* statement = new_node<ClassDef>(arena_, range_of(keyword));
  if (at(TokenKind::LeftParen)) {
    Expr* call = parse_call(nullptr, current(), /*allow_generator=*/false);
    if (call == nullptr) return nullptr;
    statement->bases = call->as<Call>()->args;
    statement->keywords = call->as<Call>()->keywords;
  }
  if (!accept(TokenKind::Colon)) {
    if (at(TokenKind::Newline)) return raise_at_last_token("expected ':'");
    return fail();
  }
  statement->body = parse_block("class definition", keyword.line);
  if (failed()) return nullptr;
  statement->name = arena_.intern(token_text(name));
  statement->decorator_list = arena_.copy_list(decorators);
  statement->range = range_from(first);
  return statement;
}

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
// Stitch does not support pattern matching: a match statement is recognised, its body skipped
// (still tokenized, so tokenizer errors in it are found) and reported as unsupported.
bool Parser::try_skip_match_statement() {
  const Token keyword = current();
  bool subject_parsed = false;
  Expr* subject = speculate<Expr>(
      [&]() -> Expr* {
        advance();
        if (!starts_expression(current()) && !at(TokenKind::Star)) return fail();
        Expr* parsed = parse_star_named_expression();
        if (parsed == nullptr) return nullptr;
        while (accept(TokenKind::Comma)) {
          if (at(TokenKind::Colon)) break;
          if (parse_star_named_expression() == nullptr) return nullptr;
        }
        subject_parsed = at(TokenKind::Newline);  // invalid_match_stmt: "match" subject_expr NEWLINE
        if (!at(TokenKind::Colon)) return fail();
        return parsed;
      },
      false);
  if (subject == nullptr) {
    // CPython's invalid_match_stmt ("match" subject_expr !':') fires in its second pass: a
    // `match(...)` call statement turns any later syntax error into "expected ':'".
    if (subject_parsed && !failed() && recording_candidates_) {
      second_pass_candidates_.push_back({SecondPassCandidate::Kind::MatchStatement, mark()});
    }
    return false;
  }
  advance();  // ':'
  if (!accept(TokenKind::Newline)) {
    fail();
    return false;
  }
  if (!at(TokenKind::Indent)) {
    raise_at_last_token("expected an indented block after 'match' statement on line " + std::to_string(keyword.line),
                        SyntaxErrorKind::IndentationError);
    return false;
  }
  note_unsupported(range_of(keyword), "'match' statement is not supported by Stitch");
  int depth = 0;
  do {
    const Token token = advance();
    if (token.kind == TokenKind::Indent) depth += 1;
    if (token.kind == TokenKind::Dedent) depth -= 1;
    if (token.kind == TokenKind::EndOfFile || token.kind == TokenKind::Error) {
      if (!failed()) fail();
      return false;
    }
  } while (depth > 0);
  return true;
}

}  // namespace stitch::compiler
