// The abstract syntax tree: what the parser produces and the scope analysis and bytecode
// compiler consume. It mirrors CPython's `ast` module (same node kinds, same fields, same
// nesting: `elif` is an If in `orelse`, a chained comparison is one Compare) so that anyone who
// knows Python's AST can read it, with these differences:
//  - Literals are separate node kinds (Int, Float, Str, Constant for None/True/False/...).
//    Ints keep their digits (base 2, 8, 10 or 16, underscores removed) and, when the value fits,
//    an int64. Strings are UTF-8 std::strings (lone surrogates from escapes encoded as in
//    WTF-8). There are no runtime objects in the tree.
//  - Every node has a SourceRange: 1-based lines and 0-based columns counted in code points
//    (CPython counts UTF-8 bytes; code points are what a caret needs).
//  - Identifiers are interned in the module's arena (equal names have equal data pointers).
//
// Ownership: all nodes live in the Arena owned by their Module; pointers between nodes are plain
// pointers and lists are spans into the arena. Optional children are nullptr.
// Node kinds are enums; downcast with `as<T>()` after checking `kind` (or `dyn<T>()`).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/compiler/arena.h"

namespace stitch::compiler {

struct SourceRange {
  int32_t line = 0;
  int32_t col = 0;
  int32_t end_line = 0;
  int32_t end_col = 0;
};

template <typename T>
using NodeList = std::span<T* const>;

// ---------------------------------------------------------------------------------------------
// Operators

enum class ExprContext : uint8_t { Load, Store, Del };
enum class BoolOperator : uint8_t { And, Or };
enum class BinaryOperator : uint8_t {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOperator : uint8_t { Invert, Not, UAdd, USub };
enum class CompareOperator : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class ConstantKind : uint8_t { None, True, False, Ellipsis };

std::string_view expr_context_name(ExprContext context);
std::string_view bool_operator_name(BoolOperator op);
std::string_view binary_operator_name(BinaryOperator op);
std::string_view unary_operator_name(UnaryOperator op);
std::string_view compare_operator_name(CompareOperator op);
std::string_view constant_kind_name(ConstantKind kind);
/// Python spelling of a binary operator ("+", "//", ...).
std::string_view binary_operator_symbol(BinaryOperator op);

// ---------------------------------------------------------------------------------------------
// Expressions

#define STITCH_EXPR_KINDS(X) \
  X(BoolOp)                  \
  X(NamedExpr)               \
  X(BinOp)                   \
  X(UnaryOp)                 \
  X(Lambda)                  \
  X(IfExp)                   \
  X(Dict)                    \
  X(Set)                     \
  X(ListComp)                \
  X(SetComp)                 \
  X(DictComp)                \
  X(GeneratorExp)            \
  X(Await)                   \
  X(Yield)                   \
  X(YieldFrom)               \
  X(Compare)                 \
  X(Call)                    \
  X(FormattedValue)          \
  X(JoinedStr)               \
  X(Constant)                \
  X(Int)                     \
  X(Float)                   \
  X(Str)                     \
  X(Attribute)               \
  X(Subscript)               \
  X(Starred)                 \
  X(Name)                    \
  X(List)                    \
  X(Tuple)                   \
  X(Slice)

enum class ExprKind : uint8_t {
#define STITCH_ENUM_ENTRY(name) name,
  STITCH_EXPR_KINDS(STITCH_ENUM_ENTRY)
#undef STITCH_ENUM_ENTRY
};
std::string_view expr_kind_name(ExprKind kind);

struct Expr {
  ExprKind kind;
  SourceRange range;

  template <typename T>
  T* as() {
    return static_cast<T*>(this);
  }
  template <typename T>
  const T* as() const {
    return static_cast<const T*>(this);
  }
  template <typename T>
  T* dyn() {
    return kind == T::kKind ? static_cast<T*>(this) : nullptr;
  }
  template <typename T>
  const T* dyn() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }
};

struct Arguments;
struct Comprehension;
struct Keyword;

struct BoolOp : Expr {
  static constexpr ExprKind kKind = ExprKind::BoolOp;
  BoolOperator op = BoolOperator::And;
  NodeList<Expr> values;  // two or more
};
struct NamedExpr : Expr {  // target := value
  static constexpr ExprKind kKind = ExprKind::NamedExpr;
  Expr* target = nullptr;  // a Name
  Expr* value = nullptr;
};
struct BinOp : Expr {
  static constexpr ExprKind kKind = ExprKind::BinOp;
  Expr* left = nullptr;
  BinaryOperator op = BinaryOperator::Add;
  Expr* right = nullptr;
};
struct UnaryOp : Expr {
  static constexpr ExprKind kKind = ExprKind::UnaryOp;
  UnaryOperator op = UnaryOperator::Not;
  Expr* operand = nullptr;
};
struct Lambda : Expr {
  static constexpr ExprKind kKind = ExprKind::Lambda;
  Arguments* args = nullptr;
  Expr* body = nullptr;
};
struct IfExp : Expr {  // body if test else orelse
  static constexpr ExprKind kKind = ExprKind::IfExp;
  Expr* test = nullptr;
  Expr* body = nullptr;
  Expr* orelse = nullptr;
};
struct Dict : Expr {
  static constexpr ExprKind kKind = ExprKind::Dict;
  NodeList<Expr> keys;  // nullptr for a **mapping entry
  NodeList<Expr> values;
};
struct Set : Expr {
  static constexpr ExprKind kKind = ExprKind::Set;
  NodeList<Expr> elts;
};
struct ListComp : Expr {
  static constexpr ExprKind kKind = ExprKind::ListComp;
  Expr* elt = nullptr;
  NodeList<Comprehension> generators;
};
struct SetComp : Expr {
  static constexpr ExprKind kKind = ExprKind::SetComp;
  Expr* elt = nullptr;
  NodeList<Comprehension> generators;
};
struct DictComp : Expr {
  static constexpr ExprKind kKind = ExprKind::DictComp;
  Expr* key = nullptr;
  Expr* value = nullptr;
  NodeList<Comprehension> generators;
};
struct GeneratorExp : Expr {
  static constexpr ExprKind kKind = ExprKind::GeneratorExp;
  Expr* elt = nullptr;
  NodeList<Comprehension> generators;
};
struct Await : Expr {  // parsed so that it can be reported as unsupported
  static constexpr ExprKind kKind = ExprKind::Await;
  Expr* value = nullptr;
};
struct Yield : Expr {
  static constexpr ExprKind kKind = ExprKind::Yield;
  Expr* value = nullptr;  // optional
};
struct YieldFrom : Expr {
  static constexpr ExprKind kKind = ExprKind::YieldFrom;
  Expr* value = nullptr;
};
struct Compare : Expr {  // left ops[0] comparators[0] ops[1] comparators[1] ...
  static constexpr ExprKind kKind = ExprKind::Compare;
  Expr* left = nullptr;
  std::span<const CompareOperator> ops;
  NodeList<Expr> comparators;
};
struct Call : Expr {
  static constexpr ExprKind kKind = ExprKind::Call;
  Expr* func = nullptr;
  NodeList<Expr> args;  // positional arguments; *iterable is a Starred
  NodeList<Keyword> keywords;
};
struct FormattedValue : Expr {  // one {value!conversion:format_spec} field of an f-string
  static constexpr ExprKind kKind = ExprKind::FormattedValue;
  Expr* value = nullptr;
  int conversion = -1;            // -1, 's', 'r' or 'a'
  Expr* format_spec = nullptr;    // a JoinedStr, optional
};
struct JoinedStr : Expr {  // an f-string: Str and FormattedValue pieces
  static constexpr ExprKind kKind = ExprKind::JoinedStr;
  NodeList<Expr> values;
};
struct Constant : Expr {  // None, True, False, ...
  static constexpr ExprKind kKind = ExprKind::Constant;
  ConstantKind value = ConstantKind::None;
};
struct Int : Expr {
  static constexpr ExprKind kKind = ExprKind::Int;
  std::string_view digits;  // in `base`, no prefix, no underscores, at least one digit
  uint8_t base = 10;
  bool fits_int64 = false;
  int64_t value = 0;  // meaningful when fits_int64
};
struct Float : Expr {
  static constexpr ExprKind kKind = ExprKind::Float;
  double value = 0;
};
struct Str : Expr {
  static constexpr ExprKind kKind = ExprKind::Str;
  std::string value;  // UTF-8
};
struct Attribute : Expr {
  static constexpr ExprKind kKind = ExprKind::Attribute;
  Expr* value = nullptr;
  std::string_view attr;
  ExprContext ctx = ExprContext::Load;
};
struct Subscript : Expr {
  static constexpr ExprKind kKind = ExprKind::Subscript;
  Expr* value = nullptr;
  Expr* slice = nullptr;  // an expression, a Slice, or a Tuple of them
  ExprContext ctx = ExprContext::Load;
};
struct Starred : Expr {
  static constexpr ExprKind kKind = ExprKind::Starred;
  Expr* value = nullptr;
  ExprContext ctx = ExprContext::Load;
};
struct Name : Expr {
  static constexpr ExprKind kKind = ExprKind::Name;
  std::string_view id;
  ExprContext ctx = ExprContext::Load;
};
struct List : Expr {
  static constexpr ExprKind kKind = ExprKind::List;
  NodeList<Expr> elts;
  ExprContext ctx = ExprContext::Load;
};
struct Tuple : Expr {
  static constexpr ExprKind kKind = ExprKind::Tuple;
  NodeList<Expr> elts;
  ExprContext ctx = ExprContext::Load;
};
struct Slice : Expr {  // lower:upper:step inside a subscript
  static constexpr ExprKind kKind = ExprKind::Slice;
  Expr* lower = nullptr;
  Expr* upper = nullptr;
  Expr* step = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Helper nodes

struct Comprehension {  // for target in iter if ifs[0] if ifs[1] ...
  SourceRange range;
  Expr* target = nullptr;
  Expr* iter = nullptr;
  NodeList<Expr> ifs;
  bool is_async = false;
};
struct Keyword {  // arg=value in a call or class definition; **value when arg is empty
  SourceRange range;
  std::string_view arg;
  Expr* value = nullptr;
};
struct Arg {  // one parameter
  SourceRange range;
  std::string_view name;
  Expr* annotation = nullptr;
};
struct Arguments {  // a parameter list: (posonly, /, args, *vararg, kwonly, **kwarg)
  NodeList<Arg> posonlyargs;
  NodeList<Arg> args;
  Arg* vararg = nullptr;
  NodeList<Arg> kwonlyargs;
  NodeList<Expr> kw_defaults;  // one per kwonlyarg, nullptr when it has no default
  Arg* kwarg = nullptr;
  NodeList<Expr> defaults;  // for the last len(defaults) of posonlyargs + args
};
struct Alias {  // name [as asname] in an import
  SourceRange range;
  std::string_view name;  // dotted for `import a.b`, "*" for `from m import *`
  std::string_view asname;
};
struct WithItem {
  Expr* context_expr = nullptr;
  Expr* optional_vars = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Statements

#define STITCH_STMT_KINDS(X) \
  X(FunctionDef)             \
  X(ClassDef)                \
  X(Return)                  \
  X(Delete)                  \
  X(Assign)                  \
  X(AugAssign)               \
  X(AnnAssign)               \
  X(For)                     \
  X(While)                   \
  X(If)                      \
  X(With)                    \
  X(Raise)                   \
  X(Try)                     \
  X(Assert)                  \
  X(Import)                  \
  X(ImportFrom)              \
  X(Global)                  \
  X(Nonlocal)                \
  X(ExprStmt)                \
  X(Pass)                    \
  X(Break)                   \
  X(Continue)

enum class StmtKind : uint8_t {
#define STITCH_ENUM_ENTRY(name) name,
  STITCH_STMT_KINDS(STITCH_ENUM_ENTRY)
#undef STITCH_ENUM_ENTRY
};
std::string_view stmt_kind_name(StmtKind kind);

struct Stmt {
  StmtKind kind;
  SourceRange range;

  template <typename T>
  T* as() {
    return static_cast<T*>(this);
  }
  template <typename T>
  const T* as() const {
    return static_cast<const T*>(this);
  }
  template <typename T>
  T* dyn() {
    return kind == T::kKind ? static_cast<T*>(this) : nullptr;
  }
  template <typename T>
  const T* dyn() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }
};

struct ExceptHandler {  // except type as name: body
  SourceRange range;
  Expr* type = nullptr;  // optional (bare except)
  std::string_view name;  // empty when there is no `as`
  NodeList<Stmt> body;
};

struct FunctionDef : Stmt {
  static constexpr StmtKind kKind = StmtKind::FunctionDef;
  std::string_view name;
  Arguments* args = nullptr;
  NodeList<Stmt> body;
  NodeList<Expr> decorator_list;
  Expr* returns = nullptr;
  bool is_async = false;  // parsed so that it can be reported as unsupported
};
struct ClassDef : Stmt {
  static constexpr StmtKind kKind = StmtKind::ClassDef;
  std::string_view name;
  NodeList<Expr> bases;
  NodeList<Keyword> keywords;
  NodeList<Stmt> body;
  NodeList<Expr> decorator_list;
};
struct Return : Stmt {
  static constexpr StmtKind kKind = StmtKind::Return;
  Expr* value = nullptr;
};
struct Delete : Stmt {
  static constexpr StmtKind kKind = StmtKind::Delete;
  NodeList<Expr> targets;
};
struct Assign : Stmt {  // targets[0] = targets[1] = ... = value
  static constexpr StmtKind kKind = StmtKind::Assign;
  NodeList<Expr> targets;
  Expr* value = nullptr;
};
struct AugAssign : Stmt {
  static constexpr StmtKind kKind = StmtKind::AugAssign;
  Expr* target = nullptr;
  BinaryOperator op = BinaryOperator::Add;
  Expr* value = nullptr;
};
struct AnnAssign : Stmt {
  static constexpr StmtKind kKind = StmtKind::AnnAssign;
  Expr* target = nullptr;
  Expr* annotation = nullptr;
  Expr* value = nullptr;  // optional
  bool simple = false;    // the target is a plain name (not parenthesized)
};
struct For : Stmt {
  static constexpr StmtKind kKind = StmtKind::For;
  Expr* target = nullptr;
  Expr* iter = nullptr;
  NodeList<Stmt> body;
  NodeList<Stmt> orelse;
  bool is_async = false;
};
struct While : Stmt {
  static constexpr StmtKind kKind = StmtKind::While;
  Expr* test = nullptr;
  NodeList<Stmt> body;
  NodeList<Stmt> orelse;
};
struct If : Stmt {
  static constexpr StmtKind kKind = StmtKind::If;
  Expr* test = nullptr;
  NodeList<Stmt> body;
  NodeList<Stmt> orelse;  // an `elif` is a single If here
};
struct With : Stmt {
  static constexpr StmtKind kKind = StmtKind::With;
  NodeList<WithItem> items;
  NodeList<Stmt> body;
  bool is_async = false;
};
struct Raise : Stmt {
  static constexpr StmtKind kKind = StmtKind::Raise;
  Expr* exc = nullptr;    // optional
  Expr* cause = nullptr;  // optional
};
struct Try : Stmt {
  static constexpr StmtKind kKind = StmtKind::Try;
  NodeList<Stmt> body;
  NodeList<ExceptHandler> handlers;
  NodeList<Stmt> orelse;
  NodeList<Stmt> finalbody;
};
struct Assert : Stmt {
  static constexpr StmtKind kKind = StmtKind::Assert;
  Expr* test = nullptr;
  Expr* msg = nullptr;  // optional
};
struct Import : Stmt {
  static constexpr StmtKind kKind = StmtKind::Import;
  NodeList<Alias> names;
};
struct ImportFrom : Stmt {
  static constexpr StmtKind kKind = StmtKind::ImportFrom;
  std::string_view module;  // dotted; empty for `from . import x`
  NodeList<Alias> names;
  int level = 0;  // number of leading dots
};
struct Global : Stmt {
  static constexpr StmtKind kKind = StmtKind::Global;
  std::span<const std::string_view> names;
};
struct Nonlocal : Stmt {
  static constexpr StmtKind kKind = StmtKind::Nonlocal;
  std::span<const std::string_view> names;
};
struct ExprStmt : Stmt {  // an expression used as a statement
  static constexpr StmtKind kKind = StmtKind::ExprStmt;
  Expr* value = nullptr;
};
struct Pass : Stmt {
  static constexpr StmtKind kKind = StmtKind::Pass;
};
struct Break : Stmt {
  static constexpr StmtKind kKind = StmtKind::Break;
};
struct Continue : Stmt {
  static constexpr StmtKind kKind = StmtKind::Continue;
};

// ---------------------------------------------------------------------------------------------
// Module

struct Module {
  std::unique_ptr<Arena> arena = std::make_unique<Arena>();
  NodeList<Stmt> body;
  std::string filename;
  bool future_annotations = false;  ///< `from __future__ import annotations` (PEP 563)
};

/// Creates a node of type T with its kind and range set (fields keep their defaults).
template <typename T>
T* new_node(Arena& arena, SourceRange range) {
  T* node = arena.make<T>();
  node->kind = T::kKind;
  node->range = range;
  return node;
}

/// CPython's name for an expression in error messages ("function call", "literal", ...).
std::string_view expr_description(const Expr& expr);

}  // namespace stitch::compiler
