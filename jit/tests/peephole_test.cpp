// The jump-to-next peephole: adjacent continuations lose their trailing `jmp rel32`.
#include <gtest/gtest.h>

#include "toy_jit.h"

namespace stitch::jit::toy {
namespace {

TEST(JumpToNextPeephole, PatchedCodeIsShorterThanTheRawStencils) {
  std::vector<PatchInstruction> program = sum_program(true);
  Result<ExecutorLayout> with = plan_executor(toy_stencils::stencil_shim, program, PatchOptions{true, true});
  Result<ExecutorLayout> without = plan_executor(toy_stencils::stencil_shim, program, PatchOptions{false, true});
  ASSERT_TRUE(with.ok() && without.ok());

  size_t raw = toy_stencils::stencil_shim.code_size;
  size_t removable = 0;
  for (size_t i = 0; i < program.size(); ++i) {
    raw += program[i].stencil->code_size;
    if (i + 1 < program.size() && program[i].stencil->trailing_continue_jump_offset >= 0) ++removable;
  }
  EXPECT_EQ(without->code_size, raw);
  EXPECT_GT(removable, 10u);
  EXPECT_EQ(with->code_size, raw - 5 * removable);
  EXPECT_LT(with->code_size, raw);
}

TEST(JumpToNextPeephole, RemovedJumpsLeaveNoJumpToTheNextInstruction) {
  // After patching, no instruction ends in `E9 00 00 00 00` (a jmp to the very next byte).
  std::vector<PatchInstruction> program = sum_program(false);
  PatchOptions options{true, true};
  Result<ExecutorLayout> layout = plan_executor(toy_stencils::stencil_shim, program, options);
  ASSERT_TRUE(layout.ok());
  std::vector<uint8_t> buffer(layout->total_size);
  ASSERT_TRUE(emit_executor(*layout, toy_stencils::stencil_shim, program, toy_environment(), options, buffer.data(),
                            0x100000)
                  .ok());
  for (size_t i = 0; i < program.size(); ++i) {
    uint32_t end = layout->instruction_offsets[i] + layout->emitted_sizes[i];
    ASSERT_GE(end, 5u);
    bool jump_to_next = buffer[end - 5] == 0xE9 && buffer[end - 4] == 0 && buffer[end - 3] == 0 &&
                        buffer[end - 2] == 0 && buffer[end - 1] == 0;
    EXPECT_FALSE(jump_to_next) << "instruction " << i << " (" << program[i].stencil->name << ")";
  }
  // Without the peephole they are there (the patched displacement of a jmp to next is 0).
  PatchOptions no_peephole{false, true};
  Result<ExecutorLayout> raw = plan_executor(toy_stencils::stencil_shim, program, no_peephole);
  std::vector<uint8_t> raw_buffer(raw->total_size);
  ASSERT_TRUE(emit_executor(*raw, toy_stencils::stencil_shim, program, toy_environment(), no_peephole,
                            raw_buffer.data(), 0x100000)
                  .ok());
  uint32_t end = raw->instruction_offsets[0] + raw->emitted_sizes[0];
  EXPECT_EQ(raw_buffer[end - 5], 0xE9);
  EXPECT_EQ(raw_buffer[end - 4], 0);
}

}  // namespace
}  // namespace stitch::jit::toy
