// Binds the generated op stencils to opcodes, by name: the stencil `stitch_stencil_LOAD_FAST` is
// LOAD_FAST's. An opcode without a stencil of its own leaves the executor (the `deopt` stencil).
#define STITCH_STENCILS_BIND_RUNTIME_SYMBOLS
#include "jit/op_stencils.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "jit/executor/op_stencil_table.h"

namespace stitch::jit {

namespace {

const Stencil* find_stencil(std::string_view name) {
  for (const Stencil* stencil : op_stencils::kStencils)
    if (name == stencil->name) return stencil;
  return nullptr;
}

OpStencilTable build_table() {
  static std::vector<std::uint64_t> addresses;
  for (std::size_t i = 0; i < op_stencils::kRuntimeSymbolCount; ++i)
    addresses.push_back(reinterpret_cast<std::uint64_t>(op_stencils::kRuntimeSymbolAddresses[i]));
  OpStencilTable table;
  table.shim = find_stencil("shim");
  table.deopt = find_stencil("deopt");
  if (table.shim == nullptr || table.deopt == nullptr) {
    // A build defect (the template and this file disagree), not a run-time condition.
    std::fprintf(stderr, "stitch: JIT stencils lack 'shim' or 'deopt'\n");
    std::abort();
  }
  for (int op = 0; op < static_cast<int>(bytecode::Opcode::kCount); ++op) {
    const Stencil* stencil = find_stencil(bytecode::opcode_name(static_cast<bytecode::Opcode>(op)));
    table.for_opcode[op] = stencil != nullptr ? stencil : table.deopt;
    if (stencil != nullptr) ++table.supported_opcodes;
  }
  table.runtime_symbol_addresses = addresses;
  return table;
}

}  // namespace

const OpStencilTable& op_stencil_table() {
  static const OpStencilTable table = build_table();
  return table;
}

}  // namespace stitch::jit
