// Assignment, deletion and loop targets: CPython's star_targets / del_targets rules, their
// validation when a target was parsed as an expression, and the messages of invalid_assignment,
// invalid_for_target and invalid_del_stmt ("cannot assign to function call", ...).
#include "core/compiler/parser_internal.h"

namespace stitch::compiler {

namespace {

// The leftmost sub-expression whose first token starts `expr`.
const Expr* leftmost_operand(const Expr* expr) {
  for (;;) {
    switch (expr->kind) {
      case ExprKind::BinOp: expr = expr->as<BinOp>()->left; break;
      case ExprKind::Compare: expr = expr->as<Compare>()->left; break;
      case ExprKind::BoolOp: expr = expr->as<BoolOp>()->values[0]; break;
      case ExprKind::IfExp: expr = expr->as<IfExp>()->body; break;
      case ExprKind::Call: expr = expr->as<Call>()->func; break;
      case ExprKind::Attribute: expr = expr->as<Attribute>()->value; break;
      case ExprKind::Subscript: expr = expr->as<Subscript>()->value; break;
      default: return expr;
    }
  }
}

bool starts_at(const Expr* expr, const Token& token) {
  return expr->range.line == token.line && expr->range.col == token.col;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Validity

// star_targets: Name, Attribute, Subscript, *target, and tuples/lists of those.
bool Parser::is_valid_star_target(const Expr* expr) const {
  switch (expr->kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript: return true;
    case ExprKind::Starred: {
      const Expr* value = expr->as<Starred>()->value;
      return value->kind != ExprKind::Starred && is_valid_star_target(value);
    }
    case ExprKind::Tuple:
      for (const Expr* element : expr->as<Tuple>()->elts) {
        if (!is_valid_star_target(element)) return false;
      }
      return true;
    case ExprKind::List:
      for (const Expr* element : expr->as<List>()->elts) {
        if (!is_valid_star_target(element)) return false;
      }
      return true;
    default: return false;
  }
}

// del_targets: like star_targets without starred items.
bool Parser::is_valid_del_target(const Expr* expr) const {
  switch (expr->kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript: return true;
    case ExprKind::Tuple:
      for (const Expr* element : expr->as<Tuple>()->elts) {
        if (!is_valid_del_target(element)) return false;
      }
      return true;
    case ExprKind::List:
      for (const Expr* element : expr->as<List>()->elts) {
        if (!is_valid_del_target(element)) return false;
      }
      return true;
    default: return false;
  }
}

// CPython's _PyPegen_get_invalid_target: the sub-expression to blame, or nullptr.
const Expr* Parser::find_invalid_target(const Expr* expr, int targets_type) const {
  switch (expr->kind) {
    case ExprKind::List:
      for (const Expr* element : expr->as<List>()->elts) {
        if (const Expr* invalid = find_invalid_target(element, targets_type)) return invalid;
      }
      return nullptr;
    case ExprKind::Tuple:
      for (const Expr* element : expr->as<Tuple>()->elts) {
        if (const Expr* invalid = find_invalid_target(element, targets_type)) return invalid;
      }
      return nullptr;
    case ExprKind::Starred:
      if (targets_type == kDelTargets) return expr;
      return find_invalid_target(expr->as<Starred>()->value, targets_type);
    case ExprKind::Compare:
      // `for a in b` parses as a comparison when reparsed as an expression.
      if (targets_type == kForTargets) {
        const Compare* compare = expr->as<Compare>();
        if (compare->ops[0] == CompareOperator::In) return find_invalid_target(compare->left, targets_type);
        return nullptr;
      }
      return expr;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute: return nullptr;
    default: return expr;
  }
}

void Parser::set_store_context(Expr* expr, ExprContext context) {
  switch (expr->kind) {
    case ExprKind::Name: expr->as<Name>()->ctx = context; break;
    case ExprKind::Attribute: expr->as<Attribute>()->ctx = context; break;
    case ExprKind::Subscript: expr->as<Subscript>()->ctx = context; break;
    case ExprKind::Starred:
      expr->as<Starred>()->ctx = context;
      set_store_context(expr->as<Starred>()->value, context);
      break;
    case ExprKind::Tuple:
      expr->as<Tuple>()->ctx = context;
      for (Expr* element : expr->as<Tuple>()->elts) set_store_context(element, context);
      break;
    case ExprKind::List:
      expr->as<List>()->ctx = context;
      for (Expr* element : expr->as<List>()->elts) set_store_context(element, context);
      break;
    default: break;
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing targets

// star_targets: star_target !',' | star_target (',' star_target)* [',']
Expr* Parser::parse_star_targets() {
  const Token first = current();
  Expr* target = parse_star_target();
  if (target == nullptr || !at(TokenKind::Comma)) return target;
  std::vector<Expr*> elements{target};
  while (accept(TokenKind::Comma)) {
    if (!at(TokenKind::Name) && !at(TokenKind::LeftParen) && !at(TokenKind::LeftBracket) && !at(TokenKind::Star)) break;
    target = parse_star_target();
    if (target == nullptr) return nullptr;
    elements.push_back(target);
  }
  auto* tuple = new_node<Tuple>(arena_, range_from(first));
  tuple->elts = arena_.copy_list(elements);
  return tuple;
}

// star_target: '*' (!'*' star_target) | target_with_star_atom
Expr* Parser::parse_star_target() {
  if (at(TokenKind::Star)) {
    const Token star = advance();
    if (at(TokenKind::Star)) return fail();
    Expr* value = parse_star_target();
    if (value == nullptr) return nullptr;
    if (value->kind == ExprKind::Starred) return fail();
    auto* starred = new_node<Starred>(arena_, range_from(star));
    starred->value = value;
    return starred;
  }
  Expr* target = parse_primary();
  if (target == nullptr) return nullptr;
  if (!is_valid_star_target(target)) return fail();
  return target;
}

// The target of a for loop or comprehension clause, up to (not including) 'in';
// invalid_for_target reports a target that is not assignable.
Expr* Parser::parse_for_target() {
  size_t start = mark();
  Expr* target = speculate<Expr>(
      [&]() -> Expr* {
        Expr* parsed = parse_star_targets();
        if (parsed == nullptr) return nullptr;
        if (!at(TokenKind::In)) return fail();
        return parsed;
      },
      false);
  if (failed()) return nullptr;
  if (target != nullptr) {
    set_store_context(target, ExprContext::Store);
    return target;
  }
  if (!invalid_checks_enabled()) return fail();
  Expr* expression = speculate<Expr>([&] { return parse_star_expressions(); }, true);
  if (failed()) return nullptr;
  if (expression != nullptr) {
    if (const Expr* invalid = find_invalid_target(expression, kForTargets)) {
      return raise_at(invalid->range, "cannot assign to " + std::string(expr_description(*invalid)));
    }
  }
  reset(start);
  return fail();
}

// ---------------------------------------------------------------------------------------------
// invalid_assignment

// Index of the bracket closing the one at `open_index` (the first later token back at the depth
// outside it), or tokens_.size() if it has not been read.
size_t Parser::matching_close_index(size_t open_index) const {
  int outside = tokens_[open_index].bracket_depth - 1;
  for (size_t i = open_index + 1; i < tokens_.size(); ++i) {
    if (tokens_[i].bracket_depth == outside) return i;
  }
  return tokens_.size();
}

// Can a `bitwise_or` parsed at the expression's first token (tokens [start, end)) cover it all?
bool Parser::is_bitwise_or_level(const Expr* expr, size_t start_index, size_t end_index) const {
  const Token& start = tokens_[start_index];
  if (start.kind == TokenKind::LeftParen && matching_close_index(start_index) + 1 == end_index) return true;
  switch (expr->kind) {
    case ExprKind::Compare:
    case ExprKind::BoolOp:
    case ExprKind::IfExp:
    case ExprKind::Lambda:
    case ExprKind::NamedExpr:
    case ExprKind::Starred:
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
    case ExprKind::Tuple:  // a parenthesized tuple was handled above
      return false;
    case ExprKind::UnaryOp: return expr->as<UnaryOp>()->op != UnaryOperator::Not;
    default: return true;
  }
}

// The lookahead !(list|tuple|genexp|'True'|'None'|'False') at the expression's first token.
bool Parser::starts_with_display_or_singleton(const Expr* expr, size_t start_index) const {
  const Token& start = tokens_[start_index];
  switch (start.kind) {
    case TokenKind::True:
    case TokenKind::False:
    case TokenKind::None: return true;
    case TokenKind::LeftBracket: {
      const Expr* atom = leftmost_operand(expr);
      return atom->kind == ExprKind::List && starts_at(atom, start);
    }
    case TokenKind::LeftParen: {
      const Expr* atom = leftmost_operand(expr);
      return (atom->kind == ExprKind::Tuple || atom->kind == ExprKind::GeneratorExp) && starts_at(atom, start);
    }
    default: return false;
  }
}

// Some target of `targets[0] = targets[1] = ... = value` cannot be assigned to (`value` may be
// missing when it did not parse). CPython's second pass tries, in order: invalid_named_expression
// on the elements of the first target (only the last one is directly followed by '='), then the
// first invalid target of the chain. Returns whether an error was raised.
bool Parser::report_invalid_assignment(const AssignmentChain& chain, const StatementShape& shape) {
  const std::vector<Expr*>& targets = chain.targets;
  const Expr* right = targets.size() > 1 ? targets[1] : chain.value;
  size_t element_end = chain.right_index - 1;  // the '=' after the first target
  if (shape.is_bare_tuple) element_end = shape.element_ends.back();
  // invalid_named_expression needs the first target's last element directly before the '='.
  if (!chain.is_bare_yield[0] && right != nullptr && tokens_[element_end].kind == TokenKind::Equal) {
    const Expr* element = targets[0];
    size_t element_start = chain.first_index;
    if (shape.is_bare_tuple) {
      element = targets[0]->as<Tuple>()->elts.back();
      element_start = shape.element_starts.back();
    }
    // The right-hand side of the first '=': a bitwise_or must start it and must not be followed
    // by another '='.
    const Expr* right = targets.size() > 1 ? targets[1] : chain.value;
    const Token right_first = tokens_[chain.right_index];
    bool starts_bitwise_or = starts_expression(right_first) && right_first.kind != TokenKind::Not &&
                             right_first.kind != TokenKind::Lambda;
    bool right_is_bitwise_or = is_bitwise_or_level(right, chain.right_index, chain.right_end_index);
    if (starts_bitwise_or && !(right_is_bitwise_or && targets.size() > 1)) {
      // The leading bitwise_or of the right-hand side, for the message range.
      const Expr* leading = right;
      if (!right_is_bitwise_or) {
        if (leading->kind == ExprKind::Tuple) leading = leading->as<Tuple>()->elts[0];
        while (starts_at(leading, right_first)) {
          const Expr* next = leading;
          if (leading->kind == ExprKind::Compare) next = leading->as<Compare>()->left;
          if (leading->kind == ExprKind::BoolOp) next = leading->as<BoolOp>()->values[0];
          if (leading->kind == ExprKind::IfExp) next = leading->as<IfExp>()->body;
          if (next == leading) break;
          leading = next;
        }
      }
      const Token element_first = tokens_[element_start];
      if (element->kind == ExprKind::Name && element_first.kind == TokenKind::Name) {
        raise_range(element->range, leading->range, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return true;
      }
      if (is_bitwise_or_level(element, element_start, element_end) &&
          !starts_with_display_or_singleton(element, element_start)) {
        raise_at(element->range, "cannot assign to " + std::string(expr_description(*element)) +
                                     " here. Maybe you meant '==' instead of '='?");
        return true;
      }
    }
  }
  for (size_t i = 0; i < targets.size(); ++i) {
    if (is_valid_star_target(targets[i])) continue;
    if (chain.is_bare_yield[i]) {
      raise_at(targets[i]->range, "assignment to yield expression not possible");
      return true;
    }
    if (const Expr* invalid = find_invalid_target(targets[i], kStarTargets)) {
      raise_at(invalid->range, "cannot assign to " + std::string(expr_description(*invalid)));
      return true;
    }
    return false;
  }
  return false;
}

}  // namespace stitch::compiler
