// Helpers for the code generator tests: compile a snippet and disassemble it.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/compiler/bytecode/codegen.h"
#include "core/compiler/bytecode/disassembler.h"
#include "core/compiler/frontend.h"
#include "core/object/code.h"
#include "core/object/str.h"
#include "core/object/tuple.h"
#include "core/object/tests/object_test_support.h"

namespace stitch::bytecode::testing {

/// Compiles `source` (which must pass the front end); the result owns the module code object.
class Compiled {
 public:
  explicit Compiled(std::string_view source, std::string filename = "<test>") {
    compiler::FrontendResult frontend = compiler::run_frontend(source, std::move(filename));
    if (!frontend.ok()) {
      error_ = "front end: " + frontend.error->summary();
      return;
    }
    CompileResult result = compile_module(frontend);
    if (!result.ok()) {
      error_ = "compiler: " + result.error->summary();
      return;
    }
    code_ = Ref::steal(result.code);
  }
  bool ok() const { return static_cast<bool>(code_); }
  const std::string& error() const { return error_; }
  const CodeObject* code() const { return static_cast<const CodeObject*>(code_.get()); }
  std::string dis(bool recursive = true) const { return ok() ? disassemble(code(), recursive) : error_; }
  /// The first nested code object whose name is `name` (depth first).
  const CodeObject* nested(std::string_view name) const { return find(code(), name); }

 private:
  static const CodeObject* find(const CodeObject* code, std::string_view name) {
    auto* consts = as_tuple(code->consts);
    for (std::int64_t i = 0; i < consts->size; ++i) {
      Object* constant = consts->items[i];
      if (type_of(constant) != &code_type) continue;
      const auto* child = static_cast<const CodeObject*>(constant);
      if (str_view(child->name) == name) return child;
      if (const CodeObject* found = find(child, name)) return found;
    }
    return nullptr;
  }
  Ref code_;
  std::string error_;
};

}  // namespace stitch::bytecode::testing
