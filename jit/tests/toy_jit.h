// Test helper: JIT-compiles toy programs (jit/backend/toy/) with the real extractor output,
// code arena and patcher, and runs them.
#pragma once

#include <cstdint>
#include <vector>

#include "jit/backend/code_arena.h"
#include "jit/backend/patcher.h"
#include "jit/backend/toy/toy_machine.h"
#include "jit/toy_stencils.h"  // generated into the build directory

namespace stitch::jit::toy {

using toy_stencils::StencilId;

/// One toy instruction: an op plus its argument (oparg or constant) and jump target.
PatchInstruction toy_instruction(StencilId op, uint64_t argument = 0, uint32_t jump_target = 0);

/// sum of i (or i*i when `squares`) for i in 1..N, N read from local 2.
std::vector<PatchInstruction> sum_program(bool squares);
/// sum of the i in 1..N divisible by 3 or 5 (branches + runtime calls), N in local 2.
std::vector<PatchInstruction> divisible_by_3_or_5_program();
/// Pushes a value and leaves through STITCH_HOLE_EXIT with `reason`.
std::vector<PatchInstruction> exit_program(uint32_t reason);

/// What the exit handler returns for an exit with `reason`.
int64_t exit_handler_result(int64_t reason);

PatchEnvironment toy_environment();
Result<CodeBlock> compile_toy(CodeWriter& writer, const std::vector<PatchInstruction>& program,
                              const PatchOptions& options = {});
/// Runs a sealed executor with local 2 = n.
int64_t run_toy(const CodeBlock& block, int64_t n);

int64_t expected_sum(int64_t n, bool squares);
int64_t expected_divisible_by_3_or_5(int64_t n);

}  // namespace stitch::jit::toy
