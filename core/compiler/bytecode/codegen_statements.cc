// Statements, following CPython 3.11's compiler_visit_stmt and its helpers, including the
// unwinding of frame blocks for break/continue/return and the try/with code shapes whose
// handlers the assembler turns into exception table entries.
#include "core/compiler/bytecode/codegen_internal.h"
#include "core/compiler/bytecode/constants.h"
#include "core/object/int.h"
#include "core/object/tuple.h"

namespace stitch::bytecode {

std::uint32_t binary_operator_oparg(ast::BinaryOperator op);

namespace {

std::string constant_key_of_int(std::int64_t value) {
  Object* object = int_from_int64(value);
  if (object == nullptr) return {};
  std::string key = constant_key(object);
  decref(object);
  return key;
}

// CPython's CO_MAXBLOCKS.
constexpr size_t kMaxFrameBlocks = 20;

}  // namespace

// find_ann: does a module or class body contain an annotated assignment (outside nested defs)?
bool statements_have_annotations(ast::NodeList<ast::Stmt> stmts) {
  for (const ast::Stmt* stmt : stmts) {
    switch (stmt->kind) {
      case ast::StmtKind::AnnAssign: return true;
      case ast::StmtKind::For: {
        const auto* node = stmt->as<ast::For>();
        if (statements_have_annotations(node->body) || statements_have_annotations(node->orelse)) return true;
        break;
      }
      case ast::StmtKind::While: {
        const auto* node = stmt->as<ast::While>();
        if (statements_have_annotations(node->body) || statements_have_annotations(node->orelse)) return true;
        break;
      }
      case ast::StmtKind::If: {
        const auto* node = stmt->as<ast::If>();
        if (statements_have_annotations(node->body) || statements_have_annotations(node->orelse)) return true;
        break;
      }
      case ast::StmtKind::With:
        if (statements_have_annotations(stmt->as<ast::With>()->body)) return true;
        break;
      case ast::StmtKind::Try: {
        const auto* node = stmt->as<ast::Try>();
        if (statements_have_annotations(node->body) || statements_have_annotations(node->orelse) ||
            statements_have_annotations(node->finalbody)) {
          return true;
        }
        for (const ast::ExceptHandler* handler : node->handlers) {
          if (statements_have_annotations(handler->body)) return true;
        }
        break;
      }
      default:
        break;
    }
  }
  return false;
}

// compiler_body: SETUP_ANNOTATIONS when needed, the docstring into __doc__, then the statements.
bool CodeGenerator::body_with_docstring(ast::NodeList<ast::Stmt> body, bool store_doc) {
  if (statements_have_annotations(body)) emit(Opcode::SETUP_ANNOTATIONS);
  if (store_doc) {
    if (const ast::Str* doc = docstring_of(body)) {
      set_location(body[0]->range);
      if (!load_string(doc->value)) return false;
      if (!name_op("__doc__", ast::ExprContext::Store)) return false;
      body = body.subspan(1);
    }
  }
  return visit_stmts(body);
}

bool CodeGenerator::visit_stmts(ast::NodeList<ast::Stmt> stmts) {
  for (const ast::Stmt* stmt : stmts) {
    if (!visit_stmt(stmt)) return false;
  }
  return true;
}

bool CodeGenerator::visit_stmt(const ast::Stmt* stmt) {
  set_location(stmt->range);
  switch (stmt->kind) {
    case ast::StmtKind::FunctionDef: return function_def(stmt->as<ast::FunctionDef>());
    case ast::StmtKind::ClassDef: return class_def(stmt->as<ast::ClassDef>());
    case ast::StmtKind::Return: return return_statement(stmt->as<ast::Return>());
    case ast::StmtKind::Delete: {
      for (const ast::Expr* target : stmt->as<ast::Delete>()->targets) {
        if (!visit_expr(target)) return false;
      }
      return true;
    }
    case ast::StmtKind::Assign: return assign(stmt->as<ast::Assign>());
    case ast::StmtKind::AugAssign: return aug_assign(stmt->as<ast::AugAssign>());
    case ast::StmtKind::AnnAssign: return ann_assign(stmt->as<ast::AnnAssign>());
    case ast::StmtKind::For: return for_loop(stmt->as<ast::For>());
    case ast::StmtKind::While: return while_loop(stmt->as<ast::While>());
    case ast::StmtKind::If: return if_statement(stmt->as<ast::If>());
    case ast::StmtKind::With: return with_statement(stmt->as<ast::With>(), 0);
    case ast::StmtKind::Raise: return raise_statement(stmt->as<ast::Raise>());
    case ast::StmtKind::Try: return try_statement(stmt->as<ast::Try>());
    case ast::StmtKind::Assert: return assert_statement(stmt->as<ast::Assert>());
    case ast::StmtKind::Import: return import_statement(stmt->as<ast::Import>());
    case ast::StmtKind::ImportFrom: return import_from(stmt->as<ast::ImportFrom>());
    case ast::StmtKind::Global:
    case ast::StmtKind::Nonlocal: return true;
    case ast::StmtKind::ExprStmt: {
      const ast::Expr* value = stmt->as<ast::ExprStmt>()->value;
      if (is_constant_expression(value)) {
        emit(Opcode::NOP);  // keeps the line; a constant statement has no effect
        return true;
      }
      if (!visit_expr(value)) return false;
      emit(Opcode::POP_TOP);
      return true;
    }
    case ast::StmtKind::Pass:
      emit(Opcode::NOP);
      return true;
    case ast::StmtKind::Break: return break_statement(stmt);
    case ast::StmtKind::Continue: return continue_statement(stmt);
  }
  return true;
}

bool CodeGenerator::assign(const ast::Assign* node) {
  if (!visit_expr(node->value)) return false;
  for (size_t i = 0; i < node->targets.size(); ++i) {
    if (i + 1 < node->targets.size()) emit(Opcode::COPY, 1);
    if (!store_target(node->targets[i])) return false;
  }
  return true;
}

// compiler_augassign: load the target (keeping its object/key with COPY), operate in place, store.
bool CodeGenerator::aug_assign(const ast::AugAssign* node) {
  const ast::Expr* target = node->target;
  Location statement_location = unit().location;
  set_location(target->range);
  switch (target->kind) {
    case ast::ExprKind::Attribute: {
      const auto* attribute = target->as<ast::Attribute>();
      if (!visit_expr(attribute->value)) return false;
      emit(Opcode::COPY, 1);
      emit(Opcode::LOAD_ATTR, add_mangled_name(attribute->attr));
      break;
    }
    case ast::ExprKind::Subscript: {
      const auto* subscript = target->as<ast::Subscript>();
      if (!visit_expr(subscript->value) || !visit_expr(subscript->slice)) return false;
      emit(Opcode::COPY, 2);
      emit(Opcode::COPY, 2);
      emit(Opcode::BINARY_SUBSCR);
      break;
    }
    case ast::ExprKind::Name:
      if (!name_op(target->as<ast::Name>()->id, ast::ExprContext::Load)) return false;
      break;
    default:
      return fail(target->range, "'" + std::string(ast::expr_description(*target)) +
                                     "' is an illegal expression for augmented assignment");
  }
  unit().location = statement_location;
  if (!visit_expr(node->value)) return false;
  emit(Opcode::BINARY_OP, binary_operator_oparg(node->op) | kInplaceFlag);
  set_location(target->range);
  switch (target->kind) {
    case ast::ExprKind::Attribute:
      emit(Opcode::SWAP, 2);
      emit(Opcode::STORE_ATTR, add_mangled_name(target->as<ast::Attribute>()->attr));
      return true;
    case ast::ExprKind::Subscript:
      emit(Opcode::SWAP, 3);
      emit(Opcode::SWAP, 2);
      emit(Opcode::STORE_SUBSCR);
      return true;
    default:
      return name_op(target->as<ast::Name>()->id, ast::ExprContext::Store);
  }
}

// compiler_annassign: store the value; at module/class level, record a simple name's annotation
// in __annotations__; evaluate the parts of complex targets CPython evaluates.
bool CodeGenerator::ann_assign(const ast::AnnAssign* node) {
  bool module_or_class = unit().scope->kind == ast::ScopeKind::Module || unit().scope->kind == ast::ScopeKind::Class;
  if (node->value != nullptr) {
    if (!visit_expr(node->value)) return false;
    if (!store_target(node->target)) return false;
  }
  switch (node->target->kind) {
    case ast::ExprKind::Name:
      if (node->simple && module_or_class) {
        if (!annotation_value(node->annotation)) return false;
        emit(Opcode::LOAD_NAME, add_name("__annotations__"));
        if (!load_string(unit().scope->mangle(node->target->as<ast::Name>()->id))) return false;
        emit(Opcode::STORE_SUBSCR);
        return true;
      }
      break;
    case ast::ExprKind::Attribute:
      if (node->value == nullptr) {
        if (!visit_expr(node->target->as<ast::Attribute>()->value)) return false;
        emit(Opcode::POP_TOP);
      }
      break;
    case ast::ExprKind::Subscript:
      if (node->value == nullptr) {
        const auto* subscript = node->target->as<ast::Subscript>();
        if (!visit_expr(subscript->value)) return false;
        emit(Opcode::POP_TOP);
        if (!visit_expr(subscript->slice)) return false;
        emit(Opcode::POP_TOP);
      }
      break;
    default:
      return fail(node->target->range, "invalid node type for annotated assignment");
  }
  if (!node->simple && module_or_class && !frontend_.module->future_annotations) {
    if (!visit_expr(node->annotation)) return false;
    emit(Opcode::POP_TOP);
  }
  return true;
}

bool CodeGenerator::push_frame_block(const ast::SourceRange& range, FrameBlock block) {
  if (unit().frame_blocks.size() >= kMaxFrameBlocks) return fail(range, "too many statically nested blocks");
  unit().frame_blocks.push_back(block);
  return true;
}

bool CodeGenerator::for_loop(const ast::For* node) {
  if (node->is_async) return fail(node->range, "'async for' is not supported by Stitch");
  int start = new_label();
  int cleanup = new_label();
  int end = new_label();
  if (!push_frame_block(node->range, frame_block(FrameBlockKind::kForLoop, start, end))) {
    return false;
  }
  if (!visit_iterable(node->iter)) return false;
  emit(Opcode::GET_ITER);
  bind(start);
  emit_jump(Opcode::FOR_ITER, cleanup);
  if (!store_target(node->target)) return false;
  if (!visit_stmts(node->body)) return false;
  emit_jump_no_line(start);
  bind(cleanup);
  pop_frame_block();
  if (!visit_stmts(node->orelse)) return false;
  bind(end);
  return true;
}

// The test is at the top (conditional jumps only go forward); `while True:` has no test.
bool CodeGenerator::while_loop(const ast::While* node) {
  int loop = new_label();
  int end = new_label();
  int anchor = new_label();
  bind(loop);
  if (!push_frame_block(node->range, frame_block(FrameBlockKind::kWhileLoop, loop, end))) {
    return false;
  }
  if (!jump_if(node->test, anchor, false)) return false;
  if (!visit_stmts(node->body)) return false;
  emit_jump_no_line(loop);
  pop_frame_block();
  bind(anchor);
  if (!visit_stmts(node->orelse)) return false;
  bind(end);
  return true;
}

bool CodeGenerator::if_statement(const ast::If* node) {
  int end = new_label();
  int next = node->orelse.empty() ? end : new_label();
  if (!jump_if(node->test, next, false)) return false;
  if (!visit_stmts(node->body)) return false;
  if (!node->orelse.empty()) {
    emit_jump_no_line(end);
    bind(next);
    if (!visit_stmts(node->orelse)) return false;
  }
  bind(end);
  return true;
}

bool CodeGenerator::raise_statement(const ast::Raise* node) {
  std::uint32_t count = 0;
  if (node->exc != nullptr) {
    if (!visit_expr(node->exc)) return false;
    ++count;
    if (node->cause != nullptr) {
      if (!visit_expr(node->cause)) return false;
      ++count;
    }
  }
  emit(Opcode::RAISE_VARARGS, count);
  return true;
}

bool CodeGenerator::assert_statement(const ast::Assert* node) {
  int end = new_label();
  if (!jump_if(node->test, end, true)) return false;
  emit(Opcode::LOAD_ASSERTION_ERROR);
  if (node->msg != nullptr) {
    if (!visit_expr(node->msg)) return false;
    emit(Opcode::CALL, 0);
  }
  emit(Opcode::RAISE_VARARGS, 1);
  bind(end);
  return true;
}

// with: BEFORE_WITH, a SETUP_WITH handler around the body; normal exit calls
// __exit__(None, None, None), the handler calls it with the exception (WITH_EXCEPT_START) and
// re-raises unless it returned true.
bool CodeGenerator::with_statement(const ast::With* node, size_t item_index) {
  if (node->is_async) return fail(node->range, "'async with' is not supported by Stitch");
  const ast::WithItem* item = node->items[item_index];
  int block = new_label();
  int final_label = new_label();
  int exit = new_label();
  int cleanup = new_label();
  if (!visit_expr(item->context_expr)) return false;
  emit(Opcode::BEFORE_WITH);
  emit_pseudo(kSetupWith, final_label);
  bind(block);
  FrameBlock with_block = frame_block(FrameBlockKind::kWith, block, final_label);
  with_block.statement = node;
  if (!push_frame_block(node->range, with_block)) {
    return false;
  }
  if (item->optional_vars != nullptr) {
    if (!store_target(item->optional_vars)) return false;
  } else {
    emit(Opcode::POP_TOP);
  }
  if (item_index + 1 == node->items.size()) {
    if (!visit_stmts(node->body)) return false;
  } else if (!with_statement(node, item_index + 1)) {
    return false;
  }
  pop_frame_block();
  emit_pop_block();
  set_location(node->range);
  call_exit_with_nones();
  emit(Opcode::POP_TOP);
  emit_jump_with_line(exit);
  // Exceptional exit.
  bind(final_label);
  emit_pseudo(kSetupCleanup, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  emit(Opcode::WITH_EXCEPT_START);
  // compiler_with_except_finish
  unset_location();
  int suppress = new_label();
  emit_jump(Opcode::POP_JUMP_IF_TRUE, suppress);
  emit(Opcode::RERAISE, 2);
  bind(cleanup);
  emit(Opcode::COPY, 3);
  emit(Opcode::POP_EXCEPT);
  emit(Opcode::RERAISE, 1);
  bind(suppress);
  emit(Opcode::POP_TOP);
  emit_pop_block();
  emit(Opcode::POP_EXCEPT);
  emit(Opcode::POP_TOP);
  emit(Opcode::POP_TOP);
  bind(exit);
  return true;
}

void CodeGenerator::call_exit_with_nones() {
  load_none();
  load_none();
  load_none();
  emit(Opcode::CALL, 2);
}

bool CodeGenerator::try_statement(const ast::Try* node) {
  if (!node->finalbody.empty()) return try_finally(node);
  return try_except(node);
}

// try/finally: the finally body is compiled twice, once for the normal exit and once as the
// handler (which re-raises); break/continue/return inside the try compile it a third way, inline.
bool CodeGenerator::try_finally(const ast::Try* node) {
  int body = new_label();
  int end = new_label();
  int exit = new_label();
  int cleanup = new_label();
  emit_pseudo(kSetupFinally, end);
  bind(body);
  FrameBlock finally_block = frame_block(FrameBlockKind::kFinallyTry, body, end);
  finally_block.finalbody = node->finalbody;
  if (!push_frame_block(node->range, finally_block)) {
    return false;
  }
  if (!node->handlers.empty()) {
    if (!try_except(node)) return false;
  } else if (!visit_stmts(node->body)) {
    return false;
  }
  unit().sequence.emit(kPopBlock, 0, Location{});
  pop_frame_block();
  if (!visit_stmts(node->finalbody)) return false;
  emit_jump_no_line(exit);
  // The exceptional path.
  bind(end);
  unset_location();
  emit_pseudo(kSetupCleanup, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  if (!push_frame_block(node->range, frame_block(FrameBlockKind::kFinallyEnd, end))) return false;
  if (!visit_stmts(node->finalbody)) return false;
  pop_frame_block();
  emit(Opcode::RERAISE, 0);
  bind(cleanup);
  emit(Opcode::COPY, 3);
  emit(Opcode::POP_EXCEPT);
  emit(Opcode::RERAISE, 1);
  bind(exit);
  return true;
}

// try/except[/else]: a SETUP_FINALLY handler runs the except clauses in order; `except E as e`
// wraps its body in a cleanup that deletes e on every exit.
bool CodeGenerator::try_except(const ast::Try* node) {
  int body = new_label();
  int except = new_label();
  int end = new_label();
  int cleanup = new_label();
  emit_pseudo(kSetupFinally, except);
  bind(body);
  if (!push_frame_block(node->range, frame_block(FrameBlockKind::kTryExcept, body))) return false;
  if (!visit_stmts(node->body)) return false;
  pop_frame_block();
  unit().sequence.emit(kPopBlock, 0, Location{});
  if (!visit_stmts(node->orelse)) return false;
  emit_jump_no_line(end);
  bind(except);
  unset_location();
  emit_pseudo(kSetupCleanup, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  if (!push_frame_block(node->range, frame_block(FrameBlockKind::kExceptionHandler))) return false;
  for (size_t i = 0; i < node->handlers.size(); ++i) {
    const ast::ExceptHandler* handler = node->handlers[i];
    set_location(handler->range);
    if (handler->type == nullptr && i + 1 < node->handlers.size()) {
      return fail(handler->range, "default 'except:' must be last");
    }
    int next_handler = new_label();
    if (handler->type != nullptr) {
      if (!visit_expr(handler->type)) return false;
      emit(Opcode::CHECK_EXC_MATCH);
      emit_jump(Opcode::POP_JUMP_IF_FALSE, next_handler);
    }
    if (!handler->name.empty()) {
      int cleanup_end = new_label();
      int cleanup_body = new_label();
      if (!name_op(handler->name, ast::ExprContext::Store)) return false;
      emit_pseudo(kSetupCleanup, cleanup_end);
      bind(cleanup_body);
      FrameBlock cleanup_block = frame_block(FrameBlockKind::kHandlerCleanup, cleanup_body);
      cleanup_block.name = handler->name;
      if (!push_frame_block(handler->range, cleanup_block)) {
        return false;
      }
      if (!visit_stmts(handler->body)) return false;
      pop_frame_block();
      emit_pop_block();
      emit_pop_block();
      emit(Opcode::POP_EXCEPT);
      if (!load_none()) return false;
      if (!name_op(handler->name, ast::ExprContext::Store)) return false;
      if (!name_op(handler->name, ast::ExprContext::Del)) return false;
      emit_jump_with_line(end);
      // The body raised: name = None; del name; re-raise.
      bind(cleanup_end);
      unset_location();
      if (!load_none()) return false;
      if (!name_op(handler->name, ast::ExprContext::Store)) return false;
      if (!name_op(handler->name, ast::ExprContext::Del)) return false;
      emit(Opcode::RERAISE, 1);
    } else {
      int cleanup_body = new_label();
      emit(Opcode::POP_TOP);  // the exception
      bind(cleanup_body);
      if (!push_frame_block(handler->range, frame_block(FrameBlockKind::kHandlerCleanup, cleanup_body))) {
        return false;
      }
      if (!visit_stmts(handler->body)) return false;
      pop_frame_block();
      unset_location();
      emit_pop_block();
      emit(Opcode::POP_EXCEPT);
      emit_jump_no_line(end);
    }
    bind(next_handler);
  }
  unset_location();
  pop_frame_block();
  emit(Opcode::RERAISE, 0);
  bind(cleanup);
  emit(Opcode::COPY, 3);
  emit(Opcode::POP_EXCEPT);
  emit(Opcode::RERAISE, 1);
  bind(end);
  return true;
}

// compiler_unwind_fblock: the code that leaves one frame block early. `preserve_top` keeps a
// return value on top of the stack across the cleanup.
bool CodeGenerator::unwind_frame_block(const FrameBlock& block, bool preserve_top) {
  switch (block.kind) {
    case FrameBlockKind::kWhileLoop:
    case FrameBlockKind::kExceptionHandler:
      return true;
    case FrameBlockKind::kForLoop:
      if (preserve_top) emit(Opcode::SWAP, 2);
      emit(Opcode::POP_TOP);  // the iterator
      return true;
    case FrameBlockKind::kTryExcept:
      emit_pop_block();
      return true;
    case FrameBlockKind::kFinallyTry: {
      emit_pop_block();
      if (preserve_top && !push_frame_block(ast::SourceRange{}, frame_block(FrameBlockKind::kPopValue))) return false;
      Location saved = unit().location;
      if (!visit_stmts(block.finalbody)) return false;
      unit().location = saved;
      if (preserve_top) pop_frame_block();
      return true;
    }
    case FrameBlockKind::kFinallyEnd:
      if (preserve_top) emit(Opcode::SWAP, 2);
      emit(Opcode::POP_TOP);  // the exception
      if (preserve_top) emit(Opcode::SWAP, 2);
      emit_pop_block();
      emit(Opcode::POP_EXCEPT);
      return true;
    case FrameBlockKind::kWith: {
      Location saved = unit().location;
      set_location(block.statement->range);
      emit_pop_block();
      if (preserve_top) emit(Opcode::SWAP, 2);
      call_exit_with_nones();
      emit(Opcode::POP_TOP);
      unit().location = saved;
      return true;
    }
    case FrameBlockKind::kHandlerCleanup:
      if (!block.name.empty()) emit_pop_block();
      if (preserve_top) emit(Opcode::SWAP, 2);
      emit_pop_block();
      emit(Opcode::POP_EXCEPT);
      if (!block.name.empty()) {
        if (!load_none()) return false;
        if (!name_op(block.name, ast::ExprContext::Store)) return false;
        if (!name_op(block.name, ast::ExprContext::Del)) return false;
      }
      return true;
    case FrameBlockKind::kPopValue:
      if (preserve_top) emit(Opcode::SWAP, 2);
      emit(Opcode::POP_TOP);
      return true;
  }
  return true;
}

// compiler_unwind_fblock_stack: unwind from the innermost block outwards, stopping at a loop
// when `loop` is given. Each block is popped while its cleanup is compiled (a `finally` body
// must not see itself) and restored afterwards.
bool CodeGenerator::unwind_frame_block_stack(bool preserve_top, const FrameBlock** loop) {
  std::vector<FrameBlock>& stack = unit().frame_blocks;
  if (stack.empty()) return true;
  FrameBlock top = stack.back();
  if (loop != nullptr && (top.kind == FrameBlockKind::kWhileLoop || top.kind == FrameBlockKind::kForLoop)) {
    *loop = &stack.back();
    return true;
  }
  stack.pop_back();
  bool ok = unwind_frame_block(top, preserve_top) && unwind_frame_block_stack(preserve_top, loop);
  unit().frame_blocks.push_back(top);
  return ok;
}

bool CodeGenerator::return_statement(const ast::Return* node) {
  if (!unit().is_function_like()) return fail(node->range, "'return' outside function");
  bool preserve_top = node->value != nullptr && !is_constant_expression(node->value);
  if (preserve_top && !visit_expr(node->value)) return false;
  if (!unwind_frame_block_stack(preserve_top, nullptr)) return false;
  set_location(node->range);
  if (node->value == nullptr) {
    if (!load_none()) return false;
  } else if (!preserve_top) {
    Location saved = unit().location;
    set_location(node->value->range);
    if (!load_const_expression(node->value)) return false;
    unit().location = saved;
  }
  emit(Opcode::RETURN_VALUE);
  return true;
}

bool CodeGenerator::break_statement(const ast::Stmt* node) {
  const FrameBlock* loop = nullptr;
  if (!unwind_frame_block_stack(false, &loop)) return false;
  if (loop == nullptr) return fail(node->range, "'break' outside loop");
  FrameBlock copy = *loop;
  if (!unwind_frame_block(copy, false)) return false;
  set_location(node->range);
  emit_jump_with_line(copy.exit_label);
  return true;
}

bool CodeGenerator::continue_statement(const ast::Stmt* node) {
  const FrameBlock* loop = nullptr;
  if (!unwind_frame_block_stack(false, &loop)) return false;
  if (loop == nullptr) return fail(node->range, "'continue' not properly in loop");
  int target = loop->block_label;
  set_location(node->range);
  emit_jump_with_line(target);
  return true;
}

// import a.b.c [as d]: IMPORT_NAME, then either bind the top package or walk to the submodule.
bool CodeGenerator::import_statement(const ast::Import* node) {
  for (const ast::Alias* alias : node->names) {
    set_location(alias->range);
    if (!load_const_object(int_from_int64(0), constant_key_of_int(0)) || !load_none()) return false;
    emit(Opcode::IMPORT_NAME, add_name(alias->name));
    if (!alias->asname.empty()) {
      std::string_view name = alias->name;
      size_t dot = name.find('.');
      if (dot != std::string_view::npos) {
        while (true) {
          size_t begin = dot + 1;
          dot = name.find('.', begin);
          std::string_view attribute = name.substr(begin, dot == std::string_view::npos ? name.size() - begin : dot - begin);
          emit(Opcode::IMPORT_FROM, add_name(attribute));
          if (dot == std::string_view::npos) break;
          emit(Opcode::SWAP, 2);
          emit(Opcode::POP_TOP);
        }
        if (!name_op(alias->asname, ast::ExprContext::Store)) return false;
        emit(Opcode::POP_TOP);
      } else if (!name_op(alias->asname, ast::ExprContext::Store)) {
        return false;
      }
    } else {
      std::string_view name = alias->name;
      size_t dot = name.find('.');
      if (!name_op(name.substr(0, dot), ast::ExprContext::Store)) return false;
    }
  }
  return true;
}

bool CodeGenerator::import_from(const ast::ImportFrom* node) {
  if (!load_const_object(int_from_int64(node->level), constant_key_of_int(node->level))) return false;
  Object* names = tuple_new_uninitialized(static_cast<std::int64_t>(node->names.size()));
  if (names == nullptr) return out_of_memory();
  std::string key = "t(";
  for (size_t i = 0; i < node->names.size(); ++i) {
    std::string_view name = node->names[i]->name;
    as_tuple(names)->items[i] = string_constant(name);
    key += std::to_string(name.size() + 1) + ":s" + std::string(name) + ",";
  }
  key += ")";
  if (!load_const_object(names, key)) return false;
  emit(Opcode::IMPORT_NAME, add_name(node->module));
  for (const ast::Alias* alias : node->names) {
    set_location(alias->range);
    if (alias->name == "*") {
      emit(Opcode::IMPORT_STAR);
      return true;
    }
    emit(Opcode::IMPORT_FROM, add_name(alias->name));
    if (!name_op(alias->asname.empty() ? alias->name : alias->asname, ast::ExprContext::Store)) return false;
  }
  set_location(node->range);
  emit(Opcode::POP_TOP);
  return true;
}

}  // namespace stitch::bytecode
