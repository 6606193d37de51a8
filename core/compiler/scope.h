// Scope analysis: which namespace every name of a module lives in (CPython's symtable).
//
// A Scope is created for the module, every def, lambda and class, and every comprehension (in
// Python 3.11 a comprehension is a function of its own, called with its first iterator, which is
// evaluated in the enclosing scope). The analysis runs in two passes, like CPython's:
//  1. Collect: walk the AST and record, per scope, what happens to each name (SymbolFlag: bound by
//     assignment, import, def/class, parameter, or `global`/`nonlocal` declaration; read).
//     Errors that depend only on one scope are reported here, in source order (duplicate
//     parameter, `global` after use, `yield` in a comprehension, misplaced `:=`, `import *`).
//  2. Resolve, top-down: a name is GlobalExplicit if declared `global`; Free if declared
//     `nonlocal` (which must find a binding in an enclosing function: "no binding for nonlocal")
//     or if it is only read and an enclosing *function* binds it; Local if bound here; otherwise
//     GlobalImplicit (a global or a builtin). Class scopes are skipped when looking outwards (a
//     method does not see class attributes). Bottom-up, a Local that an inner scope uses freely
//     becomes a Cell, and functions in between carry the name as Free.
//     A function that reads `super` or `__class__` inside a class makes the class provide an
//     implicit `__class__` cell (`needs_class_closure`).
// Names are private-name-mangled inside classes (`__x` in class C is stored as `_C__x`).
//
// The result is a ScopeTable owning every Scope, indexed by the AST node that introduces it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/compiler/ast.h"
#include "core/compiler/source_file.h"
#include "core/compiler/syntax_error.h"

namespace stitch::compiler {

enum class ScopeKind : uint8_t { Module, Function, Lambda, Class, Comprehension };
std::string_view scope_kind_name(ScopeKind kind);

/// Where a name lives, as seen from one scope.
enum class NameScope : uint8_t {
  Local,           ///< bound in this scope (a fast local in a function)
  Cell,            ///< bound here and captured by an inner scope
  Free,            ///< bound in an enclosing function, reached through a cell
  GlobalExplicit,  ///< declared `global`
  GlobalImplicit,  ///< not bound in any enclosing function: module global or builtin
};
std::string_view name_scope_name(NameScope scope);

/// What a scope does with a name (CPython's DEF_* flags).
enum SymbolFlag : uint16_t {
  kSymbolAssigned = 1 << 0,         ///< bound: assignment, for/with/except target, def, class, del
  kSymbolParameter = 1 << 1,
  kSymbolUsed = 1 << 2,             ///< read
  kSymbolDeclaredGlobal = 1 << 3,
  kSymbolDeclaredNonlocal = 1 << 4,
  kSymbolImported = 1 << 5,
  kSymbolAnnotated = 1 << 6,
  kSymbolComprehensionIteration = 1 << 7,
  kSymbolFreeInClass = 1 << 8,      ///< class scope: also free in a method (CPython DEF_FREE_CLASS)
};

struct Symbol {
  std::string_view name;  // mangled
  uint16_t flags = 0;
  NameScope scope = NameScope::GlobalImplicit;

  bool is_bound() const { return flags & (kSymbolAssigned | kSymbolParameter | kSymbolImported); }
};

class Scope {
 public:
  ScopeKind kind;
  std::string_view name;  ///< def/class name, "<module>", "<lambda>", "<listcomp>", "<genexpr>", ...
  SourceRange range;
  Scope* parent = nullptr;
  std::vector<Scope*> children;  ///< in source order
  std::string_view class_name;   ///< nearest enclosing class, for name mangling ("" outside classes)
  bool is_generator = false;
  bool is_async = false;
  bool has_varargs = false;
  bool has_varkeywords = false;
  bool is_nested = false;            ///< inside a function (a closure may be needed)
  bool needs_class_closure = false;  ///< class scope providing the implicit __class__ cell

  /// Symbols in the order the scope first mentions them (parameters first for functions).
  const std::vector<Symbol>& symbols() const { return symbols_; }
  const Symbol* lookup(std::string_view mangled_name) const;
  /// The scope of `name` (already mangled) as seen from here; GlobalImplicit if never mentioned.
  NameScope scope_of(std::string_view mangled_name) const;
  /// Parameter names in CPython's co_varnames order: positional-only, positional, keyword-only,
  /// then *args, then **kwargs.
  const std::vector<std::string_view>& parameters() const { return parameters_; }
  /// Mangles `name` for this scope (CPython's _Py_Mangle with the enclosing class name).
  std::string mangle(std::string_view name) const;

 private:
  friend class ScopeBuilder;
  Symbol& symbol(std::string_view name);

  std::vector<Symbol> symbols_;
  std::unordered_map<std::string_view, size_t> index_;
  std::vector<std::string_view> parameters_;
};

class ScopeTable {
 public:
  const Scope* module_scope() const { return scopes_.empty() ? nullptr : scopes_.front().get(); }
  /// The scope introduced by an AST node: Module, FunctionDef, ClassDef, Lambda, ListComp,
  /// SetComp, DictComp or GeneratorExp.
  const Scope* scope_for(const void* node) const;
  size_t size() const { return scopes_.size(); }

 private:
  friend class ScopeBuilder;
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::unordered_map<const void*, Scope*> by_node_;
  std::unordered_set<std::string> mangled_names_;  // storage for mangled names
};

struct ScopeResult {
  std::unique_ptr<ScopeTable> table;  ///< set on success
  std::optional<SyntaxError> error;
};

/// Builds the scopes of a parsed module. The source is used for error texts.
ScopeResult analyze_scopes(const Module& module, const SourceFile& source);

/// Text form for tests, one scope per block:
///   function f (parent <module>) generator
///     x: Local [assigned used]
std::string dump_scopes(const ScopeTable& table);

/// CPython's private name mangling: `__spam` in class `_Ham` becomes `_Ham__spam`.
std::string mangle_private_name(std::string_view class_name, std::string_view name);

}  // namespace stitch::compiler
