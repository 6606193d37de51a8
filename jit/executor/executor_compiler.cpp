// The method frontend: bytecode -> one PatchInstruction per instruction -> executor.
#include <string>

#include "core/compiler/bytecode/opcodes.h"
#include "jit/backend/patcher.h"
#include "jit/executor/executor.h"
#include "jit/executor/op_stencil_table.h"

namespace stitch::jit {

using bytecode::Opcode;

Result<Executor*> compile_executor(CodeArena& arena, CodeObject* code) {
  const OpStencilTable& table = op_stencil_table();
  const std::int64_t words = code->bytecode_words;
  std::vector<std::int64_t> index_of_offset(static_cast<std::size_t>(words) + 1, -1);
  std::vector<PatchInstruction> instructions;
  std::vector<std::int64_t> targets;
  std::vector<std::uint32_t> offsets;
  std::uint32_t deopts = 0;
  for (std::int64_t offset = 0; offset < words;) {
    std::uint32_t word = code->bytecode[offset];
    Opcode op = bytecode::word_opcode(word);
    if (static_cast<int>(op) >= static_cast<int>(Opcode::kCount))
      return make_error("bad opcode at word " + std::to_string(offset));
    std::uint32_t oparg = bytecode::word_oparg(word);
    std::int64_t next = offset + 1 + bytecode::opcode_cache_words(op);
    const Stencil* stencil = table.for_opcode[static_cast<int>(op)];
    if (stencil == table.deopt) ++deopts;
    index_of_offset[static_cast<std::size_t>(offset)] = static_cast<std::int64_t>(instructions.size());
    PatchInstruction instruction;
    instruction.stencil = stencil;
    instruction.oparg = oparg;
    instruction.operand0 = reinterpret_cast<std::uint64_t>(code->bytecode + offset);
    instruction.operand1 = reinterpret_cast<std::uint64_t>(code->bytecode + next);
    instructions.push_back(instruction);
    targets.push_back(stencil == table.deopt ? -1 : bytecode::jump_target_offset(op, oparg, next));
    offsets.push_back(static_cast<std::uint32_t>(offset));
    offset = next;
  }
  // Nothing may continue past the last instruction: a deopt sentinel at the end of the bytecode
  // (never reached by valid bytecode, which ends in a return or a jump).
  index_of_offset[static_cast<std::size_t>(words)] = static_cast<std::int64_t>(instructions.size());
  PatchInstruction sentinel;
  sentinel.stencil = table.deopt;
  sentinel.operand0 = reinterpret_cast<std::uint64_t>(code->bytecode + words);
  instructions.push_back(sentinel);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (targets[i] < 0) continue;
    if (targets[i] > words || index_of_offset[static_cast<std::size_t>(targets[i])] < 0)
      return make_error("instruction at word " + std::to_string(offsets[i]) + " jumps to word " +
                        std::to_string(targets[i]) + ", which is not an instruction");
    instructions[i].jump_target = static_cast<std::uint32_t>(index_of_offset[static_cast<std::size_t>(targets[i])]);
  }

  PatchEnvironment environment;
  environment.runtime_symbol_addresses = table.runtime_symbol_addresses;
  CodeWriter writer = arena.writer();
  Result<ExecutorLayout> layout = plan_executor(*table.shim, instructions, PatchOptions{});
  if (!layout) return layout.take_error();
  Result<CodeBlock> block = writer.allocate(layout->total_size);
  if (!block) return block.take_error();
  Status emitted = emit_executor(*layout, *table.shim, instructions, environment, PatchOptions{}, block->address,
                                 reinterpret_cast<std::uint64_t>(block->address));
  if (!emitted) return emitted.take_error();
  Status sealed = writer.seal();
  if (!sealed) return sealed.take_error();

  auto* executor = new Executor;
  executor->code = code;
  executor->block = *block;
  executor->entries.assign(static_cast<std::size_t>(words) + 1, 0);
  for (std::size_t i = 0; i < offsets.size(); ++i) executor->entries[offsets[i]] = layout->instruction_offsets[i];
  executor->instruction_count = static_cast<std::uint32_t>(offsets.size());
  executor->deopt_instruction_count = deopts;
  return executor;
}

}  // namespace stitch::jit
