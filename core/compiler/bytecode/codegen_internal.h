// The code generator's shared state (private to core/compiler/bytecode).
//
// One CompilationUnit per code object being built; units nest like the scopes (a def inside a
// def pushes a second unit). A unit owns its instruction sequence, constants (deduplicated by
// constants.h keys), names, and the fixed localsplus layout computed from its Scope before any
// code is generated: parameters, then the other fast locals in the order the scope first
// mentions them, then cells that are not parameters (sorted), then free variables (sorted), so
// DEREF/FAST opargs are final when emitted.
//
// The frame-block stack (FrameBlock) records the constructs that need unwinding code when
// `break`, `continue` or `return` leaves them (CPython's fblockinfo): loops, try bodies, finally
// bodies, with bodies, except handlers.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/compiler/bytecode/codegen.h"
#include "core/compiler/bytecode/instruction_sequence.h"
#include "core/compiler/frontend.h"
#include "core/object/code.h"

namespace stitch::bytecode {

namespace ast = stitch::compiler;

enum class FrameBlockKind {
  kWhileLoop, kForLoop, kTryExcept, kFinallyTry, kFinallyEnd, kWith, kHandlerCleanup, kPopValue,
  kExceptionHandler
};

struct FrameBlock {
  FrameBlockKind kind = FrameBlockKind::kWhileLoop;
  int block_label = -1;   // loops: where `continue` goes
  int exit_label = -1;    // loops: where `break` goes
  ast::NodeList<ast::Stmt> finalbody;  // kFinallyTry
  const ast::Stmt* statement = nullptr;  // kWith
  std::string_view name;  // kHandlerCleanup: the `as` name, or empty
};

inline FrameBlock frame_block(FrameBlockKind kind, int block_label = -1, int exit_label = -1) {
  FrameBlock block;
  block.kind = kind;
  block.block_label = block_label;
  block.exit_label = exit_label;
  return block;
}

struct CompilationUnit {
  const ast::Scope* scope = nullptr;
  InstructionSequence sequence;
  std::vector<Object*> consts;  // owned until handed to code_new
  std::unordered_map<std::string, std::uint32_t> const_index;
  std::vector<std::string> names;
  std::unordered_map<std::string, std::uint32_t> name_index;
  std::vector<std::string> localsplus;
  std::vector<std::uint8_t> localsplus_kinds;
  std::unordered_map<std::string, std::uint32_t> fast_index;   // fast locals
  std::unordered_map<std::string, std::uint32_t> deref_index;  // cells and free variables
  std::vector<std::string> freevars;  // sorted, as the closure tuple must be built
  std::string name;
  std::string qualname;
  std::int32_t firstlineno = 1;
  std::int32_t argcount = 0;
  std::int32_t posonlyargcount = 0;
  std::int32_t kwonlyargcount = 0;
  std::vector<FrameBlock> frame_blocks;
  Location location;

  CompilationUnit() = default;
  CompilationUnit(const CompilationUnit&) = delete;
  CompilationUnit& operator=(const CompilationUnit&) = delete;
  ~CompilationUnit();

  bool is_function_like() const;
};

class CodeGenerator {
 public:
  explicit CodeGenerator(const ast::FrontendResult& frontend);
  CompileResult run();

  // --- units (codegen_units.cc) ---
  bool enter_unit(const ast::Scope* scope, std::string name, std::int32_t firstlineno, const ast::Arguments* args);
  /// Assembles the current unit, pops it, and returns its code object (nullptr on error).
  Object* leave_unit(bool add_implicit_return);
  CompilationUnit& unit() { return *units_.back(); }
  std::string qualname_for(std::string_view name, ast::ScopeKind kind) const;
  bool make_closure(Object* code, std::uint32_t flags);

  // --- emission helpers (codegen.cc) ---
  void emit(Opcode op, std::uint32_t arg = 0) { unit().sequence.emit(static_cast<std::uint16_t>(op), arg, unit().location); }
  void emit_pseudo(PseudoOp op, int label) { unit().sequence.emit_jump(op, label, unit().location); }
  void emit_pop_block() { unit().sequence.emit(kPopBlock, 0, unit().location); }
  void emit_jump(Opcode op, int label) { unit().sequence.emit_jump(static_cast<std::uint16_t>(op), label, unit().location); }
  void emit_jump_with_line(int label) { unit().sequence.emit_jump(kJump, label, unit().location); }
  void emit_jump_no_line(int label) { unit().sequence.emit_jump(kJump, label, Location{}); }
  int new_label() { return unit().sequence.new_label(); }
  void bind(int label) { unit().sequence.bind(label); }
  void set_location(const ast::SourceRange& range) {
    unit().location = Location{range.line, range.end_line, range.col, range.end_col};
  }
  bool label_bound_at_end() {
    // A label on the LOAD_GLOBAL (between it and PUSH_NULL) forbids merging the two.
    return unit().sequence.label_at(static_cast<int>(unit().sequence.instructions().size()) - 1);
  }
  void unset_location() { unit().location = Location{}; }

  bool load_const_expression(const ast::Expr* expr);
  bool load_const_object(Object* owned, const std::string& key);
  std::uint32_t add_const(Object* owned, const std::string& key);
  bool load_none();
  bool load_string(std::string_view text);
  std::uint32_t add_name(std::string_view name);
  std::uint32_t add_mangled_name(std::string_view name);
  bool name_op(std::string_view name, ast::ExprContext context);
  bool fail(const ast::SourceRange& range, std::string message);
  bool out_of_memory();

  // --- expressions (codegen_expressions.cc) ---
  bool visit_expr(const ast::Expr* expr);
  bool visit_expr_inner(const ast::Expr* expr);
  bool visit_exprs(ast::NodeList<ast::Expr> exprs);
  bool jump_if(const ast::Expr* expr, int label, bool condition);
  bool compare(const ast::Compare* node);
  bool visit_comparator(const ast::Compare* node, size_t index);
  bool visit_iterable(const ast::Expr* expr);
  void emit_compare_op(ast::CompareOperator op);
  bool call(const ast::Call* node);
  bool is_import_originated(const ast::Expr* expr) const;
  bool call_helper(int already_pushed, ast::NodeList<ast::Expr> args, ast::NodeList<ast::Keyword> keywords);
  bool emit_kw_names(ast::NodeList<ast::Keyword> keywords);
  bool keyword_map(ast::NodeList<ast::Keyword> keywords, size_t begin, size_t end);
  bool starunpack(ast::NodeList<ast::Expr> elts, int pushed, Opcode build, Opcode add, Opcode extend, bool tuple);
  bool dict_display(const ast::Dict* node);
  bool dict_chunk(const ast::Dict* node, size_t begin, size_t end);
  bool joined_str(const ast::JoinedStr* node);
  bool formatted_value(const ast::FormattedValue* node);
  bool slice(const ast::Slice* node);
  bool lambda(const ast::Lambda* node);
  bool comprehension(const ast::Expr* node, ast::NodeList<ast::Comprehension> generators, const ast::Expr* element,
                     const ast::Expr* value);
  bool comprehension_generator(const ast::Expr* node, ast::NodeList<ast::Comprehension> generators, size_t index,
                               int depth, const ast::Expr* element, const ast::Expr* value);
  bool yield_from(const ast::YieldFrom* node);
  bool store_target(const ast::Expr* target);
  bool unpack_targets(const ast::Expr* node, ast::NodeList<ast::Expr> elts);
  bool annotation_value(const ast::Expr* annotation);

  // --- statements (codegen_statements.cc) ---
  bool visit_stmt(const ast::Stmt* stmt);
  bool visit_stmts(ast::NodeList<ast::Stmt> stmts);
  bool body_with_docstring(ast::NodeList<ast::Stmt> body, bool store_doc);
  bool function_def(const ast::FunctionDef* node);
  bool function_defaults(const ast::Arguments* args, std::uint32_t* flags);
  bool function_annotations(const ast::Arguments* args, const ast::Expr* returns, std::uint32_t* flags);
  bool class_def(const ast::ClassDef* node);
  bool assign(const ast::Assign* node);
  bool aug_assign(const ast::AugAssign* node);
  bool ann_assign(const ast::AnnAssign* node);
  bool for_loop(const ast::For* node);
  bool while_loop(const ast::While* node);
  bool if_statement(const ast::If* node);
  bool with_statement(const ast::With* node, size_t item);
  bool try_statement(const ast::Try* node);
  bool try_except(const ast::Try* node);
  bool try_finally(const ast::Try* node);
  bool raise_statement(const ast::Raise* node);
  bool assert_statement(const ast::Assert* node);
  bool return_statement(const ast::Return* node);
  bool break_statement(const ast::Stmt* node);
  bool continue_statement(const ast::Stmt* node);
  bool delete_target(const ast::Expr* target);
  bool import_statement(const ast::Import* node);
  bool import_from(const ast::ImportFrom* node);
  bool push_frame_block(const ast::SourceRange& range, FrameBlock block);
  void pop_frame_block() { unit().frame_blocks.pop_back(); }
  bool unwind_frame_block(const FrameBlock& block, bool preserve_top);
  bool unwind_frame_block_stack(bool preserve_top, const FrameBlock** loop);
  void call_exit_with_nones();

  const ast::FrontendResult& frontend_;
  std::vector<std::unique_ptr<CompilationUnit>> units_;
  std::optional<ast::SyntaxError> error_;
};

bool statements_have_annotations(ast::NodeList<ast::Stmt> stmts);
const ast::Str* docstring_of(ast::NodeList<ast::Stmt> body);

}  // namespace stitch::bytecode
