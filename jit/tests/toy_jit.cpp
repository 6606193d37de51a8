#include "toy_jit.h"

namespace stitch::jit::toy {

extern "C" int64_t stitch_toy_runtime_modulo(int64_t dividend, int64_t divisor) {
  return divisor == 0 ? 0 : dividend % divisor;
}

// Reached by a musttail jump from the exit stencil, so it shares the stencils' convention; its
// return goes straight back to the shim.
extern "C" __attribute__((preserve_none)) int64_t stitch_toy_exit_handler(ToyFrame* frame, int64_t*) {
  return exit_handler_result(frame->exit_reason);
}

int64_t exit_handler_result(int64_t reason) { return -1000 - reason; }

PatchInstruction toy_instruction(StencilId op, uint64_t argument, uint32_t jump_target) {
  PatchInstruction instruction;
  instruction.stencil = toy_stencils::kStencils[static_cast<size_t>(op)];
  instruction.oparg = argument;
  instruction.operand0 = argument;
  instruction.jump_target = jump_target;
  return instruction;
}

std::vector<PatchInstruction> sum_program(bool squares) {
  using enum StencilId;
  std::vector<PatchInstruction> p = {
      toy_instruction(push_constant, 0), toy_instruction(store_local, 0),   // sum = 0
      toy_instruction(push_constant, 1), toy_instruction(store_local, 1),   // i = 1
      toy_instruction(load_local, 1),                                        // 4: loop head
      toy_instruction(load_local, 2), toy_instruction(jump_unless_less_equal, 0, 0 /*patched below*/),
      toy_instruction(load_local, 0), toy_instruction(load_local, 1)};
  if (squares) {
    p.push_back(toy_instruction(load_local, 1));
    p.push_back(toy_instruction(multiply));
  }
  p.push_back(toy_instruction(add));
  p.push_back(toy_instruction(store_local, 0));  // sum += i (or i*i)
  p.push_back(toy_instruction(load_local, 1));
  p.push_back(toy_instruction(push_constant, 1));
  p.push_back(toy_instruction(add));
  p.push_back(toy_instruction(store_local, 1));  // i += 1
  p.push_back(toy_instruction(jump, 0, 4));      // back-edge
  p[6].jump_target = static_cast<uint32_t>(p.size());
  p.push_back(toy_instruction(load_local, 0));
  p.push_back(toy_instruction(return_top));
  return p;
}

std::vector<PatchInstruction> divisible_by_3_or_5_program() {
  using enum StencilId;
  constexpr uint32_t kLoop = 4, kTake = 16, kNext = 20, kEnd = 25;
  return {
      toy_instruction(push_constant, 0), toy_instruction(store_local, 0),  // 0: sum = 0
      toy_instruction(push_constant, 1), toy_instruction(store_local, 1),  // 2: i = 1
      toy_instruction(load_local, 1), toy_instruction(load_local, 2),      // 4: loop: i <= N ?
      toy_instruction(jump_unless_less_equal, 0, kEnd),
      toy_instruction(load_local, 1), toy_instruction(push_constant, 3),   // 7: i % 3 == 0 ?
      toy_instruction(modulo), toy_instruction(jump_if_zero, 0, kTake),
      toy_instruction(load_local, 1), toy_instruction(push_constant, 5),   // 11: i % 5 == 0 ?
      toy_instruction(modulo), toy_instruction(jump_if_zero, 0, kTake),
      toy_instruction(jump, 0, kNext),                                      // 15
      toy_instruction(load_local, 0), toy_instruction(load_local, 1),      // 16: take: sum += i
      toy_instruction(add), toy_instruction(store_local, 0),
      toy_instruction(load_local, 1), toy_instruction(push_constant, 1),   // 20: next: i += 1
      toy_instruction(add), toy_instruction(store_local, 1),
      toy_instruction(jump, 0, kLoop),                                      // 24: back-edge
      toy_instruction(load_local, 0), toy_instruction(return_top),         // 25: end
  };
}

std::vector<PatchInstruction> exit_program(uint32_t reason) {
  using enum StencilId;
  return {toy_instruction(push_constant, 42), toy_instruction(exit, reason)};
}

PatchEnvironment toy_environment() {
  static const std::vector<uint64_t> addresses = [] {
    const RuntimeSymbolBinding bindings[] = {
        {"stitch_toy_runtime_modulo", reinterpret_cast<const void*>(&stitch_toy_runtime_modulo)}};
    Result<std::vector<uint64_t>> resolved = resolve_runtime_symbols(toy_stencils::kRuntimeSymbolNames, bindings);
    return resolved ? resolved.value() : std::vector<uint64_t>{};
  }();
  PatchEnvironment environment;
  environment.runtime_symbol_addresses = addresses;
  environment.exit_address = reinterpret_cast<uint64_t>(&stitch_toy_exit_handler);
  return environment;
}

Result<CodeBlock> compile_toy(CodeWriter& writer, const std::vector<PatchInstruction>& program,
                              const PatchOptions& options) {
  return build_executor(writer, toy_stencils::stencil_shim, program, toy_environment(), options);
}

// UBSan's -fsanitize=function checks an indirect call by reading a signature word just *before*
// the callee; JIT code has none, and the page before a block may be PROT_NONE. Every host call
// into JIT code needs this attribute (the runtime's executor entry will too).
__attribute__((no_sanitize("function"))) int64_t run_toy(const CodeBlock& block, int64_t n) {
  ToyFrame frame{};
  frame.locals[2] = n;
  auto entry = reinterpret_cast<int64_t (*)(ToyFrame*)>(block.address);
  return entry(&frame);
}

int64_t expected_sum(int64_t n, bool squares) {
  int64_t sum = 0;
  for (int64_t i = 1; i <= n; ++i) sum += squares ? i * i : i;
  return sum;
}

int64_t expected_divisible_by_3_or_5(int64_t n) {
  int64_t sum = 0;
  for (int64_t i = 1; i <= n; ++i)
    if (i % 3 == 0 || i % 5 == 0) sum += i;
  return sum;
}

}  // namespace stitch::jit::toy
