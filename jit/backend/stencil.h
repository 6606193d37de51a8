// Stencil: the unit of copy-and-patch code generation.
//
// A stencil is the machine code of one op, compiled once at build time by clang-19, plus the
// list of its holes: places where bytes must be patched at JIT time because they depend on the
// op's arguments or on where the code ends up. The build-time extractor
// (jit/backend/extractor/) writes one `Stencil` per op into the generated header
// `jit_stencils.h`; the patcher (patcher.h) copies `code` and writes every hole.
//
// Invariant: the types here describe immutable, build-time tables. Nothing in them is written
// at run time, so any thread may read them without synchronisation.
#pragma once

#include <cstdint>

namespace stitch::jit {

/// How a hole's bytes are computed from its resolved value S, its addend A and its own address P
/// (x86-64 ELF relocation semantics). Kinds that clang-19 emits with the stencil flags
/// (jit/README.md) plus the 32-bit absolute kinds for a small code model.
enum class RelocationKind : uint8_t {
  kAbsolute64,           ///< R_X86_64_64: 8 bytes = S + A.
  kPcRelative32,         ///< R_X86_64_PC32: 4 bytes = S + A - P, must fit int32.
  kPlt32,                ///< R_X86_64_PLT32: same formula (no PLT: the target is reached directly).
  kAbsolute32,           ///< R_X86_64_32: 4 bytes = S + A, must fit uint32.
  kAbsolute32Signed,     ///< R_X86_64_32S: 4 bytes = S + A, must fit int32.
  kGotPcRelative32,      ///< R_X86_64_GOTPCRELX: 4 bytes = G + A - P, G = executor GOT slot holding S.
  kGotPcRelative32Rex,   ///< R_X86_64_REX_GOTPCRELX: same, instruction has a REX prefix.
};

/// What a hole's value S is.
enum class HoleValue : uint8_t {
  kContinue,       ///< STITCH_HOLE_CONTINUE: the next instruction's code.
  kTarget,         ///< STITCH_HOLE_TARGET: the code of the instruction's jump target.
  kExit,           ///< STITCH_HOLE_EXIT: the host's exit handler (patch option).
  kOparg,          ///< STITCH_HOLE_OPARG: the instruction's oparg.
  kOperand0,       ///< STITCH_HOLE_OPERAND0.
  kOperand1,       ///< STITCH_HOLE_OPERAND1.
  kData,           ///< This stencil's copy of its read-only data (A includes the offset in it).
  kRuntimeSymbol,  ///< An extern "C" runtime function or object, `symbol_index` into the symbol names.
};

struct StencilHole {
  uint32_t offset;        ///< Byte offset of the patched field inside the stencil's code.
  RelocationKind kind;
  HoleValue value;
  uint16_t symbol_index;  ///< Only for kRuntimeSymbol: index into the generated symbol-name table.
  int64_t addend;
};

struct Stencil {
  const char* name;             ///< Op name without the `stitch_stencil_` prefix.
  const uint8_t* code;
  uint32_t code_size;
  uint32_t code_alignment;      ///< Section alignment clang asked for (informational: see README).
  const uint8_t* data;          ///< Read-only data the code references (inlined .rodata), or null.
  uint32_t data_size;
  uint32_t data_alignment;
  const StencilHole* holes;
  uint32_t hole_count;
  /// Offset of a trailing 5-byte `jmp rel32` to STITCH_HOLE_CONTINUE, or -1. When the next
  /// instruction is emitted right after this one, the patcher drops those 5 bytes.
  int32_t trailing_continue_jump_offset;
};

}  // namespace stitch::jit
