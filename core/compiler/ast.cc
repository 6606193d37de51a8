#include "core/compiler/ast.h"

namespace stitch::compiler {

std::string_view expr_kind_name(ExprKind kind) {
  switch (kind) {
#define STITCH_NAME_CASE(name) \
  case ExprKind::name: return #name;
    STITCH_EXPR_KINDS(STITCH_NAME_CASE)
#undef STITCH_NAME_CASE
  }
  return "?";
}

std::string_view stmt_kind_name(StmtKind kind) {
  switch (kind) {
#define STITCH_NAME_CASE(name) \
  case StmtKind::name: return #name;
    STITCH_STMT_KINDS(STITCH_NAME_CASE)
#undef STITCH_NAME_CASE
  }
  return "?";
}

std::string_view expr_context_name(ExprContext context) {
  switch (context) {
    case ExprContext::Load: return "Load";
    case ExprContext::Store: return "Store";
    case ExprContext::Del: return "Del";
  }
  return "?";
}

std::string_view bool_operator_name(BoolOperator op) { return op == BoolOperator::And ? "And" : "Or"; }

std::string_view binary_operator_name(BinaryOperator op) {
  switch (op) {
    case BinaryOperator::Add: return "Add";
    case BinaryOperator::Sub: return "Sub";
    case BinaryOperator::Mult: return "Mult";
    case BinaryOperator::MatMult: return "MatMult";
    case BinaryOperator::Div: return "Div";
    case BinaryOperator::Mod: return "Mod";
    case BinaryOperator::Pow: return "Pow";
    case BinaryOperator::LShift: return "LShift";
    case BinaryOperator::RShift: return "RShift";
    case BinaryOperator::BitOr: return "BitOr";
    case BinaryOperator::BitXor: return "BitXor";
    case BinaryOperator::BitAnd: return "BitAnd";
    case BinaryOperator::FloorDiv: return "FloorDiv";
  }
  return "?";
}

std::string_view binary_operator_symbol(BinaryOperator op) {
  switch (op) {
    case BinaryOperator::Add: return "+";
    case BinaryOperator::Sub: return "-";
    case BinaryOperator::Mult: return "*";
    case BinaryOperator::MatMult: return "@";
    case BinaryOperator::Div: return "/";
    case BinaryOperator::Mod: return "%";
    case BinaryOperator::Pow: return "**";
    case BinaryOperator::LShift: return "<<";
    case BinaryOperator::RShift: return ">>";
    case BinaryOperator::BitOr: return "|";
    case BinaryOperator::BitXor: return "^";
    case BinaryOperator::BitAnd: return "&";
    case BinaryOperator::FloorDiv: return "//";
  }
  return "?";
}

std::string_view unary_operator_name(UnaryOperator op) {
  switch (op) {
    case UnaryOperator::Invert: return "Invert";
    case UnaryOperator::Not: return "Not";
    case UnaryOperator::UAdd: return "UAdd";
    case UnaryOperator::USub: return "USub";
  }
  return "?";
}

std::string_view compare_operator_name(CompareOperator op) {
  switch (op) {
    case CompareOperator::Eq: return "Eq";
    case CompareOperator::NotEq: return "NotEq";
    case CompareOperator::Lt: return "Lt";
    case CompareOperator::LtE: return "LtE";
    case CompareOperator::Gt: return "Gt";
    case CompareOperator::GtE: return "GtE";
    case CompareOperator::Is: return "Is";
    case CompareOperator::IsNot: return "IsNot";
    case CompareOperator::In: return "In";
    case CompareOperator::NotIn: return "NotIn";
  }
  return "?";
}

std::string_view constant_kind_name(ConstantKind kind) {
  switch (kind) {
    case ConstantKind::None: return "None";
    case ConstantKind::True: return "True";
    case ConstantKind::False: return "False";
    case ConstantKind::Ellipsis: return "Ellipsis";
  }
  return "?";
}

std::string_view expr_description(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant:
      switch (expr.as<Constant>()->value) {
        case ConstantKind::None: return "None";
        case ConstantKind::True: return "True";
        case ConstantKind::False: return "False";
        case ConstantKind::Ellipsis: return "ellipsis";
      }
      return "literal";
    case ExprKind::Int:
    case ExprKind::Float:
    case ExprKind::Str: return "literal";
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
  }
  return "expression";
}

}  // namespace stitch::compiler
