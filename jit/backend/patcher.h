// Patcher: builds an executor's machine code by copying stencils and writing their holes.
//
// Executor layout (one CodeBlock):
//   [shim][instruction 0]...[instruction n-1][data blobs][GOT slots][far-call stubs]
// The shim is a native-ABI stencil the host calls; its STITCH_HOLE_CONTINUE is instruction 0.
// Each instruction is one stencil; STITCH_HOLE_CONTINUE is the next instruction,
// STITCH_HOLE_TARGET the instruction at `jump_target`.
//
// Jump-to-next peephole: a stencil ending in `jmp rel32 STITCH_HOLE_CONTINUE` (the extractor
// records its offset) is emitted without those 5 bytes when another instruction follows, because
// the next instruction then starts exactly where the jump would have gone. Other CONTINUE holes in
// the stencil (conditional branches) still point at the next instruction's start.
//
// Reaching far targets: every hole inside the executor (CONTINUE, TARGET, data) is within one
// block, so rel32 always fits. Runtime functions and the exit handler live in the host binary,
// possibly more than 2 GiB away, so stencils are compiled with -fno-plt and reach them through
// GOTPCRELX: the patcher gives each executor its own GOT (8-byte slots after the data, read-only
// once sealed). When the target happens to be within +-2 GiB, the load is relaxed to direct
// addressing (mov -> lea, call/jmp *[rip+x] -> nop; call/jmp rel32), like a static linker. A
// PLT32 call/jump to the runtime (sanitizer instrumentation calls are emitted that way even under
// -fno-plt) that does not reach goes through a stub `jmp *[rip+slot]` after the GOT, like a
// linker's PLT entry. Any other PC32/PLT32 hole whose target is out of range fails cleanly.
// 32-bit absolute holes fail cleanly when the value does not fit.
//
// The patcher writes only into the destination buffer it is given; it does no synchronisation.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "jit/backend/backend_result.h"
#include "jit/backend/code_arena.h"
#include "jit/backend/stencil.h"

namespace stitch::jit {

struct PatchInstruction {
  const Stencil* stencil = nullptr;
  uint64_t oparg = 0;
  uint64_t operand0 = 0;
  uint64_t operand1 = 0;
  uint32_t jump_target = 0;  ///< Instruction index, for STITCH_HOLE_TARGET.
};

struct PatchOptions {
  bool remove_jumps_to_next = true;  ///< The jump-to-next peephole.
  bool relax_got_loads = true;       ///< Relax GOTPCRELX to direct addressing when in range.
};

/// Addresses the stencils' external holes resolve to.
struct PatchEnvironment {
  std::span<const uint64_t> runtime_symbol_addresses;  ///< Indexed by StencilHole::symbol_index.
  uint64_t exit_address = 0;                            ///< STITCH_HOLE_EXIT.
};

struct ExecutorLayout {
  uint32_t shim_size = 0;
  std::vector<uint32_t> instruction_offsets;  ///< Code offset of each instruction.
  std::vector<uint32_t> emitted_sizes;        ///< Bytes copied per instruction (after peephole).
  std::vector<uint32_t> data_offsets;         ///< Offset of each instruction's data blob.
  uint32_t code_size = 0;                     ///< Shim + instructions.
  uint32_t got_offset = 0;
  uint32_t got_slot_count = 0;                ///< Upper bound: one per GOT hole and per stub.
  uint32_t stub_offset = 0;                   ///< Far-call stubs, after the GOT.
  uint32_t stub_count = 0;                    ///< Upper bound: one per PLT32 hole to the runtime.
  uint32_t total_size = 0;
};

/// Sizing pass: offsets of every instruction, data blob and the GOT.
Result<ExecutorLayout> plan_executor(const Stencil& shim, std::span<const PatchInstruction> instructions,
                                     const PatchOptions& options);

/// Copies and patches into `destination` (layout.total_size bytes), as if it were mapped at
/// `execution_address`.
Status emit_executor(const ExecutorLayout& layout, const Stencil& shim,
                     std::span<const PatchInstruction> instructions, const PatchEnvironment& environment,
                     const PatchOptions& options, uint8_t* destination, uint64_t execution_address);

/// plan + allocate from `writer` + emit. The block is executable after `writer.seal()`.
Result<CodeBlock> build_executor(CodeWriter& writer, const Stencil& shim,
                                 std::span<const PatchInstruction> instructions,
                                 const PatchEnvironment& environment, const PatchOptions& options = {});

struct RuntimeSymbolBinding {
  std::string_view name;
  const void* address;
};

/// Maps the generated, null-terminated symbol-name table to addresses, failing on a missing name.
Result<std::vector<uint64_t>> resolve_runtime_symbols(const char* const* names,
                                                      std::span<const RuntimeSymbolBinding> bindings);

}  // namespace stitch::jit
