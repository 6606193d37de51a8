#include "core/compiler/token.h"

#include <initializer_list>

namespace stitch::compiler {

std::string_view token_kind_spelling(TokenKind kind) {
  switch (kind) {
#define STITCH_TOKEN_CASE(name, spelling) \
  case TokenKind::name: return spelling;
    STITCH_TOKEN_KINDS(STITCH_TOKEN_CASE)
#undef STITCH_TOKEN_CASE
  }
  return "?";
}

TokenKind keyword_kind(std::string_view word) {
  // Dispatch on the first letter, then compare against the few keywords starting with it.
  auto match = [&](std::initializer_list<TokenKind> candidates) {
    for (TokenKind kind : candidates) {
      if (token_kind_spelling(kind) == word) return kind;
    }
    return TokenKind::Name;
  };
  if (word.size() < 2 || word.size() > 8) return TokenKind::Name;
  switch (word[0]) {
    case 'F': return match({TokenKind::False});
    case 'N': return match({TokenKind::None});
    case 'T': return match({TokenKind::True});
    case 'a': return match({TokenKind::And, TokenKind::As, TokenKind::Assert, TokenKind::Async, TokenKind::Await});
    case 'b': return match({TokenKind::Break});
    case 'c': return match({TokenKind::Class, TokenKind::Continue});
    case 'd': return match({TokenKind::Def, TokenKind::Del});
    case 'e': return match({TokenKind::Elif, TokenKind::Else, TokenKind::Except});
    case 'f': return match({TokenKind::Finally, TokenKind::For, TokenKind::From});
    case 'g': return match({TokenKind::Global});
    case 'i': return match({TokenKind::If, TokenKind::Import, TokenKind::In, TokenKind::Is});
    case 'l': return match({TokenKind::Lambda});
    case 'n': return match({TokenKind::Nonlocal, TokenKind::Not});
    case 'o': return match({TokenKind::Or});
    case 'p': return match({TokenKind::Pass});
    case 'r': return match({TokenKind::Raise, TokenKind::Return});
    case 't': return match({TokenKind::Try});
    case 'w': return match({TokenKind::While, TokenKind::With});
    case 'y': return match({TokenKind::Yield});
    default: return TokenKind::Name;
  }
}

bool is_keyword(TokenKind kind) {
  return static_cast<int>(kind) >= static_cast<int>(TokenKind::False);
}

bool is_augmented_assignment(TokenKind kind) {
  switch (kind) {
    case TokenKind::PlusEqual:
    case TokenKind::MinusEqual:
    case TokenKind::StarEqual:
    case TokenKind::SlashEqual:
    case TokenKind::PercentEqual:
    case TokenKind::AmpersandEqual:
    case TokenKind::VerticalBarEqual:
    case TokenKind::CircumflexEqual:
    case TokenKind::LeftShiftEqual:
    case TokenKind::RightShiftEqual:
    case TokenKind::DoubleStarEqual:
    case TokenKind::DoubleSlashEqual:
    case TokenKind::AtEqual:
      return true;
    default:
      return false;
  }
}

}  // namespace stitch::compiler
