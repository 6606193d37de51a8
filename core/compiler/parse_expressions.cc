// Expressions: CPython's expression rules from star_expressions down to atom, with operator
// precedence encoded in the call chain (lowest first):
//   lambda, if-else, or, and, not, comparisons, |, ^, &, << >>, + -, * / // % @, unary + - ~, **,
//   await, primary (.attr, calls, subscripts), atom.
// Node ranges follow CPython: a node spans from the first token of its rule (so a BinOp whose
// left operand is parenthesized starts at the '(') to the last significant token consumed, and a
// parenthesized group keeps the range of the expression inside.
#include <utility>

#include "core/compiler/parser_internal.h"

namespace stitch::compiler {

namespace {

std::optional<BinaryOperator> term_operator(TokenKind kind) {
  switch (kind) {
    case TokenKind::Star: return BinaryOperator::Mult;
    case TokenKind::Slash: return BinaryOperator::Div;
    case TokenKind::DoubleSlash: return BinaryOperator::FloorDiv;
    case TokenKind::Percent: return BinaryOperator::Mod;
    case TokenKind::At: return BinaryOperator::MatMult;
    default: return std::nullopt;
  }
}

std::optional<BinaryOperator> sum_operator(TokenKind kind) {
  if (kind == TokenKind::Plus) return BinaryOperator::Add;
  if (kind == TokenKind::Minus) return BinaryOperator::Sub;
  return std::nullopt;
}

std::optional<BinaryOperator> shift_operator(TokenKind kind) {
  if (kind == TokenKind::LeftShift) return BinaryOperator::LShift;
  if (kind == TokenKind::RightShift) return BinaryOperator::RShift;
  return std::nullopt;
}

}  // namespace

bool Parser::starts_expression(const Token& token) const {
  switch (token.kind) {
    case TokenKind::Name:
    case TokenKind::Number:
    case TokenKind::String:
    case TokenKind::LeftParen:
    case TokenKind::LeftBracket:
    case TokenKind::LeftBrace:
    case TokenKind::Minus:
    case TokenKind::Plus:
    case TokenKind::Tilde:
    case TokenKind::Not:
    case TokenKind::Lambda:
    case TokenKind::Await:
    case TokenKind::Ellipsis:
    case TokenKind::None:
    case TokenKind::True:
    case TokenKind::False:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Lists of expressions

// star_expressions: star_expression (',' star_expression)* [',']
Expr* Parser::parse_star_expressions(StatementShape* shape) {
  const Token first = current();
  size_t first_index = mark();
  Expr* expression = parse_star_expression();
  if (expression == nullptr || !at(TokenKind::Comma)) return expression;
  std::vector<Expr*> elements{expression};
  std::vector<size_t> starts{first_index};
  std::vector<size_t> ends{mark()};
  while (accept(TokenKind::Comma)) {
    if (!starts_expression(current()) && !at(TokenKind::Star)) break;
    starts.push_back(mark());
    Expr* element = parse_star_expression();
    if (element == nullptr) return nullptr;
    elements.push_back(element);
    ends.push_back(mark());
  }
  auto* tuple = new_node<Tuple>(arena_, range_from(first));
  tuple->elts = arena_.copy_list(elements);
  if (shape != nullptr) {
    shape->is_bare_tuple = true;
    shape->element_starts = std::move(starts);
    shape->element_ends = std::move(ends);
  }
  return tuple;
}

// star_expression: '*' bitwise_or | expression
Expr* Parser::parse_star_expression() {
  if (!at(TokenKind::Star)) return parse_expression();
  const Token star = advance();
  Expr* value = parse_bitwise_or();
  if (value == nullptr) return nullptr;
  auto* starred = new_node<Starred>(arena_, range_from(star));
  starred->value = value;
  return starred;
}

// star_named_expression: '*' bitwise_or | named_expression
Expr* Parser::parse_star_named_expression() {
  if (!at(TokenKind::Star)) return parse_named_expression();
  return parse_star_expression();
}

// ','.star_named_expression+ [','] up to (not including) `closing`.
bool Parser::parse_star_named_expressions(std::vector<Expr*>& out, TokenKind closing) {
  while (!at(closing)) {
    Expr* element = parse_star_named_expression();
    if (element == nullptr) return false;
    out.push_back(element);
    if (!accept(TokenKind::Comma)) break;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// named_expression: NAME ':=' expression | invalid_named_expression | expression !':='

Expr* Parser::parse_named_expression() {
  if (at(TokenKind::Name) && peek(1).kind == TokenKind::ColonEqual) {
    const Token name = advance();
    advance();
    Expr* value = parse_expression();
    if (value == nullptr) return nullptr;
    auto* target = new_node<Name>(arena_, range_of(name));
    target->id = arena_.intern(token_text(name));
    target->ctx = ExprContext::Store;
    auto* named = new_node<NamedExpr>(arena_, range_from(name));
    named->target = target;
    named->value = value;
    return named;
  }
  const Token first = current();
  size_t first_index = mark();
  Expr* expression = parse_expression();
  if (expression == nullptr) return nullptr;
  if (at(TokenKind::ColonEqual)) {
    if (!invalid_checks_enabled()) return fail();
    // invalid_named_expression: a=expression ':=' expression
    advance();
    Expr* value = speculate<Expr>([&] { return parse_expression(); }, true);
    if (failed() || value == nullptr) return fail();
    return raise_at(expression->range,
                    "cannot use assignment expressions with " + std::string(expr_description(*expression)));
  }
  if (at(TokenKind::Equal) && invalid_checks_enabled()) {
    check_named_expression_mistake(expression, first, first_index);
    if (failed()) return nullptr;
  }
  return expression;
}

// invalid_named_expression, at an '=' after `expression` where an expression was expected:
//   a=NAME '=' b=bitwise_or !('='|':=')  -> "invalid syntax. Maybe you meant '==' or ':=' ..."
//   !(list|tuple|genexp|True|None|False) a=bitwise_or '=' bitwise_or !('='|':=')
//                                        -> "cannot assign to %s here. Maybe you meant '==' ..."
void Parser::check_named_expression_mistake(Expr* expression, Token first, size_t first_index) {
  bool is_plain_name = expression->kind == ExprKind::Name && first.kind == TokenKind::Name;
  bool is_bitwise_or = is_bitwise_or_level(expression, first_index, mark());
  if (!is_plain_name && !is_bitwise_or) return;
  size_t after_expression = mark();
  Expr* right = nullptr;
  bool followed_by_assignment = false;
  {
    DiagnosticScope diagnostic(*this);
    advance();  // '='
    right = speculate<Expr>([&] { return parse_bitwise_or(); }, true);
    if (right != nullptr) followed_by_assignment = at(TokenKind::Equal) || at(TokenKind::ColonEqual);
    reset(after_expression);
  }
  if (failed() || right == nullptr || followed_by_assignment) return;
  if (is_plain_name) {
    raise_range(expression->range, right->range, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return;
  }
  if (starts_with_display_or_singleton(expression, first_index)) return;
  raise_at(expression->range, "cannot assign to " + std::string(expr_description(*expression)) +
                                  " here. Maybe you meant '==' instead of '='?");
}

// ---------------------------------------------------------------------------------------------
// expression: invalid_expression | invalid_legacy_expression
//           | disjunction 'if' disjunction 'else' expression | disjunction | lambdef

Expr* Parser::parse_expression() {
  if (replaying_second_pass_ && invalid_checks_enabled()) {
    size_t start = mark();
    auto memo = replay_memo_.find(start);
    if (memo != replay_memo_.end()) {
      if (memo->second.first == nullptr) return fail();
      reset(memo->second.second);
      return memo->second.first;
    }
    replay_memo_[start] = {nullptr, start};  // a re-entry at the same token fails (no loops)
    Expr* result = parse_expression_unmemoized();
    if (error_) return nullptr;
    replay_memo_[start] = {result, mark()};
    return result;
  }
  return parse_expression_unmemoized();
}

Expr* Parser::parse_expression_unmemoized() {
  NestingGuard guard(*this, "expression");
  if (guard.too_deep()) return nullptr;
  const bool checks = invalid_checks_enabled() && !std::exchange(skip_expression_checks_, false);
  if (at(TokenKind::Lambda)) return parse_lambda();
  const Token first = current();
  size_t first_index = mark();
  if (first.kind == TokenKind::Name && checks && (recording_candidates_ || replaying_second_pass_)) {
    const Token& next = peek_diagnostic(1);
    if (next.kind != TokenKind::LeftParen && (starts_expression(next) || next.kind == TokenKind::Star)) {
      if (recording_candidates_) {
        second_pass_candidates_.push_back({SecondPassCandidate::Kind::NameThenExpression, first_index});
      } else if (replay_budget_ > 0) {
        replay_budget_ -= 1;
        // invalid_expression comes first: the comma check, on the same expression.
        Expr* whole = speculate<Expr>(
            [&]() -> Expr* {
              replaying_second_pass_ = false;
              Expr* parsed = parse_expression();
              replaying_second_pass_ = true;
              return parsed;
            },
            true);
        replaying_second_pass_ = true;
        reset(first_index);
        if (failed()) return nullptr;
        (void)whole;
        if (replay_legacy_expression(first_index)) return nullptr;
      }
    }
  }
  Expr* body = parse_disjunction();
  if (body == nullptr) return nullptr;
  if (at(TokenKind::If)) {
    // disjunction 'if' disjunction 'else' expression; if that does not parse, the disjunction
    // alone is the expression (and the caller stumbles on the 'if'), as in CPython's PEG parser.
    Expr* conditional = speculate<Expr>(
        [&]() -> Expr* {
          advance();
          Expr* test = parse_disjunction();
          if (test == nullptr) return nullptr;
          if (!accept(TokenKind::Else)) {
            // invalid_expression: disjunction 'if' disjunction !('else'|':')
            if (!at(TokenKind::Colon) && checks) {
              return raise_range(body->range, test->range, "expected 'else' after 'if' expression");
            }
            return fail();
          }
          Expr* orelse = parse_expression();
          if (orelse == nullptr) return nullptr;
          auto* node = new_node<IfExp>(arena_, range_from(first));
          node->test = test;
          node->body = body;
          node->orelse = orelse;
          return node;
        },
        false);
    if (failed()) return nullptr;
    if (conditional != nullptr) return conditional;
    return body;
  }
  if (checks && starts_expression(current())) {
    check_comma_or_legacy_mistake(body, first, first_index);
    if (failed()) return nullptr;
  }
  return body;
}

// CPython's generated parser turns the invalid_* rules off for the whole subtree of a
// `*_without_invalid` rule.
Expr* Parser::parse_expression_without_invalid() {
  suppress_invalid_checks_ += 1;
  Expr* expression = parse_expression();
  suppress_invalid_checks_ -= 1;
  return expression;
}

// An expression directly followed by the start of another one:
//   invalid_expression: !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
//       -> "invalid syntax. Perhaps you forgot a comma?" inside brackets
//   invalid_legacy_expression: a=NAME !'(' b=star_expressions
//       -> "Missing parentheses in call to 'print'. Did you mean print(...)?"
void Parser::check_comma_or_legacy_mistake(Expr* left, Token first, size_t first_index) {
  std::string_view first_text = token_text(first);
  bool is_legacy_name = left->kind == ExprKind::Name && first.kind == TokenKind::Name &&
                        (left->as<Name>()->id == "print" || left->as<Name>()->id == "exec");
  bool name_then_string = first.kind == TokenKind::Name && first_index + 1 < tokens_.size() &&
                          tokens_[first_index + 1].kind == TokenKind::String;
  // CPython 3.11 compares only the token's length of each soft keyword: any prefix of "match",
  // "case" or "_" (such as "c" or "ma") counts as one here.
  auto is_prefix_of = [&](std::string_view keyword) {
    return !first_text.empty() && first_text.size() <= keyword.size() && keyword.substr(0, first_text.size()) == first_text;
  };
  bool soft_keyword = first.kind == TokenKind::Name && (is_prefix_of("match") || is_prefix_of("case") || is_prefix_of("_"));
  size_t after_left = mark();
  if (!name_then_string && !soft_keyword) {
    Expr* right = nullptr;
    bool inside_brackets = false;
    {
      DiagnosticScope diagnostic(*this);
      right = speculate<Expr>([&] { return parse_expression_without_invalid(); }, true);
      if (right != nullptr) inside_brackets = tokens_[mark() - 1].bracket_depth > 0;
      reset(after_left);
    }
    if (failed()) return;
    if (right != nullptr && !is_legacy_name && inside_brackets) {
      raise_range(left->range, right->range, "invalid syntax. Perhaps you forgot a comma?");
      return;
    }
  }
  if (is_legacy_name && !at(TokenKind::LeftParen)) {
    Expr* arguments = speculate<Expr>([&] { return parse_star_expressions(); }, true);
    if (failed()) return;
    reset(after_left);
    if (arguments == nullptr) return;
    std::string name(left->as<Name>()->id);
    raise_range(left->range, arguments->range,
                "Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?");
  }
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
Expr* Parser::parse_yield_expression() {
  const Token keyword = advance();
  if (accept(TokenKind::From)) {
    Expr* value = parse_expression();
    if (value == nullptr) return nullptr;
    auto* yield_from = new_node<YieldFrom>(arena_, range_from(keyword));
    yield_from->value = value;
    return yield_from;
  }
  Expr* value = nullptr;
  if (starts_expression(current()) || at(TokenKind::Star)) {
    value = parse_star_expressions();
    if (value == nullptr) return nullptr;
  }
  auto* yield = new_node<Yield>(arena_, range_from(keyword));
  yield->value = value;
  return yield;
}

// ---------------------------------------------------------------------------------------------
// Boolean operators

// disjunction: conjunction ('or' conjunction)+ | conjunction
Expr* Parser::parse_disjunction() {
  const Token first = current();
  Expr* left = parse_conjunction();
  if (left == nullptr || !at(TokenKind::Or)) return left;
  std::vector<Expr*> values{left};
  while (at(TokenKind::Or)) {
    size_t before = mark();
    advance();
    Expr* right = speculate<Expr>([&] { return parse_conjunction(); }, false);
    if (failed()) return nullptr;
    if (right == nullptr) {
      reset(before);  // the repetition stops before the operator, as in the PEG grammar
      break;
    }
    values.push_back(right);
  }
  if (values.size() == 1) return left;
  auto* node = new_node<BoolOp>(arena_, range_from(first));
  node->op = BoolOperator::Or;
  node->values = arena_.copy_list(values);
  return node;
}

// conjunction: inversion ('and' inversion)+ | inversion
Expr* Parser::parse_conjunction() {
  const Token first = current();
  Expr* left = parse_inversion();
  if (left == nullptr || !at(TokenKind::And)) return left;
  std::vector<Expr*> values{left};
  while (at(TokenKind::And)) {
    size_t before = mark();
    advance();
    Expr* right = speculate<Expr>([&] { return parse_inversion(); }, false);
    if (failed()) return nullptr;
    if (right == nullptr) {
      reset(before);  // the repetition stops before the operator, as in the PEG grammar
      break;
    }
    values.push_back(right);
  }
  if (values.size() == 1) return left;
  auto* node = new_node<BoolOp>(arena_, range_from(first));
  node->op = BoolOperator::And;
  node->values = arena_.copy_list(values);
  return node;
}

// inversion: 'not' inversion | comparison
Expr* Parser::parse_inversion() {
  if (!at(TokenKind::Not)) return parse_comparison();
  NestingGuard guard(*this, "expression");
  if (guard.too_deep()) return nullptr;
  const Token keyword = advance();
  Expr* operand = parse_inversion();
  if (operand == nullptr) return nullptr;
  auto* node = new_node<UnaryOp>(arena_, range_from(keyword));
  node->op = UnaryOperator::Not;
  node->operand = operand;
  return node;
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
Expr* Parser::parse_comparison() {
  const Token first = current();
  Expr* left = parse_bitwise_or();
  if (left == nullptr) return nullptr;
  std::vector<CompareOperator> ops;
  std::vector<Expr*> comparators;
  for (;;) {
    CompareOperator op;
    switch (current().kind) {
      case TokenKind::EqualEqual: op = CompareOperator::Eq; break;
      case TokenKind::NotEqual: op = CompareOperator::NotEq; break;
      case TokenKind::Less: op = CompareOperator::Lt; break;
      case TokenKind::LessEqual: op = CompareOperator::LtE; break;
      case TokenKind::Greater: op = CompareOperator::Gt; break;
      case TokenKind::GreaterEqual: op = CompareOperator::GtE; break;
      case TokenKind::In: op = CompareOperator::In; break;
      case TokenKind::Is:
        op = peek(1).kind == TokenKind::Not ? CompareOperator::IsNot : CompareOperator::Is;
        break;
      case TokenKind::Not:
        if (peek(1).kind != TokenKind::In) goto done;
        op = CompareOperator::NotIn;
        break;
      default: goto done;
    }
    {
      size_t before = mark();
      advance();
      if (op == CompareOperator::IsNot || op == CompareOperator::NotIn) advance();
      Expr* right = speculate<Expr>([&] { return parse_bitwise_or(); }, false);
      if (failed()) return nullptr;
      if (right == nullptr) {
        reset(before);
        goto done;
      }
      ops.push_back(op);
      comparators.push_back(right);
    }
  }
done:
  if (ops.empty()) return left;
  auto* node = new_node<Compare>(arena_, range_from(first));
  node->left = left;
  node->ops = arena_.copy_values(ops);
  node->comparators = arena_.copy_list(comparators);
  return node;
}

// ---------------------------------------------------------------------------------------------
// Binary operators (left associative). Each loop iteration nests the tree one level deeper, so
// it counts against the nesting limit like a recursive call.

Expr* Parser::parse_binary_chain(Expr* (Parser::*operand)(), std::optional<BinaryOperator> (*operator_of)(TokenKind)) {
  const Token first = current();
  Expr* left = (this->*operand)();
  if (left == nullptr) return nullptr;
  int chain = 0;
  while (auto op = operator_of(current().kind)) {
    if (nesting_depth_ + ++chain > kMaxChainDepth) return raise_at_token(current(), "expression too deeply nested");
    size_t before = mark();
    advance();
    Expr* right = speculate<Expr>([&] { return (this->*operand)(); }, false);
    if (failed()) return nullptr;
    if (right == nullptr) {
      reset(before);  // `a + <not a term>`: the sum is just `a`
      break;
    }
    auto* node = new_node<BinOp>(arena_, range_from(first));
    node->left = left;
    node->op = *op;
    node->right = right;
    left = node;
  }
  return left;
}

Expr* Parser::parse_bitwise_or() {
  return parse_binary_chain(&Parser::parse_bitwise_xor, [](TokenKind kind) -> std::optional<BinaryOperator> {
    if (kind == TokenKind::VerticalBar) return BinaryOperator::BitOr;
    return std::nullopt;
  });
}

Expr* Parser::parse_bitwise_xor() {
  return parse_binary_chain(&Parser::parse_bitwise_and, [](TokenKind kind) -> std::optional<BinaryOperator> {
    if (kind == TokenKind::Circumflex) return BinaryOperator::BitXor;
    return std::nullopt;
  });
}

Expr* Parser::parse_bitwise_and() {
  return parse_binary_chain(&Parser::parse_shift, [](TokenKind kind) -> std::optional<BinaryOperator> {
    if (kind == TokenKind::Ampersand) return BinaryOperator::BitAnd;
    return std::nullopt;
  });
}

Expr* Parser::parse_shift() { return parse_binary_chain(&Parser::parse_sum, shift_operator); }
Expr* Parser::parse_sum() { return parse_binary_chain(&Parser::parse_term, sum_operator); }
Expr* Parser::parse_term() { return parse_binary_chain(&Parser::parse_factor, term_operator); }

// factor: '+' factor | '-' factor | '~' factor | power
Expr* Parser::parse_factor() {
  UnaryOperator op;
  switch (current().kind) {
    case TokenKind::Plus: op = UnaryOperator::UAdd; break;
    case TokenKind::Minus: op = UnaryOperator::USub; break;
    case TokenKind::Tilde: op = UnaryOperator::Invert; break;
    default: return parse_power();
  }
  NestingGuard guard(*this, "expression");
  if (guard.too_deep()) return nullptr;
  const Token first = advance();
  Expr* operand = parse_factor();
  if (operand == nullptr) return nullptr;
  auto* node = new_node<UnaryOp>(arena_, range_from(first));
  node->op = op;
  node->operand = operand;
  return node;
}

// power: await_primary '**' factor | await_primary
Expr* Parser::parse_power() {
  const Token first = current();
  Expr* base = parse_await_primary();
  if (base == nullptr || !at(TokenKind::DoubleStar)) return base;
  NestingGuard guard(*this, "expression");
  if (guard.too_deep()) return nullptr;
  size_t before = mark();
  advance();
  Expr* exponent = speculate<Expr>([&] { return parse_factor(); }, false);
  if (failed()) return nullptr;
  if (exponent == nullptr) {
    reset(before);
    return base;
  }
  auto* node = new_node<BinOp>(arena_, range_from(first));
  node->left = base;
  node->op = BinaryOperator::Pow;
  node->right = exponent;
  return node;
}

// await_primary: AWAIT primary | primary
Expr* Parser::parse_await_primary() {
  if (!at(TokenKind::Await)) return parse_primary();
  const Token keyword = advance();
  Expr* value = parse_primary();
  if (value == nullptr) return nullptr;
  auto* node = new_node<Await>(arena_, range_from(keyword));
  node->value = value;
  note_unsupported(node->range, "'await' is not supported by Stitch");
  return node;
}

// ---------------------------------------------------------------------------------------------
// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' | primary '[' slices ']'
//        | atom

Expr* Parser::parse_primary() {
  const Token first = current();
  Expr* atom = parse_atom();
  if (atom == nullptr) return nullptr;
  return parse_primary_trailers(atom, first);
}

Expr* Parser::parse_primary_trailers(Expr* expression, Token first) {
  // A trailer that does not parse is not part of the primary (PEG backtracking): the caller then
  // fails at the trailer's first token, and the invalid_* checks see the primary before it.
  int chain = 0;
  for (;;) {
    size_t before = mark();
    Expr* extended = nullptr;
    if (at(TokenKind::Dot)) {
      advance();
      if (!at(TokenKind::Name)) {
        reset(before);
        return expression;
      }
      const Token name = advance();
      auto* attribute = new_node<Attribute>(arena_, range_from(first));
      attribute->value = expression;
      attribute->attr = arena_.intern(token_text(name));
      extended = attribute;
    } else if (at(TokenKind::LeftParen)) {
      extended = speculate<Expr>([&] { return parse_call(expression, first, true); }, false);
    } else if (at(TokenKind::LeftBracket)) {
      extended = speculate<Expr>(
          [&]() -> Expr* {
            advance();
            Expr* slice = parse_slices();
            if (slice == nullptr) return nullptr;
            if (!accept(TokenKind::RightBracket)) return fail();
            auto* subscript = new_node<Subscript>(arena_, range_from(first));
            subscript->value = expression;
            subscript->slice = slice;
            return subscript;
          },
          false);
    } else {
      return expression;
    }
    if (failed()) return nullptr;
    if (extended == nullptr) {
      reset(before);
      return expression;
    }
    expression = extended;
    if (nesting_depth_ + ++chain > kMaxChainDepth) return raise_at_token(current(), "expression too deeply nested");
  }
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
Expr* Parser::parse_slices() {
  const Token first = current();
  Expr* element = at(TokenKind::Star) ? parse_star_expression() : parse_slice();
  if (element == nullptr) return nullptr;
  if (!at(TokenKind::Comma) && element->kind != ExprKind::Starred) return element;
  std::vector<Expr*> elements{element};
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::RightBracket)) break;
    element = at(TokenKind::Star) ? parse_star_expression() : parse_slice();
    if (element == nullptr) return nullptr;
    elements.push_back(element);
  }
  auto* tuple = new_node<Tuple>(arena_, range_from(first));
  tuple->elts = arena_.copy_list(elements);
  return tuple;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
Expr* Parser::parse_slice() {
  const Token first = current();
  Expr* lower = nullptr;
  if (!at(TokenKind::Colon)) {
    lower = parse_named_expression();
    if (lower == nullptr) return nullptr;
    if (!at(TokenKind::Colon)) return lower;
    if (lower->kind == ExprKind::NamedExpr && first.kind == TokenKind::Name) return fail();
  }
  advance();  // ':'
  auto* slice = new_node<Slice>(arena_, range_of(first));
  slice->lower = lower;
  if (starts_expression(current())) {
    slice->upper = parse_expression();
    if (slice->upper == nullptr) return nullptr;
  }
  if (accept(TokenKind::Colon) && starts_expression(current())) {
    slice->step = parse_expression();
    if (slice->step == nullptr) return nullptr;
  }
  slice->range = range_from(first);
  return slice;
}

// ---------------------------------------------------------------------------------------------
// atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple | group | genexp | list
//     | listcomp | dict | set | dictcomp | setcomp | '...'

Expr* Parser::parse_atom() {
  const Token token = current();
  switch (token.kind) {
    case TokenKind::Name: {
      advance();
      auto* name = new_node<Name>(arena_, range_of(token));
      name->id = arena_.intern(token_text(token));
      return name;
    }
    case TokenKind::True:
    case TokenKind::False:
    case TokenKind::None:
    case TokenKind::Ellipsis: {
      advance();
      auto* constant = new_node<Constant>(arena_, range_of(token));
      constant->value = token.kind == TokenKind::True    ? ConstantKind::True
                        : token.kind == TokenKind::False ? ConstantKind::False
                        : token.kind == TokenKind::None  ? ConstantKind::None
                                                         : ConstantKind::Ellipsis;
      return constant;
    }
    case TokenKind::Number:
      advance();
      return parse_number(token);
    case TokenKind::String: return parse_strings();
    case TokenKind::LeftParen: return parse_parenthesized();
    case TokenKind::LeftBracket: return parse_list_display();
    case TokenKind::LeftBrace: return parse_brace_display();
    default: return fail();
  }
}

// tuple | group | genexp, and the invalid_group / invalid_comprehension messages.
Expr* Parser::parse_parenthesized() {
  NestingGuard guard(*this, "expression");
  if (guard.too_deep()) return nullptr;
  const Token open = advance();
  return parse_parenthesized_contents(open, TokenKind::RightParen);
}

// What follows an opening parenthesis, up to and including `closing`.
Expr* Parser::parse_parenthesized_contents(Token open, TokenKind closing) {
  // In an f-string expression the end of the text stands for the closing parenthesis.
  // Consumes `closing` and returns the range from `open` to it.
  auto close = [&] {
    if (closing != TokenKind::EndOfFile) {
      advance();
      return range_from(open);
    }
    SourceRange range = range_from(open);
    range.end_line = current().end_line;
    range.end_col = current().end_col;
    return range;
  };
  if (at(closing)) {
    return new_node<Tuple>(arena_, close());
  }
  if (at(TokenKind::Yield)) {
    Expr* yield = parse_yield_expression();
    if (yield == nullptr) return nullptr;
    if (!accept(closing)) return fail();
    return yield;
  }
  if (at(TokenKind::DoubleStar)) {
    // invalid_group: '(' '**' expression ')'
    const Token stars = advance();
    Expr* value = parse_expression();
    if (value == nullptr) return nullptr;
    if (at(closing)) return raise_at_token(stars, "cannot use double starred expression here");
    return fail();
  }
  Expr* first = parse_star_named_expression();
  if (first == nullptr) return nullptr;
  if (first->kind == ExprKind::Starred) {
    if (at(closing)) return raise_at(first->range, "cannot use starred expression here");
    if (at_comprehension()) {
      std::vector<Comprehension*> clauses;
      if (!parse_comprehension_clauses(clauses)) return nullptr;
      return raise_at(first->range, "iterable unpacking cannot be used in comprehension");
    }
  }
  if (at_comprehension()) {
    std::vector<Comprehension*> clauses;
    if (!parse_comprehension_clauses(clauses)) return nullptr;
    if (!at(closing)) return fail();
    auto* generator = new_node<GeneratorExp>(arena_, close());
    generator->elt = first;
    generator->generators = arena_.copy_list(clauses);
    return generator;
  }
  if (accept(closing)) return first;  // a group
  if (!at(TokenKind::Comma)) return fail();
  std::vector<Expr*> elements{first};
  advance();
  if (!parse_star_named_expressions(elements, closing)) return nullptr;
  if (!at(closing)) return fail();
  auto* tuple = new_node<Tuple>(arena_, close());
  tuple->elts = arena_.copy_list(elements);
  return tuple;
}

// list: '[' [star_named_expressions] ']' | listcomp: '[' named_expression for_if_clauses ']'
Expr* Parser::parse_list_display() {
  NestingGuard guard(*this, "expression");
  if (guard.too_deep()) return nullptr;
  const Token open = advance();
  std::vector<Expr*> elements;
  if (!at(TokenKind::RightBracket)) {
    Expr* first = parse_star_named_expression();
    if (first == nullptr) return nullptr;
    if (at_comprehension()) {
      std::vector<Comprehension*> clauses;
      if (!parse_comprehension_clauses(clauses)) return nullptr;
      if (first->kind == ExprKind::Starred) {
        return raise_at(first->range, "iterable unpacking cannot be used in comprehension");
      }
      if (!accept(TokenKind::RightBracket)) return fail();
      auto* comprehension = new_node<ListComp>(arena_, range_from(open));
      comprehension->elt = first;
      comprehension->generators = arena_.copy_list(clauses);
      return comprehension;
    }
    elements.push_back(first);
    while (accept(TokenKind::Comma)) {
      if (at_comprehension()) {
        report_unparenthesized_comprehension_target(elements, tokens_[mark() - 1]);
        return nullptr;
      }
      if (at(TokenKind::RightBracket)) break;
      Expr* element = parse_star_named_expression();
      if (element == nullptr) return nullptr;
      elements.push_back(element);
    }
    if (at_comprehension()) {
      report_unparenthesized_comprehension_target(elements, tokens_[mark() - 1]);
      return nullptr;
    }
  }
  if (!accept(TokenKind::RightBracket)) return fail();
  auto* list = new_node<List>(arena_, range_from(open));
  list->elts = arena_.copy_list(elements);
  return list;
}

// invalid_comprehension: ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
//                      | ('[' | '{') a=star_named_expression b=',' for_if_clauses
void Parser::report_unparenthesized_comprehension_target(const std::vector<Expr*>& elements, Token last) {
  std::vector<Comprehension*> clauses;
  bool clauses_parse = speculate<Comprehension>(
                           [&]() -> Comprehension* {
                             if (!parse_comprehension_clauses(clauses) || clauses.empty()) return nullptr;
                             return clauses.front();
                           },
                           true) != nullptr;
  if (failed()) return;
  if (!clauses_parse) {
    fail();
    return;
  }
  const char* message = "did you forget parentheses around the comprehension target?";
  if (elements.size() == 1) {
    raise_range(elements.front()->range, range_of(last), message);
  } else {
    raise_range(elements.front()->range, elements.back()->range, message);
  }
}

// dict | set | dictcomp | setcomp, with the invalid_double_starred_kvpairs / invalid_kvpair /
// invalid_dict_comprehension messages.
Expr* Parser::parse_brace_display() {
  NestingGuard guard(*this, "expression");
  if (guard.too_deep()) return nullptr;
  const Token open = advance();
  if (accept(TokenKind::RightBrace)) return new_node<Dict>(arena_, range_from(open));

  std::vector<Expr*> keys;
  std::vector<Expr*> values;
  std::vector<Expr*> elements;
  bool is_dict = false;
  for (;;) {
    if (at(TokenKind::DoubleStar)) {
      if (!keys.empty() || elements.empty()) is_dict = true;
      if (!is_dict) return fail();
      const Token stars = advance();
      Expr* mapping = parse_bitwise_or();
      if (mapping == nullptr) return nullptr;
      if (keys.empty() && at_comprehension()) {
        std::vector<Comprehension*> clauses;
        if (!parse_comprehension_clauses(clauses)) return nullptr;
        if (at(TokenKind::RightBrace)) return raise_at_token(stars, "dict unpacking cannot be used in dict comprehension");
        return fail();
      }
      keys.push_back(nullptr);
      values.push_back(mapping);
    } else {
      bool first_element = keys.empty() && elements.empty();
      // After a key/value pair, a key that is not followed by ':' is reported as such, even when
      // another expression follows it (CPython does not try "Perhaps you forgot a comma?" there).
      if (is_dict) suppress_invalid_checks_ += 1;
      Expr* element = parse_star_named_expression();
      if (is_dict) suppress_invalid_checks_ -= 1;
      if (element == nullptr) return nullptr;
      if (at(TokenKind::Colon) && (is_dict || first_element) && element->kind != ExprKind::Starred) {
        is_dict = true;
        const Token colon = advance();
        if (at(TokenKind::Star)) {
          const Token star = advance();
          if (parse_bitwise_or() == nullptr) return nullptr;
          return raise_starting_from(range_of(star), "cannot use a starred expression in a dictionary value");
        }
        if (at(TokenKind::RightBrace) || at(TokenKind::Comma)) {
          return raise_at_token(colon, "expression expected after dictionary key and ':'");
        }
        Expr* value = parse_expression();
        if (value == nullptr) return nullptr;
        if (first_element && at_comprehension()) {
          std::vector<Comprehension*> clauses;
          if (!parse_comprehension_clauses(clauses)) return nullptr;
          if (!accept(TokenKind::RightBrace)) return fail();
          auto* comprehension = new_node<DictComp>(arena_, range_from(open));
          comprehension->key = element;
          comprehension->value = value;
          comprehension->generators = arena_.copy_list(clauses);
          return comprehension;
        }
        keys.push_back(element);
        values.push_back(value);
      } else if (is_dict) {
        // invalid_kvpair: a=expression !(':')
        if (!at(TokenKind::Colon) && element->kind != ExprKind::Starred) {
          // CPython's location mixes the key's first line with its end column; a column past
          // that line's end is clipped to just after it (_PyPegen_byte_offset_to_character_offset).
          const int line = element->range.line;
          const std::string_view text = source_.line_text(line);
          const int line_width = source_.column_of(line, source_.line_start(line) + static_cast<uint32_t>(text.size()));
          return raise_error(SyntaxErrorKind::SyntaxError, "':' expected after dictionary key", line,
                             std::min(element->range.end_col, line_width + 1), element->range.end_line, 0);
        }
        return fail();
      } else {
        if (first_element && at_comprehension()) {
          std::vector<Comprehension*> clauses;
          if (!parse_comprehension_clauses(clauses)) return nullptr;
          if (element->kind == ExprKind::Starred) {
            return raise_at(element->range, "iterable unpacking cannot be used in comprehension");
          }
          if (!accept(TokenKind::RightBrace)) return fail();
          auto* comprehension = new_node<SetComp>(arena_, range_from(open));
          comprehension->elt = element;
          comprehension->generators = arena_.copy_list(clauses);
          return comprehension;
        }
        elements.push_back(element);
      }
    }
    if (!accept(TokenKind::Comma)) break;
    if (at(TokenKind::RightBrace)) break;
    if (!is_dict && at_comprehension()) {
      report_unparenthesized_comprehension_target(elements, tokens_[mark() - 1]);
      return nullptr;
    }
  }
  if (!is_dict && at_comprehension() && !elements.empty()) {
    report_unparenthesized_comprehension_target(elements, tokens_[mark() - 1]);
    return nullptr;
  }
  if (!accept(TokenKind::RightBrace)) return fail();
  if (is_dict) {
    auto* dict = new_node<Dict>(arena_, range_from(open));
    dict->keys = arena_.copy_list(keys);
    dict->values = arena_.copy_list(values);
    return dict;
  }
  auto* set = new_node<Set>(arena_, range_from(open));
  set->elts = arena_.copy_list(elements);
  return set;
}

// lambdef: 'lambda' [lambda_params] ':' expression
Expr* Parser::parse_lambda() {
  const Token keyword = advance();
  Arguments* arguments = parse_parameters(TokenKind::Colon, true);
  if (arguments == nullptr) return nullptr;
  if (!accept(TokenKind::Colon)) return fail();
  Expr* body = parse_expression();
  if (body == nullptr) return nullptr;
  auto* lambda = new_node<Lambda>(arena_, range_from(keyword));
  lambda->args = arguments;
  lambda->body = body;
  return lambda;
}

// for_if_clauses: ([ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+
bool Parser::parse_comprehension_clauses(std::vector<Comprehension*>& out) {
  while (at_comprehension()) {
    const Token first = current();
    bool is_async = false;
    if (at(TokenKind::Async)) {
      advance();
      is_async = true;
      note_unsupported(join(range_of(first), range_of(current())), "asynchronous comprehensions are not supported by Stitch");
    }
    advance();  // 'for'
    Expr* target = parse_for_target();
    if (target == nullptr) return false;
    advance();  // 'in'
    Expr* iter = parse_disjunction();
    if (iter == nullptr) return false;
    std::vector<Expr*> conditions;
    while (accept(TokenKind::If)) {
      Expr* condition = parse_disjunction();
      if (condition == nullptr) return false;
      conditions.push_back(condition);
    }
    auto* clause = arena_.make<Comprehension>();
    clause->range = range_from(first);
    clause->target = target;
    clause->iter = iter;
    clause->ifs = arena_.copy_list(conditions);
    clause->is_async = is_async;
    out.push_back(clause);
  }
  return true;
}

}  // namespace stitch::compiler
