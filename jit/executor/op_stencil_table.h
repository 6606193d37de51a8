// The real op set's stencils (generated at build time into op_stencils.h) indexed by opcode, and
// the addresses of the runtime symbols they reference.
#pragma once

#include <cstdint>
#include <span>

#include "core/compiler/bytecode/opcodes.h"
#include "jit/backend/stencil.h"

namespace stitch::jit {

struct OpStencilTable {
  const Stencil* shim = nullptr;
  const Stencil* deopt = nullptr;  // leaves the executor before the instruction
  const Stencil* for_opcode[static_cast<int>(bytecode::Opcode::kCount)] = {};  // deopt when unsupported
  std::span<const std::uint64_t> runtime_symbol_addresses;
  int supported_opcodes = 0;
};

/// Built once (thread-safe static initialization).
const OpStencilTable& op_stencil_table();

}  // namespace stitch::jit
