// Call arguments (CPython's `arguments` / `args` / `kwargs` rules and invalid_arguments,
// invalid_kwarg) and parameter lists of def and lambda (`params`, `lambda_params` and
// invalid_parameters, invalid_star_etc, invalid_kwds, invalid_default).
#include "core/compiler/parser_internal.h"

namespace stitch::compiler {

namespace {

const Expr* last_comprehension_item(const Comprehension* clause) {
  return clause->ifs.empty() ? clause->iter : clause->ifs.back();
}

}  // namespace

// primary '(' [arguments] ')' | primary genexp. With `function` == nullptr this parses a class's
// base list (no generator argument allowed); the result is still a Call.
Expr* Parser::parse_call(Expr* function, Token first, bool allow_generator) {
  NestingGuard guard(*this, "expression");
  if (guard.too_deep()) return nullptr;
  const Token open = advance();  // '('
  std::vector<Expr*> args;
  std::vector<Keyword*> keywords;
  bool seen_keyword = false;
  bool seen_keyword_unpacking = false;
  bool positional_follows_keyword = false;
  bool follows_keyword_unpacking = false;
  while (!at(TokenKind::RightParen)) {
    if (at(TokenKind::Star)) {
      const Token star = advance();
      if (seen_keyword_unpacking && invalid_checks_enabled()) {
        return raise_at_token(star, "iterable argument unpacking follows keyword argument unpacking");
      }
      Expr* value = parse_expression();
      if (value == nullptr) return nullptr;
      auto* starred = new_node<Starred>(arena_, range_from(star));
      starred->value = value;
      args.push_back(starred);
    } else if (at(TokenKind::DoubleStar)) {
      const Token stars = advance();
      Expr* value = parse_expression();
      if (value == nullptr) return nullptr;
      auto* keyword = arena_.make<Keyword>();
      keyword->value = value;
      keyword->range = range_from(stars);
      keywords.push_back(keyword);
      seen_keyword = seen_keyword_unpacking = true;
    } else if (at(TokenKind::Name) && peek(1).kind == TokenKind::Equal) {
      const Token name = advance();
      const Token equal = advance();
      Expr* value = parse_expression();
      if (value == nullptr) return nullptr;
      if (at_comprehension() && invalid_checks_enabled()) {
        // invalid_kwarg: NAME '=' expression for_if_clauses
        std::vector<Comprehension*> clauses;
        if (!parse_comprehension_clauses(clauses)) return nullptr;
        return raise_range(range_of(name), range_of(equal),
                           "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
      auto* keyword = arena_.make<Keyword>();
      keyword->arg = arena_.intern(token_text(name));
      keyword->value = value;
      keyword->range = range_from(name);
      keywords.push_back(keyword);
      seen_keyword = true;
    } else if ((at(TokenKind::True) || at(TokenKind::False) || at(TokenKind::None)) &&
               peek(1).kind == TokenKind::Equal && invalid_checks_enabled()) {
      // invalid_kwarg: ('True'|'False'|'None') '='
      const Token constant = advance();
      const Token equal = advance();
      return raise_range(range_of(constant), range_of(equal), "cannot assign to " + std::string(token_text(constant)));
    } else {
      // After a keyword argument CPython's first pass does not parse positional arguments (only
      // the second pass does, to report them).
      auto parse_positional = [&] {
        return (at(TokenKind::Name) && peek(1).kind == TokenKind::ColonEqual) ? parse_named_expression()
                                                                            : parse_expression();
      };
      Expr* value = seen_keyword ? speculate<Expr>(parse_positional, true) : parse_positional();
      if (failed()) return nullptr;
      if (value == nullptr) return fail();
      if (at(TokenKind::Equal)) {
        if (!invalid_checks_enabled()) return fail();
        // invalid_kwarg: !(NAME '=') expression '='
        return raise_range(value->range, range_of(current()),
                           "expression cannot contain assignment, perhaps you meant \"==\"?");
      }
      if (at_comprehension()) {
        if (!allow_generator) return fail();
        bool alone = args.empty() && keywords.empty();
        std::vector<Comprehension*> clauses;
        if (alone) {
          if (!parse_comprehension_clauses(clauses)) return nullptr;
        } else {
          // Only CPython's second pass (invalid_arguments) reads these clauses.
          bool parsed = speculate<Comprehension>(
                            [&]() -> Comprehension* {
                              if (!parse_comprehension_clauses(clauses)) return nullptr;
                              return clauses.empty() ? nullptr : clauses.front();
                            },
                            true) != nullptr;
          if (failed()) return nullptr;
          if (!parsed) return fail();
        }
        if (alone && at(TokenKind::RightParen)) {
          advance();
          auto* generator = new_node<GeneratorExp>(arena_, range_from(open));
          generator->elt = value;
          generator->generators = arena_.copy_list(clauses);
          auto* call = new_node<Call>(arena_, range_from(first));
          call->func = function;
          call->args = arena_.copy_list(std::vector<Expr*>{generator});
          return call;
        }
        // invalid_arguments: a lone generator must be followed by ','; after other arguments it
        // is always an error.
        if (!invalid_checks_enabled() || (alone && !at(TokenKind::Comma))) return fail();
        return raise_range(value->range, last_comprehension_item(clauses.back())->range,
                           "Generator expression must be parenthesized");
      }
      if (seen_keyword && !positional_follows_keyword) {
        positional_follows_keyword = true;
        follows_keyword_unpacking = seen_keyword_unpacking;
      }
      args.push_back(value);
    }
    if (!accept(TokenKind::Comma)) break;
  }
  if (positional_follows_keyword) {
    if (!invalid_checks_enabled()) return fail();
    return raise_at_last_token(follows_keyword_unpacking ? "positional argument follows keyword argument unpacking"
                                                         : "positional argument follows keyword argument");
  }
  if (!accept(TokenKind::RightParen)) return fail();
  auto* call = new_node<Call>(arena_, range_from(first));
  call->func = function;
  call->args = arena_.copy_list(args);
  call->keywords = arena_.copy_list(keywords);
  return call;
}

// A parameter: NAME [':' expression] (no annotation in a lambda); *args may be annotated with a
// starred expression (PEP 646: `*args: *Ts`).
Arg* Parser::parse_parameter(bool is_lambda, bool allow_star_annotation) {
  const Token name = advance();
  auto* arg = arena_.make<Arg>();
  arg->name = arena_.intern(token_text(name));
  if (!is_lambda && accept(TokenKind::Colon)) {
    arg->annotation = allow_star_annotation ? parse_star_expression() : parse_expression();
    if (arg->annotation == nullptr) return nullptr;
  }
  arg->range = range_from(name);
  return arg;
}

// The parameters of a def (closing ')') or lambda (closing ':'), up to the closing token.
Arguments* Parser::parse_parameters(TokenKind closing, bool is_lambda) {
  std::vector<Arg*> positional;
  std::vector<Arg*> positional_only;
  std::vector<Expr*> defaults;
  std::vector<Arg*> keyword_only;
  std::vector<Expr*> keyword_defaults;
  Arg* vararg = nullptr;
  Arg* kwarg = nullptr;
  bool seen_slash = false;
  bool seen_star = false;
  bool seen_default = false;
  const char* parenthesized_message =
      is_lambda ? "Lambda expression parameters cannot be parenthesized" : "Function parameters cannot be parenthesized";

  auto parse_default = [&](Expr*& out) -> bool {
    if (!at(TokenKind::Equal)) return true;
    const Token equal = advance();
    if (at(TokenKind::Comma) || at(TokenKind::RightParen)) {  // invalid_default: '=' &(')'|',')
      raise_at_token(equal, "expected default value expression");
      return false;
    }
    out = parse_expression();
    return out != nullptr;
  };

  while (!at(closing)) {
    if (kwarg != nullptr) {
      // invalid_kwds: '**' param ',' (param | '*' | '**' | '/')
      if (at(TokenKind::Name)) {
        Arg* extra = parse_parameter(is_lambda);
        if (extra == nullptr) return nullptr;
        return raise_at(extra->range, "arguments cannot follow var-keyword argument");
      }
      if (at(TokenKind::Star) || at(TokenKind::DoubleStar) || at(TokenKind::Slash)) {
        return raise_at_token(current(), "arguments cannot follow var-keyword argument");
      }
      return fail();
    }
    if (at(TokenKind::Slash)) {
      const Token slash = current();
      if (positional.empty() && !seen_slash && !seen_star) {
        if (peek_diagnostic(1).kind == TokenKind::Comma) {
          return raise_at_token(slash, "at least one argument must precede /");
        }
        return fail();
      }
      advance();
      if (seen_star) return raise_at_token(slash, "/ must be ahead of *");
      if (seen_slash) return raise_at_token(slash, "/ may appear only once");
      if (at(TokenKind::Star)) return raise_at_token(current(), "expected comma between / and *");
      seen_slash = true;
      positional_only = std::move(positional);
      positional.clear();
    } else if (at(TokenKind::Star)) {
      const Token star = advance();
      if (seen_star) {
        if (at(TokenKind::Name) || at(TokenKind::Comma)) return raise_at_token(star, "* argument may appear only once");
        return fail();
      }
      seen_star = true;
      if (at(TokenKind::Name)) {
        vararg = parse_parameter(is_lambda, true);
        if (vararg == nullptr) return nullptr;
        if (at(TokenKind::Equal)) return raise_at_token(current(), "var-positional argument cannot have default value");
      } else if (at(closing) ||
                 (at(TokenKind::Comma) && (peek(1).kind == closing || peek(1).kind == TokenKind::DoubleStar))) {
        if (is_lambda) return raise_at_last_token("named arguments must follow bare *");
        return raise_at_token(star, "named arguments must follow bare *");
      } else if (!at(TokenKind::Comma)) {
        return fail();
      }
    } else if (at(TokenKind::DoubleStar)) {
      advance();
      if (!at(TokenKind::Name)) return fail();
      kwarg = parse_parameter(is_lambda);
      if (kwarg == nullptr) return nullptr;
      if (at(TokenKind::Equal)) return raise_at_token(current(), "var-keyword argument cannot have default value");
    } else if (at(TokenKind::LeftParen) && !seen_default && !seen_star && !seen_slash) {
      // invalid_parameters: param_no_default* '(' param_no_default+ ','? ')' (second pass only)
      const Token open = current();
      size_t before = mark();
      Token close;
      bool parenthesized = false;
      {
        DiagnosticScope diagnostic(*this);
        advance();
        bool any = false;
        while (!failed() && at(TokenKind::Name) && peek(1).kind != TokenKind::Equal) {
          if (parse_parameter(is_lambda) == nullptr) break;
          any = true;
          if (!accept(TokenKind::Comma)) break;
        }
        parenthesized = !failed() && any && at(TokenKind::RightParen);
        close = current();
      }
      if (error_) return nullptr;
      no_match_ = false;
      reset(before);
      if (parenthesized) return raise_range(range_of(open), range_of(close), parenthesized_message);
      return fail();
    } else if (at(TokenKind::Name)) {
      Arg* arg = parse_parameter(is_lambda);
      if (arg == nullptr) return nullptr;
      Expr* default_value = nullptr;
      if (!parse_default(default_value)) return nullptr;
      if (seen_star) {
        keyword_only.push_back(arg);
        keyword_defaults.push_back(default_value);
      } else {
        if (default_value != nullptr) {
          seen_default = true;
          defaults.push_back(default_value);
        } else if (seen_default && (at(TokenKind::Comma) || at(closing))) {
          return raise_at(arg->range, "non-default argument follows default argument");
        }
        positional.push_back(arg);
      }
    } else {
      return fail();
    }
    if (!accept(TokenKind::Comma)) break;
    if (at(TokenKind::Slash) && seen_slash && kwarg == nullptr) return raise_at_token(current(), "/ may appear only once");
  }
  auto* arguments = arena_.make<Arguments>();
  arguments->posonlyargs = arena_.copy_list(positional_only);
  arguments->args = arena_.copy_list(positional);
  arguments->defaults = arena_.copy_list(defaults);
  arguments->vararg = vararg;
  arguments->kwonlyargs = arena_.copy_list(keyword_only);
  arguments->kw_defaults = arena_.copy_list(keyword_defaults);
  arguments->kwarg = kwarg;
  return arguments;
}

}  // namespace stitch::compiler
