// An executor: one code object compiled whole into machine code, one stencil per instruction.
//
// Layout (one CodeBlock): [shim][instruction 0]...[instruction n-1][data][GOT]. Every instruction
// boundary is an entry point: the interpreter may enter at any instruction (the frame's state is
// all in memory), so `entries` maps each instruction's word offset to its code offset.
#pragma once

#include <cstdint>
#include <vector>

#include "core/object/code.h"
#include "jit/backend/backend_result.h"
#include "jit/backend/code_arena.h"

namespace stitch::jit {

struct Executor {
  CodeObject* code = nullptr;          // borrowed: the code object it was compiled from
  CodeBlock block;                     // sealed (read+execute) before the executor is published
  std::vector<std::uint32_t> entries;  // word offset -> code offset; 0 = not an instruction start
  std::uint32_t instruction_count = 0;
  std::uint32_t deopt_instruction_count = 0;  // instructions the JIT leaves to the interpreter
};

/// Compiles every instruction of `code` into a new block of `arena` and seals it. The result is
/// complete and may be published; nothing else references it yet.
Result<Executor*> compile_executor(CodeArena& arena, CodeObject* code);

}  // namespace stitch::jit
