#include "core/compiler/ast_dump.h"

#include <charconv>
#include <cstdio>

namespace stitch::compiler {

namespace {

class Dumper {
 public:
  explicit Dumper(DumpOptions options) : options_(options) {}

  std::string take() { return std::move(out_); }

  void module(const Module& module) {
    out_ += "Module\n";
    statements("body", module.body, 1);
  }

  void expr(std::string_view field, const Expr* node, int depth) {
    if (node == nullptr) return;
    line_start(field, depth);
    out_ += expr_kind_name(node->kind);
    switch (node->kind) {
      case ExprKind::BoolOp: {
        const auto* n = node->as<BoolOp>();
        attribute(bool_operator_name(n->op));
        end_line(node->range);
        expressions("values", n->values, depth + 1);
        break;
      }
      case ExprKind::NamedExpr: {
        const auto* n = node->as<NamedExpr>();
        end_line(node->range);
        expr("target", n->target, depth + 1);
        expr("value", n->value, depth + 1);
        break;
      }
      case ExprKind::BinOp: {
        const auto* n = node->as<BinOp>();
        attribute(binary_operator_name(n->op));
        end_line(node->range);
        expr("left", n->left, depth + 1);
        expr("right", n->right, depth + 1);
        break;
      }
      case ExprKind::UnaryOp: {
        const auto* n = node->as<UnaryOp>();
        attribute(unary_operator_name(n->op));
        end_line(node->range);
        expr("operand", n->operand, depth + 1);
        break;
      }
      case ExprKind::Lambda: {
        const auto* n = node->as<Lambda>();
        end_line(node->range);
        arguments(n->args, depth + 1);
        expr("body", n->body, depth + 1);
        break;
      }
      case ExprKind::IfExp: {
        const auto* n = node->as<IfExp>();
        end_line(node->range);
        expr("test", n->test, depth + 1);
        expr("body", n->body, depth + 1);
        expr("orelse", n->orelse, depth + 1);
        break;
      }
      case ExprKind::Dict: {
        const auto* n = node->as<Dict>();
        end_line(node->range);
        for (size_t i = 0; i < n->keys.size(); ++i) {
          std::string index = "[" + std::to_string(i) + "]";
          if (n->keys[i] == nullptr) {
            expr("unpack" + index, n->values[i], depth + 1);
          } else {
            expr("key" + index, n->keys[i], depth + 1);
            expr("value" + index, n->values[i], depth + 1);
          }
        }
        break;
      }
      case ExprKind::Set:
        end_line(node->range);
        expressions("elts", node->as<Set>()->elts, depth + 1);
        break;
      case ExprKind::ListComp:
        end_line(node->range);
        expr("elt", node->as<ListComp>()->elt, depth + 1);
        comprehensions(node->as<ListComp>()->generators, depth + 1);
        break;
      case ExprKind::SetComp:
        end_line(node->range);
        expr("elt", node->as<SetComp>()->elt, depth + 1);
        comprehensions(node->as<SetComp>()->generators, depth + 1);
        break;
      case ExprKind::GeneratorExp:
        end_line(node->range);
        expr("elt", node->as<GeneratorExp>()->elt, depth + 1);
        comprehensions(node->as<GeneratorExp>()->generators, depth + 1);
        break;
      case ExprKind::DictComp: {
        const auto* n = node->as<DictComp>();
        end_line(node->range);
        expr("key", n->key, depth + 1);
        expr("value", n->value, depth + 1);
        comprehensions(n->generators, depth + 1);
        break;
      }
      case ExprKind::Await:
        end_line(node->range);
        expr("value", node->as<Await>()->value, depth + 1);
        break;
      case ExprKind::Yield:
        end_line(node->range);
        expr("value", node->as<Yield>()->value, depth + 1);
        break;
      case ExprKind::YieldFrom:
        end_line(node->range);
        expr("value", node->as<YieldFrom>()->value, depth + 1);
        break;
      case ExprKind::Compare: {
        const auto* n = node->as<Compare>();
        for (CompareOperator op : n->ops) attribute(compare_operator_name(op));
        end_line(node->range);
        expr("left", n->left, depth + 1);
        expressions("comparators", n->comparators, depth + 1);
        break;
      }
      case ExprKind::Call: {
        const auto* n = node->as<Call>();
        end_line(node->range);
        expr("func", n->func, depth + 1);
        expressions("args", n->args, depth + 1);
        keywords(n->keywords, depth + 1);
        break;
      }
      case ExprKind::FormattedValue: {
        const auto* n = node->as<FormattedValue>();
        if (n->conversion != -1) attribute(std::string("!") + static_cast<char>(n->conversion));
        end_line(node->range);
        expr("value", n->value, depth + 1);
        expr("format_spec", n->format_spec, depth + 1);
        break;
      }
      case ExprKind::JoinedStr:
        end_line(node->range);
        expressions("values", node->as<JoinedStr>()->values, depth + 1);
        break;
      case ExprKind::Constant:
        attribute(constant_kind_name(node->as<Constant>()->value));
        end_line(node->range);
        break;
      case ExprKind::Int: {
        const auto* n = node->as<Int>();
        std::string text;
        if (n->base == 16) text = "0x";
        if (n->base == 8) text = "0o";
        if (n->base == 2) text = "0b";
        text += n->digits;
        attribute(text);
        end_line(node->range);
        break;
      }
      case ExprKind::Float: {
        char buffer[64];
        auto result = std::to_chars(buffer, buffer + sizeof buffer, node->as<Float>()->value);
        attribute(std::string_view(buffer, static_cast<size_t>(result.ptr - buffer)));
        end_line(node->range);
        break;
      }
      case ExprKind::Str:
        attribute(quoted(node->as<Str>()->value));
        end_line(node->range);
        break;
      case ExprKind::Attribute: {
        const auto* n = node->as<Attribute>();
        attribute(n->attr);
        attribute(expr_context_name(n->ctx));
        end_line(node->range);
        expr("value", n->value, depth + 1);
        break;
      }
      case ExprKind::Subscript: {
        const auto* n = node->as<Subscript>();
        attribute(expr_context_name(n->ctx));
        end_line(node->range);
        expr("value", n->value, depth + 1);
        expr("slice", n->slice, depth + 1);
        break;
      }
      case ExprKind::Starred: {
        const auto* n = node->as<Starred>();
        attribute(expr_context_name(n->ctx));
        end_line(node->range);
        expr("value", n->value, depth + 1);
        break;
      }
      case ExprKind::Name: {
        const auto* n = node->as<Name>();
        attribute(n->id);
        attribute(expr_context_name(n->ctx));
        end_line(node->range);
        break;
      }
      case ExprKind::List: {
        const auto* n = node->as<List>();
        attribute(expr_context_name(n->ctx));
        end_line(node->range);
        expressions("elts", n->elts, depth + 1);
        break;
      }
      case ExprKind::Tuple: {
        const auto* n = node->as<Tuple>();
        attribute(expr_context_name(n->ctx));
        end_line(node->range);
        expressions("elts", n->elts, depth + 1);
        break;
      }
      case ExprKind::Slice: {
        const auto* n = node->as<Slice>();
        end_line(node->range);
        expr("lower", n->lower, depth + 1);
        expr("upper", n->upper, depth + 1);
        expr("step", n->step, depth + 1);
        break;
      }
    }
  }

  void stmt(std::string_view field, const Stmt* node, int depth) {
    line_start(field, depth);
    out_ += stmt_kind_name(node->kind);
    switch (node->kind) {
      case StmtKind::FunctionDef: {
        const auto* n = node->as<FunctionDef>();
        attribute(n->name);
        if (n->is_async) attribute("async");
        end_line(node->range);
        expressions("decorator_list", n->decorator_list, depth + 1);
        arguments(n->args, depth + 1);
        expr("returns", n->returns, depth + 1);
        statements("body", n->body, depth + 1);
        break;
      }
      case StmtKind::ClassDef: {
        const auto* n = node->as<ClassDef>();
        attribute(n->name);
        end_line(node->range);
        expressions("decorator_list", n->decorator_list, depth + 1);
        expressions("bases", n->bases, depth + 1);
        keywords(n->keywords, depth + 1);
        statements("body", n->body, depth + 1);
        break;
      }
      case StmtKind::Return:
        end_line(node->range);
        expr("value", node->as<Return>()->value, depth + 1);
        break;
      case StmtKind::Delete:
        end_line(node->range);
        expressions("targets", node->as<Delete>()->targets, depth + 1);
        break;
      case StmtKind::Assign:
        end_line(node->range);
        expressions("targets", node->as<Assign>()->targets, depth + 1);
        expr("value", node->as<Assign>()->value, depth + 1);
        break;
      case StmtKind::AugAssign: {
        const auto* n = node->as<AugAssign>();
        attribute(binary_operator_name(n->op));
        end_line(node->range);
        expr("target", n->target, depth + 1);
        expr("value", n->value, depth + 1);
        break;
      }
      case StmtKind::AnnAssign: {
        const auto* n = node->as<AnnAssign>();
        if (n->simple) attribute("simple");
        end_line(node->range);
        expr("target", n->target, depth + 1);
        expr("annotation", n->annotation, depth + 1);
        expr("value", n->value, depth + 1);
        break;
      }
      case StmtKind::For: {
        const auto* n = node->as<For>();
        if (n->is_async) attribute("async");
        end_line(node->range);
        expr("target", n->target, depth + 1);
        expr("iter", n->iter, depth + 1);
        statements("body", n->body, depth + 1);
        statements("orelse", n->orelse, depth + 1);
        break;
      }
      case StmtKind::While:
        end_line(node->range);
        expr("test", node->as<While>()->test, depth + 1);
        statements("body", node->as<While>()->body, depth + 1);
        statements("orelse", node->as<While>()->orelse, depth + 1);
        break;
      case StmtKind::If:
        end_line(node->range);
        expr("test", node->as<If>()->test, depth + 1);
        statements("body", node->as<If>()->body, depth + 1);
        statements("orelse", node->as<If>()->orelse, depth + 1);
        break;
      case StmtKind::With: {
        const auto* n = node->as<With>();
        if (n->is_async) attribute("async");
        end_line(node->range);
        for (size_t i = 0; i < n->items.size(); ++i) {
          std::string index = "[" + std::to_string(i) + "]";
          expr("items" + index + ".context_expr", n->items[i]->context_expr, depth + 1);
          expr("items" + index + ".optional_vars", n->items[i]->optional_vars, depth + 1);
        }
        statements("body", n->body, depth + 1);
        break;
      }
      case StmtKind::Raise:
        end_line(node->range);
        expr("exc", node->as<Raise>()->exc, depth + 1);
        expr("cause", node->as<Raise>()->cause, depth + 1);
        break;
      case StmtKind::Try: {
        const auto* n = node->as<Try>();
        end_line(node->range);
        statements("body", n->body, depth + 1);
        for (size_t i = 0; i < n->handlers.size(); ++i) {
          const ExceptHandler* handler = n->handlers[i];
          line_start("handlers[" + std::to_string(i) + "]", depth + 1);
          out_ += "ExceptHandler";
          if (!handler->name.empty()) attribute(handler->name);
          end_line(handler->range);
          expr("type", handler->type, depth + 2);
          statements("body", handler->body, depth + 2);
        }
        statements("orelse", n->orelse, depth + 1);
        statements("finalbody", n->finalbody, depth + 1);
        break;
      }
      case StmtKind::Assert:
        end_line(node->range);
        expr("test", node->as<Assert>()->test, depth + 1);
        expr("msg", node->as<Assert>()->msg, depth + 1);
        break;
      case StmtKind::Import:
        end_line(node->range);
        aliases(node->as<Import>()->names, depth + 1);
        break;
      case StmtKind::ImportFrom: {
        const auto* n = node->as<ImportFrom>();
        attribute(std::string(static_cast<size_t>(n->level), '.') + std::string(n->module));
        end_line(node->range);
        aliases(n->names, depth + 1);
        break;
      }
      case StmtKind::Global:
        for (std::string_view name : node->as<Global>()->names) attribute(name);
        end_line(node->range);
        break;
      case StmtKind::Nonlocal:
        for (std::string_view name : node->as<Nonlocal>()->names) attribute(name);
        end_line(node->range);
        break;
      case StmtKind::ExprStmt:
        end_line(node->range);
        expr("value", node->as<ExprStmt>()->value, depth + 1);
        break;
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        end_line(node->range);
        break;
    }
  }

 private:
  void line_start(std::string_view field, int depth) {
    out_.append(static_cast<size_t>(depth) * 2, ' ');
    out_ += field;
    out_ += ": ";
  }

  void attribute(std::string_view text) {
    out_ += ' ';
    out_ += text;
  }

  void end_line(const SourceRange& range) {
    if (options_.positions) {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, " @%d:%d-%d:%d", range.line, range.col, range.end_line, range.end_col);
      out_ += buffer;
    }
    out_ += '\n';
  }

  void expressions(std::string_view field, NodeList<Expr> list, int depth) {
    for (size_t i = 0; i < list.size(); ++i) {
      std::string label = std::string(field) + "[" + std::to_string(i) + "]";
      if (list[i] == nullptr) {
        line_start(label, depth);
        out_ += "None\n";
        continue;
      }
      expr(label, list[i], depth);
    }
  }

  void statements(std::string_view field, NodeList<Stmt> list, int depth) {
    for (size_t i = 0; i < list.size(); ++i) stmt(std::string(field) + "[" + std::to_string(i) + "]", list[i], depth);
  }

  void comprehensions(NodeList<Comprehension> list, int depth) {
    for (size_t i = 0; i < list.size(); ++i) {
      const Comprehension* clause = list[i];
      line_start("generators[" + std::to_string(i) + "]", depth);
      out_ += "comprehension";
      if (clause->is_async) attribute("async");
      end_line(clause->range);
      expr("target", clause->target, depth + 1);
      expr("iter", clause->iter, depth + 1);
      expressions("ifs", clause->ifs, depth + 1);
    }
  }

  void keywords(NodeList<Keyword> list, int depth) {
    for (size_t i = 0; i < list.size(); ++i) {
      const Keyword* keyword = list[i];
      line_start("keywords[" + std::to_string(i) + "]", depth);
      out_ += "keyword";
      attribute(keyword->arg.empty() ? std::string_view("**") : keyword->arg);
      end_line(keyword->range);
      expr("value", keyword->value, depth + 1);
    }
  }

  void aliases(NodeList<Alias> list, int depth) {
    for (size_t i = 0; i < list.size(); ++i) {
      const Alias* alias = list[i];
      line_start("names[" + std::to_string(i) + "]", depth);
      out_ += "alias";
      attribute(alias->name);
      if (!alias->asname.empty()) {
        attribute("as");
        attribute(alias->asname);
      }
      end_line(alias->range);
    }
  }

  void arg(std::string_view field, const Arg* node, int depth) {
    if (node == nullptr) return;
    line_start(field, depth);
    out_ += "arg";
    attribute(node->name);
    end_line(node->range);
    expr("annotation", node->annotation, depth + 1);
  }

  void arguments(const Arguments* node, int depth) {
    if (node == nullptr) return;
    for (size_t i = 0; i < node->posonlyargs.size(); ++i) {
      arg("posonlyargs[" + std::to_string(i) + "]", node->posonlyargs[i], depth);
    }
    for (size_t i = 0; i < node->args.size(); ++i) arg("args[" + std::to_string(i) + "]", node->args[i], depth);
    arg("vararg", node->vararg, depth);
    for (size_t i = 0; i < node->kwonlyargs.size(); ++i) {
      arg("kwonlyargs[" + std::to_string(i) + "]", node->kwonlyargs[i], depth);
    }
    expressions("kw_defaults", node->kw_defaults, depth);
    arg("kwarg", node->kwarg, depth);
    expressions("defaults", node->defaults, depth);
  }

  static std::string quoted(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
      unsigned char byte = static_cast<unsigned char>(c);
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\'': out += "\\'"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
          if (byte < 0x20 || byte == 0x7F) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
            out += buffer;
          } else {
            out += c;
          }
      }
    }
    out += "'";
    return out;
  }

  DumpOptions options_;
  std::string out_;
};

}  // namespace

std::string dump_ast(const Module& module) { return dump_ast(module, DumpOptions{}); }

std::string dump_ast(const Module& module, DumpOptions options) {
  Dumper dumper(options);
  dumper.module(module);
  return dumper.take();
}

std::string dump_expr(const Expr& expr, DumpOptions options) {
  Dumper dumper(options);
  dumper.expr("expr", &expr, 0);
  return dumper.take();
}

}  // namespace stitch::compiler
