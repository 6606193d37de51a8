// The `stitch` module (JIT controls for scripts).
#pragma once

namespace stitch::jit {

/// Registers `stitch` with the import system (call once, before any import).
void register_stitch_module();

}  // namespace stitch::jit
