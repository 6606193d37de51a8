// Expressions, following CPython 3.11's compiler_visit_expr1 and its helpers.
#include <algorithm>

#include "core/compiler/bytecode/codegen_internal.h"
#include "core/compiler/bytecode/constants.h"
#include "core/object/operators.h"
#include "core/object/singletons.h"
#include "core/object/tuple.h"
#include "core/object/type.h"

namespace stitch::bytecode {

namespace {

// CPython's STACK_USE_GUIDELINE: displays and calls larger than this are built incrementally.
constexpr size_t kStackUseGuideline = 30;

std::uint32_t binary_op_arg(ast::BinaryOperator op) {
  BinaryOp result = BinaryOp::kAdd;
  switch (op) {
    case ast::BinaryOperator::Add: result = BinaryOp::kAdd; break;
    case ast::BinaryOperator::Sub: result = BinaryOp::kSubtract; break;
    case ast::BinaryOperator::Mult: result = BinaryOp::kMultiply; break;
    case ast::BinaryOperator::MatMult: result = BinaryOp::kMatrixMultiply; break;
    case ast::BinaryOperator::Div: result = BinaryOp::kTrueDivide; break;
    case ast::BinaryOperator::Mod: result = BinaryOp::kRemainder; break;
    case ast::BinaryOperator::Pow: result = BinaryOp::kPower; break;
    case ast::BinaryOperator::LShift: result = BinaryOp::kLshift; break;
    case ast::BinaryOperator::RShift: result = BinaryOp::kRshift; break;
    case ast::BinaryOperator::BitOr: result = BinaryOp::kOr; break;
    case ast::BinaryOperator::BitXor: result = BinaryOp::kXor; break;
    case ast::BinaryOperator::BitAnd: result = BinaryOp::kAnd; break;
    case ast::BinaryOperator::FloorDiv: result = BinaryOp::kFloorDivide; break;
  }
  return static_cast<std::uint32_t>(result);
}

bool has_starred(ast::NodeList<ast::Expr> elts) {
  return std::any_of(elts.begin(), elts.end(), [](const ast::Expr* e) { return e->kind == ast::ExprKind::Starred; });
}

}  // namespace

std::uint32_t binary_operator_oparg(ast::BinaryOperator op) { return binary_op_arg(op); }

bool CodeGenerator::visit_exprs(ast::NodeList<ast::Expr> exprs) {
  for (const ast::Expr* expr : exprs) {
    if (!visit_expr(expr)) return false;
  }
  return true;
}

// Instructions take the location of the innermost expression being compiled.
bool CodeGenerator::visit_expr(const ast::Expr* expr) {
  Location saved = unit().location;
  set_location(expr->range);
  bool ok = visit_expr_inner(expr);
  unit().location = saved;
  return ok;
}

bool CodeGenerator::visit_expr_inner(const ast::Expr* expr) {
  if (is_constant_expression(expr)) return load_const_expression(expr);
  switch (expr->kind) {
    case ast::ExprKind::BoolOp: {
      const auto* node = expr->as<ast::BoolOp>();
      Opcode jump = node->op == ast::BoolOperator::And ? Opcode::JUMP_IF_FALSE_OR_POP : Opcode::JUMP_IF_TRUE_OR_POP;
      int end = new_label();
      for (size_t i = 0; i + 1 < node->values.size(); ++i) {
        if (!visit_expr(node->values[i])) return false;
        emit_jump(jump, end);
      }
      if (!visit_expr(node->values.back())) return false;
      bind(end);
      return true;
    }
    case ast::ExprKind::NamedExpr: {
      const auto* node = expr->as<ast::NamedExpr>();
      if (!visit_expr(node->value)) return false;
      emit(Opcode::COPY, 1);
      return store_target(node->target);
    }
    case ast::ExprKind::BinOp: {
      const auto* node = expr->as<ast::BinOp>();
      if (!visit_expr(node->left) || !visit_expr(node->right)) return false;
      emit(Opcode::BINARY_OP, binary_op_arg(node->op));
      return true;
    }
    case ast::ExprKind::UnaryOp: {
      const auto* node = expr->as<ast::UnaryOp>();
      if (!visit_expr(node->operand)) return false;
      switch (node->op) {
        case ast::UnaryOperator::Invert: emit(Opcode::UNARY_INVERT); break;
        case ast::UnaryOperator::Not: emit(Opcode::UNARY_NOT); break;
        case ast::UnaryOperator::UAdd: emit(Opcode::UNARY_POSITIVE); break;
        case ast::UnaryOperator::USub: emit(Opcode::UNARY_NEGATIVE); break;
      }
      return true;
    }
    case ast::ExprKind::Lambda: return lambda(expr->as<ast::Lambda>());
    case ast::ExprKind::IfExp: {
      const auto* node = expr->as<ast::IfExp>();
      int end = new_label();
      int orelse = new_label();
      if (!jump_if(node->test, orelse, false)) return false;
      if (!visit_expr(node->body)) return false;
      emit_jump_no_line(end);
      bind(orelse);
      if (!visit_expr(node->orelse)) return false;
      bind(end);
      return true;
    }
    case ast::ExprKind::Dict: return dict_display(expr->as<ast::Dict>());
    case ast::ExprKind::Set:
      return starunpack(expr->as<ast::Set>()->elts, 0, Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE, false);
    case ast::ExprKind::ListComp: {
      const auto* node = expr->as<ast::ListComp>();
      return comprehension(expr, node->generators, node->elt, nullptr);
    }
    case ast::ExprKind::SetComp: {
      const auto* node = expr->as<ast::SetComp>();
      return comprehension(expr, node->generators, node->elt, nullptr);
    }
    case ast::ExprKind::DictComp: {
      const auto* node = expr->as<ast::DictComp>();
      return comprehension(expr, node->generators, node->key, node->value);
    }
    case ast::ExprKind::GeneratorExp: {
      const auto* node = expr->as<ast::GeneratorExp>();
      return comprehension(expr, node->generators, node->elt, nullptr);
    }
    case ast::ExprKind::Await: return fail(expr->range, "'await' is not supported by Stitch");
    case ast::ExprKind::Yield: {
      const auto* node = expr->as<ast::Yield>();
      if (!unit().is_function_like()) return fail(expr->range, "'yield' outside function");
      if (node->value != nullptr) {
        if (!visit_expr(node->value)) return false;
      } else if (!load_none()) {
        return false;
      }
      emit(Opcode::YIELD_VALUE);
      return true;
    }
    case ast::ExprKind::YieldFrom: return yield_from(expr->as<ast::YieldFrom>());
    case ast::ExprKind::Compare: return compare(expr->as<ast::Compare>());
    case ast::ExprKind::Call: return call(expr->as<ast::Call>());
    case ast::ExprKind::FormattedValue: return formatted_value(expr->as<ast::FormattedValue>());
    case ast::ExprKind::JoinedStr: return joined_str(expr->as<ast::JoinedStr>());
    case ast::ExprKind::Constant:
    case ast::ExprKind::Int:
    case ast::ExprKind::Float:
    case ast::ExprKind::Str: return load_const_expression(expr);
    case ast::ExprKind::Attribute: {
      const auto* node = expr->as<ast::Attribute>();
      if (node->ctx == ast::ExprContext::Store) return store_target(expr);
      if (!visit_expr(node->value)) return false;
      set_location(expr->range);
      if (node->ctx == ast::ExprContext::Del) {
        emit(Opcode::DELETE_ATTR, add_mangled_name(node->attr));
      } else {
        emit(Opcode::LOAD_ATTR, add_mangled_name(node->attr));
      }
      return true;
    }
    case ast::ExprKind::Subscript: {
      const auto* node = expr->as<ast::Subscript>();
      if (node->ctx == ast::ExprContext::Store) return store_target(expr);
      if (!visit_expr(node->value) || !visit_expr(node->slice)) return false;
      emit(node->ctx == ast::ExprContext::Del ? Opcode::DELETE_SUBSCR : Opcode::BINARY_SUBSCR);
      return true;
    }
    case ast::ExprKind::Starred:
      if (expr->as<ast::Starred>()->ctx == ast::ExprContext::Store) {
        return fail(expr->range, "starred assignment target must be in a list or tuple");
      }
      return fail(expr->range, "can't use starred expression here");
    case ast::ExprKind::Name: {
      const auto* node = expr->as<ast::Name>();
      return name_op(node->id, node->ctx);
    }
    case ast::ExprKind::List: {
      const auto* node = expr->as<ast::List>();
      if (node->ctx == ast::ExprContext::Store) return unpack_targets(expr, node->elts);
      if (node->ctx == ast::ExprContext::Del) {
        for (const ast::Expr* element : node->elts) {
          if (!visit_expr(element)) return false;
        }
        return true;
      }
      return starunpack(node->elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, false);
    }
    case ast::ExprKind::Tuple: {
      const auto* node = expr->as<ast::Tuple>();
      if (node->ctx == ast::ExprContext::Store) return unpack_targets(expr, node->elts);
      if (node->ctx == ast::ExprContext::Del) {
        for (const ast::Expr* element : node->elts) {
          if (!visit_expr(element)) return false;
        }
        return true;
      }
      return starunpack(node->elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true);
    }
    case ast::ExprKind::Slice: return slice(expr->as<ast::Slice>());
  }
  return true;
}

// CPython's AST optimizer turns a list display that is only iterated (`for x in [a, b]`,
// comprehension sources, the right side of `in`) into a tuple, a constant one when it can.
bool CodeGenerator::visit_iterable(const ast::Expr* expr) {
  if (expr->kind != ast::ExprKind::List) return visit_expr(expr);
  const auto* list = expr->as<ast::List>();
  if (list->ctx != ast::ExprContext::Load || has_starred(list->elts)) return visit_expr(expr);
  Location saved = unit().location;
  set_location(expr->range);
  bool all_constant = std::all_of(list->elts.begin(), list->elts.end(),
                                  [](const ast::Expr* e) { return is_constant_expression(e); });
  bool ok = true;
  if (all_constant) {
    std::string key;
    std::string problem;
    Object* folded = constant_tuple(list->elts, &key, &problem);
    ok = folded == nullptr ? (problem.empty() ? out_of_memory() : fail(expr->range, problem)) : load_const_object(folded, key);
  } else {
    ok = starunpack(list->elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true);
  }
  unit().location = saved;
  return ok;
}

// Assignment to any target kind, with the value on top of the stack.
bool CodeGenerator::store_target(const ast::Expr* target) {
  Location saved = unit().location;
  set_location(target->range);
  bool ok = true;
  switch (target->kind) {
    case ast::ExprKind::Name:
      ok = name_op(target->as<ast::Name>()->id, ast::ExprContext::Store);
      break;
    case ast::ExprKind::Attribute: {
      const auto* node = target->as<ast::Attribute>();
      ok = visit_expr(node->value);
      if (ok) emit(Opcode::STORE_ATTR, add_mangled_name(node->attr));
      break;
    }
    case ast::ExprKind::Subscript: {
      const auto* node = target->as<ast::Subscript>();
      ok = visit_expr(node->value) && visit_expr(node->slice);
      if (ok) emit(Opcode::STORE_SUBSCR);
      break;
    }
    case ast::ExprKind::List:
      ok = unpack_targets(target, target->as<ast::List>()->elts);
      break;
    case ast::ExprKind::Tuple:
      ok = unpack_targets(target, target->as<ast::Tuple>()->elts);
      break;
    case ast::ExprKind::Starred:
      ok = fail(target->range, "starred assignment target must be in a list or tuple");
      break;
    default:
      ok = fail(target->range, "cannot assign to " + std::string(ast::expr_description(*target)));
      break;
  }
  unit().location = saved;
  return ok;
}

// unpack_helper + assignment_helper: UNPACK_SEQUENCE, or UNPACK_EX around one starred target.
bool CodeGenerator::unpack_targets(const ast::Expr* node, ast::NodeList<ast::Expr> elts) {
  size_t count = elts.size();
  bool seen_star = false;
  for (size_t i = 0; i < count; ++i) {
    if (elts[i]->kind != ast::ExprKind::Starred) continue;
    if (seen_star) return fail(elts[i]->range, "multiple starred expressions in assignment");
    if (i >= (1u << 8) || count - i - 1 >= (kMaxOparg >> 8)) {
      return fail(node->range, "too many expressions in star-unpacking assignment");
    }
    seen_star = true;
    emit(Opcode::UNPACK_EX, static_cast<std::uint32_t>(i | ((count - i - 1) << 8)));
  }
  if (!seen_star) emit(Opcode::UNPACK_SEQUENCE, static_cast<std::uint32_t>(count));
  for (const ast::Expr* element : elts) {
    const ast::Expr* target = element->kind == ast::ExprKind::Starred ? element->as<ast::Starred>()->value : element;
    if (!store_target(target)) return false;
  }
  return true;
}

// compiler_jump_if: jump to `label` when the truth of `expr` equals `condition`, with
// short-circuit forms for not/and/or, conditional expressions and chained comparisons.
bool CodeGenerator::jump_if(const ast::Expr* expr, int label, bool condition) {
  if (is_constant_expression(expr)) {
    if (constant_truth(expr) == condition) emit_jump_no_line(label);
    return true;
  }
  switch (expr->kind) {
    case ast::ExprKind::UnaryOp: {
      const auto* node = expr->as<ast::UnaryOp>();
      if (node->op == ast::UnaryOperator::Not) return jump_if(node->operand, label, !condition);
      break;
    }
    case ast::ExprKind::BoolOp: {
      const auto* node = expr->as<ast::BoolOp>();
      bool inner_condition = node->op == ast::BoolOperator::Or;
      int inner_label = label;
      if (inner_condition != condition) inner_label = new_label();
      for (size_t i = 0; i + 1 < node->values.size(); ++i) {
        if (!jump_if(node->values[i], inner_label, inner_condition)) return false;
      }
      if (!jump_if(node->values.back(), label, condition)) return false;
      if (inner_label != label) bind(inner_label);
      return true;
    }
    case ast::ExprKind::IfExp: {
      const auto* node = expr->as<ast::IfExp>();
      int end = new_label();
      int orelse = new_label();
      if (!jump_if(node->test, orelse, false)) return false;
      if (!jump_if(node->body, label, condition)) return false;
      emit_jump_no_line(end);
      bind(orelse);
      if (!jump_if(node->orelse, label, condition)) return false;
      bind(end);
      return true;
    }
    case ast::ExprKind::Compare: {
      const auto* node = expr->as<ast::Compare>();
      size_t last = node->ops.size() - 1;
      if (last == 0) {
        // `x is None` / `x is not None` jump with POP_JUMP_IF_NONE / _NOT_NONE (CPython 3.11).
        ast::CompareOperator op = node->ops[0];
        const ast::Expr* right = node->comparators[0];
        if ((op == ast::CompareOperator::Is || op == ast::CompareOperator::IsNot) &&
            right->kind == ast::ExprKind::Constant && right->as<ast::Constant>()->value == ast::ConstantKind::None) {
          if (!visit_expr(node->left)) return false;
          Location saved = unit().location;
          set_location(expr->range);
          bool jump_when_none = (op == ast::CompareOperator::Is) == condition;
          emit_jump(jump_when_none ? Opcode::POP_JUMP_IF_NONE : Opcode::POP_JUMP_IF_NOT_NONE, label);
          unit().location = saved;
          return true;
        }
        break;
      }
      Location saved = unit().location;
      set_location(expr->range);
      int cleanup = new_label();
      if (!visit_expr(node->left)) return false;
      for (size_t i = 0; i < last; ++i) {
        if (!visit_expr(node->comparators[i])) return false;
        emit(Opcode::SWAP, 2);
        emit(Opcode::COPY, 2);
        emit_compare_op(node->ops[i]);
        emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
      }
      if (!visit_comparator(node, last)) return false;
      emit_compare_op(node->ops[last]);
      emit_jump(condition ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, label);
      int end = new_label();
      emit_jump_no_line(end);
      bind(cleanup);
      emit(Opcode::POP_TOP);
      if (!condition) emit_jump_no_line(label);
      bind(end);
      unit().location = saved;
      return true;
    }
    default:
      break;
  }
  if (!visit_expr(expr)) return false;
  Location saved = unit().location;
  set_location(expr->range);
  emit_jump(condition ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, label);
  unit().location = saved;
  return true;
}

void CodeGenerator::emit_compare_op(ast::CompareOperator op) {
  switch (op) {
    case ast::CompareOperator::Eq: emit(Opcode::COMPARE_OP, static_cast<std::uint32_t>(CompareOp::kEq)); break;
    case ast::CompareOperator::NotEq: emit(Opcode::COMPARE_OP, static_cast<std::uint32_t>(CompareOp::kNe)); break;
    case ast::CompareOperator::Lt: emit(Opcode::COMPARE_OP, static_cast<std::uint32_t>(CompareOp::kLt)); break;
    case ast::CompareOperator::LtE: emit(Opcode::COMPARE_OP, static_cast<std::uint32_t>(CompareOp::kLe)); break;
    case ast::CompareOperator::Gt: emit(Opcode::COMPARE_OP, static_cast<std::uint32_t>(CompareOp::kGt)); break;
    case ast::CompareOperator::GtE: emit(Opcode::COMPARE_OP, static_cast<std::uint32_t>(CompareOp::kGe)); break;
    case ast::CompareOperator::Is: emit(Opcode::IS_OP, 0); break;
    case ast::CompareOperator::IsNot: emit(Opcode::IS_OP, 1); break;
    case ast::CompareOperator::In: emit(Opcode::CONTAINS_OP, 0); break;
    case ast::CompareOperator::NotIn: emit(Opcode::CONTAINS_OP, 1); break;
  }
}

bool CodeGenerator::visit_comparator(const ast::Compare* node, size_t index) {
  ast::CompareOperator op = node->ops[index];
  if (op == ast::CompareOperator::In || op == ast::CompareOperator::NotIn) return visit_iterable(node->comparators[index]);
  return visit_expr(node->comparators[index]);
}

// compiler_compare: a chain keeps the shared operand with SWAP/COPY and leaves through a cleanup
// block that drops it when a link is false.
bool CodeGenerator::compare(const ast::Compare* node) {
  if (!visit_expr(node->left)) return false;
  size_t last = node->ops.size() - 1;
  if (last == 0) {
    if (!visit_comparator(node, 0)) return false;
    emit_compare_op(node->ops[0]);
    return true;
  }
  int cleanup = new_label();
  for (size_t i = 0; i < last; ++i) {
    if (!visit_expr(node->comparators[i])) return false;
    emit(Opcode::SWAP, 2);
    emit(Opcode::COPY, 2);
    emit_compare_op(node->ops[i]);
    emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  if (!visit_comparator(node, last)) return false;
  emit_compare_op(node->ops[last]);
  int end = new_label();
  emit_jump_no_line(end);
  bind(cleanup);
  emit(Opcode::SWAP, 2);
  emit(Opcode::POP_TOP);
  bind(end);
  return true;
}

// is_import_originated: `module.function(...)` where `module` is imported at module level keeps
// PUSH_NULL + LOAD_ATTR (CPython 3.11 checks only the module's symbol table, by name).
bool CodeGenerator::is_import_originated(const ast::Expr* expr) const {
  if (expr->kind != ast::ExprKind::Name) return false;
  const ast::Symbol* symbol = frontend_.scopes->module_scope()->lookup(expr->as<ast::Name>()->id);
  return symbol != nullptr && (symbol->flags & ast::kSymbolImported) != 0;
}

// compiler_call: `obj.meth(args)` without */** uses LOAD_METHOD; otherwise PUSH_NULL + callee.
bool CodeGenerator::call(const ast::Call* node) {
  const ast::Expr* func = node->func;
  bool simple_arguments = !has_starred(node->args) &&
                          std::none_of(node->keywords.begin(), node->keywords.end(),
                                       [](const ast::Keyword* k) { return k->arg.empty(); }) &&
                          node->args.size() + node->keywords.size() < kStackUseGuideline;
  if (func->kind == ast::ExprKind::Attribute && func->as<ast::Attribute>()->ctx == ast::ExprContext::Load &&
      simple_arguments && !is_import_originated(func->as<ast::Attribute>()->value)) {
    const auto* method = func->as<ast::Attribute>();
    if (!visit_expr(method->value)) return false;
    Location saved = unit().location;
    set_location(func->range);
    emit(Opcode::LOAD_METHOD, add_mangled_name(method->attr));
    unit().location = saved;
    if (!visit_exprs(node->args)) return false;
    if (!node->keywords.empty()) {
      for (const ast::Keyword* keyword : node->keywords) {
        if (!visit_expr(keyword->value)) return false;
      }
      if (!emit_kw_names(node->keywords)) return false;
    }
    emit(Opcode::CALL, static_cast<std::uint32_t>(node->args.size() + node->keywords.size()));
    return true;
  }
  emit(Opcode::PUSH_NULL);
  if (!visit_expr(func)) return false;
  // PUSH_NULL + LOAD_GLOBAL becomes LOAD_GLOBAL with its push-null bit, as CPython 3.11 does.
  auto& instructions = unit().sequence.mutable_instructions();
  size_t count = instructions.size();
  if (count >= 2 && instructions[count - 1].op == static_cast<std::uint16_t>(Opcode::LOAD_GLOBAL) &&
      instructions[count - 2].op == static_cast<std::uint16_t>(Opcode::PUSH_NULL) &&
      (instructions[count - 1].arg & 1) == 0 && !label_bound_at_end()) {
    instructions[count - 1].arg |= 1;
    instructions.erase(instructions.end() - 2);
  }
  return call_helper(0, node->args, node->keywords);
}

// KW_NAMES with the constant tuple of keyword names for the next CALL.
bool CodeGenerator::emit_kw_names(ast::NodeList<ast::Keyword> keywords) {
  Object* tuple = tuple_new_uninitialized(static_cast<std::int64_t>(keywords.size()));
  if (tuple == nullptr) return out_of_memory();
  std::string key = "t(";
  for (size_t i = 0; i < keywords.size(); ++i) {
    std::string_view name = keywords[i]->arg;
    as_tuple(tuple)->items[i] = string_constant(name);
    key += std::to_string(name.size() + 1) + ":s" + std::string(name) + ",";
  }
  key += ")";
  emit(Opcode::KW_NAMES, add_const(tuple, key));
  return true;
}

// compiler_call_helper: plain CALL with KW_NAMES, or CALL_FUNCTION_EX with a built tuple/dict.
bool CodeGenerator::call_helper(int already_pushed, ast::NodeList<ast::Expr> args, ast::NodeList<ast::Keyword> keywords) {
  bool has_double_star = std::any_of(keywords.begin(), keywords.end(), [](const ast::Keyword* k) { return k->arg.empty(); });
  if (!has_starred(args) && !has_double_star &&
      args.size() + keywords.size() + static_cast<size_t>(already_pushed) < kStackUseGuideline) {
    if (!visit_exprs(args)) return false;
    if (!keywords.empty()) {
      for (const ast::Keyword* keyword : keywords) {
        if (!visit_expr(keyword->value)) return false;
      }
      if (!emit_kw_names(keywords)) return false;
    }
    emit(Opcode::CALL, static_cast<std::uint32_t>(static_cast<size_t>(already_pushed) + args.size() + keywords.size()));
    return true;
  }
  // Positional arguments as one tuple.
  if (already_pushed == 0 && args.size() == 1 && args[0]->kind == ast::ExprKind::Starred) {
    if (!visit_expr(args[0]->as<ast::Starred>()->value)) return false;
  } else if (!starunpack(args, already_pushed, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)) {
    return false;
  }
  // Keyword arguments as one dict.
  if (!keywords.empty()) {
    bool have_dict = false;
    size_t seen = 0;
    for (size_t i = 0; i < keywords.size(); ++i) {
      if (keywords[i]->arg.empty()) {
        if (seen > 0) {
          if (!keyword_map(keywords, i - seen, i)) return false;
          if (have_dict) emit(Opcode::DICT_MERGE, 1);
          have_dict = true;
          seen = 0;
        }
        if (!have_dict) {
          emit(Opcode::BUILD_MAP, 0);
          have_dict = true;
        }
        if (!visit_expr(keywords[i]->value)) return false;
        emit(Opcode::DICT_MERGE, 1);
      } else {
        ++seen;
      }
    }
    if (seen > 0) {
      if (!keyword_map(keywords, keywords.size() - seen, keywords.size())) return false;
      if (have_dict) emit(Opcode::DICT_MERGE, 1);
    }
  }
  emit(Opcode::CALL_FUNCTION_EX, keywords.empty() ? 0 : 1);
  return true;
}

// compiler_subkwargs: a dict of the named keywords in [begin, end).
bool CodeGenerator::keyword_map(ast::NodeList<ast::Keyword> keywords, size_t begin, size_t end) {
  size_t count = end - begin;
  bool big = count * 2 > kStackUseGuideline;
  if (count > 1 && !big) {
    for (size_t i = begin; i < end; ++i) {
      if (!visit_expr(keywords[i]->value)) return false;
    }
    Object* tuple = tuple_new_uninitialized(static_cast<std::int64_t>(count));
    if (tuple == nullptr) return out_of_memory();
    std::string key = "t(";
    for (size_t i = begin; i < end; ++i) {
      std::string_view name = keywords[i]->arg;
      as_tuple(tuple)->items[i - begin] = string_constant(name);
      key += std::to_string(name.size() + 1) + ":s" + std::string(name) + ",";
    }
    key += ")";
    if (!load_const_object(tuple, key)) return false;
    emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<std::uint32_t>(count));
    return true;
  }
  if (big) emit(Opcode::BUILD_MAP, 0);
  for (size_t i = begin; i < end; ++i) {
    if (!load_string(keywords[i]->arg)) return false;
    if (!visit_expr(keywords[i]->value)) return false;
    if (big) emit(Opcode::MAP_ADD, 1);
  }
  if (!big) emit(Opcode::BUILD_MAP, static_cast<std::uint32_t>(count));
  return true;
}

// starunpack_helper: list/tuple/set displays and call argument tuples, with *unpacking and the
// constant-folded form `BUILD_LIST 0; LOAD_CONST (...); LIST_EXTEND 1` for long constant lists.
bool CodeGenerator::starunpack(ast::NodeList<ast::Expr> elts, int pushed, Opcode build, Opcode add, Opcode extend,
                               bool tuple) {
  size_t count = elts.size();
  bool all_constant = count > 2 && build != Opcode::BUILD_SET &&
                      std::all_of(elts.begin(), elts.end(), [](const ast::Expr* e) { return is_constant_expression(e); });
  if (all_constant) {
    std::string key;
    std::string problem;
    Object* folded = constant_tuple(elts, &key, &problem);
    if (folded == nullptr) return problem.empty() ? out_of_memory() : fail(elts[0]->range, problem);
    if (tuple && pushed == 0) return load_const_object(folded, key);
    emit(build, static_cast<std::uint32_t>(pushed));
    if (!load_const_object(folded, key)) return false;
    emit(extend, 1);
    if (tuple) emit(Opcode::LIST_TO_TUPLE);
    return true;
  }
  bool big = count + static_cast<size_t>(pushed) > kStackUseGuideline;
  if (!has_starred(elts) && !big) {
    if (!visit_exprs(elts)) return false;
    emit(tuple ? Opcode::BUILD_TUPLE : build, static_cast<std::uint32_t>(count + static_cast<size_t>(pushed)));
    return true;
  }
  bool built = false;
  if (big) {
    emit(build, static_cast<std::uint32_t>(pushed));
    built = true;
  }
  for (size_t i = 0; i < count; ++i) {
    const ast::Expr* element = elts[i];
    if (element->kind == ast::ExprKind::Starred) {
      if (!built) {
        emit(build, static_cast<std::uint32_t>(i + static_cast<size_t>(pushed)));
        built = true;
      }
      if (!visit_expr(element->as<ast::Starred>()->value)) return false;
      emit(extend, 1);
    } else {
      if (!visit_expr(element)) return false;
      if (built) emit(add, 1);
    }
  }
  if (tuple) emit(Opcode::LIST_TO_TUPLE);
  return true;
}

bool CodeGenerator::dict_chunk(const ast::Dict* node, size_t begin, size_t end) {
  size_t count = end - begin;
  bool keys_constant = count > 1;
  for (size_t i = begin; i < end && keys_constant; ++i) keys_constant = is_constant_expression(node->keys[i]);
  if (keys_constant) {
    for (size_t i = begin; i < end; ++i) {
      if (!visit_expr(node->values[i])) return false;
    }
    std::string key;
    std::string problem;
    Object* keys = constant_tuple(node->keys.subspan(begin, count), &key, &problem);
    if (keys == nullptr) return problem.empty() ? out_of_memory() : fail(node->keys[begin]->range, problem);
    if (!load_const_object(keys, key)) return false;
    emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<std::uint32_t>(count));
    return true;
  }
  bool big = count * 2 > kStackUseGuideline;
  if (big) emit(Opcode::BUILD_MAP, 0);
  for (size_t i = begin; i < end; ++i) {
    if (!visit_expr(node->keys[i]) || !visit_expr(node->values[i])) return false;
    if (big) emit(Opcode::MAP_ADD, 1);
  }
  if (!big) emit(Opcode::BUILD_MAP, static_cast<std::uint32_t>(count));
  return true;
}

// compiler_dict: chunks of key/value pairs, merged with DICT_UPDATE around **mappings.
bool CodeGenerator::dict_display(const ast::Dict* node) {
  size_t count = node->values.size();
  size_t elements = 0;
  bool have_dict = false;
  for (size_t i = 0; i < count; ++i) {
    if (node->keys[i] == nullptr) {
      if (elements > 0) {
        if (!dict_chunk(node, i - elements, i)) return false;
        if (have_dict) emit(Opcode::DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        emit(Opcode::BUILD_MAP, 0);
        have_dict = true;
      }
      if (!visit_expr(node->values[i])) return false;
      emit(Opcode::DICT_UPDATE, 1);
    } else if (elements * 2 > kStackUseGuideline) {
      if (!dict_chunk(node, i - elements, i + 1)) return false;
      if (have_dict) emit(Opcode::DICT_UPDATE, 1);
      have_dict = true;
      elements = 0;
    } else {
      ++elements;
    }
  }
  if (elements > 0) {
    if (!dict_chunk(node, count - elements, count)) return false;
    if (have_dict) emit(Opcode::DICT_UPDATE, 1);
    have_dict = true;
  }
  if (!have_dict) emit(Opcode::BUILD_MAP, 0);
  return true;
}

// compiler_joined_str: the pieces then BUILD_STRING (one piece needs no BUILD_STRING); a very
// long f-string is joined with ''.join([...]) as CPython does.
bool CodeGenerator::joined_str(const ast::JoinedStr* node) {
  size_t count = node->values.size();
  if (count == 0) return load_string("");
  if (count > kStackUseGuideline) {
    if (!load_string("")) return false;
    emit(Opcode::LOAD_METHOD, add_name("join"));
    emit(Opcode::BUILD_LIST, 0);
    for (const ast::Expr* piece : node->values) {
      if (!visit_expr(piece)) return false;
      emit(Opcode::LIST_APPEND, 1);
    }
    emit(Opcode::CALL, 1);
    return true;
  }
  if (!visit_exprs(node->values)) return false;
  if (count != 1) emit(Opcode::BUILD_STRING, static_cast<std::uint32_t>(count));
  return true;
}

bool CodeGenerator::formatted_value(const ast::FormattedValue* node) {
  if (!visit_expr(node->value)) return false;
  std::uint32_t oparg = 0;
  switch (node->conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    default: oparg = 0; break;
  }
  if (node->format_spec != nullptr) {
    if (!visit_expr(node->format_spec)) return false;
    oparg |= 4;
  }
  emit(Opcode::FORMAT_VALUE, oparg);
  return true;
}

bool CodeGenerator::slice(const ast::Slice* node) {
  std::uint32_t count = 2;
  if (node->lower != nullptr) {
    if (!visit_expr(node->lower)) return false;
  } else if (!load_none()) {
    return false;
  }
  if (node->upper != nullptr) {
    if (!visit_expr(node->upper)) return false;
  } else if (!load_none()) {
    return false;
  }
  if (node->step != nullptr) {
    if (!visit_expr(node->step)) return false;
    count = 3;
  }
  emit(Opcode::BUILD_SLICE, count);
  return true;
}

// compiler_add_yield_from: SEND/YIELD_VALUE loop until the sub-iterator returns.
bool CodeGenerator::yield_from(const ast::YieldFrom* node) {
  if (!unit().is_function_like()) return fail(node->range, "'yield' outside function");
  if (!visit_expr(node->value)) return false;
  emit(Opcode::GET_YIELD_FROM_ITER);
  if (!load_none()) return false;
  int start = new_label();
  int exit = new_label();
  bind(start);
  emit_jump(Opcode::SEND, exit);
  emit(Opcode::YIELD_VALUE);
  emit_jump_with_line(start);  // becomes JUMP_BACKWARD, a safepoint
  bind(exit);
  return true;
}

}  // namespace stitch::bytecode
