// End to end on one thread: toy stencils compiled by clang-19 at build time, extracted by the
// tool, copied + patched into the code arena, sealed, run.
#include <gtest/gtest.h>

#include <cstring>

#include "toy_jit.h"

namespace stitch::jit::toy {
namespace {

const Stencil& stencil(StencilId id) { return *toy_stencils::kStencils[static_cast<size_t>(id)]; }

TEST(ToyStencils, GeneratedHeaderHasTheExpectedHoles) {
  // Every continuation is a direct rel32 branch; immediates are 64-bit absolute; the runtime
  // call and the exit go through the GOT (-fno-plt); the constant push has no data blob.
  for (const Stencil* s : toy_stencils::kStencils) {
    for (uint32_t h = 0; h < s->hole_count; ++h) {
      const StencilHole& hole = s->holes[h];
      if (hole.value == HoleValue::kContinue || hole.value == HoleValue::kTarget)
        EXPECT_EQ(hole.kind, RelocationKind::kPlt32) << s->name;
      if (hole.value == HoleValue::kOparg || hole.value == HoleValue::kOperand0)
        EXPECT_EQ(hole.kind, RelocationKind::kAbsolute64) << s->name;
      if (hole.value == HoleValue::kRuntimeSymbol || hole.value == HoleValue::kExit)
        EXPECT_EQ(hole.kind, RelocationKind::kGotPcRelative32) << s->name;
    }
  }
  ASSERT_EQ(toy_stencils::kRuntimeSymbolCount, 1u);
  EXPECT_STREQ(toy_stencils::kRuntimeSymbolNames[0], "stitch_toy_runtime_modulo");
  EXPECT_GE(stencil(StencilId::add).trailing_continue_jump_offset, 0);
  EXPECT_EQ(stencil(StencilId::return_top).trailing_continue_jump_offset, -1);
  EXPECT_EQ(stencil(StencilId::jump).trailing_continue_jump_offset, -1);
}

class ToyJit : public ::testing::TestWithParam<PatchOptions> {};

TEST_P(ToyJit, SumLoopGivesTheRightAnswer) {
  CodeArena arena;
  CodeWriter writer = arena.writer();
  Result<CodeBlock> sum = compile_toy(writer, sum_program(false), GetParam());
  ASSERT_TRUE(sum.ok()) << sum.error();
  Result<CodeBlock> squares = compile_toy(writer, sum_program(true), GetParam());
  ASSERT_TRUE(squares.ok()) << squares.error();
  ASSERT_TRUE(writer.seal().ok());
  for (int64_t n : {0, 1, 2, 10, 1000, 100000}) {
    EXPECT_EQ(run_toy(*sum, n), expected_sum(n, false)) << n;
    EXPECT_EQ(run_toy(*squares, n), expected_sum(n, true)) << n;
  }
  arena.release(*sum);
  arena.release(*squares);
}

TEST_P(ToyJit, BranchyProgramWithRuntimeCallsGivesTheRightAnswer) {
  CodeArena arena;
  CodeWriter writer = arena.writer();
  Result<CodeBlock> block = compile_toy(writer, divisible_by_3_or_5_program(), GetParam());
  ASSERT_TRUE(block.ok()) << block.error();
  ASSERT_TRUE(writer.seal().ok());
  EXPECT_EQ(run_toy(*block, 999), 233168);
  for (int64_t n : {0, 3, 5, 15, 16, 12345}) EXPECT_EQ(run_toy(*block, n), expected_divisible_by_3_or_5(n)) << n;
  arena.release(*block);
}

TEST_P(ToyJit, ExitStencilLeavesThroughTheHostExitHandler) {
  CodeArena arena;
  CodeWriter writer = arena.writer();
  Result<CodeBlock> block = compile_toy(writer, exit_program(7), GetParam());
  ASSERT_TRUE(block.ok()) << block.error();
  ASSERT_TRUE(writer.seal().ok());
  EXPECT_EQ(run_toy(*block, 0), exit_handler_result(7));
  arena.release(*block);
}

INSTANTIATE_TEST_SUITE_P(Options, ToyJit,
                         ::testing::Values(PatchOptions{true, true}, PatchOptions{false, true},
                                           PatchOptions{true, false}, PatchOptions{false, false}),
                         [](const ::testing::TestParamInfo<PatchOptions>& info) {
                           return std::string(info.param.remove_jumps_to_next ? "Peephole" : "NoPeephole") +
                                  (info.param.relax_got_loads ? "Relaxed" : "ViaGot");
                         });

TEST(Patcher, GotLoadsAreServedByTheExecutorsGotWhenNotRelaxed) {
  std::vector<PatchInstruction> program = divisible_by_3_or_5_program();
  Result<ExecutorLayout> layout = plan_executor(toy_stencils::stencil_shim, program, PatchOptions{true, false});
  ASSERT_TRUE(layout.ok()) << layout.error();
  EXPECT_EQ(layout->got_slot_count, 2u);  // two modulo calls
  std::vector<uint8_t> buffer(layout->total_size);
  const uint64_t fake_base = 0x10000000;
  ASSERT_TRUE(emit_executor(*layout, toy_stencils::stencil_shim, program, toy_environment(), PatchOptions{true, false},
                            buffer.data(), fake_base)
                  .ok());
  // Both calls share one slot (deduplicated by value), holding the helper's address.
  uint64_t slot0 = 0;
  std::memcpy(&slot0, buffer.data() + layout->got_offset, 8);
  EXPECT_EQ(slot0, toy_environment().runtime_symbol_addresses[0]);
  uint64_t slot1 = 1;
  std::memcpy(&slot1, buffer.data() + layout->got_offset + 8, 8);
  EXPECT_EQ(slot1, 0u);
}

TEST(Patcher, RelaxesGotCallIntoDirectCallWhenInRange) {
  // Place the (never executed) executor 1 MiB below the helper so the call relaxes to rel32.
  std::vector<PatchInstruction> program = divisible_by_3_or_5_program();
  PatchOptions options{true, true};
  Result<ExecutorLayout> layout = plan_executor(toy_stencils::stencil_shim, program, options);
  ASSERT_TRUE(layout.ok());
  std::vector<uint8_t> buffer(layout->total_size);
  const uint64_t base = toy_environment().runtime_symbol_addresses[0] - (1u << 20);
  ASSERT_TRUE(emit_executor(*layout, toy_stencils::stencil_shim, program, toy_environment(), options, buffer.data(), base)
                  .ok());
  const Stencil& modulo = stencil(StencilId::modulo);
  const size_t modulo_index = 9;  // see divisible_by_3_or_5_program
  uint32_t call_hole = 0;
  for (uint32_t h = 0; h < modulo.hole_count; ++h)
    if (modulo.holes[h].value == HoleValue::kRuntimeSymbol) call_hole = modulo.holes[h].offset;
  const uint8_t* at = buffer.data() + layout->instruction_offsets[modulo_index] + call_hole;
  EXPECT_EQ(at[-2], 0x90);  // nop
  EXPECT_EQ(at[-1], 0xE8);  // call rel32
  int32_t displacement = 0;
  std::memcpy(&displacement, at, 4);
  const uint64_t next_instruction = base + layout->instruction_offsets[modulo_index] + call_hole + 4;
  EXPECT_EQ(next_instruction + static_cast<int64_t>(displacement), toy_environment().runtime_symbol_addresses[0]);
}

TEST(Patcher, FailsCleanlyOnBadPrograms) {
  std::vector<PatchInstruction> falls_off = {toy_instruction(StencilId::push_constant, 1)};
  Result<ExecutorLayout> layout = plan_executor(toy_stencils::stencil_shim, falls_off, {});
  ASSERT_FALSE(layout.ok());
  EXPECT_NE(layout.error().find("continues past the end"), std::string::npos);

  std::vector<PatchInstruction> jumps_out = {toy_instruction(StencilId::jump, 0, 5)};
  layout = plan_executor(toy_stencils::stencil_shim, jumps_out, {});
  ASSERT_FALSE(layout.ok());
  EXPECT_NE(layout.error().find("jumps out"), std::string::npos);

  const RuntimeSymbolBinding no_bindings[] = {{"something_else", nullptr}};
  Result<std::vector<uint64_t>> resolved = resolve_runtime_symbols(toy_stencils::kRuntimeSymbolNames, no_bindings);
  ASSERT_FALSE(resolved.ok());
  EXPECT_NE(resolved.error().find("stitch_toy_runtime_modulo"), std::string::npos);
}

TEST(Patcher, Rel32OutOfRangeFailsCleanly) {
  // A branch whose target is more than 2 GiB away cannot be encoded: emitting must fail, not
  // truncate. The layout gets one extra, fake instruction offset 2.25 GiB away, and the
  // conditional branch (instruction 6) targets it; the bytes written stay inside the buffer.
  std::vector<PatchInstruction> program = sum_program(false);
  Result<ExecutorLayout> layout = plan_executor(toy_stencils::stencil_shim, program, {});
  ASSERT_TRUE(layout.ok());
  ExecutorLayout far = *layout;
  far.instruction_offsets.push_back(0x90000000u);
  program[6].jump_target = static_cast<uint32_t>(program.size());
  std::vector<uint8_t> buffer(far.total_size);
  Status status = emit_executor(far, toy_stencils::stencil_shim, program, toy_environment(), {}, buffer.data(), 0x1000);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().find("more than 2 GiB"), std::string::npos) << status.error();
}

TEST(Patcher, FarRuntimeCallsGoThroughAStubAndGotSlot) {
  // `call rel32` to a runtime symbol (what TSan's instrumentation emits even under -fno-plt) whose
  // target is 3 GiB away: the call must reach a stub `jmp [rip+slot]` whose slot holds the target,
  // one stub per distinct target, and in-range targets must stay direct.
  static const uint8_t code[] = {0xE8, 0, 0, 0, 0, 0xE8, 0, 0, 0, 0, 0xE8, 0, 0, 0, 0, 0xC3};
  static const StencilHole holes[] = {
      {1, RelocationKind::kPlt32, HoleValue::kRuntimeSymbol, 0, -4},
      {6, RelocationKind::kPlt32, HoleValue::kRuntimeSymbol, 0, -4},
      {11, RelocationKind::kPlt32, HoleValue::kRuntimeSymbol, 1, -4},
  };
  static const Stencil caller = {"far_caller", code, sizeof code, 16, nullptr, 0, 1, holes, 3, -1};
  std::vector<PatchInstruction> program(1);
  program[0].stencil = &caller;
  Result<ExecutorLayout> layout = plan_executor(toy_stencils::stencil_shim, program, {});
  ASSERT_TRUE(layout.ok()) << layout.error();
  EXPECT_EQ(layout->stub_count, 3u);
  const uint64_t base = 0x10000000;
  const uint64_t far_target = base + (uint64_t{3} << 30);
  const uint64_t near_target = base + 0x1000;
  const uint64_t addresses[] = {far_target, near_target};
  PatchEnvironment environment;
  environment.runtime_symbol_addresses = addresses;
  std::vector<uint8_t> buffer(layout->total_size);
  Status status = emit_executor(*layout, toy_stencils::stencil_shim, program, environment, {}, buffer.data(), base);
  ASSERT_TRUE(status.ok()) << status.error();
  auto call_target = [&](uint32_t call_offset) {
    int32_t rel;
    std::memcpy(&rel, buffer.data() + call_offset + 1, 4);
    return base + call_offset + 5 + static_cast<int64_t>(rel);
  };
  const uint32_t first = layout->instruction_offsets[0];
  const uint64_t stub = call_target(first);
  EXPECT_EQ(stub, base + layout->stub_offset);
  EXPECT_EQ(call_target(first + 5), stub);  // the same target shares its stub
  EXPECT_EQ(call_target(first + 10), near_target);  // in range: direct
  const uint8_t* stub_bytes = buffer.data() + layout->stub_offset;
  ASSERT_EQ(stub_bytes[0], 0xFF);
  ASSERT_EQ(stub_bytes[1], 0x25);
  int32_t to_slot;
  std::memcpy(&to_slot, stub_bytes + 2, 4);
  uint64_t slot_address = stub + 6 + static_cast<int64_t>(to_slot);
  uint64_t slot_value;
  std::memcpy(&slot_value, buffer.data() + (slot_address - base), 8);
  EXPECT_EQ(slot_value, far_target);
}

}  // namespace
}  // namespace stitch::jit::toy
